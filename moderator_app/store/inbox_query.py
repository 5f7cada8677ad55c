"""Reads for an inbox of a million comments, none of which counts the result on the way to
the first rows.

- `first_ids`: the top of a result, within a time budget: walking the order index (right for
  a large result) or, when that takes too long, finding the matches through their own index
  and sorting them (right for a small one).
- `page`: ids in inbox order from an anchor (a row's sort key) plus a short OFFSET, instead of
  a deep OFFSET (~20 ms per 500k rows skipped).
- `anchors`: the sort key of every n-th row, in one pass over the order index.
- `survey`: a result's size, every id when it is small, and where given comments sit; what the
  UI's background reader asks after a filter change or new comments.

Plain SQLite: no Qt. A connection belongs to one thread; the UI's reader opens its own.
"""

import bisect
import sqlite3
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlite_utils import Database

from moderator_app.domain import Comment
from moderator_app.store.comments import CommentRepository
from moderator_app.store.filters import (
    CommentFilter,
    before_clause,
    from_clause,
    from_key_clause,
    order_by,
    searching,
    seek_clause,
    sort_keys,
    walk_reads_index_only,
    where_clause,
)
from moderator_app.store.write_turn import read_snapshot

Key = tuple[Any, ...]
T = TypeVar("T")
# New comments are placed with at most this many range counts (each ~0.1 ms near the top of
# the order, more deeper down); a burst spread wider is re-laid out instead.
CATCH_UP_COUNTS = 48
CATCH_UP_BUDGET_S = 0.02
SEARCH_BUDGET_FACTOR = 6
# How often (in SQLite VM steps, ~80 per µs) a budgeted or stoppable query calls back into
# Python to look at the clock: about every half millisecond. Each call needs the GIL, which a
# busy thread (the GUI painting, the engine scoring) may hold: calling back every 2,000 steps
# made a 200 ms count take over a second.
_CHECK_STEPS = 40_000


@dataclass(frozen=True, slots=True)
class Anchor:
    """The row `row` of a result has the sort key `key` (see `filters.sort_keys`)."""

    row: int
    key: Key


@dataclass(frozen=True, slots=True)
class CatchUp:
    """A result after new comments arrived: its size, the newest id it accounts for and the
    anchors moved down past the new rows; then either the row (in the new layout,
    ascending) and id of every new row (`placed`), or where the asked rows went
    (`positions`, for a re-layout)."""

    count: int
    last_id: int
    placed: list[tuple[int, int]] | None = None
    positions: dict[int, int] = field(default_factory=dict)
    anchors: list[Anchor] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Survey:
    """What a result looks like now: its size, every id when it is small (`ids`), else the
    first ones (`head`), and the row of each comment asked about (-1: not in the result)."""

    count: int
    ids: list[int] | None = None
    head: list[int] = field(default_factory=list)
    positions: dict[int, int] = field(default_factory=dict)
    last_id: int = 0


