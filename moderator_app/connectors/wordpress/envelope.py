"""WordPress's error envelope `{"code": "rest_…", "message": …, "data": {"status": …}}` mapped
to the typed connector errors.

The `code` matters more than the status: an application password that no longer works shows
up as 401 `rest_not_logged_in` (or `incorrect_password` on newer sites), a moderator without
the right role as 403 `rest_cannot_*`, and a PHP fatal as an HTML page instead of JSON.
"""

import json
from collections.abc import Iterable
from html import unescape

import httpx

from moderator_app.connectors.errors import AuthExpired, PermanentError, RateLimited
from moderator_app.connectors.http import (
    MalformedPayload,
    clean_detail,
    raise_for_status,
    retry_after_seconds,
)

AUTH_CODES = frozenset(
    {
        "rest_not_logged_in",
        "incorrect_password",
        "invalid_username",
        "invalid_email",
        "application_passwords_disabled",
        "application_passwords_disabled_for_user",
    }
)


class SiteRefused(PermanentError):
    """A 4xx the site explained with its own `code` (e.g. `comment_duplicate`), kept so a
    caller can recognise the few that mean "already done"."""

    def __init__(self, message: str, *, code: str, status: int) -> None:
        super().__init__(message)
        self.code = code
        self.status = status


def check_response(response: httpx.Response, *, what: str, secrets: Iterable[str] = ()) -> None:
    """Raise the typed error for a failed (or redirected) response; success passes."""
    status = response.status_code
    if status < 300:
        return
    if status < 400:
        raise PermanentError(
            f"{what} failed: the site redirects (HTTP {status}) to "
            f"{_redirect_target(response)}; use that address for the account"
        )
    code, message = _envelope(response)
    detail = clean_detail(unescape(message), secrets=secrets)
    if code:
        detail = f"{detail} ({code})" if detail else code
    suffix = f": {detail}" if detail else ""
    if status == 401 or code in AUTH_CODES:
        raise AuthExpired(
            f"{what} failed: WordPress no longer accepts the application password "
            f"(HTTP {status}){suffix}"
        )
    if status in (429, 503) and response.headers.get("Retry-After"):
        raise RateLimited(
            f"{what}: the site asked us to slow down (HTTP {status}){suffix}",
            retry_after_seconds(response),
        )
    if status == 500 and not code and _looks_like_html(response):
        raise MalformedPayload(
            f"{what}: the site answered with an HTML error page (HTTP 500), not JSON; "
            "a PHP error on the site is the usual cause"
        )
    if code == "rest_no_route":
        raise SiteRefused(
            f"{what} failed: the site has no such REST route (HTTP {status}); "
            "is the REST API disabled by a plugin?",
            code=code,
            status=status,
        )
    if 400 <= status < 500 and status not in (408, 429) and code:
        raise SiteRefused(f"{what} failed (HTTP {status}){suffix}", code=code, status=status)
    raise_for_status(response, what=what, detail=detail)


def _envelope(response: httpx.Response) -> tuple[str, str]:
    """`(code, message)` of a WordPress error body; empty strings when it is not one."""
    try:
        data = json.loads(response.content)
    except (ValueError, RecursionError):
        return "", ""
    if not isinstance(data, dict):
        return "", ""
    code, message = data.get("code"), data.get("message")
    return (
        code if isinstance(code, str) else "",
        message if isinstance(message, str) else "",
    )


def _looks_like_html(response: httpx.Response) -> bool:
    if "html" in response.headers.get("Content-Type", "").lower():
        return True
    return response.content.lstrip()[:1] == b"<"


def _redirect_target(response: httpx.Response) -> str:
    """Where a redirect points, as scheme and host only (never a path or query)."""
    location = response.headers.get("Location", "")
    try:
        target = response.url.join(location) if location else None
    except httpx.InvalidURL:
        target = None
    if target is None or not target.host:
        return "another address"
    return f"{target.scheme}://{target.host}" + (f":{target.port}" if target.port else "")
