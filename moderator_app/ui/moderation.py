"""The moderator's intents as small operations (Anki's `CollectionOp`, in spirit): each is
recorded durably in the store first, then the engine is asked to carry it out, then the views
are told which comment changed. No widget writes to the store directly.

A bulk action over many comments is planned by the window's background reader, and written (as
is the undo of a large one) on a thread of its own with its own connection (`StoreThread`), in
steps of about `BULK_STEP_S`: each step is one transaction, so a single action or the engine's
ingest waits for one step, never for the whole bulk."""

import contextlib
import getpass
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Generic, TypeVar

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
from moderator_app.store.filters import CommentFilter
from moderator_app.ui.background import JobContext, Reader
from moderator_app.ui.display import action_kind_name
from moderator_app.ui.engine_bridge import EngineBridge
from moderator_app.ui.undo import ApproveUndo, EscalateUndo, QueuedUndo, UndoEntry

CapabilitiesOf = Callable[[Platform], frozenset[Capability]]
_BULK_OUTBOX = {BulkKind.HIDE: ActionKind.HIDE, BulkKind.DELETE: ActionKind.DELETE}
BULK_CAPABILITY = {BulkKind.HIDE: Capability.HIDE, BulkKind.DELETE: Capability.DELETE}
PLAN_KEY = "bulk-plan"  # the background reader's job planning a bulk action
# A bulk write goes in steps of about this long (one transaction each), sized as it goes.
BULK_STEP_S = 0.025
BULK_FIRST_STEP = 500
BULK_MAX_STEP = 20_000
UNDO_INLINE_LIMIT = 500  # undoing more comments than this is written off the GUI thread

