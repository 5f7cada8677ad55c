"""VkConnector against the fake VK: backfill, long poll, actions, restarts — nothing missed,
nothing duplicated, nothing sent twice."""

import asyncio
from typing import Any

import httpx
import pytest

from moderator_app.connectors.base import Connector, Credentials
from moderator_app.connectors.errors import (
    AuthExpired,
    NotSupported,
    PermanentError,
    RateLimited,
    TransientError,
    UserActionRequired,
)
from moderator_app.connectors.pacing import Pacer
from moderator_app.connectors.vk import VkConnector
from moderator_app.connectors.vk.backfill import OVERLAP, PAGE_SIZE
from moderator_app.connectors.vk.longpoll import MAX_WAIT_S
from moderator_app.domain import Capability, Platform, PlatformState, RemoteComment
from tests.connectors.vk.vk_session import GROUP, Inbox, account, connector, run
from tests.servers.vk_fake import FakeVk

READER = 777
OTHER_GROUP = 2002


def world() -> tuple[FakeVk, int]:
    fake = FakeVk()
    fake.add_user(READER, "Пётр", "Иванов")
    fake.add_user(778, "Ольга", "Петрова")
    post = fake.add_post(GROUP, "Открываем летнюю веранду!\nПриходите в субботу.")
    return fake, post


def rid(comment_id: int, group_id: int = GROUP) -> str:
    return f"-{group_id}_{comment_id}"


def visible_ids(fake: FakeVk, group_id: int = GROUP) -> set[str]:
    return {rid(c.id, group_id) for c in fake.visible(group_id)}


def test_is_a_connector_with_honest_capabilities() -> None:
    fake, _ = world()

    async def scenario(client: httpx.AsyncClient) -> VkConnector:
        vk = connector(fake, client)
        with pytest.raises(NotSupported):
            await vk.delete(await _any_comment(vk, fake), "k")
        return vk

    vk = run(fake, scenario)
    assert isinstance(vk, Connector)
    assert vk.platform is Platform.VK
    assert vk.capabilities == {
        Capability.REPLY,
        Capability.HIDE,
        Capability.UNHIDE,
        Capability.REPORT,
    }


async def _any_comment(vk: VkConnector, fake: FakeVk) -> RemoteComment:
    post = fake.add_post(GROUP, "x")
    fake.add_comment(GROUP, post, READER, "x")
    inbox = Inbox()
    await inbox.sync(vk)
    return next(iter(inbox.comments.values()))


def test_first_connect_backfills_every_comment_of_the_recent_posts() -> None:
    fake, post = world()
    fake.add_post(GROUP, "Пост без комментариев")
    tops = [fake.add_comment(GROUP, post, READER, f"комментарий {n}") for n in range(130)]
    long_thread = [
        fake.add_comment(GROUP, post, 778, f"ответ {n}", reply_to=tops[3]) for n in range(14)
    ]
    fake.add_comment(GROUP, post, -GROUP, "Спасибо!", reply_to=long_thread[5])
    fake.remove_comment(GROUP, tops[7], by=READER)  # no replies: it vanishes
    fake.remove_comment(GROUP, tops[3], by=READER)  # has replies: a placeholder stays
    photo = {"type": "photo", "photo": {"id": 1, "owner_id": READER}}
    with_photo = fake.add_comment(GROUP, post, READER, "", attachments=[photo])

    async def scenario(client: httpx.AsyncClient) -> Inbox:
        inbox = Inbox()
        await inbox.sync(connector(fake, client))
        return inbox

    inbox = run(fake, scenario)
    assert set(inbox.comments) == visible_ids(fake)
    assert len(inbox.comments) == 130 - 2 + 14 + 1 + 1
    first = inbox.comments[rid(tops[0])]
    assert (first.author.name, first.author.url) == ("Пётр Иванов", "https://vk.com/id777")
    assert first.thread.title == "Открываем летнюю веранду!"
    assert first.thread.text == "Открываем летнюю веранду!\nПриходите в субботу."
    assert first.parent_remote_id is None
    reply = inbox.comments[rid(long_thread[12])]  # beyond VK's 10-reply preview
    assert reply.parent_remote_id == rid(tops[3])
    assert reply.permalink.endswith(f"?reply={long_thread[12]}&thread={tops[3]}")
    ours = next(c for c in inbox.comments.values() if c.text == "Спасибо!")
    assert ours.by_us
    assert ours.author.name == "Кофейня «Бодрость»"
    assert ours.parent_remote_id == rid(long_thread[5])
    assert inbox.comments[rid(with_photo)].extra["attachments"] == ["photo"]
    pages = fake.calls_of("wall.getComments")
    assert [p.get("offset") for p in pages if "thread_items_count" in p] == [
        "0",
        str(PAGE_SIZE - OVERLAP),
    ]
    assert all(p["post_id"] == str(post) for p in pages)  # the empty post is not read
    settings = fake.lp_settings[GROUP]
    assert settings["is_enabled"]
    assert settings["api_version"] == "5.199"
    assert all(settings["events"][e] for e in ("wall_reply_new", "wall_reply_delete"))
    assert not settings["events"]["message_new"]


