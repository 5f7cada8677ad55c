"""Ingest throughput and GUI responsiveness while the engine ingests (not run by pytest).

    PYTHONPATH=. python tests/bench/ingest.py --comments 200000

"From connector payload to stored, searchable rows": sandbox-API JSON pages (bytes, as HTTP
would deliver them) → json.loads → the sandbox connector's parser → `sync_account` →
`store.comments.ingest` (FTS kept by triggers), in fresh stores. Measured in one run:
- comments/s without scoring, and with the engine's scoring (`score_pending`, default scorer);
- the raw sqlite-utils `insert_all` rate of the same rows into a bare table;
- the GUI's worst event-loop stall: a 5 ms QTimer in the GUI thread of the real main window
  while the real Engine (its own thread) ingests and scores the same comments.
The last line printed is one JSON object.
"""

import argparse
import asyncio
import functools
import gc
import json
import marshal
import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx

from moderator_app.connectors.base import Credentials, FetchResult
from moderator_app.connectors.sandbox_payload import parse_event_page
from moderator_app.domain import Account, Capability, Platform
from moderator_app.secrets import SecretStore, use_memory_backend
from moderator_app.store import Store
from moderator_app.store.rows import INGEST_COLUMNS, remote_to_values
from moderator_app.sync.account_sync import sync_account
from moderator_app.sync.checkpointer import Checkpointer
from moderator_app.sync.connectors_pool import ConnectorPool
from moderator_app.sync.page_writer import PageWriter
from moderator_app.sync.process_writer import ProcessWriter
from moderator_app.sync.scoring import score_pending
from moderator_app.sync.throughput_gc import tune_for_throughput
from moderator_app.toxicity.base import Scorer
from tests.bench.corpus import event_pages

ACCOUNTS = 4


class PagedConnector:
    """Serves pre-rendered JSON pages; the cursor is the next page's index."""

    platform = Platform.SANDBOX
    capabilities: frozenset[Capability] = frozenset()

    def __init__(self, pages: list[bytes]) -> None:
        self._pages = pages

    async def fetch_new(self, cursor: str | None) -> FetchResult:
        # A real fetch awaits the network, letting the engine's other tasks run meanwhile
        # (another account's fetch, a finished write's bookkeeping); so does this one.
        await asyncio.sleep(0)
        index = int(cursor or 0)
        if index >= len(self._pages):
            return FetchResult(comments=(), cursor=str(index), more=False)
        page = parse_event_page(json.loads(self._pages[index]), "bench: events")
        more = index + 1 < len(self._pages)
        return FetchResult(comments=page.comments, cursor=str(index + 1), more=more)


def fresh_store(tmp: Path, name: str) -> tuple[Store, list[Account]]:
    store = Store.open(tmp / name)
    accounts = [
        store.accounts.add(Account(Platform.SANDBOX, f"bench {a}", poll_interval_s=0.05))
        for a in range(1, ACCOUNTS + 1)
    ]
    return store, accounts


def secrets_for(accounts: list[Account]) -> SecretStore:
    use_memory_backend()
    secrets = SecretStore()
    for account in accounts:
        secrets.save(account, Credentials(token="bench"))
    return secrets


class PagedFactory:
    """The bench's connectors, one per account. An object, not a closure, so the engine's
    process can be handed it; with `path`, the pages are read from that file in the process
    that uses them (a raid's worth of pages pickled to the engine's process at its start
    would be the bench's own GUI stall, not the app's)."""

    def __init__(self, pages: dict[int, list[bytes]] | None = None, path: Path | None = None):
        self._pages = pages
        self._path = path

    def __call__(
        self, account: Account, _c: Credentials, _client: httpx.AsyncClient, _cb: Any
    ) -> Any:
        assert account.id is not None
        if self._pages is None:
            assert self._path is not None
            self._pages = marshal.loads(self._path.read_bytes())
        return PagedConnector(self._pages[account.id])

    @classmethod
    def via_file(cls, pages: dict[int, list[bytes]], path: Path) -> "PagedFactory":
        path.write_bytes(marshal.dumps(pages))
        return cls(path=path)


