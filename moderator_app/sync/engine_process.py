"""The engine in a process of its own, so the window never shares an interpreter with it.

During a raid the engine parses JSON and scores comments almost without pause. In the window's
process that work held the interpreter lock while the window painted: each of the few hundred
Python calls a paint makes queued behind it, and a 10 ms paint took 40-90 ms (the worst GUI
stalls of the ingest benchmark). In a child process the engine has an interpreter of its own,
and the operating system gives the window a core first (the child runs at a lower priority).

The window's process keeps what only it may touch:
- the keyring: the engine asks for credentials, and hands back refreshed ones, by message
  (`RemoteSecrets`); a demo's in-memory keyring works the same, and no secret is written
  anywhere else;
- the network jobs the window runs itself (a sign-in, `submit`): a job is a closure, so it runs
  on a small loop of this process;
- its priority on the database (`store.window_writes`).

Should the child die, it is started again after a pause that grows; the outbox, cursors and
comments are in the database, so nothing is lost (an action caught mid-send is recovered as the
engine starts, as after a crash).
"""

import asyncio
import atexit
import concurrent.futures
import contextlib
import itertools
import logging
import multiprocessing
import os
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnContext
from pathlib import Path
from typing import Any, TypeVar

import httpx

from moderator_app.connectors.base import Credentials
from moderator_app.connectors.http import make_client
from moderator_app.domain import (
    Account,
    AccountStatus,
    AccountStatusChanged,
    Attention,
    EngineEvent,
)
from moderator_app.secrets import SecretStore, SecretsUnavailable
from moderator_app.store import Store
from moderator_app.store.window_writes import WindowWrites
from moderator_app.store.write_turn import FairLock, turn_for
from moderator_app.sync.connectors_pool import ConnectorFactory
from moderator_app.sync.engine import Engine, EventHandler, deliver
from moderator_app.sync.throughput_gc import tune_for_throughput
from moderator_app.toxicity.base import Scorer

log = logging.getLogger(__name__)

T = TypeVar("T")

ENGINE_NICENESS = 5
START_TIMEOUT_S = 60.0
ASK_TIMEOUT_S = 30.0
RESTART_AFTER_S = (1.0, 2.0, 5.0, 15.0, 30.0)
LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"

# What the child may ask of the window's keyring: SecretStore's own methods, nothing else.
SECRET_CALLS = frozenset(
    {
        "check_available",
        "load",
        "save",
        "delete",
        "load_service_key",
        "save_service_key",
        "delete_service_key",
    }
)


@dataclass(frozen=True)
class EngineSpec:
    """What the child builds its engine from. Everything here crosses to the child by pickle:
    functions are module-level (or picklable objects), not closures."""

    db_path: Path
    scorer: Callable[[], Scorer]
    connector_factory: ConnectorFactory | None = None
    client_factory: Callable[[], httpx.AsyncClient] = make_client
    log_level: int = logging.WARNING