def test_long_poll_brings_new_edited_removed_and_restored_comments() -> None:
    fake, post = world()

    async def scenario(client: httpx.AsyncClient) -> tuple[Inbox, list[list[str]]]:
        vk = connector(fake, client)
        inbox = Inbox()
        await inbox.sync(vk)
        rounds = []
        first = fake.add_comment(GROUP, post, READER, "Во сколько открытие?")
        second = fake.add_comment(GROUP, post, 778, "[id777|Пётр], в 10", reply_to=first)
        rounds.append([c.remote_id for c in await inbox.sync(vk)])
        fake.edit_comment(GROUP, first, "Во сколько открытие веранды?")
        fake.remove_comment(GROUP, second, by=778)
        rounds.append([c.remote_id for c in await inbox.sync(vk)])
        assert inbox.comments[rid(second)].platform_state is PlatformState.DELETED
        assert inbox.comments[rid(second)].text == "Пётр, в 10"  # the text is kept
        fake.restore_comment(GROUP, second)
        rounds.append([c.remote_id for c in await inbox.sync(vk)])
        return inbox, rounds

    inbox, rounds = run(fake, scenario)
    everyone = [rid(c.id) for c in fake.visible(GROUP)]
    assert rounds == [everyone, everyone, [everyone[1]]]
    first, second = (inbox.comments[rid(c.id)] for c in fake.visible(GROUP))
    assert first.text == "Во сколько открытие веранды?"
    assert first.edited_at is not None
    assert second.platform_state is PlatformState.VISIBLE
    assert second.parent_remote_id == first.remote_id
    assert second.author.name == "Ольга Петрова"
    assert second.thread.title == "Открываем летнюю веранду!"
    waits = [int(r["wait"]) for r in fake.lp_requests]
    assert max(waits) <= MAX_WAIT_S
    assert all(r["read_timeout"] > int(r["wait"]) for r in fake.lp_requests)


