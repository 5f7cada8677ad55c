"""Writing a fetched batch of comments: the hot path of a raid, so it is shaped by SQLite's costs.

A few hundred rows go into `comments` as ONE `INSERT … VALUES (…), (…), … ON CONFLICT DO
UPDATE`. One statement matters twice:
- the full-text index is kept by a trigger, and FTS5 flushes its pending terms at every
  statement boundary, so a per-row `executemany` writes one tiny FTS segment per comment (and
  merges them later): ~22 µs per row against ~6 µs for the same rows in one statement. The
  trigger stays the only way rows reach the index, so no other writer can forget it;
- this runs on the engine's writer thread, and sqlite3 gives the GIL back at each step: one
  step per chunk instead of one per row saves the writer from queueing for the GIL behind the
  loop thread (up to the 5 ms switch interval) hundreds of times per chunk.
"""

import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from moderator_app.domain import RemoteComment
from moderator_app.store.rows import INGEST_COLUMNS, remote_to_values
from moderator_app.store.timeutil import now_ts
from moderator_app.store.write_turn import let_others_write

# Rows per statement: big enough for FTS to write few segments, small enough (~10 ms) that a
# moderator's write waiting behind the ingest gets its turn quickly (see `write_turn`).
CHUNK = 250
_KEY = ("account_id", "remote_id")
# An edited text must be scored again; an unchanged one keeps its verdict.
_UPDATES = ", ".join(
    [f"{n} = excluded.{n}" for n in INGEST_COLUMNS if n not in _KEY]
    + [
        f"{n} = CASE WHEN comments.text IS excluded.text THEN comments.{n} END"
        for n in ("tox_level", "tox_score")
    ]
)
_ROW_MARKS = f"({', '.join('?' for _ in INGEST_COLUMNS)})"


@functools.lru_cache(maxsize=8)
def _merge_sql(count: int) -> str:
    """One INSERT of `count` rows (one VALUES list), updating the ones we have."""
    return (
        f"INSERT INTO comments ({', '.join(INGEST_COLUMNS)}) "
        f"VALUES {', '.join([_ROW_MARKS] * count)} "
        f"ON CONFLICT(account_id, remote_id) DO UPDATE SET {_UPDATES}"
    )


@functools.lru_cache(maxsize=8)
def _known_sql(count: int) -> str:
    marks = ", ".join("?" * count)
    return f"SELECT id FROM comments WHERE account_id = ? AND remote_id IN ({marks})"


# A later payload may know less about the post (a reply without the post's text): keep what
# we knew rather than overwrite it with blanks.
_THREADS = (
    "INSERT INTO threads (account_id, remote_id, title, url, text) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT(account_id, remote_id) DO UPDATE SET "
    "title = COALESCE(NULLIF(excluded.title, ''), threads.title), "
    "url = COALESCE(NULLIF(excluded.url, ''), threads.url), "
    "text = COALESCE(NULLIF(excluded.text, ''), threads.text)"
)


@dataclass(frozen=True, slots=True)
class IngestResult:
    added_ids: tuple[int, ...]
    changed_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class PreparedPage:
    """A fetched page turned into SQL values, which needs no database: during a raid this
    Python work runs on the engine loop while the writer thread is inside SQLite."""

    states: tuple[RemoteComment, ...]
    """State-only news (hidden/deleted on the platform): changes rows, never creates one."""
    rows: tuple[tuple[Any, ...], ...]
    """Full comments as values of `INGEST_COLUMNS`, in page order."""
    threads: tuple[tuple[Any, ...], ...]
    """(account_id, remote_id, title, url, text) of the posts they belong to."""


def prepare_page(account_id: int, comments: Sequence[RemoteComment]) -> PreparedPage:
    fetched_ts = now_ts()
    full = [c for c in comments if not c.state_only]
    threads = {c.thread.remote_id: c.thread for c in full}
    return PreparedPage(
        states=tuple(c for c in comments if c.state_only),
        rows=tuple(remote_to_values(account_id, c, fetched_ts) for c in full),
        threads=tuple((account_id, t.remote_id, t.title, t.url, t.text) for t in threads.values()),
    )


def merged_threads(threads: Sequence[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """One row per post, each field its last non-empty value: what upserting them all in order
    would leave (see `_THREADS`), in one statement per post instead of one per comment."""
    merged: dict[tuple[Any, Any], list[Any]] = {}
    for account_id, remote_id, *fields in threads:
        known = merged.get((account_id, remote_id))
        if known is None:
            merged[(account_id, remote_id)] = [account_id, remote_id, *fields]
        else:
            for i, value in enumerate(fields, start=2):
                if value:
                    known[i] = value
    return [tuple(row) for row in merged.values()]


def write_rows(
    db: Database,
    account_id: int,
    rows: Sequence[tuple[Any, ...]],
    threads: Sequence[tuple[Any, ...]],
) -> IngestResult:
    """Insert or refresh full comments (prepared rows of `account_id`); call inside a
    transaction.

    New rows get ids above every existing one (rowid tables without AUTOINCREMENT take
    max(rowid) + 1), which is how the added ones are told apart without a second lookup."""
    if not rows:
        return IngestResult((), ())
    conn = db.conn
    conn.executemany(_THREADS, merged_threads(threads))
    added: list[int] = []
    known: list[int] = []
    for start in range(0, len(rows), CHUNK):
        if start:
            let_others_write(conn)
        chunk = rows[start : start + CHUNK]
        remote_ids = [row[1] for row in chunk]
        known.extend(
            int(r[0]) for r in conn.execute(_known_sql(len(chunk)), [account_id, *remote_ids])
        )
        top = conn.execute("SELECT COALESCE(MAX(id), 0) FROM comments").fetchone()[0]
        conn.execute(_merge_sql(len(chunk)), list(itertools.chain.from_iterable(chunk)))
        added.extend(
            int(r[0])
            for r in conn.execute("SELECT id FROM comments WHERE id > ? ORDER BY id", [top])
        )
    return IngestResult(tuple(added), tuple(dict.fromkeys(known)))
