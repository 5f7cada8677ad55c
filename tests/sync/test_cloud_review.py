"""Cloud second opinions in the engine: off by default, keys from the keyring, only flagged
comments, labels joined, and a retired service switched off without disturbing anything else."""

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from moderator_app.connectors.pacing import Pacer
from moderator_app.domain import Account, Platform, ToxicityLevel, ToxicityResult
from moderator_app.secrets import SecretStore
from moderator_app.store import Store
from moderator_app.store.settings import (
    CLOUD_OPENAI_ENABLED,
    CLOUD_OPENAI_STATUS,
    CLOUD_PERSPECTIVE_ENABLED,
    CLOUD_PERSPECTIVE_STATUS,
)
from moderator_app.sync.cloud_review import SERVICES, CloudReviewer, CloudService, statuses
from moderator_app.toxicity.cloud.perspective import Perspective
from tests.factories import remote

FIXTURES = Path(__file__).parents[1] / "fixtures" / "cloud"


def fixture(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class FakeCloud:
    """Answers OpenAI with its documented flagged example, Perspective as told."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.perspective: httpx.Response = httpx.Response(
            200, json=fixture("perspective_analyze_spans.json")
        )

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.host == "api.openai.com":
            inputs = json.loads(request.content)["input"]
            result = fixture("openai_moderation_flagged.json")["results"][0]
            return httpx.Response(200, json={"results": [result] * len(inputs)})
        return self.perspective

    def hosts(self) -> list[str]:
        return [r.url.host for r in self.requests]


@pytest.fixture
def ids(store: Store) -> list[int]:
    """Three comments: flagged toxic, flagged review, fine."""
    account = store.accounts.add(Account(Platform.SANDBOX, "demo"))
    assert account.id is not None
    added = list(store.comments.ingest(account.id, [remote(n) for n in range(3)], None).added_ids)
    store.comments.set_toxicity(
        [
            (
                added[0],
                ToxicityResult(0.9, ToxicityLevel.TOXIC, scorer="lexicon", labels=("insult",)),
            ),
            (added[1], ToxicityResult(0.5, ToxicityLevel.REVIEW, scorer="lexicon")),
            (added[2], ToxicityResult(0.1, ToxicityLevel.OK, scorer="lexicon")),
        ]
    )
    return added


def paced_services() -> tuple[CloudService, ...]:
    """The real services, with Perspective's 1-per-second pacing taken out for the tests."""
    openai, _ = SERVICES
    return (
        openai,
        CloudService(
            "perspective",
            CLOUD_PERSPECTIVE_ENABLED,
            CLOUD_PERSPECTIVE_STATUS,
            lambda key: Perspective(key, pacer=Pacer(0.0)),
        ),
    )


def review(reviewer: CloudReviewer, store: Store, cloud: FakeCloud) -> dict[int, list[int]]:
    async def main() -> dict[int, list[int]]:
        async with httpx.AsyncClient(transport=httpx.MockTransport(cloud)) as client:
            return await reviewer.review(store, client)

    return asyncio.run(main())


def test_off_by_default_sends_nothing(store: Store, ids: list[int]) -> None:
    cloud = FakeCloud()
    SecretStore().save_service_key("openai", "sk-key")
    assert review(CloudReviewer(SecretStore()), store, cloud) == {}
    assert cloud.requests == []
    assert statuses(store) == {"openai": (False, ""), "perspective": (False, "")}


def test_enabled_without_a_key_says_so(store: Store, ids: list[int]) -> None:
    store.settings.set(CLOUD_OPENAI_ENABLED, True)
    cloud = FakeCloud()
    assert review(CloudReviewer(SecretStore()), store, cloud) == {}
    assert cloud.requests == []
    assert store.settings.get(CLOUD_OPENAI_STATUS) == "no API key saved"


def test_flagged_comments_get_a_second_opinion_once(store: Store, ids: list[int]) -> None:
    secrets = SecretStore()
    secrets.save_service_key("openai", "sk-key")
    store.settings.set(CLOUD_OPENAI_ENABLED, True)
    cloud = FakeCloud()
    changed = review(CloudReviewer(secrets), store, cloud)
    assert sorted(next(iter(changed.values()))) == ids[:2]
    [request] = cloud.requests
    assert len(json.loads(request.content)["input"]) == 2  # the fine comment stays home
    first, second, third = store.comments.by_ids(ids)
    assert first.toxicity is not None
    assert second.toxicity is not None
    assert first.toxicity.labels[0] == "insult"
    assert "openai:harassment" in first.toxicity.labels
    assert (first.toxicity.score, first.toxicity.level) == (0.9, ToxicityLevel.TOXIC)
    assert second.toxicity.scorer == "lexicon+openai"
    assert third.toxicity is not None
    assert third.toxicity.labels == ()
    assert review(CloudReviewer(secrets), store, cloud) == {}
    assert len(cloud.requests) == 1  # judged once


def test_retired_perspective_is_switched_off_and_openai_carries_on(
    store: Store, ids: list[int]
) -> None:
    secrets = SecretStore()
    secrets.save_service_key("openai", "sk-key")
    secrets.save_service_key("perspective", "AIza-key")
    store.settings.set(CLOUD_OPENAI_ENABLED, True)
    store.settings.set(CLOUD_PERSPECTIVE_ENABLED, True)
    cloud = FakeCloud()
    cloud.perspective = httpx.Response(410)
    changed = review(CloudReviewer(secrets, paced_services()), store, cloud)
    assert sorted(next(iter(changed.values()))) == ids[:2]
    assert store.settings.get(CLOUD_PERSPECTIVE_ENABLED) is False
    status = store.settings.get(CLOUD_PERSPECTIVE_STATUS)
    assert "no longer available" in status
    assert "AIza-key" not in status
    assert cloud.hosts() == ["api.openai.com", "commentanalyzer.googleapis.com"]
    review(CloudReviewer(secrets, paced_services()), store, cloud)
    assert len(cloud.requests) == 2  # not asked again


def test_a_busy_service_rests_then_resumes(store: Store, ids: list[int]) -> None:
    secrets = SecretStore()
    secrets.save_service_key("perspective", "AIza-key")
    store.settings.set(CLOUD_PERSPECTIVE_ENABLED, True)
    cloud = FakeCloud()
    cloud.perspective = httpx.Response(429, headers={"Retry-After": "30"})
    clock = Clock()
    reviewer = CloudReviewer(secrets, paced_services(), clock=clock)
    assert review(reviewer, store, cloud) == {}
    assert len(cloud.requests) == 1
    cloud.perspective = httpx.Response(200, json=fixture("perspective_analyze_toxic.json"))
    assert review(reviewer, store, cloud) == {}  # still resting
    assert len(cloud.requests) == 1
    clock.now += 31
    changed = review(reviewer, store, cloud)
    assert sorted(next(iter(changed.values()))) == ids[:2]
    [first] = store.comments.by_ids([ids[0]])
    assert first.toxicity is not None
    assert "perspective:toxicity" in first.toxicity.labels
    assert store.settings.get(CLOUD_PERSPECTIVE_ENABLED) is True


def test_service_keys_live_in_the_keyring_apart_from_accounts() -> None:
    secrets = SecretStore()
    assert secrets.load_service_key("openai") is None
    secrets.save_service_key("openai", "sk-1")
    assert secrets.load_service_key("openai") == "sk-1"
    secrets.delete_service_key("openai")
    secrets.delete_service_key("openai")  # deleting twice is fine
    assert secrets.load_service_key("openai") is None
    with pytest.raises(ValueError, match="service name"):
        secrets.save_service_key("../account-1", "x")
