"""The only module that talks to keyring: every token is read and written here.

Where the system has no keyring backend (a headless Linux without a Secret Service), the
user gets a clear `SecretsUnavailable` message and nothing is half-saved. Tokens never go
into SQLite, logs or exception text.
"""

import json
import logging

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from moderator_app import APP_ID
from moderator_app.connectors.base import Credentials
from moderator_app.domain import Account

log = logging.getLogger(__name__)

NO_BACKEND_HELP = (
    "No system keyring is available to keep account tokens safe. Start a Secret Service "
    "(GNOME Keyring or KWallet) and unlock it, or choose a keyring backend with the "
    "PYTHON_KEYRING_BACKEND environment variable. Moderator never stores tokens in plain files."
)


class SecretsUnavailable(Exception):
    """No usable keyring backend, or it refused: the account cannot be saved safely."""


class MemoryKeyring(KeyringBackend):
    """Secrets that live only as long as the process: for the demo sandbox and for tests."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self._items.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


def use_memory_backend() -> None:
    keyring.set_keyring(MemoryKeyring())


class SecretStore:
    def __init__(self, service: str = APP_ID) -> None:
        self._service = service

    def check_available(self) -> None:
        try:
            keyring.get_password(self._service, "availability-check")
        except keyring.errors.KeyringError:
            raise SecretsUnavailable(NO_BACKEND_HELP) from None
        except Exception as exc:  # a broken backend must not crash the app either
            raise SecretsUnavailable(f"{NO_BACKEND_HELP} ({type(exc).__name__})") from None

    def save(self, account: Account, credentials: Credentials) -> None:
        blob = json.dumps({"token": credentials.token, "extra": credentials.extra})
        try:
            keyring.set_password(self._service, account.secret_key, blob)
        except keyring.errors.KeyringError:
            raise SecretsUnavailable(NO_BACKEND_HELP) from None

    def load(self, account: Account) -> Credentials | None:
        try:
            blob = keyring.get_password(self._service, account.secret_key)
        except keyring.errors.KeyringError:
            raise SecretsUnavailable(NO_BACKEND_HELP) from None
        if blob is None:
            return None
        try:
            data = json.loads(blob)
            return Credentials(token=str(data["token"]), extra=dict(data.get("extra", {})))
        except (ValueError, KeyError, TypeError):
            log.warning("stored credentials for account %s are unreadable", account.id)
            return None

    def delete(self, account: Account) -> None:
        try:
            keyring.delete_password(self._service, account.secret_key)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError:
            raise SecretsUnavailable(NO_BACKEND_HELP) from None

    # --- keys of services that are not accounts (cloud scorers: "openai", "perspective") ---

    def save_service_key(self, name: str, key: str) -> None:
        try:
            keyring.set_password(self._service, _service_user(name), key)
        except keyring.errors.KeyringError:
            raise SecretsUnavailable(NO_BACKEND_HELP) from None

    def load_service_key(self, name: str) -> str | None:
        try:
            return keyring.get_password(self._service, _service_user(name))
        except keyring.errors.KeyringError:
            raise SecretsUnavailable(NO_BACKEND_HELP) from None

    def delete_service_key(self, name: str) -> None:
        try:
            keyring.delete_password(self._service, _service_user(name))
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError:
            raise SecretsUnavailable(NO_BACKEND_HELP) from None


def _service_user(name: str) -> str:
    """The keyring user name for a service key; never clashes with "account-<id>"."""
    if not name or not name.replace("-", "").replace("_", "").isalnum():
        raise ValueError(f"not a service name: {name!r}")
    return f"service-{name}"
