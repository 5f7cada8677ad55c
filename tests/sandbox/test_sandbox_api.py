"""The sandbox's HTTP API over a real socket: auth, paging, actions, limits, faults, bad input."""

import json
import socket
import time
from typing import Any

import httpx
import pytest

from moderator_app.sandbox import SandboxServer


def _events(api: httpx.Client, after: int = 0, limit: int = 100) -> dict[str, Any]:
    response = api.get("/api/v1/events", params={"after": after, "limit": limit})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _all_events(api: httpx.Client, limit: int = 100) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    after, more = 0, True
    while more:
        page = _events(api, after, limit)
        events.extend(page["events"])
        after, more = page["next"], page["more"]
    return events


def test_token_is_required_and_checked(sandbox: SandboxServer, admin: httpx.Client) -> None:
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic abc"}):
        response = admin.get("/api/v1/me", headers=headers)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "auth_expired"


def test_revoke_expires_issued_tokens(api: httpx.Client, admin: httpx.Client) -> None:
    assert api.get("/api/v1/me").status_code == 200
    assert admin.get("/_admin/state").json()["tokens"] == 1
    assert admin.post("/_admin/revoke").json() == {"revoked": 1}
    assert api.get("/api/v1/me").status_code == 401
    assert admin.get("/_admin/state").json()["tokens"] == 0


def test_me_and_communities(api: httpx.Client, sandbox: SandboxServer) -> None:
    me = api.get("/api/v1/me").json()
    assert me["name"] == "Sandbox moderator"
    assert {"id", "name", "url"} <= set(me["communities"][0])
    communities = api.get("/api/v1/communities").json()["communities"]
    assert len(communities) >= 4
    for community in communities:
        assert community["url"].startswith(sandbox.url + "/c/")
        assert len(community["posts"]) >= 2
        assert {"id", "title", "text", "url"} <= set(community["posts"][0])


def test_events_page_without_gaps_or_duplicates(api: httpx.Client) -> None:
    first = _events(api, 0, 7)
    assert [e["seq"] for e in first["events"]] == list(range(1, 8))
    assert first["next"] == 7
    assert first["more"] is True
    seqs = [e["seq"] for e in _all_events(api, limit=7)]
    assert seqs == list(range(1, 41))
    last = _events(api, 40)
    assert last == {"events": [], "next": 40, "more": False}


def test_event_holds_a_full_comment_snapshot(api: httpx.Client, sandbox: SandboxServer) -> None:
    event = _events(api, 0, 1)["events"][0]
    assert event["type"] == "created"
    comment = event["comment"]
    assert set(comment) == {
        "id", "community_id", "post", "parent_id", "author", "text", "created_at",
        "edited_at", "hidden", "permalink", "by_moderator",
    }  # fmt: skip
    assert comment["id"] == "c1"
    assert comment["created_at"].endswith("Z")
    assert comment["permalink"] == f"{comment['post']['url']}#c1"
    assert comment["post"]["url"].startswith(f"{sandbox.url}/c/{comment['community_id']}/")


def test_cursor_beyond_the_log_starts_over(api: httpx.Client) -> None:
    page = _events(api, 10_000, 5)
    assert page["reset"] is True
    assert [e["seq"] for e in page["events"]] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("query", ["after=-1", "after=x", "limit=0", "limit=201", "limit=1.5"])
def test_bad_event_queries_are_400(api: httpx.Client, query: str) -> None:
    response = api.get(f"/api/v1/events?{query}")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "validation"


