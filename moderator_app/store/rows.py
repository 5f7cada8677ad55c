"""Mapping between SQLite rows and domain objects, in one place."""

import json
from typing import Any

from moderator_app.domain import (
    Author,
    Comment,
    LocalState,
    PlatformState,
    RemoteComment,
    Span,
    ThreadRef,
    ToxicityLevel,
    ToxicityResult,
)
from moderator_app.store.language import detect_language
from moderator_app.store.timeutil import from_ts, to_ts

COMMENT_COLUMNS = (
    "c.id, c.account_id, c.remote_id, c.thread_remote_id, c.parent_remote_id, c.author_id, "
    "c.author_name, c.author_url, c.text, c.created_ts, c.edited_ts, c.permalink, "
    "c.platform_state, c.local_state, c.by_us, c.extra, c.tox_score, c.tox_level, c.tox_spans, "
    "c.tox_labels, c.tox_scorer, t.title AS thread_title, t.url AS thread_url, "
    "t.text AS thread_text, "
    "(SELECT COUNT(*) FROM outbox o WHERE o.comment_id = c.id "
    "AND o.status IN ('pending', 'sending')) AS pending_actions, "
    "(SELECT COUNT(*) FROM outbox o WHERE o.comment_id = c.id AND o.status = 'failed') "
    "AS failed_actions"
)
COMMENT_FROM = (
    "comments c LEFT JOIN threads t "
    "ON t.account_id = c.account_id AND t.remote_id = c.thread_remote_id"
)


INGEST_COLUMNS = (
    "account_id",
    "remote_id",
    "thread_remote_id",
    "parent_remote_id",
    "author_id",
    "author_name",
    "author_url",
    "text",
    "created_ts",
    "edited_ts",
    "permalink",
    "platform_state",
    "by_us",
    "extra",
    "lang",
    "fetched_ts",
)
"""The columns a fetched comment fills, in the order of `remote_to_values`."""


# `json.dumps(…, ensure_ascii=False)` builds an encoder per call: half the cost of a small dict.
_EXTRA = json.JSONEncoder(ensure_ascii=False)


def remote_to_values(account_id: int, comment: RemoteComment, fetched_ts: float) -> tuple[Any, ...]:
    """A fetched comment as the values of `INGEST_COLUMNS` (a tuple: the ingest hot path)."""
    return (
        account_id,
        comment.remote_id,
        comment.thread.remote_id,
        comment.parent_remote_id,
        comment.author.remote_id,
        comment.author.name,
        comment.author.url,
        comment.text,
        to_ts(comment.created_at),
        to_ts(comment.edited_at) if comment.edited_at else None,
        comment.permalink,
        comment.platform_state.value,
        int(comment.by_us),
        _EXTRA.encode(comment.extra) if comment.extra else "{}",
        detect_language(comment.text),
        fetched_ts,
    )


def toxicity_to_row(result: ToxicityResult) -> dict[str, Any]:
    return {
        "tox_score": result.score,
        "tox_level": result.level.value,
        "tox_spans": json.dumps([[s.start, s.end, s.label, s.weight] for s in result.spans]),
        "tox_labels": json.dumps(list(result.labels)),
        "tox_scorer": result.scorer,
    }


def toxicity_from_row(row: dict[str, Any]) -> ToxicityResult | None:
    if row.get("tox_level") is None:
        return None
    spans = tuple(
        Span(int(s[0]), int(s[1]), str(s[2]), float(s[3])) for s in json.loads(row["tox_spans"])
    )
    return ToxicityResult(
        score=float(row["tox_score"]),
        level=ToxicityLevel(row["tox_level"]),
        spans=spans,
        scorer=row["tox_scorer"] or "",
        labels=tuple(json.loads(row["tox_labels"] or "[]")),
    )


def comment_from_row(row: dict[str, Any]) -> Comment:
    remote = RemoteComment(
        remote_id=row["remote_id"],
        thread=ThreadRef(
            remote_id=row["thread_remote_id"],
            title=row.get("thread_title") or "",
            url=row.get("thread_url") or "",
            text=row.get("thread_text") or "",
        ),
        author=Author(row["author_id"], row["author_name"], row["author_url"]),
        text=row["text"],
        created_at=from_ts(row["created_ts"]),
        permalink=row["permalink"],
        parent_remote_id=row["parent_remote_id"],
        platform_state=PlatformState(row["platform_state"]),
        edited_at=from_ts(row["edited_ts"]) if row["edited_ts"] is not None else None,
        by_us=bool(row["by_us"]),
        extra=json.loads(row["extra"] or "{}"),
    )
    return Comment(
        id=row["id"],
        account_id=row["account_id"],
        remote=remote,
        local_state=LocalState(row["local_state"]),
        toxicity=toxicity_from_row(row),
        pending_actions=int(row.get("pending_actions") or 0),
        failed_actions=int(row.get("failed_actions") or 0),
    )
