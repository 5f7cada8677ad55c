"""Second opinions from the optional cloud scorers, on comments the local model flagged.

Off by default: a service is asked only when its setting is on and its key is in the keyring.
Only flagged, unreviewed comments are sent (newest first, a few per round), which bounds the
cost and what leaves the machine. The opinion joins the comment as labels (see
`toxicity.cloud.opinion`); the local score and level never change. A service that is busy is
left alone for a while; one that is unusable (key refused, service gone) is switched off, with
the reason saved as its status for the settings to show.
"""

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import httpx

from moderator_app.secrets import SecretStore, SecretsUnavailable
from moderator_app.store import Store
from moderator_app.store.cloud_checks import CloudOpinion
from moderator_app.store.settings import (
    CLOUD_OPENAI_ENABLED,
    CLOUD_OPENAI_STATUS,
    CLOUD_PERSPECTIVE_ENABLED,
    CLOUD_PERSPECTIVE_STATUS,
    Setting,
)
from moderator_app.toxicity.cloud.base import CloudBusy, CloudScorer, CloudUnavailable
from moderator_app.toxicity.cloud.openai_moderation import OpenAIModeration
from moderator_app.toxicity.cloud.opinion import OK_LABEL, with_opinion
from moderator_app.toxicity.cloud.perspective import Perspective

log = logging.getLogger(__name__)

PER_ROUND = 8
NO_KEY = "no API key saved"

ScorerFactory = Callable[[str], CloudScorer]


@dataclass(frozen=True, slots=True)
class CloudService:
    name: str
    enabled: Setting[bool]
    status: Setting[str]
    build: ScorerFactory


SERVICES: tuple[CloudService, ...] = (
    CloudService("openai", CLOUD_OPENAI_ENABLED, CLOUD_OPENAI_STATUS, OpenAIModeration),
    CloudService("perspective", CLOUD_PERSPECTIVE_ENABLED, CLOUD_PERSPECTIVE_STATUS, Perspective),
)


class CloudReviewer:
    """Lives as long as the engine: remembers which service is resting after a busy answer."""

    def __init__(
        self,
        secrets: SecretStore,
        services: tuple[CloudService, ...] = SERVICES,
        *,
        per_round: int = PER_ROUND,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._secrets = secrets
        self._services = services
        self._per_round = per_round
        self._clock = clock
        self._resume_at: dict[str, float] = {}
        self._scorers: dict[str, tuple[str, CloudScorer]] = {}

    async def review(self, store: Store, client: httpx.AsyncClient) -> dict[int, list[int]]:
        """One round for every enabled service; returns the comments whose labels changed,
        by account (for `CommentsChanged`)."""
        changed: set[int] = set()
        for service in self._services:
            if store.settings.get(service.enabled):
                changed |= await self._review_with(service, store, client)
        by_account: dict[int, list[int]] = {}
        for comment in store.comments.by_ids(sorted(changed)):
            by_account.setdefault(comment.account_id, []).append(comment.id)
        return by_account

    async def _review_with(
        self, service: CloudService, store: Store, client: httpx.AsyncClient
    ) -> set[int]:
        if self._clock() < self._resume_at.get(service.name, 0.0):
            return set()
        pending = store.cloud_checks.pending(service.name, self._per_round)
        if not pending:
            return set()
        key = self._key(service, store)
        if key is None:
            return set()
        try:
            scorer = self._scorer(service, key)
            results = await scorer.score_batch(client, [t for _, t in pending])
        except CloudUnavailable as exc:
            log.warning("%s switched off: %s", service.name, exc)
            store.settings.set(service.enabled, False)
            store.settings.set(service.status, str(exc))
            return set()
        except CloudBusy as exc:
            log.info("%s resting for %.0f s: %s", service.name, exc.retry_after, exc)
            self._resume_at[service.name] = self._clock() + exc.retry_after
            return set()
        if store.settings.get(service.status):
            store.settings.set(service.status, "")
        changed = set()
        for (comment_id, text), result in zip(pending, results, strict=True):
            labels = () if result is None else (result.labels or (OK_LABEL,))
            opinion = CloudOpinion(service.name, None if result is None else result.score, labels)
            store.cloud_checks.record(comment_id, service.name, text, opinion)
            if result is not None and self._attach(store, comment_id, service.name, labels):
                changed.add(comment_id)
        return changed

    def _scorer(self, service: CloudService, key: str) -> CloudScorer:
        """One scorer per service while its key stays the same, so its pacing carries over."""
        known = self._scorers.get(service.name)
        if known is None or known[0] != key:
            known = (key, service.build(key))
            self._scorers[service.name] = known
        return known[1]

    def _key(self, service: CloudService, store: Store) -> str | None:
        try:
            key = self._secrets.load_service_key(service.name)
        except SecretsUnavailable as exc:
            store.settings.set(service.status, str(exc))
            return None
        if not key:
            if store.settings.get(service.status) != NO_KEY:
                store.settings.set(service.status, NO_KEY)
            return None
        return key

    @staticmethod
    def _attach(store: Store, comment_id: int, service: str, labels: tuple[str, ...]) -> bool:
        comment = store.comments.get(comment_id)
        if comment is None or comment.toxicity is None:
            return False
        store.comments.set_toxicity([(comment_id, with_opinion(comment.toxicity, service, labels))])
        return True


def statuses(store: Store) -> Mapping[str, tuple[bool, str]]:
    """Each service's (enabled, status message), for a settings view."""
    return {s.name: (store.settings.get(s.enabled), store.settings.get(s.status)) for s in SERVICES}
