"""Google's Perspective API as a cloud scorer (commentanalyzer v1alpha1 `comments:analyze`,
attribute TOXICITY), for as long as it exists.

Perspective was announced to shut down at the end of 2026. Its absence must cost nothing: a
404/410, an error saying the service is shut down, or an address that no longer resolves turns
the scorer off with a clear status, and the app carries on with its own model.

One comment per request, paced to the default quota of 1 request per second; texts are cut to
the API's 3,000-byte limit; `doNotStore` is set because moderated comments may be private. The
key goes in the `x-goog-api-key` header, never in the URL. Languages are left to the API's
detection (comments mix Russian and English, both supported); a text in a language it does not
support gets no opinion rather than an error.
"""

from collections.abc import Sequence
from typing import Any

import httpx

from moderator_app.connectors.http import MalformedPayload, decode_json_object
from moderator_app.connectors.pacing import Pacer
from moderator_app.domain import ToxicityLevel, ToxicityResult
from moderator_app.toxicity.cloud.base import CloudBusy, CloudUnavailable
from moderator_app.toxicity.cloud.transport import busy, error_message, is_busy_status, post_json

URL = "https://commentanalyzer.googleapis.com/v1alpha1/comments:analyze"
ATTRIBUTE = "TOXICITY"
MAX_BYTES = 3000
QUOTA_INTERVAL_S = 1.0
TOXIC_AT = 0.7
"""Perspective's own guidance for moderation assistance starts at 0.7."""
WHAT = "Perspective API"
_SHUT_DOWN_WORDS = (
    "shut down",
    "shutdown",
    "turned down",
    "discontinued",
    "decommissioned",
    "no longer available",
    "sunset",
)
RETIRED = (
    f"{WHAT} is no longer available (it was announced to shut down at the end of 2026); "
    "the app works without it"
)


def truncate_utf8(text: str, limit: int = MAX_BYTES) -> str:
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode("utf-8", errors="ignore")


class Perspective:
    name = "perspective"

    def __init__(self, api_key: str, *, url: str = URL, pacer: Pacer | None = None) -> None:
        self._key = api_key
        self._url = url
        self._pacer = pacer or Pacer(QUOTA_INTERVAL_S)

    def __repr__(self) -> str:
        return f"Perspective(url={self._url!r})"

    async def score_batch(
        self, client: httpx.AsyncClient, texts: Sequence[str]
    ) -> list[ToxicityResult | None]:
        return [await self._score(client, text) for text in texts]

    async def _score(self, client: httpx.AsyncClient, text: str) -> ToxicityResult | None:
        if not text.strip():
            return None
        await self._pacer.wait()
        response = await post_json(
            client,
            self._url,
            what=WHAT,
            body={
                "comment": {"text": truncate_utf8(text)},
                "requestedAttributes": {ATTRIBUTE: {}},
                "doNotStore": True,
            },
            headers={"x-goog-api-key": self._key},
        )
        status = response.status_code
        if status >= 400:
            return self._failed(response)
        try:
            return parse_response(decode_json_object(response, what=WHAT))
        except MalformedPayload as exc:
            raise CloudBusy(str(exc)) from None

    def _failed(self, response: httpx.Response) -> ToxicityResult | None:
        """No opinion (None) for a text it will not judge; raises for everything else."""
        status = response.status_code
        detail = error_message(response, [self._key])
        suffix = f": {detail}" if detail else ""
        if status in {404, 410} or any(w in detail.lower() for w in _SHUT_DOWN_WORDS):
            raise CloudUnavailable(f"{RETIRED} (HTTP {status}){suffix}")
        if is_busy_status(status):
            raise busy(response, WHAT, detail)
        if status == 400:  # e.g. "Attribute TOXICITY does not support request languages: und"
            return None
        if status in {401, 403}:
            raise CloudUnavailable(f"{WHAT}: the API key was refused (HTTP {status}){suffix}")
        raise CloudUnavailable(f"{WHAT} failed (HTTP {status}){suffix}")


def parse_response(data: dict[str, Any]) -> ToxicityResult | None:
    scores = data.get("attributeScores")
    attribute = scores.get(ATTRIBUTE) if isinstance(scores, dict) else None
    summary = attribute.get("summaryScore") if isinstance(attribute, dict) else None
    value = summary.get("value") if isinstance(summary, dict) else None
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None  # e.g. below a scoreThreshold: the API returns no score at all
    score = round(max(0.0, min(1.0, float(value))), 4)
    toxic = score >= TOXIC_AT
    return ToxicityResult(
        score=score,
        level=ToxicityLevel.TOXIC if toxic else ToxicityLevel.OK,
        scorer="perspective",
        labels=("toxicity",) if toxic else (),
    )
