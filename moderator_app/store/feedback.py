"""Moderator decisions as feedback for the flagging: hiding says 'toxic', approving a flagged
comment says 'ok'. One row per comment holds its latest decision, with the score and level the
moderator saw, and is written in the same transaction as the decision itself."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlite_utils import Database

from moderator_app.domain import ActionKind, LocalState, ToxicityLevel
from moderator_app.store.audit import AuditLog
from moderator_app.store.timeutil import from_ts, now_ts


class FeedbackLabel(StrEnum):
    TOXIC = "toxic"
    OK = "ok"


# What an outbox action says about the comment; UNHIDE takes a 'toxic' back.
ACTION_LABELS = {
    ActionKind.HIDE: FeedbackLabel.TOXIC,
    ActionKind.DELETE: FeedbackLabel.TOXIC,
    ActionKind.REPORT: FeedbackLabel.TOXIC,
}
_FLAGGED = (ToxicityLevel.REVIEW.value, ToxicityLevel.TOXIC.value)


@dataclass(frozen=True, slots=True)
class Feedback:
    comment_id: int
    account_id: int
    label: FeedbackLabel
    text: str
    shown_score: float | None
    shown_level: ToxicityLevel | None
    at: datetime
    actor: str = ""

    @property
    def toxic(self) -> bool:
        return self.label is FeedbackLabel.TOXIC


class FeedbackRepository:
    def __init__(self, db: Database, audit: AuditLog | None = None) -> None:
        self._db = db
        self._audit = audit if audit is not None else AuditLog(db)

    def record(self, comment_id: int, label: FeedbackLabel, *, actor: str = "") -> None:
        """Store (or replace) the decision on a comment. Joins the caller's transaction."""
        with self._db.atomic():
            row = self._db.execute(
                "SELECT account_id, tox_score, tox_level FROM comments WHERE id = ?", [comment_id]
            ).fetchone()
            if row is None:
                raise LookupError(f"no comment with id {comment_id}")
            account_id, score, level = row
            self._db.execute(
                "INSERT INTO feedback (account_id, comment_id, label, shown_score, shown_level, "
                "actor, ts) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(comment_id) DO UPDATE SET "
                "label = excluded.label, shown_score = excluded.shown_score, "
                "shown_level = excluded.shown_level, actor = excluded.actor, ts = excluded.ts",
                [account_id, comment_id, label.value, score, level, actor, now_ts()],
            )

    def retract(self, comment_id: int) -> bool:
        """Forget the decision on a comment (the moderator took a hide back)."""
        with self._db.atomic():
            cursor = self._db.execute("DELETE FROM feedback WHERE comment_id = ?", [comment_id])
        return cursor.rowcount > 0

    def on_action(self, comment_id: int, kind: ActionKind, *, actor: str = "") -> None:
        """What an outbox action means as feedback; called inside `OutboxRepository.enqueue`'s
        transaction, so the action and its feedback are stored together or not at all."""
        label = ACTION_LABELS.get(kind)
        if label is not None:
            self.record(comment_id, label, actor=actor)
        elif kind is ActionKind.UNHIDE:
            self.retract(comment_id)

    def approve(self, comment_id: int, *, actor: str = "") -> bool:
        """Mark the comment reviewed; if it was flagged, record 'ok' in the same transaction.
        Returns whether feedback was recorded. A hidden comment must be unhidden instead."""
        with self._db.atomic():
            row = self._db.execute(
                "SELECT account_id, local_state, tox_level FROM comments WHERE id = ?",
                [comment_id],
            ).fetchone()
            if row is None:
                raise LookupError(f"no comment with id {comment_id}")
            account_id, local_state, level = row
            if local_state == LocalState.HIDDEN.value:
                raise ValueError("this comment is hidden: unhide it to approve it")
            self._db.execute(
                "UPDATE comments SET local_state = ? WHERE id = ?",
                [LocalState.REVIEWED.value, comment_id],
            )
            flagged = level in _FLAGGED
            if flagged:
                self.record(comment_id, FeedbackLabel.OK, actor=actor)
            self._audit.record(
                "approve",
                actor=actor,
                account_id=account_id,
                comment_id=comment_id,
                flagged=flagged,
            )
        return flagged

    def get(self, comment_id: int) -> Feedback | None:
        rows = self._select("WHERE f.comment_id = ?", [comment_id])
        return rows[0] if rows else None

    def for_account(self, account_id: int, limit: int = 5000) -> list[Feedback]:
        """The account's latest `limit` decisions, oldest first."""
        rows = self._select(
            "WHERE f.account_id = ? ORDER BY f.ts DESC, f.id DESC LIMIT ?", [account_id, limit]
        )
        rows.reverse()
        return rows

    def count_since(self, account_id: int, since_ts: float) -> int:
        row = self._db.execute(
            "SELECT COUNT(*) FROM feedback WHERE account_id = ? AND ts > ?",
            [account_id, since_ts],
        ).fetchone()
        return int(row[0])

    def counts(self, account_id: int) -> dict[FeedbackLabel, int]:
        rows = self._db.execute(
            "SELECT label, COUNT(*) FROM feedback WHERE account_id = ? GROUP BY label",
            [account_id],
        ).fetchall()
        counts = dict.fromkeys(FeedbackLabel, 0)
        counts.update({FeedbackLabel(label): int(n) for label, n in rows})
        return counts

    def undecided(self, account_id: int, limit: int = 2000) -> list[tuple[int, str]]:
        """Recent comments of the account (not ours) nobody decided on: (id, text), oldest
        first. The calibration fit uses them to stay close to the base model where no decision
        speaks."""
        rows = self._db.execute(
            "SELECT c.id, c.text FROM comments c WHERE c.account_id = ? AND c.by_us = 0 "
            "AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.comment_id = c.id) "
            "ORDER BY c.id DESC LIMIT ?",
            [account_id, limit],
        ).fetchall()
        return [(int(r[0]), str(r[1])) for r in reversed(rows)]

    def _select(self, where: str, params: Sequence[object]) -> list[Feedback]:
        rows = self._db.execute(
            "SELECT f.comment_id, f.account_id, f.label, c.text, f.shown_score, f.shown_level, "
            f"f.ts, f.actor FROM feedback f JOIN comments c ON c.id = f.comment_id {where}",
            list(params),
        ).fetchall()
        return [
            Feedback(
                comment_id=int(r[0]),
                account_id=int(r[1]),
                label=FeedbackLabel(r[2]),
                text=str(r[3]),
                shown_score=None if r[4] is None else float(r[4]),
                shown_level=None if r[5] is None else ToxicityLevel(r[5]),
                at=from_ts(float(r[6])),
                actor=str(r[7]),
            )
            for r in rows
        ]
