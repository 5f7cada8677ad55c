"""WordPressConnector against the in-memory fake (recorded payloads): sync, cursor, actions."""

import asyncio
import json
from dataclasses import replace

import httpx
import pytest

from moderator_app.connectors.base import Connector, Credentials
from moderator_app.connectors.errors import AuthExpired, PermanentError
from moderator_app.connectors.pacing import Pacer
from moderator_app.connectors.wordpress import WordPressConnector
from moderator_app.connectors.wordpress.cursor import SyncCursor
from moderator_app.connectors.wordpress.replies import agent_for
from moderator_app.domain import Account, Capability, Platform, PlatformState, ThreadRef
from tests.connectors.wordpress.fake_site import SITE, USER_ID, FakeWordPress, recorded
from tests.connectors.wordpress.session import Clock, Inbox, make_connector, run


@pytest.fixture
def fake() -> FakeWordPress:
    site = FakeWordPress()
    site.add("Отличная коллекция!", comment_id=10, author_name="Мария")
    site.add("Ты идиот", comment_id=11, parent=10, status="hold", author_name="Тролль")
    site.add('Купите <a href="http://spam.example/">часы</a>', comment_id=12, status="spam")
    site.add("old", comment_id=13, status="trash")
    return site


def test_is_a_connector(fake: FakeWordPress) -> None:
    async def scenario(connector: WordPressConnector) -> WordPressConnector:
        return connector

    connector = run(fake, scenario)
    assert isinstance(connector, Connector)
    assert connector.platform is Platform.WORDPRESS
    assert connector.capabilities == {
        Capability.REPLY,
        Capability.HIDE,
        Capability.UNHIDE,
        Capability.DELETE,
        Capability.REPORT,
    }


def test_recorded_collection_served_verbatim() -> None:
    """The recorded `GET /wp/v2/comments` (view context, no raw text) as the whole site."""
    collection = recorded("CommentsCollection")

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/wp-json/wp/v2/comments":
            headers = {"X-WP-Total": "1", "X-WP-TotalPages": "1"}
            return httpx.Response(200, json=collection, headers=headers)
        if request.url.path.startswith("/wp-json/wp/v2/"):
            return httpx.Response(200, json=[])
        return httpx.Response(404)

    async def main() -> list[object]:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            connector = make_connector(
                client, {"api_root": "http://example.org/wp-json", "user_id": 1}
            )
            result = await connector.fetch_new(None)
            return [result]

    [result] = asyncio.run(main())
    assert result.more is False  # type: ignore[attr-defined]
    [comment] = result.comments  # type: ignore[attr-defined]
    assert comment.remote_id == "2"
    assert comment.thread.remote_id == "4"
    assert comment.thread.title == ""  # the post is not found: an empty title, no failure
    assert comment.text == "This is a comment"
    assert comment.permalink == "http://example.org/?p=4#comment-2"


def test_first_sync_lists_every_status_once(fake: FakeWordPress) -> None:
    inbox = Inbox()
    run(fake, inbox.sync)
    comments = inbox.comments
    assert sorted(comments) == ["10", "11", "12", "13"]
    assert comments["10"].platform_state is PlatformState.VISIBLE
    assert comments["11"].platform_state is PlatformState.HELD
    assert comments["11"].parent_remote_id == "10"
    assert comments["12"].platform_state is PlatformState.HIDDEN
    assert comments["12"].text == "Купите часы (http://spam.example/)"
    assert comments["13"].platform_state is PlatformState.DELETED
    thread = comments["10"].thread
    assert (thread.remote_id, thread.title, thread.text) == (
        "4",
        "Осенняя коллекция – новинки",
        "Новые модели",
    )
    assert thread.url == f"{SITE}/?p=4"
    listing = fake.sent("GET", "/wp/v2/comments")[0]
    assert dict(listing.url.params) == {
        "status": "any",
        "context": "edit",
        "orderby": "id",
        "order": "asc",
        "per_page": "100",
        "page": "1",
        "_fields": "id,post,parent,author,author_name,author_url,author_email,date_gmt,content,"
        "link,status",
    }
    posts = fake.sent("GET", "/wp/v2/posts")
    assert len(posts) == 1
    assert posts[0].url.params["include"] == "4"
    state = SyncCursor.parse(inbox.cursor)
    assert (state.max_id, state.scan_page) == (13, None)


def test_polls_only_ask_for_what_is_newer(fake: FakeWordPress) -> None:
    clock = Clock()
    inbox = Inbox()

    async def scenario(connector: WordPressConnector) -> list[int]:
        counts = [await inbox.sync(connector)]
        fake.requests.clear()
        counts.append(await inbox.sync(connector))  # nothing new: one request
        assert len(fake.requests) == 1
        assert fake.requests[0].url.params["order"] == "desc"
        fake.add("Новый вопрос", comment_id=20, post=5)
        fake.add_post(5, "Другой пост")
        fake.add("ответ", comment_id=21, post=5, parent=20)
        counts.append(await inbox.sync(connector))
        return counts

    assert run(fake, scenario, clock=clock) == [4, 0, 2]
    assert inbox.comments["21"].thread.title == "Другой пост"
    assert inbox.deliveries[-1] == ["20", "21"]  # oldest first: parents before replies