def test_reply_is_idempotent(api: httpx.Client, admin: httpx.Client) -> None:
    body = {"text": "Спасибо за отзыв!", "idempotency_key": "k-1"}
    first = api.post("/api/v1/comments/c5/replies", json=body)
    assert first.status_code == 201
    reply = first.json()
    assert reply["parent_id"] == "c5"
    assert reply["by_moderator"] is True
    parent = admin.get("/_admin/comments/c5").json()
    assert reply["post"] == parent["post"]
    assert [r["id"] for r in parent["replies"]] == [reply["id"]]

    again = api.post("/api/v1/comments/c5/replies", json=body)
    assert again.status_code == 200
    assert again.json()["id"] == reply["id"]
    state = admin.get("/_admin/state").json()
    assert state["actions"] == [
        {"kind": "reply", "comment_id": "c5", "idempotency_key": "k-1", "result_id": reply["id"]}
    ]
    created = [e for e in _all_events(api) if e["comment"]["id"] == reply["id"]]
    assert [e["type"] for e in created] == ["created"]


def test_reply_validation_and_unknown_comment(api: httpx.Client) -> None:
    empty = api.post("/api/v1/comments/c1/replies", json={"text": "  ", "idempotency_key": "a"})
    assert empty.status_code == 400
    assert empty.json()["error"]["code"] == "validation"
    wrong_type = api.post("/api/v1/comments/c1/replies", json={"text": 5})
    assert wrong_type.status_code == 400
    missing = api.post("/api/v1/comments/c999/replies", json={"text": "hi", "idempotency_key": "b"})
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"


def test_key_reused_for_another_action_is_a_conflict(api: httpx.Client) -> None:
    assert api.post("/api/v1/comments/c1/hide", json={"idempotency_key": "same"}).is_success
    response = api.post("/api/v1/comments/c2/hide", json={"idempotency_key": "same"})
    assert response.status_code == 409


def test_hide_and_unhide_append_events_once(api: httpx.Client, admin: httpx.Client) -> None:
    hidden = api.post("/api/v1/comments/c3/hide", json={"idempotency_key": "h1"})
    assert hidden.status_code == 200
    assert hidden.json()["hidden"] is True
    assert api.post("/api/v1/comments/c3/hide", json={"idempotency_key": "h1"}).is_success
    assert api.post("/api/v1/comments/c3/hide", json={"idempotency_key": "h2"}).is_success
    shown = api.post("/api/v1/comments/c3/unhide", json={"idempotency_key": "u1"})
    assert shown.json()["hidden"] is False

    tail = _events(api, 40)["events"]
    assert [(e["seq"], e["type"], e["comment"]["hidden"]) for e in tail] == [
        (41, "hidden", True),
        (42, "unhidden", False),
    ]
    actions = admin.get("/_admin/state").json()["actions"]
    assert [(a["kind"], a["idempotency_key"]) for a in actions] == [
        ("hide", "h1"),
        ("hide", "h2"),
        ("unhide", "u1"),
    ]


def test_changes_made_on_the_site_show_up_as_events(api: httpx.Client, admin: httpx.Client) -> None:
    assert admin.post("/_admin/moderate", json={"comment_id": "c2", "hidden": True}).is_success
    edited = admin.post("/_admin/moderate", json={"comment_id": "c2", "text": "исправлено"})
    assert edited.json()["edited_at"] is not None
    tail = _events(api, 40)["events"]
    assert [e["type"] for e in tail] == ["hidden", "edited"]
    assert tail[1]["comment"]["text"] == "исправлено"
    assert (
        admin.post("/_admin/moderate", json={"comment_id": "nope", "hidden": True}).status_code
        == 404
    )


def test_generate_on_demand(api: httpx.Client, admin: httpx.Client) -> None:
    created = admin.post("/_admin/generate", json={"count": 3}).json()["created"]
    assert created == ["c41", "c42", "c43"]
    assert _events(api, 40)["next"] == 43


def test_rate_limit_answers_429_with_retry_after(api: httpx.Client, admin: httpx.Client) -> None:
    assert admin.post("/_admin/config", json={"rate_per_s": 0.2, "burst": 2}).is_success
    statuses = [api.get("/api/v1/me").status_code for _ in range(3)]
    assert statuses[:2] == [200, 200]
    assert statuses[2] == 429
    limited = api.get("/api/v1/me")
    assert int(limited.headers["Retry-After"]) >= 1
    error = limited.json()["error"]
    assert error["code"] == "rate_limited"
    assert error["retry_after"] == int(limited.headers["Retry-After"])


