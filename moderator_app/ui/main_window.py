"""The main window composes the small widgets and wires them together; it holds no business
logic of its own. Left: sidebar. Centre: toolbar + inbox. Right: actions, detail, composer.
What the commands do lives with their concept: triage, bulk_flow, band_selection,
filter_commands, saved_views, arrivals, view_refresh; the keys are in window_keys."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from moderator_app import APP_NAME
from moderator_app.connectors.registry import capabilities_for
from moderator_app.domain import Attention, Comment, Platform
from moderator_app.store import CommentFilter, Store
from moderator_app.store.bulk import BulkKind
from moderator_app.ui import shortcuts
from moderator_app.ui.accounts_dialog import AccountsDialog
from moderator_app.ui.action_bar import ActionBar
from moderator_app.ui.arrivals import Arrivals
from moderator_app.ui.background import BackgroundReader
from moderator_app.ui.band_selection import BandSelection
from moderator_app.ui.bulk_bar import BulkBar
from moderator_app.ui.bulk_confirm import BulkConfirmDialog
from moderator_app.ui.bulk_flow import BulkFlow
from moderator_app.ui.captcha_dialog import CaptchaDialog
from moderator_app.ui.composer import Composer
from moderator_app.ui.detail_pane import DetailPane
from moderator_app.ui.display import full_time, short_time
from moderator_app.ui.engine_bridge import EngineBridge
from moderator_app.ui.escalate_dialog import EscalateDialog
from moderator_app.ui.excerpt_delegate import ExcerptDelegate
from moderator_app.ui.filter_bar import FilterBar
from moderator_app.ui.filter_commands import FilterCommands
from moderator_app.ui.filter_state import FilterState, Scope
from moderator_app.ui.inbox_model import InboxModel
from moderator_app.ui.inbox_toolbar import InboxToolbar
from moderator_app.ui.inbox_view import InboxView
from moderator_app.ui.moderation import ModerationActions
from moderator_app.ui.roles import Column
from moderator_app.ui.saved_views import SavedViews
from moderator_app.ui.score_range_dialog import ScoreRangeDialog
from moderator_app.ui.sidebar import Sidebar
from moderator_app.ui.status_bar import SyncStatusBar
from moderator_app.ui.triage import Triage
from moderator_app.ui.view_refresh import ViewRefresh
from moderator_app.ui.window_keys import window_bindings
from moderator_app.ui.window_parts import WindowParts

# Background reads wait for the first paint, or this long if the window is not shown.
READER_START_MS = 500
# The detail pane's thread and author are read (by the reader) this long after the selection
# settles.
CONTEXT_DELAY_MS = 120


class MainWindow(QMainWindow):
    def __init__(self, store: Store, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.store = store
        self.bridge = bridge
        self.filters = FilterState(self)
        self.moderation = ModerationActions(store, bridge, self)
        # Counting, anchors, placing new comments, sidebar badges: off the GUI thread, once
        # the window has painted its first rows (or after a moment if it is not shown).
        self.reader = BackgroundReader(store, self)
        self.reader.hold()
        self.model = InboxModel(store, self, reader=self.reader)
        self.sidebar = Sidebar(store, reader=self.reader)
        self.toolbar = InboxToolbar()
        self.bulk_bar = BulkBar()
        self.filter_bar = FilterBar(self._platforms())
        self.inbox = InboxView(self.model)
        self.inbox.setItemDelegateForColumn(
            Column.EXCERPT,
            ExcerptDelegate(self.model, lambda: self.model.current_filter.search, self.inbox),
        )
        self.filter_bar.set_accounts(self._accounts())
        self.action_bar = ActionBar(capabilities_of=capabilities_for, platform_of=self._platform_of)
        self.detail = DetailPane(store, reader=self.reader, context_delay_ms=CONTEXT_DELAY_MS)
        self.composer = Composer()
        self.status = SyncStatusBar(store)
        self.accounts_dialog: AccountsDialog | None = None
        self.captcha_dialog: CaptchaDialog | None = None
        self._build_layout()
        self._build_commands()
        self._wire()
        self.shortcuts = shortcuts.install(self, window_bindings(self))
        # Rows arriving in an empty list are painted first; the first of them is selected
        # (and its comment shown) in an event-loop turn of its own.
        self._first_row_timer = self._timer(0, self._select_first_row, single=True)
        self._apply_filter(self.filters.current())
        self.refresh.account_column()
        self.inbox.setFocus()
        self.inbox.firstPainted.connect(self.reader.release)
        QTimer.singleShot(READER_START_MS, self.reader.release)
        self._warm_up()

    def _warm_up(self) -> None:
        """What the first rows and the first comment shown would otherwise do for the first
        time, in the event-loop turn that shows them: load the time zone (~5 ms), the
        accounts' connector modules (their capabilities set the action buttons) and the
        list's glyphs."""
        now = datetime.now(tz=UTC)
        short_time(now - timedelta(days=400), now)
        full_time(now)
        for platform in self._platforms():
            capabilities_for(platform)
        self.inbox.warm_up()

    # --- layout and wiring -------------------------------------------------------------------

    def _build_layout(self) -> None:
        centre = QWidget()
        centre.setObjectName("inboxColumn")
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addWidget(self.toolbar)
        centre_layout.addWidget(self.filter_bar)
        centre_layout.addWidget(self.bulk_bar)
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
        splitter.setSizes([216, 784, 400])
        self.sidebar.setMinimumWidth(190)
        right.setMinimumWidth(340)
        self.setCentralWidget(splitter)
        self.setStatusBar(self.status)

    def _build_commands(self) -> None:
        """The objects that carry out the window's commands, each handed the window's parts."""
        parts = WindowParts(
            window=self,
            store=self.store,
            filters=self.filters,
            moderation=self.moderation,
            reader=self.reader,
            model=self.model,
            inbox=self.inbox,
            sidebar=self.sidebar,
            toolbar=self.toolbar,
            filter_bar=self.filter_bar,
            detail=self.detail,
            action_bar=self.action_bar,
            composer=self.composer,
            status=self.status,
            focus_inbox=self.focus_inbox,
        )
        self.refresh = ViewRefresh(parts)
        self.arrivals = Arrivals(self.model, self.refresh.after_arrivals, self)
        self.bulk_flow = BulkFlow(parts)
        self.band = BandSelection(parts)
        self.triage = Triage(parts, self.bulk_flow)
        self.filter_commands = FilterCommands(parts)
        self.saved_views = SavedViews(parts)

    def _wire(self) -> None:
        self.sidebar.scopeChanged.connect(self._on_scope)
        self.sidebar.accountsRequested.connect(self.open_accounts)
        self.status.attentionRequested.connect(self.attend)
        self.toolbar.searchChanged.connect(self.filters.set_search)
        self.toolbar.levelChanged.connect(self.filters.set_level)
        self.toolbar.leaveRequested.connect(self.focus_inbox)
        self.filters.filterChanged.connect(self._apply_filter)
        self.filters.specChanged.connect(self.filter_bar.show_spec)
        self.filter_bar.changed.connect(self.filter_commands.from_filter_bar)
        self.filter_bar.clearRequested.connect(self.clear_filters)
        self.filter_bar.saveRequested.connect(self.save_view)
        self.sidebar.savedViewChosen.connect(self.saved_views.on_chosen)
        self.saved_views.opened.connect(self._update_title)
        self.sidebar.renameViewRequested.connect(self.rename_view)
        self.sidebar.deleteViewRequested.connect(self.delete_view)
        self.detail.commentChosen.connect(self.jump_to_comment)
        self.detail.authorRequested.connect(self.show_author)
        self.inbox.currentCommentChanged.connect(self._show_comment)
        self.model.rowsInserted.connect(self._after_rows_changed)
        self.model.rowsRemoved.connect(self._after_rows_changed)
        self.model.modelReset.connect(self._after_rows_changed)
        self.model.countChanged.connect(self._update_title)

        self.action_bar.replyRequested.connect(self.composer.focus_editor)
        self.action_bar.hideToggled.connect(self.toggle_hidden)
        self.action_bar.escalateRequested.connect(self.escalate)
        self.action_bar.approveRequested.connect(self.approve)
        self.action_bar.deleteRequested.connect(self.delete)
        self.bridge.calibrationChanged.connect(self.refresh.on_calibration_changed)
        self.composer.sendRequested.connect(self.triage.send_reply)
        self.composer.leaveRequested.connect(self.focus_inbox)
        self.detail.retryRequested.connect(self.moderation.retry)
        self.detail.dismissRequested.connect(self.moderation.dismiss)
        self.moderation.commentTouched.connect(self.refresh.comment_changed)
        self.moderation.bulkApplied.connect(self.refresh.everything)
        self.moderation.undoFinished.connect(lambda message: self.status.showMessage(message, 8000))
        self.inbox.selectionSizeChanged.connect(self.bulk_bar.show_selection)
        self.bulk_bar.bulkRequested.connect(self.bulk)
        self.bulk_bar.clearRequested.connect(self.clear_selection)
        self.bulk_bar.scoreRangeRequested.connect(self.select_score_range)
        self.moderation.actionFailed.connect(lambda message: self.status.showMessage(message, 6000))

        self.bridge.commentsChanged.connect(self.arrivals.add)
        self.bridge.actionChanged.connect(self._on_action_changed)
        self.bridge.accountStatusChanged.connect(self.status.set_account_status)

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
        self._warm_up()  # a new platform's connector module
        self.sidebar.reload()
        self.filter_bar.set_platforms(self._platforms())
        self.filter_bar.set_accounts(self._accounts())
        self._apply_filter(self.filters.current())
        self._refresh_counts()

    def focus_inbox(self) -> None:
        self.inbox.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _platform_of(self, comment: Comment) -> Platform | None:
        account = self.store.accounts.get(comment.account_id)
        return None if account is None else account.platform

    def _platforms(self) -> list[Platform]:
        found = {a.platform for a in self.store.accounts.list()}
        return sorted(found, key=lambda p: p.label)

    def _accounts(self) -> list[tuple[int, str]]:
        return [(a.id, a.name) for a in self.store.accounts.list() if a.id is not None]

    # Triage (see triage.py).

    @property
    def escalate_dialog(self) -> EscalateDialog | None:
        return self.triage.escalate_dialog

    def toggle_hidden(self) -> None:
        self.triage.toggle_hidden()

    def approve(self) -> None:
        self.triage.approve()

    def delete(self, *, confirm: bool = True) -> None:
        self.triage.delete(confirm=confirm)

    def escalate(self) -> None:
        self.triage.escalate()

    def next_unreviewed(self) -> None:
        self.triage.next_unreviewed()

    def advance_from(self, comment_id: int) -> None:
        self.triage.advance_from(comment_id)

    def undo(self) -> None:
        self.triage.undo()

    # Bulk actions and selecting by score (see bulk_flow.py, band_selection.py).

    @property
    def bulk_dialog(self) -> BulkConfirmDialog | None:
        return self.bulk_flow.dialog

    @property
    def bulk_error(self) -> QMessageBox | None:
        return self.bulk_flow.error

    @property
    def range_dialog(self) -> ScoreRangeDialog | None:
        return self.band.dialog

    def bulk(self, kind: BulkKind) -> BulkConfirmDialog | None:
        return self.bulk_flow.run(kind)

    def bulk_preparing(self) -> BulkKind | None:
        return self.bulk_flow.preparing()

    def cancel_bulk_preparation(self, *, quiet: bool = False) -> None:
        self.bulk_flow.cancel_preparation(quiet=quiet)

    def select_score_range(self) -> ScoreRangeDialog | None:
        return self.band.choose()

    def _select_score_range(self) -> None:
        self.select_score_range()

    def escape(self) -> None:
        if self.bulk_flow.preparing() is not None:  # first the bulk action being prepared
            self.cancel_bulk_preparation()
            self.focus_inbox()
            return
        if self.inbox.selection_size() > 1:
            self.clear_selection()
        self.focus_inbox()

    def clear_selection(self) -> None:
        self.inbox.clear_bulk_selection()
        self.focus_inbox()

    # Filters and saved views (see filter_commands.py, saved_views.py).

    def jump_to_comment(self, comment_id: int) -> bool:
        return self.filter_commands.jump_to_comment(comment_id)

    def show_author(self, name: str, select: int | None = None) -> None:
        self.filter_commands.show_author(name, select)

    def only_this_author(self) -> None:
        self.filter_commands.only_this_author()

    def only_this_thread(self) -> None:
        self.filter_commands.only_this_thread()

    def cycle_sort(self) -> None:
        self.filter_commands.cycle_sort()

    def clear_filters(self) -> None:
        self.filter_commands.clear()

    def save_view(self) -> None:
        self.saved_views.save()

    def rename_view(self, view_id: int | None = None) -> None:
        self.saved_views.rename(view_id)

    def delete_view(self, view_id: int | None = None) -> None:
        self.saved_views.delete(view_id)

    def open_saved_view(self, index: int) -> None:
        self.saved_views.open_at(index)

    # --- reactions ---------------------------------------------------------------------------

    def _on_scope(self, scope: Scope) -> None:
        self.filters.set_scope(scope)
        self._update_title()

    def _apply_filter(self, new_filter: CommentFilter) -> None:
        self.cancel_bulk_preparation()  # its selection is gone with the old rows
        # The list resets and selects its first row, which shows that comment with the new
        # search marked: no need to mark it in the comment shown now first.
        self.detail.set_search(new_filter.search, show_now=False)
        self.model.set_filter(new_filter)
        self._update_title()

    def _update_title(self) -> None:
        index = self.sidebar.view.currentIndex()
        title = str(index.data() or "") if index.isValid() else ""
        self.toolbar.set_title(title, self.model.rowCount(), exact=self.model.count_exact)
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
            self._first_row_timer.start()
        elif self.model.rowCount() == 0:
            self._show_comment(None)

    def _select_first_row(self) -> None:
        """The list has rows but no current one (they just arrived, or a new filter): the
        first row becomes current, keeping a selection made meanwhile ("select all")."""
        if self.inbox.currentIndex().isValid() or self.model.rowCount() == 0:
            return
        if self.inbox.selectionModel().hasSelection():
            self.inbox.set_current_row(0)
        else:
            self.inbox.select_row(0)

    def _show_comment(self, comment_id: int | None) -> None:
        self.detail.show_comment(comment_id)
        self.action_bar.set_comment(self.detail.comment)
        self.composer.set_comment(comment_id)

    def _on_action_changed(
        self, _action_id: int, comment_id: int, _status: str, _error: str
    ) -> None:
        self.refresh.comment_changed(comment_id)

    def refresh_from_store(self) -> None:
        """Another connection changed the database and no event said how: catch up in place."""
        self.refresh.everything()

    def _refresh_counts(self) -> None:
        self.refresh.counts()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel_bulk_preparation(quiet=True)
        self.moderation.finish_writes()  # a confirmed bulk action is finished, not dropped
        self.refresh.stop()
        self.arrivals.stop()
        self._first_row_timer.stop()
        self.reader.stop()
        self.detail.cancel_context()
        super().closeEvent(event)
