"""What the inbox asks for, turned into SQL with bound parameters (never string-spliced)."""

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from moderator_app.domain import LocalState, Platform, ToxicityLevel


class SortOrder(StrEnum):
    NEWEST = "newest"
    OLDEST = "oldest"
    RISK = "risk"


@dataclass(frozen=True, slots=True)
class CommentFilter:
    """One question to the inbox. Every field narrows it; defaults ask for everything.

    Times are UTC epoch seconds; `thread_remote_id` needs `account_id`; `author_name` matches
    an author across all accounts (platform ids differ, names are what moderators see).
    """

    account_id: int | None = None
    platform: Platform | None = None
    thread_remote_id: str | None = None
    min_level: ToxicityLevel | None = None
    score_min: float | None = None
    score_max: float | None = None
    local_states: tuple[LocalState, ...] = ()
    failed_actions_only: bool = False
    author_id: str | None = None
    author_name: str | None = None
    since_ts: float | None = None
    until_ts: float | None = None
    language: str | None = None
    search: str = ""
    include_own: bool = False
    sort: SortOrder = SortOrder.NEWEST


_LEVELS_AT_LEAST = {
    ToxicityLevel.OK: ("ok", "review", "toxic"),
    ToxicityLevel.REVIEW: ("review", "toxic"),
    ToxicityLevel.TOXIC: ("toxic",),
}

_WORD = re.compile(r"\w+", re.UNICODE)


# The last word of a search is also a prefix from this many characters on. A one-letter
# prefix matches most comments and is of no use, while FTS5 merges the lists of every word it
# starts before giving the first row: "t*" took ~95 ms at a million comments, on the GUI
# thread, as the moderator typed the first letter. One letter matches that word whole.
MIN_PREFIX_CHARS = 2


def is_prefix(word: str) -> bool:
    """Whether the search's last word also matches the words it starts."""
    return len(word) >= MIN_PREFIX_CHARS


def fts_query(text: str) -> str:
    """Free text to a safe FTS5 query: every word must appear, the last one as a prefix
    (`is_prefix`)."""
    words = _WORD.findall(text)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    if is_prefix(words[-1]):
        quoted[-1] += "*"
    return " ".join(quoted)


# Fields that narrow by one bound value: (attribute, SQL with one "?").
_SIMPLE = (
    ("account_id", "c.account_id = ?"),
    ("thread_remote_id", "c.thread_remote_id = ?"),
    ("author_id", "c.author_id = ?"),
    ("author_name", "c.author_name = ?"),
    ("since_ts", "c.created_ts >= ?"),
    ("until_ts", "c.created_ts < ?"),
    ("language", "c.lang = ?"),
)
# Conditions on the leading columns of an order index, kept usable when walking it: the
# time range (`comments_feed`, `comments_risk`), and in the time orders the account
# (`comments_account_feed`) and the author's name (`comments_by_author_name`: its entries
# end in created_ts and rowid, so an author's comments come in inbox order: 0.02 ms for the
# first 200, where walking the feed index to meet them spent the first-rows budget).
# No index has an account's or an author's comments by Risk.
_WALKED = frozenset({"since_ts", "until_ts"})
_WALKED_BY_TIME = _WALKED | {"account_id", "author_name"}


def where_clause(
    f: CommentFilter, *, joined_search: bool = False, walk: bool = False
) -> tuple[str, list[object]]:
    """The WHERE for `f`. With `joined_search` the text condition is a MATCH on the joined FTS
    table (see `from_clause`) instead of an IN-subquery over it.

    With `walk` every condition is spelled so that no index can serve it (a unary +), except
    authorship and the time range, the leading columns of the inbox's order indexes: SQLite
    then walks an order index and filters as it goes, which finds the first rows of a large
    result at once, where the planner may prefer finding every match and sorting them (a
    flagged view: 0.3 ms walking against 7 ms sorting 55k hits)."""
    clauses, params = _facets(f, walk=walk)
    query = fts_query(f.search)
    if query:
        if joined_search:
            clauses.append("comments_fts MATCH ?")
        else:
            clauses.append("c.id IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH ?)")
        params.append(query)
    return (" AND ".join(clauses) or "1"), params


