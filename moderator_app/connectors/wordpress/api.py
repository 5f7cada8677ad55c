"""One WordPress site's REST API: addresses, Application Password auth, pacing, errors.

A site serves its API either at `/wp-json/…` (pretty permalinks) or at `/?rest_route=/…`
(plain permalinks; always works). `api_root` is whichever the sign-in found working.
"""

import base64
from dataclasses import dataclass
from typing import Any

import httpx

from moderator_app.connectors.errors import RateLimited
from moderator_app.connectors.http import decode_json, send
from moderator_app.connectors.pacing import Pacer
from moderator_app.connectors.wordpress.envelope import check_response

QUERY_STYLE = "?rest_route="
DEFAULT_MIN_INTERVAL_S = 0.25  # gentle: most blogs run on shared hosting


def default_api_root(site_url: str) -> str:
    return site_url.rstrip("/") + "/wp-json"


def query_api_root(site_url: str) -> str:
    return site_url.rstrip("/") + "/" + QUERY_STYLE


@dataclass(frozen=True, slots=True)
class Reply:
    """A decoded answer and the headers that carry paging (`X-WP-TotalPages`)."""

    data: Any
    headers: httpx.Headers


class SiteApi:
    """Every request to one site goes through here: one pacer, one auth header, one
    error mapping. `what` names the operation for messages ("wordpress: listing comments")."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        api_root: str,
        *,
        username: str = "",
        password: str = "",
        pacer: Pacer | None = None,
        label: str = "wordpress",
    ) -> None:
        self._client = client
        self._root = api_root.rstrip("/") if not api_root.endswith(QUERY_STYLE) else api_root
        self._pacer = pacer if pacer is not None else Pacer(DEFAULT_MIN_INTERVAL_S)
        self._label = label
        self._headers: dict[str, str] = {"Accept": "application/json"}
        self._secrets: tuple[str, ...] = ()
        if username or password:
            pair = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
            self._headers["Authorization"] = f"Basic {pair}"
            self._secrets = (password, password.replace(" ", ""), pair)

    def url(self, route: str) -> tuple[str, dict[str, str]]:
        """The address of `route` (e.g. "/wp/v2/comments") and the query it needs."""
        if self._root.endswith(QUERY_STYLE):
            return self._root.removesuffix(QUERY_STYLE), {"rest_route": route}
        return self._root + route, {}

    async def call(
        self,
        method: str,
        route: str,
        *,
        what: str,
        params: dict[str, Any] | None = None,
        json: dict[str, Any] | None = None,
    ) -> Reply:
        url, query = self.url(route)
        query.update(params or {})
        label = f"{self._label}: {what}"
        await self._pacer.wait()
        response = await send(
            self._client,
            method,
            url,
            what=label,
            params=query,
            json=json,
            headers=self._headers,
        )
        try:
            check_response(response, what=label, secrets=self._secrets)
        except RateLimited as exc:
            self._pacer.hold_for(exc.retry_after)
            raise
        return Reply(decode_json(response, what=label), response.headers)

    async def get(self, route: str, *, what: str, params: dict[str, Any] | None = None) -> Reply:
        return await self.call("GET", route, what=what, params=params)