async def ingest_all(
    store: Store, accounts: list[Account], pages: dict[int, list[bytes]], writer: PageWriter
) -> tuple[int, float]:
    """The engine's polling path: `sync_account` with the engine's page writer. Returns the
    comments added and the seconds it took, from the first fetch (the engine's HTTP client
    exists before any raid: making one, ~0.3 s, is not timed)."""
    async with httpx.AsyncClient() as client:
        pool = ConnectorPool(secrets_for(accounts), client, PagedFactory(pages))

        async def drain(account: Account) -> int:
            added = 0
            while True:
                outcome = await sync_account(account, store, pool, 0, writer=writer)
                added += len(outcome.added_ids)
                if not outcome.added_ids:
                    return added

        started = time.perf_counter()
        # Like the engine's poll loop: every due account at once.
        added = sum(await asyncio.gather(*(drain(a) for a in accounts)))
        return added, time.perf_counter() - started


def make_scorer(name: str) -> Scorer:
    """The app's default scorer, or the lexicon alone (no trained model)."""
    if name == "lexicon":
        from moderator_app.toxicity.lexicon import LexiconScorer

        return LexiconScorer()
    from moderator_app.toxicity.default import default_scorer

    return default_scorer()


def run_ingest(
    tmp: Path, pages: dict[int, list[bytes]], *, score: bool, scorer_name: str = "default"
) -> dict[str, Any]:
    store, accounts = fresh_store(tmp, f"ingest-{score}.db")
    assert store.path is not None
    scorer = make_scorer(scorer_name) if score else None
    # This process stands for the app's engine process here, collector settings included;
    # the GUI part of the bench that follows gets the window process's defaults back.
    thresholds = gc.get_threshold()
    tune_for_throughput()
    try:
        # The engine's writer process and checkpointer start with the app, before any raid:
        # their start is reported, not timed as ingest.
        begun = time.perf_counter()
        with ProcessWriter(store.path) as writer, Checkpointer(store.path):
            in_process = writer.wait_ready(60)
            writer_start_s = time.perf_counter() - begun
            added, ingest_s = asyncio.run(ingest_all(store, accounts, pages, writer))
        scored = 0
        scoring_started = time.perf_counter()
        if scorer is not None:
            scored = len(asyncio.run(score_pending(store, scorer, max_batches=10**6)))
        total_s = ingest_s + time.perf_counter() - scoring_started
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
    searchable = store.db.execute(
        "SELECT COUNT(*) FROM comments_fts WHERE comments_fts MATCH ?", ['"c1"']
    ).fetchone()[0]
    store.close()
    return {
        "added": added,
        "scored": scored,
        "ingest_s": ingest_s,
        "total_s": total_s,
        "fts_rows_ok": searchable >= 0,
        "writer_in_process": in_process,
        "writer_start_s": round(writer_start_s, 2),
    }


def raw_insert_rate(tmp: Path, pages: dict[int, list[bytes]]) -> float:
    """sqlite-utils insert_all of the same rows (already parsed) into a bare table."""
    from sqlite_utils import Database

    rows: list[dict[str, Any]] = []
    now = time.time()
    for account_id, account_pages in pages.items():
        for page in account_pages:
            parsed = parse_event_page(json.loads(page), "raw")
            rows.extend(
                dict(zip(INGEST_COLUMNS, remote_to_values(account_id, c, now), strict=True))
                for c in parsed.comments
            )
    db = Database(tmp / "raw.db")
    started = time.perf_counter()
    db.table("comments").insert_all(rows, batch_size=1000)
    elapsed = time.perf_counter() - started
    db.close()
    return len(rows) / elapsed


def watch_until_done(path: Path | None, expected: int, done: threading.Event) -> None:
    """Whether every comment is stored and scored, asked off the GUI thread (counting 200k
    rows there would be the benchmark's own stall, not the app's)."""
    assert path is not None
    with Store.open(path) as watcher:
        while not done.wait(0.2):
            stored = watcher.db.execute("SELECT COUNT(*) FROM comments").fetchone()[0]
            unscored = watcher.db.execute(
                "SELECT COUNT(*) FROM comments WHERE tox_level IS NULL"
            ).fetchone()[0]
            if stored >= expected and unscored == 0:
                done.set()


