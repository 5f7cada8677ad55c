"""Which connector class serves which platform."""

import httpx

from moderator_app.connectors.base import Connector, Credentials
from moderator_app.connectors.errors import NotSupported
from moderator_app.domain import Account, Platform


def make_connector(
    account: Account, credentials: Credentials, client: httpx.AsyncClient
) -> Connector:
    if account.platform is Platform.SANDBOX:
        from moderator_app.connectors.sandbox import SandboxConnector

        return SandboxConnector(account.url, credentials, client)
    raise NotSupported(f"{account.platform.label} accounts are not supported yet")
