"""Conformance: the recorded YouTube responses parse as the connector expects, the errors map
to the right typed failures, and what the connector sends (and the fake answers) fits
Google's own discovery document."""

import json
from datetime import UTC, datetime

import httpx
import pytest

from moderator_app.connectors.errors import AuthExpired, PermanentError, TransientError
from moderator_app.connectors.youtube import YouTubeConnector, endpoints
from moderator_app.connectors.youtube.api_errors import (
    QuotaExhausted,
    parse_error,
    raise_for_google_error,
)
from moderator_app.connectors.youtube.payload import (
    parse_comment,
    parse_comment_page,
    parse_thread_page,
    to_remote,
)
from moderator_app.domain import PlatformState
from tests.connectors.youtube.discovery import (
    FIXTURES,
    fixture,
    method,
    param_problems,
    shape_problems,
)
from tests.connectors.youtube.session import Session, sync_all
from tests.servers.youtube_fake import YouTubeFake

NOW = datetime(2026, 11, 27, 20, 0, tzinfo=UTC)  # 12:00 in Los Angeles (PST)


def _response(status: int, name: str) -> httpx.Response:
    return httpx.Response(status, content=(FIXTURES / name).read_bytes())


def test_channel_threads_parse_with_context_and_permalinks() -> None:
    page = parse_thread_page(fixture("comment_threads_all_to_me.json"), "t")
    assert page.next_token is None
    assert [t.id for t in page.threads] == [
        "UgyWeTdgc4sc1xgmbld4AaABAg",
        "Ugw5zYU6n9pmIgAZWvN4AaABAg",
        "Ugy0FhSzKMNMT9qs6zt4AaABAg",
        "UgwSRpgkjCe6OHHe3IJ4AaABAg",
    ]
    first = page.threads[0]
    assert first.video_id == "JE8xdDp5B8Q"
    assert first.top.text == "Hope to go next time. yah!"
    assert first.top.author.remote_id == "UCNvMBmCASzTNNX8lW3JRMbw"
    assert first.top.published_at == datetime(2019, 12, 1, 3, 36, 55, tzinfo=UTC)
    remote = to_remote(first.top, None, own_channel="UCa-vrCLQHviTOVnEKDOdetQ")
    assert remote.permalink == (
        "https://www.youtube.com/watch?v=JE8xdDp5B8Q&lc=UgyWeTdgc4sc1xgmbld4AaABAg"
    )
    assert remote.thread.remote_id == "JE8xdDp5B8Q"
    assert remote.parent_remote_id is None
    assert remote.extra == {"thread_id": first.id, "video_id": "JE8xdDp5B8Q"}
    assert (remote.author.name, remote.author.url) == (
        "kun liu",
        "http://www.youtube.com/channel/UCNvMBmCASzTNNX8lW3JRMbw",
    )
    assert remote.platform_state is PlatformState.VISIBLE
    assert remote.edited_at is None
    assert not remote.by_us
    # an old-style channel comment has no video: the channel is its context
    channel_comment = to_remote(page.threads[2].top, None, own_channel="")
    assert page.threads[2].video_id is None
    assert channel_comment.thread.url == "https://www.youtube.com/channel/UCa-vrCLQHviTOVnEKDOdetQ"
    assert channel_comment.text == "大满贯"
    # a reply count without a `replies` part means the replies must be fetched
    last = page.threads[3]
    assert (last.total_replies, last.replies, last.replies_complete) == (1, (), False)


def test_video_threads_page_and_prefer_the_original_text_over_html() -> None:
    first = parse_thread_page(fixture("comment_threads_by_video_paged_1.json"), "t")
    second = parse_thread_page(fixture("comment_threads_by_video_paged_2.json"), "t")
    assert first.next_token
    assert first.next_token.startswith("QURTSl9p")
    assert second.next_token is None
    linked = first.threads[0].top
    assert linked.text == "Google.com"  # textDisplay is `<a href=...>Google.com</a>`
    assert all("<" not in t.top.text for t in first.threads)


def test_replies_listed_by_parent_carry_the_thread_and_video() -> None:
    page = parse_comment_page(
        fixture("comments_by_parent_paged_1.json"), "c", video_id="JE8xdDp5B8Q"
    )
    assert page.next_token
    assert [c.text for c in page.comments] == [
        "this is the third reply!",
        "this is the second reply!",
    ]
    assert {c.parent_id for c in page.comments} == {"Ugw5zYU6n9pmIgAZWvN4AaABAg"}
    assert page.comments[0].published_at > page.comments[1].published_at  # newest first
    remote = to_remote(page.comments[0], None, own_channel="")
    assert remote.parent_remote_id == "Ugw5zYU6n9pmIgAZWvN4AaABAg"
    assert remote.extra["thread_id"] == "Ugw5zYU6n9pmIgAZWvN4AaABAg"
    assert remote.permalink.endswith("&lc=Ugw5zYU6n9pmIgAZWvN4AaABAg.91zT3cYb5B291za6voUoRh")


def test_thread_with_included_replies() -> None:
    page = parse_thread_page(fixture("comment_threads_with_replies_composed.json"), "t")
    [thread] = page.threads
    assert thread.total_replies == 3
    assert len(thread.replies) == 2
    assert not thread.replies_complete
    assert all(r.parent_id == thread.id and r.video_id == "JE8xdDp5B8Q" for r in thread.replies)
    assert thread.activity == max(r.published_at for r in thread.replies)


