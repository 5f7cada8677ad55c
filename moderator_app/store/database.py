"""Opening the SQLite file: pragmas, a backup before migrating, and refusing newer schemas."""

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from moderator_app.store.migrations import known_version, migrations
from moderator_app.store.write_turn import TurnTakingConnection, turn_for

log = logging.getLogger(__name__)

CACHE_KIB = 32 * 1024


class StoreError(Exception):
    """An environment problem with the database file, told calmly to the user."""


class SchemaTooNew(StoreError):
    pass


def connect(path: Path) -> Database:
    """A configured connection. Call once per thread: connections are not shared."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # Autocommit outside explicit transactions: every write goes through `db.atomic()`,
        # so no implicit transaction can swallow a later commit.
        conn = sqlite3.connect(
            str(path), timeout=10.0, isolation_level=None, factory=TurnTakingConnection
        )
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the database {path}: {exc}") from exc
    conn.turn = turn_for(path)
    db = Database(conn)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 10000")
    db.execute("PRAGMA synchronous = NORMAL")
    # 32 MiB of page cache per connection: ingest touches many index pages per batch.
    db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    db.enable_wal()
    # Checkpoints copy the WAL into the database file: tens of milliseconds after a burst of
    # ingest. SQLite runs them inside whichever commit crosses 1,000 pages, often a
    # moderator's one-row write on the GUI thread; here the engine's checkpointer thread
    # runs them (`sync.checkpointer`), and the last connection to close checkpoints the rest.
    db.execute("PRAGMA wal_autocheckpoint = 0")
    return db


def checkpoint(db: Database) -> None:
    """Copy what the WAL holds into the database file, without waiting for readers or
    holding up writers. Cheap when there is little to copy."""
    db.execute("PRAGMA wal_checkpoint(PASSIVE)")


def schema_version(db: Database) -> int:
    row = db.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(db: Database, path: Path | None, *, stop_before: str | None = None) -> None:
    """Bring the schema up to date, backing the file up first when there is data to lose."""
    version = schema_version(db)
    if version > known_version():
        raise SchemaTooNew(
            f"this database was written by a newer Moderator (schema {version}, "
            f"this version knows {known_version()}); please update the app"
        )
    pending = migrations.pending(db)
    if not pending:
        return
    if path is not None and version > 0:
        backup(db, path, version)
    migrations.apply(db, stop_before=stop_before)
    applied = len(migrations.applied(db))
    db.execute(f"PRAGMA user_version = {applied}")


def backup(db: Database, path: Path, version: int) -> Path:
    stamp = datetime.now(tz=UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    with sqlite3.connect(str(target)) as copy:
        db.conn.backup(copy)
    copy.close()
    log.info("backed up %s to %s before migrating", path, target)
    return target
