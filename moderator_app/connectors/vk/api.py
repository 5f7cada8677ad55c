"""The VK API method-call client: `POST https://api.vk.com/method/<name>` with the version and
the token in the form body (never in the URL, so no proxy log or exception text sees it),
paced under VK's per-token limit, with the error envelope turned into typed errors.
"""

from collections.abc import Collection, Mapping, Sequence
from typing import Any

import httpx

from moderator_app.connectors.errors import RateLimited, UserActionRequired
from moderator_app.connectors.http import (
    MalformedPayload,
    decode_json_object,
    raise_for_status,
    send,
)
from moderator_app.connectors.pacing import Pacer
from moderator_app.connectors.vk.envelope import (
    CAPTCHA,
    TOO_MANY_PER_SECOND,
    api_error,
    error_code,
)

API_URL = "https://api.vk.com/method/"
API_VERSION = "5.199"
LABEL = "VK"
# VK allows ~3 requests/s with a user token (~20/s with a community token, which we never use).
USER_TOKEN_INTERVAL_S = 0.34

Param = str | int | bool | Sequence[str | int]


def encode_params(params: Mapping[str, Param | None]) -> dict[str, str]:
    """VK's form encoding: booleans as 1/0, lists comma-separated, None left out."""
    encoded: dict[str, str] = {}
    for name, value in params.items():
        if value is None:
            continue
        if isinstance(value, bool):
            encoded[name] = "1" if value else "0"
        elif isinstance(value, int | str):
            encoded[name] = str(value)
        else:
            encoded[name] = ",".join(str(v) for v in value)
    return encoded


class VkApi:
    """Calls API methods with one token. A captcha answer given with `answer_captcha` rides
    along with the next call of the method that asked for it, as VK expects."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        token: str,
        *,
        pacer: Pacer | None = None,
        base_url: str = API_URL,
    ) -> None:
        self._client = client
        self._token = token
        self._pacer = pacer or Pacer(USER_TOKEN_INTERVAL_S)
        self._base_url = base_url
        self._captcha_method: str | None = None
        self._captcha_answer: tuple[str, str] | None = None

    def __repr__(self) -> str:
        return "VkApi(***)"

    @property
    def secrets(self) -> tuple[str, ...]:
        """What must never appear in a message (for callers that build their own)."""
        return (self._token,)

    def answer_captcha(self, sid: str, key: str) -> None:
        """The moderator's answer to the captcha VK showed (`captcha_sid` from the error's data)."""
        self._captcha_answer = (sid, key)

    async def call(
        self,
        method: str,
        params: Mapping[str, Param | None] | None = None,
        *,
        what: str,
        accept: Collection[int] = (),
    ) -> Any:
        """The method's `response`. VK errors whose code is in `accept` return None instead
        (e.g. 243 "comment has not been deleted" makes a repeated restore a success)."""
        label = f"{LABEL}: {what}"
        form = encode_params(params or {})
        form.update({"access_token": self._token, "v": API_VERSION})
        form.update(self._take_captcha_answer(method))
        await self._pacer.wait()
        response = await send(self._client, "POST", self._base_url + method, what=label, data=form)
        raise_for_status(response, what=label)
        body = decode_json_object(response, what=label)
        if "error" in body:
            if error_code(body["error"], label) in accept:
                return None
            raise self._failure(method, body["error"], label)
        if "response" not in body:
            raise MalformedPayload(f"{label}: the answer has neither 'response' nor 'error'")
        return body["response"]

    def _take_captcha_answer(self, method: str) -> dict[str, str]:
        answer = self._captcha_answer
        if answer is None or self._captcha_method not in (None, method):
            return {}
        self._captcha_answer = None
        self._captcha_method = None
        return {"captcha_sid": answer[0], "captcha_key": answer[1]}

    def _failure(self, method: str, error: dict[str, Any], label: str) -> Exception:
        failure = api_error(error, what=label, secrets=self.secrets)
        code = error_code(error, label)
        if isinstance(failure, RateLimited) and code == TOO_MANY_PER_SECOND:
            # The per-second limit is the token's: every method waits. The other limits
            # (flood control, a method's daily quota) must not hold up hiding a comment.
            self._pacer.hold_for(failure.retry_after)
        if isinstance(failure, UserActionRequired) and code == CAPTCHA:
            self._captcha_method = method
        return failure
