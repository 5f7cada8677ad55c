"""Faults between us and a WordPress site: limits, timeouts, garbage, a revoked password.
Whatever happens, no comment is lost and no reply is posted twice."""

import random
from collections.abc import Callable

import httpx
import pytest

from moderator_app.connectors.errors import (
    AuthExpired,
    ConnectorError,
    RateLimited,
    TransientError,
)
from moderator_app.connectors.http import MalformedPayload
from moderator_app.connectors.wordpress import WordPressConnector
from moderator_app.domain import PlatformState
from tests.connectors.wordpress.fake_site import FakeWordPress, wp_error
from tests.connectors.wordpress.session import Clock, Inbox, run

LISTING = r"^/wp/v2/comments$"
WARNING_THEN_JSON = (
    b"<br />\n<b>Warning</b>:  Undefined array key in <b>/var/www/x.php</b><br />\n[]"
)
FATAL_PAGE = (
    "<!DOCTYPE html><html><body><p>There has been a critical error on this website.</p>"
    "</body></html>"
)


@pytest.fixture
def fake() -> FakeWordPress:
    site = FakeWordPress()
    for i in range(1, 6):
        site.add(f"комментарий {i}", comment_id=i)
    return site


@pytest.mark.parametrize(
    ("fault", "error", "words"),
    [
        (wp_error(429, "rest_too_many", "Slow down", **{"Retry-After": "0"}), RateLimited, "429"),
        (httpx.ReadTimeout("read timed out"), TransientError, "timed out"),
        (httpx.ConnectError("refused"), TransientError, "could not connect"),
        (
            httpx.Response(
                200, content=WARNING_THEN_JSON, headers={"Content-Type": "application/json"}
            ),
            MalformedPayload,
            "not valid JSON",
        ),
        (
            httpx.Response(500, text=FATAL_PAGE, headers={"Content-Type": "text/html"}),
            MalformedPayload,
            "HTML error page",
        ),
        (httpx.Response(200, json={"not": "a list"}), MalformedPayload, "expected a list"),
        (
            httpx.Response(200, json=[{"id": 1}], headers={"X-WP-TotalPages": "1"}),
            MalformedPayload,
            "field 'post'",
        ),
        (wp_error(502, "bad_gateway", "upstream"), TransientError, "502"),
    ],
)
def test_a_failed_listing_keeps_the_cursor(
    fake: FakeWordPress, fault: httpx.Response | Exception, error: type[ConnectorError], words: str
) -> None:
    inbox = Inbox()

    async def scenario(connector: WordPressConnector) -> None:
        fake.fail("GET", LISTING, fault)
        with pytest.raises(error, match=words):
            await inbox.sync(connector)
        assert inbox.cursor is None
        assert inbox.comments == {}
        await inbox.sync(connector)

    run(fake, scenario)
    assert sorted(inbox.comments) == ["1", "2", "3", "4", "5"]


def test_rate_limit_reports_the_wait(fake: FakeWordPress) -> None:
    fake.fail("GET", LISTING, wp_error(429, "x", "y", **{"Retry-After": "42"}))

    async def scenario(connector: WordPressConnector) -> float:
        try:
            await connector.fetch_new(None)
        except RateLimited as exc:
            return exc.retry_after
        raise AssertionError("not rate limited")

    assert run(fake, scenario) == 42.0


def test_a_password_revoked_mid_run(fake: FakeWordPress) -> None:
    inbox = Inbox()

    async def scenario(connector: WordPressConnector) -> None:
        await inbox.sync(connector)
        first = inbox.comments["1"]
        fake.password = "a new password after the old one was revoked"
        fake.add("пока пароль отозван", comment_id=6)
        with pytest.raises(AuthExpired, match="no longer accepts the application password"):
            await inbox.sync(connector)
        with pytest.raises(AuthExpired):
            await connector.hide(first, "k1")
        with pytest.raises(AuthExpired):
            await connector.reply(first, "ответ", "k2")

    run(fake, scenario)
    assert fake.comments[1]["status"] == "approved"
    assert fake.ours() == []
    fake.password = "abcd EFGH ijkl MNOP qrst UVWX"  # signed in again
    run(fake, inbox.sync)
    assert "6" in inbox.comments


