"""Ordered schema steps. Append new steps at the end; never edit a released one.

Each step runs in its own transaction (sqlite-utils' `Migrations`), and its number is mirrored
into `PRAGMA user_version` so a file written by a newer Moderator is recognised and refused.
"""

from sqlite_utils import Database, Migrations

migrations = Migrations("moderator")


@migrations(name="0001_core")
def _core(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE accounts (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            name TEXT NOT NULL,
            url TEXT NOT NULL DEFAULT '',
            settings TEXT NOT NULL DEFAULT '{}',
            poll_interval_s REAL NOT NULL DEFAULT 30,
            enabled INTEGER NOT NULL DEFAULT 1,
            created_ts REAL NOT NULL
        );
        CREATE TABLE threads (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            remote_id TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            UNIQUE (account_id, remote_id)
        );
        CREATE TABLE comments (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            remote_id TEXT NOT NULL,
            thread_remote_id TEXT NOT NULL,
            parent_remote_id TEXT,
            author_id TEXT NOT NULL DEFAULT '',
            author_name TEXT NOT NULL DEFAULT '',
            author_url TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            created_ts REAL NOT NULL,
            edited_ts REAL,
            permalink TEXT NOT NULL DEFAULT '',
            platform_state TEXT NOT NULL DEFAULT 'visible',
            local_state TEXT NOT NULL DEFAULT 'new',
            by_us INTEGER NOT NULL DEFAULT 0,
            extra TEXT NOT NULL DEFAULT '{}',
            fetched_ts REAL NOT NULL,
            tox_score REAL,
            tox_level TEXT,
            tox_spans TEXT,
            tox_labels TEXT,
            tox_scorer TEXT,
            UNIQUE (account_id, remote_id)
        );
        CREATE INDEX comments_by_time ON comments (created_ts, id);
        CREATE INDEX comments_by_account_time ON comments (account_id, created_ts, id);
        CREATE INDEX comments_by_thread ON comments (account_id, thread_remote_id);
        CREATE INDEX comments_unscored ON comments (id) WHERE tox_level IS NULL;
        CREATE TABLE sync_cursors (
            account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
            cursor TEXT,
            updated_ts REAL NOT NULL
        );
        """
    )


@migrations(name="0002_actions")
def _actions(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
            account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            idempotency_key TEXT NOT NULL UNIQUE,
            status TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT '',
            created_ts REAL NOT NULL,
            next_attempt_ts REAL NOT NULL,
            done_ts REAL,
            remote_result_id TEXT NOT NULL DEFAULT '',
            previous_local_state TEXT NOT NULL DEFAULT 'new'
        );
        CREATE INDEX outbox_due ON outbox (status, next_attempt_ts);
        CREATE INDEX outbox_by_comment ON outbox (comment_id, status);
        CREATE TABLE escalations (
            id INTEGER PRIMARY KEY,
            comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
            status TEXT NOT NULL DEFAULT 'open',
            created_ts REAL NOT NULL,
            created_by TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX escalations_by_comment ON escalations (comment_id);
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            escalation_id INTEGER NOT NULL REFERENCES escalations(id) ON DELETE CASCADE,
            author TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            created_ts REAL NOT NULL
        );
        CREATE INDEX notes_by_escalation ON notes (escalation_id);
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            ts REAL NOT NULL,
            actor TEXT NOT NULL DEFAULT '',
            event TEXT NOT NULL,
            account_id INTEGER,
            comment_id INTEGER,
            detail TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX audit_by_comment ON audit_log (comment_id);
        """
    )


@migrations(name="0003_search")
def _search(db: Database) -> None:
    # External-content FTS5 over comments; sqlite-utils writes the sync triggers.
    db.table("comments").enable_fts(
        ["text", "author_name"],
        fts_version="FTS5",
        create_triggers=True,
        tokenize="unicode61 remove_diacritics 2",
    )


