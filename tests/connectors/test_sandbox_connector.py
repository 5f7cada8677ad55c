"""SandboxConnector against a real sandbox over loopback HTTP: sync, actions, every failure."""

import asyncio
from datetime import UTC

import httpx
import pytest

from moderator_app.connectors.base import Connector, FetchResult
from moderator_app.connectors.errors import (
    AuthExpired,
    ConnectorError,
    PermanentError,
    RateLimited,
    TransientError,
)
from moderator_app.connectors.http import MalformedPayload, make_client
from moderator_app.connectors.sandbox import SandboxConnector, request_token
from moderator_app.domain import Capability, Platform, PlatformState, RemoteComment
from moderator_app.sandbox import SandboxServer
from tests.connectors.sandbox_session import Connect


def _arm(admin: httpx.Client, kind: str, prefix: str = "/api/v1/events", times: int = 1) -> None:
    response = admin.post(
        "/_admin/faults", json={"path_prefix": prefix, "kind": kind, "times": times}
    )
    assert response.is_success


async def _first(connector: SandboxConnector) -> RemoteComment:
    return (await connector.fetch_new(None)).comments[0]


def test_is_a_connector(connect: Connect) -> None:
    async def scenario(connector: SandboxConnector) -> SandboxConnector:
        return connector

    connector = connect(scenario)
    assert isinstance(connector, Connector)
    assert connector.platform is Platform.SANDBOX
    assert connector.capabilities == {Capability.REPLY, Capability.HIDE, Capability.UNHIDE}


def test_request_token_signs_in(sandbox: SandboxServer, admin: httpx.Client) -> None:
    async def sign_in() -> str:
        async with make_client(timeout=5) as client:
            return await request_token(client, sandbox.url + "/")

    token = asyncio.run(sign_in())
    assert len(token) >= 20
    me = admin.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200


def test_fetch_converts_comments(connect: Connect, admin: httpx.Client) -> None:
    result = connect(lambda c: c.fetch_new(None))
    assert (result.cursor, result.more, len(result.comments)) == ("40", False, 40)
    comment = result.comments[0]
    raw = admin.get("/_admin/comments/c1").json()
    assert comment.remote_id == "c1"
    assert comment.thread.remote_id == raw["post"]["id"]
    assert comment.thread.title == raw["post"]["title"]
    assert comment.thread.url == raw["post"]["url"]
    assert comment.thread.text == raw["post"]["text"]
    assert (comment.author.remote_id, comment.author.name) == (
        raw["author"]["id"],
        raw["author"]["name"],
    )
    assert comment.text == raw["text"]
    assert comment.created_at.tzinfo is UTC
    assert comment.created_at.isoformat().replace("+00:00", "Z") == raw["created_at"]
    assert comment.permalink == raw["permalink"]
    assert comment.platform_state is PlatformState.VISIBLE
    assert comment.edited_at is None
    assert comment.by_us is False
    assert comment.extra == {"community_id": raw["community_id"]}
    replies = [c for c in result.comments if c.parent_remote_id is not None]
    assert replies
    assert all(c.parent_remote_id in {x.remote_id for x in result.comments} for c in replies)


def test_cursor_pages_without_gaps_or_duplicates(connect: Connect, admin: httpx.Client) -> None:
    admin.post("/_admin/generate", json={"count": 230})

    async def sync_all(connector: SandboxConnector) -> list[FetchResult]:
        results, cursor = [], None
        while True:
            result = await connector.fetch_new(cursor)
            results.append(result)
            cursor = result.cursor
            if not result.more:
                return results

    results = connect(sync_all)
    assert [r.cursor for r in results] == ["100", "200", "270"]
    assert [r.more for r in results] == [True, True, False]
    ids = [c.remote_id for r in results for c in r.comments]
    assert ids == [f"c{n}" for n in range(1, 271)]
    assert connect(lambda c: c.fetch_new("270")) == FetchResult(
        comments=(), cursor="270", more=False
    )


def test_several_events_for_one_comment_collapse_to_the_latest(
    connect: Connect, admin: httpx.Client
) -> None:
    admin.post("/_admin/generate", json={"count": 2})  # c41, c42
    admin.post("/_admin/moderate", json={"comment_id": "c41", "hidden": True})
    admin.post("/_admin/moderate", json={"comment_id": "c41", "text": "edited on the site"})
    result = connect(lambda c: c.fetch_new("40"))
    assert result.cursor == "44"
    assert [c.remote_id for c in result.comments] == ["c41", "c42"]
    latest = result.comments[0]
    assert latest.platform_state is PlatformState.HIDDEN
    assert latest.text == "edited on the site"
    assert latest.edited_at is not None


def test_reply_is_sent_once_per_key(connect: Connect, admin: httpx.Client) -> None:
    async def reply_twice(connector: SandboxConnector) -> tuple[RemoteComment, RemoteComment]:
        to = await _first(connector)
        first = await connector.reply(to, "Давайте без оскорблений 🙏", "key-42")
        second = await connector.reply(to, "Давайте без оскорблений 🙏", "key-42")
        return first, second

    first, second = connect(reply_twice)
    assert first == second
    assert first.parent_remote_id == "c1"
    assert first.by_us is True
    assert first.text == "Давайте без оскорблений 🙏"
    actions = admin.get("/_admin/state").json()["actions"]
    assert actions == [
        {
            "kind": "reply",
            "comment_id": "c1",
            "idempotency_key": "key-42",
            "result_id": first.remote_id,
        }
    ]
    synced = connect(lambda c: c.fetch_new("40"))
    assert [(c.remote_id, c.by_us) for c in synced.comments] == [(first.remote_id, True)]


