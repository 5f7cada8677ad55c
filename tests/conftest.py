"""Suite-wide setup: Qt offscreen, and secrets kept in memory through keyring's own API."""

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

from moderator_app.secrets import MemoryKeyring  # noqa: E402


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test gets an empty in-memory keyring; the machine's own is never touched."""
    previous: KeyringBackend = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
