"""Bulk triage in SQL: what a bulk action would touch (per platform, with what is skipped and
why), and approve / escalate for thousands of comments in one transaction each. Hide and delete
go through `OutboxRepository.enqueue_many`. Also the undo of approvals and escalations.

Statements over an id set spell it `c.id IN (SELECT id FROM <set>)`: written as a JOIN, SQLite
(with no statistics on the temporary table) scanned every comment to probe the set, ~150 ms a
statement at a million comments however few ids."""

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlite_utils import Database

from moderator_app.domain import LocalState, Platform
from moderator_app.store import id_set
from moderator_app.store.audit import AuditLog
from moderator_app.store.filters import CommentFilter, from_clause, where_clause
from moderator_app.store.timeutil import now_ts
from moderator_app.store.write_turn import read_snapshot


class BulkKind(StrEnum):
    HIDE = "hide"
    APPROVE = "approve"
    ESCALATE = "escalate"
    DELETE = "delete"


class SkipReason(StrEnum):
    PLATFORM = "platform"  # the platform cannot do this at all
    ALREADY = "already"  # already hidden / reviewed / escalated
    HIDDEN = "hidden"  # approve: hidden or held comments are unhidden/published, not approved
    DELETED = "deleted"
    OWN = "own"  # our own replies


_DELETED = "c.platform_state = 'deleted'"
_OWN = "c.by_us = 1"
_HIDDEN = "(c.local_state = 'hidden' OR c.platform_state IN ('hidden', 'held'))"
_ESCALATED = "EXISTS (SELECT 1 FROM escalations e WHERE e.comment_id = c.id AND e.status = 'open')"
# Per kind: (condition, reason) tried in order; the first that holds skips the comment.
# "{platform}" is the capability check, filled with the platforms that can do the action.
_RULES: dict[BulkKind, tuple[tuple[str, SkipReason], ...]] = {
    BulkKind.HIDE: (
        (_DELETED, SkipReason.DELETED),
        ("{platform}", SkipReason.PLATFORM),
        (_HIDDEN, SkipReason.ALREADY),
    ),
    BulkKind.DELETE: (
        (_DELETED, SkipReason.DELETED),
        (_OWN, SkipReason.OWN),
        ("{platform}", SkipReason.PLATFORM),
    ),
    BulkKind.APPROVE: (
        (_DELETED, SkipReason.DELETED),
        (_OWN, SkipReason.OWN),
        (_HIDDEN, SkipReason.HIDDEN),
        ("c.local_state = 'reviewed'", SkipReason.ALREADY),
    ),
    BulkKind.ESCALATE: ((_ESCALATED, SkipReason.ALREADY),),
}


@dataclass(frozen=True, slots=True)
class BulkPlan:
    """Exactly what a bulk action will touch: the ids, and the counts the confirmation shows."""

    kind: BulkKind
    eligible_ids: tuple[int, ...]
    eligible: dict[Platform, int]
    skipped: dict[tuple[Platform, SkipReason], int]

    @property
    def total(self) -> int:
        return len(self.eligible_ids)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


@dataclass(frozen=True, slots=True)
class EscalationUndo:
    """What `escalate_many` did, so it can be taken back."""

    escalation_ids: tuple[int, ...]
    previous_states: tuple[tuple[int, LocalState], ...]


