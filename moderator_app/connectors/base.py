"""The contract every platform connector fulfils.

Designed for the real platforms of PLATFORMS.md: the cursor is opaque (a VK long-poll `ts`,
a Telegram update offset, a YouTube watermark, a sandbox sequence number), capabilities
differ per platform, and every failure is one of the typed errors in `errors`.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from moderator_app.domain import Capability, Platform, RemoteComment


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One incremental step: the comments that are new or changed since `cursor`, and the
    cursor to use next time. `more` says another call right away would return more."""

    comments: Sequence[RemoteComment]
    cursor: str | None
    more: bool = False


@dataclass(frozen=True, slots=True)
class Credentials:
    """Secrets for one account as read from the keyring, handed to the connector.

    `repr` is masked so a credential never ends up in a log or a traceback.
    """

    token: str = field(repr=False)
    extra: dict[str, str] = field(default_factory=dict, repr=False)

    def __repr__(self) -> str:
        return "Credentials(***)"


@runtime_checkable
class Connector(Protocol):
    platform: Platform
    capabilities: frozenset[Capability]

    async def fetch_new(self, cursor: str | None) -> FetchResult:
        """New and changed comments after `cursor` (None: start of what we watch)."""
        ...

    async def reply(self, to: RemoteComment, text: str, idempotency_key: str) -> RemoteComment:
        """Post `text` as a reply to `to`; returns the created comment. Sending twice with the
        same key must not create two replies where the platform offers a way to prevent it."""
        ...

    async def hide(self, comment: RemoteComment, idempotency_key: str) -> None: ...

    async def unhide(self, comment: RemoteComment, idempotency_key: str) -> None: ...
