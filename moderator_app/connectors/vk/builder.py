"""Backfill pages and long-poll events turned into domain comments, with their authors' names,
their post as context, and the latest snapshot of each comment kept in memory.

Removal events carry only ids: the snapshot lets a removal be reported with the comment's text
and author. Without one (removed after a restart) only the state can be told, as a `state_only`
update the store must apply to the state alone; our own removal is then skipped, since the
outbox already recorded the hide.
"""

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import UTC, datetime

from moderator_app.connectors.errors import ConnectorError
from moderator_app.connectors.vk import convert
from moderator_app.connectors.vk.api import LABEL, VkApi
from moderator_app.connectors.vk.cache import Bounded
from moderator_app.connectors.vk.directory import Directory, PostKey
from moderator_app.connectors.vk.payload import CommentsPage, VkComment, VkName, parse_user_list
from moderator_app.connectors.vk.updates import CommentChanged, CommentRemoved, parse_updates
from moderator_app.domain import PlatformState, RemoteComment, ThreadRef

SNAPSHOT_LIMIT = 20000


class CommentBuilder:
    def __init__(self, api: VkApi, user_id: int | None) -> None:
        self._api = api
        self.directory = Directory(api)
        self._seen: Bounded[str, RemoteComment] = Bounded(SNAPSHOT_LIMIT)
        self._user_id = user_id
        self._user_checked = user_id is not None

    def remember(self, comment: RemoteComment) -> None:
        self._seen.put(comment.remote_id, comment)

    async def from_page(
        self, page: CommentsPage, owner_id: int, post_id: int
    ) -> list[RemoteComment]:
        """A `wall.getComments` page: every comment, each top-level one before its replies."""
        self.directory.learn_names(page.names.values())
        items = page.flat()
        names = await self.directory.names(c.from_id for c in items if not c.deleted)
        thread = (await self._threads([(owner_id, post_id)]))[(owner_id, post_id)]
        ours = await self._ours(owner_id)
        found: list[RemoteComment] = []
        for item in items:
            if item.deleted:
                # A removed comment that still has replies. Without a snapshot there is
                # nothing to show for it; with one, it is marked (unless we hid it).
                known = self._seen.get(convert.comment_remote_id(item.owner_id, item.id))
                if known is None or known.platform_state is not PlatformState.VISIBLE:
                    continue
                comment = replace(known, platform_state=PlatformState.DELETED)
            else:
                author = convert.author_of(item.from_id, names)
                comment = convert.to_remote(item, author=author, thread=thread, ours=ours)
            self.remember(comment)
            found.append(comment)
        return found

    async def from_updates(self, group_id: int, updates: list[object]) -> list[RemoteComment]:
        """Long-poll updates of one community; several events about one comment give its
        latest snapshot, at the place of its first event."""
        events = parse_updates(
            updates, f"{LABEL}: events of community {group_id}", group_id=group_id
        )
        if not events:
            return []
        changed = [e.comment for e in events if isinstance(e, CommentChanged)]
        names = await self.directory.names(c.from_id for c in changed)
        threads = await self._threads(
            (e.comment.owner_id, e.comment.post_id)
            if isinstance(e, CommentChanged)
            else (e.owner_id, e.post_id)
            for e in events
        )
        ours = await self._ours(-group_id)
        latest: dict[str, RemoteComment] = {}
        for event in events:
            if isinstance(event, CommentChanged):
                comment: RemoteComment | None = self._changed(event, names, threads, ours, latest)
            else:
                comment = self._removed(event, threads, latest)
            if comment is None:
                continue
            latest[comment.remote_id] = comment
            if not comment.state_only:
                self.remember(comment)
        return list(latest.values())

    async def created(self, comment: VkComment, thread: ThreadRef) -> RemoteComment:
        """Our own new comment (a reply). Its author's name is only a nicety: a failed lookup
        must not fail (and so resend) what was already posted."""
        try:
            names = await self.directory.names([comment.from_id])
        except ConnectorError:
            names = {}
        created = convert.to_remote(
            comment,
            author=convert.author_of(comment.from_id, names),
            thread=thread,
            ours=frozenset({comment.from_id}),
        )
        self.remember(created)
        return created

    def _changed(
        self,
        event: CommentChanged,
        names: Mapping[int, VkName],
        threads: Mapping[PostKey, ThreadRef],
        ours: frozenset[int],
        latest: Mapping[str, RemoteComment],
    ) -> RemoteComment:
        c = event.comment
        rid = convert.comment_remote_id(c.owner_id, c.id)
        known = latest.get(rid) or self._seen.get(rid)
        edited_at = datetime.now(UTC) if event.kind == "edit" else None
        if edited_at is None and known is not None:
            edited_at = known.edited_at
        return convert.to_remote(
            c,
            author=convert.author_of(c.from_id, names),
            thread=threads[(c.owner_id, c.post_id)],
            ours=ours,
            edited_at=edited_at,
        )

    def _removed(
        self,
        event: CommentRemoved,
        threads: Mapping[PostKey, ThreadRef],
        latest: Mapping[str, RemoteComment],
    ) -> RemoteComment | None:
        """HIDDEN when the signed-in administrator removed it (our hide, here or on the site),
        DELETED otherwise (its author, another administrator)."""
        ours = self._user_id is not None and event.deleter_id == self._user_id
        state = PlatformState.HIDDEN if ours else PlatformState.DELETED
        rid = convert.comment_remote_id(event.owner_id, event.comment_id)
        known = latest.get(rid) or self._seen.get(rid)
        if known is not None and not known.state_only:
            return replace(known, platform_state=state)
        if ours:
            return None
        thread = threads[(event.owner_id, event.post_id)]
        return convert.state_only(event.owner_id, event.post_id, event.comment_id, thread, state)

    async def _threads(self, keys: Iterable[PostKey]) -> dict[PostKey, ThreadRef]:
        wanted = set(keys)
        posts = await self.directory.posts(wanted)
        return {k: convert.thread_ref(*k, posts.get(k)) for k in wanted}

    async def _ours(self, owner_id: int) -> frozenset[int]:
        """Author ids that are the moderator: the community itself and the administrator."""
        user_id = await self.user_id()
        return frozenset({owner_id} if user_id is None else {owner_id, user_id})

    async def user_id(self) -> int | None:
        """The signed-in administrator (from the settings, else asked once)."""
        if not self._user_checked:
            what = "reading the signed-in user"
            data = await self._api.call("users.get", {}, what=what)
            users = parse_user_list(data, f"{LABEL}: {what}")
            self._user_id = users[0].owner_id if users else None
            self._user_checked = True
        return self._user_id
