"""WordPress error envelopes → typed errors, with the site's message and never a secret."""

import asyncio
import base64

import httpx
import pytest

from moderator_app.connectors.errors import (
    AuthExpired,
    ConnectorError,
    PermanentError,
    RateLimited,
    TransientError,
)
from moderator_app.connectors.http import MalformedPayload
from moderator_app.connectors.pacing import Pacer
from moderator_app.connectors.wordpress.api import SiteApi
from moderator_app.connectors.wordpress.envelope import SiteRefused, check_response

PASSWORD = "abcd efgh ijkl mnop qrst uvwx"
BASIC = base64.b64encode(f"editor:{PASSWORD}".encode()).decode()


def _wp(status: int, code: str, message: str, **headers: str) -> httpx.Response:
    body = {"code": code, "message": message, "data": {"status": status}}
    request = httpx.Request("GET", "https://blog.example.test/wp-json/wp/v2/comments")
    return httpx.Response(status, json=body, headers=headers, request=request)


def _raw(status: int, body: str, content_type: str = "text/html", **headers: str) -> httpx.Response:
    request = httpx.Request("GET", "https://blog.example.test/wp-json/wp/v2/comments")
    return httpx.Response(
        status, text=body, headers={"Content-Type": content_type, **headers}, request=request
    )


@pytest.mark.parametrize(
    ("response", "error", "words"),
    [
        (_wp(401, "rest_not_logged_in", "You are not currently logged in."), AuthExpired, ["401"]),
        (
            _wp(
                401,
                "incorrect_password",
                "The provided password is an invalid application password.",
            ),
            AuthExpired,
            ["invalid application password"],
        ),
        (_wp(500, "invalid_username", "Unknown username."), AuthExpired, ["Unknown username"]),
        (
            _wp(401, "rest_forbidden_context", "Sorry, you are not allowed to edit comments."),
            AuthExpired,
            ["not allowed"],
        ),
        (
            _wp(403, "rest_cannot_edit", "Sorry, you are not allowed to edit this comment."),
            SiteRefused,
            ["HTTP 403", "not allowed to edit this comment", "rest_cannot_edit"],
        ),
        (
            _wp(404, "rest_comment_invalid_id", "Invalid comment ID."),
            SiteRefused,
            ["Invalid comment ID", "404"],
        ),
        (_wp(404, "rest_no_route", "No route was found."), SiteRefused, ["REST API disabled"]),
        (
            _wp(
                409,
                "comment_duplicate",
                "Duplicate comment detected; it looks as though you&#8217;ve already said that!",
            ),
            SiteRefused,
            ["you’ve already said that"],
        ),
        (_wp(429, "too_many", "Slow down", **{"Retry-After": "17"}), RateLimited, ["429"]),
        (
            _wp(503, "maintenance", "Briefly unavailable", **{"Retry-After": "600"}),
            RateLimited,
            ["503"],
        ),
        (_wp(503, "maintenance", "Briefly unavailable"), TransientError, ["503"]),
        (_wp(502, "bad_gateway", "upstream"), TransientError, ["502"]),
        (
            _raw(500, "<html><body>There has been a critical error on this website.</body></html>"),
            MalformedPayload,
            ["HTML error page", "PHP"],
        ),
        (_raw(500, "Internal error", content_type="text/plain"), TransientError, ["500"]),
        (_raw(404, "<html>Not Found</html>"), PermanentError, ["404"]),
        (
            _raw(301, "", Location="https://www.blog.example.test/wp-json/"),
            PermanentError,
            ["https://www.blog.example.test"],
        ),
    ],
)
def test_error_mapping(
    response: httpx.Response, error: type[ConnectorError], words: list[str]
) -> None:
    with pytest.raises(error) as caught:
        check_response(response, what="wordpress: listing comments", secrets=[PASSWORD])
    assert type(caught.value) is error
    message = str(caught.value)
    assert message.startswith("wordpress: listing comments")
    for word in words:
        assert word in message


def test_retry_after_and_codes_are_kept() -> None:
    with pytest.raises(RateLimited) as limited:
        check_response(_wp(429, "x", "y", **{"Retry-After": "17"}), what="w")
    assert limited.value.retry_after == 17.0
    with pytest.raises(SiteRefused) as refused:
        check_response(_wp(410, "rest_already_trashed", "Trashed."), what="w")
    assert (refused.value.code, refused.value.status) == ("rest_already_trashed", 410)
    assert isinstance(refused.value, PermanentError)


def test_success_passes() -> None:
    check_response(_raw(200, "[]", content_type="application/json"), what="w")
    check_response(_raw(201, "{}", content_type="application/json"), what="w")


def test_secrets_never_reach_messages() -> None:
    """A site (or a proxy) echoing the Authorization header or password back in its error."""
    echoes = [
        _wp(401, "rest_not_logged_in", f"bad header Basic {BASIC}"),
        _wp(403, "rest_cannot_edit", f"password {PASSWORD} is wrong"),
        _wp(400, "rest_invalid_param", f"nospaces {PASSWORD.replace(' ', '')}"),
    ]

    async def scenario(response: httpx.Response) -> ConnectorError:
        transport = httpx.MockTransport(lambda request: response)
        async with httpx.AsyncClient(transport=transport) as client:
            api = SiteApi(
                client,
                "https://blog.example.test/wp-json",
                username="editor",
                password=PASSWORD,
                pacer=Pacer(0),
            )
            try:
                await api.get("/wp/v2/comments", what="listing comments")
            except ConnectorError as exc:
                return exc
        raise AssertionError("no error")

    for response in echoes:
        exc = asyncio.run(scenario(response))
        text = f"{exc!s} {exc!r} {exc.__cause__!r} {exc.__context__!r}"
        assert PASSWORD not in text
        assert PASSWORD.replace(" ", "") not in text
        assert BASIC not in text
        assert "***" in str(exc)


def test_rate_limit_holds_the_pacer() -> None:
    pacer = Pacer(0)

    async def scenario() -> None:
        response = _wp(429, "x", "y", **{"Retry-After": "30"})
        transport = httpx.MockTransport(lambda request: response)
        async with httpx.AsyncClient(transport=transport) as client:
            api = SiteApi(client, "https://b.test/wp-json", username="u", password="p", pacer=pacer)
            with pytest.raises(RateLimited):
                await api.get("/wp/v2/comments", what="listing")

    asyncio.run(scenario())
    import time

    assert pacer._next_at > time.monotonic() + 25


def test_query_style_root_builds_rest_route() -> None:
    seen: list[httpx.URL] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        return httpx.Response(200, json=[])

    async def scenario() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            api = SiteApi(client, "https://b.test/blog/?rest_route=", pacer=Pacer(0))
            await api.get("/wp/v2/comments", what="listing", params={"page": 2})
            api = SiteApi(client, "https://b.test/blog/wp-json/", pacer=Pacer(0))
            await api.get("/wp/v2/comments/5", what="one")

    asyncio.run(scenario())
    assert seen[0].path == "/blog/"
    assert dict(seen[0].params) == {"rest_route": "/wp/v2/comments", "page": "2"}
    assert str(seen[1]) == "https://b.test/blog/wp-json/wp/v2/comments/5"
