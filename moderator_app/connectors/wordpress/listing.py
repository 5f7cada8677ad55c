"""One page of `/wp/v2/comments` in every status, ordered by id."""

from dataclasses import dataclass
from typing import Any

from moderator_app.connectors.http import MalformedPayload
from moderator_app.connectors.wordpress.api import SiteApi
from moderator_app.connectors.wordpress.payload import RawComment, read_comment

PER_PAGE = 100
ROUTE = "/wp/v2/comments"
# Only what `payload` reads: avatars, links and meta would double the size of each page.
FIELDS = "id,post,parent,author,author_name,author_url,author_email,date_gmt,content,link,status"


@dataclass(frozen=True, slots=True)
class CommentPage:
    comments: tuple[RawComment, ...]
    last: bool  # no page after this one


async def list_comments(
    api: SiteApi, *, page: int, newest_first: bool, post_ids: tuple[int, ...] = ()
) -> CommentPage:
    """`status=any` lists held, approved, spam and trashed comments in one query (WordPress's
    own comment query treats "any" as "no status filter"), so one walk sees every status."""
    params: dict[str, Any] = {
        "status": "any",
        "context": "edit",
        "orderby": "id",
        "order": "desc" if newest_first else "asc",
        "per_page": PER_PAGE,
        "page": page,
        "_fields": FIELDS,
    }
    if post_ids:
        params["post"] = ",".join(map(str, post_ids))
    order = "newest" if newest_first else "oldest"
    reply = await api.get(
        ROUTE, what=f"listing comments ({order} first, page {page})", params=params
    )
    where = f"wordpress: comments page {page}"
    if not isinstance(reply.data, list):
        raise MalformedPayload(f"{where}: expected a list")
    comments = tuple(read_comment(item, f"{where}[{i}]") for i, item in enumerate(reply.data))
    total = _total_pages(reply.headers.get("X-WP-TotalPages"), where)
    last = page >= total if total is not None else len(comments) < PER_PAGE
    return CommentPage(comments, last or not comments)


def _total_pages(raw: str | None, where: str) -> int | None:
    """`X-WP-TotalPages`; None when a proxy dropped it (then a short page means the end)."""
    if raw is None or not raw.strip():
        return None
    try:
        total = int(raw.strip())
    except ValueError:
        raise MalformedPayload(f"{where}: X-WP-TotalPages is not a number") from None
    if total < 0:
        raise MalformedPayload(f"{where}: X-WP-TotalPages is negative")
    return total
