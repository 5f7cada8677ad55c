"""Writers in this process take turns on a database file, first come first served.

SQLite lets one connection write at a time; the others wait in its busy handler, which sleeps
in growing steps (up to 100 ms) and can miss a short gap between two transactions of a busy
writer. During a raid the engine commits every few dozen milliseconds, and a moderator's
keypress on the GUI thread waited up to ~230 ms for its one-row UPDATE. Every connection of
the process to the same file shares one FIFO turn instead: a write waits for the transaction in
progress and no longer, and nobody is starved. Other processes (the CLI) still meet SQLite's
own locking and busy timeout.
"""

import sqlite3
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from moderator_app.store.window_writes import WindowWrites

# What takes a turn: transactions and the statements that write. Reads never do (readers do
# not block writers in WAL mode), nor do PRAGMAs that set up a connection, nor checkpoints
# (they work beside the writer). A rare other write (ANALYZE, a PRAGMA that writes) still
# meets SQLite's own lock and busy timeout.
_WRITES = ("BEGIN", "SAVEPOINT", "INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")


class Turn(Protocol):
    """What a connection needs of its file's turn."""

    def acquire(self) -> None: ...

    def release(self) -> None: ...

    def contended(self) -> bool: ...


class FairLock:
    """A lock handed over in the order it was asked for (threading.Lock is not).

    Across processes, the window's goes first (`window_writes`): in the window's process the
    lock `announce`s its writers, in the engine's it `defer_to`s them.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._queue: deque[object] = deque()
        self._held = False
        self._on_contended: Callable[[], None] | None = None
        self.announce: WindowWrites | None = None
        self.defer_to: WindowWrites | None = None

    def acquire(self, on_contended: Callable[[], None] | None = None) -> None:
        """Wait for the turn. `on_contended` is called (on the waiter's thread) whenever
        someone starts waiting while this holder has it: a holder that cannot poll
        `contended` (it writes for another process) hears of it at once."""
        if self.defer_to is not None:
            self.defer_to.wait_done()
        me = object()
        with self._cond:
            if self.announce is not None:
                self.announce.set(True)
            self._queue.append(me)
            while self._held or self._queue[0] is not me:
                if self._on_contended is not None:
                    self._on_contended()
                self._cond.wait()
            self._queue.popleft()
            self._held = True
            self._on_contended = on_contended
            if self._queue and on_contended is not None:
                on_contended()

    def release(self) -> None:
        with self._cond:
            self._held = False
            self._on_contended = None
            if self.announce is not None and not self._queue:
                self.announce.set(False)
            self._cond.notify_all()

    def contended(self) -> bool:
        """Is anyone waiting for the turn (here, or in the window's process)?"""
        return bool(self._queue) or (self.defer_to is not None and self.defer_to.writing)


def begin_read(conn: sqlite3.Connection) -> None:
    """Start a transaction that only reads (a consistent snapshot for several queries): it
    takes no turn, so it never waits for a writer nor holds one up. Should it write after
    all, that statement takes the turn as any other write does."""
    sqlite3.Connection.execute(conn, "BEGIN DEFERRED")


@contextmanager
def read_snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """Several reads that see one state of the database (`begin_read`); inside a
    transaction already, that one."""
    if _in_transaction(conn):
        yield
        return
    begin_read(conn)
    try:
        yield
    finally:
        if _in_transaction(conn):  # not if an interrupted read was rolled back
            conn.execute("ROLLBACK")


def _in_transaction(conn: sqlite3.Connection) -> bool:
    # A function, not the attribute: the statements in between may end the transaction.
    return conn.in_transaction


def let_others_write(conn: sqlite3.Connection) -> bool:
    """`TurnTakingConnection.let_others_write` for any connection (False for a plain one)."""
    return isinstance(conn, TurnTakingConnection) and conn.let_others_write()


_turns: dict[str, Turn] = {}
_turns_guard = threading.Lock()


def turn_for(path: Path) -> Turn:
    key = str(path.resolve())
    with _turns_guard:
        return _turns.setdefault(key, FairLock())


def use_turn(path: Path, turn: Turn) -> None:
    """Make `turn` the one connections to `path` take from now on (a writer process takes
    its parent's turn, lent to it by messages)."""
    with _turns_guard:
        _turns[str(path.resolve())] = turn


class TurnTakingConnection(sqlite3.Connection):
    """A connection that takes the file's turn before it may write and gives it back when
    its transaction (or autocommit statement) is over. Use as `sqlite3.connect(factory=…)`
    and set `turn` right after."""

    turn: Turn | None = None
    _holding = False

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        self._take(sql)
        try:
            return super().execute(sql, parameters)
        finally:
            self._give_back()

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> sqlite3.Cursor:
        self._take(sql)
        try:
            return super().executemany(sql, parameters)
        finally:
            self._give_back()

    def executescript(self, sql_script: str, /) -> sqlite3.Cursor:
        self._take("BEGIN")  # a script may write anything
        try:
            return super().executescript(sql_script)
        finally:
            self._give_back()

    def _take(self, sql: str) -> None:
        if self._holding or self.turn is None:
            return
        if not sql.lstrip()[:9].upper().startswith(_WRITES):
            return
        self.turn.acquire()
        self._holding = True

    def _give_back(self) -> None:
        if self._holding and not self.in_transaction and self.turn is not None:
            self._holding = False
            self.turn.release()

    def let_others_write(self) -> bool:
        """In a long write, between two consistent steps: if another writer is waiting, commit
        what is done, let it write, and carry on in a new transaction. True if it did.
        Only for work whose every prefix may be committed (an idempotent ingest whose
        cursor is written last)."""
        if not (self._holding and self.in_transaction and self.turn and self.turn.contended()):
            return False
        self.execute("COMMIT")
        self.execute("BEGIN")
        return True

    def close(self) -> None:
        try:
            super().close()
        finally:
            if self._holding and self.turn is not None:  # closed mid-transaction
                self._holding = False
                self.turn.release()
