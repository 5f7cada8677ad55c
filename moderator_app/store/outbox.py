"""The durable queue of moderator actions, written before the UI shows them as pending.

An action row and the comment's new local state are written in one transaction. The engine
claims rows, sends them with the row's idempotency key, and records the outcome. A row left
'sending' by a crash is sent again with the same key, which the platform (or our own dedupe)
recognises, so nothing is lost and nothing is applied twice.
"""

import json
import uuid
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from moderator_app.domain import Action, ActionKind, ActionStatus, LocalState
from moderator_app.store import id_set
from moderator_app.store.audit import AuditLog
from moderator_app.store.feedback import ACTION_LABELS, FeedbackLabel, FeedbackRepository
from moderator_app.store.timeutil import from_ts, now_ts

_NEW_LOCAL_STATE = {
    ActionKind.REPLY: LocalState.REPLIED,
    ActionKind.HIDE: LocalState.HIDDEN,
    ActionKind.UNHIDE: LocalState.REVIEWED,
    ActionKind.DELETE: LocalState.HIDDEN,
    ActionKind.REPORT: LocalState.ESCALATED,
    ActionKind.ESCALATE: LocalState.ESCALATED,
}


class UnknownComment(LookupError):
    pass


class OutboxRepository:
    def __init__(self, db: Database, audit: AuditLog) -> None:
        self._db = db
        self._audit = audit
        self._feedback = FeedbackRepository(db, audit)

    def enqueue(
        self, comment_id: int, kind: ActionKind, text: str = "", *, actor: str = ""
    ) -> Action:
        """Record the moderator's intent durably, together with the comment's new state."""
        if kind is ActionKind.REPLY and not text.strip():
            raise ValueError("a reply needs some text")
        key = f"mod-{uuid.uuid4().hex}"
        with self._db.atomic():
            row = self._db.execute(
                "SELECT account_id, local_state FROM comments WHERE id = ?", [comment_id]
            ).fetchone()
            if row is None:
                raise UnknownComment(f"no comment with id {comment_id}")
            account_id, previous_state = row
            ts = now_ts()
            cursor = self._db.execute(
                "INSERT INTO outbox (comment_id, account_id, kind, text, idempotency_key, status, "
                "created_ts, next_attempt_ts, previous_local_state) "
                "VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)",
                [comment_id, account_id, kind.value, text, key, ts, ts, previous_state],
            )
            self._db.execute(
                "UPDATE comments SET local_state = ? WHERE id = ?",
                [_NEW_LOCAL_STATE[kind].value, comment_id],
            )
            # Hiding is the moderator's verdict: feedback for the flagging, in this transaction.
            self._feedback.on_action(comment_id, kind, actor=actor)
            self._audit.record(
                f"{kind.value}.queued", actor=actor, account_id=account_id, comment_id=comment_id
            )
        action_id = cursor.lastrowid
        assert action_id is not None
        action = self.get(action_id)
        assert action is not None
        return action

    def enqueue_many(
        self, comment_ids: Sequence[int], kind: ActionKind, *, actor: str = ""
    ) -> list[int]:
        """`enqueue` for many comments in ONE transaction and a handful of statements (bulk
        hide/delete of 10,000+ rows). Unknown ids are skipped; returns the new action ids."""
        if kind is ActionKind.REPLY:
            raise ValueError("replies are queued one at a time")
        with self._db.atomic():
            table = id_set.fill(self._db, comment_ids)
            before = self._db.execute("SELECT COALESCE(MAX(id), 0) FROM outbox").fetchone()[0]
            ts = now_ts()
            self._db.execute(
                "INSERT INTO outbox (comment_id, account_id, kind, text, idempotency_key, status, "
                "created_ts, next_attempt_ts, previous_local_state) "
                "SELECT c.id, c.account_id, ?, '', 'mod-' || lower(hex(randomblob(16))), "
                "'pending', ?, ?, c.local_state FROM comments c "
                f"WHERE c.id IN (SELECT id FROM {table}) ORDER BY c.id",
                [kind.value, ts, ts],
            )
            self._db.execute(
                f"UPDATE comments SET local_state = ? WHERE id IN (SELECT id FROM {table})",
                [_NEW_LOCAL_STATE[kind].value],
            )
            label = ACTION_LABELS.get(kind)
            if label is not None:
                self._record_feedback_many(table, label, actor)
            elif kind is ActionKind.UNHIDE:
                self._db.execute(
                    f"DELETE FROM feedback WHERE comment_id IN (SELECT id FROM {table})"
                )
            ids = [
                int(r[0])
                for r in self._db.execute(
                    "SELECT id FROM outbox WHERE id > ? ORDER BY id", [before]
                ).fetchall()
            ]
            self._audit.record(f"{kind.value}.queued_bulk", actor=actor, count=len(ids))
        return ids

    def _record_feedback_many(self, table: str, label: FeedbackLabel, actor: str) -> None:
        self._db.execute(
            "INSERT INTO feedback (account_id, comment_id, label, shown_score, shown_level, "
            "actor, ts) SELECT c.account_id, c.id, ?, c.tox_score, c.tox_level, ?, ? "
            f"FROM comments c WHERE c.id IN (SELECT id FROM {table}) "
            "ON CONFLICT(comment_id) DO UPDATE SET label = excluded.label, "
            "shown_score = excluded.shown_score, shown_level = excluded.shown_level, "
            "actor = excluded.actor, ts = excluded.ts",
            [label.value, actor, now_ts()],
        )

    def cancel(self, action_id: int, *, actor: str = "") -> bool:
        """Take back an action that has not started sending: the row goes, the comment gets
        its earlier local state back and the action's feedback is withdrawn. Refuses (False)
        once the engine claimed it ('sending'), or after it was done or failed."""
        return self.cancel_many([action_id], actor=actor) == 1

    def cancel_many(self, action_ids: Sequence[int], *, actor: str = "") -> int:
        """`cancel` for many actions in one transaction; returns how many were cancelled."""
        with self._db.atomic():
            table = id_set.fill(self._db, action_ids)
            pending = (
                "SELECT o.id FROM outbox o "
                f"WHERE o.id IN (SELECT id FROM {table}) AND o.status = 'pending'"
            )
            rows = self._db.execute(
                f"SELECT id, comment_id, kind, previous_local_state FROM outbox "
                f"WHERE id IN ({pending}) ORDER BY id DESC"
            ).fetchall()
            if not rows:
                return 0
            self._db.conn.executemany(
                "UPDATE comments SET local_state = ? WHERE id = ?",
                [(r[3], r[1]) for r in rows if r[3]],
            )
            toxic = [(r[1],) for r in rows if ActionKind(r[2]) in ACTION_LABELS]
            self._db.conn.executemany("DELETE FROM feedback WHERE comment_id = ?", toxic)
            for r in rows:  # an undone unhide makes the comment hidden again: 'toxic' again
                if ActionKind(r[2]) is ActionKind.UNHIDE and r[3] == LocalState.HIDDEN.value:
                    self._feedback.record(r[1], FeedbackLabel.TOXIC, actor=actor)
            self._db.conn.executemany(
                "DELETE FROM outbox WHERE id = ? AND status = 'pending'", [(r[0],) for r in rows]
            )
            if len(rows) == 1:
                self._audit.record(
                    "action.cancelled", actor=actor, comment_id=rows[0][1], action_id=rows[0][0]
                )
            else:
                self._audit.record("action.cancelled_bulk", actor=actor, count=len(rows))
        return len(rows)

    def get(self, action_id: int) -> Action | None:
        rows = self._select("WHERE id = ?", [action_id])
        return rows[0] if rows else None

    def get_many(self, action_ids: Sequence[int]) -> list[Action]:
        """The actions among `action_ids` that still exist, in id order (one statement that
        only reads, however many)."""
        ids = json.dumps([int(i) for i in action_ids])
        return self._select("WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id", [ids])

    def due(self, limit: int = 20, *, now: float | None = None) -> list[Action]:
        """Pending rows whose next attempt time has come, oldest first. A row waits while an
        earlier action on the same comment is unfinished, so hide-then-unhide keeps its order."""
        return self._select(
            "WHERE status = 'pending' AND next_attempt_ts <= ? AND NOT EXISTS ("
            "SELECT 1 FROM outbox p WHERE p.comment_id = outbox.comment_id AND p.id < outbox.id "
            "AND p.status IN ('pending', 'sending')) ORDER BY id LIMIT ?",
            [now_ts() if now is None else now, limit],
        )

    def next_due_ts(self) -> float | None:
        row = self._db.execute(
            "SELECT MIN(next_attempt_ts) FROM outbox WHERE status = 'pending'"
        ).fetchone()
        return None if row is None or row[0] is None else float(row[0])

    def recover_interrupted(self) -> int:
        """After a crash, rows caught mid-send go back to pending (same key, sent again)."""
        with self._db.atomic():
            cursor = self._db.execute(
                "UPDATE outbox SET status = 'pending' WHERE status = 'sending'"
            )
        return cursor.rowcount

    def claim(self, action_id: int) -> bool:
        with self._db.atomic():
            cursor = self._db.execute(
                "UPDATE outbox SET status = 'sending', attempts = attempts + 1 "
                "WHERE id = ? AND status = 'pending'",
                [action_id],
            )
        return cursor.rowcount == 1

    def complete(self, action: Action, remote_result_id: str = "") -> None:
        with self._db.atomic():
            self._db.execute(
                "UPDATE outbox SET status = 'done', done_ts = ?, last_error = '', "
                "remote_result_id = ? WHERE id = ?",
                [now_ts(), remote_result_id, action.id],
            )
            self._audit.record(
                f"{action.kind.value}.sent",
                comment_id=action.comment_id,
                action_id=action.id,
                remote_result_id=remote_result_id,
            )

    def retry_later(self, action: Action, error: str, delay_s: float) -> None:
        with self._db.atomic():
            self._db.execute(
                "UPDATE outbox SET status = 'pending', last_error = ?, next_attempt_ts = ? "
                "WHERE id = ?",
                [error, now_ts() + delay_s, action.id],
            )

    def fail(self, action: Action, error: str) -> None:
        """A permanent failure: kept visible until the moderator retries or dismisses it."""
        with self._db.atomic():
            self._db.execute(
                "UPDATE outbox SET status = 'failed', last_error = ? WHERE id = ?",
                [error, action.id],
            )
            self._audit.record(
                f"{action.kind.value}.failed",
                comment_id=action.comment_id,
                action_id=action.id,
                error=error,
            )

    def retry_waiting(self, account_id: int) -> int:
        """Actions of an account waiting on the moderator (sign-in, captcha) are due now."""
        with self._db.atomic():
            cursor = self._db.execute(
                "UPDATE outbox SET next_attempt_ts = ? WHERE account_id = ? AND status = 'pending'",
                [now_ts(), account_id],
            )
        return cursor.rowcount

    def retry(self, action_id: int) -> bool:
        """The moderator asks to try a failed action again."""
        with self._db.atomic():
            cursor = self._db.execute(
                "UPDATE outbox SET status = 'pending', next_attempt_ts = ?, attempts = 0 "
                "WHERE id = ? AND status = 'failed'",
                [now_ts(), action_id],
            )
        return cursor.rowcount == 1

    def dismiss(self, action_id: int) -> bool:
        """Give up on a failed action and restore the comment's earlier local state."""
        with self._db.atomic():
            row = self._db.execute(
                "SELECT comment_id, previous_local_state FROM outbox "
                "WHERE id = ? AND status = 'failed'",
                [action_id],
            ).fetchone()
            if row is None:
                return False
            self._db.execute("DELETE FROM outbox WHERE id = ?", [action_id])
            self._db.execute("UPDATE comments SET local_state = ? WHERE id = ?", [row[1], row[0]])
            self._audit.record("action.dismissed", comment_id=row[0], action_id=action_id)
        return True

    def with_status(self, *statuses: ActionStatus) -> list[Action]:
        marks = ", ".join("?" for _ in statuses)
        return self._select(f"WHERE status IN ({marks}) ORDER BY id", [s.value for s in statuses])

    def for_comment(self, comment_id: int) -> list[Action]:
        return self._select("WHERE comment_id = ? ORDER BY id", [comment_id])

    def counts(self) -> dict[ActionStatus, int]:
        rows = self._db.execute("SELECT status, COUNT(*) FROM outbox GROUP BY status").fetchall()
        counts = dict.fromkeys(ActionStatus, 0)
        counts.update({ActionStatus(s): int(n) for s, n in rows})
        return counts

    def _select(self, where: str, params: Sequence[Any]) -> list[Action]:
        rows = self._db.execute(
            "SELECT id, comment_id, kind, idempotency_key, status, text, attempts, last_error, "
            f"created_ts, next_attempt_ts, remote_result_id FROM outbox {where}",
            list(params),
        ).fetchall()
        return [
            Action(
                id=r[0],
                comment_id=r[1],
                kind=ActionKind(r[2]),
                idempotency_key=r[3],
                status=ActionStatus(r[4]),
                text=r[5],
                attempts=r[6],
                last_error=r[7],
                created_at=from_ts(r[8]),
                next_attempt_at=from_ts(r[9]),
                remote_result_id=r[10],
            )
            for r in rows
        ]
