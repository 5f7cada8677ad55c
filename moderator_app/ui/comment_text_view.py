"""The full comment text, with the scorer's spans and the inbox search's matches highlighted.

The text goes in with `setPlainText` only; highlighting is applied afterwards as character
formats over [start, end) ranges. Nothing the commenter wrote is ever parsed as markup.
"""

from collections.abc import Sequence

from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextFormat, QTextOption
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextEdit, QWidget

from moderator_app.domain import Span, ToxicityLevel
from moderator_app.ui import theme
from moderator_app.ui.search_highlight import SEARCH_BACKGROUND, SEARCH_TEXT, match_runs

SEARCH_MATCH = QTextFormat.Property.UserProperty + 1  # marks a search match's characters


def utf16_offset(text: str, index: int) -> int:
    """Python counts code points, Qt counts UTF-16 units: an emoji before a span shifts it."""
    return len(text[:index].encode("utf-16-le")) // 2


class CommentTextView(QTextEdit):
    """Read-only, grows to fit its text (the pane around it scrolls, not this view)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commentText")
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().setDocumentMargin(2)
        layout = self.document().documentLayout()
        layout.documentSizeChanged.connect(self._fit_height)
        self._fit_height(self.document().size())

    def show_text(
        self,
        text: str,
        spans: Sequence[Span] = (),
        level: ToxicityLevel | None = None,
        search: str = "",
    ) -> None:
        self.setPlainText(text)
        highlight = QTextCharFormat()
        highlight.setBackground(theme.SPAN_HIGHLIGHT[level or ToxicityLevel.TOXIC])
        highlight.setForeground(theme.SPAN_TEXT)
        for span in spans:
            start = max(0, min(span.start, len(text)))
            end = max(start, min(span.end, len(text)))
            if end == start:
                continue
            cursor = QTextCursor(self.document())
            cursor.setPosition(utf16_offset(text, start))
            cursor.setPosition(utf16_offset(text, end), QTextCursor.MoveMode.KeepAnchor)
            span_format = QTextCharFormat(highlight)
            span_format.setToolTip(span.label)
            cursor.mergeCharFormat(span_format)
        self._mark_search(text, search)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _mark_search(self, text: str, search: str) -> None:
        """Search matches get their own colour, drawn over any span they fall in."""
        found = QTextCharFormat()
        found.setBackground(SEARCH_BACKGROUND)
        found.setForeground(SEARCH_TEXT)
        found.setProperty(SEARCH_MATCH, True)
        for start, end in match_runs(text, search):
            cursor = QTextCursor(self.document())
            cursor.setPosition(utf16_offset(text, start))
            cursor.setPosition(utf16_offset(text, end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(found)

    def _fit_height(self, size: QSizeF) -> None:
        margins = self.contentsMargins()
        self.setFixedHeight(int(size.height()) + margins.top() + margins.bottom() + 2)
