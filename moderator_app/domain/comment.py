"""Comments as a platform sends them, and as the inbox keeps them."""

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from moderator_app.domain.toxicity import ToxicityResult


class PlatformState(StrEnum):
    """What the platform says about a comment's visibility."""

    VISIBLE = "visible"
    HIDDEN = "hidden"
    HELD = "held"  # waiting in the platform's own review queue
    DELETED = "deleted"


class LocalState(StrEnum):
    """What the moderator has done with a comment in Moderator."""

    NEW = "new"
    REVIEWED = "reviewed"
    REPLIED = "replied"
    HIDDEN = "hidden"
    ESCALATED = "escalated"


@dataclass(frozen=True, slots=True)
class Author:
    remote_id: str
    name: str
    url: str = ""


@dataclass(frozen=True, slots=True)
class ThreadRef:
    """The post, video or channel message a comment was written under."""

    remote_id: str
    title: str = ""
    url: str = ""
    text: str = ""


@dataclass(frozen=True, slots=True)
class RemoteComment:
    """A comment exactly as a connector understood the platform's payload.

    `extra` keeps the platform ids a connector needs later to act on the comment
    (a VK owner id, a Telegram chat id); it is stored as JSON and never holds secrets.
    """

    remote_id: str
    thread: ThreadRef
    author: Author
    text: str
    created_at: datetime
    permalink: str = ""
    parent_remote_id: str | None = None
    platform_state: PlatformState = PlatformState.VISIBLE
    edited_at: datetime | None = None
    by_us: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    state_only: bool = False
    """Only `platform_state` is known (e.g. VK tells that a comment was removed, but not what
    it said): the store updates the state of a row it has and never blanks its text."""


@dataclass(frozen=True, slots=True)
class Comment:
    """A stored comment: the remote facts plus what Moderator knows about it."""

    id: int
    account_id: int
    remote: RemoteComment
    local_state: LocalState = LocalState.NEW
    toxicity: ToxicityResult | None = None
    pending_actions: int = 0
    failed_actions: int = 0

    @property
    def text(self) -> str:
        return self.remote.text