# The flagged comments' partial index (`comments_flagged`) serves a query only when its WHERE
# repeats the index's condition word for word.
FLAGGED_CONDITION = "c.tox_level IN ('review', 'toxic')"


def _facets(f: CommentFilter, *, walk: bool = False) -> tuple[list[str], list[object]]:
    """Every condition except the text search."""
    clauses: list[str] = []
    params: list[object] = []
    off = "+" if walk else ""  # a unary + keeps an index from serving the condition
    walked = _WALKED if f.sort is SortOrder.RISK else _WALKED_BY_TIME
    for name, sql in _SIMPLE:
        value = getattr(f, name)
        if value is not None:
            clauses.append(sql if name in walked else off + sql)
            params.append(value)
    # Scores lie in [0, 1]; spelled as the Risk index's expression so a range of it is an
    # index range (a lower bound of 0 also keeps unscored rows out), also when walking that
    # index in the Risk order.
    score = "" if f.sort is SortOrder.RISK else off
    if f.score_min is not None or f.score_max is not None:
        clauses.append(f"{score}COALESCE(c.tox_score, -1) >= ?")
        params.append(max(f.score_min or 0.0, 0.0))
    if f.score_max is not None:
        clauses.append(f"{score}COALESCE(c.tox_score, -1) <= ?")
        params.append(f.score_max)
    if f.platform is not None:
        clauses.append(f"{off}c.account_id IN (SELECT id FROM accounts WHERE platform = ?)")
        params.append(f.platform.value)
    if f.min_level is not None:
        levels = _LEVELS_AT_LEAST[f.min_level]
        if walk or f.min_level is ToxicityLevel.OK:
            clauses.append(f"{off}c.tox_level IN ({', '.join('?' for _ in levels)})")
            params.extend(levels)
        else:
            clauses.append(FLAGGED_CONDITION)
            if f.min_level is ToxicityLevel.TOXIC:
                clauses.append("c.tox_level = 'toxic'")
    if f.local_states:
        clauses.append(f"{off}c.local_state IN ({', '.join('?' for _ in f.local_states)})")
        params.extend(s.value for s in f.local_states)
    if f.failed_actions_only:
        clauses.append(f"{off}c.id IN (SELECT comment_id FROM outbox WHERE status = 'failed')")
    if not f.include_own:
        clauses.append("c.by_us = 0")
    return clauses, params


def searching(f: CommentFilter) -> bool:
    return bool(fts_query(f.search))


def from_clause(f: CommentFilter) -> str:
    """A text search drives the query from the FTS index, so results come in its rowid order
    (= comment id, i.e. arrival order) without sorting every hit of a common word."""
    if searching(f):
        return "comments_fts JOIN comments c ON c.id = comments_fts.rowid"
    return "comments c"


# What the order indexes hold besides their keys: the time orders' `comments_feed` and
# `comments_account_feed`, the Risk order's `comments_risk` (see migrations 0006 and 0008).
_FEED_HOLDS = frozenset(
    {"account_id", "min_level", "local_states", "language", "since_ts", "until_ts", "platform"}
)
_RISK_HOLDS = frozenset({"score_min", "score_max", "since_ts", "until_ts"})
_NARROWING = (
    "account_id",
    "platform",
    "thread_remote_id",
    "min_level",
    "score_min",
    "score_max",
    "local_states",
    "author_id",
    "author_name",
    "since_ts",
    "until_ts",
    "language",
)


def walk_reads_index_only(f: CommentFilter) -> bool:
    """Whether walking `f`'s order index can test every condition on the index entries
    alone. When not, each row walked is read from the table (~2.5 µs each: seconds for a
    million), and a result's rows are better found through their own index and sorted."""
    if searching(f) or f.include_own:
        return False
    held = _RISK_HOLDS if f.sort is SortOrder.RISK else _FEED_HOLDS
    used = {name for name in _NARROWING if getattr(f, name) not in (None, ())}
    return used <= held


def only_own_rows_excluded(f: CommentFilter) -> bool:
    """True when the only condition besides the text search is "not our own replies"."""
    clauses, _ = _facets(f)
    return clauses == ["c.by_us = 0"]


