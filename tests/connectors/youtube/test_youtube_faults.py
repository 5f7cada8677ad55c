"""Failures against the fake: quota, rate limits, server errors, timeouts, garbage, tokens
that expire mid-run or get revoked — typed errors, no lost comment, no secret in a message."""

import logging
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from moderator_app.connectors.base import FetchResult
from moderator_app.connectors.errors import (
    AuthExpired,
    ConnectorError,
    PermanentError,
    RateLimited,
    TransientError,
)
from moderator_app.connectors.http import MalformedPayload
from moderator_app.connectors.youtube import YouTubeConnector, api_errors
from moderator_app.connectors.youtube.api_errors import QuotaExhausted, quota_resets_at
from tests.connectors.youtube.session import (
    Clock,
    Session,
    assert_no_secrets,
    ids,
    signed_in,
    sync_all,
    youtube_account,
)
from tests.servers.youtube_fake import YouTubeFake

LA = ZoneInfo("America/Los_Angeles")


def _seconds_to_pacific_midnight(now: datetime) -> float:
    local = now.astimezone(LA)
    # same-zone arithmetic is wall-clock arithmetic: this is the next local midnight
    midnight = datetime(local.year, local.month, local.day, tzinfo=LA) + timedelta(days=1)
    return (midnight.astimezone(UTC) - now).total_seconds()


@pytest.mark.parametrize(
    ("now", "resets"),
    [
        (datetime(2026, 11, 27, 20, 0, tzinfo=UTC), datetime(2026, 11, 28, 8, 0, tzinfo=UTC)),
        (datetime(2026, 7, 1, 6, 59, tzinfo=UTC), datetime(2026, 7, 1, 7, 0, tzinfo=UTC)),
        # the night clocks spring forward: 23 hours in the day, still midnight local time
        (datetime(2026, 3, 8, 9, 0, tzinfo=UTC), datetime(2026, 3, 9, 7, 0, tzinfo=UTC)),
        (datetime(2026, 11, 1, 8, 30, tzinfo=UTC), datetime(2026, 11, 2, 8, 0, tzinfo=UTC)),
    ],
)
def test_the_quota_day_ends_at_midnight_in_los_angeles(now: datetime, resets: datetime) -> None:
    assert quota_resets_at(now) == resets


