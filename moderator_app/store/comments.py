"""Comments: ingest from connectors, score, and page through them for the inbox."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from moderator_app.domain import (
    Comment,
    LocalState,
    PlatformState,
    RemoteComment,
    ToxicityResult,
)
from moderator_app.store.filters import (
    CommentFilter,
    before_clause,
    from_clause,
    fts_query,
    only_own_rows_excluded,
    order_by,
    searching,
    sort_keys,
    totals_clause,
    where_clause,
)
from moderator_app.store.ingest import IngestResult, PreparedPage, prepare_page, write_rows
from moderator_app.store.rows import (
    COMMENT_COLUMNS,
    COMMENT_FROM,
    comment_from_row,
    toxicity_to_row,
)
from moderator_app.store.timeutil import now_ts, to_ts

THREAD_AROUND = 150


@dataclass(frozen=True, slots=True)
class AccountCounts:
    total: int
    new: int
    flagged: int


class CommentRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- ingest -------------------------------------------------------------------------

    def ingest(
        self,
        account_id: int,
        comments: Sequence[RemoteComment],
        cursor: str | None,
        *,
        advance_cursor: bool = True,
    ) -> IngestResult:
        """Store a fetched batch and the account's next cursor in one transaction, so a crash
        can neither skip comments (cursor ahead of data) nor duplicate them."""
        pages = [prepare_page(account_id, comments)]
        if not advance_cursor:
            with self._db.atomic():
                return self._write_pages(account_id, pages)
        return self.ingest_prepared(account_id, pages, cursor)

    def ingest_prepared(
        self, account_id: int, pages: Sequence[PreparedPage], cursor: str | None
    ) -> IngestResult:
        """Several fetched pages, in order, and the cursor after the last, in ONE transaction:
        a commit writes every touched index page to the WAL, so committing a raid 100 comments
        at a time costs about twice the time of committing it 2,000 at a time."""
        with self._db.atomic():
            result = self._write_pages(account_id, pages)
            self._db.execute(
                "INSERT INTO sync_cursors (account_id, cursor, updated_ts) VALUES (?, ?, ?) "
                "ON CONFLICT(account_id) DO UPDATE SET cursor = excluded.cursor, "
                "updated_ts = excluded.updated_ts",
                [account_id, cursor, now_ts()],
            )
        return result

    def _write_pages(self, account_id: int, pages: Sequence[PreparedPage]) -> IngestResult:
        """Full comments of consecutive pages go in as one statement (see `store.ingest`);
        a page's state-only news applies before its own full comments and after the earlier
        pages', so the latest news about a comment wins."""
        added: list[int] = []
        changed: list[int] = []
        rows: list[tuple[Any, ...]] = []
        threads: list[tuple[Any, ...]] = []

        def merge() -> None:
            written = write_rows(self._db, account_id, rows, threads)
            added.extend(written.added_ids)
            changed.extend(written.changed_ids)
            rows.clear()
            threads.clear()

        for page in pages:
            if page.states:
                merge()
                changed.extend(self._update_states(account_id, page.states))
            rows.extend(page.rows)
            threads.extend(page.threads)
        merge()
        return IngestResult(tuple(added), tuple(dict.fromkeys(changed)))

    def _update_states(self, account_id: int, comments: Sequence[RemoteComment]) -> list[int]:
        """State-only news: change rows we have, never create or blank one."""
        known = self._existing(account_id, [c.remote_id for c in comments])
        self._db.conn.executemany(
            "UPDATE comments SET platform_state = ?, fetched_ts = ? "
            "WHERE account_id = ? AND remote_id = ?",
            [
                (c.platform_state.value, now_ts(), account_id, c.remote_id)
                for c in comments
                if c.remote_id in known
            ],
        )
        return [known[c.remote_id][0] for c in comments if c.remote_id in known]

    def _existing(self, account_id: int, remote_ids: Sequence[str]) -> dict[str, tuple[int, str]]:
        found: dict[str, tuple[int, str]] = {}
        for start in range(0, len(remote_ids), 500):
            chunk = remote_ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for cid, rid, text in self._db.execute(
                f"SELECT id, remote_id, text FROM comments "
                f"WHERE account_id = ? AND remote_id IN ({marks})",
                [account_id, *chunk],
            ).fetchall():
                found[rid] = (cid, text)
        return found

    def cursor(self, account_id: int) -> str | None:
        row = self._db.execute(
            "SELECT cursor FROM sync_cursors WHERE account_id = ?", [account_id]
        ).fetchone()
        return None if row is None else row[0]

    # --- scoring ------------------------------------------------------------------------

    def unscored(self, limit: int = 500) -> list[tuple[int, str]]:
        rows = self._db.execute(
            "SELECT id, text FROM comments WHERE tox_level IS NULL ORDER BY id LIMIT ?", [limit]
        ).fetchall()
        return [(int(r[0]), str(r[1])) for r in rows]

    def unscored_with_account(self, limit: int = 500) -> list[tuple[int, int, str]]:
        """Like `unscored`, with each comment's account: (id, account_id, text)."""
        rows = self._db.execute(
            "SELECT id, account_id, text FROM comments WHERE tox_level IS NULL ORDER BY id LIMIT ?",
            [limit],
        ).fetchall()
        return [(int(r[0]), int(r[1]), str(r[2])) for r in rows]

    def recent_unreviewed(self, account_id: int, limit: int = 2000) -> list[tuple[int, str]]:
        """The account's newest comments nobody has acted on yet (id, text), newest first:
        the ones worth re-scoring when its calibration changes."""
        rows = self._db.execute(
            "SELECT id, text FROM comments WHERE account_id = ? AND local_state = ? "
            "AND by_us = 0 ORDER BY id DESC LIMIT ?",
            [account_id, LocalState.NEW.value, limit],
        ).fetchall()
        return [(int(r[0]), str(r[1])) for r in rows]

    def set_toxicity(self, results: Sequence[tuple[int, ToxicityResult]]) -> None:
        with self._db.atomic():
            self._db.conn.executemany(
                "UPDATE comments SET tox_score = :tox_score, tox_level = :tox_level, "
                "tox_spans = :tox_spans, tox_labels = :tox_labels, tox_scorer = :tox_scorer "
                "WHERE id = :id",
                [{"id": cid, **toxicity_to_row(r)} for cid, r in results],
            )

    # --- reading ------------------------------------------------------------------------

    def get(self, comment_id: int) -> Comment | None:
        rows = self.by_ids([comment_id])
        return rows[0] if rows else None

    def by_ids(self, ids: Sequence[int]) -> list[Comment]:
        """Rows for the given ids, in the order given (the inbox model's page fetch)."""
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        rows = self._query(
            f"SELECT {COMMENT_COLUMNS} FROM {COMMENT_FROM} WHERE c.id IN ({marks})", ids
        )
        by_id = {r.id: r for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def by_remote_id(self, account_id: int, remote_id: str) -> Comment | None:
        rows = self._query(
            f"SELECT {COMMENT_COLUMNS} FROM {COMMENT_FROM} "
            "WHERE c.account_id = ? AND c.remote_id = ?",
            [account_id, remote_id],
        )
        return rows[0] if rows else None

    def ids(
        self, f: CommentFilter, limit: int | None = None, offset: int = 0, *, small: bool = False
    ) -> list[int]:
        """Ids in the inbox's order; with `limit`, one window of them (OFFSET runs on a
        covering index, ~20 ms per 500k rows skipped). `small`: the caller knows the result
        is small (see `count`), so the rows are found by their filter and sorted."""
        where, params = where_clause(f, joined_search=True)
        order = order_by(f, sort_hits=small)
        sql = f"SELECT c.id FROM {from_clause(f)} WHERE {where} ORDER BY {order}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [*params, limit, offset]
        return [int(r[0]) for r in self._db.execute(sql, params).fetchall()]

    def search(self, f: CommentFilter, limit: int = 50, offset: int = 0) -> list[Comment]:
        return self.by_ids(self.ids(f, limit, offset))

    def count(self, f: CommentFilter) -> int:
        totals = totals_clause(f)
        if totals is not None:
            where, params = totals
            row = self._db.execute(
                f"SELECT COALESCE(SUM(n), 0) FROM comment_totals WHERE {where}", params
            ).fetchone()
            return int(row[0])
        if searching(f) and only_own_rows_excluded(f):
            # All hits minus our own replies among them: FTS counts alone (~10 ms for a word
            # in most comments), where joining every hit to its row costs ~60 ms.
            query = fts_query(f.search)
            hits = self._db.execute(
                "SELECT COUNT(*) FROM comments_fts WHERE comments_fts MATCH ?", [query]
            ).fetchone()[0]
            own = self._db.execute(
                "SELECT COUNT(*) FROM comments c CROSS JOIN comments_fts "
                "WHERE c.by_us = 1 AND comments_fts.rowid = c.id AND comments_fts MATCH ?",
                [query],
            ).fetchone()[0]
            return int(hits) - int(own)
        where, params = where_clause(f, joined_search=True)
        row = self._db.execute(
            f"SELECT COUNT(*) FROM {from_clause(f)} WHERE {where}", params
        ).fetchone()
        return int(row[0])

    def position(
        self, f: CommentFilter, comment_id: int, *, scope: tuple[str, list[object]] | None = None
    ) -> int:
        """The row `comment_id` has in the inbox for `f`, or -1 if `f` does not show it: one
        range count walking the order index, cheap near the top of the order. `scope` (WHERE
        and its parameters) replaces `f`'s own when given: the same facets, narrowed further."""
        where, params = scope or where_clause(f, joined_search=True, walk=True)
        keys, _ = sort_keys(f)
        source = from_clause(f)
        key = self._db.execute(
            f"SELECT {', '.join(keys)} FROM {source} WHERE {where} AND c.id = ?",
            [*params, comment_id],
        ).fetchone()
        if key is None:
            return -1
        before, before_params = before_clause(f, key)
        row = self._db.execute(
            f"SELECT COUNT(*) FROM {source} WHERE {where} AND {before}",
            [*params, *before_params],
        ).fetchone()
        return int(row[0])

    def counts_by_account(self) -> dict[int, AccountCounts]:
        """Per account: all, unread, unread-and-flagged (the sidebar's badges). Three index-
        only queries over small ranges; the totals are kept by triggers (`comment_totals`)."""
        totals = self._db.execute(
            "SELECT account_id, n FROM comment_totals WHERE by_us = 0 AND n > 0"
        ).fetchall()
        unread = dict(
            self._db.execute(
                "SELECT account_id, COUNT(*) FROM comments WHERE by_us = 0 "
                "AND local_state = 'new' GROUP BY account_id"
            ).fetchall()
        )
        flagged = dict(
            self._db.execute(
                "SELECT account_id, COUNT(*) FROM comments WHERE by_us = 0 "
                "AND local_state = 'new' AND tox_level IN ('review', 'toxic') GROUP BY account_id"
            ).fetchall()
        )
        return {
            int(a): AccountCounts(int(n), int(unread.get(a, 0)), int(flagged.get(a, 0)))
            for a, n in totals
        }

    def thread(self, comment: Comment, around: int = THREAD_AROUND) -> list[Comment]:
        """The comments under the same post, oldest first: the detail pane's context. A busy
        post has thousands, so only up to `around` on each side of `comment` (by time)."""
        where = "c.account_id = ? AND c.thread_remote_id = ?"
        params: list[Any] = [comment.account_id, comment.remote.thread.remote_id]
        key = [to_ts(comment.remote.created_at), comment.id]
        before = self._query(
            f"SELECT {COMMENT_COLUMNS} FROM {COMMENT_FROM} WHERE {where} "
            "AND (c.created_ts, c.id) < (?, ?) ORDER BY c.created_ts DESC, c.id DESC LIMIT ?",
            [*params, *key, around],
        )
        after = self._query(
            f"SELECT {COMMENT_COLUMNS} FROM {COMMENT_FROM} WHERE {where} "
            "AND (c.created_ts, c.id) >= (?, ?) ORDER BY c.created_ts, c.id LIMIT ?",
            [*params, *key, around + 1],
        )
        return [*reversed(before), *after]

    def _query(self, sql: str, params: Sequence[Any]) -> list[Comment]:
        cursor = self._db.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [comment_from_row(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]

    # --- local state --------------------------------------------------------------------

    def set_local_state(self, comment_id: int, state: LocalState) -> None:
        self._db.execute(
            "UPDATE comments SET local_state = ? WHERE id = ?", [state.value, comment_id]
        )

    def set_platform_state(self, comment_id: int, state: PlatformState) -> None:
        """Reflect a confirmed hide/unhide at once, before the platform's own event arrives."""
        self._db.execute(
            "UPDATE comments SET platform_state = ? WHERE id = ?", [state.value, comment_id]
        )
