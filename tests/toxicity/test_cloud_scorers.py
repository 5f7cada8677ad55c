"""The optional cloud scorers against mock responses built from their documented examples
(tests/fixtures/cloud/SOURCES.md): request shapes, parsing, and every way they can fail."""

import asyncio
import json
import socket
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from moderator_app.connectors.pacing import Pacer
from moderator_app.domain import ToxicityLevel, ToxicityResult
from moderator_app.toxicity.cloud.base import CloudBusy, CloudError, CloudUnavailable
from moderator_app.toxicity.cloud.openai_moderation import MAX_BATCH, OpenAIModeration
from moderator_app.toxicity.cloud.opinion import with_opinion
from moderator_app.toxicity.cloud.perspective import MAX_BYTES, Perspective, truncate_utf8

FIXTURES = Path(__file__).parents[1] / "fixtures" / "cloud"
KEY = "sk-test-super-secret-key-1234"
T = TypeVar("T")
Handler = Callable[[httpx.Request], httpx.Response]


def fixture(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def run(handler: Handler, call: Callable[[httpx.AsyncClient], Coroutine[Any, Any, T]]) -> T:
    async def main() -> T:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            return await call(client)

    return asyncio.run(main())


def perspective() -> Perspective:
    return Perspective(KEY, pacer=Pacer(0.0))


def unresolvable(request: httpx.Request) -> httpx.Response:
    gai = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    raise httpx.ConnectError("[Errno -2] Name or service not known", request=request) from gai


def offline(request: httpx.Request) -> httpx.Response:
    gai = socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
    raise httpx.ConnectError("[Errno -3] Temporary failure", request=request) from gai


def assert_no_key(exc: BaseException) -> None:
    chain: BaseException | None = exc
    while chain is not None:
        assert KEY not in str(chain)
        assert KEY not in repr(chain)
        chain = chain.__cause__ or chain.__context__


# --- OpenAI ----------------------------------------------------------------------------------


def test_openai_request_and_documented_response() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=fixture("openai_moderation_flagged.json"))

    [result] = run(handler, lambda c: OpenAIModeration(KEY).score_batch(c, ["I will hurt you"]))
    [request] = seen
    assert (request.method, str(request.url)) == ("POST", "https://api.openai.com/v1/moderations")
    assert request.headers["Authorization"] == f"Bearer {KEY}"
    assert json.loads(request.content) == {
        "model": "omni-moderation-latest",
        "input": ["I will hurt you"],
    }
    assert result == ToxicityResult(
        score=1.0,
        level=ToxicityLevel.TOXIC,
        scorer="openai",
        labels=("harassment", "harassment/threatening", "violence", "violence/graphic"),
    )


def test_openai_batches_in_order_and_unflagged_results() -> None:
    sizes: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        inputs = json.loads(request.content)["input"]
        sizes.append(len(inputs))
        flagged = fixture("openai_moderation_flagged.json")["results"][0]
        calm = {
            "flagged": False,
            "categories": dict.fromkeys(flagged["categories"], False),
            "category_scores": dict.fromkeys(flagged["category_scores"], 0.01),
        }
        return httpx.Response(
            200, json={"results": [flagged if "hurt" in t else calm for t in inputs]}
        )

    texts = [f"hello {i}" for i in range(MAX_BATCH + 3)]
    texts[MAX_BATCH + 1] = "I will hurt you"
    results = run(handler, lambda c: OpenAIModeration(KEY).score_batch(c, texts))
    assert sizes == [MAX_BATCH, 3]
    assert [r.level if r else None for r in results].count(ToxicityLevel.TOXIC) == 1
    hurt = results[MAX_BATCH + 1]
    assert hurt is not None
    assert hurt.score == 1.0
    assert results[0] == ToxicityResult(0.01, ToxicityLevel.OK, scorer="openai")


@pytest.mark.parametrize(
    ("response", "error", "text"),
    [
        (
            httpx.Response(401, json=fixture("openai_error_invalid_key.json")),
            CloudUnavailable,
            "refused",
        ),
        (httpx.Response(404, json={"error": {"message": "gone"}}), CloudUnavailable, "HTTP 404"),
        (httpx.Response(429, headers={"Retry-After": "12"}), CloudBusy, "rate limited"),
        (httpx.Response(503, text="<html>busy</html>"), CloudBusy, "HTTP 503"),
        (httpx.Response(200, text="not json"), CloudBusy, "not valid JSON"),
        (httpx.Response(200, json={"results": []}), CloudBusy, "expected 1 results"),
    ],
)
def test_openai_failures(response: httpx.Response, error: type[CloudError], text: str) -> None:
    with pytest.raises(error, match=text) as caught:
        run(lambda _: response, lambda c: OpenAIModeration(KEY).score_batch(c, ["x"]))
    assert_no_key(caught.value)
    if isinstance(caught.value, CloudBusy) and response.status_code == 429:
        assert caught.value.retry_after == 12


