"""A faithful local YouTube for tests: Data API v3 comment endpoints + Google OAuth, over
real HTTP on a loopback port.

Served: `GET /youtube/v3/commentThreads` (allThreadsRelatedToChannelId/videoId, order,
maxResults, pageToken, moderationStatus, textFormat), `GET|POST /youtube/v3/comments`
(parentId listing newest-first, insert), `POST /youtube/v3/comments/setModerationStatus`,
`GET /youtube/v3/videos`, `GET /youtube/v3/channels`, `GET /o/oauth2/v2/auth`, `POST /token`.
Bearer tokens are checked and expire; quota is counted (list 1, writes 50) and can run out;
page tokens are opaque and can be made stale. Faults can be armed per path prefix:
`quota`, `rate`, `429`, `500`, `malformed`, `slow` (answer after `slow_s`), `drop` (carry the
request out, then close the connection without answering), `401`, `echo` (an error quoting
the request's Authorization header).
"""

import base64
import binascii
import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.servers.youtube_fake_oauth import OAuthError, OAuthServer
from tests.servers.youtube_fake_world import DISABLED_MESSAGE, ApiError, World

API = "/youtube/v3"
QUOTA_MESSAGE = (
    "The request cannot be completed because you have exceeded your "
    '<a href="/youtube/v3/getting-started#quota">quota</a>.'
)
AUTH_MESSAGE = (
    "Request had invalid authentication credentials. Expected OAuth 2 access token, login "
    "cookie or other valid authentication credential."
)
COSTS = {"POST /comments": 50, "POST /comments/setModerationStatus": 50}


@dataclass
class Fault:
    path: str
    kind: str
    times: int = 1
    method: str | None = None


@dataclass(frozen=True)
class Logged:
    method: str
    path: str
    params: dict[str, str]
    body: Any
    status: int


@dataclass
class Reply:
    status: int
    body: bytes = b""
    content_type: str = "application/json; charset=UTF-8"
    location: str = ""
    drop: bool = False


def _json(status: int, data: Any) -> Reply:
    return Reply(status, json.dumps(data, ensure_ascii=False).encode())


def _error(status: int, reason: str, message: str, domain: str = "global") -> Reply:
    return _json(status, ApiError(status, reason, message, domain).envelope())


