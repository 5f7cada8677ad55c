from collections.abc import Iterator

import httpx
import pytest

from moderator_app.sandbox import SandboxServer


@pytest.fixture
def api(sandbox: SandboxServer, token: str) -> Iterator[httpx.Client]:
    """A signed-in client of the platform API."""
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=sandbox.url, headers=headers, timeout=5) as client:
        yield client
