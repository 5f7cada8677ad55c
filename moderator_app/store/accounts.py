"""Accounts the moderator has connected. Secrets are never stored here (see `secrets`)."""

import json
from typing import Any

from sqlite_utils import Database

from moderator_app.domain import Account, Platform
from moderator_app.store.timeutil import now_ts


class AccountRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, account: Account) -> Account:
        cursor = self._db.execute(
            "INSERT INTO accounts (platform, name, url, settings, poll_interval_s, enabled, "
            "created_ts) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                account.platform.value,
                account.name,
                account.url,
                json.dumps(account.settings, ensure_ascii=False),
                account.poll_interval_s,
                int(account.enabled),
                now_ts(),
            ],
        )
        new_id = cursor.lastrowid
        assert new_id is not None
        stored = self.get(new_id)
        assert stored is not None
        return stored

    def get(self, account_id: int) -> Account | None:
        row = self._db.execute("SELECT * FROM accounts WHERE id = ?", [account_id]).fetchone()
        return None if row is None else self._from_row(row)

    def find(self, name_or_id: str) -> Account | None:
        if name_or_id.isdigit():
            found = self.get(int(name_or_id))
            if found is not None:
                return found
        row = self._db.execute("SELECT * FROM accounts WHERE name = ?", [name_or_id]).fetchone()
        return None if row is None else self._from_row(row)

    def list(self) -> list[Account]:
        rows = self._db.execute("SELECT * FROM accounts ORDER BY id").fetchall()
        return [self._from_row(r) for r in rows]

    def remove(self, account_id: int) -> None:
        """Drops the account with all its comments, actions and cursor (cascading keys)."""
        with self._db.atomic():
            self._db.execute("DELETE FROM accounts WHERE id = ?", [account_id])

    def _from_row(self, row: tuple[Any, ...]) -> Account:
        (account_id, platform, name, url, settings, interval, enabled, _created) = row
        return Account(
            id=int(account_id),
            platform=Platform(platform),
            name=name,
            url=url,
            settings=json.loads(settings or "{}"),
            poll_interval_s=float(interval),
            enabled=bool(enabled),
        )