def test_status_changes_on_the_site_arrive_with_the_rescan(fake: FakeWordPress) -> None:
    clock = Clock()
    inbox = Inbox()

    async def scenario(connector: WordPressConnector) -> None:
        await inbox.sync(connector)
        fake.comments[11]["status"] = "approved"
        fake.comments[10]["status"] = "spam"
        assert await inbox.sync(connector) == 0  # not yet due
        clock.now += 301
        assert await inbox.sync(connector) == 2  # only what changed
        clock.now += 301
        assert await inbox.sync(connector) == 0

    run(fake, scenario, clock=clock)
    assert inbox.comments["11"].platform_state is PlatformState.VISIBLE
    assert inbox.comments["10"].platform_state is PlatformState.HIDDEN


def test_rescan_interval_is_a_setting(fake: FakeWordPress) -> None:
    inbox = Inbox()

    async def scenario(connector: WordPressConnector) -> None:
        await inbox.sync(connector)
        fake.comments[11]["status"] = "approved"
        assert await inbox.sync(connector) == 1

    run(fake, scenario, clock=Clock(), rescan_interval_s=0)


def test_a_new_connector_hands_out_everything_on_its_first_rescan(fake: FakeWordPress) -> None:
    """After a restart it cannot know what the inbox holds: re-sending is safe, missing isn't."""
    inbox = Inbox()
    run(fake, inbox.sync, rescan_interval_s=0)
    assert run(fake, inbox.sync, rescan_interval_s=0) == 4


def test_a_cursor_the_engine_did_not_store_forgets_staged_knowledge(fake: FakeWordPress) -> None:
    """If storing a page failed, the engine asks again with the old cursor: the rescan must
    hand the changes out again instead of believing they were delivered."""

    async def scenario(connector: WordPressConnector) -> int:
        first = await connector.fetch_new(None)
        fake.comments[11]["status"] = "approved"
        lost = await connector.fetch_new(first.cursor)  # delivered, but "not stored"
        assert [c.remote_id for c in lost.comments] == ["11"]
        again = await connector.fetch_new(first.cursor)
        return len(again.comments)

    assert run(fake, scenario, rescan_interval_s=0) >= 1


def test_comments_deleted_for_good_are_reported_deleted(fake: FakeWordPress) -> None:
    inbox = Inbox()

    async def scenario(connector: WordPressConnector) -> None:
        await inbox.sync(connector)
        await inbox.sync(connector)  # a full scan watched from its first page
        del fake.comments[12]
        await inbox.sync(connector)

    run(fake, scenario, rescan_interval_s=0)
    assert inbox.comments["12"].platform_state is PlatformState.DELETED
    assert [r.url.path for r in fake.sent("GET", "/wp/v2/comments/12")] == [
        "/wp-json/wp/v2/comments/12"
    ]


def test_many_pages_arrive_page_by_page_without_gaps() -> None:
    fake = FakeWordPress()
    for i in range(1, 251):
        fake.add(f"comment {i}", comment_id=i)
    inbox = Inbox()

    async def scenario(connector: WordPressConnector) -> None:
        await inbox.sync(connector)
        for i in range(251, 251 + 620):  # more than five pages between two polls
            fake.add(f"comment {i}", comment_id=i)
        await inbox.sync(connector)

    run(fake, scenario, clock=Clock())
    assert sorted(map(int, inbox.comments)) == list(range(1, 871))
    assert inbox.deliveries[:3] == [
        [str(i) for i in range(1, 101)],
        [str(i) for i in range(101, 201)],
        [str(i) for i in range(201, 251)],
    ]


def test_watching_chosen_posts(fake: FakeWordPress) -> None:
    fake.add_post(5, "Другой пост")
    fake.add("elsewhere", comment_id=30, post=5)
    inbox = Inbox()
    run(fake, inbox.sync, watch=["4"])
    assert "30" not in inbox.comments
    assert fake.sent("GET", "/wp/v2/comments")[0].url.params["post"] == "4"
    everything = Inbox()
    run(fake, everything.sync, watch=["all", "4"])
    assert "30" in everything.comments


def test_reply_carries_the_key_and_comes_back_as_ours(fake: FakeWordPress) -> None:
    async def scenario(connector: WordPressConnector) -> None:
        [troll] = [c for c in (await connector.fetch_new(None)).comments if c.remote_id == "11"]
        reply = await connector.reply(troll, "Пожалуйста, без оскорблений.", "mod-key-1")
        assert reply.by_us is True
        assert reply.parent_remote_id == "11"
        assert reply.thread.remote_id == "4"
        assert reply.thread.title == "Осенняя коллекция – новинки"
        assert reply.text == "Пожалуйста, без оскорблений."
        assert reply.platform_state is PlatformState.VISIBLE

    run(fake, scenario)
    [post] = fake.sent("POST", "/wp/v2/comments")
    assert json.loads(post.content) == {
        "post": 4,
        "parent": 11,
        "content": "Пожалуйста, без оскорблений.",
        "author_user_agent": agent_for("mod-key-1"),
    }
    [lookup] = fake.sent("GET", "/wp/v2/comments")[-1:]
    assert lookup.url.params["parent"] == "11"
    assert lookup.url.params["author"] == str(USER_ID)


