"""Schema migrations: from an empty file, from each earlier version, with a backup first."""

import sqlite3
from pathlib import Path

import pytest

from moderator_app.domain import Account, Platform
from moderator_app.store import SchemaTooNew, Store
from moderator_app.store.database import connect, migrate, schema_version
from moderator_app.store.migrations import known_version, step_names
from tests.factories import remote


def test_empty_file_gets_the_whole_schema(tmp_path: Path) -> None:
    with Store.open(tmp_path / "m.db") as store:
        tables = set(store.db.table_names())
        assert {
            "accounts",
            "threads",
            "comments",
            "sync_cursors",
            "outbox",
            "escalations",
            "notes",
            "audit_log",
            "comments_fts",
        } <= tables
        assert schema_version(store.db) == known_version()
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize("stop_before", step_names()[1:])
def test_upgrade_from_each_earlier_version_keeps_data(tmp_path: Path, stop_before: str) -> None:
    path = tmp_path / "m.db"
    db = connect(path)
    migrate(db, path, stop_before=stop_before)
    assert 0 < schema_version(db) < known_version()
    db.execute("INSERT INTO accounts (platform, name, created_ts) VALUES ('sandbox', 'old', 0)")
    db.execute(
        "INSERT INTO comments (account_id, remote_id, thread_remote_id, text, created_ts, "
        "fetched_ts) VALUES (1, 'c1', 'p1', 'привет из старой версии', 0, 0)"
    )
    db.close()

    with Store.open(path) as store:
        assert schema_version(store.db) == known_version()
        [comment] = store.comments.by_ids([1])
        assert comment.text == "привет из старой версии"
        # the search index covers rows written before it existed
        from moderator_app.store import CommentFilter

        assert store.comments.ids(CommentFilter(search="старой")) == [1]
    backups = list(tmp_path.glob("m.db.v*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("SELECT COUNT(*) FROM comments").fetchone()[0] == 1


def test_reopening_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with Store.open(path) as store:
        account = store.accounts.add(Account(Platform.SANDBOX, "a"))
        assert account.id is not None
        store.comments.ingest(account.id, [remote(1)], "1")
    with Store.open(path) as store:
        assert store.comments.cursor(1) == "1"
    assert not list(tmp_path.glob("*.bak"))


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    Store.open(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {known_version() + 1}")
    with pytest.raises(SchemaTooNew, match="newer Moderator"):
        Store.open(path)
