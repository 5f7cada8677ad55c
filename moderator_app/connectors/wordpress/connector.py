"""The WordPress connector: comments of one site through its REST API (`/wp/v2/comments`),
authenticated with an Application Password.

Account keys: `account.url` is the site address. `account.settings`:
- `api_root` — REST root found at sign-in ("https://blog/wp-json" or "https://blog/?rest_route=");
  default: `<url>/wp-json`.
- `user_id` — our WordPress user id (marks our own replies); looked up once if absent.
- `watch` — post ids to watch, as chosen at sign-in; absent or containing "all": the whole
  site (see `watch`).
- `rescan_interval_s` — seconds between full status re-lists. Default: 5 minutes, or 30 s
  per page of 100 comments if longer, so re-listing a big site stays a small share of its
  traffic (2,000 comments: every 10 minutes; 20,000: every 100 minutes).
Credentials: `token` is the application password, `extra["username"]` the login name.

Sync (see `cursor`): each poll lists comments newest first down to the highest id already
handed out (one request when nothing is new). Every `rescan_interval_s`, and on the first
sync, a full scan lists every comment oldest first, one page per call, and hands out only
those this connector has not handed out in this form (`known`): that is how a comment
approved, held, spammed or trashed on the site reaches the inbox. A comment the scan no
longer finds is checked by id; gone for good, it is handed out as deleted.

Actions: reply → POST a comment with `parent`; hide → status `hold`; unhide → `approve`;
delete → DELETE (to the trash); report → status `spam`.
"""

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

import httpx

from moderator_app.connectors.base import Credentials, CredentialsChanged, FetchResult
from moderator_app.connectors.errors import AuthExpired, PermanentError
from moderator_app.connectors.http import MalformedPayload
from moderator_app.connectors.pacing import Pacer
from moderator_app.connectors.wordpress.api import SiteApi, default_api_root
from moderator_app.connectors.wordpress.cursor import SyncCursor
from moderator_app.connectors.wordpress.envelope import SiteRefused
from moderator_app.connectors.wordpress.known import KnownComments
from moderator_app.connectors.wordpress.listing import FIELDS, list_comments
from moderator_app.connectors.wordpress.payload import (
    RawComment,
    parse_comment,
    read_comment,
)
from moderator_app.connectors.wordpress.replies import OwnReplies
from moderator_app.connectors.wordpress.threads import PostThreads
from moderator_app.connectors.wordpress.watch import watched_posts
from moderator_app.domain import Account, Capability, Platform, PlatformState, RemoteComment

log = logging.getLogger(__name__)

DEFAULT_RESCAN_S = 300.0
RESCAN_S_PER_PAGE = 30.0
MAX_NEW_PAGES = 5  # more new comments than this between polls: a full scan collects them
MAX_CHECKS_PER_SCAN = 20  # comments a scan missed, checked one by one


