"""VK's error envelope (HTTP 200 with `{"error": {"error_code", "error_msg", ...}}`) turned into
the typed connector errors, so the engine knows whether to wait, ask the moderator or give up.

Messages are built from the code and VK's own `error_msg` only. The envelope also echoes the
request (`request_params`, which may hold the access token): that part is never read.
"""

from collections.abc import Iterable
from typing import Any

from moderator_app.connectors.errors import (
    AuthExpired,
    ConnectorError,
    PermanentError,
    RateLimited,
    TransientError,
    UserActionRequired,
)
from moderator_app.connectors.http import MalformedPayload, clean_detail

TOO_MANY_PER_SECOND = 6
CAPTCHA = 14
VALIDATION = 17

# Seconds to wait. 6 is per second; 9 (flood control) and 223 (too many replies) are about
# posting too much; 29 is a method's daily quota, so an hour between tries is plenty.
RATE_LIMITS_S: dict[int, float] = {6: 1.0, 9: 60.0, 29: 3600.0, 223: 600.0}

AUTH_FAILED: dict[int, str] = {
    5: "the VK sign-in is no longer valid; sign in again",
    27: "the community token is no longer valid; sign in again",
    28: "the VK app's authorization failed; sign in again",
}

ACCESS_DENIED: dict[int, str] = {
    7: "VK denied permission: the sign-in lacks a right this needs (wall, groups)",
    15: "VK denied access: is the account still an administrator of the community?",
    18: "the VK user was deleted or banned",
    30: "the VK profile is private",
    200: "VK denied access",
    203: "VK denied access to the community: is the account still its administrator?",
    210: "VK denied access to the post",
    211: "VK denied access to the comment (it may be gone)",
    212: "VK denied access to the post's comments (comments may be closed)",
    213: "VK does not allow replying here (comments may be closed)",
    222: "VK does not allow links in comments here",
    260: "VK denied access to the list of communities",
}

SERVER_TROUBLE: dict[int, str] = {
    1: "VK had an unknown error",
    10: "VK had an internal error",
}

INVALID: dict[int, str] = {
    100: "VK rejected a parameter",
    104: "VK could not find it",
    113: "VK rejected the user id",
    125: "VK rejected the community id",
    243: "the comment has not been removed",
}


def error_code(error: object, where: str) -> int:
    """The `error_code` of an envelope's `error` object (MalformedPayload if there is none)."""
    if not isinstance(error, dict):
        raise MalformedPayload(f"{where}: field 'error' is not an object")
    code = error.get("error_code")
    if isinstance(code, bool) or not isinstance(code, int):
        raise MalformedPayload(f"{where}: field 'error.error_code' is missing or not an integer")
    return code


def api_error(error: dict[str, Any], *, what: str, secrets: Iterable[str]) -> ConnectorError:
    """The typed error for one VK `error` object. `what` names the operation."""
    code = error_code(error, what)
    message = error.get("error_msg")
    detail = clean_detail(message if isinstance(message, str) else "", secrets=secrets)
    tail = f" (VK error {code}: {detail})" if detail else f" (VK error {code})"
    if code in RATE_LIMITS_S:
        return RateLimited(f"{what}: VK asks to slow down{tail}", RATE_LIMITS_S[code])
    if code == CAPTCHA:
        return _captcha(error, what, tail)
    if code == VALIDATION:
        url = error.get("redirect_uri")
        return UserActionRequired(
            f"{what}: VK wants the account confirmed in a browser{tail}",
            kind="validation",
            url=url if isinstance(url, str) else "",
        )
    if code in AUTH_FAILED:
        return AuthExpired(f"{what}: {AUTH_FAILED[code]}{tail}")
    if code in SERVER_TROUBLE:
        return TransientError(f"{what}: {SERVER_TROUBLE[code]}{tail}")
    explanation = ACCESS_DENIED.get(code) or INVALID.get(code) or "VK refused"
    return PermanentError(f"{what}: {explanation}{tail}")


def _captcha(error: dict[str, Any], what: str, tail: str) -> UserActionRequired:
    sid = error.get("captcha_sid")
    image = error.get("captcha_img")
    if isinstance(sid, int) and not isinstance(sid, bool):
        sid = str(sid)
    if not isinstance(sid, str) or not sid or not isinstance(image, str):
        raise MalformedPayload(f"{what}: a captcha error without 'captcha_sid' or 'captcha_img'")
    return UserActionRequired(
        f"{what}: VK wants a captcha solved{tail}",
        kind="captcha",
        url=image,
        data={"captcha_sid": sid},
    )
