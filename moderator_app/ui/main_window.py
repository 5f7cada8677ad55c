"""The main window composes the small widgets and wires them together; it holds no business
logic of its own. Left: sidebar. Centre: toolbar + inbox. Right: actions, detail, composer."""

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import partial

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from moderator_app import APP_NAME
from moderator_app.connectors.registry import capabilities_for
from moderator_app.domain import AccountStatus, Attention, Comment, LocalState, Platform
from moderator_app.store import CommentFilter, SortOrder, Store
from moderator_app.store.bulk import BulkKind, BulkPlan
from moderator_app.store.view_spec import Period, ViewSpec
from moderator_app.sync.window_priority import window
from moderator_app.ui import shortcuts
from moderator_app.ui.accounts_dialog import AccountsDialog
from moderator_app.ui.action_bar import ActionBar
from moderator_app.ui.background import BackgroundReader
from moderator_app.ui.bulk_bar import BulkBar
from moderator_app.ui.bulk_confirm import BulkConfirmDialog
from moderator_app.ui.bulk_text import kind_verb, number
from moderator_app.ui.captcha_dialog import CaptchaDialog
from moderator_app.ui.composer import Composer
from moderator_app.ui.detail_pane import DetailPane
from moderator_app.ui.display import full_time, level_name, short_time
from moderator_app.ui.engine_bridge import EngineBridge
from moderator_app.ui.escalate_dialog import EscalateDialog
from moderator_app.ui.excerpt_delegate import ExcerptDelegate
from moderator_app.ui.filter_bar import FilterBar
from moderator_app.ui.filter_state import FilterState, Scope
from moderator_app.ui.inbox_model import InboxModel
from moderator_app.ui.inbox_toolbar import InboxToolbar
from moderator_app.ui.inbox_view import InboxView
from moderator_app.ui.message_box import plain_question
from moderator_app.ui.moderation import BulkOutcome, ModerationActions, is_held, is_hidden
from moderator_app.ui.roles import Column
from moderator_app.ui.score_range_dialog import ReaderRange, ScoreRangeDialog, in_range
from moderator_app.ui.sidebar import Sidebar
from moderator_app.ui.status_bar import SyncStatusBar

