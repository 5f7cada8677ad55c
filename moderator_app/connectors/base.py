"""The contract every platform connector fulfils.

Designed for the real platforms of PLATFORMS.md: the cursor is opaque (a VK long-poll `ts`,
a Telegram update offset, a YouTube watermark, a sandbox sequence number), capabilities
differ per platform, and every failure is one of the typed errors in `errors`.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

import httpx

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


CredentialsChanged = Callable[[Credentials], None]
"""Called by a connector that refreshed its tokens (OAuth): the engine saves them to the
keyring. Connectors never touch the keyring themselves."""


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

    async def delete(self, comment: RemoteComment, idempotency_key: str) -> None:
        """Remove for good where the platform allows (raise `NotSupported` otherwise)."""
        ...

    async def report(self, comment: RemoteComment, reason: str, idempotency_key: str) -> None:
        """Hand the comment to the platform's own moderators (raise `NotSupported` otherwise)."""
        ...


@dataclass(frozen=True, slots=True)
class SetupField:
    """One thing a sign-in asks the moderator for (a site URL, a bot token, a user name)."""

    name: str
    label: str
    secret: bool = False
    placeholder: str = ""
    required: bool = True


@dataclass(frozen=True, slots=True)
class WatchTarget:
    """Something a signed-in account can watch: a VK community, a Telegram discussion group,
    a YouTube channel or video, a WordPress site's posts."""

    id: str
    title: str
    kind: str = ""


@dataclass(frozen=True, slots=True)
class SignInResult:
    """What a successful sign-in found. `credentials` go to the keyring only; `settings`
    (non-secret ids the connector needs) are stored with the account."""

    credentials: Credentials = field(repr=False)
    account_name: str
    url: str = ""
    settings: dict[str, Any] = field(default_factory=dict)
    targets: Sequence[WatchTarget] = ()


class PlatformSetup(Protocol):
    """How an account of one platform is connected: which fields to ask, how to check them.

    `sign_in` validates the credentials against the platform (e.g. Telegram `getMe`, a
    WordPress `users/me`) and lists what can be watched; it raises a `ConnectorError` with a
    message fit for the moderator when they do not work.
    """

    platform: Platform
    fields: Sequence[SetupField]

    async def sign_in(self, client: httpx.AsyncClient, values: dict[str, str]) -> SignInResult: ...
