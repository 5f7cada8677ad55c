"""Parsing the sandbox's JSON: strict on what matters, clear about what was wrong."""

import asyncio
import copy
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from moderator_app.connectors.base import Credentials, FetchResult
from moderator_app.connectors.errors import PermanentError
from moderator_app.connectors.http import MalformedPayload
from moderator_app.connectors.sandbox import SandboxConnector
from moderator_app.connectors.sandbox_payload import parse_comment, parse_event_page
from moderator_app.domain import PlatformState
from tests.connectors.sandbox_session import sandbox_account

TOKEN = "tok-abcdefghijklmnop"
COMMENT: dict[str, Any] = {
    "id": "c17",
    "community_id": "techblog-ru",
    "post": {"id": "p1", "title": "Title", "url": "http://s/c/t/p1", "text": "Post"},
    "parent_id": "c12",
    "author": {"id": "u1", "name": "Ёжик", "url": "http://s/u/u1"},
    "text": "дуpaк",
    "created_at": "2026-11-27T10:00:00Z",
    "edited_at": None,
    "hidden": True,
    "permalink": "http://s/c/t/p1#c17",
    "by_moderator": False,
}


def _page(*comments: dict[str, Any], next_seq: int = 9, more: bool = False) -> dict[str, Any]:
    events = [{"seq": i + 1, "type": "created", "comment": c} for i, c in enumerate(comments)]
    return {"events": events, "next": next_seq, "more": more}


def test_parses_a_comment() -> None:
    comment = parse_comment(COMMENT, "here")
    assert comment.remote_id == "c17"
    assert comment.parent_remote_id == "c12"
    assert comment.platform_state is PlatformState.HIDDEN
    assert comment.created_at == datetime(2026, 11, 27, 10, tzinfo=UTC)
    assert comment.author.name == "Ёжик"
    assert comment.extra == {"community_id": "techblog-ru"}


def test_offsets_become_utc_and_optional_fields_default() -> None:
    raw = copy.deepcopy(COMMENT)
    raw["created_at"] = "2026-11-27T13:00:00+03:00"
    raw["edited_at"] = "2026-11-27T10:05:00"
    for key in ("permalink", "by_moderator", "community_id"):
        del raw[key]
    del raw["post"]["title"]
    comment = parse_comment(raw, "here")
    assert comment.created_at == datetime(2026, 11, 27, 10, tzinfo=UTC)
    assert comment.created_at.utcoffset() == timedelta(0)
    assert comment.edited_at == datetime(2026, 11, 27, 10, 5, tzinfo=UTC)
    assert (comment.permalink, comment.by_us, comment.extra, comment.thread.title) == (
        "",
        False,
        {},
        "",
    )


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("id",), None, "'id'"),
        (("id",), "", "'id'"),
        (("text",), 5, "'text'"),
        (("hidden",), "yes", "'hidden'"),
        (("created_at",), "yesterday", "'created_at'"),
        (("post",), "p1", "'post'"),
        (("post", "id"), None, "post: field 'id'"),
        (("author", "name"), None, "author: field 'name'"),
        (("edited_at",), 12, "'edited_at'"),
    ],
)
def test_wrong_shapes_are_malformed(path: tuple[str, ...], value: object, field: str) -> None:
    raw = copy.deepcopy(COMMENT)
    target = raw
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(MalformedPayload, match=field):
        parse_comment(raw, "sandbox: events[0].comment")


@pytest.mark.parametrize(
    "page",
    [
        [],
        {"events": {}, "next": 1, "more": False},
        {"events": [], "next": "1", "more": False},
        {"events": [], "next": 1, "more": "no"},
        {"events": [], "next": -1, "more": False},
        {"events": [{"seq": 1, "type": "created"}], "next": 1, "more": False},
        {"events": [1], "next": 1, "more": False},
    ],
)
def test_bad_pages_are_malformed(page: object) -> None:
    with pytest.raises(MalformedPayload):
        parse_event_page(page, "sandbox: events")


def test_one_bad_event_spoils_the_page_and_the_cursor_stays() -> None:
    broken = copy.deepcopy(COMMENT)
    del broken["author"]
    body = _page(COMMENT, broken, next_seq=2)
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.params["after"])
        return httpx.Response(200, json=body)

    async def fetch() -> FetchResult:
        transport = httpx.MockTransport(handler)
        async with httpx.AsyncClient(transport=transport) as client:
            connector = SandboxConnector(
                sandbox_account("http://sandbox.test"), Credentials(TOKEN), client
            )
            return await connector.fetch_new("7")

    with pytest.raises(MalformedPayload, match=r"events\[1\]\.comment: field 'author'"):
        asyncio.run(fetch())
    assert seen == ["7"]


def test_error_messages_never_echo_the_token() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        echoed = {"error": {"code": "validation", "message": f"bad token {TOKEN} in {request.url}"}}
        return httpx.Response(400, content=json.dumps(echoed).encode())

    async def hide() -> None:
        transport = httpx.MockTransport(handler)
        async with httpx.AsyncClient(transport=transport) as client:
            connector = SandboxConnector(
                sandbox_account("http://sandbox.test"), Credentials(TOKEN), client
            )
            await connector.hide(parse_comment(COMMENT, "x"), "key")

    with pytest.raises(PermanentError) as caught:
        asyncio.run(hide())
    assert TOKEN not in str(caught.value)
    assert "bad token ***" in str(caught.value)