class EngineProcess:
    """`sync.engine.Engine`'s controls, for an engine that runs in a child process."""

    def __init__(
        self,
        db_path: Path,
        *,
        secrets: SecretStore,
        scorer: Callable[[], Scorer],
        on_event: EventHandler | None = None,
        connector_factory: ConnectorFactory | None = None,
        client_factory: Callable[[], httpx.AsyncClient] = make_client,
        context: SpawnContext | None = None,
    ) -> None:
        self._spec = EngineSpec(
            Store.file_path(db_path),
            scorer,
            connector_factory,
            client_factory,
            logging.getLogger("moderator_app").getEffectiveLevel(),
        )
        self._secrets = secrets
        self._on_event = on_event
        self._context = context or multiprocessing.get_context("spawn")
        self._window_writes = WindowWrites(self._context)
        turn = turn_for(self._spec.db_path)
        if isinstance(turn, FairLock):
            turn.announce = self._window_writes
        self._jobs = _Jobs(client_factory)
        self._lock = threading.Lock()
        self._send_lock = threading.Lock()
        self._down: Connection | None = None
        self._process: Any = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._ready = threading.Event()
        self._statuses: dict[int, AccountStatus] = {}
        self.restarts = 0
        atexit.register(self._close_pipe)

    # --- controls, from any thread ----------------------------------------------------------

    def start(self) -> None:
        """Start the child and return at once; it opens its store and client by itself."""
        if self._thread is not None:
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self._supervise, name="moderator-engine-link")
        self._thread.start()

    def wait_ready(self, timeout: float = START_TIMEOUT_S) -> bool:
        return self._ready.wait(timeout)

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        self._send(("stop",))
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout + 1.0)
        process = self._process
        if process is not None:
            process.join(timeout)
            if process.is_alive():
                log.warning("the engine process did not stop in %.0f s; ending it", timeout)
                process.kill()
                process.join()
        self._close_pipe()
        self._jobs.close()
        self._ready.clear()

    def sync_now(self, account_id: int | None = None) -> None:
        self._send(("sync", account_id))

    def wake_outbox(self) -> None:
        self._send(("outbox",))

    def answer_attention(self, account_id: int, attention: Attention, answer: str) -> None:
        self._send(("answer", account_id, attention, answer))

    def submit(
        self, job: Callable[[httpx.AsyncClient], Awaitable[T]]
    ) -> "concurrent.futures.Future[T]":
        """Network work the window needs (a sign-in), on a loop of this process."""
        return self._jobs.submit(job)

    def statuses(self) -> dict[int, AccountStatus]:
        with self._lock:
            return dict(self._statuses)

    @property
    def pid(self) -> int | None:
        process = self._process
        return None if process is None else int(process.pid)

    # --- the link to the child, on its own thread ---------------------------------------------

    def _supervise(self) -> None:
        """Run the child, and start it again should it die (not when told to stop)."""
        failures = 0
        while not self._stopping.is_set():
            started = self._spawn()
            ran_well = False
            if started is not None:
                process, up = started
                if self._stopping.is_set():  # told to stop while it was starting
                    self._send(("stop",))
                ran_well = self._serve(up)
                process.join(5.0)
                if self._stopping.is_set():
                    return
                log.error(
                    "the engine process stopped unexpectedly (exit code %s); starting it again",
                    process.exitcode,
                )
                self._ready.clear()
            # A child that ran well starts the pauses over; one that keeps failing waits longer.
            failures = 0 if ran_well else failures + 1
            if self._stopping.wait(RESTART_AFTER_S[min(failures, len(RESTART_AFTER_S) - 1)]):
                return
            self.restarts += 1

    def _spawn(self) -> tuple[Any, Connection] | None:
        # One-way pipes, (reading end, writing end): down to the child, up from it.
        child_reads, we_write = self._context.Pipe(duplex=False)
        we_read, child_writes = self._context.Pipe(duplex=False)
        # Not a daemon: the engine starts a writer process of its own. It still ends with this
        # process: it reads end-of-file on its pipe and stops.
        process = self._context.Process(
            target=run_child,
            args=(self._spec, child_reads, child_writes, self._window_writes),
            name="moderator-engine",
        )
        try:
            process.start()
        except Exception as exc:
            log.error("cannot start the engine process: %s", exc)
            we_write.close()
            we_read.close()
            return None
        finally:
            child_reads.close()  # only the child holds its ends: its death reads as EOF
            child_writes.close()
        with self._send_lock:
            self._process, self._down = process, we_write
        log.info("the engine runs in process %s", process.pid)
        return process, we_read

    def _serve(self, up: Connection) -> bool:
        """Hear the child until its pipe closes; True if it got as far as ready."""
        ready = False
        try:
            while True:
                message = up.recv()
                kind = message[0]
                if kind == "event":
                    self._pass_on(message[1])
                elif kind == "ask":
                    self._answer(message[1], message[2], message[3])
                elif kind == "ready":
                    ready = True
                    self._ready.set()
        except (EOFError, OSError):
            pass
        finally:
            up.close()
        return ready

    def _pass_on(self, event: EngineEvent) -> None:
        if isinstance(event, AccountStatusChanged):
            with self._lock:
                self._statuses[event.status.account_id] = event.status
        deliver(self._on_event, event)

    def _answer(self, ask_id: int, method: str, args: tuple[Any, ...]) -> None:
        try:
            if method not in SECRET_CALLS:
                raise SecretsUnavailable(f"the engine may not ask the keyring for {method!r}")
            value = getattr(self._secrets, method)(*args)
        except SecretsUnavailable as exc:
            self._send(("reply", ask_id, False, str(exc)))
        except Exception as exc:  # the child must hear back, whatever the keyring did
            self._send(("reply", ask_id, False, f"the keyring failed ({type(exc).__name__})"))
        else:
            self._send(("reply", ask_id, True, value))

    def _send(self, message: tuple[Any, ...]) -> None:
        with self._send_lock:
            down = self._down
            if down is None:
                return
            # A child that is gone cannot hear it; the supervisor starts another.
            with contextlib.suppress(OSError, ValueError):
                down.send(message)

    def _close_pipe(self) -> None:
        """The child stops when its pipe closes: at exit too, before multiprocessing waits
        for it."""
        with self._send_lock:
            down, self._down = self._down, None
        if down is not None:
            down.close()


