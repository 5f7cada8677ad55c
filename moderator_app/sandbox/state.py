"""The sandbox world: comments, their event log and the log of applied actions.

One lock guards everything, so HTTP handler threads and the generator thread always see a
consistent world. Every change to a comment appends an event with a full snapshot, which is
what lets a client sync incrementally with no gaps and no duplicates.
"""

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from moderator_app.sandbox.generator import CommentGenerator
from moderator_app.sandbox.model import CommentRecord, Community, Draft, Person, Post
from moderator_app.sandbox.serialize import comment_json, community_json

EDIT_CANDIDATES = 30


class UnknownComment(LookupError):
    """No comment has this id."""


class KeyReused(ValueError):
    """An idempotency key came back with a different action or comment."""


@dataclass(frozen=True, slots=True)
class Event:
    seq: int
    type: str  # created | hidden | unhidden | edited
    comment: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "type": self.type, "comment": self.comment}


@dataclass(frozen=True, slots=True)
class AppliedAction:
    kind: str  # reply | hide | unhide
    comment_id: str
    idempotency_key: str | None
    result_id: str

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "comment_id": self.comment_id,
            "idempotency_key": self.idempotency_key,
            "result_id": self.result_id,
        }


@dataclass(frozen=True, slots=True)
class EventPage:
    events: list[Event]
    next: int
    more: bool
    reset: bool  # the cursor was beyond the log (a restarted world): served from the start


def _utc_now() -> datetime:
    return datetime.now(UTC)


