"""The VK cursor: for each watched community, the long-poll `ts` to read on from and the
backfill units still to do. Versioned JSON; it never holds a key or a token."""

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass

from moderator_app.connectors.vk.backfill import Unit

log = logging.getLogger(__name__)

VERSION = 1


@dataclass(frozen=True, slots=True)
class GroupState:
    ts: str
    queue: tuple[Unit, ...] = ()


def dump_cursor(states: Mapping[int, GroupState]) -> str:
    groups = {
        str(group_id): {
            "ts": state.ts,
            "queue": [[u.post_id, u.thread_id, u.offset] for u in state.queue],
        }
        for group_id, state in states.items()
    }
    return json.dumps({"v": VERSION, "groups": groups}, separators=(",", ":"))


def load_cursor(raw: str | None) -> dict[int, GroupState]:
    """The saved states. An unusable cursor counts as none: the communities are read again
    from their recent posts, which loses nothing (the store upserts what it already has)."""
    if raw is None:
        return {}
    try:
        data = json.loads(raw)
        if data["v"] != VERSION:
            raise ValueError("unknown version")
        states: dict[int, GroupState] = {}
        for group_id, state in data["groups"].items():
            ts = state["ts"]
            if not isinstance(ts, str) or not ts:
                raise ValueError("bad ts")
            queue = tuple(Unit(*_unit(raw_unit)) for raw_unit in state["queue"])
            states[int(group_id)] = GroupState(ts, queue)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        log.warning("VK: ignoring an unusable cursor; reading the recent posts again")
        return {}
    return states


def _unit(raw: object) -> tuple[int, int, int]:
    if (
        not isinstance(raw, list)
        or len(raw) != 3
        or not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in raw)
    ):
        raise ValueError("bad unit")
    return (raw[0], raw[1], raw[2])
