"""Signing in to VK without a server of our own: the implicit flow.

The moderator opens `authorize_url(...)` in a browser, allows access, and VK sends the browser
to `https://oauth.vk.com/blank.html#access_token=…`. They paste that address (or just the
token) back, and `parse_redirect` takes the token out of it. We have no registered VK app, so
the app id (`client_id`) is configured: a sign-in field or `MODERATOR_VK_CLIENT_ID`.
"""

import os
import re
from collections.abc import Iterable, Mapping
from urllib.parse import parse_qs, urlencode, urlsplit

from moderator_app.connectors.errors import PermanentError
from moderator_app.connectors.http import clean_detail
from moderator_app.connectors.vk.api import API_VERSION

AUTHORIZE_ENDPOINT = "https://oauth.vk.com/authorize"
BLANK_PAGE = "https://oauth.vk.com/blank.html"
# wall: read, reply, remove, restore, report comments; groups: the administered communities
# and their long poll; offline: a token that does not expire.
SCOPES = ("wall", "groups", "offline")
CLIENT_ID_ENV = "MODERATOR_VK_CLIENT_ID"

_TOKEN = re.compile(r"[A-Za-z0-9._\-]{20,}")
_COMMUNITY_TOKEN = re.compile(r"access_token_\d+")


def client_id_from(values: Mapping[str, str], env: Mapping[str, str] | None = None) -> str:
    """The VK app id from the sign-in form, else from the environment ("" when neither)."""
    given = values.get("client_id", "").strip()
    if given:
        return given
    return (os.environ if env is None else env).get(CLIENT_ID_ENV, "").strip()


def authorize_url(
    client_id: str,
    *,
    scopes: Iterable[str] = SCOPES,
    redirect_uri: str = BLANK_PAGE,
    state: str = "",
) -> str:
    """The page where the moderator lets the app act for them (as a community administrator)."""
    client_id = client_id.strip()
    if not client_id.isdigit():
        raise PermanentError(
            "VK: set the VK app id (a number) in the sign-in form or in "
            f"{CLIENT_ID_ENV} to open the VK sign-in page"
        )
    query = {
        "client_id": client_id,
        "display": "page",
        "redirect_uri": redirect_uri,
        "scope": ",".join(scopes),
        "response_type": "token",
        "v": API_VERSION,
    }
    if state:
        query["state"] = state
    return f"{AUTHORIZE_ENDPOINT}?{urlencode(query)}"


def parse_redirect(url_or_token: str) -> str:
    """The user access token from the address VK redirected to, or a pasted token itself.

    Messages never repeat what was pasted: it may hold a token.
    """
    text = url_or_token.strip()
    if not text:
        raise PermanentError("VK: paste the address VK showed after you allowed access")
    if "=" not in text and "://" not in text:
        if _TOKEN.fullmatch(text):
            return text
        raise PermanentError(
            "VK: that is neither the address VK showed after sign-in nor an access token"
        )
    parts = urlsplit(text)
    fields = {**parse_qs(parts.query), **parse_qs(parts.fragment or text.split("#", 1)[-1])}
    if "error" in fields:
        description = (fields.get("error_description") or fields["error"])[0]
        raise PermanentError(f"VK did not grant access: {clean_detail(description)}")
    if any(_COMMUNITY_TOKEN.fullmatch(name) for name in fields):
        raise PermanentError(
            "VK: that is a community token; sign in with your own VK account "
            "(an administrator of the community) instead"
        )
    token = (fields.get("access_token") or [""])[0].strip()
    if not _TOKEN.fullmatch(token):
        raise PermanentError(
            "VK: the address has no access token; open the sign-in page again, allow "
            "access and copy the whole address of the page VK shows next"
        )
    return token
