from collections.abc import Iterator
from pathlib import Path

import pytest

from moderator_app.domain import Account, Platform
from moderator_app.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "moderator.db") as s:
        yield s


@pytest.fixture
def account(store: Store) -> Account:
    return store.accounts.add(Account(Platform.SANDBOX, "demo", "http://127.0.0.1:1"))
