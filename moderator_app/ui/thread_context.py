"""Where the comment sits: the post it was written under, the comments it answers, and the
replies it got (ours included). Each is a small card of plain-text labels."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from moderator_app.domain import Comment
from moderator_app.ui.display import excerpt, short_time
from moderator_app.ui.labels import ElidedLabel, plain_label

MAX_PARENTS = 3
MAX_REPLIES = 5
CARD_CHARS = 400


def parents_of(comment: Comment, thread: list[Comment]) -> list[Comment]:
    """The chain of comments this one answers, nearest last, at most MAX_PARENTS."""
    by_remote = {c.remote.remote_id: c for c in thread}
    chain: list[Comment] = []
    parent_id = comment.remote.parent_remote_id
    while parent_id and parent_id in by_remote and len(chain) < MAX_PARENTS:
        parent = by_remote[parent_id]
        if parent in chain or parent.id == comment.id:
            break
        chain.insert(0, parent)
        parent_id = parent.remote.parent_remote_id
    return chain


def replies_to(comment: Comment, thread: list[Comment]) -> list[Comment]:
    found = [c for c in thread if c.remote.parent_remote_id == comment.remote.remote_id]
    return found[:MAX_REPLIES]


class ContextCard(QFrame):
    def __init__(self, author: str, when: str, text: str, *, ours: bool = False) -> None:
        super().__init__()
        self.setObjectName("contextCardOurs" if ours else "contextCard")
        head = QHBoxLayout()
        head.setSpacing(8)
        head.addWidget(ElidedLabel(author, "contextAuthor"), 1)
        head.addWidget(plain_label(when, "contextTime"))
        body = plain_label(excerpt(text, CARD_CHARS) if text else "", "contextText")
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(3)
        layout.addLayout(head)
        if text:
            layout.addWidget(body)


class ThreadContext(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)

    def show_thread(self, comment: Comment, thread: list[Comment]) -> int:
        """Fill the cards; returns how many were shown (0 hides the section)."""
        self.clear()
        cards: list[QWidget] = []
        parents = parents_of(comment, thread)
        post = comment.remote.thread
        if not parents and post.text:
            cards.append(ContextCard(post.title or self.tr("Post"), "", post.text))
        for parent in parents:
            cards.append(self._card(parent))
        replies = replies_to(comment, thread)
        if replies:
            heading = plain_label(self.tr("Replies"), "subsectionTitle")
            cards.append(heading)
            cards.extend(self._card(reply) for reply in replies)
        for card in cards:
            self._layout.addWidget(card)
        return len(cards)

    def clear(self) -> None:
        while (item := self._layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()

    def _card(self, comment: Comment) -> ContextCard:
        author = self.tr("You") if comment.remote.by_us else comment.remote.author.name
        return ContextCard(
            author,
            short_time(comment.remote.created_at),
            comment.text,
            ours=comment.remote.by_us,
        )
