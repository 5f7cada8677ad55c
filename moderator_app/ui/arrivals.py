"""Comments the engine stored or scored, passed on to the inbox in batches: the engine reports
every page it stores (dozens a second while it catches up), the list takes them at most every
`CHANGES_COALESCE_MS`."""

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from moderator_app.ui.inbox_model import InboxModel
from moderator_app.ui.pending_changes import PendingChanges

# Engine events (a batch of new or scored comments each) reach the inbox at most this often.
CHANGES_COALESCE_MS = 250


class Arrivals(QObject):
    """Gathers the engine's reports and hands them to the model in one pass; `after` then
    hears which comments changed (the one on show may be among them)."""

    def __init__(
        self, model: InboxModel, after: Callable[[set[int]], None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._after = after
        self._changes = PendingChanges()
        self._flushed = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(CHANGES_COALESCE_MS)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    def add(self, account_id: int, added: list[int], changed: list[int]) -> None:
        """Gathered, and passed on at most every `CHANGES_COALESCE_MS`."""
        self._changes.add(account_id, added, changed)
        if not self._timer.isActive():
            since = (time.monotonic() - self._flushed) * 1000
            self._timer.start(max(0, int(CHANGES_COALESCE_MS - since)))

    def flush(self) -> None:
        self._apply()

    def stop(self) -> None:
        self._timer.stop()

    def _apply(self) -> None:
        self._flushed = time.monotonic()
        changed_here: set[int] = set()
        for account_id, added, changed in self._changes.take():
            self._model.on_comments_changed(account_id, added, changed)
            changed_here.update(changed)
        self._after(changed_here)
