"""Connecting accounts: the account and its secret are saved together or not at all."""

import asyncio
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring

from moderator_app.accounts import AccountConflict, remove_account, save_account, sign_in
from moderator_app.connectors.base import Credentials, SignInResult
from moderator_app.connectors.http import make_client
from moderator_app.domain import Platform
from moderator_app.sandbox import SandboxServer
from moderator_app.secrets import SecretStore, SecretsUnavailable
from moderator_app.store import Store


def test_sign_in_save_and_remove(tmp_path: Path, sandbox: SandboxServer) -> None:
    async def run():
        async with make_client() as client:
            return await sign_in(Platform.SANDBOX, {"url": sandbox.url + "/"}, client)

    result = asyncio.run(run())
    assert result.url == sandbox.url
    assert len(result.targets) >= 2
    secrets = SecretStore()
    with Store.open(tmp_path) as store:
        account = save_account(store, secrets, Platform.SANDBOX, result, targets=result.targets[:1])
        assert account.settings["watch"] == [result.targets[0].id]
        loaded = secrets.load(account)
        assert loaded is not None
        assert loaded.token == result.credentials.token
        assert result.credentials.token not in repr(result)
        remove_account(store, secrets, account)
        assert store.accounts.list() == []
        assert secrets.load(account) is None


def test_no_keyring_saves_nothing(tmp_path: Path, sandbox: SandboxServer) -> None:
    async def run():
        async with make_client() as client:
            return await sign_in(Platform.SANDBOX, {"url": sandbox.url}, client)

    result = asyncio.run(run())
    keyring.set_keyring(NoKeyring())
    with Store.open(tmp_path) as store, pytest.raises(SecretsUnavailable, match="keyring"):
        save_account(store, SecretStore(), Platform.SANDBOX, result)
    with Store.open(tmp_path) as store:
        assert store.accounts.list() == []


def test_a_second_account_on_the_same_telegram_bot_is_refused(tmp_path: Path) -> None:
    """Telegram gives each update to one reader: two accounts on one bot would split them."""
    result = SignInResult(
        credentials=Credentials(token="123456789:AAE-not-a-real-token"),
        account_name="@shop_mod_bot",
        url="https://t.me/shop_mod_bot",
        settings={"chat_ids": [-100123]},
    )
    secrets = SecretStore()
    with Store.open(tmp_path) as store:
        first = save_account(store, secrets, Platform.TELEGRAM, result, name="Shop")
        with pytest.raises(AccountConflict, match=r"already connected as the account .Shop."):
            save_account(store, secrets, Platform.TELEGRAM, result, name="Shop again")
        assert [a.id for a in store.accounts.list()] == [first.id]
        other = SignInResult(
            credentials=Credentials(token="987654321:AAE-another"),
            account_name="@news_mod_bot",
            url="https://t.me/news_mod_bot",
        )
        save_account(store, secrets, Platform.TELEGRAM, other)
        assert len(store.accounts.list()) == 2
