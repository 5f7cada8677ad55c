"""The selected comment in full: who, where, when, the text with its toxic spans (and the
search's matches) marked, why it was flagged, its thread, its author's history, and what has
been done about it.

Reads the comment itself from the GUI thread's store; its thread and its author's history (a
few hundred rows, slow while the engine writes) come from the window's background reader and
only their widgets are built on the GUI thread. All changes go out as signals (see
`moderation`).
"""

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from moderator_app.domain import Comment, LocalState, PlatformState
from moderator_app.store import Store
from moderator_app.ui import theme
from moderator_app.ui.action_history import ActionHistory
from moderator_app.ui.author_panel import AuthorContext, AuthorPanel, read_author
from moderator_app.ui.background import BackgroundReader, JobContext, Reader
from moderator_app.ui.chip_label import ChipLabel
from moderator_app.ui.chips import toxicity_parts
from moderator_app.ui.comment_text_view import CommentTextView
from moderator_app.ui.display import full_time, local_state_name, platform_state_name
from moderator_app.ui.labels import ElidedLabel, plain_label
from moderator_app.ui.thread_context import ThreadContext

CONTEXT_KEY = "detail-context"  # the background reader's job reading the thread and author
_CONTEXT_PRIORITY = 3  # the moderator is looking at it: before counts and anchors

_STATE_BADGES = {
    LocalState.HIDDEN: theme.HIDDEN_BADGE,
    LocalState.ESCALATED: theme.ESCALATED_BADGE,
    LocalState.REPLIED: theme.REPLIED_BADGE,
}


def safe_web_url(text: str) -> QUrl | None:
    """Only http(s) links leave the app; anything else (file:, javascript:) is refused."""
    url = QUrl(text.strip())
    if url.isValid() and url.scheme() in ("http", "https") and url.host():
        return url
    return None


@dataclass(frozen=True, slots=True)
class CommentContext:
    """The shown comment's surroundings, read off the GUI thread."""

    thread: list[Comment]
    author: AuthorContext | None


def read_context(ctx: JobContext, comment: Comment) -> None:
    """The reader's job: the comment's thread and its author, delivered together."""
    thread = ctx.store.comments.thread(comment)
    if ctx.stopped():
        return
    ctx.deliver(CommentContext(thread, read_author(ctx.store, comment)))


