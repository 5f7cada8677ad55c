import pytest

from moderator_app.domain import Account, Platform
from moderator_app.store import Store


@pytest.fixture
def account(store: Store) -> Account:
    return store.accounts.add(Account(Platform.SANDBOX, "demo", "http://127.0.0.1:1"))