class World:
    def __init__(
        self,
        base_url: str,
        communities: Sequence[Community],
        generator: CommentGenerator,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self.base_url = base_url
        self.communities = tuple(communities)
        self._generator = generator
        self._clock = clock
        self._lock = threading.RLock()
        self._comments: dict[str, CommentRecord] = {}
        self._by_post: dict[str, list[CommentRecord]] = {}
        self._events: list[Event] = []
        self._applied: dict[str, AppliedAction] = {}  # by idempotency key
        self._log: list[AppliedAction] = []  # every applied action, in order
        self._posts = {post.id: post for c in self.communities for post in c.posts}

    # --- reading -----------------------------------------------------------------------

    def events(self, after: int, limit: int) -> EventPage:
        with self._lock:
            reset = after > len(self._events)
            start = 0 if reset else after
            page = self._events[start : start + limit]
            next_seq = page[-1].seq if page else start
            return EventPage(page, next_seq, next_seq < len(self._events), reset)

    def comment(self, comment_id: str) -> dict[str, Any]:
        with self._lock:
            return self._snapshot(self._record(comment_id))

    def replies(self, comment_id: str) -> list[dict[str, Any]]:
        with self._lock:
            record = self._record(comment_id)
            return [
                self._snapshot(r) for r in self._by_post[record.post.id] if r.parent_id == record.id
            ]

    def comments(self) -> list[dict[str, Any]]:
        with self._lock:
            return [self._snapshot(r) for r in self._comments.values()]

    def comments_under(self, post_id: str) -> list[dict[str, Any]]:
        with self._lock:
            return [self._snapshot(r) for r in self._by_post.get(post_id, [])]

    def comments_by(self, author_id: str) -> list[dict[str, Any]]:
        with self._lock:
            return [self._snapshot(r) for r in self._comments.values() if r.author.id == author_id]

    def actions(self) -> list[dict[str, Any]]:
        with self._lock:
            return [action.to_json() for action in self._log]

    def communities_json(self, *, with_posts: bool) -> list[dict[str, Any]]:
        return [community_json(self.base_url, c, with_posts=with_posts) for c in self.communities]

    def post(self, post_id: str) -> Post | None:
        return self._posts.get(post_id)

    def author(self, author_id: str) -> Person | None:
        return next((a for a in self._generator.authors if a.id == author_id), None)

    # --- the crowd ---------------------------------------------------------------------

    def generate(self, count: int, spread: timedelta | None = None) -> list[str]:
        """Publish `count` generated comments now, or spread evenly over the past `spread`."""
        with self._lock:
            now = self._clock()
            ids = []
            for i in range(count):
                draft = self._generator.draft(self._thread)
                moment = now if spread is None else now - spread * (1 - (i + 1) / count)
                ids.append(self._publish(draft, moment).id)
            return ids

    def edit_recent(self) -> str | None:
        """An author edits one of the recent comments (adds an update), as people do."""
        with self._lock:
            recent = list(self._comments.values())[-EDIT_CANDIDATES:]
            candidates = [r for r in recent if not r.by_moderator and r.edited_at is None]
            if not candidates:
                return None
            record = candidates[len(candidates) // 2]
            self._edit(record, self._generator.edited(record))
            return record.id

    def moderate(self, comment_id: str, hidden: bool | None, text: str | None) -> dict[str, Any]:
        """A change made on the site by someone else: another moderator, or the author."""
        with self._lock:
            record = self._record(comment_id)
            if text is not None and text != record.text:
                self._edit(record, text)
            if hidden is not None:
                self._set_hidden(record, hidden)
            return self._snapshot(record)

    # --- the moderator's actions ---------------------------------------------------------

    def reply(self, parent_id: str, text: str, key: str | None) -> tuple[dict[str, Any], bool]:
        """Post a reply signed by the community; (snapshot, True) when it is new."""
        with self._lock:
            parent = self._record(parent_id)
            earlier = self._earlier("reply", parent_id, key)
            if earlier is not None:
                return self._snapshot(self._comments[earlier.result_id]), False
            community = next(c for c in self.communities if c.id == parent.post.community_id)
            signer = Person(community.id, community.name, community.language, is_community=True)
            draft = Draft(post=parent.post, author=signer, text=text, parent_id=parent.id)
            record = self._publish(draft, self._clock(), by_moderator=True)
            self._remember(AppliedAction("reply", parent_id, key, record.id))
            return self._snapshot(record), True

    def set_hidden(self, comment_id: str, hidden: bool, key: str | None) -> dict[str, Any]:
        """Hide or unhide; repeating it (same key or not) changes nothing and adds no event."""
        kind = "hide" if hidden else "unhide"
        with self._lock:
            record = self._record(comment_id)
            if self._earlier(kind, comment_id, key) is None:
                self._set_hidden(record, hidden)
                self._remember(AppliedAction(kind, comment_id, key, comment_id))
            return self._snapshot(record)

    # --- internals (call with the lock held) ---------------------------------------------

    def _thread(self, post_id: str) -> Sequence[CommentRecord]:
        return self._by_post.get(post_id, [])

    def _record(self, comment_id: str) -> CommentRecord:
        record = self._comments.get(comment_id)
        if record is None:
            raise UnknownComment(comment_id)
        return record

    def _snapshot(self, record: CommentRecord) -> dict[str, Any]:
        return comment_json(self.base_url, record)

    def _publish(
        self, draft: Draft, moment: datetime, *, by_moderator: bool = False
    ) -> CommentRecord:
        record = CommentRecord(
            id=f"c{len(self._comments) + 1}",
            post=draft.post,
            author=draft.author,
            text=draft.text,
            created_at=moment,
            parent_id=draft.parent_id,
            by_moderator=by_moderator,
        )
        self._comments[record.id] = record
        self._by_post.setdefault(record.post.id, []).append(record)
        self._append("created", record)
        return record

    def _edit(self, record: CommentRecord, text: str) -> None:
        record.text = text
        record.edited_at = self._clock()
        self._append("edited", record)

    def _set_hidden(self, record: CommentRecord, hidden: bool) -> None:
        if record.hidden != hidden:
            record.hidden = hidden
            self._append("hidden" if hidden else "unhidden", record)

    def _append(self, kind: str, record: CommentRecord) -> None:
        self._events.append(Event(len(self._events) + 1, kind, self._snapshot(record)))

    def _earlier(self, kind: str, comment_id: str, key: str | None) -> AppliedAction | None:
        if key is None:
            return None
        earlier = self._applied.get(key)
        if earlier is not None and (earlier.kind, earlier.comment_id) != (kind, comment_id):
            raise KeyReused(key)
        return earlier

    def _remember(self, action: AppliedAction) -> None:
        self._log.append(action)
        if action.idempotency_key is not None:
            self._applied[action.idempotency_key] = action
