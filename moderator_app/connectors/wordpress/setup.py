"""Connecting a WordPress site: its address, a user name and an Application Password
(Users → Profile → Application Passwords on the site, WordPress 5.6 and later).

Sign-in finds the REST API (`/wp-json/`, or `/?rest_route=/` on sites with plain
permalinks), checks the user may moderate comments, and offers "all comments" plus the
recent posts as what to watch.
"""

from ipaddress import ip_address
from typing import Any

import httpx

from moderator_app.connectors.base import Credentials, SetupField, SignInResult, WatchTarget
from moderator_app.connectors.errors import AuthExpired, ConnectorError, PermanentError
from moderator_app.connectors.http import MalformedPayload
from moderator_app.connectors.wordpress.api import SiteApi, default_api_root, query_api_root
from moderator_app.connectors.wordpress.html_text import html_to_text
from moderator_app.connectors.wordpress.watch import ALL_COMMENTS
from moderator_app.domain import Platform

RECENT_POSTS = 20
INDEX_FIELDS = "name,url,namespaces,authentication"


class WordPressSetup:
    platform = Platform.WORDPRESS
    fields = (
        SetupField("url", "Site address", placeholder="https://blog.example.com"),
        SetupField("username", "User name"),
        SetupField(
            "app_password",
            "Application password",
            secret=True,
            placeholder="xxxx xxxx xxxx xxxx xxxx xxxx",
        ),
    )

    async def sign_in(self, client: httpx.AsyncClient, values: dict[str, str]) -> SignInResult:
        site = site_address(values.get("url", ""))
        username = values.get("username", "").strip()
        password = values.get("app_password", "").strip()
        if not username or not password:
            raise PermanentError("Enter the WordPress user name and an application password.")
        try:
            api_root, index = await discover_api(client, site, username, password)
            api = SiteApi(client, api_root, username=username, password=password)
            reply = await api.get(
                "/wp/v2/users/me",
                what="checking the sign-in",
                params={"context": "edit", "_fields": "id,name,capabilities"},
            )
        except AuthExpired:
            raise AuthExpired(
                f"{site} did not accept this user name and application password."
            ) from None
        user_id = _check_moderator(reply.data, username)
        return SignInResult(
            credentials=Credentials(token=password, extra={"username": username}),
            account_name=_site_name(index, site),
            url=site,
            settings={"api_root": api_root, "user_id": user_id},
            targets=[
                WatchTarget(ALL_COMMENTS, "All comments on the site", "site"),
                *await _recent_posts(api),
            ],
        )


def site_address(raw: str) -> str:
    """The site's base address, normalised. Plain http is refused except on this machine:
    WordPress accepts Application Passwords only over HTTPS (or on a "local" site), and
    the password would travel readable."""
    text = raw.strip()
    if not text:
        raise PermanentError("Enter the address of the WordPress site.")
    if "://" not in text:
        text = "https://" + text
    try:
        url = httpx.URL(text)
    except httpx.InvalidURL:
        raise PermanentError(f"'{raw.strip()}' is not a web address.") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise PermanentError(f"'{raw.strip()}' is not a web address.")
    if url.scheme == "http" and not _is_loopback(url.host):
        raise PermanentError(
            "Use the site's https:// address: WordPress accepts application passwords "
            "only over HTTPS."
        )
    base = url.copy_with(query=None, fragment=None)
    return str(base).rstrip("/")


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


async def discover_api(
    client: httpx.AsyncClient, site: str, username: str = "", password: str = ""
) -> tuple[str, dict[str, Any]]:
    """The REST root that answers (pretty, then plain permalinks) and its index. Signed in,
    since some security plugins close the API to visitors."""
    last: ConnectorError | None = None
    for root in (default_api_root(site), query_api_root(site)):
        api = SiteApi(client, root, username=username, password=password)
        try:
            reply = await api.get(
                "/", what="looking for the REST API", params={"_fields": INDEX_FIELDS}
            )
        except (PermanentError, MalformedPayload) as exc:
            last = exc
            continue
        index = reply.data
        if isinstance(index, dict) and "wp/v2" in (index.get("namespaces") or ()):
            _check_app_passwords(index, site)
            return root, index
    detail = f" ({last})" if last else ""
    raise PermanentError(f"No WordPress REST API answers at {site}{detail}.")


def _check_app_passwords(index: dict[str, Any], site: str) -> None:
    auth = index.get("authentication")
    if isinstance(auth, dict) and "application-passwords" in auth:
        return
    raise PermanentError(
        f"{site} does not offer application passwords: it needs WordPress 5.6 or later and "
        "HTTPS, and no security plugin switching them off."
    )


def _check_moderator(me: object, username: str) -> int:
    if not isinstance(me, dict):
        raise MalformedPayload("wordpress: users/me: expected an object")
    user_id = me.get("id")
    if not isinstance(user_id, int) or isinstance(user_id, bool) or user_id <= 0:
        raise MalformedPayload("wordpress: users/me: field 'id' is missing")
    caps = me.get("capabilities")
    if not (isinstance(caps, dict) and caps.get("moderate_comments") is True):
        raise PermanentError(
            f"The WordPress user '{username}' may not moderate comments on this site; "
            "use an Editor or Administrator account."
        )
    return user_id


def _site_name(index: dict[str, Any], site: str) -> str:
    name = index.get("name")
    text = html_to_text(name) if isinstance(name, str) else ""
    return text or httpx.URL(site).host


async def _recent_posts(api: SiteApi) -> list[WatchTarget]:
    """The newest posts, to watch some rather than all; a failure here costs only the list."""
    try:
        reply = await api.get(
            "/wp/v2/posts",
            what="listing recent posts",
            params={"per_page": RECENT_POSTS, "_fields": "id,title", "orderby": "date"},
        )
    except ConnectorError:
        return []
    targets: list[WatchTarget] = []
    for item in reply.data if isinstance(reply.data, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("id"), int):
            continue
        title = item.get("title")
        rendered = title.get("rendered") if isinstance(title, dict) else None
        text = html_to_text(rendered) if isinstance(rendered, str) else ""
        targets.append(WatchTarget(str(item["id"]), text or f"Post {item['id']}", "post"))
    return targets
