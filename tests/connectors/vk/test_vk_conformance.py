"""Every recorded VK response in tests/fixtures/vk parsed into domain objects, and the fake VK
and our requests checked against VK's official JSON schema."""

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from moderator_app.connectors.errors import AuthExpired, ConnectorError, UserActionRequired
from moderator_app.connectors.pacing import Pacer
from moderator_app.connectors.vk import convert, envelope
from moderator_app.connectors.vk.api import VkApi
from moderator_app.connectors.vk.longpoll import Batch, HistoryLost, KeyExpired, parse_check
from moderator_app.connectors.vk.payload import parse_comments_page
from moderator_app.connectors.vk.updates import CommentChanged, CommentRemoved, parse_updates
from moderator_app.domain import PlatformState
from tests.connectors.vk.schema_check import definition, problems
from tests.connectors.vk.vk_session import GROUP, Inbox, connector, run
from tests.servers.vk_fake import FakeVk

FIXTURES = Path(__file__).parents[2] / "fixtures" / "vk"
OURS = frozenset({-GROUP})


def fixture(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def test_get_comments_with_threads_and_a_removed_placeholder() -> None:
    data = fixture("GetComments802.json")["response"]
    page = parse_comments_page(data, "here", owner_id=-69459624, post_id=482121)
    assert page.count == 3
    assert [c.id for c in page.items] == [482124, 482127, 482418]
    first, removed, _third = page.items
    assert (first.owner_id, first.post_id, first.from_id) == (-69459624, 482121, 287979664)
    assert first.thread_count == 1
    assert first.thread_items == ()
    assert removed.deleted
    assert removed.from_id == 0
    assert removed.text == ""
    assert removed.date == 1553180629
    comment = convert.to_remote(
        first,
        author=convert.author_of(first.from_id, page.names),
        thread=convert.thread_ref(-69459624, 482121, None),
        ours=OURS,
    )
    assert comment.remote_id == "-69459624_482124"
    assert comment.text == "Текст 1го комментария"
    assert comment.created_at == datetime.fromtimestamp(1553180396, UTC)
    assert comment.permalink == "https://vk.com/wall-69459624_482121?reply=482124"
    assert comment.parent_remote_id is None
    assert comment.thread.remote_id == "-69459624_482121"
    assert comment.thread.url == "https://vk.com/wall-69459624_482121"
    assert comment.author == convert.author_of(287979664, {})
    assert comment.author.url == "https://vk.com/id287979664"
    assert comment.extra == {"owner_id": -69459624, "post_id": 482121, "comment_id": 482124}
    placeholder = convert.to_remote(
        removed,
        author=convert.author_of(0, {}),
        thread=comment.thread,
        ours=OURS,
    )
    assert placeholder.platform_state is PlatformState.DELETED


def test_get_comment_extended_names_the_author_and_the_replied_comment() -> None:
    data = fixture("GetComment_ReturnCorrectResults.json")["response"]
    data = {**data, "count": len(data["items"])}  # wall.getComment has no count
    page = parse_comments_page(data, "here", owner_id=-1, post_id=73000)
    (item,) = page.items
    author = convert.author_of(item.from_id, page.names)
    assert (author.remote_id, author.name) == ("233754083", "Dmitry Sergeev")
    comment = convert.to_remote(
        item, author=author, thread=convert.thread_ref(-1, 73000, None), ours=OURS
    )
    assert comment.text.startswith("Дмитрий, я не хочу даже сейчас спорить")
    assert "[id6099|" not in comment.text
    assert comment.parent_remote_id == "-1_73673"
    assert comment.extra["likes"] == 0


def test_likes_attachments_and_old_line_breaks() -> None:
    data = fixture("GetComments_ReturnLikesAndAttachments.json")["response"]
    page = parse_comments_page(data, "here", owner_id=-5, post_id=77)
    greeting, with_photo = (
        convert.to_remote(
            c,
            author=convert.author_of(c.from_id, {}),
            thread=convert.thread_ref(-5, 77, None),
            ours=OURS,
        )
        for c in page.items
    )
    assert greeting.text == "Поздравляю вас!!!\nРастите здоровыми, счастливыми и красивыми!"
    assert greeting.extra["likes"] == 1
    assert "attachments" not in greeting.extra
    assert with_photo.extra["attachments"] == ["photo"]
    assert with_photo.remote_id == "-5_3810"


def test_long_poll_wall_reply_new_and_delete() -> None:
    new = fixture("GetBotsLongPollHistory_WallReplyNewTest.json")
    removed = fixture("GetBotsLongPollHistory_WallReplyDeleteTest.json")
    batch = parse_check({"ts": "11", "updates": [new, removed]}, "lp")
    assert isinstance(batch, Batch)
    assert batch.ts == "11"
    first, second = parse_updates(batch.updates, "lp", group_id=1234)
    assert isinstance(first, CommentChanged)
    assert first.kind == "new"
    assert (first.comment.owner_id, first.comment.post_id, first.comment.id) == (-1234, 6, 9)
    assert (first.comment.from_id, first.comment.text) == (123, "test")
    assert second == CommentRemoved(owner_id=-1234, post_id=6, comment_id=9, deleter_id=12345)
    comment = convert.to_remote(
        first.comment,
        author=convert.author_of(123, {}),
        thread=convert.thread_ref(-1234, 6, None),
        ours=frozenset({-1234}),
    )
    assert comment.remote_id == "-1234_9"
    assert comment.created_at == datetime.fromtimestamp(1533403427, UTC)
    assert comment.by_us is False


def test_long_poll_failures() -> None:
    assert parse_check(fixture("GetBotsLongPollHistory_Failed1Ts.json"), "lp") == HistoryLost(
        "10", "the event history is out of date or partly lost"
    )
    assert parse_check(fixture("GetBotsLongPollHistory_Failed2.json"), "lp") == KeyExpired()
    lost = parse_check(fixture("GetBotsLongPollHistory_Failed3.json"), "lp")
    assert isinstance(lost, HistoryLost)
    assert lost.ts == ""


def _call_with_body(body: dict[str, Any], token: str) -> Exception:
    async def scenario() -> Exception:
        transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body))
        async with httpx.AsyncClient(transport=transport) as client:
            api = VkApi(client, token, pacer=Pacer(0))
            with pytest.raises(ConnectorError) as caught:
                await api.call("wall.createComment", {"message": "hi"}, what="replying")
            return caught.value

    return asyncio.run(scenario())