def test_injected_faults(api: httpx.Client, admin: httpx.Client) -> None:
    for kind in ("500", "429", "malformed"):
        fault = {"path_prefix": "/api/v1/events", "kind": kind, "times": 1}
        assert admin.post("/_admin/faults", json=fault).is_success
    assert api.get("/api/v1/events").status_code == 500
    limited = api.get("/api/v1/events")
    assert (limited.status_code, limited.headers["Retry-After"]) == (429, "1")
    broken = api.get("/api/v1/events")
    assert broken.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        broken.json()
    assert api.get("/api/v1/events").status_code == 200  # all consumed
    assert api.get("/api/v1/me").status_code == 200  # other paths never matched


def test_timeout_fault_delays_the_answer(
    sandbox: SandboxServer, admin: httpx.Client, token: str
) -> None:
    fault = {"path_prefix": "/api/v1/me", "kind": "timeout"}
    assert admin.post("/_admin/faults", json=fault).is_success
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=sandbox.url, headers=headers, timeout=0.3) as impatient:
        started = time.monotonic()
        with pytest.raises(httpx.ReadTimeout):
            impatient.get("/api/v1/me")
        assert time.monotonic() - started < 2
        assert impatient.get("/api/v1/me").status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        {"kind": "500"},
        {"path_prefix": "/api", "kind": "explode"},
        {"path_prefix": "/api", "kind": "500", "times": 0},
    ],
)
def test_bad_fault_requests_are_refused(admin: httpx.Client, body: dict[str, Any]) -> None:
    assert admin.post("/_admin/faults", json=body).status_code == 400


def test_bad_input_never_breaks_the_server(sandbox: SandboxServer, api: httpx.Client) -> None:
    assert api.post("/api/v1/comments/c1/hide", content=b"{not json").status_code == 400
    assert api.post("/api/v1/comments/c1/hide", content=b"[1, 2]").status_code == 400
    assert api.post("/api/v1/comments/c1/hide", content=b"\xff\xfe").status_code == 400
    assert api.get("/api/v1/nothing").status_code == 404
    wrong_method = api.delete("/api/v1/events")
    assert wrong_method.status_code == 405
    assert wrong_method.headers["Allow"] == "GET"
    assert api.post("/_admin/config", json={"rate_per_s": "fast"}).status_code == 400
    assert api.post("/_admin/config", json={"rate_per_s": -1}).status_code == 400

    host, port = sandbox.url.removeprefix("http://").split(":")
    for garbage in (
        b"BL\x00AH /x HTTP/1.1\r\n\r\n",
        b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n",
    ):
        with socket.create_connection((host, int(port)), timeout=2) as raw:
            raw.sendall(garbage)
            assert raw.recv(100).startswith(b"HTTP/1.")
    assert api.get("/api/v1/me").status_code == 200


def test_html_page_escapes_comment_text(api: httpx.Client, admin: httpx.Client) -> None:
    nasty = "<script>alert('hi')</script><img src=x onerror=alert(1)>"
    assert admin.post("/_admin/moderate", json={"comment_id": "c4", "text": nasty}).is_success
    comment = admin.get("/_admin/comments/c4").json()
    page = admin.get(comment["permalink"].split("#")[0])
    assert page.status_code == 200
    assert page.headers["Content-Type"].startswith("text/html")
    assert "<script>" not in page.text
    assert "<img" not in page.text
    assert "&lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt;" in page.text
    assert 'id="c4"' in page.text
    assert admin.get("/c/techblog-ru/nope").status_code == 404
    assert admin.get("/").status_code == 200
    assert admin.get(comment["author"]["url"]).status_code == 200
