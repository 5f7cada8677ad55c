"""A connected social account (or community) the moderator watches."""

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from moderator_app.domain.platform import Platform


class SyncState(StrEnum):
    IDLE = "idle"
    SYNCING = "syncing"
    OK = "ok"
    BACKING_OFF = "backing_off"
    RATE_LIMITED = "rate_limited"
    NEEDS_SIGN_IN = "needs_sign_in"
    NEEDS_ATTENTION = "needs_attention"  # e.g. a captcha only the moderator can solve
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Account:
    """Settings of one account. Never holds a secret: tokens live in the keyring under `key`."""

    platform: Platform
    name: str
    url: str = ""
    settings: dict[str, Any] = field(default_factory=dict)
    poll_interval_s: float = 30.0
    enabled: bool = True
    id: int | None = None

    @property
    def secret_key(self) -> str:
        """The keyring user name for this account's credentials (stable across renames)."""
        if self.id is None:
            raise ValueError("an account gets its secret key once it is stored")
        return f"account-{self.id}"


@dataclass(frozen=True, slots=True)
class Attention:
    """Something only the moderator can do for an account to go on syncing: solve a captcha
    (`url` is its image, `data` what the platform needs back) or confirm in a browser."""

    kind: str
    url: str = ""
    data: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AccountStatus:
    """The engine's latest word on an account's sync, shown in the status bar."""

    account_id: int
    state: SyncState
    message: str = ""
    last_sync_at: datetime | None = None
    retry_at: datetime | None = None
    attention: Attention | None = None
