"""Run async YouTube scenarios from plain tests against the local fake (no pytest-asyncio)."""

import asyncio
import threading
import traceback
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import httpx

from moderator_app.connectors.base import Credentials
from moderator_app.connectors.http import make_client
from moderator_app.connectors.youtube import YouTubeConnector
from moderator_app.domain import Account, Platform, RemoteComment
from tests.servers.youtube_fake import YouTubeFake
from tests.servers.youtube_fake_oauth import CLIENT_ID, CLIENT_SECRET

T = TypeVar("T")
NO_ENV: dict[str, str] = {}


def youtube_account(fake: YouTubeFake, **settings: Any) -> Account:
    values: dict[str, Any] = {
        "channel_id": fake.world.channel_id,
        "api_base": fake.api_base,
        "oauth_token_url": fake.token_url,
        "oauth_client_id": CLIENT_ID,
        "backfill_days": 3650,
        "request_interval_s": 0,
    }
    values.update(settings)
    return Account(
        Platform.YOUTUBE,
        fake.world.channel_title,
        f"https://www.youtube.com/channel/{fake.world.channel_id}",
        settings=values,
        id=1,
    )


def signed_in(fake: YouTubeFake, *, expires_in: timedelta = timedelta(hours=1)) -> Credentials:
    access, refresh = fake.oauth.grant()
    expires = datetime.now(UTC) + expires_in
    return Credentials(
        token=access,
        extra={
            "refresh_token": refresh,
            "expires_at": expires.isoformat(),
            "client_secret": CLIENT_SECRET,
        },
    )


class Session:
    """`session(lambda c: c.fetch_new(None))` runs a scenario with a fresh connector;
    refreshed credentials land in `saved`."""

    def __init__(self, fake: YouTubeFake, account: Account, credentials: Credentials) -> None:
        self.fake = fake
        self.account = account
        self.credentials = credentials
        self.saved: list[Credentials] = []

    def __call__(
        self,
        scenario: Callable[[YouTubeConnector], Awaitable[T]],
        *,
        timeout: float = 5.0,
        clock: Callable[[], datetime] | None = None,
        account: Account | None = None,
    ) -> T:
        async def main() -> T:
            async with make_client(timeout=timeout) as client:
                extra: dict[str, Any] = {"environ": NO_ENV}
                if clock is not None:
                    extra["clock"] = clock
                connector = YouTubeConnector(
                    account or self.account, self.credentials, client, self.saved.append, **extra
                )
                return await scenario(connector)

        return asyncio.run(main())


async def sync_all(
    connector: YouTubeConnector, cursor: str | None = None, *, max_calls: int = 50
) -> tuple[list[RemoteComment], str | None]:
    """fetch_new until `more` is false, like the engine's polling round."""
    comments: list[RemoteComment] = []
    for _ in range(max_calls):
        result = await connector.fetch_new(cursor)
        comments.extend(result.comments)
        cursor = result.cursor
        if not result.more:
            return comments, cursor
    raise AssertionError("the sync did not finish")


def ids(comments: Sequence[RemoteComment]) -> list[str]:
    return [c.remote_id for c in comments]


class Clock:
    """The connector's clock: real time plus an offset a test can move forward."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, **delta: float) -> None:
        self.offset += timedelta(**delta)


class Browser:
    """Stands in for the system browser: opens the consent page, follows Google's redirect
    to the app's loopback address (in its own thread, as a browser is another process)."""

    def __init__(self) -> None:
        self.opened: list[str] = []
        self.pages: list[httpx.Response] = []
        self._threads: list[threading.Thread] = []

    def __call__(self, url: str) -> None:
        self.opened.append(url)
        thread = threading.Thread(target=self._visit, args=(url,), daemon=True)
        thread.start()
        self._threads.append(thread)

    def _visit(self, url: str) -> None:
        with httpx.Client(follow_redirects=True, timeout=5) as client:
            self.pages.append(client.get(url))

    def join(self) -> None:
        for thread in self._threads:
            thread.join(5)


def assert_no_secrets(exc: BaseException, credentials: Credentials, *, logs: str = "") -> None:
    """No token in the error, anything it shows as its cause, its traceback, or the logs."""
    secrets = [credentials.token, *credentials.extra.values()]
    shown = "".join(traceback.format_exception(exc))
    chain: BaseException | None = exc
    while chain is not None:
        shown += str(chain) + repr(chain.args)
        if chain.__cause__ is not None:
            chain = chain.__cause__
        else:
            chain = None if chain.__suppress_context__ else chain.__context__
    for secret in secrets:
        assert secret not in shown
        assert secret not in logs
