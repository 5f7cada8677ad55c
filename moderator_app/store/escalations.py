"""Escalations and their notes: a comment handed on for a second opinion."""

from sqlite_utils import Database

from moderator_app.domain import Escalation, EscalationStatus, LocalState, Note
from moderator_app.store.audit import AuditLog
from moderator_app.store.outbox import UnknownComment
from moderator_app.store.timeutil import from_ts, now_ts


class EscalationRepository:
    def __init__(self, db: Database, audit: AuditLog) -> None:
        self._db = db
        self._audit = audit

    def escalate(self, comment_id: int, note: str, *, author: str = "") -> Escalation:
        """Open an escalation with its first note and mark the comment, in one transaction."""
        with self._db.atomic():
            row = self._db.execute(
                "SELECT account_id FROM comments WHERE id = ?", [comment_id]
            ).fetchone()
            if row is None:
                raise UnknownComment(f"no comment with id {comment_id}")
            ts = now_ts()
            cursor = self._db.execute(
                "INSERT INTO escalations (comment_id, status, created_ts, created_by) "
                "VALUES (?, 'open', ?, ?)",
                [comment_id, ts, author],
            )
            escalation_id = cursor.lastrowid
            assert escalation_id is not None
            if note.strip():
                self._insert_note(escalation_id, note, author, ts)
            self._db.execute(
                "UPDATE comments SET local_state = ? WHERE id = ?",
                [LocalState.ESCALATED.value, comment_id],
            )
            self._audit.record(
                "escalate",
                actor=author,
                account_id=row[0],
                comment_id=comment_id,
                escalation_id=escalation_id,
            )
        found = self.get(escalation_id)
        assert found is not None
        return found

    def add_note(self, escalation_id: int, text: str, *, author: str = "") -> Note:
        if not text.strip():
            raise ValueError("a note needs some text")
        with self._db.atomic():
            note_id = self._insert_note(escalation_id, text, author, now_ts())
        row = self._db.execute(
            "SELECT id, escalation_id, author, text, created_ts FROM notes WHERE id = ?",
            [note_id],
        ).fetchone()
        return Note(row[0], row[1], row[2], row[3], from_ts(row[4]))

    def resolve(self, escalation_id: int) -> None:
        with self._db.atomic():
            self._db.execute(
                "UPDATE escalations SET status = 'resolved' WHERE id = ?", [escalation_id]
            )

    def get(self, escalation_id: int) -> Escalation | None:
        found = self._select("WHERE id = ?", [escalation_id])
        return found[0] if found else None

    def for_comment(self, comment_id: int) -> list[Escalation]:
        return self._select("WHERE comment_id = ? ORDER BY id", [comment_id])

    def open(self) -> list[Escalation]:
        return self._select("WHERE status = 'open' ORDER BY id", [])

    def _insert_note(self, escalation_id: int, text: str, author: str, ts: float) -> int:
        cursor = self._db.execute(
            "INSERT INTO notes (escalation_id, author, text, created_ts) VALUES (?, ?, ?, ?)",
            [escalation_id, author, text, ts],
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def _select(self, where: str, params: list[object]) -> list[Escalation]:
        rows = self._db.execute(
            f"SELECT id, comment_id, status, created_ts, created_by FROM escalations {where}",
            params,
        ).fetchall()
        result = []
        for r in rows:
            notes = tuple(
                Note(n[0], n[1], n[2], n[3], from_ts(n[4]))
                for n in self._db.execute(
                    "SELECT id, escalation_id, author, text, created_ts FROM notes "
                    "WHERE escalation_id = ? ORDER BY id",
                    [r[0]],
                ).fetchall()
            )
            result.append(
                Escalation(r[0], r[1], EscalationStatus(r[2]), from_ts(r[3]), r[4], notes)
            )
        return result
