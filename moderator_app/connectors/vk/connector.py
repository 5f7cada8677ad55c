"""The VK connector: a community wall's comments through Bots Long Poll, with a backfill of
the most recent posts when an account is first connected and whenever the long poll says
events were lost.

What a community administrator's user token allows, and so the capabilities:
- reply: `wall.createComment` as the community, with VK's `guid` carrying the idempotency key;
- hide / unhide: `wall.deleteComment` / `wall.restoreComment`. VK's removal can be undone, so
  it is our hide; VK has no removal for good, so `delete` raises NotSupported;
- report: `wall.reportComment`.

A removal reported by the long poll is HIDDEN when the signed-in administrator did it (our own
hide, from here or from the site) and DELETED otherwise (the author, another administrator).
How comments are built (names, post context, removals) is in `builder`.
"""

import logging
import time
from collections.abc import Iterable, Mapping

import httpx

from moderator_app.connectors import payload
from moderator_app.connectors.base import Credentials, CredentialsChanged, FetchResult
from moderator_app.connectors.errors import NotSupported, PermanentError
from moderator_app.connectors.http import MalformedPayload
from moderator_app.connectors.pacing import Pacer
from moderator_app.connectors.redact import install_log_redaction
from moderator_app.connectors.vk import backfill, convert
from moderator_app.connectors.vk.api import LABEL, Param, VkApi
from moderator_app.connectors.vk.builder import CommentBuilder
from moderator_app.connectors.vk.cursor import GroupState, dump_cursor, load_cursor
from moderator_app.connectors.vk.longpoll import HistoryLost, LongPoll
from moderator_app.connectors.vk.payload import VkComment, int_list
from moderator_app.connectors.vk.reasons import report_reason
from moderator_app.connectors.vk.settings import read_settings
from moderator_app.domain import (
    Account,
    Capability,
    Platform,
    RemoteComment,
)

log = logging.getLogger(__name__)

UNITS_PER_STEP = 5
NOT_REMOVED = 243  # wall.restoreComment: "Comment has not been deleted"
NOT_FOUND = 104


