"""Incremental fetch against the fake: new threads, replies, edits, paging, equal timestamps,
restarts, the held-for-review queue and what it costs in quota."""

from datetime import UTC, datetime, timedelta

from moderator_app.connectors.youtube import YouTubeConnector
from moderator_app.connectors.youtube.cursor import SyncState
from moderator_app.domain import PlatformState, RemoteComment
from tests.connectors.youtube.session import (
    Clock,
    Session,
    ids,
    signed_in,
    sync_all,
    youtube_account,
)
from tests.servers.youtube_fake import YouTubeFake
from tests.servers.youtube_fake_world import OWNER_CHANNEL, World

BASE = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)


def _threads(
    world: World, video: str, count: int, *, start: datetime = BASE, step_s: float = 1
) -> list[str]:
    """`count` top-level comments, `step_s` apart, the last one newest."""
    return [
        world.add_comment(
            video, f"комментарий {i}", published=start + timedelta(seconds=i * step_s)
        ).id
        for i in range(count)
    ]


def test_first_sync_returns_threads_replies_and_context(
    fake: YouTubeFake, session: Session
) -> None:
    world = fake.world
    video = world.add_video("Обзор телефона", "Что думаете?")
    top = world.add_comment(video, "Где купить?\nИ почём <b>тег</b> & co", published=BASE)
    replies = [
        world.add_reply(top.id, f"ответ {i}", published=BASE + timedelta(minutes=i + 1))
        for i in range(8)
    ]
    own = world.add_reply(
        top.id, "Спасибо!", author="Канал", author_channel=OWNER_CHANNEL, published=BASE
    )

    comments, cursor = session(sync_all)

    assert cursor is not None
    assert ids(comments) == [top.id, own.id, *(r.id for r in replies)]  # parent first
    first = comments[0]
    assert first.text == "Где купить?\nИ почём <b>тег</b> & co"  # textOriginal, verbatim
    assert first.thread.title == "Обзор телефона"
    assert first.thread.text == "Что думаете?"
    assert first.thread.url == f"https://www.youtube.com/watch?v={video}"
    assert first.permalink == f"https://www.youtube.com/watch?v={video}&lc={top.id}"
    assert first.created_at == BASE
    assert all(c.parent_remote_id == top.id for c in comments[1:])
    assert [c.by_us for c in comments[:2]] == [False, True]
    assert all(c.platform_state is PlatformState.VISIBLE for c in comments)
    # 8 replies: more than the listing carries, so comments.list was asked
    assert len(fake.calls("/comments", "GET")) == 1
    assert len(fake.calls("/videos")) == 1


def test_nothing_new_costs_one_unit_and_returns_nothing(
    fake: YouTubeFake, session: Session
) -> None:
    world = fake.world
    video = world.add_video("v")
    _threads(world, video, 3)

    async def scenario(connector: YouTubeConnector) -> tuple[int, list[RemoteComment]]:
        _, cursor = await sync_all(connector)
        before = connector.units_spent
        again, _ = await sync_all(connector, cursor)
        return connector.units_spent - before, again

    spent, again = session(scenario)
    assert (spent, again) == (1, [])


def test_new_comments_replies_and_edits_come_back(fake: YouTubeFake, session: Session) -> None:
    world = fake.world
    video = world.add_video("v")
    [old, busy] = _threads(world, video, 2)
    for i in range(5):
        world.add_reply(busy, f"r{i}", published=BASE + timedelta(minutes=i))

    async def scenario(connector: YouTubeConnector) -> list[list[RemoteComment]]:
        rounds = []
        _, cursor = await sync_all(connector)
        fresh = world.add_comment(video, "новый")
        rounds.append((await sync_all(connector, cursor))[0])
        _, cursor = await sync_all(connector, cursor)
        world.add_reply(old, "ответ на старый")
        world.add_reply(busy, "шестой ответ")  # now more than the listing shows
        rounds.append((await sync_all(connector, cursor))[0])
        _, cursor = await sync_all(connector, cursor)
        world.edit(fresh.id, "новый (исправлено)", fresh.published + timedelta(seconds=30))
        rounds.append((await sync_all(connector, cursor))[0])
        return rounds

    new, replies, edited = session(scenario)
    assert [c.text for c in new] == ["новый"]
    by_text = {c.text: c for c in replies}
    assert "ответ на старый" in by_text
    assert "шестой ответ" in by_text
    assert by_text["шестой ответ"].parent_remote_id == busy
    assert {c.remote_id for c in replies} >= {old, busy}  # each changed thread comes whole
    [changed] = [c for c in edited if c.parent_remote_id is None]
    assert changed.text == "новый (исправлено)"
    assert changed.edited_at is not None


