"""Selecting by score: the moderator picks a band, and the inbox narrows to it with every row
selected, ready for a bulk action."""

from PySide6.QtCore import QObject

from moderator_app.ui.score_range_dialog import ReaderRange, ScoreRangeDialog, in_range
from moderator_app.ui.window_parts import WindowParts


class BandSelection(QObject):
    def __init__(self, parts: WindowParts) -> None:
        super().__init__(parts.window)
        self._parts = parts
        self.dialog: ScoreRangeDialog | None = None

    def choose(self) -> ScoreRangeDialog | None:
        """Pick a score band; its count and its comments are read in the background."""
        if self.dialog is not None:
            return None
        dialog = ScoreRangeDialog(
            ReaderRange(self._parts.reader, self._parts.model.current_filter),
            parent=self._parts.window,
        )
        self.dialog = dialog

        def finished(result: int) -> None:
            self.dialog = None
            if result == ScoreRangeDialog.DialogCode.Accepted:
                self._show_and_select(*dialog.bounds())
            dialog.deleteLater()
            self._parts.focus_inbox()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def _show_and_select(self, low: float, high: float) -> None:
        """Narrow the view to the band and select all of it: in a view of a million comments
        the band's rows lie anywhere, and what a bulk action will touch should be in sight.
        The score filter shows in the bar, where it is cleared like any other."""
        band = in_range(self._parts.model.current_filter, low, high)
        self._parts.filters.update(score_min=band.score_min, score_max=band.score_max)
        if self._parts.model.rowCount() == 0 and self._parts.model.count_exact:
            self._parts.status.showMessage(self.tr("No comments in this score range"), 5000)
            return
        self._parts.inbox.selectAll()
        text = self.tr("Showing and selecting scores %1–%2. Clear the score filter to see all.")
        low_text, high_text = f"{band.score_min or 0.0:.2f}", f"{band.score_max or 1.0:.2f}"
        self._parts.status.showMessage(text.replace("%1", low_text).replace("%2", high_text), 8000)