class YouTubeFake:
    def __init__(
        self, *, quota_limit: int | None = None, slow_s: float = 1.5, host: str = "127.0.0.1"
    ) -> None:
        self.world = World()
        self.oauth = OAuthServer()
        self.quota_limit = quota_limit
        self.units = 0
        self.slow_s = slow_s
        self.page_generation = 1
        self.log: list[Logged] = []
        self.faults: list[Fault] = []
        self._lock = threading.Lock()
        self._httpd = _Server((host, 0), _Handler)
        self._httpd.fake = self
        self._thread: threading.Thread | None = None
        port = self._httpd.server_address[1]
        self.url = f"http://{host}:{port}"

    # --- addresses ------------------------------------------------------------------------

    @property
    def api_base(self) -> str:
        return self.url + API

    @property
    def token_url(self) -> str:
        return self.url + "/token"

    @property
    def auth_url(self) -> str:
        return self.url + "/o/oauth2/v2/auth"

    # --- lifecycle ------------------------------------------------------------------------

    def __enter__(self) -> "YouTubeFake":
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(5)

    # --- test controls --------------------------------------------------------------------

    def fault(self, path: str, kind: str, times: int = 1, method: str | None = None) -> None:
        with self._lock:
            self.faults.append(Fault(path, kind, times, method))

    def calls(self, path: str, method: str | None = None) -> list[Logged]:
        with self._lock:
            return [
                c for c in self.log if c.path == path and (method is None or c.method == method)
            ]

    def stale_page_tokens(self) -> None:
        self.page_generation += 1

    # --- dispatch -------------------------------------------------------------------------

    def handle(self, method: str, target: str, headers: dict[str, str], body: bytes) -> Reply:
        parts = urlsplit(target)
        params = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        if method == "GET" and parts.path == "/o/oauth2/v2/auth":
            return self._authorize(parts.query)
        if method == "POST" and parts.path == "/token":
            return self._token(body)
        if not parts.path.startswith(API + "/"):
            return _error(404, "notFound", "Not Found")
        path = parts.path.removeprefix(API)
        fault = self._take_fault(method, path)
        payload = json.loads(body) if body and method == "POST" and path == "/comments" else None
        reply = (
            self._faulty(fault, headers) if fault and fault.kind not in {"slow", "drop"} else None
        )
        if reply is None:
            if fault is not None and fault.kind == "slow":
                time.sleep(self.slow_s)
            reply = self._api(method, path, params, headers, payload)
            if fault is not None and fault.kind == "drop":
                reply.drop = True
        with self._lock:
            self.log.append(Logged(method, path, params, payload, reply.status))
        return reply

    def _take_fault(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                matches = fault.method is None or fault.method == method
                if fault.times > 0 and path.startswith(fault.path) and matches:
                    fault.times -= 1
                    return fault
        return None

    def _faulty(self, fault: Fault, headers: dict[str, str]) -> Reply:
        kind = fault.kind
        if kind == "echo":  # a careless server quoting the request back, token and all
            quoted = headers.get("authorization", "")
            return _error(400, "badRequest", f"Bad request with header {quoted}")
        if kind == "quota":
            return _error(403, "quotaExceeded", QUOTA_MESSAGE, "youtube.quota")
        if kind == "rate":
            return _error(403, "rateLimitExceeded", "Rate Limit Exceeded", "usageLimits")
        if kind == "429":
            return _error(429, "rateLimitExceeded", "Too Many Requests", "usageLimits")
        if kind == "500":
            return _error(500, "backendError", "Backend Error")
        if kind == "malformed":
            return Reply(200, b'{"kind": "youtube#commentThreadListResponse", "items": [')
        if kind == "401":
            return self._unauthorized()
        raise ValueError(f"unknown fault {kind}")

    def _unauthorized(self) -> Reply:
        data = ApiError(401, "authError", AUTH_MESSAGE).envelope()
        data["error"]["errors"][0].update(
            {"message": "Invalid Credentials", "location": "Authorization"}
        )
        data["error"]["status"] = "UNAUTHENTICATED"
        return _json(401, data)

    def _authorize(self, query: str) -> Reply:
        try:
            location = self.oauth.authorize(query)
        except OAuthError as exc:
            page = f"<html><body>Error {exc.status}: {exc.error}</body></html>"
            return Reply(exc.status, page.encode(), "text/html; charset=utf-8")
        return Reply(302, b"", "text/html; charset=utf-8", location=location)

    def _token(self, body: bytes) -> Reply:
        form = {k: v[0] for k, v in parse_qs(body.decode(), keep_blank_values=True).items()}
        try:
            return _json(200, self.oauth.token(form))
        except OAuthError as exc:
            return _json(exc.status, {"error": exc.error, "error_description": exc.description})

    def _api(
        self, method: str, path: str, params: dict[str, str], headers: dict[str, str], body: Any
    ) -> Reply:
        auth = headers.get("authorization", "")
        if not auth.startswith("Bearer ") or not self.oauth.valid(auth.removeprefix("Bearer ")):
            return self._unauthorized()
        cost = COSTS.get(f"{method} {path}", 1)
        with self._lock:
            if self.quota_limit is not None and self.units + cost > self.quota_limit:
                return _error(403, "quotaExceeded", QUOTA_MESSAGE, "youtube.quota")
            self.units += cost
        try:
            with self.world.lock:
                return self._route(method, path, params, body)
        except ApiError as exc:
            return _json(exc.status, exc.envelope())

    def _route(self, method: str, path: str, params: dict[str, str], body: Any) -> Reply:
        routes = {
            ("GET", "/commentThreads"): self._threads,
            ("GET", "/comments"): self._comments,
            ("GET", "/videos"): self._videos,
            ("GET", "/channels"): self._channels,
        }
        if method == "POST" and path == "/comments":
            return self._insert(params, body)
        if method == "POST" and path == "/comments/setModerationStatus":
            return self._moderate(params)
        handler = routes.get((method, path))
        if handler is None:
            return _error(404, "notFound", "Not Found")
        return handler(params)

    # --- endpoints ------------------------------------------------------------------------

    def _page(self, params: dict[str, str], items: list[Any]) -> tuple[list[Any], str | None]:
        size = _int_param(params, "maxResults", 20, 1, 100)
        offset = 0
        raw = params.get("pageToken")
        if raw:
            try:
                token = json.loads(base64.urlsafe_b64decode(raw.encode()))
                offset, generation = int(token["o"]), int(token["g"])
            except (ValueError, KeyError, TypeError, binascii.Error):
                generation = -1
            if generation != self.page_generation:
                raise ApiError(
                    400, "invalidPageToken", "The request specifies an invalid page token."
                )
        chunk = items[offset : offset + size]
        more = offset + size < len(items)
        token_doc = json.dumps({"o": offset + size, "g": self.page_generation}).encode()
        return chunk, base64.urlsafe_b64encode(token_doc).decode() if more else None

    def _threads(self, params: dict[str, str]) -> Reply:
        parts = _parts(params, {"id", "snippet", "replies"})
        filters = [
            k
            for k in ("allThreadsRelatedToChannelId", "channelId", "id", "videoId")
            if params.get(k)
        ]
        if len(filters) != 1:
            raise ApiError(400, "missingRequiredParameter", "Exactly one filter is required.")
        status = params.get("moderationStatus", "published")
        if status not in {"published", "heldForReview", "likelySpam"}:
            raise ApiError(400, "invalidValue", "Invalid moderationStatus.")
        if params.get("order", "time") not in {"time", "relevance"}:
            raise ApiError(400, "invalidValue", "Invalid order.")
        world = self.world
        channel = params.get("allThreadsRelatedToChannelId")
        if status != "published" and channel != world.channel_id:
            raise ApiError(403, "forbidden", "Only the channel owner can filter by status.")
        tops = world.threads(status)
        if channel is not None and channel != world.channel_id:
            tops = []
        if params.get("videoId"):
            video = world.videos.get(params["videoId"])
            if video is None:
                raise ApiError(404, "videoNotFound", "The video could not be found.")
            if video.comments_disabled:
                raise ApiError(403, "commentsDisabled", DISABLED_MESSAGE, "youtube.commentThread")
            tops = [t for t in tops if t.video_id == video.id]
        chunk, token = self._page(params, tops)
        items = [world.render_thread(t, status, with_replies="replies" in parts) for t in chunk]
        _plain(items, params)
        data: dict[str, Any] = {
            "kind": "youtube#commentThreadListResponse",
            "etag": f"etag-list-{len(tops)}",
            "pageInfo": {"totalResults": len(chunk), "resultsPerPage": len(chunk)},
            "items": items,
        }
        if token:
            data["nextPageToken"] = token
        return _json(200, data)

    def _comments(self, params: dict[str, str]) -> Reply:
        _parts(params, {"id", "snippet"})
        world = self.world
        if params.get("parentId"):
            parent = world.comments.get(params["parentId"])
            if parent is None:
                raise ApiError(404, "commentNotFound", "The parent comment could not be found.")
            replies = list(reversed(world.replies_of(parent.id)))  # newest first
        elif params.get("id"):
            wanted = params["id"].split(",")
            replies = [world.comments[i] for i in wanted if i in world.comments]
        else:
            raise ApiError(400, "missingRequiredParameter", "id or parentId is required.")
        chunk, token = self._page(params, replies)
        items = [world.render_comment(c, with_video=False, with_status=False) for c in chunk]
        _plain(items, params)
        data: dict[str, Any] = {
            "kind": "youtube#commentListResponse",
            "etag": "etag-comments",
            "pageInfo": {"resultsPerPage": len(chunk)},
            "items": items,
        }
        if token:
            data["nextPageToken"] = token
        return _json(200, data)

    def _insert(self, params: dict[str, str], body: Any) -> Reply:
        if params.get("part") != "snippet":
            raise ApiError(400, "missingRequiredParameter", "part=snippet is required.")
        snippet = body.get("snippet") if isinstance(body, dict) else None
        if not isinstance(snippet, dict) or not isinstance(snippet.get("parentId"), str):
            raise ApiError(400, "invalidCommentMetadata", "snippet.parentId is required.")
        text = snippet.get("textOriginal")
        created = self.world.insert_reply(
            snippet["parentId"], text if isinstance(text, str) else ""
        )
        return _json(200, self.world.render_comment(created, with_video=False, with_status=False))

    def _moderate(self, params: dict[str, str]) -> Reply:
        ids = [i for i in params.get("id", "").split(",") if i]
        ban = params.get("banAuthor", "false") == "true"
        self.world.set_status(ids, params.get("moderationStatus", ""), ban=ban)
        return Reply(204)

    def _videos(self, params: dict[str, str]) -> Reply:
        _parts(params, {"id", "snippet"})
        ids = [i for i in params.get("id", "").split(",") if i]
        if len(ids) > 50:
            raise ApiError(400, "invalidValue", "At most 50 ids.")
        items = [
            {
                "kind": "youtube#video",
                "etag": f"etag-{v.id}",
                "id": v.id,
                "snippet": {
                    "publishedAt": "2026-01-01T00:00:00Z",
                    "channelId": self.world.channel_id,
                    "title": v.title,
                    "description": v.description,
                    "channelTitle": self.world.channel_title,
                },
            }
            for i in ids
            if (v := self.world.videos.get(i)) is not None
        ]
        return _json(
            200,
            {
                "kind": "youtube#videoListResponse",
                "etag": "etag-videos",
                "items": items,
                "pageInfo": {"totalResults": len(items), "resultsPerPage": len(items)},
            },
        )

    def _channels(self, params: dict[str, str]) -> Reply:
        _parts(params, {"id", "snippet"})
        world = self.world
        mine = params.get("mine") == "true"
        known = mine or params.get("id") == world.channel_id
        items = (
            [
                {
                    "kind": "youtube#channel",
                    "etag": "etag-channel",
                    "id": world.channel_id,
                    "snippet": {
                        "title": world.channel_title,
                        "description": "",
                        "customUrl": "@moderator-fake",
                        "publishedAt": "2020-01-01T00:00:00Z",
                    },
                }
            ]
            if known
            else []
        )
        return _json(
            200,
            {
                "kind": "youtube#channelListResponse",
                "etag": "etag-channels",
                "pageInfo": {"totalResults": len(items), "resultsPerPage": 5},
                "items": items,
            },
        )


def _int_param(params: dict[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(400, "invalidValue", f"Invalid {name}.") from None
    if not low <= value <= high:
        raise ApiError(400, "invalidValue", f"{name} must be within {low}..{high}.")
    return value


def _parts(params: dict[str, str], allowed: set[str]) -> set[str]:
    parts = {p.strip() for p in params.get("part", "").split(",") if p.strip()}
    if not parts:
        raise ApiError(400, "missingRequiredParameter", "No filter selected. Expected part.")
    if not parts <= allowed:
        raise ApiError(400, "invalidPart", "The part parameter is invalid.")
    return parts


def _plain(items: list[Any], params: dict[str, str]) -> None:
    """textFormat=plainText: textDisplay without markup (the default is html)."""
    if params.get("textFormat", "html") != "plainText":
        return
    for item in items:
        comments = [item] if item.get("kind") == "youtube#comment" else []
        if item.get("kind") == "youtube#commentThread":
            comments.append(item["snippet"]["topLevelComment"])
            comments.extend(item.get("replies", {}).get("comments", []))
        for comment in comments:
            comment["snippet"]["textDisplay"] = comment["snippet"]["textOriginal"]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    fake: YouTubeFake

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that time out and hang up are part of the tests, not errors."""


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def _serve(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        reply = self.server.fake.handle(method, self.path, headers, body)
        if reply.drop:
            self.close_connection = True
            return
        self.send_response(reply.status)
        if reply.location:
            self.send_header("Location", reply.location)
        if reply.status != 204:
            self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        if reply.body:
            self.wfile.write(reply.body)

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: request lines carry tokens and codes."""
