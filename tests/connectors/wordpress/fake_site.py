"""A small in-memory WordPress REST API behind `httpx.MockTransport`.

Comments are built from the recorded `CommentModel` (tests/fixtures/wordpress), with the
`context=edit` fields a moderator sees added; listing, paging headers, statuses, replies,
duplicates, trash and the error envelope follow WordPress 6.1 as read in its source and seen
against the real site in `test_real_site.py`. Faults can be queued per request.
"""

import base64
import copy
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

FIXTURES = Path(__file__).parents[2] / "fixtures" / "wordpress"
SITE = "https://blog.example.test"
USERNAME = "editor"
PASSWORD = "abcd EFGH ijkl MNOP qrst UVWX"
USER_ID = 7
EDIT_ONLY = ("author_email", "author_ip", "author_user_agent")


def recorded(name: str) -> Any:
    return json.loads((FIXTURES / f"wp-api-generated.{name}.json").read_text())


def wp_error(status: int, code: str, message: str, **headers: str) -> httpx.Response:
    body = {"code": code, "message": message, "data": {"status": status}}
    return httpx.Response(status, json=body, headers=headers)


Fault = httpx.Response | Exception


@dataclass
class _Queued:
    method: str
    pattern: re.Pattern[str]
    fault: Fault
    times: int
    after: bool = False  # carry the request out, then answer with the fault (a lost answer)