COUNTS_REFRESH_MS = 300
# Background reads wait for the first paint, or this long if the window is not shown.
READER_START_MS = 500
# Engine events (a batch of new or scored comments each) reach the inbox at most this often.
CHANGES_COALESCE_MS = 250
# The detail pane's thread and author are read (by the reader) this long after the selection
# settles.
CONTEXT_DELAY_MS = 120
NEXT_SCAN_ROWS = 2000  # how far "next unreviewed" looks before wrapping to the top
TIME_REFRESH_MS = 60_000
# A bulk action over at most this many selected rows is planned at once (a few ms); more, or
# "all matching", is planned by the background reader before the confirmation opens.
SYNC_PLAN_LIMIT = 2000


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
        self.escalate_dialog: EscalateDialog | None = None
        self.accounts_dialog: AccountsDialog | None = None
        self.captcha_dialog: CaptchaDialog | None = None
        self.bulk_dialog: BulkConfirmDialog | None = None
        self.range_dialog: ScoreRangeDialog | None = None
        self.bulk_error: QMessageBox | None = None
        self._preparing: BulkKind | None = None  # a bulk plan on its way from the reader
        self._build_layout()
        self._wire()
        self.shortcuts = shortcuts.install(self, self._bindings())
        self._counts_timer = self._timer(COUNTS_REFRESH_MS, self._refresh_counts, single=True)
        self._changes = PendingChanges()
        self._changes_timer = self._timer(CHANGES_COALESCE_MS, self._flush_changes, single=True)
        self._changes_flushed = 0.0
        self._time_timer = self._timer(TIME_REFRESH_MS, self.model.refresh_times, single=False)
        self._time_timer.start()
        # Rows arriving in an empty list are painted first; the first of them is selected
        # (and its comment shown) in an event-loop turn of its own.
        self._first_row_timer = self._timer(0, self._select_first_row, single=True)
        self._apply_filter(self.filters.current())
        self._update_account_column()
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

    def _wire(self) -> None:
        self.sidebar.scopeChanged.connect(self._on_scope)
        self.sidebar.accountsRequested.connect(self.open_accounts)
        self.status.attentionRequested.connect(self.attend)
        self.toolbar.searchChanged.connect(self.filters.set_search)
        self.toolbar.levelChanged.connect(self.filters.set_level)
        self.toolbar.leaveRequested.connect(self.focus_inbox)
        self.filters.filterChanged.connect(self._apply_filter)
        self.filters.specChanged.connect(self.filter_bar.show_spec)
        self.filter_bar.changed.connect(self._on_filter_bar)
        self.filter_bar.clearRequested.connect(self.clear_filters)
        self.filter_bar.saveRequested.connect(self.save_view)
        self.sidebar.savedViewChosen.connect(self._on_saved_view)
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
        self.bridge.calibrationChanged.connect(self._on_calibration_changed)
        self.composer.sendRequested.connect(self._send_reply)
        self.composer.leaveRequested.connect(self.focus_inbox)
        self.detail.retryRequested.connect(self.moderation.retry)
        self.detail.dismissRequested.connect(self.moderation.dismiss)
        self.moderation.commentTouched.connect(self._comment_touched)
        self.moderation.bulkApplied.connect(self._after_bulk)
        self.moderation.bulkProgress.connect(self._on_bulk_progress)
        self.moderation.bulkFinished.connect(self._on_bulk_finished)
        self.moderation.undoFinished.connect(lambda message: self.status.showMessage(message, 8000))
        self.inbox.selectionSizeChanged.connect(self.bulk_bar.show_selection)
        self.bulk_bar.bulkRequested.connect(self.bulk)
        self.bulk_bar.clearRequested.connect(self.clear_selection)
        self.bulk_bar.scoreRangeRequested.connect(self.select_score_range)
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
            shortcuts.Binding(("N",), self.next_unreviewed, self.tr("Next unreviewed comment")),
            shortcuts.Binding(("Ctrl+Z",), self.undo, self.tr("Undo the last action")),
            shortcuts.Binding(
                ("Ctrl+Shift+A",),
                self._select_score_range,
                self.tr("Select score range…"),
            ),
            shortcuts.Binding(("U",), self.only_this_author, self.tr("Only this author")),
            shortcuts.Binding(("T",), self.only_this_thread, self.tr("Only this thread")),
            shortcuts.Binding(("S",), self.cycle_sort, self.tr("Sort: newest, oldest, risk")),
            shortcuts.Binding(("F",), self.filter_bar.focus_first, self.tr("Filters")),
            shortcuts.Binding(("Ctrl+Shift+F",), self.clear_filters, self.tr("Clear all filters")),
            shortcuts.Binding(("Ctrl+S",), self.save_view, self.tr("Save the view")),
            shortcuts.Binding(("F2",), self.rename_view, self.tr("Rename the saved view")),
            shortcuts.Binding(
                ("Ctrl+Shift+Backspace",), self.delete_view, self.tr("Delete the saved view")
            ),
            *[
                shortcuts.Binding(
                    (f"Ctrl+{n}",),
                    partial(self.open_saved_view, n - 1),
                    self.tr("Saved view %1").replace("%1", str(n)),
                )
                for n in range(1, 10)
            ],
            shortcuts.Binding(("/",), self.toolbar.focus_search, self.tr("Search")),
            shortcuts.Binding(("Esc",), self.escape, self.tr("Back to the list")),
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

    def approve(self) -> None:
        if self._bulk_selected():
            self.bulk(BulkKind.APPROVE)
            return
        comment_id = self.current_comment_id()
        if comment_id is None or not self.action_bar.approve_button.isEnabled():
            return
        if self.moderation.approve(comment_id):
            self.advance_from(comment_id)

    def delete(self, *, confirm: bool = True) -> None:
        """Deleting cannot be undone on most platforms: ask first."""
        if self._bulk_selected():
            self.bulk(BulkKind.DELETE)
            return
        comment_id = self.current_comment_id()
        if comment_id is None or not self.action_bar.delete_button.isEnabled():
            return
        question = self.tr("Delete this comment on the platform? This cannot be undone.")
        if confirm and not plain_question(self, self.tr("Delete comment"), question):
            return
        if self.moderation.delete(comment_id):
            self.advance_from(comment_id)

    # --- filters and saved views ---------------------------------------------------------

    def _platforms(self) -> list[Platform]:
        found = {a.platform for a in self.store.accounts.list()}
        return sorted(found, key=lambda p: p.label)

    def _accounts(self) -> list[tuple[int, str]]:
        return [(a.id, a.name) for a in self.store.accounts.list() if a.id is not None]

    def _on_filter_bar(self, changes: dict[str, object]) -> None:
        scope = self.filters.scope
        if changes.get("account_id") is not None and scope.account_id is not None:
            # The sidebar's account would win over the bar's: let go of it first.
            self.sidebar.select_scope(replace(scope, account_id=None))
        self.filters.update(**changes)

    def jump_to_comment(self, comment_id: int) -> bool:
        """A comment from the thread or the author panel: select it if the inbox shows it,
        else show only its author (every other restriction off) and select it there."""
        if self.inbox.select_comment(comment_id):
            return True
        comment = self.store.comments.get(comment_id)
        if comment is None or not comment.remote.author.name:
            return False
        self.show_author(comment.remote.author.name, select=comment_id)
        if self.inbox.select_comment(comment_id):
            return True
        self.status.showMessage(self.tr("This comment is not in the inbox"), 5000)
        return False

    def show_author(self, name: str, select: int | None = None) -> None:
        """Every comment by `name` across all accounts, nothing else narrowing it."""
        keep = select if select is not None else self.current_comment_id()
        self.toolbar.search.blockSignals(True)
        self.toolbar.search.clear()
        self.toolbar.search.blockSignals(False)
        self.toolbar.level.blockSignals(True)
        self.toolbar.level.setCurrentIndex(0)
        self.toolbar.level.blockSignals(False)
        self.sidebar.select_scope(Scope())
        sort = self.filters.bar_spec().sort
        self.filters.set_spec_keep_scope(ViewSpec(author_name=name, sort=sort))
        if keep is None or not self.inbox.select_comment(keep):
            self.inbox.select_row(0)

    def only_this_author(self) -> None:
        """U: narrow to the selected comment's author (across accounts), or back."""
        comment = self.detail.comment
        if self.filters.bar_spec().author_name is not None:
            self.filters.update(author_name=None)
        elif comment is not None and comment.remote.author.name:
            self.filters.update(author_name=comment.remote.author.name)
        self._reselect(comment)

    def only_this_thread(self) -> None:
        """T: narrow to the post/video/thread of the selected comment, or back."""
        comment = self.detail.comment
        if self.filters.bar_spec().thread_remote_id is not None:
            self.filters.update(thread_remote_id=None, thread_title="", account_id=None)
        elif comment is not None:
            self.filters.update(
                account_id=comment.account_id,
                thread_remote_id=comment.remote.thread.remote_id,
                thread_title=comment.remote.thread.title,
            )
        self._reselect(comment)

    def cycle_sort(self) -> None:
        order = [SortOrder.NEWEST, SortOrder.OLDEST, SortOrder.RISK]
        current = self.filters.bar_spec().sort
        comment = self.detail.comment
        self.filters.update(sort=order[(order.index(current) + 1) % len(order)])
        self._reselect(comment)

    def clear_filters(self) -> None:
        self.toolbar.search.clear()
        self.toolbar.level.setCurrentIndex(0)
        self.filters.clear()

    def _reselect(self, comment: Comment | None) -> None:
        if comment is None or not self.inbox.select_comment(comment.id):
            self.inbox.select_row(0)

    def save_view(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Save view"), self.tr("Name of the view:"), text=self._suggest_name()
        )
        if not ok or not name.strip():
            return
        view = self.sidebar.model.views.add(name, self.filters.spec())
        self.sidebar.reload()
        self.sidebar.select_view(view.id)
        self.status.showMessage(self.tr("Saved view “%1”").replace("%1", view.name), 5000)

    def rename_view(self, view_id: int | None = None) -> None:
        view_id = self.sidebar.current_view_id() if view_id is None else view_id
        view = None if view_id is None else self.sidebar.model.views.get(view_id)
        if view is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Rename view"), self.tr("Name of the view:"), text=view.name
        )
        if ok and name.strip():
            self.sidebar.model.views.rename(view.id, name)
            self.sidebar.reload()

    def delete_view(self, view_id: int | None = None) -> None:
        view_id = self.sidebar.current_view_id() if view_id is None else view_id
        view = None if view_id is None else self.sidebar.model.views.get(view_id)
        if view is None:
            return
        question = self.tr("Delete the saved view “%1”? Comments are not affected.")
        if plain_question(self, self.tr("Delete view"), question.replace("%1", view.name)):
            self.sidebar.model.views.delete(view.id)
            self.sidebar.reload()

    def open_saved_view(self, index: int) -> None:
        ids = self.sidebar.model.saved_view_ids()
        if 0 <= index < len(ids):
            self.sidebar.select_view(ids[index])

    def _on_saved_view(self, view_id: int) -> None:
        view = self.sidebar.model.views.get(view_id)
        if view is None:
            return
        self.toolbar.search.blockSignals(True)
        self.toolbar.search.setText(view.spec.search)
        self.toolbar.search.blockSignals(False)
        self.filters.set_spec(view.spec)
        self._update_title()

    def _suggest_name(self) -> str:
        spec = self.filters.spec()
        parts = []
        if spec.min_level is not None:
            parts.append(level_name(spec.min_level))
        if spec.period is not Period.ANY:
            parts.append(self.filter_bar.period.currentText())
        if spec.platform is not None:
            parts.append(spec.platform.label)
        if spec.author_name:
            parts.append(spec.author_name)
        if spec.search:
            parts.append(f"“{spec.search}”")
        return ", ".join(parts)

    # --- triage ------------------------------------------------------------------------------

    def next_unreviewed(self) -> None:
        comment_id = self.current_comment_id()
        if comment_id is None:
            self.inbox.select_row(0)
        else:
            self.advance_from(comment_id)

    def advance_from(self, comment_id: int) -> None:
        """After an action: the next comment nobody has dealt with, in the current order
        (wrapping to the top); say so when the view is cleared."""
        start = self.model.row_of(comment_id)
        count = self.model.rowCount()
        rows = [*range(start + 1, min(count, start + 1 + NEXT_SCAN_ROWS)), *range(max(start, 0))]
        for row in rows:
            comment = self.model.comment_at(row)
            if comment is not None and comment.id != comment_id and _unreviewed(comment):
                self.inbox.select_row(row)
                return
        self.status.showMessage(self.tr("No unreviewed comments left in this view"), 5000)

    def undo(self) -> None:
        self.status.showMessage(self.moderation.undo(), 8000)

    def escape(self) -> None:
        if self._preparing is not None:  # first the bulk action being prepared
            self.cancel_bulk_preparation()
            self.focus_inbox()
            return
        if self.inbox.selection_size() > 1:
            self.clear_selection()
        self.focus_inbox()

    def clear_selection(self) -> None:
        self.inbox.clear_bulk_selection()
        self.focus_inbox()

    def _bulk_selected(self) -> bool:
        return self.inbox.all_matching or self.inbox.selection_size() > 1

    def _bulk_ids(self) -> list[int]:
        """The explicitly selected comments (read in one query per run of rows)."""
        return self.model.ids_in_rows(self.inbox.selected_rows())

    def bulk(self, kind: BulkKind) -> BulkConfirmDialog | None:
        """Plan the action for the selection, show exactly what it will touch, then apply.
        A large selection is planned in the background first ("Preparing…"; Esc or another
        action cancels it); returns the confirmation when it opened at once."""
        if self.bulk_dialog is not None:
            return None
        if self.moderation.writing():
            text = self.tr("Still writing the last bulk action: try again in a moment")
            self.status.showMessage(text, 5000)
            return None
        self.cancel_bulk_preparation(quiet=True)  # a new action replaces one being prepared
        if self._bulk_selected() and self.inbox.all_matching:  # in SQL: unloaded rows too
            self._prepare_bulk(kind, matching=self.model.current_filter)
            return None
        ids = self._bulk_ids() if self._bulk_selected() else []
        current = self.current_comment_id()
        if not ids and current is not None:
            ids = [current]
        if not ids:
            return None
        if len(ids) > SYNC_PLAN_LIMIT:
            self._prepare_bulk(kind, comment_ids=ids)
            return None
        return self._confirm_bulk(self.moderation.plan_bulk(kind, ids))

    def bulk_preparing(self) -> BulkKind | None:
        """The bulk action whose plan is on its way from the background reader, if any."""
        return self._preparing

    def cancel_bulk_preparation(self, *, quiet: bool = False) -> None:
        if self._preparing is None:
            return
        self._preparing = None
        self.moderation.cancel_plan(self.reader)
        if not quiet:
            self.status.showMessage(self.tr("Bulk action cancelled"), 3000)

    def _prepare_bulk(
        self,
        kind: BulkKind,
        *,
        comment_ids: Sequence[int] = (),
        matching: CommentFilter | None = None,
    ) -> None:
        self._preparing = kind
        self.status.showMessage(self.tr("Preparing… (Esc cancels)"))
        self.moderation.plan_in_background(
            self.reader, kind, self._on_plan, comment_ids=comment_ids, matching=matching
        )

    def _on_plan(self, plan: BulkPlan) -> None:
        if self._preparing is not plan.kind or self.bulk_dialog is not None:
            return
        self._preparing = None
        self.status.clearMessage()
        self._confirm_bulk(plan)

    def _confirm_bulk(self, plan: BulkPlan) -> BulkConfirmDialog:
        dialog = BulkConfirmDialog(plan, self)
        self.bulk_dialog = dialog

        def finished(result: int) -> None:
            self.bulk_dialog = None
            if result == BulkConfirmDialog.DialogCode.Accepted and plan.total:
                text = self.tr("%1: writing %2 comments…")
                self.status.showMessage(
                    text.replace("%1", kind_verb(plan.kind)).replace("%2", number(plan.total))
                )
                self.inbox.clear_bulk_selection()
                self.moderation.apply_bulk(plan, dialog.note_text())
            dialog.deleteLater()
            self.focus_inbox()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def _on_bulk_progress(self, kind: BulkKind, written: int, total: int) -> None:
        if written < total:
            text = self.tr("%1: %2 of %3 comments written…")
            self.status.showMessage(
                text.replace("%1", kind_verb(kind))
                .replace("%2", number(written))
                .replace("%3", number(total))
            )

    def _on_bulk_finished(self, outcome: BulkOutcome) -> None:
        if not outcome.error:
            text = self.tr("%1: %2 comments. Ctrl+Z undoes it.")
            self.status.showMessage(
                text.replace("%1", kind_verb(outcome.kind)).replace("%2", number(outcome.done)),
                8000,
            )
            return
        text = self.tr("%1 stopped after %2 of %3 comments: the other %4 were not changed.\n\n%5")
        text = (
            text.replace("%1", kind_verb(outcome.kind))
            .replace("%2", number(outcome.written))
            .replace("%3", number(outcome.total))
            .replace("%4", number(outcome.total - outcome.written))
            .replace("%5", outcome.error)
        )
        if outcome.written:
            text += "\n\n" + self.tr("Ctrl+Z takes back the ones written.")
        self.status.showMessage(
            self.tr("%1 failed: see the message").replace("%1", kind_verb(outcome.kind))
        )
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Bulk action not finished"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: setattr(self, "bulk_error", None))
        self.bulk_error = box
        box.open()

    def select_score_range(self) -> ScoreRangeDialog | None:
        """Pick a score band; its count and its comments are read in the background."""
        if self.range_dialog is not None:
            return None
        dialog = ScoreRangeDialog(ReaderRange(self.reader, self.model.current_filter), parent=self)
        self.range_dialog = dialog

        def finished(result: int) -> None:
            self.range_dialog = None
            if result == ScoreRangeDialog.DialogCode.Accepted:
                self._show_and_select_band(*dialog.bounds())
            dialog.deleteLater()
            self.focus_inbox()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def _show_and_select_band(self, low: float, high: float) -> None:
        """Narrow the view to the band and select all of it: in a view of a million comments
        the band's rows lie anywhere, and what a bulk action will touch should be in sight.
        The score filter shows in the bar, where it is cleared like any other."""
        band = in_range(self.model.current_filter, low, high)
        self.filters.update(score_min=band.score_min, score_max=band.score_max)
        if self.model.rowCount() == 0 and self.model.count_exact:
            self.status.showMessage(self.tr("No comments in this score range"), 5000)
            return
        self.inbox.selectAll()
        text = self.tr("Showing and selecting scores %1–%2. Clear the score filter to see all.")
        low_text, high_text = f"{band.score_min or 0.0:.2f}", f"{band.score_max or 1.0:.2f}"
        self.status.showMessage(text.replace("%1", low_text).replace("%2", high_text), 8000)

    def _select_score_range(self) -> None:
        self.select_score_range()

    def _after_bulk(self) -> None:
        self.model.sync_with_store()
        self.model.refresh_all()
        self.detail.refresh()
        self.action_bar.set_comment(self.detail.comment)
        self.status.refresh_actions()
        self._schedule_counts()

    def _on_calibration_changed(self, account_id: int, version: int, summary: list[str]) -> None:
        account = self.store.accounts.get(account_id)
        name = account.name if account else str(account_id)
        text = self.tr("Flagging for %1 learned from your decisions: %2")
        self.status.showMessage(text.replace("%1", name).replace("%2", "; ".join(summary)), 12000)
        self.refresh_from_store()

    def toggle_hidden(self) -> None:
        if self._bulk_selected():
            self.bulk(BulkKind.HIDE)
            return
        comment_id = self.current_comment_id()
        if comment_id is None or not self.action_bar.hide_button.isEnabled():
            return
        comment = self.detail.comment
        hiding = comment is not None and not is_hidden(comment) and not is_held(comment)
        if self.moderation.toggle_hidden(comment_id) and hiding:
            self.advance_from(comment_id)

    def escalate(self) -> None:
        if self._bulk_selected():
            self.bulk(BulkKind.ESCALATE)
            return
        comment = self.detail.comment
        if comment is None or self.escalate_dialog is not None:
            return
        dialog = EscalateDialog(comment.remote.author.name, self)
        self.escalate_dialog = dialog
        comment_id = comment.id

        def finished(result: int) -> None:
            self.escalate_dialog = None
            accepted = result == EscalateDialog.DialogCode.Accepted
            if accepted and self.moderation.escalate(comment_id, dialog.note_text()):
                self.advance_from(comment_id)
            dialog.deleteLater()
            self.focus_inbox()

        dialog.finished.connect(finished)
        dialog.open()

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
        with window.busy():
            self.detail.show_comment(comment_id)
        self.action_bar.set_comment(self.detail.comment)
        self.composer.set_comment(comment_id)

    def _send_reply(self, comment_id: int, text: str) -> None:
        if self.moderation.reply(comment_id, text):
            self.advance_from(comment_id)
            self.composer.mark_sent()

    def _comment_touched(self, comment_id: int) -> None:
        self._refresh_comments([comment_id])
        self.status.refresh_actions()
        self._schedule_counts()

    def _refresh_comments(self, comment_ids: Sequence[int]) -> None:
        self.model.refresh_comments(comment_ids)
        current = self.current_comment_id()
        if current is not None and current in comment_ids:
            self.detail.refresh(current)
            self.action_bar.set_comment(self.detail.comment)

    def _on_comments_changed(self, account_id: int, added: list[int], changed: list[int]) -> None:
        """Gathered, and passed on at most every `CHANGES_COALESCE_MS` (the engine reports
        every batch it stores or scores: dozens a second while it catches up)."""
        self._changes.add(account_id, added, changed)
        if not self._changes_timer.isActive():
            since = (time.monotonic() - self._changes_flushed) * 1000
            self._changes_timer.start(max(0, int(CHANGES_COALESCE_MS - since)))

    def _flush_changes(self) -> None:
        with window.busy():
            self._apply_changes()

    def _apply_changes(self) -> None:
        self._changes_flushed = time.monotonic()
        changed_here: set[int] = set()
        for account_id, added, changed in self._changes.take():
            self.model.on_comments_changed(account_id, added, changed)
            changed_here.update(changed)
        current = self.current_comment_id()
        if current is not None and current in changed_here:
            self.detail.refresh(current)
            self.action_bar.set_comment(self.detail.comment)
        self._schedule_counts()

    def _schedule_counts(self) -> None:
        """Sidebar badges again soon; while changes keep coming, at a pace that leaves the
        CPU to the engine (counting takes at most a tenth of the time)."""
        if not self._counts_timer.isActive():
            pause = max(COUNTS_REFRESH_MS, int(self.sidebar.last_count_s * 10_000))
            self._counts_timer.start(pause)

    def _on_action_changed(
        self, _action_id: int, comment_id: int, _status: str, _error: str
    ) -> None:
        self._refresh_comments([comment_id])
        self.status.refresh_actions()
        self._schedule_counts()

    def _on_account_status(self, status: AccountStatus) -> None:
        self.status.set_account_status(status)

    def refresh_from_store(self) -> None:
        """Another connection changed the database and no event said how: catch up in place."""
        self.model.sync_with_store()
        self.model.refresh_all()
        self.detail.refresh()
        self.action_bar.set_comment(self.detail.comment)
        self.status.refresh_actions()
        self._schedule_counts()

    def _refresh_counts(self) -> None:
        self.sidebar.refresh_counts()
        self._update_account_column()

    def _update_account_column(self) -> None:
        """With a single account the Account column says the same thing on every row: hide it
        and give the comment the room."""
        single = len(self.store.accounts.list()) <= 1
        if self.inbox.isColumnHidden(Column.ACCOUNT) != single:
            self.inbox.setColumnHidden(Column.ACCOUNT, single)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel_bulk_preparation(quiet=True)
        self.moderation.finish_writes()  # a confirmed bulk action is finished, not dropped
        self._time_timer.stop()
        self._counts_timer.stop()
        self._changes_timer.stop()
        self._first_row_timer.stop()
        self.reader.stop()
        self.detail.cancel_context()
        super().closeEvent(event)


class PendingChanges:
    """Engine-reported changes not yet passed on, per account, in arrival order."""

    def __init__(self) -> None:
        self._added: dict[int, dict[int, None]] = {}
        self._changed: dict[int, dict[int, None]] = {}

    def add(self, account_id: int, added: Sequence[int], changed: Sequence[int]) -> None:
        self._added.setdefault(account_id, {}).update(dict.fromkeys(added))
        self._changed.setdefault(account_id, {}).update(dict.fromkeys(changed))

    def take(self) -> list[tuple[int, list[int], list[int]]]:
        out = [
            (account_id, list(added), list(self._changed.get(account_id, {})))
            for account_id, added in self._added.items()
        ]
        self._added.clear()
        self._changed.clear()
        return out


def _unreviewed(comment: Comment) -> bool:
    return comment.local_state is LocalState.NEW and not comment.remote.by_us
