"""The author at a glance, across every connected account: how much they wrote, how often
moderators hid or approved them before, and their latest other comments as rows that jump
to the comment (`commentChosen`) or narrow the inbox to the author (`authorRequested`).

Matched by the name moderators see (see `store.authors`); all of it is plain text. What the
panel shows is read by `read_author` (on the window's background reader: a few hundred rows
of SQL); the panel only builds its widgets from the answer."""

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from moderator_app.domain import Account, Comment, LocalState
from moderator_app.store import Store
from moderator_app.store.authors import AuthorStats
from moderator_app.ui.chip_label import ChipLabel
from moderator_app.ui.chips import toxicity_parts
from moderator_app.ui.display import excerpt, local_state_name, short_time
from moderator_app.ui.labels import ElidedLabel, plain_label

RECENT = 5
ROW_CHARS = 160


@dataclass(frozen=True, slots=True)
class AuthorContext:
    """What the panel shows of one comment's author, read in one go."""

    comment_id: int
    stats: AuthorStats
    recent: list[Comment]  # newest first, without the comment itself
    accounts: dict[int, Account]  # the accounts the recent comments are in


def read_author(store: Store, comment: Comment) -> AuthorContext | None:
    """The comment's author's stats and latest other comments; None when there is nobody to
    show (our own comment, no name). Plain SQL, no Qt: runs on any thread's store."""
    name = comment.remote.author.name
    if comment.remote.by_us or not name:
        return None
    stats = store.authors.stats(name)
    recent = store.authors.recent(name, exclude=comment.id, limit=RECENT)
    accounts: dict[int, Account] = {}
    for account_id in {other.account_id for other in recent}:
        account = store.accounts.get(account_id)
        if account is not None:
            accounts[account_id] = account
    return AuthorContext(comment.id, stats, recent, accounts)


class StatTile(QFrame):
    """A number over its caption ("12 / hidden")."""

    def __init__(self, caption: str, name: str) -> None:
        super().__init__()
        self.setObjectName("authorStat")
        self.value = plain_label("0", "authorStatValue")
        self.value.setObjectName(name)
        self.value.setProperty("statValue", True)
        self.caption = plain_label(caption, "authorStatCaption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_value(self, value: int) -> None:
        self.value.setText(str(value))


class AuthorCommentRow(QFrame):
    """One of the author's other comments: where, when, its verdict and a line of its text."""

    clicked = Signal(int)

    def __init__(self, comment: Comment, where: str) -> None:
        super().__init__()
        self.setObjectName("authorComment")
        self.comment_id = comment.id
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Go to this comment"))
        head = QHBoxLayout()
        head.setSpacing(6)
        parts = [where, short_time(comment.remote.created_at)]
        if comment.local_state is not LocalState.NEW:
            parts.append(local_state_name(comment.local_state))
        self.where = ElidedLabel(" · ".join(parts), "authorCommentMeta")
        head.addWidget(self.where, 1)
        result = comment.toxicity
        if result is not None:
            chip = ChipLabel()
            label, detail, colors = toxicity_parts(result)
            chip.set_chip(label, colors, detail)
            head.addWidget(chip)
        self.text = ElidedLabel(excerpt(comment.text, ROW_CHARS), "authorCommentText")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 7)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(self.text)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        inside = self.rect().contains(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and inside:
            self.clicked.emit(self.comment_id)
            return
        super().mouseReleaseEvent(event)


class AuthorPanel(QWidget):
    commentChosen = Signal(int)  # comment id
    authorRequested = Signal(str)  # author name: "only this author"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = ""
        self._shown: list[AuthorCommentRow] = []
        self.summary = plain_label("", "authorSummary")
        self.summary.setWordWrap(True)
        self.tiles = {
            "comments": StatTile(self.tr("comments"), "authorComments"),
            "hidden": StatTile(self.tr("hidden"), "authorHidden"),
            "approved": StatTile(self.tr("approved"), "authorApproved"),
            "flagged": StatTile(self.tr("flagged"), "authorFlagged"),
        }
        grid = QGridLayout()
        grid.setSpacing(6)
        for column, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, 0, column)
        self.only_button = QPushButton(self.tr("All comments by this author"))
        self.only_button.setObjectName("linkButton")
        self.only_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.only_button.setToolTip(self.tr("Show only this author in the inbox (U)"))
        self.only_button.clicked.connect(lambda: self.authorRequested.emit(self._name))
        self.recent_title = plain_label(self.tr("Latest other comments"), "subsectionTitle")
        self._rows = QVBoxLayout()
        self._rows.setSpacing(4)
        self.empty = plain_label(self.tr("No other comments from this author yet"), "authorEmpty")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.summary)
        layout.addLayout(grid)
        layout.addWidget(self.recent_title)
        layout.addLayout(self._rows)
        layout.addWidget(self.empty)
        layout.addWidget(self.only_button, 0, Qt.AlignmentFlag.AlignLeft)

    def show_author(self, comment: Comment, author: AuthorContext | None) -> bool:
        """Fill the panel for the comment's author from `author` (see `read_author`); False
        when there is nobody to show."""
        self._clear_rows()
        self._name = comment.remote.author.name
        if author is None:
            return False
        stats = author.stats
        self._show_stats(stats)
        for other in author.recent:
            row = AuthorCommentRow(other, self._where(other, author.accounts))
            row.clicked.connect(self.commentChosen)
            self._shown.append(row)
            self._rows.addWidget(row)
        self.recent_title.setVisible(bool(author.recent))
        self.empty.setVisible(not author.recent)
        self.only_button.setVisible(stats.comments > 1)
        return True

    def rows(self) -> list[AuthorCommentRow]:
        return list(self._shown)

    def _show_stats(self, stats: AuthorStats) -> None:
        if stats.accounts <= 1:
            text = self.tr("Writes in this account only")
        else:
            text = self.tr("Writes in %1 connected accounts").replace("%1", str(stats.accounts))
        self.summary.setText(text)
        self.tiles["comments"].set_value(stats.comments)
        self.tiles["hidden"].set_value(stats.hidden)
        self.tiles["approved"].set_value(stats.approved)
        self.tiles["flagged"].set_value(stats.flagged)

    def _where(self, comment: Comment, accounts: dict[int, Account]) -> str:
        account = accounts.get(comment.account_id)
        if account is None:
            return ""
        return f"{account.platform.label} · {account.name}"

    def _clear_rows(self) -> None:
        self._shown.clear()
        while (item := self._rows.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