def test_recorded_error_envelopes() -> None:
    # error_14 echoes this very token in request_params, as VK does: it must not leak.
    token = "1fe7889c3395722934b1"
    captcha = _call_with_body(fixture("error_14_captcha.json"), token)
    assert isinstance(captcha, UserActionRequired)
    assert captcha.kind == "captcha"
    assert captcha.url == "http://api.vk.com/captcha.php?sid=548747100284&s=1"
    assert captcha.data == {"captcha_sid": "548747100691"}
    validation = _call_with_body(fixture("error_17_validation.json"), token)
    assert isinstance(validation, UserActionRequired)
    assert validation.kind == "validation"
    assert validation.url == "https://m.vk.com/activation?act=validate&api_hash=****&hash=***"
    expired = _call_with_body(fixture("error_5_auth.json"), "token")
    assert isinstance(expired, AuthExpired)
    assert "another ip address" in str(expired)
    for error in (captcha, validation):
        assert token not in str(error)
        assert token not in repr(error)


def test_every_mapped_error_code_exists_in_the_official_list() -> None:
    official = {e["code"]: e for e in fixture("schema_errors.json")["errors"].values()}
    mapped = {
        *envelope.RATE_LIMITS_S,
        *envelope.AUTH_FAILED,
        *envelope.ACCESS_DENIED,
        *envelope.SERVER_TROUBLE,
        *envelope.INVALID,
        envelope.CAPTCHA,
        envelope.VALIDATION,
    }
    assert mapped <= set(official)
    assert official[6]["description"] == "Too many requests per second"
    assert official[29]["description"] == "Rate limit reached"
    assert official[243]["description"] == "Comment has not been deleted"


