"""Engine tests: a real sandbox on loopback, a real SQLite file, an in-memory keyring."""

import asyncio
from collections.abc import Sequence
from pathlib import Path

import httpx
import pytest

from moderator_app.connectors.base import Credentials
from moderator_app.domain import Account, Platform, ToxicityLevel, ToxicityResult
from moderator_app.sandbox import SandboxServer
from moderator_app.secrets import SecretStore
from moderator_app.store import Store
from moderator_app.sync.engine import Engine, OnceReport


class WordScorer:
    """A tiny deterministic scorer: the engine's contract, not the model, is under test."""

    name = "words"

    def score_batch(self, texts: Sequence[str]) -> list[ToxicityResult]:
        return [
            ToxicityResult(0.9, ToxicityLevel.TOXIC, scorer=self.name)
            if "idiot" in t.lower()
            else ToxicityResult(0.1, ToxicityLevel.OK, scorer=self.name)
            for t in texts
        ]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "moderator.db"


@pytest.fixture
def account(db_path: Path, sandbox: SandboxServer, token: str) -> Account:
    with Store.open(db_path) as store:
        account = store.accounts.add(
            Account(Platform.SANDBOX, "sandbox", sandbox.url, poll_interval_s=0.2)
        )
    SecretStore().save(account, Credentials(token=token))
    return account


@pytest.fixture
def engine(db_path: Path) -> Engine:
    return Engine(db_path, secrets=SecretStore(), scorer=WordScorer())


def once(engine: Engine) -> OnceReport:
    return asyncio.run(engine.run_once(send_deadline_s=10))


def sandbox_comment(admin: httpx.Client, remote_id: str) -> dict[str, object]:
    response = admin.get(f"/_admin/comments/{remote_id}")
    response.raise_for_status()
    return dict(response.json())
