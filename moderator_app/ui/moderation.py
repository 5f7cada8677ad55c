"""The moderator's intents as small operations (Anki's `CollectionOp`, in spirit): each is
recorded durably in the store first, then the engine is asked to carry it out, then the views
are told which comment changed. No widget writes to the store directly."""

import getpass
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from moderator_app.connectors.registry import capabilities_for
from moderator_app.domain import (
    ActionKind,
    ActionStatus,
    Capability,
    Comment,
    Escalation,
    EscalationStatus,
    LocalState,
    Platform,
    PlatformState,
)
from moderator_app.store import Store
from moderator_app.store.bulk import BulkKind, BulkPlan, EscalationUndo
from moderator_app.ui.display import action_kind_name
from moderator_app.ui.engine_bridge import EngineBridge
from moderator_app.ui.undo import ApproveUndo, EscalateUndo, QueuedUndo, UndoEntry

CapabilitiesOf = Callable[[Platform], frozenset[Capability]]
_BULK_OUTBOX = {BulkKind.HIDE: ActionKind.HIDE, BulkKind.DELETE: ActionKind.DELETE}
BULK_CAPABILITY = {BulkKind.HIDE: Capability.HIDE, BulkKind.DELETE: Capability.DELETE}

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
    bulkApplied = Signal()  # many comments changed: views refresh wholesale

    def __init__(
        self,
        store: Store,
        bridge: EngineBridge,
        parent: QObject | None = None,
        *,
        capabilities_of: CapabilitiesOf = capabilities_for,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._bridge = bridge
        self._actor = _moderator_name()
        self._capabilities_of = capabilities_of
        self.bulk_repo = store.bulk
        self.last: UndoEntry | None = None

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
                before = self._store.comments.get(comment_id)
                escalation = self._store.escalations.escalate(comment_id, note, author=self._actor)
                if before is not None:
                    undo = EscalationUndo((escalation.id,), ((comment_id, before.local_state),))
                    self.last = EscalateUndo(undo)
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
        if comment is not None:
            self.last = ApproveUndo(((comment_id, comment.local_state),))
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
            action = self._store.outbox.enqueue(comment_id, kind, text, actor=self._actor)
        except (LookupError, ValueError) as exc:
            log.info("could not queue %s for comment %s: %s", kind.value, comment_id, exc)
            self.actionFailed.emit(str(exc))
            return False
        self.last = QueuedUndo(kind, (action.id,))
        self._bridge.wake_outbox()
        self.commentTouched.emit(comment_id)
        return True

    # --- bulk -------------------------------------------------------------------------------

    def capable_platforms(self, kind: BulkKind) -> set[Platform]:
        """Platforms able to carry out `kind` (approve and escalate stay inside Moderator)."""
        needed = BULK_CAPABILITY.get(kind)
        if needed is None:
            return set(Platform)
        return {p for p in Platform if needed in self._capabilities_of(p)}

    def plan_bulk(self, kind: BulkKind, comment_ids: list[int]) -> BulkPlan:
        return self.bulk_repo.plan(kind, comment_ids, self.capable_platforms(kind))

    def apply_bulk(self, plan: BulkPlan, note: str = "") -> int:
        """Carry out a confirmed plan in one transaction, then wake the outbox once."""
        ids = list(plan.eligible_ids)
        if not ids:
            return 0
        outbox_kind = _BULK_OUTBOX.get(plan.kind)
        if outbox_kind is not None:
            action_ids = self._store.outbox.enqueue_many(ids, outbox_kind, actor=self._actor)
            self.last = QueuedUndo(outbox_kind, tuple(action_ids))
            self._bridge.wake_outbox()
            done = len(action_ids)
        elif plan.kind is BulkKind.APPROVE:
            previous = self.bulk_repo.approve_many(ids, actor=self._actor)
            self.last = ApproveUndo(tuple(previous))
            done = len(previous)
        else:
            undo = self.bulk_repo.escalate_many(ids, note, author=self._actor)
            self.last = EscalateUndo(undo)
            done = len(undo.escalation_ids)
        self.bulkApplied.emit()
        return done

    # --- undo -------------------------------------------------------------------------------

    def undo(self) -> str:
        """Take back the last action where possible; returns what happened, for the status
        bar. A queued action not yet sent is cancelled; a hide already sent is undone by
        queueing an unhide where the platform can; approvals and escalations are restored."""
        entry, self.last = self.last, None
        if entry is None:
            return self.tr("Nothing to undo")
        if isinstance(entry, ApproveUndo):
            count = self.bulk_repo.unapprove(entry.previous, actor=self._actor)
            message = self.tr("Undone: approval of %n comment(s)", "", count)
            self._touched([cid for cid, _ in entry.previous])
            return message if count else self.tr("Nothing to undo: the comment changed since")
        if isinstance(entry, EscalateUndo):
            count = self.bulk_repo.unescalate(entry.undo, actor=self._actor)
            self._touched([cid for cid, _ in entry.undo.previous_states])
            return self.tr("Undone: %n escalation(s)", "", count)
        return self._undo_queued(entry)

    def _undo_queued(self, entry: QueuedUndo) -> str:
        name = action_kind_name(entry.kind).lower()
        actions = [a for a in (self._store.outbox.get(i) for i in entry.action_ids) if a]
        comment_ids = [a.comment_id for a in actions]
        cancelled = self._store.outbox.cancel_many(entry.action_ids, actor=self._actor)
        left = [a for a in actions if self._store.outbox.get(a.id) is not None]
        unhidden = 0
        stuck = 0
        for action in left:
            status = self._store.outbox.get(action.id)
            if status is not None and status.status is ActionStatus.FAILED:
                cancelled += self._store.outbox.dismiss(action.id)
            elif (
                entry.kind is ActionKind.HIDE
                and status is not None
                and status.status is ActionStatus.DONE
                and self._can(action.comment_id, Capability.UNHIDE)
            ):
                self._store.outbox.enqueue(action.comment_id, ActionKind.UNHIDE, actor=self._actor)
                unhidden += 1
            else:
                stuck += 1
        if unhidden:
            self._bridge.wake_outbox()
        self._touched(comment_ids)
        return self._queued_message(name, len(actions), cancelled, unhidden, stuck)

    def _queued_message(
        self, name: str, total: int, cancelled: int, unhidden: int, stuck: int
    ) -> str:
        if total == 0:
            return self.tr("Nothing to undo")
        parts = []
        if cancelled:
            parts.append(
                self.tr("Undone: %1 of %n comment(s), not sent yet", "", cancelled).replace(
                    "%1", name
                )
            )
        if unhidden:
            parts.append(
                self.tr("already hidden on the platform: unhide queued for %n", "", unhidden)
            )
        if stuck:
            parts.append(
                self.tr("%n already sent or being sent and cannot be taken back", "", stuck)
            )
        return "; ".join(parts)

    def _can(self, comment_id: int, capability: Capability) -> bool:
        comment = self._store.comments.get(comment_id)
        account = None if comment is None else self._store.accounts.get(comment.account_id)
        return account is not None and capability in self._capabilities_of(account.platform)

    def _touched(self, comment_ids: list[int]) -> None:
        if len(comment_ids) == 1:
            self.commentTouched.emit(comment_ids[0])
        elif comment_ids:
            self.bulkApplied.emit()
