""" "Select score range…": pick a toxicity score band (e.g. 0.80–1.00) within the current
filter, seeing live how many comments it holds, as in score-sorted moderation queues. The
window then narrows the view to that band and selects all of it.

Counting a band is SQL over up to a million rows: the dialog asks a `RangeSource` (the
window's background reader) and shows "counting…" until the answer for the bounds shown
arrives. Spin-box changes are gathered for `COUNT_DELAY_MS` before asking; an answer for
bounds no longer shown is dropped."""

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Protocol

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QWidget

from moderator_app.store import CommentFilter
from moderator_app.ui.background import JobContext, Reader
from moderator_app.ui.bulk_text import number
from moderator_app.ui.dialog_parts import confirm_buttons, dialog_column, intro_label, window_modal
from moderator_app.ui.labels import plain_label
from moderator_app.ui.score_fields import score_spin, spin_bounds

COUNT_DELAY_MS = 150  # spin-box steps closer together than this are counted once
# Reader jobs: a newer question replaces (and stops) the older one under the same key.
COUNT_KEY = "score-range-count"
_PRIORITY = 3  # the moderator is waiting on it: before counts and anchors

Bounds = tuple[float, float]


class RangeSource(Protocol):
    """Where the dialog's answers come from; `done` is called later on the GUI thread (or at
    once, for an in-memory store)."""

    def count(self, low: float, high: float, done: Callable[[int], None]) -> None: ...

    def cancel(self) -> None: ...


def in_range(base: CommentFilter, low: float, high: float) -> CommentFilter:
    """`base` narrowed to the band (within a score range it already had)."""
    if base.score_min is not None:
        low = max(low, base.score_min)
    if base.score_max is not None:
        high = min(high, base.score_max)
    return replace(base, score_min=low, score_max=max(low, high))


class ReaderRange:
    """A `RangeSource` over `base` (the inbox's current filter), read by the background
    reader with its own connection."""

    def __init__(self, reader: Reader, base: CommentFilter) -> None:
        self._reader = reader
        self._base = base

    def count(self, low: float, high: float, done: Callable[[int], None]) -> None:
        f = in_range(self._base, low, high)

        def work(ctx: JobContext) -> None:
            ctx.deliver(ctx.store.comments.count(f))

        self._reader.submit(COUNT_KEY, work, done, priority=_PRIORITY, supersede=True)

    def cancel(self) -> None:
        self._reader.cancel(COUNT_KEY)


class ScoreRangeDialog(QDialog):
    def __init__(
        self,
        source: RangeSource,
        low: float = 0.8,
        high: float = 1.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        window_modal(self, "scoreRangeDialog", self.tr("Select score range"))
        self._source = source
        self._closed = False
        self.low = score_spin(self, low)
        self.high = score_spin(self, high)
        self.count = plain_label("", "dialogIntro")
        intro = intro_label(
            self.tr("Show and select every comment in the current view whose toxicity score is in:")
        )
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.low)
        row.addWidget(plain_label("–", "dialogIntro"))
        row.addWidget(self.high)
        row.addStretch(1)
        buttons = confirm_buttons(self, self.tr("Select"), self.tr("Cancel"))
        dialog_column(self, intro, row, self.count, buttons.box)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._ask_count)
        self.low.valueChanged.connect(self._bounds_changed)
        self.high.valueChanged.connect(self._bounds_changed)
        self._ask_count()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.low.setFocus()
        self.low.selectAll()

    def bounds(self) -> Bounds:
        return spin_bounds(self.low, self.high)

    def done(self, result: int) -> None:
        self._closed = True
        self._count_timer.stop()
        self._source.cancel()  # a count still on its way
        super().done(result)

    def _bounds_changed(self, *_: object) -> None:
        self.count.setText(self.tr("counting…"))
        self._count_timer.start()

    def _ask_count(self) -> None:
        bounds = self.bounds()
        self.count.setText(self.tr("counting…"))
        self._source.count(*bounds, partial(self._counted, bounds))

    def _counted(self, bounds: Bounds, n: int) -> None:
        if bounds != self.bounds() or self._count_timer.isActive() or self._closed:
            return  # for bounds no longer shown (their own count is on its way), or closed
        self.count.setText(self.tr("%1 comments in this range").replace("%1", number(n)))
