"""The Telegram cursor: the next getUpdates offset, plus the thread memory.

An update is confirmed (and gone for good) once getUpdates is called with a higher offset, so
the offset stored here only ever moves past updates that came back in the same FetchResult.
The cursor also names the bot it belongs to: another bot's offset means nothing.
"""

import json
import logging
from dataclasses import dataclass, field
from typing import Any

from moderator_app.connectors.telegram.threads import ThreadInfo, ThreadMemory

log = logging.getLogger(__name__)

VERSION = 1


@dataclass(slots=True)
class CursorState:
    bot_id: int
    offset: int | None = None
    threads: ThreadMemory = field(default_factory=ThreadMemory)
    draining: bool = False  # the last page was full: don't long-poll for the next one


def encode(state: CursorState) -> str:
    threads = {key: [t.title, t.url, t.text] for key, t in state.threads.items().items()}
    data: dict[str, Any] = {"v": VERSION, "bot": state.bot_id, "offset": state.offset}
    if state.draining:
        data["draining"] = True
    if threads:
        data["threads"] = threads
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def decode(cursor: str | None, bot_id: int) -> CursorState:
    """The state to continue from. An unreadable cursor, or one of another bot, starts
    afresh: Telegram then hands out whatever is still unconfirmed (up to 24 hours), and
    comments are upserted, so nothing is lost or doubled."""
    if cursor is None:
        return CursorState(bot_id)
    try:
        data = json.loads(cursor)
        if not isinstance(data, dict) or data.get("v") != VERSION:
            raise ValueError("unknown cursor version")
        if data.get("bot") != bot_id:
            log.info("telegram: the cursor belongs to another bot, starting afresh")
            return CursorState(bot_id)
        return CursorState(
            bot_id,
            _offset(data.get("offset")),
            ThreadMemory(_threads(data.get("threads", {}))),
            data.get("draining") is True,
        )
    except (ValueError, TypeError, RecursionError):
        log.warning(
            "telegram: ignoring an unusable cursor, continuing from the unconfirmed updates"
        )
        return CursorState(bot_id)


def _offset(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("offset is not an integer")
    return value


def _threads(value: object) -> dict[str, ThreadInfo]:
    if not isinstance(value, dict):
        raise ValueError("threads is not an object")
    threads: dict[str, ThreadInfo] = {}
    for key, item in value.items():
        if (
            not isinstance(item, list)
            or len(item) != 3
            or not all(isinstance(x, str) for x in item)
        ):
            raise ValueError("a thread entry is not [title, url, text]")
        threads[key] = ThreadInfo(item[0], item[1], item[2])
    return threads
