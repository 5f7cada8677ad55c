"""The WordPress connector against a real WordPress (Debian's package, MariaDB, PHP) on
loopback, on its own and through the real engine. Each test works on posts of its own."""

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from moderator_app.connectors.base import Credentials, CredentialsChanged
from moderator_app.connectors.errors import AuthExpired, PermanentError
from moderator_app.connectors.http import make_client
from moderator_app.connectors.pacing import Pacer
from moderator_app.connectors.wordpress import WordPressConnector, WordPressSetup
from moderator_app.domain import (
    Account,
    ActionKind,
    Comment,
    Platform,
    PlatformState,
    SyncState,
    ThreadRef,
    ToxicityLevel,
    ToxicityResult,
)
from moderator_app.secrets import SecretStore
from moderator_app.store import CommentFilter, Store
from moderator_app.sync.engine import Engine, OnceReport
from tests.servers.wordpress import SITE_TITLE, WordPressSite

pytestmark = pytest.mark.slow
T = TypeVar("T")
ADMIN_ID = 1


class WordScorer:
    name = "words"

    def score_batch(self, texts: Sequence[str]) -> list[ToxicityResult]:
        return [
            ToxicityResult(0.9, ToxicityLevel.TOXIC, scorer=self.name)
            if "идиот" in t.lower()
            else ToxicityResult(0.1, ToxicityLevel.OK, scorer=self.name)
            for t in texts
        ]


def _connector(
    account: Account,
    credentials: Credentials,
    client: httpx.AsyncClient,
    on_credentials: CredentialsChanged | None,
) -> WordPressConnector:
    """What the registry builds, with a quicker pacer for a loopback site."""
    return WordPressConnector(account, credentials, client, on_credentials, pacer=Pacer(0.005))


def _settings(site: WordPressSite, post: int) -> dict[str, Any]:
    return {
        "api_root": site.api_root,
        "user_id": ADMIN_ID,
        "watch": [str(post)],
        "rescan_interval_s": 0,
    }


def _connect(
    site: WordPressSite,
    post: int,
    scenario: Callable[[WordPressConnector], Awaitable[T]],
    *,
    password: str | None = None,
) -> T:
    async def main() -> T:
        async with make_client(timeout=20) as client:
            account = Account(
                Platform.WORDPRESS, "blog", site.url, settings=_settings(site, post), id=1
            )
            token = password or site.app_password.password
            credentials = Credentials(token=token, extra={"username": site.username})
            return await scenario(_connector(account, credentials, client, None))

    return asyncio.run(main())


def _engine_account(
    tmp_path: Path, site: WordPressSite, post: int, password: str
) -> tuple[Engine, Path]:
    db_path = tmp_path / "moderator.db"
    with Store.open(db_path) as store:
        account = store.accounts.add(
            Account(Platform.WORDPRESS, "Бренд-блог", site.url, settings=_settings(site, post))
        )
    SecretStore().save(account, Credentials(token=password, extra={"username": site.username}))
    engine = Engine(
        db_path, secrets=SecretStore(), scorer=WordScorer(), connector_factory=_connector
    )
    return engine, db_path


def _once(engine: Engine) -> OnceReport:
    return asyncio.run(engine.run_once(send_deadline_s=10))


def _stored(db_path: Path) -> dict[str, Comment]:
    with Store.open(db_path) as store:
        ids = store.comments.ids(CommentFilter(include_own=True))
        return {c.remote.remote_id: c for c in store.comments.by_ids(ids)}


def test_sign_in(wordpress_site: WordPressSite) -> None:
    site = wordpress_site
    post = site.create_post("Пост для входа")

    async def sign_in(password: str) -> Any:
        async with make_client(timeout=20) as client:
            values = {"url": site.url + "/", "username": site.username, "app_password": password}
            return await WordPressSetup().sign_in(client, values)

    result = asyncio.run(sign_in(site.app_password.password))
    assert result.account_name == SITE_TITLE
    assert result.url == site.url
    assert result.settings == {"api_root": site.api_root, "user_id": ADMIN_ID}
    assert result.credentials.extra == {"username": site.username}
    assert (result.targets[0].id, result.targets[0].kind) == ("all", "site")
    assert (str(post), "Пост для входа") in [(t.id, t.title) for t in result.targets]
    with pytest.raises(AuthExpired, match="did not accept") as caught:
        asyncio.run(sign_in("abcd abcd abcd abcd abcd abcd"))
    assert "abcd abcd" not in str(caught.value)