class _Jobs:
    """A loop and HTTP client of the window's process, started on first use."""

    def __init__(self, client_factory: Callable[[], httpx.AsyncClient]) -> None:
        self._client_factory = client_factory
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._client: httpx.AsyncClient | None = None
        self._thread: threading.Thread | None = None

    def submit(
        self, job: Callable[[httpx.AsyncClient], Awaitable[T]]
    ) -> "concurrent.futures.Future[T]":
        loop, client = self._running()
        return asyncio.run_coroutine_threadsafe(_call(job, client), loop)

    def _running(self) -> tuple[asyncio.AbstractEventLoop, httpx.AsyncClient]:
        with self._lock:
            if self._loop is None or self._client is None:
                loop = asyncio.new_event_loop()
                self._thread = threading.Thread(
                    target=loop.run_forever, name="moderator-network-jobs", daemon=True
                )
                self._thread.start()
                self._client = asyncio.run_coroutine_threadsafe(
                    _open(self._client_factory), loop
                ).result()
                self._loop = loop
            return self._loop, self._client

    def close(self) -> None:
        with self._lock:
            loop, client, thread = self._loop, self._client, self._thread
            self._loop = self._client = self._thread = None
        if loop is None or thread is None:
            return
        if client is not None:
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(client.aclose(), loop).result(5.0)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5.0)
        loop.close()


async def _open(client_factory: Callable[[], httpx.AsyncClient]) -> httpx.AsyncClient:
    return client_factory()


async def _call(job: Callable[[httpx.AsyncClient], Awaitable[T]], client: httpx.AsyncClient) -> T:
    return await job(client)


# --- in the child ---------------------------------------------------------------------------


class RemoteSecrets(SecretStore):
    """The window's keyring, asked by message. Calls come from the engine's threads; the
    answers arrive on the child's main thread (`answer`)."""

    def __init__(self, send: Callable[[tuple[Any, ...]], None]) -> None:
        super().__init__()
        self._send = send
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._waiting: dict[int, concurrent.futures.Future[Any]] = {}
        self._closed = False

    def answer(self, ask_id: int, ok: bool, value: Any) -> None:
        with self._lock:
            future = self._waiting.pop(ask_id, None)
        if future is None:
            return
        if ok:
            future.set_result(value)
        else:
            future.set_exception(SecretsUnavailable(str(value)))

    def close(self) -> None:
        with self._lock:
            self._closed = True
            waiting, self._waiting = self._waiting, {}
        for future in waiting.values():
            future.set_exception(SecretsUnavailable("the window closed"))

    def _ask(self, method: str, *args: Any) -> Any:
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        with self._lock:
            if self._closed:
                raise SecretsUnavailable("the window closed")
            ask_id = next(self._ids)
            self._waiting[ask_id] = future
        self._send(("ask", ask_id, method, args))
        try:
            return future.result(ASK_TIMEOUT_S)
        except concurrent.futures.TimeoutError:
            with self._lock:
                self._waiting.pop(ask_id, None)
            raise SecretsUnavailable("the window did not answer for the keyring") from None

    def check_available(self) -> None:
        self._ask("check_available")

    def save(self, account: Account, credentials: Credentials) -> None:
        self._ask("save", account, credentials)

    def load(self, account: Account) -> Credentials | None:
        loaded: Credentials | None = self._ask("load", account)
        return loaded

    def delete(self, account: Account) -> None:
        self._ask("delete", account)

    def save_service_key(self, name: str, key: str) -> None:
        self._ask("save_service_key", name, key)

    def load_service_key(self, name: str) -> str | None:
        value: str | None = self._ask("load_service_key", name)
        return value

    def delete_service_key(self, name: str) -> None:
        self._ask("delete_service_key", name)


def run_child(
    spec: EngineSpec, down: Connection, up: Connection, window_writes: WindowWrites
) -> None:
    """The child's main: run the engine until told to stop or the window's process is gone."""
    from moderator_app.connectors.redact import install_log_redaction

    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(ENGINE_NICENESS)
    logging.basicConfig(level=spec.log_level, format=LOG_FORMAT)
    install_log_redaction()
    turn = turn_for(spec.db_path)
    if isinstance(turn, FairLock):
        turn.defer_to = window_writes
    send_lock = threading.Lock()

    def send(message: tuple[Any, ...]) -> None:
        with send_lock, contextlib.suppress(OSError, ValueError):
            up.send(message)

    secrets = RemoteSecrets(send)
    engine = Engine(
        spec.db_path,
        secrets=secrets,
        scorer=spec.scorer(),
        on_event=lambda event: send(("event", event)),
        **({} if spec.connector_factory is None else {"connector_factory": spec.connector_factory}),
        client_factory=spec.client_factory,
    )
    tune_for_throughput()  # after the engine's warm-up: modules and the model are loaded
    engine.start()

    def say_ready() -> None:
        if engine.wait_ready(START_TIMEOUT_S):
            send(("ready",))

    threading.Thread(target=say_ready, name="moderator-engine-ready", daemon=True).start()
    try:
        while True:
            message = down.recv()
            kind = message[0]
            if kind == "stop":
                break
            if kind == "reply":
                secrets.answer(message[1], message[2], message[3])
            elif kind == "sync":
                engine.sync_now(message[1])
            elif kind == "outbox":
                engine.wake_outbox()
            elif kind == "answer":
                engine.answer_attention(message[1], message[2], message[3])
    except (EOFError, OSError):
        pass  # the window's process is gone
    finally:
        secrets.close()
        engine.stop()
        up.close()
