"""The engine with a YouTube account (built through `connector_factory`, as the registry does
not know YouTube yet): one headless pass fetches, stores, sends, and keeps refreshed tokens."""

import asyncio
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import httpx

from moderator_app.connectors.base import Connector, Credentials, CredentialsChanged
from moderator_app.connectors.registry import make_connector
from moderator_app.connectors.youtube import YouTubeConnector
from moderator_app.domain import (
    Account,
    ActionKind,
    LocalState,
    Platform,
    PlatformState,
    ToxicityLevel,
    ToxicityResult,
)
from moderator_app.secrets import SecretStore
from moderator_app.store import CommentFilter, Store
from moderator_app.sync.engine import Engine, OnceReport
from tests.connectors.youtube.session import NO_ENV, signed_in, youtube_account
from tests.servers.youtube_fake import YouTubeFake
from tests.servers.youtube_fake_world import OWNER_CHANNEL


class QuietScorer:
    name = "quiet"

    def score_batch(self, texts: Sequence[str]) -> list[ToxicityResult]:
        return [ToxicityResult(0.1, ToxicityLevel.OK, scorer=self.name) for _ in texts]


def factory(
    account: Account,
    credentials: Credentials,
    client: httpx.AsyncClient,
    on_credentials: CredentialsChanged | None,
) -> Connector:
    if account.platform is Platform.YOUTUBE:
        return YouTubeConnector(account, credentials, client, on_credentials, environ=NO_ENV)
    return make_connector(account, credentials, client, on_credentials)


def _once(engine: Engine) -> OnceReport:
    return asyncio.run(engine.run_once(send_deadline_s=10))


def _remote(store: Store, comment_id: int) -> str:
    comment = store.comments.get(comment_id)
    assert comment is not None
    return comment.remote.remote_id


def test_engine_round_trip_with_youtube(fake: YouTubeFake, tmp_path: Path) -> None:
    db = tmp_path / "moderator.db"
    world = fake.world
    video = world.add_video("Распаковка")
    question = world.add_comment(video, "Сколько стоит?")
    rude = world.add_reply(question.id, "Дорого, ты дурак")
    spam = world.add_comment(video, "Купи подписчиков", status="heldForReview")
    settings = dict(youtube_account(fake).settings)
    with Store.open(db) as store:
        account = store.accounts.add(
            Account(Platform.YOUTUBE, world.channel_title, "", settings, poll_interval_s=60)
        )
    secrets = SecretStore()
    secrets.save(account, signed_in(fake))
    engine = Engine(db, secrets=secrets, scorer=QuietScorer(), connector_factory=factory)

    report = _once(engine)
    assert report.ok, report
    assert report.added == 3
    assert _once(engine).added == 0  # the cursor was kept

    with Store.open(db) as store:
        by_remote = {
            _remote(store, cid): cid for cid in store.comments.ids(CommentFilter(include_own=True))
        }
        held = store.comments.get(by_remote[spam.id])
        assert held is not None
        assert held.remote.platform_state is PlatformState.HELD
        store.outbox.enqueue(by_remote[rude.id], ActionKind.REPLY, "Давайте вежливо.")
        store.outbox.enqueue(by_remote[rude.id], ActionKind.HIDE)
        store.outbox.enqueue(by_remote[spam.id], ActionKind.DELETE)

    fake.fault("/comments", "drop", method="POST")  # the reply goes through, its answer is lost
    report = _once(engine)  # the outbox retries (same key) after its backoff
    assert report.ok, report
    assert report.sent == 3
    assert world.comments[rude.id].status == "heldForReview"
    assert world.comments[spam.id].status == "rejected"
    [ours] = [c for c in world.replies_of(question.id) if c.author_channel == OWNER_CHANNEL]
    assert ours.text == "Давайте вежливо."
    assert len(fake.calls("/comments", "POST")) == 1  # not sent twice

    # Google ends the access token early; the next pass refreshes it and the keyring keeps it
    old_token = secrets.load(account).token  # type: ignore[union-attr]
    fake.oauth.expire_access_tokens()
    world.add_comment(video, "А доставка есть?")
    report = _once(engine)
    assert report.ok, report
    assert report.added == 1
    saved = secrets.load(account)
    assert saved is not None
    assert saved.token != old_token
    assert fake.oauth.valid(saved.token)

    with Store.open(db) as store:
        own = store.comments.ids(CommentFilter(include_own=True, search="вежливо"))
        assert len(own) == 1  # our reply is stored once, not again after the next fetch
        reply = store.comments.get(own[0])
        assert reply is not None
        assert reply.remote.by_us
        assert reply.remote.parent_remote_id == question.id
        hidden = store.comments.get(by_remote[rude.id])
        assert hidden is not None
        assert hidden.local_state is LocalState.HIDDEN
        removed = store.comments.get(by_remote[spam.id])
        assert removed is not None
        assert removed.remote.platform_state is PlatformState.DELETED


def test_engine_waits_out_the_quota_and_reports_why(fake: YouTubeFake, tmp_path: Path) -> None:
    db = tmp_path / "moderator.db"
    fake.world.add_comment(fake.world.add_video("v"), "привет")
    with Store.open(db) as store:
        account = store.accounts.add(
            Account(Platform.YOUTUBE, "yt", "", dict(youtube_account(fake).settings))
        )
    secrets = SecretStore()
    secrets.save(account, signed_in(fake, expires_in=timedelta(hours=1)))
    engine = Engine(db, secrets=secrets, scorer=QuietScorer(), connector_factory=factory)
    fake.fault("/commentThreads", "quota")
    report = _once(engine)
    assert not report.ok
    [message] = report.account_errors
    assert "midnight Pacific time" in message
    assert account.id is not None
    status = engine.statuses()[account.id]
    assert status.state.value == "rate_limited"
    assert status.retry_at is not None


def test_the_registry_builds_youtube(fake: YouTubeFake) -> None:
    from moderator_app.connectors.registry import capabilities_for, setup_for
    from moderator_app.connectors.youtube import YouTubeSetup

    assert isinstance(setup_for(Platform.YOUTUBE), YouTubeSetup)
    assert capabilities_for(Platform.YOUTUBE) == YouTubeConnector.capabilities

    async def build() -> Connector:
        async with httpx.AsyncClient() as client:
            return make_connector(youtube_account(fake), signed_in(fake), client)

    assert isinstance(asyncio.run(build()), YouTubeConnector)