def test_engine_round_trip(wordpress_site: WordPressSite, tmp_path: Path) -> None:
    """New comments in, actions out, and the site's own moderation back in."""
    site = wordpress_site
    post = site.create_post("Осенняя коллекция", "<p>Новые модели уже в продаже.</p>")
    praise = site.add_comment(post, "Отличная коллекция! Когда будет в Казани?", author="Мария")
    nested = site.add_comment(post, "Присоединяюсь к вопросу", author="Олег", parent=praise)
    toxic = site.add_comment(post, "Вы все идиоты, магазин отстой", author="Тролль")
    html = site.add_comment(
        post,
        'Купите <a href="http://spam.example/">дешёвые часы</a> <b>сейчас</b> &amp; дёшево',
        author="Spammer",
        status="hold",
    )
    spam = site.add_comment(post, "casino casino casino", author="bot", status="spam")
    visitor = site.visitor_comment(post, "Вопрос от посетителя: есть ли размер S?", author="Анна")
    engine, db_path = _engine_account(tmp_path, site, post, site.app_password.password)

    report = _once(engine)
    assert report.ok, report
    assert report.added == 6
    stored = _stored(db_path)
    assert set(stored) == {str(c) for c in (praise, nested, toxic, html, spam, visitor)}
    first = stored[str(praise)].remote
    assert first.thread.title == "Осенняя коллекция"
    assert first.thread.text == "Новые модели уже в продаже."
    assert first.author.name == "Мария"
    assert first.permalink.endswith(f"#comment-{praise}")
    assert first.platform_state is PlatformState.VISIBLE
    assert stored[str(nested)].remote.parent_remote_id == str(praise)
    assert stored[str(html)].remote.text == (
        "Купите дешёвые часы (http://spam.example/) сейчас & дёшево"
    )
    assert stored[str(html)].remote.platform_state is PlatformState.HELD
    assert stored[str(spam)].remote.platform_state is PlatformState.HIDDEN
    assert stored[str(visitor)].remote.platform_state is PlatformState.HELD  # site moderation
    toxicity = stored[str(toxic)].toxicity
    assert toxicity is not None
    assert toxicity.level is ToxicityLevel.TOXIC

    with Store.open(db_path) as store:
        store.outbox.enqueue(
            stored[str(toxic)].id, ActionKind.REPLY, "Пожалуйста, без оскорблений."
        )
        store.outbox.enqueue(stored[str(toxic)].id, ActionKind.HIDE)
        store.outbox.enqueue(stored[str(html)].id, ActionKind.REPORT, "spam")
        store.outbox.enqueue(stored[str(nested)].id, ActionKind.DELETE)
        store.outbox.enqueue(stored[str(visitor)].id, ActionKind.UNHIDE)
    report = _once(engine)
    assert report.ok, report
    assert report.sent == 5
    [reply] = site.replies(toxic)
    assert reply["author"] == ADMIN_ID
    assert reply["post"] == post
    assert reply["content"]["raw"] == "Пожалуйста, без оскорблений."
    assert "idempotency-key=mod-" in reply["author_user_agent"]
    assert site.status(toxic) == "hold"
    assert site.status(html) == "spam"
    assert site.status(nested) == "trash"
    assert site.status(visitor) == "approved"

    # The site's own moderators at work, and a new visitor.
    site.set_status(toxic, "approve")
    site.set_status(praise, "spam")
    later = site.visitor_comment(post, "Новый комментарий после модерации", author="Пётр")
    report = _once(engine)
    assert report.ok, report
    stored = _stored(db_path)
    assert stored[str(toxic)].remote.platform_state is PlatformState.VISIBLE
    assert stored[str(praise)].remote.platform_state is PlatformState.HIDDEN
    assert stored[str(nested)].remote.platform_state is PlatformState.DELETED
    assert stored[str(html)].remote.platform_state is PlatformState.HIDDEN
    assert stored[str(later)].remote.platform_state is PlatformState.HELD
    ours = [c for c in stored.values() if c.remote.by_us]
    assert [c.remote.remote_id for c in ours] == [str(reply["id"])]
    assert ours[0].remote.parent_remote_id == str(toxic)
    assert len(site.replies(toxic)) == 1


def test_a_retried_reply_is_posted_once(wordpress_site: WordPressSite) -> None:
    site = wordpress_site
    post = site.create_post("Пост для повторов")
    question = site.add_comment(post, "Где мой заказ?", author="Ирина")

    async def scenario(connector: WordPressConnector) -> list[str]:
        [comment] = (await connector.fetch_new(None)).comments
        one = await connector.reply(comment, "Проверим и ответим сегодня.", "mod-retry-1")
        again = await connector.reply(comment, "Проверим и ответим сегодня.", "mod-retry-1")
        other_key = await connector.reply(comment, "Проверим и ответим сегодня.", "mod-retry-2")
        return [one.remote_id, again.remote_id, other_key.remote_id]

    ids = _connect(site, post, scenario)
    assert len(set(ids)) == 1  # the second key meets WordPress's own duplicate check
    assert [str(r["id"]) for r in site.replies(question)] == ids[:1]


