"""TelegramConnector against the fake Bot API: fetching comments, replying, deleting."""

import threading
import time
from datetime import UTC, datetime

import httpx
import pytest

from moderator_app.connectors.base import Connector, FetchResult
from moderator_app.connectors.errors import NotSupported, PermanentError
from moderator_app.connectors.telegram import TelegramConnector
from moderator_app.connectors.telegram.api import BotApiError
from moderator_app.domain import Capability, Platform, PlatformState, RemoteComment
from tests.connectors.telegram.session import Tg


def test_is_a_connector(tg: Tg) -> None:
    async def scenario(connector: TelegramConnector) -> TelegramConnector:
        return connector

    connector: Connector = tg.run(scenario)  # mypy checks the protocol too
    assert isinstance(connector, Connector)
    assert connector.platform is Platform.TELEGRAM
    assert connector.capabilities == {Capability.REPLY, Capability.DELETE}
    assert tg.token not in repr(connector)


def test_discussion_messages_become_comments_under_their_post(tg: Tg) -> None:
    world = tg.world
    post = world.channel_post(tg.channel_id, "Запускаем конкурс!\nПравила в комментариях.")
    top = world.comment(tg.group_id, tg.user, "А где правила?", reply_to=post)
    dmitry = world.add_user("Dmitry")
    answer = world.comment(tg.group_id, dmitry, "В закрепе", reply_to=top)
    photo = world.comment(tg.group_id, dmitry, reply_to=post, photo=[_photo()])
    world.service_message(tg.group_id, world.add_user("Anna"))
    chatter = world.comment(tg.group_id, tg.user, "просто поболтать")

    result = tg.fetch()

    ids = [c.remote_id for c in result.comments]
    group = tg.group_id
    assert ids == [f"{group}:{top}", f"{group}:{answer}", f"{group}:{photo}", f"{group}:{chatter}"]
    first, second, third, fourth = result.comments
    thread_id = f"{group}:{post}"
    assert first.thread.remote_id == second.thread.remote_id == third.thread.remote_id == thread_id
    assert first.thread.text == "Запускаем конкурс!\nПравила в комментариях."
    assert first.thread.title == "Новости канала: Запускаем конкурс!"
    assert first.thread.url == "https://t.me/news_channel/1"  # the post in the public channel
    assert second.thread == first.thread  # known from memory: the reply carries no post text
    assert first.parent_remote_id is None
    assert second.parent_remote_id == first.remote_id
    assert third.text == "[photo]"
    assert third.extra["media"] == "photo"
    assert (first.author.remote_id, first.author.name, first.author.url) == (
        str(tg.user["id"]),
        "Ирина К.",
        "https://t.me/irina_k",
    )
    assert first.created_at.tzinfo is UTC
    assert abs((datetime.now(UTC) - first.created_at).total_seconds()) < 60
    internal = -group - 10**12
    assert first.permalink == f"https://t.me/c/{internal}/{top}?thread={post}"
    assert first.extra == {"chat_id": group, "message_id": top, "thread_id": post}
    assert first.platform_state is PlatformState.VISIBLE
    assert not first.by_us
    assert fourth.thread.remote_id == str(group)  # group chatter: the group is the thread
    assert fourth.thread.title == "Обсуждение"
    assert fourth.permalink == f"https://t.me/c/{internal}/{chatter}"


def test_other_groups_are_passed_over_but_confirmed(tg: Tg) -> None:
    other = tg.world.add_chat("supergroup", "Чужая группа")
    tg.world.set_member(other, tg.token)
    tg.world.comment(other, tg.user, "не наше")
    result = tg.fetch()
    assert result.comments == ()
    assert tg.fetch(result.cursor).comments == ()
    assert tg.world.bot(tg.token).queue == []  # confirmed by the second call


def test_cursor_moves_only_past_what_was_returned(tg: Tg) -> None:
    tg.post_with_comment("раз")
    first = tg.fetch()
    assert [c.text for c in first.comments] == ["раз"]
    # Not confirmed yet: a crash before the page was stored re-delivers it (nothing lost) ...
    again = tg.fetch(None)
    assert [c.text for c in again.comments] == ["раз"]
    # ... while continuing from the stored cursor confirms it and yields only what is new.
    tg.world.comment(tg.group_id, tg.user, "два")
    second = tg.fetch(first.cursor)
    assert [c.text for c in second.comments] == ["два"]
    assert tg.fetch(second.cursor).comments == ()
    offsets = [c.params.get("offset") for c in tg.fake.calls_to("getUpdates")]
    assert offsets[0] is None
    assert offsets[1] is None
    assert isinstance(offsets[2], int)
    assert isinstance(offsets[3], int)
    assert offsets[2] < offsets[3]


