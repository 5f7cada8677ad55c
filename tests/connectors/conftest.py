"""Connector tests run against a real sandbox on a loopback port, over real HTTP."""

import pytest

from moderator_app.sandbox import SandboxServer
from tests.connectors.sandbox_session import Connect


@pytest.fixture
def connect(sandbox: SandboxServer, token: str) -> Connect:
    return Connect(sandbox.url, token)