@dataclass
class FakeWordPress:
    comments: dict[int, dict[str, Any]] = field(default_factory=dict)
    posts: dict[int, dict[str, Any]] = field(default_factory=dict)
    pages: dict[int, dict[str, Any]] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)
    password: str = PASSWORD
    pretty_permalinks: bool = True
    moderate: bool = True
    next_id: int = 100
    _faults: list[_Queued] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.add_post(4, "Осенняя коллекция &#8211; новинки", excerpt="<p>Новые <b>модели</b></p>")

    # --- arranging -------------------------------------------------------------------------

    def add_post(self, post_id: int, title: str, *, excerpt: str = "", page: bool = False) -> None:
        kind = "page" if page else "post"
        target = self.pages if page else self.posts
        target[post_id] = {
            "id": post_id,
            "title": {"rendered": title},
            "link": f"{SITE}/?{'page_id' if page else 'p'}={post_id}",
            "excerpt": {"rendered": excerpt, "protected": False},
            "type": kind,
        }

    def add(
        self,
        text: str,
        *,
        post: int = 4,
        parent: int = 0,
        status: str = "approved",
        author: int = 0,
        author_name: str = "Гость",
        email: str = "guest@example.test",
        agent: str = "",
        comment_id: int | None = None,
    ) -> int:
        """A comment shaped like the recorded CommentModel, with the edit-context fields."""
        if comment_id is None:
            comment_id = self.next_id
        self.next_id = max(self.next_id, comment_id) + 1
        data = copy.deepcopy(recorded("CommentModel"))
        data.update(
            id=comment_id,
            post=post,
            parent=parent,
            author=author,
            author_name=author_name,
            author_url="",
            author_email=email,
            author_ip="127.0.0.1",
            author_user_agent=agent,
            date=f"2026-11-27T10:{comment_id % 60:02d}:00",
            date_gmt=f"2026-11-27T07:{comment_id % 60:02d}:00",
            content={"rendered": f"<p>{text}</p>\n", "raw": text},
            link=f"{SITE}/?p={post}#comment-{comment_id}",
            status=status,
        )
        self.comments[comment_id] = data
        return comment_id

    def fail(
        self, method: str, path: str, fault: Fault, *, times: int = 1, after: bool = False
    ) -> None:
        """The next `times` requests matching `method` and the regex `path` (a REST route,
        e.g. r"/wp/v2/comments$") get `fault` instead of an answer (or after carrying it out)."""
        self._faults.append(_Queued(method, re.compile(path), fault, times, after))

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def account_settings(self, **extra: Any) -> dict[str, Any]:
        root = f"{SITE}/wp-json" if self.pretty_permalinks else f"{SITE}/?rest_route="
        return {"api_root": root, "user_id": USER_ID, **extra}

    # --- inspecting ------------------------------------------------------------------------

    def sent(self, method: str, path: str = "") -> list[httpx.Request]:
        return [r for r in self.requests if r.method == method and path in _route(r)]

    def ours(self) -> list[dict[str, Any]]:
        return [c for c in self.comments.values() if c["author"] == USER_ID]

    # --- serving ---------------------------------------------------------------------------

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        route = _route(request)
        pretty = request.url.path.startswith("/wp-json")
        if route.startswith("<") or (pretty and not self.pretty_permalinks):
            page = "<html><body><h1>Not Found</h1></body></html>"
            return httpx.Response(404, text=page, headers={"Content-Type": "text/html"})
        queued = self._take_fault(request.method, route)
        if queued is not None and not queued.after:
            return _raise_or_return(queued.fault)
        response = self._answer(request, route)
        if queued is not None:
            return _raise_or_return(queued.fault)
        return response

    def _take_fault(self, method: str, route: str) -> _Queued | None:
        for queued in self._faults:
            if queued.times > 0 and queued.method == method and queued.pattern.search(route):
                queued.times -= 1
                return queued
        return None

    def _answer(self, request: httpx.Request, route: str) -> httpx.Response:
        params = request.url.params
        if route in ("", "/"):
            return httpx.Response(200, json=self._index())
        if route.startswith("/wp/v2/posts") or route.startswith("/wp/v2/pages"):
            source = self.posts if "posts" in route else self.pages
            wanted = {int(i) for i in params.get("include", "").split(",") if i}
            found = [v for k, v in sorted(source.items()) if not wanted or k in wanted]
            return httpx.Response(200, json=found)
        if not self._signed_in(request):
            return wp_error(401, "rest_not_logged_in", "You are not currently logged in.")
        if route == "/wp/v2/users/me":
            caps = {"moderate_comments": self.moderate, "edit_posts": True}
            return httpx.Response(200, json={"id": USER_ID, "name": USERNAME, "capabilities": caps})
        if route == "/wp/v2/comments":
            if request.method == "POST":
                return self._create(json.loads(request.content))
            return self._list(params)
        match = re.fullmatch(r"/wp/v2/comments/(\d+)", route)
        if match:
            return self._one(request, int(match.group(1)))
        return wp_error(
            404, "rest_no_route", "No route was found matching the URL and request method."
        )

    def _signed_in(self, request: httpx.Request) -> bool:
        expected = base64.b64encode(f"{USERNAME}:{self.password}".encode()).decode()
        return bool(request.headers.get("Authorization") == f"Basic {expected}")

    def _index(self) -> dict[str, Any]:
        return {
            "name": "Brand &amp; Co",
            "url": SITE,
            "namespaces": ["oembed/1.0", "wp/v2"],
            "authentication": {"application-passwords": {"endpoints": {}}},
        }

    def _list(self, params: httpx.QueryParams) -> httpx.Response:
        status = params.get("status", "approve")
        rows = list(self.comments.values())
        if status != "any":
            wanted = "approved" if status == "approve" else status
            rows = [c for c in rows if c["status"] == wanted]
        for key, name in (("post", "post"), ("parent", "parent"), ("author", "author")):
            if key in params:
                allowed = {int(v) for v in params[key].split(",")}
                rows = [c for c in rows if c[name] in allowed]
        rows.sort(key=lambda c: c["id"], reverse=params.get("order", "desc") == "desc")
        per_page = int(params.get("per_page", "10"))
        page = int(params.get("page", "1"))
        total_pages = -(-len(rows) // per_page)
        chosen = rows[(page - 1) * per_page : page * per_page]
        body = [self._shown(c, params) for c in chosen]
        headers = {"X-WP-Total": str(len(rows)), "X-WP-TotalPages": str(total_pages)}
        return httpx.Response(200, json=body, headers=headers)

    def _one(self, request: httpx.Request, comment_id: int) -> httpx.Response:
        comment = self.comments.get(comment_id)
        if comment is None:
            return wp_error(404, "rest_comment_invalid_id", "Invalid comment ID.")
        if request.method == "DELETE":
            if comment["status"] == "trash":
                return wp_error(
                    410, "rest_already_trashed", "The comment has already been trashed."
                )
            comment["status"] = "trash"
        elif request.method == "POST":
            status = json.loads(request.content)["status"]
            comment["status"] = {"approve": "approved", "hold": "hold"}.get(status, status)
        return httpx.Response(200, json=self._shown(comment, request.url.params))

    def _create(self, body: dict[str, Any]) -> httpx.Response:
        post, parent, text = body["post"], body.get("parent", 0), body["content"]
        if post not in self.posts and post not in self.pages:
            return wp_error(
                403,
                "rest_comment_invalid_post_id",
                "Sorry, you are not allowed to create this comment without a post.",
            )
        for c in self.comments.values():
            same = c["post"] == post and c["parent"] == parent and c["author"] == USER_ID
            if same and c["status"] != "trash" and c["content"]["raw"] == text:
                return wp_error(
                    409,
                    "comment_duplicate",
                    "Duplicate comment detected; "
                    "it looks as though you&#8217;ve already said that!",
                )
        new_id = self.add(
            text,
            post=post,
            parent=parent,
            author=USER_ID,
            author_name=USERNAME,
            email="editor@example.test",
            agent=str(body.get("author_user_agent", "")),
        )
        return httpx.Response(201, json=self._shown(self.comments[new_id], {"context": "edit"}))

    def _shown(self, comment: dict[str, Any], params: Any) -> dict[str, Any]:
        shown = copy.deepcopy(comment)
        if params.get("context") != "edit":
            for key in EDIT_ONLY:
                shown.pop(key, None)
            shown["content"].pop("raw", None)
        fields = params.get("_fields")
        if fields:
            shown = {k: v for k, v in shown.items() if k in fields.split(",")}
        return shown


def _route(request: httpx.Request) -> str:
    rest_route = request.url.params.get("rest_route")
    if rest_route is not None:
        return rest_route.rstrip("/") if rest_route != "/" else "/"
    path = request.url.path
    if path.startswith("/wp-json"):
        return path.removeprefix("/wp-json").rstrip("/") or "/"
    return "<not the REST API>" + path


def _raise_or_return(fault: Fault) -> httpx.Response:
    if isinstance(fault, Exception):
        raise fault
    return fault