def test_moderation_round_trip_with_restart_and_captcha() -> None:
    """backfill → long poll → reply → hide → unhide → restart from the saved cursor → captcha
    → answer → success."""
    fake, post = world()
    before = fake.add_comment(GROUP, post, READER, "Было до подключения")

    async def scenario(client: httpx.AsyncClient) -> Inbox:
        vk = connector(fake, client)
        inbox = Inbox()
        await inbox.sync(vk)
        assert set(inbox.comments) == {rid(before)}
        rude = fake.add_comment(GROUP, post, 778, "Вы все дураки")
        assert [c.remote_id for c in await inbox.sync(vk)] == [rid(rude)]
        target = inbox.comments[rid(rude)]

        reply = await vk.reply(target, "Пожалуйста, без оскорблений", "mod-1")
        assert reply.by_us
        assert reply.parent_remote_id == target.remote_id
        assert reply.author.name == "Кофейня «Бодрость»"
        await vk.hide(target, "mod-2")
        assert fake.comments[(-GROUP, rude)].deleted
        got = {c.remote_id: c for c in await inbox.sync(vk)}
        assert got[reply.remote_id].text == "Пожалуйста, без оскорблений"
        assert got[target.remote_id].platform_state is PlatformState.HIDDEN  # we hid it
        await vk.unhide(target, "mod-3")
        await inbox.sync(vk)
        assert inbox.comments[target.remote_id].platform_state is PlatformState.VISIBLE

        # The app quits; comments keep coming; it starts again from the saved cursor.
        saved = inbox.cursor
        during = [fake.add_comment(GROUP, post, READER, f"пока вас не было {n}") for n in range(3)]
        delivered_before = len(inbox.delivered)
        restarted = connector(fake, client)
        assert inbox.cursor == saved
        await inbox.sync(restarted)
        assert inbox.delivered[delivered_before:] == [rid(c) for c in during]

        fake.require_captcha("wall.createComment")
        question = inbox.comments[rid(during[0])]
        with pytest.raises(UserActionRequired) as first_try:
            await restarted.reply(question, "Ответ", "mod-4")
        assert first_try.value.kind == "captcha"
        assert first_try.value.url.startswith("https://api.vk.com/captcha.php?sid=")
        with pytest.raises(UserActionRequired) as second_try:  # no answer yet: asked again
            await restarted.reply(question, "Ответ", "mod-4")
        sid = second_try.value.data["captcha_sid"]
        restarted.answer_captcha(sid, fake.captcha_answers[sid])
        answered = await restarted.reply(question, "Ответ", "mod-4")
        assert fake.calls_of("wall.createComment")[-1]["captcha_sid"] == sid
        await inbox.sync(restarted)
        assert answered.remote_id in inbox.comments
        return inbox

    inbox = run(fake, scenario)
    assert set(inbox.comments) == visible_ids(fake)
    assert [c.text for c in fake.visible(GROUP)].count("Ответ") == 1
    assert [c.text for c in fake.visible(GROUP)].count("Пожалуйста, без оскорблений") == 1
    new_comment_events = [r for r in inbox.delivered if inbox.delivered.count(r) > 1]
    # repeats are only state changes of the hidden/unhidden comment
    assert set(new_comment_events) == {rid(c.id) for c in fake.visible(GROUP) if c.from_id == 778}


def test_a_lost_reply_answer_is_resent_without_a_second_comment() -> None:
    fake, post = world()
    question = fake.add_comment(GROUP, post, READER, "Есть парковка?")

    async def scenario(client: httpx.AsyncClient) -> None:
        vk = connector(fake, client)
        inbox = Inbox()
        await inbox.sync(vk)
        target = inbox.comments[rid(question)]
        fake.inject("wall.createComment", "timeout_after")
        with pytest.raises(TransientError, match="timed out"):
            await vk.reply(target, "Да, во дворе", "mod-9")
        first = await vk.reply(target, "Да, во дворе", "mod-9")
        again = await vk.reply(target, "Да, во дворе", "mod-9")
        assert first.remote_id == again.remote_id
        fake.inject("wall.deleteComment", "timeout_after")
        with pytest.raises(TransientError, match="timed out"):
            await vk.hide(target, "mod-10")
        await vk.hide(target, "mod-10")  # VK says "not found": already done
        await vk.unhide(target, "mod-11")
        await vk.unhide(target, "mod-11")  # 243 "not deleted": already done

    run(fake, scenario)
    assert [c.text for c in fake.visible(GROUP)] == ["Есть парковка?", "Да, во дворе"]
    assert [name for name, _ in fake.calls].count("wall.createComment") == 3


def test_report_maps_reasons_to_vk_numbers() -> None:
    fake, post = world()
    spam = fake.add_comment(GROUP, post, READER, "Купи дёшево")

    async def scenario(client: httpx.AsyncClient) -> None:
        vk = connector(fake, client)
        inbox = Inbox()
        await inbox.sync(vk)
        target = inbox.comments[rid(spam)]
        for reason in ("spam", "Extremism", "8", "99", "что-то ещё", ""):
            await vk.report(target, reason, "k")

    run(fake, scenario)
    assert [r[2] for r in fake.reports] == [0, 2, 8, 6, 6, 6]


