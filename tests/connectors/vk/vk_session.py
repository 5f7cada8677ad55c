"""Drive a VkConnector against the fake VK the way the engine and the store do."""

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

import httpx

from moderator_app.connectors.base import Credentials, FetchResult
from moderator_app.connectors.pacing import Pacer
from moderator_app.connectors.vk import VkConnector
from moderator_app.domain import Account, Platform, RemoteComment
from tests.servers.vk_fake import FakeVk

T = TypeVar("T")
GROUP = 1001


def account(fake: FakeVk, **settings: Any) -> Account:
    values: dict[str, Any] = {"watch": [str(GROUP)], "user_id": fake.admin_id, "longpoll_wait_s": 2}
    values.update(settings)
    return Account(Platform.VK, "Кофейня", "https://vk.com/bodrost", settings=values, id=7)


def connector(
    fake: FakeVk, client: httpx.AsyncClient, *, token: str | None = None, **settings: Any
) -> VkConnector:
    credentials = Credentials(token=fake.token if token is None else token)
    return VkConnector(account(fake, **settings), credentials, client, pacer=Pacer(0))


def run(fake: FakeVk, scenario: Callable[[httpx.AsyncClient], Awaitable[T]]) -> T:
    async def main() -> T:
        transport = httpx.MockTransport(fake)
        async with httpx.AsyncClient(transport=transport, timeout=5) as client:
            return await scenario(client)

    return asyncio.run(main())


@dataclass
class Inbox:
    """The store's side of a sync: upsert on remote id (a state-only update changes only the
    state of a row it has), and the cursor saved with each page."""

    comments: dict[str, RemoteComment] = field(default_factory=dict)
    cursor: str | None = None
    delivered: list[str] = field(default_factory=list)
    pages: int = 0

    def ingest(self, result: FetchResult) -> None:
        for comment in result.comments:
            self.delivered.append(comment.remote_id)
            known = self.comments.get(comment.remote_id)
            if comment.state_only:
                if known is not None:
                    self.comments[comment.remote_id] = replace(
                        known, platform_state=comment.platform_state
                    )
                continue
            self.comments[comment.remote_id] = comment
        self.cursor = result.cursor
        self.pages += 1

    async def sync(self, connector: VkConnector, max_pages: int = 60) -> list[RemoteComment]:
        """Fetch until the connector has nothing more; returns what this sync delivered."""
        got: list[RemoteComment] = []
        for _ in range(max_pages):
            result = await connector.fetch_new(self.cursor)
            self.ingest(result)
            got.extend(result.comments)
            if not result.more:
                return got
        raise AssertionError("the connector kept saying there is more")

    def text_of(self, fake_comment_id: int, owner: int = -GROUP) -> str:
        return self.comments[f"{owner}_{fake_comment_id}"].text
