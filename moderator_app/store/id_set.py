"""A set of comment ids as a temporary table, so bulk statements can join against 10,000+ ids
in one SQL statement instead of one round trip per id (or an `IN (...)` past SQLite's limit)."""

from collections.abc import Iterable

from sqlite_utils import Database

TABLE = "temp.bulk_ids"


def fill(db: Database, ids: Iterable[int]) -> str:
    """Replace the connection's id set with `ids`; returns the table name to join against.
    Call inside the caller's transaction: the set lives as long as the connection."""
    db.execute("CREATE TEMP TABLE IF NOT EXISTS bulk_ids (id INTEGER PRIMARY KEY)")
    db.execute(f"DELETE FROM {TABLE}")
    db.conn.executemany(f"INSERT OR IGNORE INTO {TABLE} (id) VALUES (?)", ((i,) for i in ids))
    return TABLE