def test_without_a_time_zone_database_the_wait_is_never_too_short(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    true_reset = quota_resets_at(now)
    monkeypatch.setattr(api_errors, "_pacific", lambda: api_errors._PST)
    assert quota_resets_at(now) >= true_reset


def test_quota_exhausted_waits_until_pacific_midnight_and_spends_nothing_meanwhile(
    fake: YouTubeFake, session: Session
) -> None:
    world = fake.world
    world.add_comment(world.add_video("v"), "привет")
    clock = Clock()
    fake.fault("/commentThreads", "quota")

    async def scenario(connector: YouTubeConnector) -> tuple[QuotaExhausted, int, FetchResult]:
        with pytest.raises(QuotaExhausted) as caught:
            await connector.fetch_new(None)
        calls = len(fake.log)
        with pytest.raises(QuotaExhausted):
            await connector.fetch_new(None)  # fails fast: no request
        assert len(fake.log) == calls
        clock.advance(seconds=caught.value.retry_after + 1)
        return caught.value, calls, await connector.fetch_new(None)

    error, calls, result = session(scenario, clock=clock)
    assert isinstance(error, RateLimited)
    expected = _seconds_to_pacific_midnight(datetime.now(UTC))
    assert abs(error.retry_after - expected) < 60
    assert "quota" in str(error)
    assert "midnight Pacific time" in str(error)
    assert calls == 1
    assert [c.text for c in result.comments] == ["привет"]


def test_running_out_of_quota_on_a_reply(fake: YouTubeFake, session: Session) -> None:
    world = fake.world
    world.add_comment(world.add_video("v"), "вопрос")

    async def scenario(connector: YouTubeConnector) -> None:
        comments, _ = await sync_all(connector)
        fake.quota_limit = fake.units + 30  # enough for lists, not for a 50-unit insert
        with pytest.raises(QuotaExhausted):
            await connector.reply(comments[0], "ответ", "key-1")

    session(scenario)
    assert fake.calls("/comments", "POST")[0].status == 403


@pytest.mark.parametrize("kind", ["rate", "429"])
def test_rate_limits(fake: YouTubeFake, session: Session, kind: str) -> None:
    fake.fault("/commentThreads", kind)
    with pytest.raises(RateLimited) as caught:
        session(lambda c: c.fetch_new(None))
    assert not isinstance(caught.value, QuotaExhausted)
    assert caught.value.retry_after == 60


@pytest.mark.parametrize(
    ("kind", "error"),
    [("500", TransientError), ("malformed", MalformedPayload), ("slow", TransientError)],
)
def test_a_failed_page_moves_nothing(
    fake: YouTubeFake, session: Session, kind: str, error: type[ConnectorError]
) -> None:
    """A page that fails mid-scan is retried from the same cursor: nothing lost or doubled."""
    fake.slow_s = 0.6
    world = fake.world
    video = world.add_video("v")
    all_ids = {world.add_comment(video, f"c{i}").id for i in range(230)}

    async def scenario(connector: YouTubeConnector) -> list[str]:
        first = await connector.fetch_new(None)
        fake.fault("/commentThreads", kind)
        with pytest.raises(error):
            await connector.fetch_new(first.cursor)
        rest, _ = await sync_all(connector, first.cursor)
        return ids(first.comments) + ids(rest)

    got = session(scenario, timeout=0.3)
    assert sorted(got) == sorted(all_ids)


def test_a_timeout_says_so(fake: YouTubeFake, session: Session) -> None:
    fake.slow_s = 0.6
    fake.fault("/commentThreads", "slow")
    with pytest.raises(TransientError, match="timed out"):
        session(lambda c: c.fetch_new(None), timeout=0.3)


def test_an_access_token_expiring_mid_run_is_refreshed_and_saved(
    fake: YouTubeFake, session: Session
) -> None:
    world = fake.world
    video = world.add_video("v")
    world.add_comment(video, "первый")

    async def scenario(connector: YouTubeConnector) -> list[str]:
        _, cursor = await sync_all(connector)
        fake.oauth.expire_access_tokens()  # Google ended it early (e.g. password change)
        world.add_comment(video, "второй")
        got, cursor = await sync_all(connector, cursor)
        top = got[0]
        fake.oauth.expire_access_tokens()
        await connector.hide(top, "key-1")  # a write after a 401 is repeated once, safely
        return [c.text for c in got]

    assert session(scenario) == ["второй"]
    assert fake.oauth.refreshes == 2
    assert len(session.saved) == 2
    assert fake.oauth.valid(session.saved[-1].token)
    assert session.saved[-1].extra["refresh_token"] == session.credentials.extra["refresh_token"]
    statuses = [c.status for c in fake.log]
    assert statuses.count(401) == 2
    assert [c.status for c in fake.calls("/comments/setModerationStatus")] == [401, 204]


def test_a_token_known_to_be_expired_is_refreshed_before_use(fake: YouTubeFake) -> None:
    session = Session(fake, youtube_account(fake), signed_in(fake, expires_in=timedelta(0)))
    session(sync_all)
    assert fake.oauth.refreshes == 1
    assert all(c.status == 200 for c in fake.log)
    assert len(session.saved) == 1


def test_a_revoked_sign_in_means_sign_in_again(
    fake: YouTubeFake, session: Session, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    fake.oauth.revoke_all()
    with pytest.raises(AuthExpired) as caught:
        session(lambda c: c.fetch_new(None))
    assert "sign in again" in str(caught.value)
    assert session.saved == []
    assert_no_secrets(caught.value, session.credentials, logs=caplog.text)


def test_a_401_that_a_refresh_does_not_cure(fake: YouTubeFake, session: Session) -> None:
    fake.fault("/commentThreads", "401", times=2)
    with pytest.raises(AuthExpired, match="401"):
        session(lambda c: c.fetch_new(None))
    assert fake.oauth.refreshes == 1


def test_no_token_in_messages_even_when_the_server_quotes_it(
    fake: YouTubeFake, session: Session, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    fake.fault("/commentThreads", "echo")
    with pytest.raises(PermanentError) as caught:
        session(lambda c: c.fetch_new(None))
    assert "***" in str(caught.value)
    assert_no_secrets(caught.value, session.credentials, logs=caplog.text)


def test_no_token_in_network_errors(session: Session, fake: YouTubeFake) -> None:
    fake.fault("/commentThreads", "drop")
    with pytest.raises(TransientError) as caught:
        session(lambda c: c.fetch_new(None))
    assert_no_secrets(caught.value, session.credentials)


def test_plain_http_to_a_remote_host_is_refused(fake: YouTubeFake, session: Session) -> None:
    account = youtube_account(fake, api_base="http://youtube.example.com/youtube/v3")
    with pytest.raises(PermanentError, match="plain http"):
        session(lambda c: c.fetch_new(None), account=account)