def test_revoked_password_needs_sign_in(wordpress_site: WordPressSite, tmp_path: Path) -> None:
    site = wordpress_site
    post = site.create_post("Пост для отзыва пароля")
    site.add_comment(post, "первый", author="A")
    password = site.new_app_password("revoked in a test")
    engine, db_path = _engine_account(tmp_path, site, post, password.password)
    assert _once(engine).ok
    site.revoke_app_password(password.uuid)
    site.add_comment(post, "пока пароль отозван", author="B")
    report = _once(engine)
    assert not report.ok
    [error] = report.account_errors
    assert "no longer accepts the application password" in error
    assert password.password not in error
    [status] = engine.statuses().values()
    assert status.state is SyncState.NEEDS_SIGN_IN
    assert len(_stored(db_path)) == 1


def test_gone_and_refused(wordpress_site: WordPressSite) -> None:
    site = wordpress_site
    post = site.create_post("Пост для ошибок")
    doomed = site.add_comment(post, "удалят навсегда", author="A")
    site.add_comment(post, "останется", author="B")

    async def scenario(connector: WordPressConnector) -> dict[str, PlatformState]:
        first = await connector.fetch_new(None)
        comment = next(c for c in first.comments if c.remote_id == str(doomed))
        second = await connector.fetch_new(first.cursor)
        site.delete_for_good(doomed)
        gone = await connector.fetch_new(second.cursor)
        with pytest.raises(PermanentError, match="Invalid comment ID"):
            await connector.hide(comment, "k")
        await connector.delete(comment, "k")  # already gone: nothing to do
        return {c.remote_id: c.platform_state for c in gone.comments}

    states = _connect(site, post, scenario)
    assert states == {str(doomed): PlatformState.DELETED}

    closed = site.create_post("Комментарии закрыты", comments_open=False)
    question = site.add_comment(post, "вопрос", author="C")

    async def reply_on_closed(connector: WordPressConnector) -> None:
        comment = next(
            c for c in (await connector.fetch_new(None)).comments if c.remote_id == str(question)
        )
        moved = replace(comment, thread=ThreadRef(str(closed)))
        with pytest.raises(PermanentError, match="closed"):
            await connector.reply(moved, "ответ", "k")

    _connect(site, post, reply_on_closed)


def test_whole_site_first_sync(wordpress_site: WordPressSite) -> None:
    """Watching everything: the seeded blog (and whatever other tests added) in one pass."""
    site, ids = wordpress_site, wordpress_site.seeded

    async def scenario(connector: WordPressConnector) -> dict[str, Any]:
        inbox: dict[str, Any] = {}
        cursor = None
        while True:
            result = await connector.fetch_new(cursor)
            inbox.update((c.remote_id, c) for c in result.comments)
            cursor = result.cursor
            if not result.more:
                return inbox

    async def run_all() -> dict[str, Any]:
        async with make_client(timeout=20) as client:
            settings = {"api_root": site.api_root, "user_id": ADMIN_ID}
            account = Account(Platform.WORDPRESS, "blog", site.url, settings=settings, id=1)
            credentials = Credentials(site.app_password.password, {"username": site.username})
            return await scenario(_connector(account, credentials, client, None))

    inbox = asyncio.run(run_all())
    seeded = {name: inbox[str(ids[name])] for name in ids if name not in ("autumn", "spring")}
    assert "1" in inbox  # WordPress's own "Hi, this is a comment."
    assert seeded["question"].thread.title == "Новая осенняя коллекция"
    assert seeded["nested"].text == "Тоже жду XS 🙏"
    assert seeded["nested"].parent_remote_id == str(ids["question"])
    assert seeded["toxic"].platform_state is PlatformState.HELD
    assert seeded["html"].platform_state is PlatformState.HIDDEN
    assert seeded["html"].text == "Лучшие казино (http://casino.example/) здесь & сейчас"
    assert seeded["english"].thread.title == "Spring sale"
    assert seeded["toxic_reply"].parent_remote_id == str(ids["english"])
    assert seeded["visitor"].platform_state is PlatformState.HELD
    assert seeded["visitor"].author.remote_id.startswith("guest:")
    assert not any(c.by_us for c in seeded.values())
