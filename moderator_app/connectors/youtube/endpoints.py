"""Where Google lives, and the one rule for overriding it (tests point these at a local fake).

A token is only ever sent over HTTPS, or over plain HTTP to this machine's loopback address.
"""

import ipaddress
from urllib.parse import urlsplit

from moderator_app.connectors.errors import PermanentError

API_BASE = "https://www.googleapis.com/youtube/v3"
AUTH_URL = "https://accounts.google.com/o/oauth2/v2/auth"
TOKEN_URL = "https://oauth2.googleapis.com/token"  # noqa: S105 - an address, not a secret
SCOPE = "https://www.googleapis.com/auth/youtube.force-ssl"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def checked_url(url: str, what: str) -> str:
    """`url` without a trailing slash, if it is safe to send a token to; else PermanentError."""
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    if not host or parts.scheme not in {"https", "http"}:
        raise PermanentError(f"{what}: not an http(s) address")
    if parts.scheme == "http" and not is_loopback(host):
        raise PermanentError(f"{what}: refusing to send credentials over plain http")
    return url.strip().rstrip("/")