class WordPressConnector:
    platform = Platform.WORDPRESS
    capabilities = frozenset(
        {Capability.REPLY, Capability.HIDE, Capability.UNHIDE, Capability.DELETE, Capability.REPORT}
    )

    def __init__(
        self,
        account: Account,
        credentials: Credentials,
        client: httpx.AsyncClient,
        on_credentials: CredentialsChanged | None = None,
        *,
        pacer: Pacer | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        settings = account.settings
        self._username = credentials.extra.get("username", "")
        self._api = SiteApi(
            client,
            str(settings.get("api_root") or default_api_root(account.url)),
            username=self._username,
            password=credentials.token,
            pacer=pacer,
        )
        self._user_id = _optional_int(settings.get("user_id"))
        self._post_ids = watched_posts(settings)
        rescan = settings.get("rescan_interval_s")
        self._rescan_s = float(rescan) if isinstance(rescan, int | float) else None
        self._clock = clock
        self._threads = PostThreads(self._api)
        self._known = KnownComments()
        self._replies = OwnReplies(self._api)

    # --- sync ------------------------------------------------------------------------------

    async def fetch_new(self, cursor: str | None) -> FetchResult:
        self._require_username()
        self._known.resume(cursor)
        state = SyncCursor.parse(cursor)
        if state.scan_due(self._clock()):
            state = state.scanning(1)
        if state.scan_page is not None:
            return await self._scan_step(state)
        return await self._new_step(state)

    async def _new_step(self, state: SyncCursor) -> FetchResult:
        """Comments with ids above `max_id`, collected newest first until the watermark."""
        found: dict[int, RawComment] = {}
        for page_no in range(1, MAX_NEW_PAGES + 1):
            page = await list_comments(
                self._api, page=page_no, newest_first=True, post_ids=self._post_ids
            )
            newer = [c for c in page.comments if c.id > state.max_id]
            found.update((c.id, c) for c in newer)
            if len(newer) < len(page.comments) or page.last:
                break
        else:
            log.info("wordpress: many new comments since the last poll, scanning them all")
            return await self._scan_step(state.scanning(1))
        comments = await self._convert(sorted(found.values(), key=lambda c: c.id))
        next_state = state.step().seen_up_to(max(found, default=0))
        cursor = next_state.dump()
        self._known.stage(cursor, comments)
        return FetchResult(comments, cursor)

    async def _scan_step(self, state: SyncCursor) -> FetchResult:
        """One page of the full scan: what is new or changed on it."""
        assert state.scan_page is not None
        page = await list_comments(
            self._api, page=state.scan_page, newest_first=False, post_ids=self._post_ids
        )
        converted = await self._convert(page.comments)
        news = [c for c in converted if self._known.is_news(c)]
        seen = {c.remote_id for c in converted}
        next_state = state.step().seen_up_to(max((c.id for c in page.comments), default=0))
        gone: set[str] = set()
        if page.last:
            one_page = state.scan_page == 1
            missing = self._known.missing_after_scan(seen, one_page=one_page) or []
            changed, gone = await self._check_missing(missing[:MAX_CHECKS_PER_SCAN])
            news.extend(changed)
            next_state = next_state.scan_done(self._clock() + self._rescan_after(state.scan_page))
        else:
            next_state = next_state.scanning(state.scan_page + 1)
        cursor = next_state.dump()
        self._known.stage(
            cursor,
            news,
            gone=gone,
            seen=seen,
            scan_started=state.scan_page == 1,
            scan_finished=page.last,
        )
        return FetchResult(news, cursor, more=not page.last)

    def _rescan_after(self, pages: int) -> float:
        if self._rescan_s is not None:
            return self._rescan_s
        return max(DEFAULT_RESCAN_S, RESCAN_S_PER_PAGE * pages)

    async def _check_missing(
        self, missing: list[RemoteComment]
    ) -> tuple[list[RemoteComment], set[str]]:
        """Ask for each comment a scan no longer listed: deleted for good, or just moved."""
        changed: list[RemoteComment] = []
        gone: set[str] = set()
        for known in missing:
            try:
                reply = await self._api.get(
                    f"/wp/v2/comments/{int(known.remote_id)}",
                    what=f"checking comment {known.remote_id}",
                    params={"context": "edit", "_fields": FIELDS},
                )
            except SiteRefused as exc:
                if exc.status != 404:
                    raise
                changed.append(_deleted(known))
                gone.add(known.remote_id)
                continue
            [current] = await self._convert([read_comment(reply.data, "wordpress: comment")])
            if self._known.is_news(current):
                changed.append(current)
        return changed, gone

    async def _convert(self, raws: Iterable[RawComment]) -> list[RemoteComment]:
        raws = list(raws)
        await self._threads.load(c.post for c in raws)
        our_id = await self._our_user_id()
        return [parse_comment(c, self._threads.cached(c.post), our_id) for c in raws]

    async def _our_user_id(self) -> int:
        if self._user_id is None:
            reply = await self._api.get(
                "/wp/v2/users/me", what="reading the signed-in user", params={"_fields": "id"}
            )
            data = reply.data
            user_id = data.get("id") if isinstance(data, dict) else None
            if not isinstance(user_id, int) or isinstance(user_id, bool) or user_id <= 0:
                raise MalformedPayload("wordpress: users/me: field 'id' is missing")
            self._user_id = user_id
        return self._user_id

    # --- actions ---------------------------------------------------------------------------

    async def reply(self, to: RemoteComment, text: str, idempotency_key: str) -> RemoteComment:
        """A reply as us under `to`. WordPress has no idempotency key, so the key rides in
        the comment's user-agent field (kept by the site, shown only to moderators) and a
        retry first looks for a reply of ours under `to` carrying it."""
        self._require_username()
        our_id = await self._our_user_id()
        post, parent = _int_id(to.thread.remote_id, "post"), _int_id(to.remote_id, "comment")
        raw = await self._replies.post(
            post=post, parent=parent, author=our_id, text=text, key=idempotency_key
        )
        [comment] = await self._convert([raw])
        return comment

    async def hide(self, comment: RemoteComment, idempotency_key: str) -> None:
        await self._set_status(comment, "hold", "holding")

    async def unhide(self, comment: RemoteComment, idempotency_key: str) -> None:
        await self._set_status(comment, "approve", "approving")

    async def report(self, comment: RemoteComment, reason: str, idempotency_key: str) -> None:
        """WordPress has no moderators above the site's own: reporting marks it spam, which
        also teaches an anti-spam plugin (Akismet) about it."""
        await self._set_status(comment, "spam", "marking as spam")

    async def delete(self, comment: RemoteComment, idempotency_key: str) -> None:
        """To the trash (restorable on the site for 30 days). Already trashed or already
        deleted for good counts as done, so a retry is harmless."""
        self._require_username()
        comment_id = _int_id(comment.remote_id, "comment")
        try:
            await self._api.call(
                "DELETE",
                f"/wp/v2/comments/{comment_id}",
                what=f"trashing comment {comment_id}",
                params={"_fields": "id,status"},
            )
        except SiteRefused as exc:
            if exc.code not in ("rest_already_trashed", "rest_comment_invalid_id"):
                raise

    async def _set_status(self, comment: RemoteComment, status: str, verb: str) -> None:
        """Setting a status a comment already has succeeds on WordPress: retries are safe."""
        self._require_username()
        comment_id = _int_id(comment.remote_id, "comment")
        reply = await self._api.call(
            "POST",
            f"/wp/v2/comments/{comment_id}",
            what=f"{verb} comment {comment_id}",
            params={"_fields": "id,status"},
            json={"status": status},
        )
        if not isinstance(reply.data, dict) or "status" not in reply.data:
            raise MalformedPayload(f"wordpress: {verb} comment {comment_id}: no status in reply")

    def _require_username(self) -> None:
        if not self._username:
            raise AuthExpired("wordpress: no user name is stored for this site; sign in again")


def _deleted(comment: RemoteComment) -> RemoteComment:
    return replace(comment, platform_state=PlatformState.DELETED, extra={"status": "deleted"})


def _int_id(value: str, kind: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number <= 0:
        raise PermanentError(f"wordpress: '{value}' is not a WordPress {kind} id")
    return number


def _optional_int(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str) and value.isdigit() and int(value) > 0:
        return int(value)
    return None