def sort_keys(f: CommentFilter) -> tuple[list[str], bool]:
    """The ORDER BY expressions and whether they run descending (all share one direction).

    Text searches order by id (arrival order) instead of created_ts: FTS5 yields rowids in
    order for free, while sorting a common word's 600k hits by time costs ~100 ms. A late-
    fetched old comment therefore sits among the newer ones in search results.
    """
    text = searching(f)
    # Spelled as the FTS rowid, not c.id, or SQLite sorts every hit instead of walking the
    # index backwards (0.1 ms against ~100 ms for a common word).
    by_id = "comments_fts.rowid" if text else "c.id"
    if f.sort is SortOrder.OLDEST:
        return ([by_id] if text else ["c.created_ts", by_id]), False
    if f.sort is SortOrder.RISK:
        return (["COALESCE(c.tox_score, -1)", *([] if text else ["c.created_ts"]), by_id]), True
    return ([by_id] if text else ["c.created_ts", by_id]), True


def order_by(f: CommentFilter, *, sort_hits: bool = False) -> str:
    """With `sort_hits` the keys are spelled as expressions (unary +) that no index yields in
    order, so SQLite picks the index that finds the rows and sorts them: right for a result
    known to be small (46 toxic unread comments are found in 0.3 ms through their index, but
    walking the time index until all are met takes 70 ms)."""
    keys, descending = sort_keys(f)
    direction = "DESC" if descending else "ASC"
    mark = "+" if sort_hits else ""
    return ", ".join(f"{mark}{k} {direction}" for k in keys)


def totals_clause(f: CommentFilter) -> tuple[str, list[object]] | None:
    """The WHERE over `comment_totals` that counts `f`'s result, when `f` narrows only by
    account and authorship (the unfiltered inbox, an account's scope); else None."""
    if replace(f, account_id=None, include_own=False, sort=SortOrder.NEWEST) != CommentFilter():
        return None
    clauses = [] if f.include_own else ["by_us = 0"]
    params: list[object] = []
    if f.account_id is not None:
        clauses.append("account_id = ?")
        params.append(f.account_id)
    return (" AND ".join(clauses) or "1"), params


def before_clause(f: CommentFilter, key: Sequence[object]) -> tuple[str, list[object]]:
    """Rows sorted before the row whose sort key is `key` (one value per `sort_keys`)."""
    return seek_clause(f, key, before=True, inclusive=False)


def from_key_clause(f: CommentFilter, key: Sequence[object]) -> tuple[str, list[object]]:
    """The row whose sort key is `key` and every row sorted after it (a scroll anchor)."""
    return seek_clause(f, key, before=False, inclusive=True)


def seek_clause(
    f: CommentFilter, key: Sequence[object], *, before: bool, inclusive: bool
) -> tuple[str, list[object]]:
    """Rows sorted before (or after) the row whose sort key is `key`, and that row itself if
    `inclusive`, as a comparison SQLite runs as an index range. A row value over
    all keys is one when every key is a column; the Risk order's first key is an expression,
    which a row value cannot range over (SQLite scanned the whole index: 40 s for 2,000
    anchors), so that key is compared on its own and the rest as a row value."""
    keys, descending = sort_keys(f)
    if len(key) != len(keys):
        raise ValueError(f"a sort key for {f.sort} has {len(keys)} values, not {len(key)}")
    upward = before == descending  # the wanted rows have larger keys
    strict = ">" if upward else "<"
    op = strict + ("=" if inclusive else "")
    first, rest = keys[0], keys[1:]
    if not rest:
        return f"{first} {op} ?", [key[0]]
    if first.startswith("c.created_ts"):
        marks = ", ".join("?" for _ in keys)
        return f"({', '.join(keys)}) {op} ({marks})", list(key)
    rest_marks = ", ".join("?" for _ in rest)
    tail = f"({', '.join(rest)}) {op} ({rest_marks})" if len(rest) > 1 else f"{rest[0]} {op} ?"
    sql = f"{first} {strict}= ? AND ({first} {strict} ? OR {tail})"
    return sql, [key[0], key[0], *key[1:]]


def order_clause(sort: SortOrder) -> str:
    if sort is SortOrder.OLDEST:
        return "c.created_ts ASC, c.id ASC"
    if sort is SortOrder.RISK:
        return "COALESCE(c.tox_score, -1) DESC, c.created_ts DESC, c.id DESC"
    return "c.created_ts DESC, c.id DESC"
