"""The cloud scorer protocol, and the two ways a remote service can let us down.

A cloud scorer is asynchronous (it waits on the network, unlike the local `Scorer`) and uses the
engine's one httpx client. It may have no opinion on a text (None), be busy for a while
(`CloudBusy`: try later), or be unusable until the moderator acts (`CloudUnavailable`: no key,
key refused, service gone), in which case it is switched off with that message.
"""

from collections.abc import Sequence
from typing import Protocol

import httpx

from moderator_app.domain import ToxicityResult


class CloudError(Exception):
    """Base of a cloud scorer's failures. Messages never contain the API key."""


class CloudBusy(CloudError):
    """Rate limited, a network problem or a server error: nothing to do but wait."""

    def __init__(self, message: str, retry_after: float = 60.0) -> None:
        super().__init__(message)
        self.retry_after = max(0.0, retry_after)


class CloudUnavailable(CloudError):
    """The service cannot be used until the moderator does something about it."""


class CloudScorer(Protocol):
    name: str

    async def score_batch(
        self, client: httpx.AsyncClient, texts: Sequence[str]
    ) -> list[ToxicityResult | None]:
        """One result per text, in order; None where the service has no opinion."""
        ...