T = TypeVar("T")

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
    bulkProgress = Signal(object, int, int)  # BulkKind, comments written, of how many
    bulkFinished = Signal(object)  # BulkOutcome, once a confirmed bulk action is written
    undoFinished = Signal(str)  # what an undo done in the background did
    _stepped = Signal(object, int, int)  # from the writer's thread
    _written = Signal(object)  # from the writer's thread
    _undone = Signal(object)  # from the writer's thread

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
        self._writer: StoreThread[Any] | None = None  # a bulk write or undo in progress
        self._closed = False
        self._stepped.connect(self._on_stepped)
        self._written.connect(self._on_written)
        self._undone.connect(self._on_undone)

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

    def plan_bulk(self, kind: BulkKind, comment_ids: Sequence[int]) -> BulkPlan:
        """At once, on this thread: for a selection of a few thousand rows (milliseconds)."""
        return self.bulk_repo.plan(kind, comment_ids, self.capable_platforms(kind))

    def plan_in_background(
        self,
        reader: Reader,
        kind: BulkKind,
        done: Callable[[BulkPlan], None],
        *,
        comment_ids: Sequence[int] = (),
        matching: CommentFilter | None = None,
    ) -> None:
        """Plan on `reader` for `comment_ids`, or for every comment `matching` a filter
        ("all matching" selected); `done` gets the plan on the GUI thread. A newer plan
        replaces one still on its way; `cancel_plan` drops it."""
        ids = list(comment_ids)

        def work(ctx: JobContext) -> None:
            capable = self.capable_platforms(kind)  # may import the connectors: not here
            if matching is not None:
                plan = ctx.store.bulk.plan_matching(kind, matching, capable)
            else:
                plan = ctx.store.bulk.plan(kind, ids, capable)
            ctx.deliver(plan)

        reader.submit(PLAN_KEY, work, done, priority=3, supersede=True)

    def cancel_plan(self, reader: Reader) -> None:
        reader.cancel(PLAN_KEY)

    def writing(self) -> bool:
        """Whether a confirmed bulk action (or its undo) is still being written."""
        return self._writer is not None

    def apply_bulk(self, plan: BulkPlan, note: str = "") -> None:
        """Carry out a confirmed plan; `bulkFinished` says how it went (and `bulkProgress`
        how far it got meanwhile). With a database file it is written on a thread of its
        own; an in-memory store is written here and now. Then the outbox is woken once."""
        if not plan.eligible_ids:
            self.bulkFinished.emit(BulkOutcome(plan.kind, 0, 0, None))
            return
        if self._store.path is None:
            outcome = write_plan(self._store, plan, note, self._actor)
            self._on_written(outcome)
            return
        kind, total, actor = plan.kind, plan.total, self._actor

        def work(store: Store) -> BulkOutcome:
            return write_plan(store, plan, note, actor, self._stepped.emit)

        def failed(message: str) -> BulkOutcome:
            return BulkOutcome(kind, total, 0, None, 0, message)

        self._writer = StoreThread(self._store.path, work, self._written.emit, failed)
        self._writer.start()

    def finish_writes(self, timeout: float = 60.0) -> bool:
        """The window is closing: let a bulk write (or undo) in progress finish; True if
        none is left. Its answer is no longer delivered: nobody is listening any more."""
        self._closed = True
        writer = self._writer
        return writer is None or writer.join(timeout)

    def _on_stepped(self, kind: BulkKind, written: int, total: int) -> None:
        if not self._closed:
            self.bulkProgress.emit(kind, written, total)

    def _on_written(self, outcome: "BulkOutcome") -> None:
        self._writer = None
        if self._closed:
            return
        if outcome.written:  # even if nothing changed: Ctrl+Z is about this action now
            self.last = outcome.undo
        if outcome.done and outcome.kind in _BULK_OUTBOX:
            self._bridge.wake_outbox()
        if outcome.written:  # (a failure was logged where it happened)
            self.bulkApplied.emit()
        self.bulkFinished.emit(outcome)

    # --- undo -------------------------------------------------------------------------------

    def undo(self) -> str:
        """Take back the last action where possible; returns what happened, for the status
        bar. A queued action not yet sent is cancelled; a hide already sent is undone by
        queueing an unhide where the platform can; approvals and escalations are restored.
        Undoing more than `UNDO_INLINE_LIMIT` comments is written on a thread of its own:
        this returns at once and `undoFinished` says what happened."""
        if self._writer is not None:
            return self.tr("The bulk action is still being written: undo it once it is done")
        entry, self.last = self.last, None
        if entry is None:
            return self.tr("Nothing to undo")
        size = _undo_size(entry)
        if self._store.path is None or size <= UNDO_INLINE_LIMIT:
            return self._after_undo(entry, self._undo_with(self._store, entry))

        def failed(message: str) -> UndoResult:
            return UndoResult("", error=message)

        self._writer = StoreThread(
            self._store.path,
            partial(self._undo_with, entry=entry),
            lambda result: self._undone.emit((entry, result)),
            failed,
        )
        self._writer.start()
        return self.tr("Undoing %n comment(s)…", "", size)

    def _on_undone(self, answer: tuple[UndoEntry, "UndoResult"]) -> None:
        self._writer = None
        if self._closed:
            return
        entry, result = answer
        self.undoFinished.emit(self._after_undo(entry, result))

    def _after_undo(self, entry: UndoEntry, result: "UndoResult") -> str:
        """On the GUI thread, after an undo was written: wake the outbox, tell the views."""
        if result.error:
            self.last = entry  # nothing lost: Ctrl+Z may try again
            return self.tr("Could not undo: %1").replace("%1", result.error)
        if result.wake:
            self._bridge.wake_outbox()
        if result.wholesale:
            self.bulkApplied.emit()
        else:
            self._touched(list(result.comment_ids))
        return result.message

    def _undo_with(self, store: Store, entry: UndoEntry) -> "UndoResult":
        """Undo `entry` through `store` (this thread's, or the undo thread's own); touches
        nothing else, so it may run on either."""
        try:
            if isinstance(entry, ApproveUndo):
                count = store.bulk.unapprove(entry.previous, actor=self._actor)
                message = self.tr("Undone: approval of %n comment(s)", "", count)
                if not count:
                    message = self.tr("Nothing to undo: the comment changed since")
                return UndoResult(message, tuple(cid for cid, _ in entry.previous))
            if isinstance(entry, EscalateUndo):
                count = store.bulk.unescalate(entry.undo, actor=self._actor)
                message = self.tr("Undone: %n escalation(s)", "", count)
                return UndoResult(message, tuple(cid for cid, _ in entry.undo.previous_states))
            return self._undo_queued(store, entry)
        except Exception as exc:  # the database refused: say so, keep the entry
            log.exception("undo failed")
            return UndoResult("", error=str(exc) or type(exc).__name__)

    def _undo_queued(self, store: Store, entry: QueuedUndo) -> "UndoResult":
        name = action_kind_name(entry.kind).lower()
        # Which comment, when it is one; many are refreshed wholesale (no 100k actions read).
        one = store.outbox.get_many(entry.action_ids) if len(entry.action_ids) == 1 else []
        cancelled = store.outbox.cancel_many(entry.action_ids, actor=self._actor)
        left = store.outbox.get_many(entry.action_ids)  # sending or sent already
        total = cancelled + len(left)
        unhidden = 0
        stuck = 0
        for action in left:
            if action.status is ActionStatus.FAILED:
                cancelled += store.outbox.dismiss(action.id)
            elif (
                entry.kind is ActionKind.HIDE
                and action.status is ActionStatus.DONE
                and self._can(store, action.comment_id, Capability.UNHIDE)
            ):
                store.outbox.enqueue(action.comment_id, ActionKind.UNHIDE, actor=self._actor)
                unhidden += 1
            else:
                stuck += 1
        message = self._queued_message(name, total, cancelled, unhidden, stuck)
        touched = tuple(a.comment_id for a in one)
        wholesale = not one and total > 0
        return UndoResult(message, touched, wake=unhidden > 0, wholesale=wholesale)

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

    def _can(self, store: Store, comment_id: int, capability: Capability) -> bool:
        comment = store.comments.get(comment_id)
        account = None if comment is None else store.accounts.get(comment.account_id)
        return account is not None and capability in self._capabilities_of(account.platform)

    def _touched(self, comment_ids: list[int]) -> None:
        if len(comment_ids) == 1:
            self.commentTouched.emit(comment_ids[0])
        elif comment_ids:
            self.bulkApplied.emit()