def test_hide_and_unhide_come_back_through_the_feed(connect: Connect, admin: httpx.Client) -> None:
    async def scenario(connector: SandboxConnector) -> list[FetchResult]:
        target = await _first(connector)
        await connector.hide(target, "hide-1")
        await connector.hide(target, "hide-1")
        after_hide = await connector.fetch_new("40")
        await connector.unhide(target, "unhide-1")
        after_unhide = await connector.fetch_new(after_hide.cursor)
        return [after_hide, after_unhide]

    after_hide, after_unhide = connect(scenario)
    assert [(c.remote_id, c.platform_state) for c in after_hide.comments] == [
        ("c1", PlatformState.HIDDEN)
    ]
    assert [(c.remote_id, c.platform_state) for c in after_unhide.comments] == [
        ("c1", PlatformState.VISIBLE)
    ]
    kinds = [a["kind"] for a in admin.get("/_admin/state").json()["actions"]]
    assert kinds == ["hide", "unhide"]


def _fails(
    connect: Connect, expected: type[ConnectorError], token: str | None = None
) -> ConnectorError:
    async def scenario(connector: SandboxConnector) -> FetchResult:
        return await connector.fetch_new(None)

    with pytest.raises(expected) as caught:
        connect(scenario, token=token)
    return caught.value


def test_unknown_and_revoked_tokens_are_auth_expired(connect: Connect, admin: httpx.Client) -> None:
    error = _fails(connect, AuthExpired, token="not-a-real-token-1234")
    assert "not-a-real-token-1234" not in str(error)
    assert "401" in str(error)
    admin.post("/_admin/revoke")
    error = _fails(connect, AuthExpired)
    assert connect.token not in str(error)


def test_rate_limit_carries_retry_after(connect: Connect, admin: httpx.Client) -> None:
    admin.post("/_admin/config", json={"rate_per_s": 0.25, "burst": 1})
    connect(lambda c: c.fetch_new(None))
    error = _fails(connect, RateLimited)
    assert isinstance(error, RateLimited)
    assert 1 <= error.retry_after <= 4
    assert connect.token not in str(error)


def test_injected_429_uses_its_retry_after(connect: Connect, admin: httpx.Client) -> None:
    _arm(admin, "429")
    error = _fails(connect, RateLimited)
    assert isinstance(error, RateLimited)
    assert error.retry_after == 1


def test_server_error_is_transient(connect: Connect, admin: httpx.Client) -> None:
    _arm(admin, "500")
    error = _fails(connect, TransientError)
    assert "500" in str(error)
    assert connect.token not in str(error)


def test_malformed_page_does_not_move_the_cursor(connect: Connect, admin: httpx.Client) -> None:
    _arm(admin, "malformed")

    async def scenario(connector: SandboxConnector) -> FetchResult:
        with pytest.raises(MalformedPayload) as caught:
            await connector.fetch_new("10")
        assert "not valid JSON" in str(caught.value)
        assert connect.token not in str(caught.value)
        return await connector.fetch_new("10")  # the caller retries with the same cursor

    retried = connect(scenario)
    assert [c.remote_id for c in retried.comments][:1] == ["c11"]
    assert retried.cursor == "40"


def test_timeout_is_transient(connect: Connect, admin: httpx.Client) -> None:
    _arm(admin, "timeout")
    error = _fails_with_timeout(connect)
    assert "timed out" in str(error)
    assert str(error).startswith("sandbox: fetching events")
    assert connect.token not in str(error)


def _fails_with_timeout(connect: Connect) -> ConnectorError:
    with pytest.raises(TransientError) as caught:
        connect(lambda c: c.fetch_new(None), timeout=0.3)
    return caught.value


def test_refused_connection_is_transient(connect: Connect) -> None:
    dead = Connect("http://127.0.0.1:9", connect.token)
    error = _fails(dead, TransientError)
    assert "could not connect" in str(error)
    assert connect.token not in str(error)


def test_unknown_comment_and_empty_reply_are_permanent(connect: Connect) -> None:
    async def scenario(connector: SandboxConnector) -> list[ConnectorError]:
        comment = await _first(connector)
        ghost = RemoteComment(
            remote_id="c999",
            thread=comment.thread,
            author=comment.author,
            text="",
            created_at=comment.created_at,
        )
        errors: list[ConnectorError] = []
        for action in (
            connector.hide(ghost, "k1"),
            connector.reply(ghost, "hi", "k2"),
            connector.reply(comment, "   ", "k3"),
        ):
            try:
                await action
            except ConnectorError as exc:
                errors.append(exc)
        return errors

    errors = connect(scenario)
    assert [type(e) for e in errors] == [PermanentError, PermanentError, PermanentError]
    assert "does not exist" in str(errors[0])
    assert "404" in str(errors[1])
    assert "400" in str(errors[2])
    assert "empty" in str(errors[2])
    assert all(connect.token not in str(e) for e in errors)


def test_corrupt_cursor_restarts_from_the_beginning(connect: Connect) -> None:
    result = connect(lambda c: c.fetch_new("not-a-number"))
    assert result.comments[0].remote_id == "c1"
