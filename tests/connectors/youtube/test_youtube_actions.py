"""Replies and moderation against the fake: fetch → reply → hide → unhide → delete, and
never sending a reply twice when an answer is lost."""

import asyncio

import pytest

from moderator_app.connectors.base import Connector
from moderator_app.connectors.errors import NotSupported, PermanentError, TransientError
from moderator_app.connectors.youtube import YouTubeConnector
from moderator_app.domain import Capability, Platform, RemoteComment
from tests.connectors.youtube.session import Session, sync_all
from tests.servers.youtube_fake import YouTubeFake
from tests.servers.youtube_fake_world import OWNER_CHANNEL


async def _by_text(connector: YouTubeConnector) -> dict[str, RemoteComment]:
    comments, _ = await sync_all(connector)
    return {c.text: c for c in comments}


def test_is_a_connector(session: Session) -> None:
    async def scenario(connector: YouTubeConnector) -> YouTubeConnector:
        return connector

    connector = session(scenario)
    assert isinstance(connector, Connector)
    assert connector.platform is Platform.YOUTUBE
    assert connector.capabilities == {
        Capability.REPLY,
        Capability.HIDE,
        Capability.UNHIDE,
        Capability.DELETE,
        Capability.BAN_AUTHOR,
    }


def test_fetch_reply_hide_unhide_delete(fake: YouTubeFake, session: Session) -> None:
    world = fake.world
    video = world.add_video("Стрим")
    top = world.add_comment(video, "Когда следующий стрим?")
    world.add_reply(top.id, "Тоже интересно", author="Другой")

    async def scenario(connector: YouTubeConnector) -> tuple[RemoteComment, RemoteComment]:
        found = await _by_text(connector)
        to_top = await connector.reply(found["Когда следующий стрим?"], "В пятницу!", "key-1")
        to_reply = await connector.reply(found["Тоже интересно"], "И вам привет", "key-2")
        target = found["Тоже интересно"]
        await connector.hide(target, "key-3")
        assert world.comments[target.remote_id].status == "heldForReview"
        await connector.unhide(target, "key-4")
        assert world.comments[target.remote_id].status == "published"
        await connector.delete(target, "key-5")
        assert world.comments[target.remote_id].status == "rejected"
        return to_top, to_reply

    to_top, to_reply = session(scenario)
    for created in (to_top, to_reply):
        stored = world.comments[created.remote_id]
        assert stored.parent_id == top.id  # YouTube threads are one level deep
        assert stored.author_channel == OWNER_CHANNEL
        assert created.parent_remote_id == top.id
        assert created.by_us
        assert created.thread.title == "Стрим"
        assert created.permalink.endswith(f"&lc={created.remote_id}")
    assert [world.comments[c.remote_id].text for c in (to_top, to_reply)] == [
        "В пятницу!",
        "И вам привет",
    ]
    inserts = fake.calls("/comments", "POST")
    assert [c.body["snippet"]["parentId"] for c in inserts] == [top.id, top.id]
    moderation = [c.params for c in fake.calls("/comments/setModerationStatus")]
    assert [p["moderationStatus"] for p in moderation] == ["heldForReview", "published", "rejected"]
    assert all("banAuthor" not in p for p in moderation)


def test_a_lost_reply_answer_is_not_sent_twice(fake: YouTubeFake, session: Session) -> None:
    world = fake.world
    top = world.add_comment(world.add_video("v"), "вопрос")

    async def scenario(connector: YouTubeConnector) -> RemoteComment:
        found = await _by_text(connector)
        fake.fault("/comments", "drop", method="POST")  # carried out, answer lost
        with pytest.raises(TransientError):
            await connector.reply(found["вопрос"], "ответ", "key-1")
        return await connector.reply(found["вопрос"], "ответ", "key-1")

    created = session(scenario)
    ours = [c for c in world.replies_of(top.id) if c.author_channel == OWNER_CHANNEL]
    assert [c.id for c in ours] == [created.remote_id]
    assert len(fake.calls("/comments", "POST")) == 1


