"""Conformance with the Bot API as documented: the recorded responses and the spec-derived
discussion-group example parse as expected, every field we read exists in the spec, and every
request we make uses only parameters the spec defines."""

import asyncio
import json
from typing import Any

import httpx
import pytest

from moderator_app.connectors.base import Credentials
from moderator_app.connectors.http import make_client
from moderator_app.connectors.telegram import TelegramConnector, TelegramSetup
from moderator_app.connectors.telegram.api import BotApi
from moderator_app.connectors.telegram.connector import ALLOWED_UPDATES
from moderator_app.connectors.telegram.content import MEDIA
from moderator_app.connectors.telegram.payload import (
    parse_update_page,
    read_message,
    read_sent_message,
)
from moderator_app.connectors.telegram.threads import ThreadMemory
from moderator_app.domain import Author, RemoteComment, ThreadRef
from tests.connectors.telegram.session import Tg
from tests.connectors.telegram.spec import (
    FIXTURES,
    call_problems,
    problems,
    result_problems,
    type_fields,
)

GROUP = -1001876543210
BOT_ID = 6000000001


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def test_the_fixtures_conform_to_the_spec() -> None:
    assert problems(load("evernotebot_telegram_update.json"), ["Update"]) == []
    [recorded] = load("evernotebot_bot_api_responses.json")
    assert recorded["ok"] is True
    assert result_problems("sendMessage", recorded["result"]) == []
    example = load("discussion_group_updates.json")
    assert result_problems("getUpdates", example["result"]) == []


def test_the_spec_checker_notices_mistakes() -> None:
    update = load("evernotebot_telegram_update.json")
    update["message"]["date"] = "2022-08-16"
    update["message"]["shout"] = True
    del update["message"]["chat"]
    found = problems(update, ["Update"])
    assert any("date: expected Integer" in p for p in found)
    assert any("shout: not a field of Message" in p for p in found)
    assert any("misses required field 'chat'" in p for p in found)


def test_the_discussion_example_becomes_these_comments() -> None:
    threads = ThreadMemory()
    page = parse_update_page(
        load("discussion_group_updates.json")["result"],
        watched={GROUP},
        bot_id=BOT_ID,
        threads=threads,
        where="telegram: getUpdates",
    )
    assert (page.last_update_id, page.size) == (731520010, 10)
    post = ThreadRef(
        remote_id=f"{GROUP}:120",
        title="SMM новости: Запускаем конкурс!",
        url="https://t.me/smm_news/45",
        text="Запускаем конкурс!\nПравила в комментариях.",
    )
    summary = [
        (c.remote_id, c.thread.remote_id, c.parent_remote_id, c.author.name, c.text)
        for c in page.comments
    ]
    thread, reply_to, group = post.remote_id, f"{GROUP}:121", "SMM новости — обсуждение"
    assert summary == [
        (f"{GROUP}:121", thread, None, "Ирина К.", "А, нашла правила, спасибо"),
        (f"{GROUP}:122", thread, reply_to, "Dmitry", "В закрепе же"),
        (f"{GROUP}:123", thread, None, "Олег", "[photo]"),
        (f"{GROUP}:124", thread, reply_to, "Конкуренты", "У нас честнее, подписывайтесь"),
        (f"{GROUP}:126", str(GROUP), None, group, "Напоминаем: без оскорблений"),
    ]  # fmt: skip
    edited, reply, photo, as_channel, anonymous_admin = page.comments
    assert all(c.thread == post for c in (edited, reply, photo, as_channel))
    assert edited.edited_at is not None
    assert edited.edited_at.timestamp() == 1795800300
    assert edited.created_at.timestamp() == 1795800060
    assert as_channel.author == Author("-1001555000111", "Конкуренты", "https://t.me/rival_channel")
    assert anonymous_admin.author.remote_id == str(GROUP)
    assert reply.permalink == "https://t.me/c/1876543210/122?thread=120"


def test_the_recorded_update_is_a_comment_only_in_a_watched_chat() -> None:
    message = load("evernotebot_telegram_update.json")["message"]
    chat_id = message["chat"]["id"]
    where = "update.message"
    assert (
        read_message(message, where, watched={GROUP}, bot_id=BOT_ID, threads=ThreadMemory()) is None
    )
    comment = read_message(message, where, watched={chat_id}, bot_id=BOT_ID, threads=ThreadMemory())
    assert comment is not None
    assert comment.remote_id == f"{chat_id}:614673"
    assert comment.text == "/start"
    assert comment.author.name == "Ого, понимаю"
    assert comment.author.url == "https://t.me/example_user"
    assert comment.thread == ThreadRef(remote_id=str(chat_id), url="https://t.me/example_user")
    assert comment.permalink == "https://t.me/example_user/614673"


