"""After a change, the window shows it: the changed rows, the comment on show and its action
buttons, the outbox counts in the status bar and, at a pace that leaves the CPU to the engine,
the sidebar's badges. Also the relative times, which age on their own."""

from collections.abc import Collection

from PySide6.QtCore import QObject, QTimer

from moderator_app.ui.roles import Column
from moderator_app.ui.window_parts import WindowParts

COUNTS_REFRESH_MS = 300
TIME_REFRESH_MS = 60_000


class ViewRefresh(QObject):
    """Each kind of change refreshes only what it touched; `everything` is for changes no event
    described (another connection, a bulk action)."""

    def __init__(self, parts: WindowParts) -> None:
        super().__init__(parts.window)
        self._parts = parts
        self._counts_timer = QTimer(self)
        self._counts_timer.setInterval(COUNTS_REFRESH_MS)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.timeout.connect(self.counts)
        self._time_timer = QTimer(self)
        self._time_timer.setInterval(TIME_REFRESH_MS)
        self._time_timer.timeout.connect(parts.model.refresh_times)
        self._time_timer.start()

    def comment_changed(self, comment_id: int) -> None:
        """One of our actions (or the outbox carrying it out) changed this comment."""
        self.comments([comment_id])
        self._parts.status.refresh_actions()
        self.schedule_counts()

    def comments(self, comment_ids: Collection[int]) -> None:
        self._parts.model.refresh_comments(comment_ids)
        self.shown_if_among(comment_ids)

    def after_arrivals(self, changed: Collection[int]) -> None:
        """The engine's batch has reached the list."""
        self.shown_if_among(changed)
        self.schedule_counts()

    def shown_if_among(self, comment_ids: Collection[int]) -> None:
        current = self._parts.inbox.current_comment_id()
        if current is not None and current in comment_ids:
            self._parts.detail.refresh(current)
            self._parts.action_bar.set_comment(self._parts.detail.comment)

    def everything(self) -> None:
        """Another connection changed the database and no event said how: catch up in place."""
        self._parts.model.sync_with_store()
        self._parts.model.refresh_all()
        self._parts.detail.refresh()
        self._parts.action_bar.set_comment(self._parts.detail.comment)
        self._parts.status.refresh_actions()
        self.schedule_counts()

    def on_calibration_changed(self, account_id: int, _version: int, summary: list[str]) -> None:
        account = self._parts.store.accounts.get(account_id)
        name = account.name if account else str(account_id)
        text = self.tr("Flagging for %1 learned from your decisions: %2")
        self._parts.status.showMessage(
            text.replace("%1", name).replace("%2", "; ".join(summary)), 12000
        )
        self.everything()

    def schedule_counts(self) -> None:
        """Sidebar badges again soon; while changes keep coming, at a pace that leaves the
        CPU to the engine (counting takes at most a tenth of the time)."""
        if not self._counts_timer.isActive():
            pause = max(COUNTS_REFRESH_MS, int(self._parts.sidebar.last_count_s * 10_000))
            self._counts_timer.start(pause)

    def counts(self) -> None:
        self._parts.sidebar.refresh_counts()
        self.account_column()

    def account_column(self) -> None:
        """With a single account the Account column says the same thing on every row: hide it
        and give the comment the room."""
        single = len(self._parts.store.accounts.list()) <= 1
        if self._parts.inbox.isColumnHidden(Column.ACCOUNT) != single:
            self._parts.inbox.setColumnHidden(Column.ACCOUNT, single)

    def stop(self) -> None:
        self._time_timer.stop()
        self._counts_timer.stop()