def test_our_wall_requests_match_the_official_method_schema() -> None:
    """Every wall method the connector calls accepts a user token, and every parameter we send
    is one the method declares."""
    fake = FakeVk()
    post = fake.add_post(GROUP, "Новое меню")
    fake.add_comment(GROUP, post, fake.admin_id, "до подключения")

    async def scenario(client: httpx.AsyncClient) -> None:
        vk = connector(fake, client)
        inbox = Inbox()
        await inbox.sync(vk)
        first = fake.add_comment(GROUP, post, fake.admin_id, "первый")
        fake.add_comment(GROUP, post, fake.admin_id, "второй", reply_to=first)
        await inbox.sync(vk)
        target = inbox.comments[f"-{GROUP}_{first}"]
        await vk.reply(target, "спасибо", "key-1")
        await vk.hide(target, "key-2")
        await vk.unhide(target, "key-3")
        await vk.report(target, "spam", "key-4")
        fake.add_comment(GROUP, post, fake.admin_id, "третий")
        await inbox.sync(connector(fake, client))  # after a restart: wall.getById for context

    run(fake, scenario)
    methods = {m["name"]: m for m in fixture("schema_wall_methods.json")["methods"]}
    called = {name for name, _ in fake.calls if name.startswith("wall.")}
    assert called == {
        "wall.get",
        "wall.getById",
        "wall.getComments",
        "wall.createComment",
        "wall.deleteComment",
        "wall.restoreComment",
        "wall.reportComment",
    }
    # This schema revision folds wall.get's owner_id into `domain` (typed integer-or-string,
    # entity owner); earlier revisions and VK's method page list owner_id, which we send.
    methods["wall.get"]["parameters"].append({"name": "owner_id"})
    for name, params in fake.calls:
        if not name.startswith("wall."):
            continue
        assert "user" in methods[name]["access_token_type"], name
        declared = {p["name"] for p in methods[name]["parameters"]}
        assert set(params) - {"v"} <= declared, (name, set(params) - declared)


def test_the_fake_answers_in_the_official_shapes() -> None:
    fake = FakeVk()
    fake.add_user(777, "Пётр", "Иванов")
    post = fake.add_post(GROUP, "Пост")
    top = fake.add_comment(GROUP, post, 777, "вопрос")
    fake.add_comment(GROUP, post, -GROUP, "ответ", reply_to=top)
    fake.lp_settings[GROUP]["is_enabled"] = True
    fake.lp_settings[GROUP]["events"]["wall_reply_new"] = 1
    fake.add_comment(GROUP, post, 777, "ещё")

    def call(method: str, **params: str) -> Any:
        form = {"access_token": fake.token, "v": "5.199", **params}
        request = httpx.Request("POST", f"https://api.vk.com/method/{method}", data=form)
        return fake(request).json()

    page = call(
        "wall.getComments",
        owner_id=f"-{GROUP}",
        post_id=str(post),
        extended="1",
        thread_items_count="10",
        need_likes="1",
    )
    schema = definition("../wall/responses.json#/definitions/wall_getComments_extended_response")
    assert schema is not None
    assert problems(page, schema) == []
    posts = call("wall.get", owner_id=f"-{GROUP}")
    post_schema = definition("../wall/responses.json#/definitions/wall_get_response")
    assert post_schema is not None
    assert problems(posts, post_schema) == []
    created = call(
        "wall.createComment",
        owner_id=f"-{GROUP}",
        post_id=str(post),
        message="hi",
        from_group=str(GROUP),
    )
    create_schema = definition("../wall/responses.json#/definitions/wall_createComment_response")
    assert create_schema is not None
    assert problems(created, create_schema) == []
    comment_schema = definition("../callback/objects.json#/definitions/callback_wall_reply_new")
    assert comment_schema is not None
    (_, update), *_ = fake.events[GROUP]
    assert problems(update["object"], comment_schema) == []
    # and the recorded long-poll object has the same shape
    recorded = fixture("GetBotsLongPollHistory_WallReplyNewTest.json")["object"]
    assert problems(recorded, comment_schema) == []