def test_a_restart_from_the_saved_cursor_neither_repeats_nor_loses(tg: Tg) -> None:
    _, comment = tg.post_with_comment()
    comments, cursor = tg.sync_all()
    assert len(comments) == 1
    tg.world.comment(tg.group_id, tg.user, "пока нас не было", reply_to=comment)
    # A new connector (a restarted app) continues from the stored cursor.
    later, cursor = tg.sync_all(cursor)
    assert [c.text for c in later] == ["пока нас не было"]
    assert later[0].thread.text == "Новый пост\nподробности внутри"  # remembered in the cursor
    assert later[0].parent_remote_id == comments[0].remote_id
    assert tg.sync_all(cursor)[0] == []


def test_full_pages_continue_without_waiting(tg: Tg) -> None:
    post = tg.world.channel_post(tg.channel_id, "Пост")
    for n in range(150):
        tg.world.comment(tg.group_id, tg.user, f"комментарий {n}", reply_to=post)

    async def scenario(connector: TelegramConnector) -> list[FetchResult]:
        first = await connector.fetch_new(None)
        second = await connector.fetch_new(first.cursor)
        return [first, second]

    first, second = tg.run(scenario, long_poll_s=5)
    assert (len(first.comments), first.more) == (99, True)  # 100 updates: the post + 99
    assert (len(second.comments), second.more) == (51, False)
    texts = [c.text for c in (*first.comments, *second.comments)]
    assert texts == [f"комментарий {n}" for n in range(150)]
    timeouts = [c.params["timeout"] for c in tg.fake.calls_to("getUpdates")]
    assert timeouts == [5, 0]  # a full page means more is waiting: no long poll


def test_long_poll_returns_as_soon_as_a_comment_arrives(tg: Tg) -> None:
    post = tg.world.channel_post(tg.channel_id, "Пост")
    cursor = tg.fetch().cursor
    timer = threading.Timer(0.3, lambda: tg.world.comment(tg.group_id, tg.user, "!", reply_to=post))
    timer.start()
    started = time.monotonic()
    result = tg.fetch(cursor, long_poll_s=3)
    timer.join()
    assert [c.text for c in result.comments] == ["!"]
    assert 0.2 < time.monotonic() - started < 2.5


def test_an_edit_updates_the_comment(tg: Tg) -> None:
    _, comment = tg.post_with_comment("глупость написала")
    tg.world.edit(tg.group_id, comment, "исправила")
    [latest] = tg.fetch().comments  # message and edited_message in one page: the latest wins
    assert latest.remote_id == f"{tg.group_id}:{comment}"
    assert latest.text == "исправила"
    assert latest.edited_at is not None


def test_update_ids_that_restart_after_a_quiet_week_are_followed(tg: Tg) -> None:
    tg.post_with_comment("до")
    cursor = tg.fetch().cursor
    tg.fetch(cursor)  # confirms
    tg.world.reset_update_ids(tg.token, 5)  # far below our offset
    tg.world.comment(tg.group_id, tg.user, "после")
    result = tg.fetch(cursor)
    assert [c.text for c in result.comments] == ["после"]
    tg.world.comment(tg.group_id, tg.user, "дальше")
    assert [c.text for c in tg.fetch(result.cursor).comments] == ["дальше"]


def test_reply_is_posted_in_the_thread_once_per_key(tg: Tg) -> None:
    post, comment_id = tg.post_with_comment("Вы обманщики")

    async def scenario(connector: TelegramConnector) -> tuple[RemoteComment, RemoteComment]:
        [comment] = (await connector.fetch_new(None)).comments
        first = await connector.reply(comment, "Давайте без оскорблений 🙏", "key-1")
        second = await connector.reply(comment, "Давайте без оскорблений 🙏", "key-1")
        return first, second

    first, second = tg.run(scenario)
    assert first == second
    assert len(tg.fake.calls_to("sendMessage")) == 1
    [sent] = tg.world.sent
    assert sent["reply_to_message"]["message_id"] == comment_id
    assert sent["message_thread_id"] == post
    assert tg.fake.calls_to("sendMessage")[0].params == {
        "chat_id": tg.group_id,
        "text": "Давайте без оскорблений 🙏",
        "reply_parameters": {"message_id": comment_id},
    }
    assert first.remote_id == f"{tg.group_id}:{sent['message_id']}"
    assert first.by_us
    assert first.parent_remote_id == f"{tg.group_id}:{comment_id}"
    assert first.thread.text == "Новый пост\nподробности внутри"
    assert first.text == "Давайте без оскорблений 🙏"


