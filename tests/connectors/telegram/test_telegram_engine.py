"""The engine with a Telegram account, end to end over real HTTP to the fake Bot API: a real
SQLite file, the in-memory keyring, `Engine.run_once` with a connector factory."""

import asyncio
from collections.abc import Sequence
from pathlib import Path

import httpx
import pytest

from moderator_app.connectors.base import Connector, Credentials, CredentialsChanged
from moderator_app.connectors.telegram import TelegramConnector
from moderator_app.domain import (
    Account,
    ActionKind,
    ActionStatus,
    PlatformState,
    ToxicityLevel,
    ToxicityResult,
)
from moderator_app.secrets import SecretStore
from moderator_app.store import CommentFilter, Store
from moderator_app.sync.engine import Engine, OnceReport
from tests.connectors.telegram.session import FAST, Tg


class WordScorer:
    name = "words"

    def score_batch(self, texts: Sequence[str]) -> list[ToxicityResult]:
        return [
            ToxicityResult(0.9, ToxicityLevel.TOXIC, scorer=self.name)
            if "идиот" in t.lower()
            else ToxicityResult(0.1, ToxicityLevel.OK, scorer=self.name)
            for t in texts
        ]


def telegram_connector(
    account: Account,
    credentials: Credentials,
    client: httpx.AsyncClient,
    on_credentials: CredentialsChanged | None,
) -> Connector:
    return TelegramConnector(account, credentials, client, on_credentials, pacing=FAST)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "moderator.db"


@pytest.fixture
def account(tg: Tg, db_path: Path) -> Account:
    with Store.open(db_path) as store:
        account = store.accounts.add(tg.account())
    SecretStore().save(account, Credentials(token=tg.token))
    return account


def once(db_path: Path, deadline_s: float = 10) -> OnceReport:
    engine = Engine(
        db_path,
        secrets=SecretStore(),
        scorer=WordScorer(),
        connector_factory=telegram_connector,
    )
    return asyncio.run(engine.run_once(send_deadline_s=deadline_s))


def comment_ids(db_path: Path, own: bool = False) -> list[int]:
    with Store.open(db_path) as store:
        return store.comments.ids(CommentFilter(include_own=own))


def test_comments_arrive_and_replies_and_deletes_reach_telegram(
    tg: Tg, account: Account, db_path: Path
) -> None:
    post = tg.world.channel_post(tg.channel_id, "Розыгрыш!\nУсловия ниже")
    kind = tg.world.comment(tg.group_id, tg.user, "Спасибо, участвую", reply_to=post)
    rude = tg.world.comment(tg.group_id, tg.world.add_user("Тролль"), "админ идиот", reply_to=post)

    report = once(db_path)
    assert report.ok, report
    assert (report.added, report.scored) == (2, 2)
    with Store.open(db_path) as store:
        by_remote = {c.remote.remote_id: c for c in store.comments.by_ids(comment_ids(db_path))}
        polite = by_remote[f"{tg.group_id}:{kind}"]
        toxic = by_remote[f"{tg.group_id}:{rude}"]
        assert polite.remote.thread.text == "Розыгрыш!\nУсловия ниже"
        assert polite.remote.thread.title == "Новости канала: Розыгрыш!"
        assert toxic.toxicity is not None
        assert toxic.toxicity.level is ToxicityLevel.TOXIC
        store.outbox.enqueue(polite.id, ActionKind.REPLY, "Удачи! 🍀")
        store.outbox.enqueue(toxic.id, ActionKind.DELETE)

    report = once(db_path)
    assert report.ok, report
    assert report.sent == 2
    [reply] = tg.world.sent
    assert reply["text"] == "Удачи! 🍀"
    assert reply["reply_to_message"]["message_id"] == kind
    assert tg.world.deleted == [(tg.group_id, rude)]
    with Store.open(db_path) as store:
        gone = store.comments.by_remote_id(account.id or 0, f"{tg.group_id}:{rude}")
        assert gone is not None
        assert gone.remote.platform_state is PlatformState.DELETED
        own = store.comments.by_remote_id(account.id or 0, f"{tg.group_id}:{reply['message_id']}")
        assert own is not None
        assert own.remote.by_us
        assert own.remote.thread.text == "Розыгрыш!\nУсловия ниже"  # not blanked by the reply

    assert once(db_path).added == 0
    tg.world.comment(tg.group_id, tg.user, "а когда итоги?", reply_to=kind)
    assert once(db_path).added == 1
    assert len(comment_ids(db_path, own=True)) == 4