@migrations(name="0004_calibration")
def _calibration(db: Database) -> None:
    # feedback: the latest decision per comment ('toxic' = hidden/deleted/reported, 'ok' =
    # approved while flagged), with the score and level the moderator saw then.
    # calibrations: every version per account, one active; `undone_ts` marks a version the
    # moderator took back, `summary` what it changed against the version before (JSON list).
    # settings: app-wide values as JSON (e.g. the cloud scorers' on/off flags).
    # cloud_checks: a cloud scorer's second opinion on a comment's text (`text_hash`).
    db.executescript(
        """
        CREATE TABLE feedback (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            comment_id INTEGER NOT NULL UNIQUE REFERENCES comments(id) ON DELETE CASCADE,
            label TEXT NOT NULL CHECK (label IN ('toxic', 'ok')),
            shown_score REAL,
            shown_level TEXT,
            actor TEXT NOT NULL DEFAULT '',
            ts REAL NOT NULL
        );
        CREATE INDEX feedback_by_account ON feedback (account_id, ts);
        CREATE TABLE calibrations (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            data TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '[]',
            created_ts REAL NOT NULL,
            active INTEGER NOT NULL DEFAULT 0,
            undone_ts REAL,
            UNIQUE (account_id, version)
        );
        CREATE UNIQUE INDEX calibrations_one_active ON calibrations (account_id) WHERE active = 1;
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE cloud_checks (
            comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
            service TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            score REAL,
            labels TEXT NOT NULL DEFAULT '[]',
            ts REAL NOT NULL,
            PRIMARY KEY (comment_id, service)
        );
        """
    )


@migrations(name="0005_language_and_views")
def _language_and_views(db: Database) -> None:
    # lang: "ru", "en" or "" (unknown), detected at ingest; rows stored before get theirs now.
    # saved_views: the moderator's named filters in the sidebar ("Toxic, last 24 h, VK").
    from moderator_app.store.language import detect_language

    db.executescript(
        """
        ALTER TABLE comments ADD COLUMN lang TEXT NOT NULL DEFAULT '';
        CREATE TABLE saved_views (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            filter TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            created_ts REAL NOT NULL
        );
        """
    )
    rows = db.execute("SELECT id, text FROM comments").fetchall()
    db.conn.executemany(
        "UPDATE comments SET lang = ? WHERE id = ?",
        [(detect_language(text), cid) for cid, text in rows],
    )


@migrations(name="0006_scale")
def _scale(db: Database) -> None:
    # Indexes for a million-comment inbox; each makes one family of inbox queries an index
    # range or a covering scan (no row lookups):
    # - feed: the default view (not our own replies) by time; facet columns ride along so
    #   level/state/account/language filters, COUNT(*) and OFFSET jumps never touch the rows.
    # - account_feed: the same inside one account (sidebar scope).
    # - levels, unread, langs: counts of flagged / unread / one language's rows (sidebar
    #   badges, the "Flagged" view, the language filter).
    # - risk: the Risk sort (its ORDER BY expression, verbatim).
    # - authors: an author's comments across accounts, or within one.
    # - thread_time: a post's comments around one of them, in time order (detail pane).
    # comments_by_account_time and comments_by_thread are superseded. ANALYZE lets the planner
    # choose among them (statistics
    # from a nearly empty table would mislead it more than none).
    db.executescript(
        """
        CREATE INDEX comments_feed
            ON comments (by_us, created_ts, id, tox_level, local_state, account_id, lang);
        CREATE INDEX comments_account_feed
            ON comments (account_id, by_us, created_ts, id, tox_level, local_state, lang);
        CREATE INDEX comments_levels ON comments (by_us, tox_level, local_state, account_id);
        CREATE INDEX comments_unread ON comments (by_us, local_state, account_id, tox_level);
        CREATE INDEX comments_langs ON comments (by_us, lang, tox_level, local_state);
        CREATE INDEX comments_risk ON comments (by_us, COALESCE(tox_score, -1), created_ts, id);
        CREATE INDEX comments_by_author_name ON comments (author_name, created_ts);
        CREATE INDEX comments_by_author ON comments (author_id, created_ts);
        CREATE INDEX comments_thread_time
            ON comments (account_id, thread_remote_id, created_ts, id);
        DROP INDEX comments_by_account_time;
        DROP INDEX comments_by_thread;
        """
    )
    if db.execute("SELECT COUNT(*) FROM comments").fetchone()[0] >= 10_000:
        db.execute("ANALYZE")


