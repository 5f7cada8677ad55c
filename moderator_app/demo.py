"""Demo mode: an in-process sandbox platform and a fresh data dir of its own.

The demo's token lives in an in-memory keyring: the sandbox is born and dies with the
process, so there is nothing worth keeping, and no system keyring is needed to try the app.
"""

import asyncio
import shutil
from dataclasses import dataclass
from pathlib import Path

from moderator_app.connectors.base import Credentials
from moderator_app.connectors.http import make_client
from moderator_app.connectors.sandbox import request_token
from moderator_app.domain import Account, Platform
from moderator_app.sandbox.server import SandboxServer
from moderator_app.secrets import SecretStore, use_memory_backend
from moderator_app.store import Store

DEMO_POLL_INTERVAL_S = 3.0


@dataclass
class Demo:
    sandbox: SandboxServer
    db_path: Path
    secrets: SecretStore

    def stop(self) -> None:
        self.sandbox.stop()


def start_demo(data_dir: Path, *, interval_s: float = 2.5) -> Demo:
    if data_dir.exists():
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True)
    sandbox = SandboxServer(interval_s=interval_s).start()
    use_memory_backend()
    secrets = SecretStore()
    token = asyncio.run(_sign_in(sandbox.url))
    with Store.open(data_dir) as store:
        account = store.accounts.add(
            Account(
                Platform.SANDBOX, "Sandbox demo", sandbox.url, poll_interval_s=DEMO_POLL_INTERVAL_S
            )
        )
        secrets.save(account, Credentials(token=token))
        db_path = store.path
    assert db_path is not None
    return Demo(sandbox, db_path, secrets)


async def _sign_in(url: str) -> str:
    async with make_client() as client:
        return await request_token(client, url)
