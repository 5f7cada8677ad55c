"""Per-account calibrations, every version kept so a moderator can see what changed and undo it.

Exactly one version per account is active (or none: the base scorer as it is). Saving makes the
new version active; undo re-activates the one before and marks the undone one, so learning
resumes from the moderator's next decisions rather than re-applying what was taken back.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from moderator_app.domain import LocalState
from moderator_app.store.audit import AuditLog
from moderator_app.store.timeutil import from_ts, now_ts
from moderator_app.toxicity.calibration import Calibration, describe_change, with_thresholds

RESCORE_LIMIT = 2000
"""How many of an account's newest unreviewed comments are re-scored after an undo."""
KEEP_VERSIONS = 30
"""Versions kept per account (each is tens of KB); older inactive ones are dropped."""


@dataclass(frozen=True, slots=True)
class CalibrationRecord:
    version: int
    calibration: Calibration
    summary: tuple[str, ...]
    """What this version changed against the one active before it."""
    created_at: datetime
    active: bool
    undone: bool


class CalibrationRepository:
    def __init__(self, db: Database, audit: AuditLog | None = None) -> None:
        self._db = db
        self._audit = audit if audit is not None else AuditLog(db)

    def active(self, account_id: int) -> Calibration | None:
        row = self._db.execute(
            "SELECT version, data FROM calibrations WHERE account_id = ? AND active = 1",
            [account_id],
        ).fetchone()
        return None if row is None else Calibration.from_json(row[1], version=int(row[0]))

    def active_by_account(self) -> dict[int, Calibration]:
        rows = self._db.execute(
            "SELECT account_id, version, data FROM calibrations WHERE active = 1"
        ).fetchall()
        return {int(a): Calibration.from_json(d, version=int(v)) for a, v, d in rows}

    def save(
        self,
        account_id: int,
        calibration: Calibration,
        summary: Sequence[str] = (),
        *,
        actor: str = "",
    ) -> int:
        """Store a new version and make it the active one; returns its version number."""
        with self._db.atomic():
            row = self._db.execute(
                "SELECT COALESCE(MAX(version), 0) FROM calibrations WHERE account_id = ?",
                [account_id],
            ).fetchone()
            version = int(row[0]) + 1
            self._db.execute(
                "UPDATE calibrations SET active = 0 WHERE account_id = ? AND active = 1",
                [account_id],
            )
            self._db.execute(
                "INSERT INTO calibrations (account_id, version, data, summary, created_ts, active) "
                "VALUES (?, ?, ?, ?, ?, 1)",
                [
                    account_id,
                    version,
                    calibration.to_json(),
                    json.dumps(list(summary), ensure_ascii=False),
                    now_ts(),
                ],
            )
            self._db.execute(
                "DELETE FROM calibrations WHERE account_id = ? AND active = 0 AND version <= ?",
                [account_id, version - KEEP_VERSIONS],
            )
            self._audit.record(
                "calibration.saved",
                actor=actor,
                account_id=account_id,
                version=version,
                origin=calibration.origin.value,
                summary=list(summary),
            )
        return version

    def set_thresholds(
        self, account_id: int, review: float, toxic: float, *, actor: str = ""
    ) -> int:
        """A moderator's own thresholds, saved as a new version; stored levels follow at once
        (scores do not change, so no re-scoring is needed)."""
        with self._db.atomic():
            current = self.active(account_id) or Calibration()
            updated = with_thresholds(current, review, toxic)
            version = self.save(account_id, updated, describe_change(current, updated), actor=actor)
            self._db.execute(
                "UPDATE comments SET tox_level = CASE WHEN tox_score >= ? THEN 'toxic' "
                "WHEN tox_score >= ? THEN 'review' ELSE 'ok' END "
                "WHERE account_id = ? AND tox_score IS NOT NULL",
                [updated.toxic, updated.review, account_id],
            )
        return version

    def can_undo(self, account_id: int) -> bool:
        return self.active(account_id) is not None

    def undo(self, account_id: int, *, actor: str = "") -> Calibration | None:
        """Take the active version back. Returns the calibration now in force — the version
        before it, or None when the account is back to the base scorer (also when there was
        nothing to undo: see `can_undo`). The account's newest unreviewed comments are marked
        for re-scoring, which the engine does on its next pass."""
        with self._db.atomic():
            row = self._db.execute(
                "SELECT id, version FROM calibrations WHERE account_id = ? AND active = 1",
                [account_id],
            ).fetchone()
            if row is None:
                return None
            undone_id, undone_version = row
            self._db.execute(
                "UPDATE calibrations SET active = 0, undone_ts = ? WHERE id = ?",
                [now_ts(), undone_id],
            )
            before = self._db.execute(
                "SELECT id, version, data FROM calibrations WHERE account_id = ? AND version < ? "
                "AND undone_ts IS NULL ORDER BY version DESC LIMIT 1",
                [account_id, undone_version],
            ).fetchone()
            restored: Calibration | None = None
            if before is not None:
                self._db.execute("UPDATE calibrations SET active = 1 WHERE id = ?", [before[0]])
                restored = Calibration.from_json(before[2], version=int(before[1]))
            self.mark_for_rescoring(account_id)
            self._audit.record(
                "calibration.undone",
                actor=actor,
                account_id=account_id,
                version=int(undone_version),
                restored=None if restored is None else restored.version,
            )
        return restored

    def mark_for_rescoring(self, account_id: int, limit: int = RESCORE_LIMIT) -> int:
        """Clear the scores of the account's newest unreviewed comments so the engine scores
        them again with the calibration now in force."""
        with self._db.atomic():
            cursor = self._db.execute(
                "UPDATE comments SET tox_level = NULL, tox_score = NULL WHERE id IN ("
                "SELECT id FROM comments WHERE account_id = ? AND local_state = ? "
                "AND tox_level IS NOT NULL ORDER BY id DESC LIMIT ?)",
                [account_id, LocalState.NEW.value, limit],
            )
        return cursor.rowcount

    def history(self, account_id: int, limit: int = 50) -> list[CalibrationRecord]:
        """Versions, newest first."""
        rows = self._db.execute(
            "SELECT version, data, summary, created_ts, active, undone_ts FROM calibrations "
            "WHERE account_id = ? ORDER BY version DESC LIMIT ?",
            [account_id, limit],
        ).fetchall()
        return [
            CalibrationRecord(
                version=int(version),
                calibration=Calibration.from_json(data, version=int(version)),
                summary=tuple(json.loads(summary)),
                created_at=from_ts(float(created)),
                active=bool(active),
                undone=undone is not None,
            )
            for version, data, summary, created, active, undone in rows
        ]

    def last_change_ts(self, account_id: int) -> float:
        """When a version was last saved or undone (0 if never): decisions after it are new."""
        row = self._db.execute(
            "SELECT MAX(MAX(created_ts), COALESCE(MAX(undone_ts), 0)) FROM calibrations "
            "WHERE account_id = ?",
            [account_id],
        ).fetchone()
        return 0.0 if row is None or row[0] is None else float(row[0])
