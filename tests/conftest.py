"""Suite-wide setup: Qt offscreen, secrets kept in memory through keyring's own API, and a
store in a real SQLite file per test."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx
import keyring
from keyring.backend import KeyringBackend

from moderator_app.sandbox import SandboxServer
from moderator_app.secrets import MemoryKeyring
from moderator_app.store import Store


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test gets an empty in-memory keyring; the machine's own is never touched."""
    previous: KeyringBackend = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "moderator.db") as s:
        yield s


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    """A real sandbox on a loopback port, quiet (no background stream) so each test sees one
    world; tests add comments through `/_admin/generate`."""
    with SandboxServer(seed=7, initial_comments=40, interval_s=0, rate_per_s=1000, burst=1000) as s:
        yield s


@pytest.fixture
def admin(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    """Unauthenticated client: `/_admin/*` and the HTML pages."""
    with httpx.Client(base_url=sandbox.url, timeout=5) as client:
        yield client


@pytest.fixture
def token(admin: httpx.Client) -> str:
    response = admin.post("/api/v1/token", json={"client": "tests"})
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    return str(body["access_token"])