def test_openai_refused_input_is_no_opinion() -> None:
    response = httpx.Response(400, json={"error": {"message": "input too long"}})
    assert run(lambda _: response, lambda c: OpenAIModeration(KEY).score_batch(c, ["a", "b"])) == [
        None,
        None,
    ]


@pytest.mark.parametrize(
    ("handler", "error"), [(unresolvable, CloudUnavailable), (offline, CloudBusy)]
)
def test_openai_network_failures(handler: Handler, error: type[CloudError]) -> None:
    with pytest.raises(error) as caught:
        run(handler, lambda c: OpenAIModeration(KEY).score_batch(c, ["x"]))
    assert caught.value.__context__ is None  # the httpx error (holding the key) is not chained
    assert_no_key(caught.value)
    assert KEY not in repr(OpenAIModeration(KEY))


# --- Perspective -----------------------------------------------------------------------------


def test_perspective_request_and_documented_responses() -> None:
    seen: list[httpx.Request] = []
    bodies = [fixture("perspective_analyze_toxic.json"), fixture("perspective_analyze_spans.json")]

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=bodies[len(seen) - 1])

    results = run(
        handler, lambda c: perspective().score_batch(c, ["what kind of idiot", "ну ты и"])
    )
    assert results == [
        ToxicityResult(0.9209, ToxicityLevel.TOXIC, scorer="perspective", labels=("toxicity",)),
        ToxicityResult(0.4446, ToxicityLevel.OK, scorer="perspective"),
    ]
    request = seen[0]
    assert str(request.url) == "https://commentanalyzer.googleapis.com/v1alpha1/comments:analyze"
    assert KEY not in str(request.url)
    assert request.headers["x-goog-api-key"] == KEY
    assert json.loads(request.content) == {
        "comment": {"text": "what kind of idiot"},
        "requestedAttributes": {"TOXICITY": {}},
        "doNotStore": True,
    }


def test_perspective_gives_no_opinion_on_unsupported_languages_and_blank_text() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        text = json.loads(request.content)["comment"]["text"]
        calls.append(text)
        if text == "🙇":
            return httpx.Response(400, json=fixture("perspective_error_language.json"))
        return httpx.Response(200, json=fixture("perspective_analyze_toxic.json"))

    results = run(handler, lambda c: perspective().score_batch(c, ["🙇", "  ", "idiot"]))
    assert results[0] is None
    assert results[1] is None
    assert results[2] is not None
    assert results[2].level is ToxicityLevel.TOXIC
    assert calls == ["🙇", "idiot"]


@pytest.mark.parametrize(
    ("response", "error", "text"),
    [
        (
            httpx.Response(404, json=fixture("perspective_error_not_found.json")),
            CloudUnavailable,
            "no longer available",
        ),
        (httpx.Response(410), CloudUnavailable, "shut down at the end of 2026"),
        (
            httpx.Response(403, json=fixture("perspective_error_shut_down.json")),
            CloudUnavailable,
            "no longer available",
        ),
        (
            httpx.Response(403, json={"error": {"message": f"API key not valid: {KEY}"}}),
            CloudUnavailable,
            "refused",
        ),
        (httpx.Response(429), CloudBusy, "rate limited"),
        (httpx.Response(500), CloudBusy, "HTTP 500"),
        (httpx.Response(200, text="{"), CloudBusy, "not valid JSON"),
    ],
)
def test_perspective_failures(response: httpx.Response, error: type[CloudError], text: str) -> None:
    with pytest.raises(error, match=text) as caught:
        run(lambda _: response, lambda c: perspective().score_batch(c, ["x"]))
    assert_no_key(caught.value)


def test_perspective_gone_from_dns_is_unavailable_but_offline_is_busy() -> None:
    with pytest.raises(CloudUnavailable, match="no longer exists"):
        run(unresolvable, lambda c: perspective().score_batch(c, ["x"]))
    with pytest.raises(CloudBusy, match="could not connect"):
        run(offline, lambda c: perspective().score_batch(c, ["x"]))


def test_perspective_cuts_long_texts_to_the_api_limit() -> None:
    text = "ж" * 2000  # 4,000 bytes
    cut = truncate_utf8(text)
    assert len(cut.encode("utf-8")) <= MAX_BYTES
    assert text.startswith(cut)
    assert truncate_utf8("short") == "short"


# --- joining a verdict -----------------------------------------------------------------------


def test_opinions_join_as_labels_and_replace_earlier_ones() -> None:
    local = ToxicityResult(
        0.62, ToxicityLevel.REVIEW, scorer="lexicon+calibrated", labels=("insult",)
    )
    once = with_opinion(local, "openai", ("harassment",))
    assert once.labels == ("insult", "openai:harassment")
    assert (once.score, once.level) == (local.score, local.level)
    assert once.scorer == "lexicon+calibrated+openai"
    again = with_opinion(once, "openai", ("ok",))
    assert again.labels == ("insult", "openai:ok")
    assert again.scorer == "lexicon+calibrated+openai"