class BulkRepository:
    def __init__(self, db: Database, audit: AuditLog) -> None:
        self._db = db
        self._audit = audit

    def plan(
        self, kind: BulkKind, comment_ids: Sequence[int], capable: Collection[Platform]
    ) -> BulkPlan:
        """Sort `comment_ids` into the ones `kind` applies to and the skipped ones (per
        platform and reason). `capable`: the platforms able to do it (unused for approve and
        escalate, which stay inside Moderator). Only reads (no temporary table, no write
        turn), so a background reader may plan while others write."""
        ids = json.dumps([int(i) for i in comment_ids])
        return self._plan(
            kind, "comments c", "c.id IN (SELECT value FROM json_each(?))", [ids], capable
        )

    def plan_matching(
        self, kind: BulkKind, f: CommentFilter, capable: Collection[Platform]
    ) -> BulkPlan:
        """`plan` for every comment matching `f` ("all matching" selected), in SQL over the
        filter instead of a list of its ids."""
        where, params = where_clause(f, joined_search=True)
        return self._plan(kind, from_clause(f), where, params, capable)

    def _plan(
        self,
        kind: BulkKind,
        source: str,
        where: str,
        where_params: Sequence[object],
        capable: Collection[Platform],
    ) -> BulkPlan:
        """Counted per platform and reason in SQL, and only the eligible ids listed: a
        million comments are not a million Python rows (the GUI thread shares the GIL)."""
        reasons = []
        case_params: list[object] = []
        for rule, reason in _RULES[kind]:
            condition = rule
            if rule == "{platform}":
                marks = ", ".join("?" for _ in capable)
                condition = f"a.platform NOT IN ({marks})" if capable else "1"
                case_params.extend(p.value for p in capable)
            reasons.append(f"WHEN {condition} THEN '{reason.value}'")
        case = f"CASE {' '.join(reasons)} ELSE '' END"
        rows = f"FROM {source} JOIN accounts a ON a.id = c.account_id WHERE ({where})"
        with read_snapshot(self._db.conn):
            counts = self._db.execute(
                f"SELECT a.platform, {case}, COUNT(*) {rows} GROUP BY 1, 2",
                [*case_params, *where_params],
            ).fetchall()
            ids = self._db.execute(
                f"SELECT c.id {rows} AND {case} = '' ORDER BY c.id",
                [*where_params, *case_params],
            ).fetchall()
        eligible: dict[Platform, int] = {}
        skipped: dict[tuple[Platform, SkipReason], int] = {}
        for platform, why, n in counts:
            if why:
                skipped[(Platform(platform), SkipReason(why))] = n
            else:
                eligible[Platform(platform)] = n
        return BulkPlan(kind, tuple(r[0] for r in ids), eligible, skipped)

    def approve_many(
        self, comment_ids: Sequence[int], *, actor: str = ""
    ) -> list[tuple[int, LocalState]]:
        """Mark the comments reviewed and record 'ok' for the flagged ones, in one
        transaction (`FeedbackRepository.approve` for many). Hidden comments are left alone.
        Returns each changed comment's earlier state, for undo."""
        with self._db.atomic():
            table = id_set.fill(self._db, comment_ids)
            previous = [
                (int(r[0]), LocalState(r[1]))
                for r in self._db.execute(
                    f"SELECT c.id, c.local_state FROM comments c WHERE c.id IN (SELECT id FROM "
                    f"{table}) AND c.local_state NOT IN ('hidden', 'reviewed') ORDER BY c.id"
                ).fetchall()
            ]
            id_set.fill(self._db, [cid for cid, _ in previous])
            self._db.execute(
                "INSERT INTO feedback (account_id, comment_id, label, shown_score, shown_level, "
                "actor, ts) SELECT c.account_id, c.id, 'ok', c.tox_score, c.tox_level, ?, ? "
                "FROM comments c "
                f"WHERE c.id IN (SELECT id FROM {table}) AND c.tox_level IN ('review', 'toxic') "
                "ON CONFLICT(comment_id) DO UPDATE SET label = excluded.label, "
                "shown_score = excluded.shown_score, shown_level = excluded.shown_level, "
                "actor = excluded.actor, ts = excluded.ts",
                [actor, now_ts()],
            )
            self._db.execute(
                f"UPDATE comments SET local_state = 'reviewed' WHERE id IN (SELECT id FROM {table})"
            )
            self._audit.record("approve_bulk", actor=actor, count=len(previous))
        return previous

    def unapprove(self, previous: Sequence[tuple[int, LocalState]], *, actor: str = "") -> int:
        """Undo approvals: comments still 'reviewed' get their earlier state back and their
        'ok' feedback is retracted. Returns how many were restored."""
        with self._db.atomic():
            id_set.fill(self._db, [cid for cid, _ in previous])
            still = {
                int(r[0])
                for r in self._db.execute(
                    "SELECT c.id FROM comments c "
                    f"WHERE c.id IN (SELECT id FROM {id_set.TABLE}) AND c.local_state = 'reviewed'"
                ).fetchall()
            }
            restore = [(state.value, cid) for cid, state in previous if cid in still]
            self._db.conn.executemany("UPDATE comments SET local_state = ? WHERE id = ?", restore)
            self._db.conn.executemany(
                "DELETE FROM feedback WHERE comment_id = ? AND label = 'ok'",
                [(cid,) for _, cid in restore],
            )
            self._audit.record("approve.undone", actor=actor, count=len(restore))
        return len(restore)

    def escalate_many(
        self, comment_ids: Sequence[int], note: str, *, author: str = ""
    ) -> EscalationUndo:
        """Open one escalation per comment, each with the same note (skipping comments that
        already have an open one), in one transaction."""
        with self._db.atomic():
            table = id_set.fill(self._db, comment_ids)
            rows = self._db.execute(
                "SELECT c.id, c.local_state FROM comments c "
                f"WHERE c.id IN (SELECT id FROM {table}) AND NOT {_ESCALATED} ORDER BY c.id"
            ).fetchall()
            previous = tuple((int(r[0]), LocalState(r[1])) for r in rows)
            id_set.fill(self._db, [cid for cid, _ in previous])
            before = self._db.execute("SELECT COALESCE(MAX(id), 0) FROM escalations").fetchone()[0]
            ts = now_ts()
            self._db.execute(
                "INSERT INTO escalations (comment_id, status, created_ts, created_by) "
                f"SELECT id, 'open', ?, ? FROM {table} ORDER BY id",
                [ts, author],
            )
            if note.strip():
                self._db.execute(
                    "INSERT INTO notes (escalation_id, author, text, created_ts) "
                    "SELECT id, ?, ?, ? FROM escalations WHERE id > ?",
                    [author, note, ts, before],
                )
            self._db.execute(
                f"UPDATE comments SET local_state = ? WHERE id IN (SELECT id FROM {table})",
                [LocalState.ESCALATED.value],
            )
            ids = tuple(
                int(r[0])
                for r in self._db.execute(
                    "SELECT id FROM escalations WHERE id > ? ORDER BY id", [before]
                ).fetchall()
            )
            self._audit.record("escalate_bulk", actor=author, count=len(ids))
        return EscalationUndo(ids, previous)

    def unescalate(self, undo: EscalationUndo, *, actor: str = "") -> int:
        """Take back escalations opened by mistake (with their notes); comments still marked
        escalated get their earlier state back. Returns how many escalations were removed."""
        with self._db.atomic():
            id_set.fill(self._db, undo.escalation_ids)
            cursor = self._db.execute(
                f"DELETE FROM escalations WHERE id IN (SELECT id FROM {id_set.TABLE})"
            )
            self._db.conn.executemany(
                "UPDATE comments SET local_state = ? WHERE id = ? AND local_state = 'escalated' "
                f"AND NOT {_ESCALATED.replace('c.id', 'comments.id')}",
                [(state.value, cid) for cid, state in undo.previous_states],
            )
            self._audit.record("escalate.undone", actor=actor, count=cursor.rowcount)
        return cursor.rowcount