def test_reply_to_a_vanished_comment_is_permanent(tg: Tg) -> None:
    tg.post_with_comment()

    async def scenario(connector: TelegramConnector) -> None:
        [comment] = (await connector.fetch_new(None)).comments
        tg.world.messages.pop((tg.group_id, comment.extra["message_id"]))
        await connector.reply(comment, "ответ", "key-2")

    with pytest.raises(BotApiError) as caught:
        tg.run(scenario)
    assert "message to be replied not found" in str(caught.value)
    assert "HTTP 400" in str(caught.value)


def test_delete_removes_the_comment_and_a_repeat_is_harmless(tg: Tg) -> None:
    _, comment_id = tg.post_with_comment("спам спам")

    async def scenario(connector: TelegramConnector) -> None:
        [comment] = (await connector.fetch_new(None)).comments
        await connector.delete(comment, "del-1")
        await connector.delete(comment, "del-1")  # "message to delete not found": already done

    tg.run(scenario)
    assert tg.world.deleted == [(tg.group_id, comment_id)]
    assert len(tg.fake.calls_to("deleteMessage")) == 2


def test_delete_of_a_message_older_than_48_hours_is_refused_without_calling(tg: Tg) -> None:
    post = tg.world.channel_post(tg.channel_id, "Старый пост", age_s=50 * 3600)
    tg.world.comment(tg.group_id, tg.user, "старый коммент", reply_to=post, age_s=49 * 3600)

    async def scenario(connector: TelegramConnector) -> None:
        [comment] = (await connector.fetch_new(None)).comments
        await connector.delete(comment, "del-2")

    with pytest.raises(PermanentError) as caught:
        tg.run(scenario)
    assert "48 hours" in str(caught.value)
    assert "49 hours old" in str(caught.value)
    assert tg.fake.calls_to("deleteMessage") == []


def test_delete_without_the_right_says_which_right(tg: Tg) -> None:
    tg.post_with_comment()
    tg.world.set_member(tg.group_id, tg.token, can_delete=False)

    async def scenario(connector: TelegramConnector) -> None:
        [comment] = (await connector.fetch_new(None)).comments
        await connector.delete(comment, "del-3")

    with pytest.raises(PermanentError) as caught:
        tg.run(scenario)
    message = str(caught.value)
    assert "message can't be deleted" in message
    assert "Delete messages" in message


def test_a_kicked_bot_cannot_reply(tg: Tg) -> None:
    tg.post_with_comment()

    async def scenario(connector: TelegramConnector) -> None:
        [comment] = (await connector.fetch_new(None)).comments
        tg.world.set_member(tg.group_id, tg.token, status="kicked")
        await connector.reply(comment, "ответ", "key-3")

    with pytest.raises(PermanentError) as caught:
        tg.run(scenario)
    assert "Forbidden: bot was kicked from the supergroup chat" in str(caught.value)
    assert "403" in str(caught.value)


def test_hide_unhide_and_report_are_not_supported(tg: Tg) -> None:
    tg.post_with_comment()

    async def scenario(connector: TelegramConnector) -> list[str]:
        [comment] = (await connector.fetch_new(None)).comments
        messages = []
        for action in (
            connector.hide(comment, "k"),
            connector.unhide(comment, "k"),
            connector.report(comment, "spam", "k"),
        ):
            with pytest.raises(NotSupported) as caught:
                await action
            messages.append(str(caught.value))
        return messages

    messages = tg.run(scenario)
    assert "delete it instead" in messages[0]
    assert len(tg.fake.calls) == 1  # only the fetch


def test_the_token_stays_out_of_requests_other_than_the_path(tg: Tg) -> None:
    tg.post_with_comment()
    tg.fetch()
    with httpx.Client() as client:  # the fake's own view: the token is accepted only in the path
        response = client.post(f"{tg.fake.url}/bot{tg.token}/getMe")
    assert response.json()["result"]["username"] == "moderator_test_bot"
    assert all(tg.token not in str(call.params) for call in tg.fake.calls)


def _photo() -> dict[str, object]:
    return {"file_id": "AgACAgIAAxk", "file_unique_id": "AQAD", "width": 90, "height": 90}