class Section(QWidget):
    """A titled block of the pane that hides itself when it has nothing to show."""

    def __init__(self, title: str, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = body
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(plain_label(title.upper(), "sectionTitle"))
        layout.addWidget(body)


class DetailPane(QStackedWidget):
    retryRequested = Signal(int, int)  # action_id, comment_id
    dismissRequested = Signal(int, int)
    commentChosen = Signal(int)  # a comment of the thread or the author panel: jump to it
    authorRequested = Signal(str)  # "only this author"

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        reader: Reader | None = None,
        context_delay_ms: int = 0,
    ) -> None:
        """The thread and the author (a few hundred rows read) are read by `reader` (the
        window's; by default one that reads at once on this thread). With
        `context_delay_ms`, they are asked for that long after the comment is shown, once:
        moving through the inbox with the keys or changing the filter never waits for them."""
        super().__init__(parent)
        self.setObjectName("detailPane")
        self._store = store
        self._reader: Reader = (
            reader if reader is not None else BackgroundReader(store, self, inline=True)
        )
        self._context_timer: QTimer | None = None
        if context_delay_ms > 0:
            self._context_timer = QTimer(self)
            self._context_timer.setSingleShot(True)
            self._context_timer.setInterval(context_delay_ms)
            self._context_timer.timeout.connect(self.load_context)
        self._context_pending = False  # the shown comment's context is still to come
        self._context_asked = False  # ... and the reader was asked for it
        self._context_generation = 0  # one more each time a comment is shown (or re-read)
        self._context_shown = 0  # the generation whose answer the sections show
        self._comment: Comment | None = None
        self._permalink: QUrl | None = None
        self._search = ""

        empty = plain_label(self.tr("Select a comment to see it here"), "emptyState")
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setWordWrap(True)
        empty.setContentsMargins(32, 0, 32, 0)
        self.addWidget(empty)

        self.author = ElidedLabel("", "detailAuthor")
        self.toxicity_chip = ChipLabel()
        self.state_chip = ChipLabel()
        self.meta = plain_label("", "detailMeta")
        self.meta.setWordWrap(True)
        self.post = plain_label("", "detailPost")
        self.post.setWordWrap(True)
        self.link = ElidedLabel("", "detailLink")
        self.open_button = QPushButton(self.tr("Open on platform"))
        self.open_button.setObjectName("linkButton")
        self.open_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.open_button.clicked.connect(self.open_permalink)
        self.text_view = CommentTextView()
        self.verdict = plain_label("", "verdict")
        self.verdict.setWordWrap(True)
        self.thread_view = ThreadContext()
        self.thread_view.commentChosen.connect(self.commentChosen)
        self.author_panel = AuthorPanel()
        self.author_panel.commentChosen.connect(self.commentChosen)
        self.author_panel.authorRequested.connect(self.authorRequested)
        self.history = ActionHistory()
        self.history.retryRequested.connect(self._retry)
        self.history.dismissRequested.connect(self._dismiss)
        self.thread_section = Section(self.tr("Thread"), self.thread_view)
        self.history_section = Section(self.tr("Activity"), self.history)
        self.author_section = Section(self.tr("Author"), self.author_panel)
        self.addWidget(self._build_page())

    # --- public -----------------------------------------------------------------------------

    @property
    def comment(self) -> Comment | None:
        return self._comment

    def show_comment(self, comment_id: int | None) -> None:
        comment = None if comment_id is None else self._store.comments.get(comment_id)
        same = comment is not None and self._comment is not None and self._comment.id == comment.id
        self._comment = comment
        if comment is None:
            self.cancel_context()
            self.setCurrentIndex(0)
            return
        self._fill(comment)
        self.setCurrentIndex(1)
        self._context_generation += 1
        self._context_pending = True
        self._context_asked = False
        if not same:  # another comment's thread must not linger; the same one's may
            self.thread_section.setVisible(False)
            self.author_section.setVisible(False)
        if self._context_timer is None:
            self.load_context()
        else:
            self._context_timer.start()

    def load_context(self) -> None:
        """Ask the reader now for the thread and author if they are still to come; the
        sections fill when it answers (at once with an inline reader)."""
        if self._context_timer is not None:
            self._context_timer.stop()
        comment = self._comment
        if not self._context_pending or self._context_asked or comment is None:
            return
        self._context_asked = True
        done = partial(self._on_context, self._context_generation, comment.id)
        self._reader.submit(
            CONTEXT_KEY,
            partial(read_context, comment=comment),
            done,
            priority=_CONTEXT_PRIORITY,
            supersede=True,  # the one asked before is for a comment no longer shown
        )

    def cancel_context(self) -> None:
        """Forget the thread and author still to come (no comment is shown, the window
        closes): an answer on its way is dropped."""
        self._context_pending = False
        self._context_asked = False
        self._context_generation += 1
        if self._context_timer is not None:
            self._context_timer.stop()
        self._reader.cancel(CONTEXT_KEY)

    def context_pending(self) -> bool:
        """Whether the shown comment's thread and author are still to come (waiting for the
        selection to settle or for the reader's answer)."""
        return self._context_pending

    def refresh(self, comment_id: int | None = None) -> None:
        """Re-read the shown comment (all of it, or only if it is `comment_id`)."""
        if self._comment is not None and comment_id in (None, self._comment.id):
            self.show_comment(self._comment.id)

    def set_search(self, search: str, *, show_now: bool = True) -> None:
        """The inbox search, marked in the text of the comments shown from now on (and in
        the one shown now, unless another is about to be shown anyway)."""
        if search != self._search:
            self._search = search
            if show_now:
                self.refresh()

    def plain_text(self) -> str:
        return self.text_view.toPlainText()

    def open_permalink(self) -> None:
        if self._permalink is not None:
            QDesktopServices.openUrl(self._permalink)

    # --- internals ---------------------------------------------------------------------------

    def _build_page(self) -> QWidget:
        header = QWidget()
        header.setObjectName("detailHeader")
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.author, 1)
        top.addWidget(self.state_chip)
        top.addWidget(self.toxicity_chip)
        link_row = QHBoxLayout()
        link_row.setSpacing(8)
        link_row.addWidget(self.link, 1)
        link_row.addWidget(self.open_button)
        head_layout = QVBoxLayout(header)
        head_layout.setContentsMargins(0, 0, 0, 0)
        head_layout.setSpacing(4)
        head_layout.addLayout(top)
        head_layout.addWidget(self.meta)
        head_layout.addWidget(self.post)
        head_layout.addLayout(link_row)

        card = QFrame()
        card.setObjectName("textCard")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(14, 12, 14, 12)
        card_layout.setSpacing(10)
        card_layout.addWidget(self.text_view)
        card_layout.addWidget(self.verdict)

        content = QWidget()
        content.setObjectName("detailContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(16)
        layout.addWidget(header)
        layout.addWidget(card)
        layout.addWidget(self.thread_section)
        layout.addWidget(self.author_section)
        layout.addWidget(self.history_section)
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setObjectName("detailScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        return scroll

    def _fill(self, comment: Comment) -> None:
        remote = comment.remote
        account = self._store.accounts.get(comment.account_id)
        self.author.setText(remote.author.name or self.tr("Unknown author"))
        parts = []
        if account is not None:
            parts += [account.platform.label, account.name]
        parts.append(full_time(remote.created_at))
        if remote.edited_at is not None:
            parts.append(self.tr("edited"))
        if remote.platform_state is not PlatformState.VISIBLE:
            parts.append(platform_state_name(remote.platform_state))
        self.meta.setText(" · ".join(parts))
        title = remote.thread.title
        self.post.setText(self.tr("On: %1").replace("%1", title) if title else "")
        self.post.setVisible(bool(title))
        self._permalink = safe_web_url(remote.permalink)
        self.link.setText(remote.permalink)
        self.link.setVisible(bool(remote.permalink))
        self.open_button.setVisible(self._permalink is not None)

        result = comment.toxicity
        label, detail, colors = toxicity_parts(result)
        self.toxicity_chip.set_chip(label, colors, detail)
        badge = _STATE_BADGES.get(comment.local_state)
        self.state_chip.setVisible(badge is not None)
        if badge is not None:
            self.state_chip.set_chip(local_state_name(comment.local_state), badge)
        spans = result.spans if result is not None else ()
        level = None if result is None else result.level
        self.text_view.show_text(remote.text, spans, level, self._search)
        self.verdict.setText(self._verdict_text(comment))

        rows = self.history.show_history(
            self._store.outbox.for_comment(comment.id),
            self._store.escalations.for_comment(comment.id),
        )
        self.history_section.setVisible(rows > 0)

    def _verdict_text(self, comment: Comment) -> str:
        result = comment.toxicity
        if result is None:
            return self.tr("Not scored yet")
        parts = [self.tr("Score %1").replace("%1", f"{result.score:.2f}")]
        if result.labels:
            parts.append(", ".join(result.labels))
        if result.spans:
            parts.append(self.tr("marked passages: %n", "", len(result.spans)))
        if result.scorer:
            parts.append(self.tr("scorer: %1").replace("%1", result.scorer))
        return " · ".join(parts)

    def _on_context(self, generation: int, comment_id: int, context: CommentContext) -> None:
        """The reader's answer: built into the sections if it is about the comment shown."""
        comment = self._comment
        if comment is None or comment.id != comment_id or generation < self._context_shown:
            return  # the moderator moved on (or a newer answer is shown already)
        self._context_shown = generation
        if generation == self._context_generation:
            self._context_pending = False  # else a re-read of the comment is still to come
        shown = self.thread_view.show_thread(comment, context.thread)
        self.thread_section.setVisible(shown > 0)
        self.author_section.setVisible(self.author_panel.show_author(comment, context.author))

    def _retry(self, action_id: int) -> None:
        if self._comment is not None:
            self.retryRequested.emit(action_id, self._comment.id)

    def _dismiss(self, action_id: int) -> None:
        if self._comment is not None:
            self.dismissRequested.emit(action_id, self._comment.id)