def test_expired_key_is_renewed_without_a_backfill() -> None:
    fake, post = world()

    async def scenario(client: httpx.AsyncClient) -> Inbox:
        vk = connector(fake, client)
        inbox = Inbox()
        await inbox.sync(vk)
        fake.add_comment(GROUP, post, READER, "до")
        fake.expire_keys()
        fake.add_comment(GROUP, post, READER, "после")
        await inbox.sync(vk)
        return inbox

    inbox = run(fake, scenario)
    assert set(inbox.comments) == visible_ids(fake)
    assert len(fake.calls_of("wall.get")) == 1
    assert len(fake.calls_of("groups.getLongPollServer")) == 2


@pytest.mark.parametrize("loss", ["failed1", "failed3"])
def test_lost_history_is_backfilled(loss: str) -> None:
    fake, post = world()

    async def scenario(client: httpx.AsyncClient) -> tuple[Inbox, list[str]]:
        vk = connector(fake, client)
        inbox = Inbox()
        await inbox.sync(vk)
        fake.add_comment(GROUP, post, READER, "успели прочитать")
        await inbox.sync(vk)
        missed = fake.add_comment(GROUP, post, READER, "пропало из истории")
        if loss == "failed1":
            fake.forget_history(GROUP)
        else:
            fake.lose_history(GROUP)
        got = [c.remote_id for c in await inbox.sync(vk)]
        after = fake.add_comment(GROUP, post, READER, "после восстановления")
        got += [c.remote_id for c in await inbox.sync(vk)]
        assert rid(missed) in got
        assert rid(after) in got
        return inbox, got

    inbox, _ = run(fake, scenario)
    assert set(inbox.comments) == visible_ids(fake)
    assert len(fake.calls_of("wall.get")) == 2


def test_rate_limits_and_network_faults_lose_nothing() -> None:
    fake, post = world()
    for n in range(120):
        fake.add_comment(GROUP, post, READER, f"старый {n}")
    backfill_faults = [("error", 6), ("malformed", 0), ("http", 502), ("error", 29)]
    stream_faults = [
        ("longpoll", "timeout", 0),
        ("longpoll", "malformed", 0),
        ("users.get", "error", 10),
        ("longpoll", "http", 503),
        ("wall.getById", "timeout", 0),
    ]

    async def until_done(inbox: Inbox, vk: VkConnector, errors: list[Exception]) -> None:
        for _ in range(10):
            try:
                await inbox.sync(vk)
                return
            except Exception as exc:
                errors.append(exc)
        raise AssertionError("never recovered")

    async def scenario(client: httpx.AsyncClient) -> tuple[Inbox, list[Exception]]:
        vk = connector(fake, client)
        inbox = Inbox()
        errors: list[Exception] = []
        for kind, code in backfill_faults:
            fake.inject("wall.getComments", kind, code=code)
        await until_done(inbox, vk, errors)
        for n, (target, kind, code) in enumerate(stream_faults):
            fake.add_user(900 + n, "Новый", f"Читатель{n}")
            fake.add_comment(GROUP, post, 900 + n, f"от нового читателя {n}")
            fake.add_comment(GROUP, fake.add_post(GROUP, f"пост {n}"), READER, f"новый {n}")
            fake.inject(target, kind, code=code)
            await until_done(inbox, connector(fake, client) if n == 4 else vk, errors)
        return inbox, errors

    inbox, errors = run(fake, scenario)
    assert set(inbox.comments) == visible_ids(fake)
    assert len(inbox.comments) == 120 + 2 * len(stream_faults)
    assert all(not f.times for f in fake.faults)
    assert len(errors) == len(backfill_faults) + len(stream_faults)
    kinds = [type(e).__name__ for e in errors]
    assert kinds == [
        "RateLimited",
        "MalformedPayload",
        "TransientError",
        "RateLimited",
        "TransientError",
        "MalformedPayload",
        "TransientError",
        "TransientError",
        "TransientError",
    ]
    assert [getattr(e, "retry_after", None) for e in errors[:4:3]] == [1.0, 3600.0]


