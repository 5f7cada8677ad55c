"""The moderator's intents as small operations (Anki's `CollectionOp`, in spirit): each is
recorded durably in the store first, then the engine is asked to carry it out, then the views
are told which comment changed. No widget writes to the store directly."""

import getpass
import logging

from PySide6.QtCore import QObject, Signal

from moderator_app.domain import (
    ActionKind,
    Comment,
    Escalation,
    EscalationStatus,
    LocalState,
    PlatformState,
)
from moderator_app.store import Store
from moderator_app.ui.engine_bridge import EngineBridge

log = logging.getLogger(__name__)


def is_hidden(comment: Comment) -> bool:
    """Hidden by us (possibly still pending) or already hidden on the platform."""
    return (
        comment.local_state is LocalState.HIDDEN
        or comment.remote.platform_state is PlatformState.HIDDEN
    )


def is_held(comment: Comment) -> bool:
    """Waiting in the platform's own review queue (WordPress "hold", YouTube "held for
    review"): not public yet, and publishing it is the platform's "unhide"."""
    return (
        comment.remote.platform_state is PlatformState.HELD
        and comment.local_state is not LocalState.HIDDEN
    )


def can_hide(comment: Comment) -> bool:
    return (
        not is_hidden(comment)
        and not is_held(comment)
        and comment.remote.platform_state is not PlatformState.DELETED
    )


def can_unhide(comment: Comment) -> bool:
    return (is_hidden(comment) or is_held(comment)) and (
        comment.remote.platform_state is not PlatformState.DELETED
    )


def can_delete(comment: Comment) -> bool:
    return comment.remote.platform_state is not PlatformState.DELETED and not comment.remote.by_us


def can_approve(comment: Comment) -> bool:
    """Anything shown and not yet dealt with; a hidden comment is unhidden, not approved."""
    return (
        not is_hidden(comment)
        and comment.remote.platform_state is not PlatformState.DELETED
        and comment.local_state is not LocalState.REVIEWED
        and not comment.remote.by_us
    )


def _moderator_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, no login name: stay anonymous
        return ""


class ModerationActions(QObject):
    """Emits `commentTouched(comment_id)` after any intent is recorded, and `actionFailed`
    with a calm message when the store refuses (e.g. the comment was deleted meanwhile)."""

    commentTouched = Signal(int)
    actionFailed = Signal(str)

    def __init__(self, store: Store, bridge: EngineBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._bridge = bridge
        self._actor = _moderator_name()

    def hide(self, comment_id: int) -> bool:
        return self._enqueue(comment_id, ActionKind.HIDE)

    def unhide(self, comment_id: int) -> bool:
        return self._enqueue(comment_id, ActionKind.UNHIDE)

    def toggle_hidden(self, comment_id: int) -> bool:
        comment = self._store.comments.get(comment_id)
        if comment is None:
            return False
        if can_unhide(comment):
            return self.unhide(comment_id)
        if can_hide(comment):
            return self.hide(comment_id)
        return False

    def reply(self, comment_id: int, text: str) -> bool:
        if not text.strip():
            return False
        return self._enqueue(comment_id, ActionKind.REPLY, text)

    def escalate(self, comment_id: int, note: str) -> Escalation | None:
        """Open an escalation, or add the note to the comment's open one."""
        try:
            open_ones = [
                e
                for e in self._store.escalations.for_comment(comment_id)
                if e.status is EscalationStatus.OPEN
            ]
            if open_ones:  # already with a colleague: the note joins that escalation
                if note.strip():
                    self._store.escalations.add_note(open_ones[-1].id, note, author=self._actor)
                escalation = self._store.escalations.get(open_ones[-1].id)
            else:
                escalation = self._store.escalations.escalate(comment_id, note, author=self._actor)
        except LookupError as exc:
            self.actionFailed.emit(str(exc))
            return None
        self.commentTouched.emit(comment_id)
        return escalation

    def approve(self, comment_id: int) -> bool:
        """The comment is fine: mark it reviewed, and if it was flagged, tell the flagging so
        (feedback for the account's calibration). Hidden comments are unhidden instead."""
        comment = self._store.comments.get(comment_id)
        try:
            self._store.feedback.approve(comment_id, actor=self._actor)
        except (LookupError, ValueError) as exc:
            log.info("could not approve comment %s: %s", comment_id, exc)
            self.actionFailed.emit(str(exc))
            return False
        if comment is not None and is_held(comment):
            return self.unhide(comment_id)  # approving a held comment publishes it
        self.commentTouched.emit(comment_id)
        return True

    def delete(self, comment_id: int) -> bool:
        return self._enqueue(comment_id, ActionKind.DELETE)

    def retry(self, action_id: int, comment_id: int) -> bool:
        done = self._store.outbox.retry(action_id)
        if done:
            self._bridge.wake_outbox()
        self.commentTouched.emit(comment_id)
        return done

    def dismiss(self, action_id: int, comment_id: int) -> bool:
        done = self._store.outbox.dismiss(action_id)
        self.commentTouched.emit(comment_id)
        return done

    def _enqueue(self, comment_id: int, kind: ActionKind, text: str = "") -> bool:
        try:
            self._store.outbox.enqueue(comment_id, kind, text, actor=self._actor)
        except (LookupError, ValueError) as exc:
            log.info("could not queue %s for comment %s: %s", kind.value, comment_id, exc)
            self.actionFailed.emit(str(exc))
            return False
        self._bridge.wake_outbox()
        self.commentTouched.emit(comment_id)
        return True