class VkConnector:
    """Settings: see `moderator_app.connectors.vk.settings`. Credentials: the administrator's
    user token (scopes wall, groups, offline); it does not expire, so `on_credentials` is
    never called."""

    platform = Platform.VK
    capabilities = frozenset(
        {Capability.REPLY, Capability.HIDE, Capability.UNHIDE, Capability.REPORT}
    )

    def __init__(
        self,
        account: Account,
        credentials: Credentials,
        client: httpx.AsyncClient,
        on_credentials: CredentialsChanged | None = None,
        *,
        pacer: Pacer | None = None,
    ) -> None:
        install_log_redaction()  # httpx logs the long-poll URL, key included
        self._settings = read_settings(account.settings)
        self._api = VkApi(client, credentials.token, pacer=pacer)
        self._polls = {g: LongPoll(self._api, client, g) for g in self._settings.group_ids}
        self._builder = CommentBuilder(self._api, self._settings.user_id)
        self._draining = False
        self._on_credentials = on_credentials

    def __repr__(self) -> str:
        return f"VkConnector(communities={list(self._polls)})"

    def answer_captcha(self, sid: str, key: str) -> None:
        """The moderator's answer to a captcha (`UserActionRequired(kind="captcha")`, whose
        `data["captcha_sid"]` is `sid`). It goes with the next request of the method that
        asked; a retry of the failed action then goes through."""
        self._api.answer_captcha(sid, key)

    # --- fetching ---------------------------------------------------------------------------

    async def fetch_new(self, cursor: str | None) -> FetchResult:
        """One step: start a community seen for the first time, else one backfill page, else
        the long poll of every watched community."""
        states = {g: s for g, s in load_cursor(cursor).items() if g in self._polls}
        for group_id in self._polls:
            state = states.get(group_id)
            if state is None:
                return await self._start(group_id, states)
            if state.queue:
                return await self._backfill_step(group_id, state, states)
        return await self._listen(states)

    async def _start(self, group_id: int, states: Mapping[int, GroupState]) -> FetchResult:
        """Take the stream's position first, then list the recent posts: a comment written
        meanwhile comes through the stream, so none falls between the two."""
        ts = await self._polls[group_id].connect()
        queue = await self._plan(group_id)
        return _result((), {**states, group_id: GroupState(ts, queue)}, more=True)

    async def _plan(self, group_id: int) -> tuple[backfill.Unit, ...]:
        posts = await backfill.recent_posts(self._api, -group_id, self._settings.backfill_posts)
        self._builder.directory.learn_posts(posts)
        return backfill.plan(posts)

    async def _backfill_step(
        self, group_id: int, state: GroupState, states: Mapping[int, GroupState]
    ) -> FetchResult:
        """A few backfill pages (most posts have few comments), about one page of comments.
        A page VK refuses for good (comments closed, post gone) is skipped, not retried
        forever; anything else fails the step and the cursor stays where it was."""
        queue = list(state.queue)
        found: list[RemoteComment] = []
        for _ in range(UNITS_PER_STEP):
            if not queue or len(found) >= backfill.PAGE_SIZE:
                break
            unit = queue.pop(0)
            try:
                page = await backfill.load(self._api, -group_id, unit)
            except PermanentError as exc:
                log.warning("VK: skipping comments VK will not give: %s", exc)
                continue
            found.extend(await self._builder.from_page(page, -group_id, unit.post_id))
            queue[:0] = backfill.follow_ups(unit, page)
        self._draining = True  # the stream's catch-up after a backfill should not wait
        next_state = GroupState(state.ts, tuple(queue))
        return _result(found, {**states, group_id: next_state}, more=True)

    async def _listen(self, states: Mapping[int, GroupState]) -> FetchResult:
        """Every community's events after its `ts`. Only the last request waits: with
        several communities, one round still takes at most one wait."""
        group_ids = list(self._polls)
        wait = 0 if self._draining else self._settings.longpoll_wait_s
        next_states = dict(states)
        found: dict[str, RemoteComment] = {}
        more = False
        for i, group_id in enumerate(group_ids):
            last = i == len(group_ids) - 1
            answer = await self._polls[group_id].check(states[group_id].ts, wait if last else 0)
            if isinstance(answer, HistoryLost):
                log.warning(
                    "VK: community %s: %s; reading its recent posts again", group_id, answer.reason
                )
                next_states[group_id] = GroupState(answer.ts, await self._plan(group_id))
                more = True
                continue
            for comment in await self._builder.from_updates(group_id, answer.updates):
                found[comment.remote_id] = comment  # the latest snapshot, at its first place
            next_states[group_id] = GroupState(answer.ts)
            more = more or bool(answer.updates)
        self._draining = more
        return _result(list(found.values()), next_states, more=more)

    # --- actions ----------------------------------------------------------------------------

    async def reply(self, to: RemoteComment, text: str, idempotency_key: str) -> RemoteComment:
        """Reply as the community. VK's `guid` is the idempotency key: a resend with the same
        key does not post twice."""
        owner, post, number = convert.ids_of(to)
        what = f"replying to comment {to.remote_id}"
        params: dict[str, Param | None] = {
            "owner_id": owner,
            "post_id": post,
            "message": text,
            "reply_to_comment": number,
            "from_group": -owner if owner < 0 else None,
            "guid": idempotency_key,
        }
        data = await self._api.call("wall.createComment", params, what=what)
        where = f"{LABEL}: {what}"
        obj = payload.as_object(data, where)
        user_id = await self._builder.user_id() if owner > 0 else None
        created = VkComment(
            owner_id=owner,
            post_id=post,
            id=payload.require_int(obj, "comment_id", where),
            from_id=owner if owner < 0 else (user_id or 0),
            date=int(time.time()),
            text=text,
            reply_to_comment=number,
            parents_stack=int_list(obj, "parents_stack", where),
        )
        return await self._builder.created(created, to.thread)

    async def hide(self, comment: RemoteComment, idempotency_key: str) -> None:
        """Remove the comment from the wall (VK keeps it restorable). "Not found" counts as
        done: a resend after a lost answer finds it already removed."""
        owner, _post, number = convert.ids_of(comment)
        await self._ok(
            "wall.deleteComment",
            {"owner_id": owner, "comment_id": number},
            what=f"hiding comment {comment.remote_id}",
            accept=(NOT_FOUND,),
        )

    async def unhide(self, comment: RemoteComment, idempotency_key: str) -> None:
        """Restoring a comment that is not removed counts as done (a resend after a lost
        answer must not fail)."""
        owner, _post, number = convert.ids_of(comment)
        await self._ok(
            "wall.restoreComment",
            {"owner_id": owner, "comment_id": number},
            what=f"restoring comment {comment.remote_id}",
            accept=(NOT_REMOVED,),
        )

    async def delete(self, comment: RemoteComment, idempotency_key: str) -> None:
        raise NotSupported(
            "VK cannot remove a comment for good: its removal can always be undone, "
            "so use Hide (Unhide restores it)"
        )

    async def report(self, comment: RemoteComment, reason: str, idempotency_key: str) -> None:
        """Complain to VK's moderators. `reason` is a word (spam, insult, extremism, …) or
        VK's reason number; anything else is reported as insult/abuse."""
        owner, _post, number = convert.ids_of(comment)
        await self._ok(
            "wall.reportComment",
            {"owner_id": owner, "comment_id": number, "reason": report_reason(reason)},
            what=f"reporting comment {comment.remote_id}",
        )

    async def _ok(
        self,
        method: str,
        params: Mapping[str, Param | None],
        *,
        what: str,
        accept: tuple[int, ...] = (),
    ) -> None:
        data = await self._api.call(method, params, what=what, accept=accept)
        if data is not None and data != 1:
            raise MalformedPayload(f"{LABEL}: {what}: VK did not answer with success")


def _result(
    comments: Iterable[RemoteComment], states: Mapping[int, GroupState], *, more: bool
) -> FetchResult:
    return FetchResult(comments=tuple(comments), cursor=dump_cursor(states), more=more)