def test_a_token_revoked_mid_run_needs_sign_in_and_loses_nothing() -> None:
    fake, post = world()
    fake.add_comment(GROUP, post, READER, "первый")

    async def scenario(client: httpx.AsyncClient) -> Inbox:
        inbox = Inbox()
        await inbox.sync(connector(fake, client))
        fake.revoke(fake.token)
        fake.add_comment(GROUP, post, READER, "пока токен не работал")
        fresh = "vk1.a.new-token-after-sign-in-000000"
        fake.tokens[fresh] = fake.admin_id
        with pytest.raises(AuthExpired) as expired:
            await inbox.sync(connector(fake, client))  # a restart: a new key is needed
        assert fake.token not in str(expired.value)
        await inbox.sync(connector(fake, client, token=fresh))
        return inbox

    inbox = run(fake, scenario)
    assert set(inbox.comments) == visible_ids(fake)


def test_a_removal_after_a_restart_changes_only_the_state() -> None:
    fake, post = world()
    kept = fake.add_comment(GROUP, post, READER, "Грубость")
    by_author = fake.add_comment(GROUP, post, READER, "Передумал")

    async def scenario(client: httpx.AsyncClient) -> Inbox:
        inbox = Inbox()
        await inbox.sync(connector(fake, client))
        restarted = connector(fake, client)
        fake.remove_comment(GROUP, kept, by=fake.admin_id)  # our hide: the outbox knows it
        fake.remove_comment(GROUP, by_author, by=READER)
        got = await inbox.sync(restarted)
        assert [c.remote_id for c in got] == [rid(by_author)]
        assert got[0].state_only is True
        return inbox

    inbox = run(fake, scenario)
    assert inbox.comments[rid(kept)].text == "Грубость"
    assert inbox.comments[rid(by_author)].platform_state is PlatformState.DELETED
    assert inbox.comments[rid(by_author)].text == "Передумал"
    assert inbox.comments[rid(by_author)].author.name == "Пётр Иванов"


def test_several_communities_in_one_account() -> None:
    fake, post = world()
    fake.add_group(OTHER_GROUP, "Книжный клуб", "bookclub")
    other_post = fake.add_post(OTHER_GROUP, "Что читаем в декабре?")
    fake.add_comment(OTHER_GROUP, other_post, READER, "Булгакова")
    fake.add_comment(GROUP, post, READER, "Кофе вкусный")

    async def scenario(client: httpx.AsyncClient) -> Inbox:
        vk = connector(fake, client, watch=[str(GROUP), f"club{OTHER_GROUP}"])
        inbox = Inbox()
        await inbox.sync(vk)
        fake.add_comment(OTHER_GROUP, other_post, 778, "Чехова")
        fake.add_comment(GROUP, post, 778, "И круассаны")
        fake.lp_requests.clear()
        await inbox.sync(vk)
        return inbox

    inbox = run(fake, scenario)
    assert set(inbox.comments) == visible_ids(fake) | visible_ids(fake, OTHER_GROUP)
    waited = [int(r["wait"]) for r in fake.lp_requests]
    assert waited.count(0) >= len(waited) - 1  # at most one request per round waits


def test_existing_long_poll_settings_keep_their_version() -> None:
    fake, _post = world()
    settings = fake.lp_settings[GROUP]
    settings["is_enabled"] = True
    settings["events"]["message_new"] = 1  # a chat bot of the community uses the stream
    settings["events"]["wall_reply_new"] = 1

    async def scenario(client: httpx.AsyncClient) -> None:
        await Inbox().sync(connector(fake, client))

    run(fake, scenario)
    assert settings["api_version"] == "5.131"
    assert settings["events"]["message_new"] == 1
    assert all(settings["events"][e] for e in ("wall_reply_edit", "wall_reply_restore"))
    (change,) = fake.calls_of("groups.setLongPollSettings")
    assert "api_version" not in change
    assert "message_new" not in change


def test_an_unusable_cursor_starts_over_without_losing_anything() -> None:
    fake, post = world()
    fake.add_comment(GROUP, post, READER, "текст")

    async def scenario(client: httpx.AsyncClient) -> Inbox:
        inbox = Inbox(cursor='{"v": 1, "groups": {"1001": {"ts": 5, "queue": "x"}}}')
        await inbox.sync(connector(fake, client))
        return inbox

    assert set(run(fake, scenario).comments) == visible_ids(fake)