class InboxQueries:
    """`stopped`: asked while SQL runs (a background job that is no longer wanted); its
    statements then fail as interrupted. Budgets and `stopped` are looked at every
    `check_steps` SQLite VM steps."""

    def __init__(
        self,
        db: Database,
        *,
        stopped: Callable[[], bool] | None = None,
        check_steps: int = _CHECK_STEPS,
    ) -> None:
        self._db = db
        self._comments = CommentRepository(db)
        self._stopped = stopped
        self._check_steps = check_steps

    # --- the first rows ---------------------------------------------------------------------

    def first_ids(self, f: CommentFilter, limit: int, *, budget_s: float) -> list[int] | None:
        """Up to `limit` ids from the top of `f`'s result, or None when neither plan finds
        them within about `budget_s` each (then ask `survey` off the GUI thread).

        A text search walks the text index in its order whatever else narrows it, and FTS5
        first merges the lists of every word a prefix matches ("the*": ~10 ms, in one step
        no budget can stop), so it gets `SEARCH_BUDGET_FACTOR` times the budget."""
        walk_budget = budget_s * (SEARCH_BUDGET_FACTOR if searching(f) else 1)
        walked = self.bounded(lambda: self.page(f, limit), walk_budget)
        if walked is not None:
            return walked
        return self.bounded(lambda: self.found(f, limit), budget_s)

    def page(
        self,
        f: CommentFilter,
        limit: int,
        offset: int = 0,
        *,
        start: Key | None = None,
        until_id: int | None = None,
    ) -> list[int]:
        """`limit` ids in inbox order, skipping `offset` rows from the top, or from the row
        whose sort key is `start` (an anchor). The order index is walked (`where_clause`'s
        `walk`): right for a result too large to hold.

        `until_id`: only comments stored up to that one. The rows a view shows of a result
        whose rows never move stay exactly those while newer comments wait to be placed."""
        where, params = _walk_where(f, until_id)
        if start is not None:
            seek, seek_params = from_key_clause(f, start)
            where, params = f"{where} AND {seek}", [*params, *seek_params]
        sql = (
            f"SELECT c.id FROM {from_clause(f)} WHERE {where} ORDER BY {order_by(f)} "
            "LIMIT ? OFFSET ?"
        )
        return self._id_list(sql, [*params, limit, offset])

    def rows_at(
        self,
        f: CommentFilter,
        first: int,
        count: int,
        *,
        until_id: int | None = None,
        anchors: Sequence[Anchor] = (),
    ) -> list[int]:
        """The ids on rows `first`… (`count` of them), from the nearest anchor."""
        k = bisect.bisect_right([a.row for a in anchors], first) - 1
        if k < 0:
            return self.page(f, count, first, until_id=until_id)
        anchor = anchors[k]
        return self.page(f, count, first - anchor.row, start=anchor.key, until_id=until_id)

    def comments(self, ids: Sequence[int]) -> list[Comment]:
        return self._comments.by_ids(ids)

    def found(self, f: CommentFilter, limit: int | None = None) -> list[int]:
        """Ids in inbox order, the matches found through their own index and sorted: right
        for a small result (46 toxic unread comments among a million: 0.1 ms, where walking
        the time index until all are met takes 60 ms)."""
        where, params = where_clause(f, joined_search=True)
        order = order_by(f, sort_hits=True)
        sql = f"SELECT c.id FROM {from_clause(f)} WHERE {where} ORDER BY {order}"
        if limit is not None:
            sql, params = f"{sql} LIMIT ?", [*params, limit]
        return self._id_list(sql, params)

    def _id_list(self, sql: str, params: Sequence[object]) -> list[int]:
        """The ids `sql` selects, in its order, read as one text value: Python's sqlite3
        lets go of the GIL for every row it steps to, and a thread that wants it back
        (the GUI painting, the engine scoring) then waits a switch interval each time:
        reading 3,000 ids row by row made a paint on the other thread twice as slow.
        (SQLite does not flatten an ordered subquery into an aggregate query: the rows
        reach `group_concat` in their order; the tests compare it with a plain read.)"""
        row = self._db.execute(f"SELECT group_concat(id) FROM ({sql})", list(params)).fetchone()
        text = row[0] if row is not None else None
        return [int(part) for part in text.split(",")] if text else []

    # --- anchors ------------------------------------------------------------------------------

    def anchors(
        self,
        f: CommentFilter,
        every: int,
        *,
        budget_s: float = 1.0,
        until_id: int | None = None,
    ) -> list[Anchor] | None:
        """The sort key of rows 0, `every`, 2×`every`, … of `f`'s result, or None if that
        takes longer than about `budget_s` (scroll jumps then skip rows with OFFSET).

        Seeking from anchor to anchor along the order index reads only index entries when the
        filter's columns are in it (`walk_reads_index_only`: ~100 ms for a million rows).
        Otherwise every row walked would be looked up (the Risk order of flagged comments:
        3 s), and numbering the matches found through their own index, sorted, is faster.
        A text search is always numbered in one statement: FTS5 starts its doclists over on
        every statement (~10 ms for a common word), so seeking would take seconds."""
        if every < 1:
            raise ValueError("anchors need a positive spacing")
        deadline = time.perf_counter() + budget_s
        if walk_reads_index_only(f):
            seeked = self.bounded(lambda: self._seek_anchors(f, every, until_id), budget_s)
            if seeked is not None:
                return seeked
        left = deadline - time.perf_counter()
        if left <= 0:
            return None
        return self.bounded(lambda: self._numbered_anchors(f, every, until_id), left)

    def _seek_anchors(self, f: CommentFilter, every: int, until_id: int | None) -> list[Anchor]:
        keys, _ = sort_keys(f)
        where, params = _walk_where(f, until_id)
        # Only ids while walking (the Risk index holds its expression but SQLite 3.40 cannot
        # read it back from there); the anchor row's key is looked up by id.
        walk = f"SELECT c.id FROM {from_clause(f)} WHERE {where}"
        order = order_by(f)
        key_sql = f"SELECT {', '.join(keys)} FROM comments c WHERE c.id = ?"
        row = self._db.execute(f"{walk} ORDER BY {order} LIMIT 1", params).fetchone()
        out: list[Anchor] = []
        while row is not None:
            key = tuple(self._db.execute(key_sql, [row[0]]).fetchone())
            out.append(Anchor(len(out) * every, key))
            after, after_params = seek_clause(f, key, before=False, inclusive=False)
            row = self._db.execute(
                f"{walk} AND {after} ORDER BY {order} LIMIT 1 OFFSET ?",
                [*params, *after_params, every - 1],
            ).fetchone()
        return out

    def _numbered_anchors(self, f: CommentFilter, every: int, until_id: int | None) -> list[Anchor]:
        """One statement numbering the matches in order (a window function) and keeping every
        `every`-th; the matches are found through their own index and sorted."""
        keys, _ = sort_keys(f)
        text = searching(f)
        where, params = where_clause(f, joined_search=True, walk=text)
        if until_id is not None:
            where, params = f"{where} AND +c.id <= ?", [*params, until_id]
        named = ", ".join(f"{k} AS k{i}" for i, k in enumerate(keys))
        outer = ", ".join(f"k{i}" for i in range(len(keys)))
        order = order_by(f, sort_hits=not text)
        sql = (
            f"SELECT {outer} FROM (SELECT {named}, row_number() OVER (ORDER BY {order}) "
            f"AS rn FROM {from_clause(f)} WHERE {where}) "
            "WHERE (rn - 1) % ? = 0 ORDER BY rn"
        )
        rows = self._db.execute(sql, [*params, every]).fetchall()
        return [Anchor(n * every, tuple(r)) for n, r in enumerate(rows)]

    # --- a result's shape ---------------------------------------------------------------------

    def survey(
        self, f: CommentFilter, *, full_limit: int, head: int, locate: Sequence[int] = ()
    ) -> Survey:
        last = self.last_id()
        count = self._comments.count(f)
        if count <= full_limit:
            ids = self.found(f)
            return Survey(len(ids), ids=ids, last_id=last)
        positions = {cid: self._comments.position(f, cid) for cid in dict.fromkeys(locate)}
        return Survey(count, head=self.page(f, head), positions=positions, last_id=last)

    def position(self, f: CommentFilter, comment_id: int, *, until_id: int | None = None) -> int:
        """The row of `comment_id` in `f`'s result (among comments up to `until_id`), or
        -1: one range count along the order index, cheap near the top."""
        if until_id is None:
            return self._comments.position(f, comment_id)
        if comment_id > until_id:
            return -1
        return self._comments.position(f, comment_id, scope=_walk_where(f, until_id))

    def last_id(self) -> int:
        """The newest comment's id (ids only grow: rows with larger ones arrived later)."""
        row = self._db.execute("SELECT MAX(id) FROM comments").fetchone()
        return int(row[0] or 0)

    def catch_up(
        self,
        f: CommentFilter,
        *,
        since_id: int,
        count: int,
        pinned: Sequence[tuple[int, int]] = (),
        anchors: Sequence[Anchor] = (),
        limit: int,
        max_counts: int = CATCH_UP_COUNTS,
    ) -> CatchUp | None:
        """How a result of `count` rows whose rows never move (new comments only ever enter
        it: see the UI's `volatile`) changed with the comments stored after `since_id`; None
        when more than `limit` arrived or the result changed otherwise (a deletion).

        Where the new rows are few and close together, each is placed (`placed`): its row is
        the number of older rows before it (counted from the nearest anchor: cheap, and none
        at all above every older row) plus the new rows before it; that number only grows
        along the order, so it is asked only where it can change (bisection), at most
        `max_counts` times. Otherwise (a first sync's history lands all over the order) the
        rows are re-laid out: each `pinned` row (id, row) and each anchor moves down by the
        number of new rows sorted before it, counted here among the new rows alone."""
        last = self.last_id()
        keys, descending = sort_keys(f)
        where, params = where_clause(f, joined_search=True, walk=True)
        rows = self._db.execute(
            f"SELECT c.id, {', '.join(keys)} FROM {from_clause(f)} WHERE {where} "
            f"AND c.id > ? AND c.id <= ? ORDER BY {order_by(f)} LIMIT ?",
            [*params, since_id, last, limit + 1],
        ).fetchall()
        if len(rows) > limit:
            return None
        total = self._comments.count(f)
        if total != count + len(rows):
            return None
        new_keys = [tuple(r[1:]) for r in rows]
        older = self.bounded(
            lambda: self._older_before(
                f,
                new_keys,
                since_id=since_id,
                anchors=anchors,
                descending=descending,
                max_counts=max_counts,
            ),
            CATCH_UP_BUDGET_S,
        )
        ordered = [_ordered(k, descending) for k in new_keys]  # ascending, as sorted

        def moved(row: int, key: Key) -> int:
            return row + bisect.bisect_left(ordered, _ordered(key, descending))

        moved_anchors = [Anchor(moved(a.row, a.key), a.key) for a in anchors]
        if older is not None:
            placed = [(older[i] + i, int(r[0])) for i, r in enumerate(rows)]
            return CatchUp(total, last, placed=placed, anchors=moved_anchors)
        pinned_keys = self._keys_of(f, [cid for cid, _ in pinned])
        rows_now = {cid: moved(row, pinned_keys[cid]) for cid, row in pinned if cid in pinned_keys}
        return CatchUp(total, last, positions=rows_now, anchors=moved_anchors)

    def _keys_of(self, f: CommentFilter, ids: Sequence[int]) -> dict[int, Key]:
        """The sort keys of these comments (those in the result)."""
        if not ids:
            return {}
        keys, _ = sort_keys(f)
        where, params = where_clause(f, joined_search=True, walk=True)
        marks = ", ".join("?" for _ in ids)
        found = self._db.execute(
            f"SELECT c.id, {', '.join(keys)} FROM {from_clause(f)} WHERE {where} "
            f"AND c.id IN ({marks})",
            [*params, *ids],
        ).fetchall()
        return {int(r[0]): tuple(r[1:]) for r in found}

    def _older_before(
        self,
        f: CommentFilter,
        keys: Sequence[Key],
        *,
        since_id: int,
        anchors: Sequence[Anchor],
        descending: bool,
        max_counts: int,
    ) -> list[int] | None:
        """For each key (in inbox order), how many rows with ids up to `since_id` sort
        before it; None if that takes more than `max_counts` counts."""
        if not keys:
            return []
        where, params = where_clause(f, joined_search=True, walk=True)
        # `+`: the id bound must not become the plan (a range over nearly every row).
        base = f"SELECT COUNT(*) FROM {from_clause(f)} WHERE {where} AND +c.id <= ?"
        # Anchor keys in inbox order, compared the way SQLite sorts them.
        order_keys = [_ordered(a.key, descending) for a in anchors]

        def older(key: Key) -> int:
            k = bisect.bisect_right(order_keys, _ordered(key, descending)) - 1
            before, before_params = before_clause(f, key)
            sql, extra = f"{base} AND {before}", [since_id, *before_params]
            offset = 0
            if k >= 0:
                anchor = anchors[k]
                start, start_params = from_key_clause(f, anchor.key)
                sql, extra, offset = f"{sql} AND {start}", [*extra, *start_params], anchor.row
            return offset + int(self._db.execute(sql, [*params, *extra]).fetchone()[0])

        out: list[int | None] = [None] * len(keys)
        out[0] = older(keys[0])
        out[-1] = older(keys[-1])
        asked = 2
        # Spans whose ends differ, to split (a stack, not recursion: a burst has thousands).
        spans = [(0, len(keys) - 1)]
        while spans:
            lo, hi = spans.pop()
            low, high = out[lo], out[hi]
            if low == high:
                out[lo + 1 : hi] = [low] * (hi - lo - 1)
                continue
            if hi - lo <= 1:
                continue
            if asked >= max_counts:
                return None
            mid = (lo + hi) // 2
            out[mid] = older(keys[mid])
            asked += 1
            spans.extend(((lo, mid), (mid, hi)))
        return [int(v or 0) for v in out]

    # --- plumbing -------------------------------------------------------------------------------

    def bounded(self, run: Callable[[], T], budget_s: float) -> T | None:
        """`run()`, or None if its SQL is still stepping after `budget_s` (it is stopped)."""
        deadline = time.perf_counter() + budget_s
        stopped = self._stopped

        def over() -> int:
            return 1 if time.perf_counter() > deadline else 0

        def over_or_stopped() -> int:
            return 1 if time.perf_counter() > deadline or (stopped and stopped()) else 0

        conn = self._db.conn
        steps = self._check_steps
        conn.set_progress_handler(over if stopped is None else over_or_stopped, steps)
        try:
            return run()
        except sqlite3.OperationalError as exc:
            if is_interrupted(exc) and not (stopped and stopped()):
                return None
            raise
        finally:
            if stopped is None:
                conn.set_progress_handler(None, 0)
            else:
                conn.set_progress_handler(lambda: 1 if stopped() else 0, steps)

    def snapshot(self) -> AbstractContextManager[None]:
        """Several reads that see the same database state (one read transaction; none is
        started if the connection is already in one)."""
        return read_snapshot(self._db.conn)


def is_interrupted(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "interrupt" in str(exc)


def _ordered(key: Key, descending: bool) -> tuple[Any, ...]:
    """A sort key as a value that Python orders the way the inbox does (keys are numbers)."""
    return tuple(-v for v in key) if descending else tuple(key)


def _walk_where(f: CommentFilter, until_id: int | None) -> tuple[str, list[object]]:
    """`where_clause` for walking the order index, with comments only up to `until_id`
    (a bound no index serves: the walk stays the plan)."""
    where, params = where_clause(f, joined_search=True, walk=True)
    if until_id is None:
        return where, params
    return f"{where} AND +c.id <= ?", [*params, until_id]
