"""YouTube connector tests run against the local fake over real loopback HTTP."""

from collections.abc import Iterator

import pytest

from tests.connectors.youtube.session import Session, signed_in, youtube_account
from tests.servers.youtube_fake import YouTubeFake


@pytest.fixture
def fake() -> Iterator[YouTubeFake]:
    with YouTubeFake() as server:
        yield server


@pytest.fixture
def session(fake: YouTubeFake) -> Session:
    return Session(fake, youtube_account(fake), signed_in(fake))
