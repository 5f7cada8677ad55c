"""The VK method-call client: the error envelope, captcha answers, pacing, and secrets."""

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from moderator_app.connectors.errors import (
    AuthExpired,
    ConnectorError,
    PermanentError,
    RateLimited,
    TransientError,
    UserActionRequired,
)
from moderator_app.connectors.http import MalformedPayload
from moderator_app.connectors.pacing import Pacer
from moderator_app.connectors.vk.api import VkApi, encode_params
from tests.connectors.vk.vk_session import GROUP, Inbox, connector, run
from tests.servers.vk_fake import FakeVk

TOKEN = "vk1.a.secret-token-abcdefghijklmnop"
Handler = Callable[[httpx.Request], httpx.Response]


def _error(code: int, message: str = "", **extra: Any) -> dict[str, Any]:
    params = [{"key": "access_token", "value": TOKEN}, {"key": "method", "value": "x"}]
    return {
        "error": {
            "error_code": code,
            "error_msg": message or f"{TOKEN} error {code}",
            "request_params": params,
            **extra,
        }
    }


def _call(handler: Handler, *, pacer: Pacer | None = None, **kwargs: Any) -> Any:
    async def scenario() -> Any:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            api = VkApi(client, TOKEN, pacer=pacer or Pacer(0))
            return await api.call("wall.getComments", {"post_id": 1}, what="reading", **kwargs)

    return asyncio.run(scenario())


def _fails(body: Any, *, status: int = 200) -> ConnectorError:
    def handler(request: httpx.Request) -> httpx.Response:
        if isinstance(body, bytes):
            return httpx.Response(status, content=body)
        return httpx.Response(status, json=body)

    with pytest.raises(ConnectorError) as caught:
        _call(handler)
    return caught.value


@pytest.mark.parametrize(
    ("code", "kind", "retry_after"),
    [
        (6, RateLimited, 1.0),
        (9, RateLimited, 60.0),
        (29, RateLimited, 3600.0),
        (223, RateLimited, 600.0),
        (5, AuthExpired, None),
        (27, AuthExpired, None),
        (1, TransientError, None),
        (10, TransientError, None),
        (7, PermanentError, None),
        (15, PermanentError, None),
        (212, PermanentError, None),
        (213, PermanentError, None),
        (100, PermanentError, None),
        (9999, PermanentError, None),
    ],
)
def test_error_codes_map_to_typed_errors(
    code: int, kind: type[ConnectorError], retry_after: float | None
) -> None:
    error = _fails(_error(code))
    assert type(error) is kind
    assert f"VK error {code}" in str(error)
    assert str(error).startswith("VK: reading")
    assert TOKEN not in str(error)
    if retry_after is not None:
        assert isinstance(error, RateLimited)
        assert error.retry_after == retry_after


def test_access_denied_says_what_to_check() -> None:
    assert "administrator" in str(_fails(_error(15, "Access denied")))
    assert "comments may be closed" in str(_fails(_error(212, "Access to post comments denied")))


def test_captcha_and_validation_need_the_moderator() -> None:
    captcha = _fails(
        _error(
            14,
            "Captcha needed",
            captcha_sid=123,
            captcha_img="https://api.vk.com/captcha.php?sid=123",
        )
    )
    assert isinstance(captcha, UserActionRequired)
    assert captcha.kind == "captcha"
    assert captcha.data == {"captcha_sid": "123"}
    validation = _fails(_error(17, "Validation required", redirect_uri="https://m.vk.com/x"))
    assert isinstance(validation, UserActionRequired)
    assert (validation.kind, validation.url) == ("validation", "https://m.vk.com/x")
    assert isinstance(_fails(_error(14, "Captcha needed")), MalformedPayload)


@pytest.mark.parametrize(
    ("body", "status", "kind"),
    [
        (b"<html>oops</html>", 200, MalformedPayload),
        (b"[1, 2]", 200, MalformedPayload),
        ({"ok": True}, 200, MalformedPayload),
        ({"error": "nope"}, 200, MalformedPayload),
        ({"error": {"error_msg": "no code"}}, 200, MalformedPayload),
        (b"bad gateway", 502, TransientError),
        (b"", 429, RateLimited),
    ],
)
def test_answers_that_are_not_vk_envelopes(body: Any, status: int, kind: type[Exception]) -> None:
    assert type(_fails(body, status=status)) is kind


