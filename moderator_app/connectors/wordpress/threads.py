"""Post titles for comments, looked up in batches and cached for the connector's life.

Comments name only their post's id. One `include=` query per batch of posts (then pages,
for comments on pages) gives titles without a request per comment; what neither finds
(a private post, a custom post type) becomes a thread with an empty title rather than a
failed sync.
"""

from collections.abc import Iterable

from moderator_app.connectors.http import MalformedPayload
from moderator_app.connectors.wordpress.api import SiteApi
from moderator_app.connectors.wordpress.payload import parse_post
from moderator_app.domain import ThreadRef

BATCH = 100
FIELDS = "id,title,link,excerpt"


class PostThreads:
    def __init__(self, api: SiteApi) -> None:
        self._api = api
        self._cache: dict[int, ThreadRef] = {}

    def cached(self, post_id: int) -> ThreadRef:
        return self._cache.get(post_id) or ThreadRef(remote_id=str(post_id))

    async def load(self, post_ids: Iterable[int]) -> None:
        """Make sure every id in `post_ids` is in the cache (0, "no post", never is asked)."""
        missing = sorted({p for p in post_ids if p > 0 and p not in self._cache})
        for start in range(0, len(missing), BATCH):
            chunk = missing[start : start + BATCH]
            for route in ("/wp/v2/posts", "/wp/v2/pages"):
                chunk = await self._fetch(route, chunk)
                if not chunk:
                    break
            for post_id in chunk:
                self._cache[post_id] = ThreadRef(remote_id=str(post_id))

    async def _fetch(self, route: str, ids: list[int]) -> list[int]:
        """Look `ids` up at `route`; returns the ids it did not find."""
        kind = route.rsplit("/", 1)[-1]
        what = f"looking up {len(ids)} {kind}"
        reply = await self._api.get(
            route,
            what=what,
            params={
                "include": ",".join(map(str, ids)),
                "per_page": len(ids),
                "_fields": FIELDS,
            },
        )
        items = reply.data
        if not isinstance(items, list):
            raise MalformedPayload(f"wordpress: {what}: expected a list")
        for i, item in enumerate(items):
            thread = parse_post(item, f"wordpress: {kind}[{i}]")
            self._cache[int(thread.remote_id)] = thread
        return [p for p in ids if p not in self._cache]