def test_the_recorded_send_answer_passes_through_the_api_layer() -> None:
    [recorded] = load("evernotebot_bot_api_responses.json")
    to = RemoteComment(
        remote_id="100000002:614696",
        thread=ThreadRef("100000002"),
        author=Author("100000002", "Иван Петров"),
        text="hi",
        created_at=read_time(recorded["result"]["date"]),
    )

    async def main() -> RemoteComment:
        transport = httpx.MockTransport(lambda request: httpx.Response(200, json=recorded))
        async with httpx.AsyncClient(transport=transport) as client:
            api = BotApi(client, Credentials("182401253:AAF" + "k" * 32), min_interval_s=0)
            result = await api.call("sendMessage", {"chat_id": 1, "text": "x"}, what="sending")
        return read_sent_message(result, to, bot_id=182401253, where="sendMessage")

    sent = asyncio.run(main())
    assert sent.remote_id == "100000002:614697"
    assert sent.by_us
    assert sent.parent_remote_id == to.remote_id
    assert sent.text.startswith("Welcome! It's bot for saving your notes")


@pytest.mark.parametrize(
    ("type_name", "field_names"),
    [
        ("Update", ["update_id", *ALLOWED_UPDATES]),
        (
            "Message",
            [
                "message_id", "chat", "date", "from", "sender_chat", "text", "caption",
                "message_thread_id", "reply_to_message", "is_automatic_forward",
                "forward_origin", "edit_date", "forum_topic_created", *MEDIA,
            ],
        ),
        ("Chat", ["id", "type", "title", "username"]),
        ("User", ["id", "is_bot", "first_name", "last_name", "username"]),
        ("MessageOriginChannel", ["type", "chat", "message_id"]),
        ("ChatFullInfo", ["id", "type", "title", "linked_chat_id"]),
        ("ChatMemberAdministrator", ["status", "can_delete_messages"]),
        ("WebhookInfo", ["url"]),
        ("ResponseParameters", ["retry_after"]),
        ("ReplyParameters", ["message_id"]),
        ("Sticker", ["emoji"]),
        ("Poll", ["question"]),
        ("Document", ["file_name"]),
    ],
)  # fmt: skip
def test_every_field_we_read_is_in_the_spec(type_name: str, field_names: list[str]) -> None:
    known = type_fields(type_name)
    assert [f for f in field_names if f not in known] == []


def test_every_request_we_make_is_what_the_spec_defines(tg: Tg) -> None:
    post, _comment_id = tg.post_with_comment()
    other = tg.world.add_chat("supergroup", "Ещё группа", username="more_chat")
    tg.world.set_member(other, tg.token)

    async def scenario(connector: TelegramConnector) -> None:
        result = await connector.fetch_new(None)
        await connector.fetch_new(result.cursor)
        reply = await connector.reply(result.comments[0], "Спасибо!", "k")
        await connector.delete(reply, "d")
        await connector.delete(result.comments[0], "d2")

    tg.run(scenario, long_poll_s=1)

    async def sign_in() -> None:
        async with make_client(timeout=5) as client:
            setup = TelegramSetup(api_base=tg.fake.url)
            await setup.sign_in(client, {"token": tg.token, "chats": "@more_chat"})
            tg.world.comment(tg.group_id, tg.user, "ещё", reply_to=post)  # to be discovered
            await setup.sign_in(client, {"token": tg.token, "chats": ""})

    asyncio.run(sign_in())
    methods = {call.method for call in tg.fake.calls}
    assert methods == {
        "getUpdates", "sendMessage", "deleteMessage", "getMe", "getWebhookInfo", "getChat",
        "getChatMember",
    }  # fmt: skip
    bad = [p for call in tg.fake.calls for p in call_problems(call.method, call.params)]
    assert bad == []


def test_error_answers_use_the_documented_envelope(tg: Tg) -> None:
    tg.fake.fail("getUpdates", "429", retry_after=2)
    with httpx.Client() as client:
        limited = client.post(f"{tg.fake.url}/bot{tg.token}/getUpdates").json()
        missing = client.post(
            f"{tg.fake.url}/bot{tg.token}/deleteMessage",
            json={"chat_id": tg.group_id, "message_id": 999},
        )
    assert limited == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 2",
        "parameters": {"retry_after": 2},
    }
    assert problems(limited["parameters"], ["ResponseParameters"]) == []
    assert missing.status_code == 400
    assert missing.json() == {
        "ok": False,
        "error_code": 400,
        "description": "Bad Request: message to delete not found",
    }


def read_time(unix: int) -> Any:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(unix, tz=UTC)
