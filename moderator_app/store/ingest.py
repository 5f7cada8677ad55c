"""Writing a fetched batch of comments: the hot path of a raid, so it is shaped by SQLite's costs.

The rows go first into a per-connection TEMP staging table (no indexes, no triggers), then
into `comments` with ONE `INSERT … SELECT … ON CONFLICT DO UPDATE`. One statement matters: the
full-text index is kept by a trigger, and FTS5 flushes its pending terms at every statement
boundary, so a per-row `executemany` writes one tiny FTS segment per comment (and merges them
later): ~22 µs per row against ~6 µs for the same rows in one statement. The trigger stays the
only way rows reach the index, so no other writer can forget it.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from moderator_app.domain import RemoteComment
from moderator_app.store.rows import INGEST_COLUMNS, remote_to_values
from moderator_app.store.timeutil import now_ts
from moderator_app.store.write_turn import let_others_write

_STAGING = "temp.ingest_batch"
# Rows per statement: big enough for FTS to write few segments, small enough (~15 ms) that a
# moderator's write waiting behind the ingest gets its turn quickly (see `write_turn`).
CHUNK = 250
_KEY = ("account_id", "remote_id")
_CREATE_STAGING = f"CREATE TEMP TABLE IF NOT EXISTS ingest_batch ({', '.join(INGEST_COLUMNS)})"
_STAGE = (
    f"INSERT INTO {_STAGING} ({', '.join(INGEST_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in INGEST_COLUMNS)})"
)
# An edited text must be scored again; an unchanged one keeps its verdict.
_UPDATES = ", ".join(
    [f"{n} = excluded.{n}" for n in INGEST_COLUMNS if n not in _KEY]
    + [
        f"{n} = CASE WHEN comments.text IS excluded.text THEN comments.{n} END"
        for n in ("tox_level", "tox_score")
    ]
)
# "WHERE true" tells SQLite's parser the ON CONFLICT belongs to the INSERT, not to a join.
_MERGE = (
    f"INSERT INTO comments ({', '.join(INGEST_COLUMNS)}) "
    f"SELECT {', '.join(INGEST_COLUMNS)} FROM {_STAGING} WHERE true ORDER BY rowid "
    f"ON CONFLICT(account_id, remote_id) DO UPDATE SET {_UPDATES}"
)
_KNOWN = (
    f"SELECT c.id FROM {_STAGING} s JOIN comments c "
    "ON c.account_id = s.account_id AND c.remote_id = s.remote_id ORDER BY s.rowid"
)
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


def write_rows(
    db: Database, rows: Sequence[tuple[Any, ...]], threads: Sequence[tuple[Any, ...]]
) -> IngestResult:
    """Insert or refresh full comments (prepared rows); call inside a transaction.

    New rows get ids above every existing one (rowid tables without AUTOINCREMENT take
    max(rowid) + 1), which is how the added ones are told apart without a second lookup."""
    if not rows:
        return IngestResult((), ())
    conn = db.conn
    conn.executemany(_THREADS, threads)
    conn.execute(_CREATE_STAGING)
    added: list[int] = []
    known: list[int] = []
    for start in range(0, len(rows), CHUNK):
        if start:
            let_others_write(conn)
        conn.execute(f"DELETE FROM {_STAGING}")
        conn.executemany(_STAGE, rows[start : start + CHUNK])
        known.extend(int(r[0]) for r in conn.execute(_KNOWN))
        top = conn.execute("SELECT COALESCE(MAX(id), 0) FROM comments").fetchone()[0]
        conn.execute(_MERGE)
        added.extend(
            int(r[0])
            for r in conn.execute("SELECT id FROM comments WHERE id > ? ORDER BY id", [top])
        )
    conn.execute(f"DELETE FROM {_STAGING}")
    return IngestResult(tuple(added), tuple(dict.fromkeys(known)))
