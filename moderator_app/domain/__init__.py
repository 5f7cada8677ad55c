"""Plain data shared by every layer. Imports nothing of ours, so anything may import it."""

from moderator_app.domain.account import Account, AccountStatus, Attention, SyncState
from moderator_app.domain.action import Action, ActionKind, ActionStatus
from moderator_app.domain.comment import (
    Author,
    Comment,
    LocalState,
    PlatformState,
    RemoteComment,
    ThreadRef,
)
from moderator_app.domain.escalation import Escalation, EscalationStatus, Note
from moderator_app.domain.events import (
    AccountStatusChanged,
    ActionChanged,
    CalibrationChanged,
    CommentsChanged,
    EngineEvent,
)
from moderator_app.domain.platform import Capability, Platform
from moderator_app.domain.toxicity import Span, ToxicityLevel, ToxicityResult

__all__ = [
    "Account",
    "AccountStatus",
    "AccountStatusChanged",
    "Action",
    "ActionChanged",
    "ActionKind",
    "ActionStatus",
    "Attention",
    "Author",
    "CalibrationChanged",
    "Capability",
    "Comment",
    "CommentsChanged",
    "EngineEvent",
    "Escalation",
    "EscalationStatus",
    "LocalState",
    "Note",
    "Platform",
    "PlatformState",
    "RemoteComment",
    "Span",
    "SyncState",
    "ThreadRef",
    "ToxicityLevel",
    "ToxicityResult",
]