def test_default_pacing_stays_under_three_requests_a_second() -> None:
    fake, post = world()
    fake.add_comment(GROUP, post, READER, "текст")
    fake.rate_limit_per_s = 3

    async def paced(client: httpx.AsyncClient) -> None:
        vk = VkConnector(account(fake), _credentials(fake), client)  # the default pacer
        await Inbox().sync(vk)

    run(fake, paced)
    assert len(fake.calls) >= 5

    async def unpaced(client: httpx.AsyncClient) -> None:
        await Inbox().sync(connector(fake, client))

    with pytest.raises(RateLimited, match="slow down"):
        run(fake, unpaced)


def _credentials(fake: FakeVk) -> Credentials:
    return Credentials(token=fake.token)


def test_missing_or_bad_community_settings_are_permanent() -> None:
    fake, _ = world()

    async def build(client: httpx.AsyncClient) -> None:
        bad: list[dict[str, Any]] = [{"watch": []}, {"watch": ["bookclub"]}, {"watch": None}]
        for settings in bad:
            with pytest.raises(PermanentError):
                VkConnector(account(fake, **settings), _credentials(fake), client, pacer=Pacer(0))
        VkConnector(account(fake, watch=None, group_id=GROUP), _credentials(fake), client)

    run(fake, build)


def test_a_post_vk_refuses_is_skipped_and_small_posts_share_a_page() -> None:
    fake, post = world()
    fake.add_comment(GROUP, post, READER, "к первому посту")
    for n in range(18):
        fake.add_comment(GROUP, fake.add_post(GROUP, f"пост {n}"), READER, f"к посту {n}")
    closed = fake.add_comment(GROUP, fake.add_post(GROUP, "закрытый"), READER, "не прочесть")
    # wall.get lists the newest post first: the closed one is read first and refused
    fake.inject("wall.getComments", code=212, error_msg="Access to post comments denied")

    async def scenario(client: httpx.AsyncClient) -> Inbox:
        inbox = Inbox()
        await inbox.sync(connector(fake, client))
        return inbox

    inbox = run(fake, scenario)
    assert set(inbox.comments) == visible_ids(fake) - {rid(closed)}
    assert inbox.pages <= 1 + 20 // 5 + 1


def test_an_author_vk_will_not_name_does_not_stop_the_stream() -> None:
    fake, post = world()

    async def scenario(client: httpx.AsyncClient) -> Inbox:
        vk = connector(fake, client)
        inbox = Inbox()
        await inbox.sync(vk)
        fake.add_user(4242, "Скрытый", "Пользователь")
        fake.add_comment(GROUP, post, 4242, "привет")
        fake.inject("users.get", code=30, error_msg="This profile is private")
        await inbox.sync(vk)
        return inbox

    (comment,) = run(fake, scenario).comments.values()
    assert (comment.text, comment.author.name) == ("привет", "id4242")


def test_comments_removed_between_two_pages_do_not_hide_the_next_ones() -> None:
    """Offsets shift left when a comment before them is removed; the pages' overlap keeps
    the comments that slide across the page boundary."""
    fake, post = world()
    tops = [fake.add_comment(GROUP, post, READER, f"№{n}") for n in range(150)]
    pages_read = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal pages_read
        response = fake(request)
        if request.url.path.endswith("/wall.getComments"):
            pages_read += 1
            if pages_read == 1:
                for gone in tops[10:15]:
                    fake.remove_comment(GROUP, gone, by=READER)
        return response

    async def scenario() -> Inbox:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            inbox = Inbox()
            await inbox.sync(connector(fake, client))
            return inbox

    inbox = asyncio.run(scenario())
    assert {rid(t) for t in tops[95:105]} <= set(inbox.comments)
    assert set(inbox.comments) >= visible_ids(fake)


def test_exactly_one_full_page_needs_no_second_read() -> None:
    fake, post = world()
    for n in range(PAGE_SIZE):
        fake.add_comment(GROUP, post, READER, f"№{n}")

    async def scenario(client: httpx.AsyncClient) -> Inbox:
        inbox = Inbox()
        await inbox.sync(connector(fake, client))
        return inbox

    assert len(run(fake, scenario).comments) == PAGE_SIZE
    assert len(fake.calls_of("wall.getComments")) == 1
