"""Which connector class serves which platform."""

import httpx

from moderator_app.connectors.base import Connector, Credentials, CredentialsChanged
from moderator_app.connectors.errors import NotSupported
from moderator_app.domain import Account, Platform


def make_connector(
    account: Account,
    credentials: Credentials,
    client: httpx.AsyncClient,
    on_credentials: CredentialsChanged | None = None,
) -> Connector:
    """The connector for `account`. `on_credentials` receives refreshed tokens to keep."""
    if account.platform is Platform.SANDBOX:
        from moderator_app.connectors.sandbox import SandboxConnector

        return SandboxConnector(account.url, credentials, client)
    raise NotSupported(f"{account.platform.label} accounts are not supported yet")
