"""What the last moderator action did, kept so Ctrl+Z can take it back. Only the last one:
undo is a safety net for a wrong key, not a history browser."""

from dataclasses import dataclass

from moderator_app.domain import ActionKind, LocalState
from moderator_app.store.bulk import EscalationUndo


@dataclass(frozen=True, slots=True)
class QueuedUndo:
    """Outbox actions (hide, unhide, delete, reply) queued by one command."""

    kind: ActionKind
    action_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ApproveUndo:
    previous: tuple[tuple[int, LocalState], ...]


@dataclass(frozen=True, slots=True)
class EscalateUndo:
    undo: EscalationUndo


UndoEntry = QueuedUndo | ApproveUndo | EscalateUndo
