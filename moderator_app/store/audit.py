"""An append-only record of what the moderator and the engine did, for accountability."""

import json
from typing import Any

from sqlite_utils import Database

from moderator_app.store.timeutil import now_ts


class AuditLog:
    def __init__(self, db: Database) -> None:
        self._db = db

    def record(
        self,
        event: str,
        *,
        actor: str = "",
        account_id: int | None = None,
        comment_id: int | None = None,
        **detail: Any,
    ) -> None:
        """Write one entry. Call inside the caller's transaction; never pass secrets here."""
        self._db.execute(
            "INSERT INTO audit_log (ts, actor, event, account_id, comment_id, detail) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                now_ts(),
                actor,
                event,
                account_id,
                comment_id,
                json.dumps(detail, ensure_ascii=False),
            ],
        )

    def for_comment(self, comment_id: int) -> list[dict[str, Any]]:
        cursor = self._db.execute(
            "SELECT ts, actor, event, detail FROM audit_log WHERE comment_id = ? ORDER BY id",
            [comment_id],
        )
        return [
            {"ts": ts, "actor": actor, "event": event, **json.loads(detail)}
            for ts, actor, event, detail in cursor.fetchall()
        ]
