"""A VK account through the real engine and store: sign in, save, sync, act — against the fake."""

import asyncio
from collections.abc import Sequence
from pathlib import Path

import httpx

from moderator_app.accounts import save_account, sign_in
from moderator_app.connectors.base import Connector, Credentials, CredentialsChanged
from moderator_app.connectors.pacing import Pacer
from moderator_app.connectors.registry import make_connector, setup_for
from moderator_app.connectors.vk import VkConnector, VkSetup
from moderator_app.domain import (
    Account,
    ActionKind,
    Platform,
    PlatformState,
    ToxicityLevel,
    ToxicityResult,
)
from moderator_app.secrets import SecretStore
from moderator_app.store import CommentFilter, Store
from moderator_app.sync.engine import Engine, OnceReport
from tests.connectors.vk.vk_session import GROUP
from tests.servers.vk_fake import FakeVk

READER = 777


class CalmScorer:
    name = "calm"

    def score_batch(self, texts: Sequence[str]) -> list[ToxicityResult]:
        return [ToxicityResult(0.0, ToxicityLevel.OK, scorer=self.name) for _ in texts]


def _unpaced(
    account: Account,
    credentials: Credentials,
    client: httpx.AsyncClient,
    on_credentials: CredentialsChanged | None,
) -> Connector:
    return VkConnector(account, credentials, client, on_credentials, pacer=Pacer(0))


def _engine(fake: FakeVk, db_path: Path) -> Engine:
    return Engine(
        db_path,
        secrets=SecretStore(),
        scorer=CalmScorer(),
        connector_factory=_unpaced,
        client_factory=lambda: httpx.AsyncClient(transport=httpx.MockTransport(fake), timeout=5),
    )


def _once(engine: Engine) -> OnceReport:
    return asyncio.run(engine.run_once(send_deadline_s=5))


def _connect(fake: FakeVk, db_path: Path) -> Account:
    async def signed_in() -> Account:
        transport = httpx.MockTransport(fake)
        async with httpx.AsyncClient(transport=transport) as client:
            pasted = f"https://oauth.vk.com/blank.html#access_token={fake.token}&expires_in=0"
            result = await sign_in(Platform.VK, {"token": pasted}, client)
        with Store.open(db_path) as store:
            return save_account(store, SecretStore(), Platform.VK, result)

    return asyncio.run(signed_in())


def _texts(db_path: Path) -> dict[str, str]:
    with Store.open(db_path) as store:
        found = store.comments.search(CommentFilter(include_own=True), limit=100)
    return {c.remote.remote_id: c.text for c in found}


def test_the_registry_builds_the_vk_connector_and_setup() -> None:
    assert isinstance(setup_for(Platform.VK), VkSetup)
    account = Account(Platform.VK, "vk", settings={"watch": ["1"]}, id=1)

    async def build() -> Connector:
        async with httpx.AsyncClient() as client:
            return make_connector(account, Credentials(token="t" * 30), client)

    assert isinstance(asyncio.run(build()), VkConnector)


def test_sync_hide_and_reply_through_the_engine(tmp_path: Path) -> None:
    fake = FakeVk()
    fake.add_user(READER, "Пётр", "Иванов")
    post = fake.add_post(GROUP, "Новое меню")
    rude = fake.add_comment(GROUP, post, READER, "Отвратительно")
    asked = fake.add_comment(GROUP, post, READER, "А веганское есть?")
    db_path = tmp_path / "moderator.db"
    account = _connect(fake, db_path)
    assert account.settings["watch"] == [str(GROUP)]
    engine = _engine(fake, db_path)

    report = _once(engine)
    assert report.ok, report
    assert report.added == 2
    with Store.open(db_path) as store:
        by_remote = {c.remote.remote_id: c for c in store.comments.search(CommentFilter())}
        store.outbox.enqueue(by_remote[f"-{GROUP}_{rude}"].id, ActionKind.HIDE)
        store.outbox.enqueue(by_remote[f"-{GROUP}_{asked}"].id, ActionKind.REPLY, "Да, с тофу")
    report = _once(engine)
    assert report.ok, report
    assert report.sent == 2
    assert fake.comments[(-GROUP, rude)].deleted
    assert [c.text for c in fake.visible(GROUP)] == ["А веганское есть?", "Да, с тофу"]
    assert _once(engine).ok  # the long poll reports both: nothing new, nothing twice
    texts = _texts(db_path)
    assert sorted(texts.values()) == ["А веганское есть?", "Да, с тофу", "Отвратительно"]
    with Store.open(db_path) as store:
        hidden = store.comments.by_remote_id(account.id or 0, f"-{GROUP}_{rude}")
        assert hidden is not None
        assert hidden.remote.platform_state is PlatformState.HIDDEN


def test_a_removal_seen_after_a_restart_keeps_the_stored_text(tmp_path: Path) -> None:
    fake = FakeVk()
    fake.add_user(READER, "Пётр", "Иванов")
    post = fake.add_post(GROUP, "Пост")
    gone = fake.add_comment(GROUP, post, READER, "Удалю потом")
    db_path = tmp_path / "moderator.db"
    _connect(fake, db_path)
    assert _once(_engine(fake, db_path)).ok
    fake.remove_comment(GROUP, gone, by=READER)
    assert _once(_engine(fake, db_path)).ok  # a new engine: the connector starts afresh
    assert _texts(db_path)[f"-{GROUP}_{gone}"] == "Удалю потом"