def test_a_restart_from_the_stored_cursor_neither_repeats_nor_loses(
    tg: Tg, account: Account, db_path: Path
) -> None:
    post, _ = tg.post_with_comment("до перезапуска")
    assert once(db_path).added == 1
    for n in range(3):
        tg.world.comment(tg.group_id, tg.user, f"пока приложение было закрыто {n}", reply_to=post)
    assert once(db_path).added == 3  # a fresh engine, as after a restart
    assert once(db_path).added == 0
    assert tg.world.bot(tg.token).queue == []  # everything confirmed
    offsets = [c.params.get("offset") for c in tg.fake.calls_to("getUpdates")]
    numbers = [o for o in offsets if isinstance(o, int)]
    assert numbers == sorted(numbers)


def test_a_revoked_token_asks_for_sign_in_and_keeps_the_reply_queued(
    tg: Tg, account: Account, db_path: Path
) -> None:
    tg.post_with_comment()
    once(db_path)
    with Store.open(db_path) as store:
        [cid] = comment_ids(db_path)
        action = store.outbox.enqueue(cid, ActionKind.REPLY, "ответ")
    tg.world.revoke(tg.token)
    report = once(db_path)
    assert not report.ok
    assert "sign in again" in report.account_errors[0]
    secret = tg.token.partition(":")[2]
    assert secret not in " ".join(report.account_errors)
    with Store.open(db_path) as store:
        kept = store.outbox.get(action.id)
        assert kept is not None
        assert kept.status is ActionStatus.PENDING
        assert secret not in kept.last_error
    assert tg.world.sent == []


@pytest.mark.parametrize("fault", ["429", "malformed", "502"])
def test_a_failed_fetch_loses_nothing(tg: Tg, account: Account, db_path: Path, fault: str) -> None:
    tg.post_with_comment()
    tg.fake.fail("getUpdates", fault, retry_after=1)
    report = once(db_path)
    assert not report.ok
    assert report.added == 0
    assert once(db_path).added == 1


def test_a_reply_whose_answer_was_lost_fails_visibly_and_is_not_resent(
    tg: Tg, account: Account, db_path: Path
) -> None:
    tg.post_with_comment()
    once(db_path)
    with Store.open(db_path) as store:
        [cid] = comment_ids(db_path)
        action = store.outbox.enqueue(cid, ActionKind.REPLY, "ответ")
    tg.fake.fail("sendMessage", "drop")
    report = once(db_path)
    assert report.failed_actions == 1
    with Store.open(db_path) as store:
        failed = store.outbox.get(action.id)
        assert failed is not None
        assert failed.status is ActionStatus.FAILED
        assert "check the chat" in failed.last_error
    once(db_path)
    assert len(tg.world.sent) == 1  # carried out once, never repeated by the engine


def test_a_rate_limited_reply_waits_and_is_sent_once(
    tg: Tg, account: Account, db_path: Path
) -> None:
    tg.post_with_comment()
    once(db_path)
    with Store.open(db_path) as store:
        [cid] = comment_ids(db_path)
        action = store.outbox.enqueue(cid, ActionKind.REPLY, "ответ")
    tg.fake.fail("sendMessage", "429", retry_after=1)
    report = once(db_path)
    assert report.ok, report
    assert report.sent == 1
    assert len(tg.world.sent) == 1
    assert len(tg.fake.calls_to("sendMessage")) == 2
    with Store.open(db_path) as store:
        done = store.outbox.get(action.id)
        assert done is not None
        assert done.status is ActionStatus.DONE