def test_a_timed_out_reply_is_not_sent_twice(fake: YouTubeFake, session: Session) -> None:
    fake.slow_s = 0.8
    world = fake.world
    top = world.add_comment(world.add_video("v"), "вопрос")

    async def scenario(connector: YouTubeConnector) -> RemoteComment:
        found = await _by_text(connector)
        fake.fault("/comments", "slow", method="POST")
        with pytest.raises(TransientError, match="timed out"):
            await connector.reply(found["вопрос"], "ответ", "key-1")
        await asyncio.sleep(0.8)  # the outbox backs off; meanwhile YouTube did the insert
        return await connector.reply(found["вопрос"], "ответ", "key-1")

    created = session(scenario, timeout=0.4)
    ours = [c for c in world.replies_of(top.id) if c.author_channel == OWNER_CHANNEL]
    assert [c.id for c in ours] == [created.remote_id]


def test_the_same_text_twice_on_purpose_is_posted_twice(
    fake: YouTubeFake, session: Session
) -> None:
    world = fake.world
    top = world.add_comment(world.add_video("v"), "вопрос")
    first = world.add_reply(top.id, "спасибо за видео", author="Аня")
    second = world.add_reply(top.id, "отличное видео", author="Боря")

    async def scenario(connector: YouTubeConnector) -> None:
        found = await _by_text(connector)
        await connector.reply(found[first.text], "Спасибо!", "key-a")
        await connector.reply(found[second.text], "Спасибо!", "key-b")

    session(scenario)
    ours = [c for c in world.replies_of(top.id) if c.author_channel == OWNER_CHANNEL]
    assert [c.text for c in ours] == ["Спасибо!", "Спасибо!"]


def test_a_retried_removal_that_went_through_counts_as_done(
    fake: YouTubeFake, session: Session
) -> None:
    world = fake.world
    top = world.add_comment(world.add_video("v"), "гадость")

    async def scenario(connector: YouTubeConnector) -> None:
        found = await _by_text(connector)
        fake.fault("/comments/setModerationStatus", "drop")
        with pytest.raises(TransientError):
            await connector.delete(found["гадость"], "key-1")
        await connector.delete(found["гадость"], "key-1")  # YouTube: "forbidden" — it's gone
        with pytest.raises(PermanentError):  # but a new removal of a removed comment fails
            await connector.delete(found["гадость"], "key-2")
        with pytest.raises(PermanentError):  # and rejected is final
            await connector.unhide(found["гадость"], "key-3")

    session(scenario)
    assert world.comments[top.id].status == "rejected"


def test_ban_author_rejects_and_bans(fake: YouTubeFake, session: Session) -> None:
    world = fake.world
    video = world.add_video("v")
    world.add_comment(video, "реклама казино", author="Спамер", author_channel="UCspam")

    async def scenario(connector: YouTubeConnector) -> None:
        found = await _by_text(connector)
        await connector.ban_author(found["реклама казино"], "key-1")

    session(scenario)
    [call] = fake.calls("/comments/setModerationStatus")
    assert (call.params["moderationStatus"], call.params["banAuthor"]) == ("rejected", "true")
    assert world.add_comment(video, "снова я", author_channel="UCspam").status == "rejected"


def test_what_youtube_cannot_do(fake: YouTubeFake, session: Session) -> None:
    world = fake.world
    world.add_comment(world.add_video("v", comments_disabled=True), "старый")

    async def scenario(connector: YouTubeConnector) -> None:
        found = await _by_text(connector)
        with pytest.raises(NotSupported):
            await connector.report(found["старый"], "spam", "key-1")
        with pytest.raises(PermanentError, match="commentsDisabled"):
            await connector.reply(found["старый"], "ответ", "key-2")
        with pytest.raises(PermanentError, match="needs some text"):
            await connector.reply(found["старый"], "  ", "key-3")

    session(scenario)
    assert fake.calls("/comments", "POST")[0].status == 403
