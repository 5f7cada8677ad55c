"""The main window composes the small widgets and wires them together; it holds no business
logic of its own. Left: sidebar. Centre: toolbar + inbox. Right: actions, detail, composer."""

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from moderator_app import APP_NAME
from moderator_app.connectors.registry import capabilities_for
from moderator_app.domain import AccountStatus, Attention, Comment, Platform
from moderator_app.store import CommentFilter, Store
from moderator_app.ui import shortcuts
from moderator_app.ui.accounts_dialog import AccountsDialog
from moderator_app.ui.action_bar import ActionBar
from moderator_app.ui.captcha_dialog import CaptchaDialog
from moderator_app.ui.composer import Composer
from moderator_app.ui.detail_pane import DetailPane
from moderator_app.ui.engine_bridge import EngineBridge
from moderator_app.ui.escalate_dialog import EscalateDialog
from moderator_app.ui.filter_state import FilterState, Scope
from moderator_app.ui.inbox_model import InboxModel
from moderator_app.ui.inbox_toolbar import InboxToolbar
from moderator_app.ui.inbox_view import InboxView
from moderator_app.ui.message_box import plain_question
from moderator_app.ui.moderation import ModerationActions
from moderator_app.ui.sidebar import Sidebar
from moderator_app.ui.status_bar import SyncStatusBar

COUNTS_REFRESH_MS = 300
TIME_REFRESH_MS = 60_000