@migrations(name="0007_totals")
def _totals(db: Database) -> None:
    # How many comments each account has, ours and theirs, kept by triggers: the unfiltered
    # inbox's row count and the sidebar's totals without counting a million index entries
    # (~40 ms) on every filter change. Rows only ever change account or author side through
    # an UPDATE, so the three triggers see every change.
    # The search index was rewritten on every UPDATE of a comment (a score, a local state, a
    # re-fetch): now only when its text or author name really changes.
    db.executescript(
        """
        CREATE TABLE comment_totals (
            account_id INTEGER NOT NULL,
            by_us INTEGER NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (account_id, by_us)
        ) WITHOUT ROWID;
        INSERT INTO comment_totals (account_id, by_us, n)
            SELECT account_id, by_us, COUNT(*) FROM comments GROUP BY account_id, by_us;
        DROP TRIGGER comments_au;
        CREATE TRIGGER comments_au AFTER UPDATE OF text, author_name ON comments
        WHEN OLD.text IS NOT NEW.text OR OLD.author_name IS NOT NEW.author_name BEGIN
            INSERT INTO comments_fts (comments_fts, rowid, text, author_name)
                VALUES ('delete', OLD.rowid, OLD.text, OLD.author_name);
            INSERT INTO comments_fts (rowid, text, author_name)
                VALUES (NEW.rowid, NEW.text, NEW.author_name);
        END;
        CREATE TRIGGER comment_totals_insert AFTER INSERT ON comments BEGIN
            INSERT OR IGNORE INTO comment_totals (account_id, by_us, n)
                VALUES (NEW.account_id, NEW.by_us, 0);
            UPDATE comment_totals SET n = n + 1
                WHERE account_id = NEW.account_id AND by_us = NEW.by_us;
        END;
        CREATE TRIGGER comment_totals_delete AFTER DELETE ON comments BEGIN
            UPDATE comment_totals SET n = n - 1
                WHERE account_id = OLD.account_id AND by_us = OLD.by_us;
        END;
        CREATE TRIGGER comment_totals_move AFTER UPDATE OF account_id, by_us ON comments
        WHEN OLD.account_id != NEW.account_id OR OLD.by_us != NEW.by_us BEGIN
            UPDATE comment_totals SET n = n - 1
                WHERE account_id = OLD.account_id AND by_us = OLD.by_us;
            INSERT OR IGNORE INTO comment_totals (account_id, by_us, n)
                VALUES (NEW.account_id, NEW.by_us, 0);
            UPDATE comment_totals SET n = n + 1
                WHERE account_id = NEW.account_id AND by_us = NEW.by_us;
        END;
        """
    )


@migrations(name="0008_lean_indexes")
def _lean_indexes(db: Database) -> None:
    # Every index on comments costs each ingested row an insert into its b-tree (~2-6 µs).
    # The inbox no longer counts a result before showing it: counts (and the sidebar's
    # badges) are taken off the GUI thread, so indexes that only made counting fast go:
    # - levels, unread, langs: counts by level / unread state / language;
    # - by_time: the time order with our own replies included (the CLI's listing);
    # - by_author: by platform author id, which no view asks for (names are matched).
    # What stays serves the first rows of a view or its order (see filters.py):
    # feed / account_feed (the time orders, facets alongside), risk, by_author_name,
    # thread_time, unscored (the scoring queue), and
    # - flagged (new): only review/toxic comments, so it costs ingest nothing (new rows are
    #   unscored) and scoring a row only when it is flagged. It finds a sparse moderation
    #   queue ("toxic and unread": 46 of a million) at once, where walking the time order to
    #   meet them takes 60 ms, and counts the sidebar's flagged badges.
    db.executescript(
        """
        DROP INDEX IF EXISTS comments_levels;
        DROP INDEX IF EXISTS comments_unread;
        DROP INDEX IF EXISTS comments_langs;
        DROP INDEX IF EXISTS comments_by_time;
        DROP INDEX IF EXISTS comments_by_author;
        CREATE INDEX comments_flagged
            ON comments (by_us, tox_level, local_state, account_id, created_ts)
            WHERE tox_level IN ('review', 'toxic');
        """
    )
    analyzed = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
    ).fetchone()
    if analyzed is not None:  # statistics for the others: give the new one its own
        db.execute("ANALYZE comments_flagged")


def known_version() -> int:
    return len(migrations._migrations)


def step_names() -> list[str]:
    return [m.name for m in migrations._migrations]
