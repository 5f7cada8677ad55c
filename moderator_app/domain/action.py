"""A moderator's intent towards one comment, carried out by the outbox."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class ActionKind(StrEnum):
    REPLY = "reply"
    HIDE = "hide"
    UNHIDE = "unhide"
    DELETE = "delete"  # where a platform cannot hide (Telegram), or the moderator chose to
    REPORT = "report"  # hand to the platform's own moderators (Mastodon, VK)
    ESCALATE = "escalate"


class ActionStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Action:
    """One outbox row. `idempotency_key` travels with every send attempt so a retry after a
    crash is recognised by the platform (or by our own sent-log) and applied once."""

    id: int
    comment_id: int
    kind: ActionKind
    idempotency_key: str
    status: ActionStatus
    text: str = ""
    attempts: int = 0
    last_error: str = ""
    created_at: datetime | None = None
    next_attempt_at: datetime | None = None
    remote_result_id: str = ""
