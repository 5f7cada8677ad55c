"""Posting our replies exactly once, on a platform without idempotency keys.

The outbox's key is written into the new comment's `author_user_agent` (WordPress stores it
as the comment's user agent, visible only to moderators; comment meta would need a plugin to
register a key). Before posting, our own replies under the same parent are searched for the
key, so a retry after a lost answer finds the first reply instead of writing a second.
WordPress itself also refuses an identical comment by the same author under the same parent
(409 `comment_duplicate`); that reply is then found by its text.
"""

from moderator_app import __version__
from moderator_app.connectors.errors import PermanentError
from moderator_app.connectors.http import MalformedPayload
from moderator_app.connectors.wordpress.api import SiteApi
from moderator_app.connectors.wordpress.envelope import SiteRefused
from moderator_app.connectors.wordpress.listing import FIELDS
from moderator_app.connectors.wordpress.payload import RawComment, raw_content, read_comment

ROUTE = "/wp/v2/comments"
KEY_MARK = "idempotency-key="


def agent_for(key: str) -> str:
    return f"moderator-app/{__version__} ({KEY_MARK}{key})"


class OwnReplies:
    def __init__(self, api: SiteApi) -> None:
        self._api = api

    async def post(self, *, post: int, parent: int, author: int, text: str, key: str) -> RawComment:
        existing = await self._find(post=post, parent=parent, author=author, key=key)
        if existing is not None:
            return existing
        try:
            reply = await self._api.call(
                "POST",
                ROUTE,
                what=f"replying to comment {parent}",
                params={"context": "edit"},
                json={
                    "post": post,
                    "parent": parent,
                    "content": text,
                    "author_user_agent": agent_for(key),
                },
            )
        except SiteRefused as exc:
            if exc.code != "comment_duplicate":
                raise
            same = await self._find(post=post, parent=parent, author=author, text=text)
            if same is None:
                raise PermanentError(
                    f"wordpress: replying to comment {parent}: the site calls the reply a "
                    "duplicate, but no such reply of ours is there"
                ) from None
            return same
        return read_comment(reply.data, "wordpress: new reply")

    async def _find(
        self, *, post: int, parent: int, author: int, key: str = "", text: str | None = None
    ) -> RawComment | None:
        """Our most recent replies under `parent` (any status: a reply someone trashed since
        was still sent), matched by key in the user agent, or by text."""
        reply = await self._api.get(
            ROUTE,
            what=f"looking for our replies to comment {parent}",
            params={
                "post": post,
                "parent": parent,
                "author": author,
                "status": "any",
                "context": "edit",
                "orderby": "id",
                "order": "desc",
                "per_page": 100,
                "_fields": f"{FIELDS},author_user_agent",
            },
        )
        if not isinstance(reply.data, list):
            raise MalformedPayload(f"wordpress: replies to comment {parent}: expected a list")
        for i, item in enumerate(reply.data):
            raw = read_comment(item, f"wordpress: replies to comment {parent}[{i}]")
            if key and f"{KEY_MARK}{key})" in str(raw.data.get("author_user_agent", "")):
                return raw
            if text is not None and (raw_content(raw.data) or "").strip() == text.strip():
                return raw
        return None
