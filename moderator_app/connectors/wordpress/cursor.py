"""The WordPress sync cursor: the highest comment id handed out, where an ongoing full scan
stands, and when the next one is due.

WordPress has no "changed since": new comments are found by id (newest first, down to
`max_id`), status changes only by listing everything again. A full scan walks all comments
in id order one page per call, so it survives restarts page by page; it runs on the first
sync and then every `rescan_interval_s`.
"""

import json
import logging
from dataclasses import dataclass, replace

log = logging.getLogger(__name__)

VERSION = 1
MAX_WAIT_S = 86_400.0


@dataclass(frozen=True, slots=True)
class SyncCursor:
    max_id: int = 0
    scan_page: int | None = None  # next page of a full scan in progress
    next_scan_at: float = 0.0  # unix time; 0: scan at once
    seq: int = 0  # counts fetches, so every cursor handed out is a different string

    @classmethod
    def parse(cls, cursor: str | None) -> "SyncCursor":
        """The state in `cursor`; a missing or unusable one starts over with a full scan
        (comments are upserted, so re-reading costs time and loses nothing)."""
        if cursor is None:
            return cls()
        try:
            data = json.loads(cursor)
            if not isinstance(data, dict) or data.get("v") != VERSION:
                raise ValueError("unknown cursor version")
            max_id, page, due, seq = data["max"], data["scan"], data["next_scan"], data["seq"]
            if not isinstance(max_id, int) or max_id < 0:
                raise ValueError("bad max id")
            if page is not None and (not isinstance(page, int) or page < 1):
                raise ValueError("bad scan page")
            if not isinstance(due, int | float):
                raise ValueError("bad scan time")
            if not isinstance(seq, int) or seq < 0:
                raise ValueError("bad sequence number")
        except (ValueError, KeyError, TypeError):
            log.warning("wordpress: ignoring an unusable cursor, syncing from the start")
            return cls()
        return cls(max_id, page, float(due), seq)

    def dump(self) -> str:
        return json.dumps(
            {
                "v": VERSION,
                "max": self.max_id,
                "scan": self.scan_page,
                "next_scan": self.next_scan_at,
                "seq": self.seq,
            },
            separators=(",", ":"),
        )

    def scan_due(self, now: float) -> bool:
        """Due when its time has come, or when the time is implausibly far off (the clock
        was set back): a missed status change costs more than an early scan."""
        if self.scan_page is not None:
            return False
        return now >= self.next_scan_at or self.next_scan_at > now + MAX_WAIT_S

    def step(self) -> "SyncCursor":
        """The starting point of the cursor the next fetch hands out."""
        return replace(self, seq=self.seq + 1)

    def seen_up_to(self, comment_id: int) -> "SyncCursor":
        return replace(self, max_id=max(self.max_id, comment_id))

    def scanning(self, page: int) -> "SyncCursor":
        return replace(self, scan_page=page)

    def scan_done(self, next_scan_at: float) -> "SyncCursor":
        return replace(self, scan_page=None, next_scan_at=next_scan_at)
