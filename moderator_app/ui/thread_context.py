"""Where the comment sits: the post it was written under, the comments it answers, the other
answers to the same comment (siblings), and the replies it got (ours included). Each is a
small card of plain-text labels; a card of someone else's comment is clickable and asks the
window to jump to it (`commentChosen`)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from moderator_app.domain import Comment, ThreadRef
from moderator_app.ui.display import excerpt, short_time
from moderator_app.ui.labels import ElidedLabel, plain_label

MAX_PARENTS = 3
MAX_REPLIES = 5
MAX_SIBLINGS = 4
CARD_CHARS = 400
POST_CHARS = 240
CURRENT_CHARS = 120  # the full text is right above
SIBLING_CHARS = 160  # beside the point: a glimpse is enough
INDENT = 18


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


def siblings_of(comment: Comment, thread: list[Comment]) -> list[Comment]:
    """Other answers to the same comment (top-level comments are not each other's siblings:
    under a busy post that would be the whole thread)."""
    parent = comment.remote.parent_remote_id
    if not parent:
        return []
    return [c for c in thread if c.remote.parent_remote_id == parent and c.id != comment.id]


class ContextCard(QFrame):
    """One comment of the thread; `clicked` carries its id when it can be jumped to."""

    clicked = Signal(int)

    def __init__(
        self,
        author: str,
        when: str,
        text: str,
        *,
        ours: bool = False,
        comment_id: int | None = None,
        current: bool = False,
    ) -> None:
        super().__init__()
        name = "contextCardCurrent" if current else "contextCardOurs" if ours else "contextCard"
        self.setObjectName(name)
        self.comment_id = comment_id if not current else None
        head = QHBoxLayout()
        head.setSpacing(8)
        self.author_label = ElidedLabel(author, "contextAuthor")
        head.addWidget(self.author_label, 1)
        head.addWidget(plain_label(when, "contextTime"))
        self.body = plain_label(excerpt(text, CARD_CHARS) if text else "", "contextText")
        self.body.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 7, 10, 8)
        layout.setSpacing(3)
        layout.addLayout(head)
        if text:
            layout.addWidget(self.body)
        if self.comment_id is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setToolTip(self.tr("Go to this comment"))
        else:
            self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        inside = self.rect().contains(event.position().toPoint())
        if self.comment_id is not None and event.button() == Qt.MouseButton.LeftButton and inside:
            self.clicked.emit(self.comment_id)
            return
        super().mouseReleaseEvent(event)


class PostCard(QFrame):
    """The post, video or thread the comments are under: its title and the start of its text."""

    def __init__(self, post: ThreadRef, fallback_title: str) -> None:
        super().__init__()
        self.setObjectName("postCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 7, 10, 8)
        layout.setSpacing(3)
        self.title = ElidedLabel(post.title or fallback_title, "postTitle")
        layout.addWidget(self.title)
        if post.text:
            body = plain_label(excerpt(post.text, POST_CHARS), "contextText")
            body.setWordWrap(True)
            body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(body)


class ThreadContext(QWidget):
    commentChosen = Signal(int)  # comment id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._cards: list[ContextCard] = []

    def show_thread(self, comment: Comment, thread: list[Comment]) -> int:
        """Fill the cards; returns how many comments besides this one were shown (0 with no
        post text hides the section)."""
        self.clear()
        post = comment.remote.thread
        if post.title or post.text:
            self._add(PostCard(post, self.tr("Post")))
        parents = parents_of(comment, thread)
        for depth, parent in enumerate(parents):
            self._add(self._card(parent), depth)
        depth = len(parents)
        self._add(self._card(comment, current=True), depth)
        replies = replies_to(comment, thread)
        for reply in replies:
            self._add(self._card(reply), depth + 1)
        siblings = siblings_of(comment, thread)
        if siblings:
            heading = self.tr("Other replies to the same comment (%1)")
            self._add(plain_label(heading.replace("%1", str(len(siblings))), "subsectionTitle"))
            for sibling in siblings[:MAX_SIBLINGS]:
                self._add(self._card(sibling, limit=SIBLING_CHARS), depth)
        return len(parents) + len(replies) + len(siblings) + (1 if post.text else 0)

    def cards(self) -> list[ContextCard]:
        """The comment cards shown, top to bottom."""
        return list(self._cards)

    def clear(self) -> None:
        self._cards.clear()
        while (item := self._layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
            inner = item.layout()
            if inner is not None:
                while (sub := inner.takeAt(0)) is not None:
                    child = sub.widget()
                    if child is not None:
                        child.hide()
                        child.deleteLater()
                inner.deleteLater()

    def _add(self, widget: QWidget, depth: int = 0) -> None:
        if depth == 0:
            self._layout.addWidget(widget)
            return
        row = QHBoxLayout()
        row.setContentsMargins(min(depth, 3) * INDENT, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(widget, 1)
        self._layout.addLayout(row)

    def _card(
        self, comment: Comment, *, current: bool = False, limit: int = CARD_CHARS
    ) -> ContextCard:
        ours = comment.remote.by_us
        author = self.tr("You") if ours else comment.remote.author.name
        when = short_time(comment.remote.created_at)
        if current:
            when = self.tr("this comment · %1").replace("%1", when)
        card = ContextCard(
            author,
            when,
            excerpt(comment.text, CURRENT_CHARS if current else limit),
            ours=ours,
            comment_id=None if ours else comment.id,
            current=current,
        )
        card.clicked.connect(self.commentChosen)
        self._cards.append(card)
        return card