def test_reply_sent_twice_with_one_key_is_posted_once(fake: FakeWordPress) -> None:
    async def scenario(connector: WordPressConnector) -> tuple[str, str]:
        [first] = (await connector.fetch_new(None)).comments[:1]
        one = await connector.reply(first, "Спасибо!", "mod-key-2")
        two = await connector.reply(first, "Спасибо!", "mod-key-2")
        return one.remote_id, two.remote_id

    one, two = run(fake, scenario)
    assert one == two
    assert len(fake.ours()) == 1
    assert len(fake.sent("POST", "/wp/v2/comments")) == 1


def test_duplicate_refusal_returns_the_existing_reply(fake: FakeWordPress) -> None:
    """Same text under the same parent from another action: WordPress says 409; it is there."""
    existing = fake.add("Спасибо!", parent=10, author=USER_ID, agent=agent_for("older-key"))

    async def scenario(connector: WordPressConnector) -> str:
        [first] = (await connector.fetch_new(None)).comments[:1]
        return (await connector.reply(first, "Спасибо!", "mod-key-3")).remote_id

    assert run(fake, scenario) == str(existing)
    assert len(fake.ours()) == 1


@pytest.mark.parametrize(
    ("action", "method", "sent_status", "site_status"),
    [
        ("hide", "POST", "hold", "hold"),
        ("unhide", "POST", "approve", "approved"),
        ("report", "POST", "spam", "spam"),
        ("delete", "DELETE", None, "trash"),
    ],
)
def test_moderation_actions(
    fake: FakeWordPress, action: str, method: str, sent_status: str | None, site_status: str
) -> None:
    async def scenario(connector: WordPressConnector) -> None:
        [first] = (await connector.fetch_new(None)).comments[:1]
        for _ in range(2):  # a retry of the same action is harmless
            if action == "report":
                await connector.report(first, "spam", "key")
            else:
                await getattr(connector, action)(first, "key")

    run(fake, scenario)
    assert fake.comments[10]["status"] == site_status
    sent = fake.sent(method, "/wp/v2/comments/10")
    assert len(sent) == 2
    if sent_status is not None:
        assert json.loads(sent[0].content) == {"status": sent_status}


def test_acting_on_a_vanished_comment_is_permanent(fake: FakeWordPress) -> None:
    async def scenario(connector: WordPressConnector) -> None:
        [first] = (await connector.fetch_new(None)).comments[:1]
        del fake.comments[10]
        await connector.delete(first, "k")  # already gone: done
        with pytest.raises(PermanentError, match="Invalid comment ID"):
            await connector.hide(first, "k")
        with pytest.raises(PermanentError, match="not allowed to create"):
            await connector.reply(replace(first, thread=ThreadRef("99")), "x", "k")

    run(fake, scenario)


def test_plain_permalink_sites_work_through_rest_route() -> None:
    fake = FakeWordPress(pretty_permalinks=False)
    fake.add("hello", comment_id=3)
    inbox = Inbox()
    run(fake, inbox.sync)
    assert list(inbox.comments) == ["3"]
    assert all(r.url.path == "/" for r in fake.requests)


def test_missing_user_name_asks_for_sign_in(fake: FakeWordPress) -> None:
    async def main() -> None:
        async with httpx.AsyncClient(transport=fake.transport()) as client:
            account = Account(Platform.WORDPRESS, "b", SITE, settings=fake.account_settings(), id=1)
            connector = WordPressConnector(account, Credentials(token="x"), client, pacer=Pacer(0))
            with pytest.raises(AuthExpired, match="sign in again"):
                await connector.fetch_new(None)

    asyncio.run(main())
    assert fake.requests == []


def test_user_id_is_looked_up_when_not_stored(fake: FakeWordPress) -> None:
    fake.add("mine", comment_id=40, author=USER_ID)

    async def main() -> bool:
        async with httpx.AsyncClient(transport=fake.transport()) as client:
            settings = {"api_root": f"{SITE}/wp-json"}
            connector = make_connector(client, settings)
            comments = (await connector.fetch_new(None)).comments
            return next(c for c in comments if c.remote_id == "40").by_us

    assert asyncio.run(main()) is True
    assert len(fake.sent("GET", "/wp/v2/users/me")) == 1


def test_big_sites_are_rescanned_less_often() -> None:
    fake = FakeWordPress()
    for i in range(1, 1202):  # 13 pages
        fake.add(f"c{i}", comment_id=i)
    clock = Clock()
    inbox = Inbox()
    run(fake, inbox.sync, clock=clock)
    assert SyncCursor.parse(inbox.cursor).next_scan_at == clock.now + 13 * 30
    small = Inbox()
    run(FakeWordPress(), small.sync, clock=clock)
    assert SyncCursor.parse(small.cursor).next_scan_at == clock.now + 300