def test_a_lost_answer_to_a_reply_does_not_post_it_twice(fake: FakeWordPress) -> None:
    fake.fail("POST", LISTING, httpx.ReadTimeout("lost"), after=True)

    async def scenario(connector: WordPressConnector) -> str:
        [first] = (await connector.fetch_new(None)).comments[:1]
        with pytest.raises(TransientError):
            await connector.reply(first, "Спасибо за отзыв!", "mod-abc")
        return (await connector.reply(first, "Спасибо за отзыв!", "mod-abc")).remote_id

    reply_id = run(fake, scenario)
    [ours] = fake.ours()
    assert str(ours["id"]) == reply_id
    assert len(fake.sent("POST", "/wp/v2/comments")) == 1


def test_chaos_loses_nothing_and_posts_each_reply_once() -> None:
    """Random faults on every kind of request while comments arrive, statuses change on the
    site, and the moderator replies and hides; the engine's retries carry everything through."""
    rng = random.Random(20261127)
    fake = FakeWordPress()
    for i in range(1, 231):
        fake.add(f"comment {i}", comment_id=i, status=rng.choice(["approved", "hold"]))
    faults: list[Callable[[], httpx.Response | Exception]] = [
        lambda: wp_error(429, "x", "slow", **{"Retry-After": "0"}),
        lambda: httpx.ReadTimeout("t"),
        lambda: httpx.Response(500, text=FATAL_PAGE, headers={"Content-Type": "text/html"}),
        lambda: httpx.Response(200, content=WARNING_THEN_JSON),
        lambda: wp_error(503, "busy", "busy"),
    ]

    def arm() -> None:
        for method, path in (
            ("GET", LISTING),
            ("GET", r"^/wp/v2/posts"),
            ("POST", LISTING),
            ("POST", r"^/wp/v2/comments/\d+$"),
        ):
            if rng.random() < 0.5:
                fake.fail(method, path, rng.choice(faults)(), after=rng.random() < 0.5)

    clock = Clock()
    inbox = Inbox()
    replied: dict[str, str] = {}

    async def act(connector: WordPressConnector, remote_id: str, key: str) -> None:
        comment = inbox.comments[remote_id]
        for _ in range(30):
            arm()
            try:
                if key.startswith("reply"):
                    replied[key] = (await connector.reply(comment, f"ответ {key}", key)).remote_id
                else:
                    await connector.hide(comment, key)
                return
            except ConnectorError:
                continue
        raise AssertionError("the action never went through")

    async def scenario(connector: WordPressConnector) -> None:
        for round_no in range(12):
            arm()
            for _ in range(rng.randint(0, 40)):
                fake.add(f"comment in round {round_no}")
            for comment_id in rng.sample(sorted(fake.comments), 5):
                fake.comments[comment_id]["status"] = rng.choice(["approved", "hold", "spam"])
            await inbox.sync_through_faults(connector)
            target = rng.choice(sorted(inbox.comments))
            await act(connector, target, f"reply-{round_no}")
            await act(connector, rng.choice(sorted(inbox.comments)), f"hide-{round_no}")
            clock.now += 120
        fake._faults.clear()
        clock.now += 1000
        await inbox.sync(connector)

    run(fake, scenario, clock=clock)
    assert sorted(map(int, inbox.comments)) == sorted(fake.comments)
    for comment_id, comment in fake.comments.items():
        expected = {"approved": PlatformState.VISIBLE, "hold": PlatformState.HELD}.get(
            comment["status"], PlatformState.HIDDEN
        )
        assert inbox.comments[str(comment_id)].platform_state is expected, comment_id
    agents = [c["author_user_agent"] for c in fake.ours()]
    assert len(agents) == len(set(agents)) == 12  # one reply per key, never two
    assert all(inbox.comments[rid].by_us for rid in replied.values())
