"""Notices commits made by other SQLite connections (the engine's, or a `moderator-app sync`
run in a terminal) through `PRAGMA data_version`, which changes only for others' commits.

The fallback for an engine that was not given our `on_event`: cheap to poll (no table read),
and the window then refreshes without a reset.
"""

from PySide6.QtCore import QObject, QTimer, Signal

from moderator_app.store import Store

DEFAULT_INTERVAL_MS = 1000


class StoreWatcher(QObject):
    changed = Signal()

    def __init__(
        self, store: Store, interval_ms: int = DEFAULT_INTERVAL_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._last = self._version()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        self._last = self._version()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> bool:
        """Emit `changed` (and return True) if another connection committed since last time."""
        version = self._version()
        if version == self._last:
            return False
        self._last = version
        self.changed.emit()
        return True

    def _version(self) -> int:
        row = self._store.db.execute("PRAGMA data_version").fetchone()
        return int(row[0])
