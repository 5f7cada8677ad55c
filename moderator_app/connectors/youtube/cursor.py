"""The YouTube cursor: a small JSON document the engine stores verbatim.

YouTube has no "since": the connector pages newest-first and stops once it is past what it
has seen. What it has seen is kept per thread (latest activity and reply count of the newest
few hundred threads), so a new thread, a new reply on a known thread or an edit all show up as
a difference, and equal timestamps or a page boundary near the watermark cannot hide one.
A scan that spans several pages keeps its page token here, so a crash resumes it.
"""

import json
import logging
import math
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

VERSION = 1


@dataclass(slots=True)
class ThreadMark:
    """What a thread looked like when last returned (epoch seconds)."""

    published: float
    activity: float
    replies: int


@dataclass(slots=True)
class Scan:
    """A walk down the newest-first listing, in progress. It ends at the first page whose
    last thread is older than both horizons (publish time and latest activity)."""

    published_horizon: float
    activity_horizon: float
    min_pages: int = 1
    initial: bool = False
    pages: int = 0
    token: str | None = None

    def reaches(self, published: float, activity: float) -> bool:
        """Whether a thread this old is still inside the window the scan must cover."""
        return published >= self.published_horizon or activity >= self.activity_horizon


@dataclass(slots=True)
class SyncState:
    threads: dict[str, ThreadMark] = field(default_factory=dict)
    scan: Scan | None = None
    held: list[str] = field(default_factory=list)
    held_checked: float = 0.0
    swept: float = 0.0

    def newest(self) -> tuple[float, float] | None:
        """The newest publish time and the newest activity among known threads."""
        if not self.threads:
            return None
        marks = self.threads.values()
        return max(m.published for m in marks), max(m.activity for m in marks)

    def keep_newest(self, limit: int) -> None:
        """Forget all but the `limit` threads with the latest activity."""
        if len(self.threads) <= limit:
            return
        ranked = sorted(self.threads.items(), key=lambda kv: kv[1].activity, reverse=True)
        self.threads = dict(ranked[:limit])

    def encode(self) -> str:
        scan = self.scan
        doc: dict[str, Any] = {
            "v": VERSION,
            "t": {k: [m.published, m.activity, m.replies] for k, m in self.threads.items()},
            "h": self.held,
            "hc": self.held_checked,
            "sw": self.swept,
            "s": None
            if scan is None
            else {
                "hp": scan.published_horizon,
                "ha": scan.activity_horizon,
                "m": scan.min_pages,
                "i": scan.initial,
                "p": scan.pages,
                "k": scan.token,
            },
        }
        return json.dumps(doc, separators=(",", ":"), ensure_ascii=True)

    @classmethod
    def decode(cls, cursor: str | None) -> "SyncState":
        """The state in `cursor`; an unreadable one starts over (the store upserts, so
        re-reading costs some quota and loses nothing)."""
        if cursor is None:
            return cls()
        try:
            return cls._from_doc(json.loads(cursor))
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
            log.warning("YouTube: ignoring an unusable cursor, syncing from the start")
            return cls()

    @classmethod
    def _from_doc(cls, doc: Any) -> "SyncState":
        if doc["v"] != VERSION:
            raise ValueError("unknown cursor version")
        threads = {
            str(key): ThreadMark(_num(v[0]), _num(v[1]), int(v[2])) for key, v in doc["t"].items()
        }
        raw = doc.get("s")
        scan = None
        if raw is not None:
            token = raw["k"]
            scan = Scan(
                published_horizon=_num(raw["hp"]),
                activity_horizon=_num(raw["ha"]),
                min_pages=int(raw["m"]),
                initial=bool(raw["i"]),
                pages=int(raw["p"]),
                token=str(token) if token else None,
            )
        return cls(
            threads=threads,
            scan=scan,
            held=[str(h) for h in doc["h"]],
            held_checked=_num(doc["hc"]),
            swept=_num(doc["sw"]),
        )


def _num(value: Any) -> float:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError("not a finite number")
    return number
