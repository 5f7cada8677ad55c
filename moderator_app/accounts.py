"""Connecting and disconnecting accounts: the one place that writes an account together with
its keyring secret, so neither the CLI nor the UI can leave one half-saved."""

from collections.abc import Sequence

import httpx

from moderator_app.connectors.base import SignInResult, WatchTarget
from moderator_app.connectors.registry import default_poll_interval, setup_for
from moderator_app.domain import Account, Platform
from moderator_app.secrets import SecretStore, SecretsUnavailable
from moderator_app.store import Store

# Platforms whose updates go to one reader only: a second account on the same bot would take
# half of the first one's comments (Telegram answers the other reader with 409 Conflict).
ONE_READER_PER_IDENTITY = frozenset({Platform.TELEGRAM})


class AccountConflict(Exception):
    """The account cannot be added beside one that exists; the message says what to do."""


async def sign_in(
    platform: Platform, values: dict[str, str], client: httpx.AsyncClient
) -> SignInResult:
    """Check the moderator's credentials against the platform and list what can be watched."""
    return await setup_for(platform).sign_in(client, values)


def save_account(
    store: Store,
    secrets: SecretStore,
    platform: Platform,
    result: SignInResult,
    *,
    name: str | None = None,
    targets: Sequence[WatchTarget] | None = None,
    poll_interval_s: float | None = None,
) -> Account:
    """Store the account and its credentials, both or neither.

    `targets` are the communities/groups/videos the moderator chose to watch (default: all
    that sign-in found); their ids go into the account's settings under "watch".
    """
    secrets.check_available()
    _refuse_second_reader(store, platform, result)
    chosen = list(result.targets if targets is None else targets)
    settings = dict(result.settings)
    if chosen:
        settings["watch"] = [t.id for t in chosen]
        settings["watch_titles"] = {t.id: t.title for t in chosen}
    account = store.accounts.add(
        Account(
            platform,
            name or result.account_name,
            result.url,
            settings=settings,
            poll_interval_s=poll_interval_s or default_poll_interval(platform),
        )
    )
    assert account.id is not None
    try:
        secrets.save(account, result.credentials)
    except SecretsUnavailable:
        store.accounts.remove(account.id)
        raise
    return account


def _refuse_second_reader(store: Store, platform: Platform, result: SignInResult) -> None:
    if platform not in ONE_READER_PER_IDENTITY or not result.url:
        return
    for existing in store.accounts.list():
        if existing.platform is platform and existing.url == result.url:
            raise AccountConflict(
                f"{result.account_name} is already connected as the account "
                f"\u201c{existing.name}\u201d, and only one reader at a time gets its updates. "
                "Add the new groups to that account (remove it and connect again, choosing "
                "all the groups), or create another bot for them."
            )


def remove_account(store: Store, secrets: SecretStore, account: Account) -> None:
    """Forget the account, its comments and its token. A keyring that cannot be reached
    does not keep the account alive: the user asked for it to go."""
    assert account.id is not None
    try:
        secrets.delete(account)
    finally:
        store.accounts.remove(account.id)