def gui_stall(
    tmp: Path, pages: dict[int, list[bytes]], expected: int, scorer_name: str
) -> dict[str, Any]:
    """The real window and the app's engine (its own process); a 5 ms timer measures the
    GUI thread's longest gap."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from moderator_app.sync.engine_process import EngineProcess
    from moderator_app.ui.engine_bridge import EngineBridge
    from moderator_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    store, accounts = fresh_store(tmp, "gui.db")
    bridge = EngineBridge()
    engine = EngineProcess(
        store.path or tmp / "gui.db",
        secrets=secrets_for(accounts),
        scorer=functools.partial(make_scorer, scorer_name),
        connector_factory=PagedFactory.via_file(pages, tmp / "pages.marshal"),
        on_event=bridge.handle_event,
    )
    bridge.attach(engine)
    window = MainWindow(store, bridge)
    window.resize(1400, 860)
    window.show()
    app.processEvents()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    done = threading.Event()
    watcher = threading.Thread(
        target=watch_until_done, args=(store.path, expected, done), daemon=True
    )
    started = time.perf_counter()
    bridge.start()
    watcher.start()
    done_at = None
    while time.perf_counter() - started < 600:
        app.processEvents()
        time.sleep(0.001)
        if done.is_set():
            done_at = time.perf_counter()
            break
    done.set()
    timer.stop()
    engine.stop()
    rows = window.model.rowCount()
    window.close()
    store.close()
    gaps_ms = sorted(g * 1000 for g in gaps)
    return {
        "max_stall_ms": round(max(gaps_ms) - 5, 1) if gaps_ms else None,
        "p99_gap_ms": round(gaps_ms[int(len(gaps_ms) * 0.99)], 1) if gaps_ms else None,
        "ticks": len(gaps_ms),
        "engine_s": round((done_at or time.perf_counter()) - started, 1),
        "finished": done_at is not None,
        "rows_shown": rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--comments", type=int, default=200_000)
    parser.add_argument("--skip-gui", action="store_true")
    parser.add_argument("--only", choices=("gui",), help="measure only the GUI stall")
    parser.add_argument("--scorer", choices=("default", "lexicon"), default="default")
    args = parser.parse_args()
    pages = event_pages(args.comments, accounts=ACCOUNTS)
    if args.only == "gui":
        with tempfile.TemporaryDirectory() as name:
            stall = gui_stall(Path(name), pages, args.comments, args.scorer)
        print(json.dumps({"bench": "ingest", "comments": args.comments, "gui": stall}))
        return
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        plain = run_ingest(tmp, pages, score=False)
        scored = run_ingest(tmp, pages, score=True, scorer_name=args.scorer)
        raw = raw_insert_rate(tmp, pages)
        gui = None if args.skip_gui else gui_stall(tmp, pages, args.comments, args.scorer)
    result = {
        "bench": "ingest",
        "comments": args.comments,
        "scorer": args.scorer,
        "ingest_per_s": round(plain["added"] / plain["ingest_s"]),
        "ingest_scored_per_s": round(scored["added"] / scored["total_s"]),
        "scoring_only_per_s": round(scored["scored"] / (scored["total_s"] - scored["ingest_s"])),
        "raw_sqlite_utils_insert_per_s": round(raw),
        "ratio_ingest_to_raw": round(plain["added"] / plain["ingest_s"] / raw, 2),
        "writer_in_process": plain["writer_in_process"],
        "writer_start_s": plain["writer_start_s"],
        "gui": gui,
        "targets": {"ingest_per_s": 30_000, "ingest_scored_per_s": 4_000, "max_stall_ms": 50},
    }
    result["meets"] = {
        "ingest": result["ingest_per_s"] >= 30_000,
        "scored": result["ingest_scored_per_s"] >= 4_000,
        "stall": gui is not None and gui["max_stall_ms"] is not None and gui["max_stall_ms"] <= 50,
    }
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
