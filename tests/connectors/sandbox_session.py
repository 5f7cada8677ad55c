"""Run async connector scenarios from plain (non-async) tests; pytest-asyncio is not used."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from moderator_app.connectors.base import Credentials
from moderator_app.connectors.http import make_client
from moderator_app.connectors.sandbox import SandboxConnector
from moderator_app.domain import Account, Platform

T = TypeVar("T")

Scenario = Callable[[SandboxConnector], Awaitable[T]]


def sandbox_account(url: str) -> Account:
    return Account(Platform.SANDBOX, "sandbox", url)


class Connect:
    """Runs an async scenario against a fresh connector: `connect(lambda c: c.fetch_new(None))`."""

    def __init__(self, url: str, token: str) -> None:
        self.url = url
        self.token = token

    def __call__(
        self, scenario: Scenario[T], *, token: str | None = None, timeout: float = 5.0
    ) -> T:
        async def main() -> T:
            async with make_client(timeout=timeout) as client:
                credentials = Credentials(token=self.token if token is None else token)
                return await scenario(
                    SandboxConnector(sandbox_account(self.url), credentials, client)
                )

        return asyncio.run(main())
