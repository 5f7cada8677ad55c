"""One connector per account, built from the account's keyring credentials on first use."""

from collections.abc import Callable

import httpx

from moderator_app.connectors.base import Connector, Credentials, CredentialsChanged
from moderator_app.connectors.errors import AuthExpired
from moderator_app.connectors.registry import make_connector
from moderator_app.domain import Account
from moderator_app.secrets import SecretStore

ConnectorFactory = Callable[
    [Account, Credentials, httpx.AsyncClient, CredentialsChanged | None], Connector
]


class ConnectorPool:
    def __init__(
        self,
        secrets: SecretStore,
        client: httpx.AsyncClient,
        factory: ConnectorFactory = make_connector,
    ) -> None:
        self._secrets = secrets
        self._client = client
        self._factory = factory
        self._connectors: dict[int, tuple[Account, Connector]] = {}

    def get(self, account: Account) -> Connector:
        assert account.id is not None
        cached = self._connectors.get(account.id)
        if cached is not None and cached[0] == account:
            return cached[1]
        credentials = self._secrets.load(account)
        if credentials is None:
            raise AuthExpired(f"no credentials are stored for {account.name}; sign in again")
        connector = self._factory(account, credentials, self._client, self._saver(account))
        self._connectors[account.id] = (account, connector)
        return connector

    def _saver(self, account: Account) -> CredentialsChanged:
        def save(credentials: Credentials) -> None:
            self._secrets.save(account, credentials)

        return save

    def forget(self, account_id: int) -> None:
        """Drop a connector so the next use re-reads the keyring (after a new sign-in)."""
        self._connectors.pop(account_id, None)
