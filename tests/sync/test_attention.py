"""An account that needs the moderator (a captcha) says so, and goes on once answered."""

import threading
import time
from pathlib import Path

import httpx

from moderator_app.connectors.base import Credentials, CredentialsChanged, FetchResult
from moderator_app.connectors.errors import UserActionRequired
from moderator_app.domain import (
    Account,
    AccountStatusChanged,
    Capability,
    EngineEvent,
    Platform,
    RemoteComment,
    SyncState,
)
from moderator_app.secrets import SecretStore
from moderator_app.store import Store
from moderator_app.sync.engine import Engine
from tests.sync.conftest import WordScorer


class CaptchaPlatform:
    """A connector that asks for a captcha until it is given the right answer."""

    platform = Platform.VK
    capabilities = frozenset({Capability.REPLY})

    def __init__(self) -> None:
        self.answer = ""

    def answer_captcha(self, sid: str, key: str) -> None:
        if sid == "sid-1":
            self.answer = key

    async def fetch_new(self, cursor: str | None) -> FetchResult:
        if self.answer != "x7k2":
            raise UserActionRequired(
                "vk: VK asks to solve a captcha",
                kind="captcha",
                url="https://api.vk.com/captcha.php?sid=sid-1",
                data={"captcha_sid": "sid-1"},
            )
        return FetchResult([], "done")

    async def reply(self, to: RemoteComment, text: str, idempotency_key: str) -> RemoteComment:
        raise NotImplementedError

    async def hide(self, comment: RemoteComment, idempotency_key: str) -> None: ...

    async def unhide(self, comment: RemoteComment, idempotency_key: str) -> None: ...

    async def delete(self, comment: RemoteComment, idempotency_key: str) -> None: ...

    async def report(self, comment: RemoteComment, reason: str, idempotency_key: str) -> None: ...


def test_captcha_is_asked_for_and_answered(tmp_path: Path) -> None:
    db_path = tmp_path / "m.db"
    with Store.open(db_path) as store:
        account = store.accounts.add(Account(Platform.VK, "vk", poll_interval_s=60))
    SecretStore().save(account, Credentials(token="t"))
    platform = CaptchaPlatform()
    states: list[AccountStatusChanged] = []
    lock = threading.Lock()

    def on_event(event: EngineEvent) -> None:
        if isinstance(event, AccountStatusChanged):
            with lock:
                states.append(event)

    def factory(
        _a: Account, _c: Credentials, _h: httpx.AsyncClient, _s: CredentialsChanged | None
    ) -> CaptchaPlatform:
        return platform

    def last() -> AccountStatusChanged | None:
        with lock:
            return states[-1] if states else None

    engine = Engine(
        db_path,
        secrets=SecretStore(),
        scorer=WordScorer(),
        on_event=on_event,
        connector_factory=factory,
    )
    engine.start()
    try:
        deadline = time.monotonic() + 10
        while (event := last()) is None or event.status.state is not SyncState.NEEDS_ATTENTION:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        attention = event.status.attention
        assert attention is not None
        assert attention.kind == "captcha"
        assert attention.url.endswith("sid=sid-1")
        engine.answer_attention(account.id or 0, attention, "x7k2")
        while (event := last()) is None or event.status.state is not SyncState.OK:
            assert time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        engine.stop()
