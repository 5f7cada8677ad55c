"""What we know about the channel posts that comment threads hang under.

A comment's `reply_to_message` is the post itself only for top-level comments; a reply to a
comment carries just `message_thread_id`. So the post's text is remembered when it is seen
(the automatic forward, or a top-level comment's `reply_to_message`) and looked up for the
rest. The memory travels inside the cursor, so it survives restarts; it is bounded, and a
thread it no longer knows simply gets an empty title and text.
"""

from collections import OrderedDict
from dataclasses import dataclass

from moderator_app.domain import ThreadRef

MAX_THREADS = 64
MAX_TEXT = 1000
MAX_TITLE = 100


@dataclass(frozen=True, slots=True)
class ThreadInfo:
    title: str = ""
    url: str = ""
    text: str = ""


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def post_title(channel_title: str, text: str) -> str:
    """ "Channel: first line of the post", so the inbox says where and what at a glance."""
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if channel_title and first_line:
        return shorten(f"{channel_title}: {first_line}", MAX_TITLE)
    return shorten(first_line or channel_title or "Channel post", MAX_TITLE)


class ThreadMemory:
    """Thread key ("chat_id:root_message_id") → ThreadInfo, least recently used dropped first."""

    def __init__(self, items: dict[str, ThreadInfo] | None = None) -> None:
        self._items: OrderedDict[str, ThreadInfo] = OrderedDict(items or {})

    def remember(self, key: str, info: ThreadInfo) -> None:
        self._items[key] = ThreadInfo(
            shorten(info.title, MAX_TITLE), info.url, shorten(info.text, MAX_TEXT)
        )
        self._items.move_to_end(key)
        while len(self._items) > MAX_THREADS:
            self._items.popitem(last=False)

    def get(self, key: str) -> ThreadInfo | None:
        return self._items.get(key)

    def ref(self, key: str) -> ThreadRef:
        info = self._items.get(key)
        if info is None:
            return ThreadRef(remote_id=key)
        self._items.move_to_end(key)
        return ThreadRef(remote_id=key, title=info.title, url=info.url, text=info.text)

    def items(self) -> dict[str, ThreadInfo]:
        return dict(self._items)
