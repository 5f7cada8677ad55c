"""OpenAI's moderation endpoint as a cloud scorer (POST /v1/moderations, omni-moderation-latest).

One request scores a batch: `input` is a list of strings and `results[i]` answers `input[i]`.
The score is the highest of the `category_scores`; the labels are the categories OpenAI
flagged ("harassment", "hate/threatening", ...). The key travels in the Authorization header.
"""

from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from moderator_app.connectors.http import MalformedPayload, decode_json_object
from moderator_app.domain import ToxicityLevel, ToxicityResult
from moderator_app.toxicity.cloud.base import CloudBusy, CloudUnavailable
from moderator_app.toxicity.cloud.transport import busy, error_message, is_busy_status, post_json

URL = "https://api.openai.com/v1/moderations"
MODEL = "omni-moderation-latest"
MAX_BATCH = 32
WHAT = "OpenAI moderation"


class OpenAIModeration:
    name = "openai"

    def __init__(self, api_key: str, *, url: str = URL, model: str = MODEL) -> None:
        self._key = api_key
        self._url = url
        self._model = model

    def __repr__(self) -> str:
        return f"OpenAIModeration(url={self._url!r}, model={self._model!r})"

    async def score_batch(
        self, client: httpx.AsyncClient, texts: Sequence[str]
    ) -> list[ToxicityResult | None]:
        results: list[ToxicityResult | None] = []
        for start in range(0, len(texts), MAX_BATCH):
            results.extend(await self._score(client, texts[start : start + MAX_BATCH]))
        return results

    async def _score(
        self, client: httpx.AsyncClient, texts: Sequence[str]
    ) -> list[ToxicityResult | None]:
        response = await post_json(
            client,
            self._url,
            what=WHAT,
            body={"model": self._model, "input": list(texts)},
            headers={"Authorization": f"Bearer {self._key}"},
        )
        status = response.status_code
        if status >= 400:
            detail = error_message(response, [self._key])
            if is_busy_status(status):
                raise busy(response, WHAT, detail)
            if status == 400:  # something in these texts it will not judge: no opinion, move on
                return [None] * len(texts)
            suffix = f": {detail}" if detail else ""
            if status in {401, 403}:
                raise CloudUnavailable(f"{WHAT}: the API key was refused (HTTP {status}){suffix}")
            raise CloudUnavailable(f"{WHAT} failed (HTTP {status}){suffix}")
        try:
            return parse_results(decode_json_object(response, what=WHAT), len(texts))
        except MalformedPayload as exc:
            raise CloudBusy(str(exc)) from None


def parse_results(data: Mapping[str, Any], expected: int) -> list[ToxicityResult | None]:
    results = data.get("results")
    if not isinstance(results, list) or len(results) != expected:
        raise MalformedPayload(f"{WHAT}: expected {expected} results")
    return [_result(item, i) for i, item in enumerate(results)]


def _result(item: object, index: int) -> ToxicityResult | None:
    where = f"{WHAT}: results[{index}]"
    if not isinstance(item, dict):
        raise MalformedPayload(f"{where}: expected an object")
    scores = item.get("category_scores")
    if not isinstance(scores, dict):
        return None  # no scores, no opinion
    values = [float(v) for v in scores.values() if isinstance(v, int | float)]
    if not values:
        return None
    categories = item.get("categories")
    flagged_names = (
        sorted(k for k, v in categories.items() if v is True)
        if isinstance(categories, dict)
        else []
    )
    flagged = item.get("flagged") is True or bool(flagged_names)
    if flagged and not flagged_names:
        flagged_names = ["flagged"]
    return ToxicityResult(
        score=round(max(0.0, min(1.0, max(values))), 4),
        level=ToxicityLevel.TOXIC if flagged else ToxicityLevel.OK,
        scorer="openai",
        labels=tuple(flagged_names),
    )