def test_paging_with_equal_timestamps_misses_nothing(fake: YouTubeFake, session: Session) -> None:
    """150 threads in the same second, then 120 more in that very second: page boundaries and
    the watermark all fall inside one timestamp."""
    world = fake.world
    video = world.add_video("v")
    moment = BASE
    first = {world.add_comment(video, f"a{i}", published=moment).id for i in range(150)}

    async def scenario(connector: YouTubeConnector) -> tuple[list[str], list[str], list[bool]]:
        got, cursor = await sync_all(connector)
        second = {world.add_comment(video, f"b{i}", published=moment).id for i in range(120)}
        steps = []
        later: list[str] = []
        while True:
            result = await connector.fetch_new(cursor)
            later += ids(result.comments)
            cursor = result.cursor
            steps.append(result.more)
            if not result.more:
                break
        assert set(later) == second
        return ids(got), later, steps

    got, later, steps = session(scenario)
    assert set(got) == first
    assert len(got) == len(set(got)) == 150
    assert len(later) == len(set(later)) == 120
    assert steps == [True, True, False]  # 270 threads: three pages


def test_a_crash_mid_scan_resumes_from_the_stored_cursor(
    fake: YouTubeFake, session: Session
) -> None:
    world = fake.world
    video = world.add_video("v")
    all_ids = set(_threads(world, video, 250))

    first = session(lambda c: c.fetch_new(None))
    assert first.more
    assert len(first.comments) == 100
    # the app dies here; a new connector (new process) continues from the stored cursor
    rest, cursor = session(lambda c: sync_all(c, first.cursor))
    assert set(ids(first.comments)) | set(ids(rest)) == all_ids
    assert not set(ids(first.comments)) & set(ids(rest))
    assert session(lambda c: sync_all(c, cursor))[0] == []


def test_a_stale_page_token_restarts_the_scan_without_losing_anything(
    fake: YouTubeFake, session: Session
) -> None:
    world = fake.world
    video = world.add_video("v")
    all_ids = set(_threads(world, video, 230))
    first = session(lambda c: c.fetch_new(None))
    fake.stale_page_tokens()  # e.g. the app was closed for days
    rest, _ = session(lambda c: sync_all(c, first.cursor))
    assert set(ids(first.comments)) | set(ids(rest)) == all_ids
    assert [c.status for c in fake.calls("/commentThreads")].count(400) == 1


def test_more_new_threads_than_a_page_and_a_late_indexed_one(
    fake: YouTubeFake, session: Session
) -> None:
    world = fake.world
    video = world.add_video("v")
    _threads(world, video, 10)

    async def scenario(connector: YouTubeConnector) -> list[str]:
        _, cursor = await sync_all(connector)
        newest = BASE + timedelta(seconds=9)
        late = world.add_comment(video, "поздно", published=newest - timedelta(minutes=5))
        burst = _threads(world, video, 150, start=newest + timedelta(minutes=1))
        got, _ = await sync_all(connector, cursor)
        assert set(ids(got)) == {late.id, *burst}
        return ids(got)

    assert len(session(scenario)) == 151


def test_a_reply_to_an_older_thread_is_found_by_the_sweep(fake: YouTubeFake) -> None:
    world = fake.world
    video = world.add_video("v")
    # a minute apart: older threads are well outside the overlap an ordinary poll re-reads
    threads = _threads(world, video, 250, start=BASE - timedelta(hours=5), step_s=60)
    clock = Clock()

    session = Session(fake, youtube_account(fake, sweep_every_s=1800), signed_in(fake))

    async def scenario(connector: YouTubeConnector) -> tuple[list[str], list[str]]:
        _, cursor = await sync_all(connector)
        reply = world.add_reply(threads[60], "ответ в глубине")  # on page 2 of the listing
        quiet, cursor = await sync_all(connector, cursor)
        clock.advance(minutes=31)
        swept, _ = await sync_all(connector, cursor)
        assert reply.id in ids(swept)
        return ids(quiet), ids(swept)

    quiet, swept = session(scenario, clock=clock)
    assert quiet == []  # an ordinary poll reads only the first page
    assert set(swept) == {threads[60], *[c.id for c in world.replies_of(threads[60])]}


