"""One author across every connected account: how much they write and how the moderators
treated them before. Matched by the name moderators see (platform ids differ per account)."""

from dataclasses import dataclass

from sqlite_utils import Database

from moderator_app.domain import Comment
from moderator_app.store.rows import COMMENT_COLUMNS, COMMENT_FROM, comment_from_row


@dataclass(frozen=True, slots=True)
class AuthorStats:
    name: str
    comments: int
    accounts: int
    hidden: int  # hidden or deleted by a moderator (outbox), or hidden on the platform
    approved: int  # approved (reviewed with 'ok' feedback, or reviewed and never hidden)
    flagged: int  # scored review or toxic


class AuthorRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def stats(self, name: str) -> AuthorStats:
        row = self._db.execute(
            "SELECT COUNT(*), COUNT(DISTINCT c.account_id), "
            "SUM(c.local_state = 'hidden' OR c.platform_state IN ('hidden', 'deleted') OR "
            "EXISTS (SELECT 1 FROM outbox o WHERE o.comment_id = c.id "
            "AND o.kind IN ('hide', 'delete') AND o.status != 'failed')), "
            "SUM(c.local_state = 'reviewed' OR EXISTS (SELECT 1 FROM feedback f "
            "WHERE f.comment_id = c.id AND f.label = 'ok')), "
            "SUM(c.tox_level IN ('review', 'toxic')) "
            "FROM comments c WHERE c.author_name = ? AND c.by_us = 0",
            [name],
        ).fetchone()
        return AuthorStats(
            name=name,
            comments=int(row[0] or 0),
            accounts=int(row[1] or 0),
            hidden=int(row[2] or 0),
            approved=int(row[3] or 0),
            flagged=int(row[4] or 0),
        )

    def recent(self, name: str, *, exclude: int | None = None, limit: int = 5) -> list[Comment]:
        """The author's newest comments across all accounts, without `exclude`."""
        cursor = self._db.execute(
            f"SELECT {COMMENT_COLUMNS} FROM {COMMENT_FROM} WHERE c.author_name = ? "
            "AND c.by_us = 0 AND c.id != ? ORDER BY c.created_ts DESC, c.id DESC LIMIT ?",
            [name, -1 if exclude is None else exclude, limit],
        )
        names = [d[0] for d in cursor.description]
        return [comment_from_row(dict(zip(names, r, strict=True))) for r in cursor.fetchall()]
