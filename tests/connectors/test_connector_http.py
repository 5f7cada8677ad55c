"""The shared HTTP plumbing: client defaults, Retry-After, error mapping, JSON decoding."""

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from moderator_app import __version__
from moderator_app.connectors.errors import (
    AuthExpired,
    ConnectorError,
    PermanentError,
    RateLimited,
    TransientError,
)
from moderator_app.connectors.http import (
    MalformedPayload,
    clean_detail,
    decode_json,
    decode_json_object,
    make_client,
    raise_for_status,
    retry_after_seconds,
    send,
)

SECRET = "s3cr3t-token-value"
URL = f"https://api.example.test/bot{SECRET}/getUpdates?access_token={SECRET}"


def _response(
    status: int = 200, headers: dict[str, str] | None = None, body: bytes = b""
) -> httpx.Response:
    return httpx.Response(status, headers=headers, content=body)


def test_client_defaults() -> None:
    async def check() -> None:
        async with make_client(timeout=7.0) as client:
            assert client.headers["User-Agent"] == f"moderator-app/{__version__}"
            assert client.timeout.read == 7.0
            assert client.timeout.connect == 7.0
            assert client.follow_redirects is False
        async with make_client() as client:
            assert client.timeout.read == 20.0
            assert client.timeout.connect == 10.0

    asyncio.run(check())


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("3", 3.0),
        (" 120 ", 120.0),
        ("0", 0.0),
        ("-5", 0.0),
        ("1.5", 1.5),
        ("soon", 5.0),
        ("nan", 5.0),
    ],
)
def test_retry_after_in_seconds(header: str, expected: float) -> None:
    assert retry_after_seconds(_response(429, {"Retry-After": header})) == expected


def test_retry_after_missing_uses_default() -> None:
    assert retry_after_seconds(_response(429)) == 5.0
    assert retry_after_seconds(_response(429), default=2.0) == 2.0


def test_retry_after_as_http_date_is_measured_against_the_server_clock() -> None:
    server_now = datetime(2020, 1, 1, 12, 0, tzinfo=UTC)  # a server clock far from ours
    headers = {
        "Retry-After": format_datetime(server_now + timedelta(seconds=30), usegmt=True),
        "Date": format_datetime(server_now, usegmt=True),
    }
    assert retry_after_seconds(_response(429, headers)) == 30.0
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=60), usegmt=True)
    assert 55 <= retry_after_seconds(_response(429, {"Retry-After": later})) <= 60


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (401, AuthExpired),
        (429, RateLimited),
        (500, TransientError),
        (503, TransientError),
        (408, TransientError),
        (400, PermanentError),
        (403, PermanentError),
        (404, PermanentError),
    ],
)
def test_raise_for_status(status: int, expected: type[ConnectorError]) -> None:
    with pytest.raises(expected) as caught:
        raise_for_status(_response(status, {"Retry-After": "7"}), what="vk: posting", detail="why")
    assert str(caught.value).startswith("vk: posting")
    assert str(caught.value).endswith(": why")
    if isinstance(caught.value, RateLimited):
        assert caught.value.retry_after == 7.0
    if expected is not RateLimited:
        assert not isinstance(caught.value, RateLimited)


def test_success_passes() -> None:
    raise_for_status(_response(200), what="x")
    raise_for_status(_response(204), what="x")


def _send_failing(error: Callable[[httpx.Request], Exception]) -> ConnectorError:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error(request)

    async def go() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            return await send(
                client, "GET", URL, what="telegram: fetching updates",
                headers={"Authorization": f"Bearer {SECRET}"},
            )  # fmt: skip

    with pytest.raises(ConnectorError) as caught:
        asyncio.run(go())
    return caught.value


@pytest.mark.parametrize(
    ("error", "expected", "words"),
    [
        (lambda r: httpx.ReadTimeout(f"timed out {URL}", request=r), TransientError, "timed out"),
        (lambda r: httpx.ConnectTimeout(URL, request=r), TransientError, "timed out"),
        (
            lambda r: httpx.ConnectError(f"refused {URL}", request=r),
            TransientError,
            "could not connect",
        ),
        (lambda r: httpx.ReadError(URL, request=r), TransientError, "network error (ReadError)"),
        (lambda r: httpx.RemoteProtocolError(URL, request=r), TransientError, "broke off"),
        (lambda r: httpx.ProxyError(URL, request=r), TransientError, "network error"),
        (lambda r: httpx.UnsupportedProtocol(URL, request=r), PermanentError, "not an http"),
        (lambda r: httpx.DecodingError(URL, request=r), MalformedPayload, "decoded"),
    ],
)
def test_send_maps_network_failures_without_leaking_the_url(
    error: Callable[[httpx.Request], Exception], expected: type[ConnectorError], words: str
) -> None:
    failure = _send_failing(error)
    assert type(failure) is expected
    assert str(failure).startswith("telegram: fetching updates")
    assert words in str(failure)
    assert SECRET not in str(failure)
    assert "example.test" not in str(failure)
    assert failure.__cause__ is None


def test_send_returns_responses_of_any_status() -> None:
    async def go() -> httpx.Response:
        transport = httpx.MockTransport(lambda request: httpx.Response(503))
        async with httpx.AsyncClient(transport=transport) as client:
            return await send(client, "GET", "https://x.test/", what="x")

    assert asyncio.run(go()).status_code == 503


def test_clean_detail_masks_secrets_and_bounds_length() -> None:
    text = f"bad request\n\tparams: access_token={SECRET}\x00 " + "x" * 1000
    cleaned = clean_detail(text, secrets=(SECRET, ""))
    assert SECRET not in cleaned
    assert "access_token=***" in cleaned
    assert "\n" not in cleaned
    assert "\x00" not in cleaned
    assert len(cleaned) <= 300


@pytest.mark.parametrize("body", [b"{", b"", b"\xff\xfe\x00", b"[" * 100_000, b"<html>oops</html>"])
def test_decode_json_rejects_garbage_clearly(body: bytes) -> None:
    with pytest.raises(MalformedPayload, match="sandbox: events: the response is not valid JSON"):
        decode_json(_response(200, body=body), what="sandbox: events")


def test_decode_json_object() -> None:
    assert decode_json_object(_response(body=b'{"a": 1}'), what="x") == {"a": 1}
    assert decode_json(_response(body=b"[1]"), what="x") == [1]
    with pytest.raises(MalformedPayload, match="expected a JSON object, got list"):
        decode_json_object(_response(body=b"[1]"), what="x")
    assert issubclass(MalformedPayload, TransientError)


def test_network_errors_keep_no_reference_to_the_url() -> None:
    """httpx exceptions carry the request URL, where some platforms put the token."""
    import asyncio

    from moderator_app.connectors.errors import TransientError
    from moderator_app.connectors.http import make_client, send

    async def attempt() -> TransientError:
        async with make_client(timeout=2) as client:
            try:
                await send(client, "GET", "http://127.0.0.1:9/bot123:SECRET/getMe", what="t")
            except TransientError as exc:
                return exc
        raise AssertionError("no error")

    error = asyncio.run(attempt())
    assert error.__context__ is None
    assert error.__cause__ is None
    assert "SECRET" not in str(error)