@dataclass(frozen=True, slots=True)
class BulkOutcome:
    """How a confirmed bulk action went: `written` of the plan's `total` comments went
    through (`done` of them changed: the rest had changed meanwhile), what undoes them, and
    the error that stopped the rest, if any."""

    kind: BulkKind
    total: int
    written: int
    undo: UndoEntry | None
    done: int = 0
    error: str = ""


def write_plan(
    store: Store,
    plan: BulkPlan,
    note: str,
    actor: str,
    on_step: Callable[[BulkKind, int, int], None] | None = None,
) -> BulkOutcome:
    """Write a confirmed plan in steps of about `BULK_STEP_S` each (one transaction each),
    so another writer waits one step at most. A failing step stops the write: what the steps
    before it wrote stays (and can be undone), the outcome says what did not happen."""
    ids = plan.eligible_ids
    outbox_kind = _BULK_OUTBOX.get(plan.kind)
    action_ids: list[int] = []
    approved: list[tuple[int, LocalState]] = []
    escalation_ids: list[int] = []
    escalated: list[tuple[int, LocalState]] = []
    written, size, error = 0, BULK_FIRST_STEP, ""
    while written < len(ids):
        step = ids[written : written + size]
        started = time.perf_counter()
        try:
            if outbox_kind is not None:
                action_ids += store.outbox.enqueue_many(step, outbox_kind, actor=actor)
            elif plan.kind is BulkKind.APPROVE:
                approved += store.bulk.approve_many(step, actor=actor)
            else:
                undo = store.bulk.escalate_many(step, note, author=actor)
                escalation_ids += undo.escalation_ids
                escalated += undo.previous_states
        except Exception as exc:  # disk full, database locked, a bug: the moderator must know
            log.exception("a bulk %s failed after %s of %s comments", plan.kind, written, len(ids))
            error = str(exc) or type(exc).__name__
            break
        written += len(step)
        elapsed = max(time.perf_counter() - started, 1e-4)
        size = max(100, min(BULK_MAX_STEP, int(len(step) * BULK_STEP_S / elapsed)))
        if on_step is not None:
            on_step(plan.kind, written, len(ids))
    entry: UndoEntry
    if outbox_kind is not None:
        entry, done = QueuedUndo(outbox_kind, tuple(action_ids)), len(action_ids)
    elif plan.kind is BulkKind.APPROVE:
        entry, done = ApproveUndo(tuple(approved)), len(approved)
    else:
        undo = EscalationUndo(tuple(escalation_ids), tuple(escalated))
        entry, done = EscalateUndo(undo), len(escalation_ids)
    return BulkOutcome(plan.kind, len(ids), written, entry, done, error)


@dataclass(frozen=True, slots=True)
class UndoResult:
    """What an undo did: the status bar's words, the comments it touched, whether the
    outbox has new work (unhides), or the error that stopped it."""

    message: str
    comment_ids: tuple[int, ...] = ()
    wake: bool = False
    error: str = ""
    wholesale: bool = False  # changed comments not listed (many): refresh every view


def _undo_size(entry: UndoEntry) -> int:
    if isinstance(entry, ApproveUndo):
        return len(entry.previous)
    if isinstance(entry, EscalateUndo):
        return len(entry.undo.escalation_ids)
    return len(entry.action_ids)


class StoreThread(Generic[T]):
    """`work(store)` on a thread of its own with a store of its own (its own connection to
    `path`; its writes take the file's write turn like any other's), then `done(result)`,
    called on that thread. If the store cannot be opened, `done(failed(message))`. Not a
    daemon: a confirmed action is finished even when the app quits meanwhile."""

    def __init__(
        self,
        path: Path,
        work: Callable[[Store], T],
        done: Callable[[T], None],
        failed: Callable[[str], T],
    ) -> None:
        self._path = path
        self._work = work
        self._done = done
        self._failed = failed
        self._thread = threading.Thread(target=self._main, name="moderator-bulk-write")

    def start(self) -> None:
        self._thread.start()

    def join(self, timeout: float) -> bool:
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _main(self) -> None:
        try:
            store = Store.open(self._path)
        except Exception as exc:
            log.exception("the bulk writer cannot open the database")
            result = self._failed(str(exc) or type(exc).__name__)
        else:
            try:
                result = self._work(store)
            finally:
                store.close()
        with contextlib.suppress(RuntimeError):  # the window is gone: nobody to tell
            self._done(result)
