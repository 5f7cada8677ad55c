"""Saved views: the moderator's named questions ("Toxic, last 24 h, VK") for the sidebar."""

from dataclasses import dataclass

from sqlite_utils import Database

from moderator_app.store.timeutil import now_ts
from moderator_app.store.view_spec import ViewSpec


@dataclass(frozen=True, slots=True)
class SavedView:
    id: int
    name: str
    spec: ViewSpec
    position: int


class SavedViewRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self) -> list[SavedView]:
        rows = self._db.execute(
            "SELECT id, name, filter, position FROM saved_views ORDER BY position, id"
        ).fetchall()
        return [SavedView(int(r[0]), str(r[1]), ViewSpec.from_json(r[2]), int(r[3])) for r in rows]

    def get(self, view_id: int) -> SavedView | None:
        return next((v for v in self.list() if v.id == view_id), None)

    def add(self, name: str, spec: ViewSpec) -> SavedView:
        name = name.strip()
        if not name:
            raise ValueError("a saved view needs a name")
        with self._db.atomic():
            row = self._db.execute("SELECT COALESCE(MAX(position), -1) FROM saved_views").fetchone()
            position = int(row[0]) + 1
            cursor = self._db.execute(
                "INSERT INTO saved_views (name, filter, position, created_ts) VALUES (?, ?, ?, ?)",
                [name, spec.to_json(), position, now_ts()],
            )
        assert cursor.lastrowid is not None
        return SavedView(cursor.lastrowid, name, spec, position)

    def rename(self, view_id: int, name: str) -> bool:
        name = name.strip()
        if not name:
            raise ValueError("a saved view needs a name")
        with self._db.atomic():
            cursor = self._db.execute(
                "UPDATE saved_views SET name = ? WHERE id = ?", [name, view_id]
            )
        return cursor.rowcount == 1

    def update_spec(self, view_id: int, spec: ViewSpec) -> bool:
        with self._db.atomic():
            cursor = self._db.execute(
                "UPDATE saved_views SET filter = ? WHERE id = ?", [spec.to_json(), view_id]
            )
        return cursor.rowcount == 1

    def delete(self, view_id: int) -> bool:
        with self._db.atomic():
            cursor = self._db.execute("DELETE FROM saved_views WHERE id = ?", [view_id])
        return cursor.rowcount == 1