def test_held_for_review_queue(fake: YouTubeFake, session: Session) -> None:
    world = fake.world
    video = world.add_video("v")
    visible = world.add_comment(video, "обычный", published=BASE)
    held_top = world.add_comment(video, "спам?", status="heldForReview", published=BASE)
    held_reply = world.add_reply(visible.id, "грубость", status="heldForReview")
    clock = Clock()

    async def scenario(connector: YouTubeConnector) -> list[list[RemoteComment]]:
        rounds = []
        got, cursor = await sync_all(connector)
        rounds.append(got)
        got, cursor = await sync_all(connector, cursor)  # queue not due again yet
        rounds.append(got)
        clock.advance(minutes=6)
        got, cursor = await sync_all(connector, cursor)  # due, nothing new in it
        rounds.append(got)
        world.add_comment(video, "ещё спам", status="likelySpam")
        world.add_comment(video, "на проверке", status="heldForReview")
        clock.advance(minutes=6)
        got, cursor = await sync_all(connector, cursor)
        rounds.append(got)
        return rounds

    first, second, third, fourth = session(scenario, clock=clock)
    states = {c.remote_id: c.platform_state for c in first}
    assert states[visible.id] is PlatformState.VISIBLE
    assert states[held_top.id] is PlatformState.HELD
    assert states[held_reply.id] is PlatformState.HELD
    assert (second, third) == ([], [])
    assert [c.text for c in fourth] == ["на проверке"]  # likelySpam is another queue
    assert all(c.platform_state is PlatformState.HELD for c in fourth)
    held_lists = [c for c in fake.calls("/commentThreads") if "moderationStatus" in c.params]
    assert len(held_lists) == 3


def test_first_sync_backfill_window(fake: YouTubeFake) -> None:
    world = fake.world
    video = world.add_video("v")
    old = world.add_comment(video, "давно", published=BASE - timedelta(days=5))
    recent = world.add_comment(video, "недавно", published=BASE)
    session = Session(fake, youtube_account(fake, backfill_days=1), signed_in(fake))

    async def scenario(connector: YouTubeConnector) -> tuple[list[str], list[str]]:
        got, cursor = await sync_all(connector)
        world.add_reply(old.id, "оживили старую ветку")
        later, _ = await sync_all(connector, cursor)
        return ids(got), [c.text for c in later]

    got, later = session(scenario)
    assert got == [recent.id]
    assert "оживили старую ветку" in later


def test_an_unreadable_cursor_starts_over(fake: YouTubeFake, session: Session) -> None:
    world = fake.world
    video = world.add_video("v")
    _threads(world, video, 3)
    comments, cursor = session(lambda c: sync_all(c, "{not json"))
    assert len(comments) == 3
    assert SyncState.decode(cursor).threads
    assert SyncState.decode('{"v": 99}').threads == {}


def test_the_cursor_stays_small(fake: YouTubeFake, session: Session) -> None:
    world = fake.world
    video = world.add_video("v")
    _threads(world, video, 900)
    _, cursor = session(sync_all)
    assert cursor is not None
    assert len(SyncState.decode(cursor).threads) == 400
    assert len(cursor) < 40_000


def test_a_held_comment_approved_elsewhere_comes_back_visible(
    fake: YouTubeFake, session: Session
) -> None:
    world = fake.world
    held = world.add_comment(world.add_video("v"), "на проверке", status="heldForReview")

    async def scenario(connector: YouTubeConnector) -> tuple[RemoteComment, RemoteComment]:
        [first], cursor = await sync_all(connector)
        world.set_status([held.id], "published", ban=False)  # approved in YouTube Studio
        [again], _ = await sync_all(connector, cursor)
        return first, again

    first, again = session(scenario)
    assert first.platform_state is PlatformState.HELD
    assert again.remote_id == held.id
    assert again.platform_state is PlatformState.VISIBLE


def test_html_only_text_is_turned_into_plain_text() -> None:
    from moderator_app.connectors.youtube.text import comment_text, html_to_text

    html = 'Смотри <a href="http://x">тут</a><br>и &quot;там&quot; &amp; <b>везде</b>'
    assert html_to_text(html) == 'Смотри тут\nи "там" & везде'
    assert comment_text(None, html) == 'Смотри тут\nи "там" & везде'
    assert comment_text("a <b> c", html) == "a <b> c"  # the author's own text, verbatim
    assert html_to_text("<script>alert(1)</script>ok") == "alert(1)ok"


def test_settings_are_read_defensively() -> None:
    from moderator_app.connectors.youtube.fetch import SyncSettings

    settings = SyncSettings.from_settings(
        "UC1",
        {"backfill_days": "2", "held_every_s": -5, "sweep_pages": "many", "track_limit": 1e400},
    )
    assert settings.backfill_days == 2.0
    assert settings.held_every_s == 300.0
    assert settings.sweep_pages == 3
    assert settings.track_limit == 400