def test_inserted_reply_response() -> None:
    reply = parse_comment(fixture("comments_insert_reply_response.json"), "r", video_id="v")
    assert reply.parent_id == "Ugy_CAftKrIUCyPr9GR4AaABAg"
    assert reply.author.remote_id == "UCa-vrCLQHviTOVnEKDOdetQ"
    assert reply.text == "wow"
    remote = to_remote(reply, None, own_channel="UCa-vrCLQHviTOVnEKDOdetQ")
    assert remote.by_us


def test_quota_envelope_means_wait_until_pacific_midnight() -> None:
    response = _response(403, "error_quota_exceeded.json")
    assert parse_error(response).reasons == ("quotaExceeded",)
    with pytest.raises(QuotaExhausted) as caught:
        raise_for_google_error(response, what="YouTube: listing", now=NOW)
    assert caught.value.retry_after == 12 * 3600  # 12:00 PST → midnight PST
    assert caught.value.resets_at == datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
    assert "midnight Pacific time" in str(caught.value)
    assert "<a" not in str(caught.value)


def test_comments_disabled_is_permanent_and_readable() -> None:
    with pytest.raises(PermanentError) as caught:
        raise_for_google_error(_response(403, "error_comments_disabled.json"), what="w", now=NOW)
    message = str(caught.value)
    assert "commentsDisabled" in message
    assert "videoId parameter has disabled comments" in message
    assert "<" not in message
    assert not isinstance(caught.value, TransientError)


@pytest.mark.parametrize(
    ("status", "name", "expected"),
    [
        (403, "error_permission_resp.json", PermanentError),
        (400, "error_response.json", PermanentError),
        (401, "error_response.json", AuthExpired),
    ],
)
def test_other_recorded_envelopes(status: int, name: str, expected: type[Exception]) -> None:
    with pytest.raises(expected):
        raise_for_google_error(_response(status, name), what="w", now=NOW)


def test_oauth_error_body() -> None:
    error = parse_error(_response(400, "oauth_error_invalid_grant.json"))
    assert error.reasons == ("invalid_grant",)
    assert error.message == "Token has been expired or revoked."


def test_the_scope_covers_every_method_used() -> None:
    for resource, name in [
        ("commentThreads", "list"),
        ("comments", "list"),
        ("comments", "insert"),
        ("comments", "setModerationStatus"),
        ("videos", "list"),
        ("channels", "list"),
    ]:
        assert endpoints.SCOPE in method(resource, name)["scopes"], (resource, name)
    assert method("comments", "setModerationStatus")["httpMethod"] == "POST"
    assert (
        method("comments", "setModerationStatus")["path"]
        == "youtube/v3/comments/setModerationStatus"
    )


_METHODS = {
    ("GET", "/commentThreads"): ("commentThreads", "list", "CommentThreadListResponse"),
    ("GET", "/comments"): ("comments", "list", "CommentListResponse"),
    ("POST", "/comments"): ("comments", "insert", "Comment"),
    ("POST", "/comments/setModerationStatus"): ("comments", "setModerationStatus", None),
    ("GET", "/videos"): ("videos", "list", None),
}


def test_requests_and_fake_answers_fit_the_discovery_document(
    fake: YouTubeFake, session: Session
) -> None:
    """Everything the connector sent is declared by Google; the fake answers in Google's shape."""
    world = fake.world
    video = world.add_video("Стрим", "описание")
    top = world.add_comment(video, "Первый!")
    for i in range(7):
        world.add_reply(top.id, f"ответ {i}")
    held = world.add_comment(video, "подозрительно", status="heldForReview")

    async def scenario(connector: YouTubeConnector) -> None:
        comments, _ = await sync_all(connector)
        first = next(c for c in comments if c.remote_id == top.id)
        await connector.reply(first, "Спасибо", "k-1")
        await connector.hide(first, "k-2")
        await connector.unhide(first, "k-3")
        await connector.ban_author(next(c for c in comments if c.remote_id == held.id), "k-4")

    session(scenario)
    assert {(c.method, c.path) for c in fake.log} == set(_METHODS)
    problems = []
    for logged in fake.log:
        resource, name, _ = _METHODS[(logged.method, logged.path)]
        problems += param_problems(resource, name, logged.params)
        if logged.body is not None:
            problems += shape_problems("Comment", logged.body)
    assert problems == []
    assert all(c.status < 300 for c in fake.log)

    answers = {
        "CommentThreadListResponse": fake.handle(
            "GET",
            f"/youtube/v3/commentThreads?part=snippet,replies&allThreadsRelatedToChannelId="
            f"{world.channel_id}&moderationStatus=heldForReview",
            {"authorization": f"Bearer {session.credentials.token}"},
            b"",
        ),
        "CommentListResponse": fake.handle(
            "GET",
            f"/youtube/v3/comments?part=snippet&parentId={top.id}",
            {"authorization": f"Bearer {session.credentials.token}"},
            b"",
        ),
    }
    for schema, reply in answers.items():
        assert reply.status == 200
        assert shape_problems(schema, json.loads(reply.body)) == []
