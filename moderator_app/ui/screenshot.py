"""`--screenshot`: wait until the inbox holds scored comments, pick a flagged one so the detail
pane shows its marked passages, then save the window as a PNG and leave the event loop."""

import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from moderator_app.domain import Comment, ToxicityLevel
from moderator_app.ui.main_window import MainWindow

MIN_SCORED_ROWS = 10
POLL_MS = 250
SETTLE_MS = 600
LOOK_AT_ROWS = 100


def interesting(comments: list[Comment]) -> Comment | None:
    """The flagged comment that best shows the tool: toxic over review, with spans, high score."""
    flagged = [
        c for c in comments if c.toxicity is not None and c.toxicity.level is not ToxicityLevel.OK
    ]
    if not flagged:
        return None
    return max(
        flagged,
        key=lambda c: (
            bool(c.toxicity and c.toxicity.spans),
            c.toxicity.level.rank if c.toxicity else 0,
            c.toxicity.score if c.toxicity else 0.0,
        ),
    )


class ScreenshotTaker(QObject):
    def __init__(self, window: MainWindow, path: Path, timeout_s: float) -> None:
        super().__init__(window)
        self._window = window
        self._path = path
        self._deadline = time.monotonic() + timeout_s
        self._timeout_s = timeout_s
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check)

    def start(self) -> None:
        self._poll.start()

    def _check(self) -> None:
        model = self._window.model
        self._window.refresh_from_store()
        rows = [model.comment_at(r) for r in range(min(model.rowCount(), LOOK_AT_ROWS))]
        comments = [c for c in rows if c is not None]
        scored = [c for c in comments if c.toxicity is not None]
        choice = interesting(scored)
        if len(scored) >= MIN_SCORED_ROWS and choice is not None:
            self._poll.stop()
            self._window.sidebar.refresh_counts()
            self._window.inbox.select_comment(choice.id)
            QTimer.singleShot(SETTLE_MS, self._save)
        elif time.monotonic() > self._deadline:
            self._poll.stop()
            print(
                f"moderator: no scored comments with a flagged one arrived within "
                f"{self._timeout_s:.0f} s ({len(comments)} comments, {len(scored)} scored); "
                "no screenshot taken",
                file=sys.stderr,
            )
            QApplication.exit(1)

    def _save(self) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        if not self._window.grab().save(str(self._path)):
            print(f"moderator: could not write the screenshot to {self._path}", file=sys.stderr)
            QApplication.exit(1)
            return
        QApplication.exit(0)
