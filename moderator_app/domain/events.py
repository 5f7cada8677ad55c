"""What the engine tells the world: summaries of change, never 'reload everything'."""

from dataclasses import dataclass

from moderator_app.domain.account import AccountStatus
from moderator_app.domain.action import ActionStatus


@dataclass(frozen=True, slots=True)
class CommentsChanged:
    account_id: int
    added_ids: tuple[int, ...] = ()
    changed_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ActionChanged:
    action_id: int
    comment_id: int
    status: ActionStatus
    error: str = ""


@dataclass(frozen=True, slots=True)
class AccountStatusChanged:
    status: AccountStatus


@dataclass(frozen=True, slots=True)
class CalibrationChanged:
    """An account's flagging was recalibrated from moderators' decisions. `summary` says what
    changed, in English ("Review threshold 0.35 → 0.42"); the UI may word it again from the
    stored versions in the user's language."""

    account_id: int
    version: int
    summary: tuple[str, ...] = ()


EngineEvent = CommentsChanged | ActionChanged | AccountStatusChanged | CalibrationChanged
