"""WordPress JSON → domain objects: the recorded responses, HTML, statuses, bad shapes."""

import copy
from datetime import UTC, datetime
from typing import Any

import pytest

from moderator_app.connectors.http import MalformedPayload
from moderator_app.connectors.wordpress.html_text import html_to_text
from moderator_app.connectors.wordpress.payload import (
    parse_comment,
    parse_post,
    platform_state,
    read_comment,
)
from moderator_app.domain import PlatformState, ThreadRef
from tests.connectors.wordpress.fake_site import recorded

THREAD = ThreadRef("4", "A post", "http://example.org/?p=4")


def _edit_context(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(recorded("CommentModel"))
    data["content"]["raw"] = "This is a comment"
    data.update(author_email="Lights@Example.org", author_user_agent="", author_ip="")
    data.update(changes)
    return dict(data)


def test_recorded_comment_model_parses() -> None:
    raw = read_comment(recorded("CommentModel"), "wp")
    comment = parse_comment(raw, THREAD, our_user_id=1)
    assert (raw.id, raw.post) == (2, 4)
    assert comment.remote_id == "2"
    assert comment.thread == THREAD
    assert comment.author.name == "Internet of something or other"
    assert comment.author.url == "http://lights.example.org/"
    assert comment.author.remote_id == "guest:Internet of something or other"
    assert comment.text == "This is a comment"  # from content.rendered, tags stripped
    assert comment.created_at == datetime(2017, 2, 14, tzinfo=UTC)
    assert comment.permalink == "http://example.org/?p=4#comment-2"
    assert comment.parent_remote_id is None
    assert comment.platform_state is PlatformState.VISIBLE
    assert comment.by_us is False
    assert comment.extra == {"status": "approved"}


def test_recorded_collection_items_parse() -> None:
    [item] = recorded("CommentsCollection")
    comment = parse_comment(read_comment(item, "wp[0]"), THREAD, None)
    assert comment.remote_id == "2"
    assert "_links" in item  # collections carry links; they are ignored


def test_edit_context_prefers_raw_text_and_hashes_guest_email() -> None:
    data = _edit_context()
    data["content"] = {"rendered": "<p>ignored</p>", "raw": "Line one\nLine <b>two</b> &amp; more"}
    comment = parse_comment(read_comment(data, "wp"), THREAD, None)
    assert comment.text == "Line one\nLine two & more"
    same_guest = parse_comment(
        read_comment(_edit_context(author_email="lights@example.org "), "wp"), THREAD, None
    )
    assert comment.author.remote_id == same_guest.author.remote_id
    assert comment.author.remote_id.startswith("guest:")
    assert "example" not in comment.author.remote_id


def test_registered_author_replies_and_our_own() -> None:
    data = _edit_context(author=7, parent=5)
    ours = parse_comment(read_comment(data, "wp"), THREAD, our_user_id=7)
    theirs = parse_comment(read_comment(data, "wp"), THREAD, our_user_id=8)
    assert ours.by_us is True
    assert theirs.by_us is False
    assert ours.author.remote_id == "7"
    assert ours.parent_remote_id == "5"
    guest = parse_comment(read_comment(_edit_context(author=0), "wp"), THREAD, our_user_id=0)
    assert guest.by_us is False


@pytest.mark.parametrize(
    ("status", "state"),
    [
        ("approved", PlatformState.VISIBLE),
        ("hold", PlatformState.HELD),
        ("spam", PlatformState.HIDDEN),
        ("trash", PlatformState.DELETED),
        ("post-trashed", PlatformState.DELETED),
        ("some-plugin-status", PlatformState.HIDDEN),
    ],
)
def test_status_mapping(status: str, state: PlatformState) -> None:
    assert platform_state(status) is state
    comment = parse_comment(read_comment(_edit_context(status=status), "wp"), THREAD, None)
    assert comment.platform_state is state
    assert comment.extra == {"status": status}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"id": "2"}, "id"),
        ({"id": 0}, "id"),
        ({"post": None}, "post"),
        ({"parent": -1}, "parent"),
        ({"status": 1}, "status"),
        ({"date_gmt": "yesterday"}, "date_gmt"),
        ({"content": "text"}, "content"),
        ({"content": {"raw": None}}, "rendered"),
        ({"author_name": ["x"]}, "author_name"),
    ],
)
def test_bad_fields_are_malformed_and_named(change: dict[str, Any], field: str) -> None:
    data = _edit_context(**change)
    with pytest.raises(MalformedPayload, match=field):
        parse_comment(read_comment(data, "wp: comments[3]"), THREAD, None)


def test_not_an_object() -> None:
    with pytest.raises(MalformedPayload, match="expected an object"):
        read_comment([1, 2], "wp")


def test_post_as_thread() -> None:
    thread = parse_post(
        {
            "id": 4,
            "title": {"rendered": "Осень &#8211; <em>скидки</em>"},
            "link": "https://blog.example.test/?p=4",
            "excerpt": {"rendered": "<p>" + "слово " * 100 + "</p>"},
        },
        "wp: post",
    )
    assert thread.remote_id == "4"
    assert thread.title == "Осень – скидки"
    assert thread.url == "https://blog.example.test/?p=4"
    assert len(thread.text) == 300
    assert thread.text.endswith("…")
    assert parse_post({"id": 5}, "wp").title == ""


@pytest.mark.parametrize(
    ("html", "keep", "text"),
    [
        ("<p>Hi<br />\nthere</p>\n<p>Two</p>", False, "Hi\nthere\n\nTwo"),
        ("Hi\nthere", True, "Hi\nthere"),
        ("Hi\n  there", False, "Hi there"),
        (
            'Buy <a href="http://spam.example/x">cheap</a>!',
            True,
            "Buy cheap (http://spam.example/x)!",
        ),
        ('<a href="http://x.test/">http://x.test/</a>', True, "http://x.test/"),
        ("<script>alert(1)</script>ok<style>p{}</style>", True, "ok"),
        ("a < b &amp;&amp; c > d &#8220;q&#8221;", True, "a < b && c > d “q”"),
        ("<blockquote>quoted</blockquote>reply", True, "quoted\nreply"),
        ('<img src="x.png" alt="smile"> :)', True, "smile :)"),
        ("Ты <b>дурак</b>", True, "Ты дурак"),
        ("", True, ""),
    ],
)
def test_html_to_text(html: str, keep: bool, text: str) -> None:
    assert html_to_text(html, keep_newlines=keep) == text
