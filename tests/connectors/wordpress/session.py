"""Running the WordPress connector from plain tests, and an inbox that stores like the engine:
each page with its cursor, upserted by remote id."""

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx

from moderator_app.connectors.base import Credentials
from moderator_app.connectors.errors import ConnectorError
from moderator_app.connectors.pacing import Pacer
from moderator_app.connectors.wordpress import WordPressConnector
from moderator_app.domain import Account, Platform, RemoteComment
from tests.connectors.wordpress.fake_site import PASSWORD, SITE, USERNAME, FakeWordPress

T = TypeVar("T")


class Clock:
    """Wall time the test moves by hand (the rescan schedule lives in the cursor)."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def make_connector(
    client: httpx.AsyncClient,
    settings: dict[str, Any],
    *,
    url: str = SITE,
    username: str = USERNAME,
    password: str = PASSWORD,
    clock: Callable[[], float] | None = None,
) -> WordPressConnector:
    account = Account(Platform.WORDPRESS, "Brand blog", url, settings=settings, id=1)
    credentials = Credentials(token=password, extra={"username": username} if username else {})
    if clock is None:
        return WordPressConnector(account, credentials, client, pacer=Pacer(0))
    return WordPressConnector(account, credentials, client, pacer=Pacer(0), clock=clock)


def run(
    fake: FakeWordPress,
    scenario: Callable[[WordPressConnector], Awaitable[T]],
    *,
    clock: Callable[[], float] | None = None,
    **settings: Any,
) -> T:
    """`scenario` against a fresh connector on `fake`."""

    async def main() -> T:
        async with httpx.AsyncClient(transport=fake.transport()) as client:
            connector = make_connector(client, fake.account_settings(**settings), clock=clock)
            return await scenario(connector)

    return asyncio.run(main())


@dataclass
class Inbox:
    """Stores fetched pages as the engine does: comments and cursor together, or neither."""

    cursor: str | None = None
    comments: dict[str, RemoteComment] = field(default_factory=dict)
    deliveries: list[list[str]] = field(default_factory=list)

    async def sync(self, connector: WordPressConnector, *, max_pages: int = 50) -> int:
        """One polling round; returns how many comments came (new or changed)."""
        count = 0
        for _ in range(max_pages):
            result = await connector.fetch_new(self.cursor)
            for comment in result.comments:
                self.comments[comment.remote_id] = comment
            self.deliveries.append([c.remote_id for c in result.comments])
            self.cursor = result.cursor
            count += len(result.comments)
            if not result.more:
                break
        return count

    async def sync_through_faults(self, connector: WordPressConnector, rounds: int = 50) -> None:
        """Poll until a round completes, as the engine would after each backoff."""
        for _ in range(rounds):
            try:
                await self.sync(connector)
            except ConnectorError:
                continue
            return
        raise AssertionError("the faults never cleared")
