"""What the inbox asks for, turned into SQL with bound parameters (never string-spliced)."""

import re
from dataclasses import dataclass
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


def fts_query(text: str) -> str:
    """Free text to a safe FTS5 query: every word must appear, the last one as a prefix."""
    words = _WORD.findall(text)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


# Fields that narrow by one bound value: (attribute, SQL with one "?").
_SIMPLE = (
    ("account_id", "c.account_id = ?"),
    ("thread_remote_id", "c.thread_remote_id = ?"),
    ("score_min", "c.tox_score >= ?"),
    ("score_max", "c.tox_score <= ?"),
    ("author_id", "c.author_id = ?"),
    ("author_name", "c.author_name = ?"),
    ("since_ts", "c.created_ts >= ?"),
    ("until_ts", "c.created_ts < ?"),
    ("language", "c.lang = ?"),
)


def where_clause(f: CommentFilter) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    for name, sql in _SIMPLE:
        value = getattr(f, name)
        if value is not None:
            clauses.append(sql)
            params.append(value)
    if f.platform is not None:
        clauses.append("c.account_id IN (SELECT id FROM accounts WHERE platform = ?)")
        params.append(f.platform.value)
    if f.min_level is not None:
        levels = _LEVELS_AT_LEAST[f.min_level]
        clauses.append(f"c.tox_level IN ({', '.join('?' for _ in levels)})")
        params.extend(levels)
    if f.local_states:
        clauses.append(f"c.local_state IN ({', '.join('?' for _ in f.local_states)})")
        params.extend(s.value for s in f.local_states)
    if f.failed_actions_only:
        clauses.append("c.id IN (SELECT comment_id FROM outbox WHERE status = 'failed')")
    if not f.include_own:
        clauses.append("c.by_us = 0")
    query = fts_query(f.search)
    if query:
        clauses.append("c.id IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH ?)")
        params.append(query)
    return (" AND ".join(clauses) or "1"), params


def order_clause(sort: SortOrder) -> str:
    if sort is SortOrder.OLDEST:
        return "c.created_ts ASC, c.id ASC"
    if sort is SortOrder.RISK:
        return "COALESCE(c.tox_score, -1) DESC, c.created_ts DESC, c.id DESC"
    return "c.created_ts DESC, c.id DESC"