def test_the_token_travels_in_the_body_never_in_the_url() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"response": 1})

    assert _call(handler) == 1
    (request,) = seen
    assert request.method == "POST"
    assert TOKEN not in str(request.url)
    assert request.url == "https://api.vk.com/method/wall.getComments"
    form = dict(httpx.QueryParams(request.content.decode()))
    assert form == {"post_id": "1", "access_token": TOKEN, "v": "5.199"}


def test_accepted_codes_return_none() -> None:
    assert _call(lambda r: httpx.Response(200, json=_error(243)), accept=(243,)) is None


def test_params_are_encoded_the_vk_way() -> None:
    assert encode_params({"a": True, "b": False, "c": [1, "x"], "d": None, "e": -5}) == {
        "a": "1",
        "b": "0",
        "c": "1,x",
        "e": "-5",
    }


def test_only_the_per_second_limit_holds_every_request() -> None:
    pacer = Pacer(0)
    with pytest.raises(RateLimited):
        _call(lambda r: httpx.Response(200, json=_error(29)), pacer=pacer)
    start = time.monotonic()
    asyncio.run(pacer.wait())
    assert time.monotonic() - start < 0.5  # a method's daily quota does not block hiding
    with pytest.raises(RateLimited):
        _call(lambda r: httpx.Response(200, json=_error(6)), pacer=pacer)
    start = time.monotonic()
    asyncio.run(pacer.wait())
    assert time.monotonic() - start >= 0.9


def test_a_captcha_answer_goes_with_the_next_call_of_that_method_only() -> None:
    forms: list[dict[str, str]] = []
    answers = iter([_error(14, "Captcha needed", captcha_sid="55", captcha_img="https://x/c")])

    def handler(request: httpx.Request) -> httpx.Response:
        forms.append(dict(httpx.QueryParams(request.content.decode())))
        return httpx.Response(200, json=next(answers, {"response": 1}))

    async def scenario() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            api = VkApi(client, TOKEN, pacer=Pacer(0))
            with pytest.raises(UserActionRequired):
                await api.call("wall.createComment", {}, what="replying")
            api.answer_captcha("55", "abc")
            await api.call("wall.getComments", {}, what="reading")
            await api.call("wall.createComment", {}, what="replying")
            await api.call("wall.createComment", {}, what="replying")

    asyncio.run(scenario())
    assert ["captcha_key" in f for f in forms] == [False, False, True, False]
    assert (forms[2]["captcha_sid"], forms[2]["captcha_key"]) == ("55", "abc")


def _chain(error: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in found:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found


def test_tokens_and_long_poll_keys_never_leak(caplog: pytest.LogCaptureFixture) -> None:
    """Errors of every kind, their chains, reprs and the log never show the token or the
    long-poll key (VK echoes the token in request_params; the key is in the long-poll URL)."""
    caplog.set_level(logging.DEBUG)
    fake = FakeVk()
    post = fake.add_post(GROUP, "пост")
    fake.add_comment(GROUP, post, fake.admin_id, "текст")
    errors: list[BaseException] = []

    async def scenario(client: httpx.AsyncClient) -> None:
        vk = connector(fake, client)
        inbox = Inbox()
        await inbox.sync(vk)
        target = next(iter(inbox.comments.values()))
        attempts = [
            ("longpoll", "timeout", 0),
            ("longpoll", "malformed", 0),
            ("longpoll", "http", 500),
            ("wall.createComment", "error", 14),
            ("wall.createComment", "error", 17),
            ("wall.createComment", "error", 6),
            ("wall.createComment", "error", 15),
            ("wall.createComment", "timeout", 0),
            ("wall.createComment", "malformed", 0),
        ]
        for target_name, kind, code in attempts:
            fake.inject(target_name, kind, code=code, error_msg=f"echo {fake.token}")
            try:
                if target_name == "longpoll":
                    await inbox.sync(vk)
                else:
                    await vk.reply(target, "ответ", "k")
            except ConnectorError as exc:
                errors.append(exc)
        fake.revoke(fake.token)
        try:
            await inbox.sync(connector(fake, client))
        except ConnectorError as exc:
            errors.append(exc)
        errors.append(Exception(repr(vk)))

    run(fake, scenario)
    assert len(errors) == 11
    keys = [r["key"] for r in fake.lp_requests]
    secrets = [fake.token, *keys]
    for error in errors:
        for link in _chain(error):
            text = f"{link} {link!r} {getattr(link, 'url', '')} {getattr(link, 'data', '')}"
            assert not any(s in text for s in secrets), text
    assert not any(s in caplog.text for s in secrets)
