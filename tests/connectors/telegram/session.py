"""Run connector scenarios against the fake Bot API from plain (non-async) tests."""

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from moderator_app.connectors.base import Credentials, FetchResult
from moderator_app.connectors.http import make_client
from moderator_app.connectors.telegram import Pacing, TelegramConnector
from moderator_app.domain import Account, Platform, RemoteComment
from tests.servers.telegram_fake import TelegramFake
from tests.servers.telegram_world import TelegramWorld

T = TypeVar("T")
Scenario = Callable[[TelegramConnector], Awaitable[T]]

FAST = Pacing(request_interval_s=0, group_send_interval_s=0)


@dataclass
class Tg:
    """A fake Telegram with one bot that is an admin of one channel's discussion group."""

    fake: TelegramFake
    token: str
    channel_id: int
    group_id: int
    user: dict[str, Any]

    @property
    def world(self) -> TelegramWorld:
        return self.fake.world

    def settings(self, **overrides: Any) -> dict[str, Any]:
        return {
            "chat_ids": [self.group_id],
            "api_base": self.fake.url,
            "long_poll_s": 0,
            **overrides,
        }

    def account(self, **overrides: Any) -> Account:
        return Account(
            Platform.TELEGRAM, "@moderator_test_bot", settings=self.settings(**overrides)
        )

    def connector(
        self, client: Any, *, token: str | None = None, **overrides: Any
    ) -> TelegramConnector:
        credentials = Credentials(token=self.token if token is None else token)
        return TelegramConnector(self.account(**overrides), credentials, client, pacing=FAST)

    def run(
        self,
        scenario: Scenario[T],
        *,
        token: str | None = None,
        timeout: float = 5.0,
        **overrides: Any,
    ) -> T:
        async def main() -> T:
            async with make_client(timeout=timeout) as client:
                return await scenario(self.connector(client, token=token, **overrides))

        return asyncio.run(main())

    def fetch(self, cursor: str | None = None, **overrides: Any) -> FetchResult:
        return self.run(lambda c: c.fetch_new(cursor), **overrides)

    def sync_all(self, cursor: str | None = None) -> tuple[list[RemoteComment], str | None]:
        """Fetch until `more` is False, as the engine does; all comments and the last cursor."""

        async def scenario(connector: TelegramConnector) -> tuple[list[RemoteComment], str | None]:
            comments: list[RemoteComment] = []
            position = cursor
            while True:
                result = await connector.fetch_new(position)
                comments.extend(result.comments)
                position = result.cursor
                if not result.more:
                    return comments, position

        return self.run(scenario)

    def post_with_comment(self, text: str = "первый!") -> tuple[int, int]:
        """A channel post and one comment under it: (post's message id, comment's)."""
        post = self.world.channel_post(self.channel_id, "Новый пост\nподробности внутри")
        comment = self.world.comment(self.group_id, self.user, text, reply_to=post)
        return post, comment