class MainWindow(QMainWindow):
    def __init__(self, store: Store, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.store = store
        self.bridge = bridge
        self.filters = FilterState(self)
        self.moderation = ModerationActions(store, bridge, self)
        self.model = InboxModel(store, self)
        self.sidebar = Sidebar(store)
        self.toolbar = InboxToolbar()
        self.inbox = InboxView(self.model)
        self.action_bar = ActionBar(capabilities_of=capabilities_for, platform_of=self._platform_of)
        self.detail = DetailPane(store)
        self.composer = Composer()
        self.status = SyncStatusBar(store)
        self.escalate_dialog: EscalateDialog | None = None
        self.accounts_dialog: AccountsDialog | None = None
        self.captcha_dialog: CaptchaDialog | None = None
        self._build_layout()
        self._wire()
        self.shortcuts = shortcuts.install(self, self._bindings())
        self._counts_timer = self._timer(COUNTS_REFRESH_MS, self._refresh_counts, single=True)
        self._time_timer = self._timer(TIME_REFRESH_MS, self.model.refresh_times, single=False)
        self._time_timer.start()
        self._apply_filter(self.filters.current())
        self.inbox.setFocus()

    # --- layout and wiring -------------------------------------------------------------------

    def _build_layout(self) -> None:
        centre = QWidget()
        centre.setObjectName("inboxColumn")
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addWidget(self.toolbar)
        centre_layout.addWidget(self.inbox, 1)

        right = QWidget()
        right.setObjectName("detailColumn")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.action_bar)
        right_layout.addWidget(self.detail, 1)
        right_layout.addWidget(self.composer)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        splitter.setHandleWidth(1)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.sidebar)
        splitter.addWidget(centre)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([224, 810, 366])
        self.sidebar.setMinimumWidth(190)
        right.setMinimumWidth(340)
        self.setCentralWidget(splitter)
        self.setStatusBar(self.status)

    def _wire(self) -> None:
        self.sidebar.scopeChanged.connect(self._on_scope)
        self.sidebar.accountsRequested.connect(self.open_accounts)
        self.status.attentionRequested.connect(self.attend)
        self.toolbar.searchChanged.connect(self.filters.set_search)
        self.toolbar.levelChanged.connect(self.filters.set_level)
        self.toolbar.leaveRequested.connect(self.focus_inbox)
        self.filters.filterChanged.connect(self._apply_filter)
        self.inbox.currentCommentChanged.connect(self._show_comment)
        self.model.rowsInserted.connect(self._after_rows_changed)
        self.model.rowsRemoved.connect(self._after_rows_changed)
        self.model.modelReset.connect(self._after_rows_changed)

        self.action_bar.replyRequested.connect(self.composer.focus_editor)
        self.action_bar.hideToggled.connect(self.toggle_hidden)
        self.action_bar.escalateRequested.connect(self.escalate)
        self.action_bar.approveRequested.connect(self.approve)
        self.action_bar.deleteRequested.connect(self.delete)
        self.bridge.calibrationChanged.connect(self._on_calibration_changed)
        self.composer.sendRequested.connect(self._send_reply)
        self.composer.leaveRequested.connect(self.focus_inbox)
        self.detail.retryRequested.connect(self.moderation.retry)
        self.detail.dismissRequested.connect(self.moderation.dismiss)
        self.moderation.commentTouched.connect(self._comment_touched)
        self.moderation.actionFailed.connect(lambda message: self.status.showMessage(message, 6000))

        self.bridge.commentsChanged.connect(self._on_comments_changed)
        self.bridge.actionChanged.connect(self._on_action_changed)
        self.bridge.accountStatusChanged.connect(self._on_account_status)

    def _bindings(self) -> list[shortcuts.Binding]:
        return [
            shortcuts.Binding(
                ("J",), lambda: self.inbox.move_selection(1), self.tr("Next comment")
            ),
            shortcuts.Binding(
                ("K",), lambda: self.inbox.move_selection(-1), self.tr("Previous comment")
            ),
            shortcuts.Binding(("R",), self.composer.focus_editor, self.tr("Reply")),
            shortcuts.Binding(("H",), self.toggle_hidden, self.tr("Hide or unhide")),
            shortcuts.Binding(("E",), self.escalate, self.tr("Escalate")),
            shortcuts.Binding(("A",), self.approve, self.tr("Approve")),
            shortcuts.Binding(("Shift+D",), self.delete, self.tr("Delete")),
            shortcuts.Binding(("/",), self.toolbar.focus_search, self.tr("Search")),
            shortcuts.Binding(("Esc",), self.focus_inbox, self.tr("Back to the list")),
        ]

    def _timer(self, interval: int, slot: Callable[[], None], *, single: bool) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(interval)
        timer.setSingleShot(single)
        timer.timeout.connect(slot)
        return timer

    # --- commands ----------------------------------------------------------------------------

    def current_comment_id(self) -> int | None:
        return self.inbox.current_comment_id()

    def attend(self, account_id: int, attention: Attention) -> None:
        """An account needs the moderator: a captcha to type, or a page to confirm."""
        if attention.kind != "captcha":
            if attention.url.startswith("https://"):
                QDesktopServices.openUrl(QUrl(attention.url))
            return
        account = self.store.accounts.get(account_id)
        name = account.name if account else str(account_id)
        dialog = CaptchaDialog(account_id, name, attention, self.bridge, self)
        self.captcha_dialog = dialog
        dialog.open()

    def open_accounts(self) -> AccountsDialog:
        dialog = AccountsDialog(self.store, self.bridge, self)
        dialog.accountsChanged.connect(self._accounts_changed)
        self.accounts_dialog = dialog
        dialog.open()
        return dialog

    def _accounts_changed(self) -> None:
        self.sidebar.reload()
        self._apply_filter(self.filters.current())
        self._refresh_counts()

    def focus_inbox(self) -> None:
        self.inbox.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _platform_of(self, comment: Comment) -> Platform | None:
        account = self.store.accounts.get(comment.account_id)
        return None if account is None else account.platform

    def approve(self) -> None:
        comment_id = self.current_comment_id()
        if comment_id is not None and self.action_bar.approve_button.isEnabled():
            self.moderation.approve(comment_id)

    def delete(self, *, confirm: bool = True) -> None:
        """Deleting cannot be undone on most platforms: ask first."""
        comment_id = self.current_comment_id()
        if comment_id is None or not self.action_bar.delete_button.isEnabled():
            return
        question = self.tr("Delete this comment on the platform? This cannot be undone.")
        if confirm and not plain_question(self, self.tr("Delete comment"), question):
            return
        self.moderation.delete(comment_id)

    def _on_calibration_changed(self, account_id: int, version: int, summary: list[str]) -> None:
        account = self.store.accounts.get(account_id)
        name = account.name if account else str(account_id)
        text = self.tr("Flagging for %1 learned from your decisions: %2")
        self.status.showMessage(text.replace("%1", name).replace("%2", "; ".join(summary)), 12000)
        self.refresh_from_store()

    def toggle_hidden(self) -> None:
        comment_id = self.current_comment_id()
        if comment_id is not None and self.action_bar.hide_button.isEnabled():
            self.moderation.toggle_hidden(comment_id)

    def escalate(self) -> None:
        comment = self.detail.comment
        if comment is None or self.escalate_dialog is not None:
            return
        dialog = EscalateDialog(comment.remote.author.name, self)
        self.escalate_dialog = dialog
        comment_id = comment.id

        def finished(result: int) -> None:
            self.escalate_dialog = None
            if result == EscalateDialog.DialogCode.Accepted:
                self.moderation.escalate(comment_id, dialog.note_text())
            dialog.deleteLater()
            self.focus_inbox()

        dialog.finished.connect(finished)
        dialog.open()

    # --- reactions ---------------------------------------------------------------------------

    def _on_scope(self, scope: Scope) -> None:
        self.filters.set_scope(scope)
        self._update_title()

    def _apply_filter(self, new_filter: CommentFilter) -> None:
        self.model.set_filter(new_filter)
        self._update_title()

    def _update_title(self) -> None:
        index = self.sidebar.view.currentIndex()
        title = str(index.data() or "") if index.isValid() else ""
        self.toolbar.set_title(title, self.model.rowCount())
        current = self.model.current_filter
        if current.search:
            empty = self.tr("No comments match the search.")
        elif current.min_level is not None or current.account_id is not None:
            empty = self.tr("Nothing here. New comments appear as the accounts sync.")
        else:
            empty = self.tr("No comments yet. They appear here as soon as the accounts sync.")
        self.inbox.set_empty_text(empty)

    def _after_rows_changed(self, *_: object) -> None:
        self._update_title()
        if not self.inbox.currentIndex().isValid() and self.model.rowCount() > 0:
            self.inbox.select_row(0)
        elif self.model.rowCount() == 0:
            self._show_comment(None)

    def _show_comment(self, comment_id: int | None) -> None:
        self.detail.show_comment(comment_id)
        self.action_bar.set_comment(self.detail.comment)
        self.composer.set_comment(comment_id)

    def _send_reply(self, comment_id: int, text: str) -> None:
        if self.moderation.reply(comment_id, text):
            self.composer.mark_sent()

    def _comment_touched(self, comment_id: int) -> None:
        self._refresh_comments([comment_id])
        self.status.refresh_actions()
        self._counts_timer.start()

    def _refresh_comments(self, comment_ids: Sequence[int]) -> None:
        self.model.refresh_comments(comment_ids)
        current = self.current_comment_id()
        if current is not None and current in comment_ids:
            self.detail.refresh(current)
            self.action_bar.set_comment(self.detail.comment)

    def _on_comments_changed(self, account_id: int, added: list[int], changed: list[int]) -> None:
        self.model.on_comments_changed(account_id, added, changed)
        current = self.current_comment_id()
        if current is not None and current in changed:
            self.detail.refresh(current)
            self.action_bar.set_comment(self.detail.comment)
        self._counts_timer.start()

    def _on_action_changed(
        self, _action_id: int, comment_id: int, _status: str, _error: str
    ) -> None:
        self._refresh_comments([comment_id])
        self.status.refresh_actions()
        self._counts_timer.start()

    def _on_account_status(self, status: AccountStatus) -> None:
        self.status.set_account_status(status)

    def refresh_from_store(self) -> None:
        """Another connection changed the database and no event said how: catch up in place."""
        self.model.sync_with_store()
        self.model.refresh_all()
        self.detail.refresh()
        self.action_bar.set_comment(self.detail.comment)
        self.status.refresh_actions()
        self._counts_timer.start()

    def _refresh_counts(self) -> None:
        self.sidebar.refresh_counts()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._time_timer.stop()
        self._counts_timer.stop()
        super().closeEvent(event)
