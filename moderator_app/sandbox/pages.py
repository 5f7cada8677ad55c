"""Tiny HTML pages, so a permalink opened from the app shows the comment in a browser.

Comment text is untrusted and the generator deliberately produces `<script>` and friends:
everything user-supplied goes through `html.escape`.
"""

from html import escape
from typing import Any

from moderator_app.sandbox.state import World
from moderator_app.sandbox.web import Request, Response, Route, html_response

_STYLE = (
    "body{font:15px/1.45 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}"
    ".c{border-left:3px solid #ccd;padding:.3rem .8rem;margin:.6rem 0}"
    ".h{opacity:.45}.m{border-color:#6a6}.meta{color:#667;font-size:13px}"
    ".t{white-space:pre-wrap;overflow-wrap:anywhere}"
)


def _page(title: str, body: str, status: int = 200) -> Response:
    html = (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{_STYLE}</style></head><body>{body}</body></html>"
    )
    return html_response(html, status)


def _not_found() -> Response:
    return _page("Not found", "<h1>Not found</h1><p><a href='/'>All communities</a></p>", 404)


def _threaded(comments: list[dict[str, Any]]) -> list[tuple[dict[str, Any], int]]:
    """Comments in reading order, each reply right under its parent, with its depth."""
    known = {c["id"] for c in comments}
    children: dict[str | None, list[dict[str, Any]]] = {}
    for c in comments:
        parent = c["parent_id"] if c["parent_id"] in known else None
        children.setdefault(parent, []).append(c)
    ordered: list[tuple[dict[str, Any], int]] = []
    stack = [(c, 0) for c in reversed(children.get(None, []))]
    while stack:
        comment, depth = stack.pop()
        ordered.append((comment, depth))
        stack.extend((c, depth + 1) for c in reversed(children.get(comment["id"], [])))
    return ordered


def _comment_html(comment: dict[str, Any], depth: int = 0) -> str:
    classes = ["c"]
    if comment["hidden"]:
        classes.append("h")
    if comment["by_moderator"]:
        classes.append("m")
    author = comment["author"]
    flags = " · hidden" if comment["hidden"] else ""
    flags += " · edited" if comment["edited_at"] else ""
    reply_to = f" · reply to #{escape(comment['parent_id'])}" if comment["parent_id"] else ""
    return (
        f'<div class="{" ".join(classes)}" id="{escape(comment["id"])}"'
        f' style="margin-left:{min(depth, 4) * 2}rem">'
        f'<div class="meta"><a href="{escape(author["url"])}">{escape(author["name"])}</a>'
        f" · {escape(comment['created_at'])}{reply_to}{flags}"
        f' · <a href="#{escape(comment["id"])}">#{escape(comment["id"])}</a></div>'
        f'<div class="t">{escape(comment["text"])}</div></div>'
    )


class Pages:
    def __init__(self, world: World) -> None:
        self._world = world

    def routes(self) -> list[Route]:
        return [
            Route("GET", "/", self.index),
            Route("GET", "/c/{community}", self.community),
            Route("GET", "/c/{community}/{post}", self.post),
            Route("GET", "/u/{author}", self.author),
        ]

    def index(self, _request: Request, _: dict[str, str]) -> Response:
        items = "".join(
            f'<li><a href="{escape(c["url"])}">{escape(c["name"])}</a></li>'
            for c in self._world.communities_json(with_posts=False)
        )
        return _page("Sandbox platform", f"<h1>Sandbox platform</h1><ul>{items}</ul>")

    def community(self, _request: Request, params: dict[str, str]) -> Response:
        found = [
            c
            for c in self._world.communities_json(with_posts=True)
            if c["id"] == params["community"]
        ]
        if not found:
            return _not_found()
        community = found[0]
        items = "".join(
            f'<li><a href="{escape(p["url"])}">{escape(p["title"])}</a></li>'
            for p in community["posts"]
        )
        return _page(community["name"], f"<h1>{escape(community['name'])}</h1><ul>{items}</ul>")

    def post(self, _request: Request, params: dict[str, str]) -> Response:
        post = self._world.post(params["post"])
        if post is None or post.community_id != params["community"]:
            return _not_found()
        thread = _threaded(self._world.comments_under(post.id))
        comments = "".join(_comment_html(c, depth) for c, depth in thread)
        body = (
            f'<p><a href="/c/{escape(post.community_id)}">← back</a></p>'
            f"<h1>{escape(post.title)}</h1><p>{escape(post.text)}</p>"
            f"<h2>Comments</h2>{comments or '<p>No comments yet.</p>'}"
        )
        return _page(post.title, body)

    def author(self, _request: Request, params: dict[str, str]) -> Response:
        person = self._world.author(params["author"])
        if person is None:
            return _not_found()
        comments = "".join(_comment_html(c) for c in self._world.comments_by(person.id))
        return _page(person.name, f"<h1>{escape(person.name)}</h1>{comments}")
