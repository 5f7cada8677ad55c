"""How the inbox feels at scale, measured in the real main window, offscreen (not run by pytest).

    PYTHONPATH=. python tests/bench/inbox.py --rows 1000000 [--store PATH] [--rounds 5]

Builds (once, cached by row count) a store of realistic comments, then measures: cold start to
first rows painted (a fresh process: interpreter, imports, store, window), p50/p95 latency of
filter changes, text searches (rare and very common words), sort changes and scroll jumps,
each from the call until the list has painted its new rows (`until_painted`: events processed
as the app's loop would; what the window does next, e.g. showing the first comment, is reported
apart as `reactions_p95_ms`), and
peak RSS. The floor in the same run: a bare QTableView over a trivial million-row model, and
the raw SQL the inbox needs for each step (COUNT + one page of ids + the page's rows).

The inbox counts a large result off the GUI thread and appends its rows when the count
arrives, then finds scroll anchors. After each step the bench waits for that background work
to end (`settled`) before the next step, and reports how long it took from the change
(`settle_p50_ms` / `settle_p95_ms`): the time until the row count is exact and jumps are
anchored, which the moderator sees as "counting…" next to the title. Scroll jumps start once
the view has settled.
The last line printed is one JSON object.
"""

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from moderator_app.domain import LocalState, Platform, ToxicityLevel
from moderator_app.store import CommentFilter, Store
from moderator_app.store.filters import SortOrder
from tests.bench.corpus import END_TS, RARE_WORD

ROOT = Path(__file__).resolve().parents[2]
SEARCHES = (RARE_WORD, "возврат", "доставк", "thanks", "не", "the")


def default_store(rows: int) -> Path:
    return Path(tempfile.gettempdir()) / "moderator-bench" / f"inbox-{rows}.db"


def ensure_store(path: Path, rows: int) -> float:
    """Build the store in a child process (so its memory never counts here); 0 if cached."""
    if path.exists():
        return 0.0
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    code = "import sys; from pathlib import Path; from tests.bench.corpus import build_store; "
    code += "build_store(Path(sys.argv[1]), int(sys.argv[2]))"
    subprocess.run([sys.executable, "-c", code, str(path), str(rows)], check=True, cwd=ROOT)
    return time.perf_counter() - started


def filters(store: Store) -> list[tuple[str, CommentFilter]]:
    author = store.db.execute("SELECT author_name FROM comments WHERE id = 4242").fetchone()[0]
    return [
        ("all", CommentFilter()),
        ("flagged", CommentFilter(min_level=ToxicityLevel.REVIEW)),
        (
            "toxic_unread",
            CommentFilter(min_level=ToxicityLevel.TOXIC, local_states=(LocalState.NEW,)),
        ),
        ("unread", CommentFilter(local_states=(LocalState.NEW,))),
        ("account", CommentFilter(account_id=3)),
        ("account_flagged", CommentFilter(account_id=2, min_level=ToxicityLevel.REVIEW)),
        ("platform", CommentFilter(platform=Platform.VK)),
        ("language", CommentFilter(language="ru")),
        ("last_24h", CommentFilter(since_ts=END_TS - 86_400)),
        ("author", CommentFilter(author_name=author)),
        ("score_range", CommentFilter(score_min=0.4, score_max=0.6)),
    ]


def pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(samples: list[float]) -> dict[str, float]:
    ms = [s * 1000 for s in samples]
    return {
        "p50_ms": round(statistics.median(ms), 1),
        "p95_ms": round(pct(ms, 0.95), 1),
        "max_ms": round(max(ms), 1),
        "n": len(ms),
    }


def until_painted(
    widget: Any, action: Callable[[], object], limit_s: float = 5.0
) -> tuple[float, float]:
    """Run `action`, then process events as the app's event loop would until `widget` has
    painted: seconds until then, and seconds of the window's reactions processed right after
    (the first row selected and its comment shown, a background answer that arrived).

    No forced `repaint()`: a model reset lays the view out again in a zero-timer after it,
    and a paint forced before that was followed by a second full paint the app never makes."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    painted: list[bool] = []

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    watch = Watch()
    widget.installEventFilter(watch)
    try:
        started = time.perf_counter()
        deadline = started + limit_s
        action()
        while not painted and time.perf_counter() < deadline:
            QApplication.processEvents()
        painted_at = time.perf_counter()
        QApplication.processEvents()
        return painted_at - started, time.perf_counter() - painted_at
    finally:
        widget.removeEventFilter(watch)


def settle(window: Any, started: float, limit_s: float = 30.0) -> float:
    """Process events until the inbox's background work for the current view is done;
    seconds since `started`."""
    from PySide6.QtWidgets import QApplication

    while not window.model.settled() or window.reader.busy():
        QApplication.processEvents()
        time.sleep(0.0005)
        if time.perf_counter() - started > limit_s:
            break
    return time.perf_counter() - started


def cold_start_child(store_path: Path, t0: float) -> None:
    """Runs in a fresh interpreter: start to first rows painted, printed as seconds."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from moderator_app.ui.engine_bridge import EngineBridge
    from moderator_app.ui.main_window import MainWindow
    from tests.ui.helpers import FakeEngine

    app = QApplication([])
    store = Store.open(store_path)
    window = MainWindow(store, EngineBridge(FakeEngine()))
    painted: list[float] = []

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(time.time())
            return False

    watch = Watch()
    window.inbox.viewport().installEventFilter(watch)
    window.resize(1400, 860)
    window.show()
    # a paint that fetched rows (the model's cache fills while the viewport paints)
    while not (painted and window.model.cached_count()):
        app.processEvents()
    done = time.time()
    print(json.dumps({"first_rows_s": done - t0, "rows": window.model.rowCount()}))


def floor_view_ms(rows: int) -> dict[str, Any]:
    """A bare QTableView over a trivial model: the cost of Qt itself."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QTableView

    class Trivial(QAbstractTableModel):
        def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else rows

        def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else 6

        def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{index.row()}:{index.column()}"
            return None

        def reset(self) -> None:
            self.beginResetModel()
            self.endResetModel()

    model = Trivial()
    view = QTableView()
    started = time.perf_counter()
    view.setModel(model)
    view.resize(810, 700)
    view.show()
    QApplication.processEvents()
    view.viewport().repaint()
    first = time.perf_counter() - started
    rng = random.Random(3)
    bar = view.verticalScrollBar()

    def jump() -> tuple[float, float]:
        return until_painted(
            view.viewport(), lambda: bar.setValue(rng.randrange(bar.maximum() or 1))
        )

    resets = [until_painted(view.viewport(), model.reset)[0] for _ in range(20)]
    jumps = [jump()[0] for _ in range(20)]
    view.close()
    return {
        "first_paint_ms": round(first * 1000, 1),
        "reset": summary(resets),
        "jump": summary(jumps),
    }


def floor_sql(store: Store, f: CommentFilter, page: int = 100) -> float:
    """The raw SQL one filter change needs: count, a page of ids, that page's rows."""
    started = time.perf_counter()
    store.comments.count(f)
    store.comments.by_ids(store.comments.ids(f, page, 0))
    return time.perf_counter() - started


def measure(store_path: Path, rounds: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from moderator_app.ui.engine_bridge import EngineBridge
    from moderator_app.ui.main_window import MainWindow
    from tests.ui.helpers import FakeEngine

    app = QApplication.instance() or QApplication([])
    store = Store.open(store_path)
    window = MainWindow(store, EngineBridge(FakeEngine()))
    window.resize(1400, 860)
    window.show()
    app.processEvents()
    viewport = window.inbox.viewport()

    def apply(f: CommentFilter) -> tuple[float, float]:
        # What a filter change in the UI calls.
        return until_painted(viewport, lambda: window._apply_filter(f))

    named = filters(store)
    results: dict[str, list[float]] = {"filter": [], "search": [], "sort": [], "scroll": []}
    settled: dict[str, list[float]] = {"filter": [], "search": [], "sort": []}
    reactions: dict[str, list[float]] = {"filter": [], "search": [], "sort": [], "scroll": []}
    per: dict[str, list[float]] = {}
    per_settle: dict[str, list[float]] = {}

    def step(kind: str, name: str, f: CommentFilter) -> None:
        started = time.perf_counter()
        t, after = apply(f)
        reactions[kind].append(after)
        done = settle(window, started)
        results[kind].append(t)
        settled[kind].append(done)
        per.setdefault(f"{kind}:{name}", []).append(t)
        per_settle.setdefault(f"{kind}:{name}", []).append(done)

    floor: dict[str, list[float]] = {"filter": [], "search": [], "sort": []}
    rng = random.Random(5)
    for _ in range(rounds):
        for name, f in named:
            step("filter", name, f)
            floor["filter"].append(floor_sql(store, f))
        for term in SEARCHES:
            f = CommentFilter(search=term)
            step("search", term, f)
            floor["search"].append(floor_sql(store, f))
        for sort in (SortOrder.OLDEST, SortOrder.RISK, SortOrder.NEWEST):
            f = CommentFilter(sort=sort)
            step("sort", sort.value, f)
            floor["sort"].append(floor_sql(store, f))
        window._apply_filter(CommentFilter())
        app.processEvents()
        settle(window, time.perf_counter())
        bar = window.inbox.verticalScrollBar()
        for _ in range(10):
            target = rng.randrange(max(bar.maximum(), 1))

            t, after = until_painted(viewport, partial(bar.setValue, target))
            results["scroll"].append(t)
            reactions["scroll"].append(after)
    view_floor = floor_view_ms(window.model.rowCount())
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out: dict[str, Any] = {name: summary(samples) for name, samples in results.items()}
    out["floor_sql"] = {name: summary(samples) for name, samples in floor.items()}
    out["floor_view"] = view_floor
    out["per_query_p95_ms"] = {k: summary(v)["p95_ms"] for k, v in per.items()}
    out["settle"] = {name: summary(samples) for name, samples in settled.items()}
    out["per_query_settle_p95_ms"] = {k: summary(v)["p95_ms"] for k, v in per_settle.items()}
    out["reactions"] = {name: summary(samples) for name, samples in reactions.items()}
    out["peak_rss_mb"] = round(rss_mb, 1)
    out["rows"] = window.model.rowCount()
    window.close()
    store.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--store", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cold-child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    path = args.store or default_store(args.rows)
    if args.cold_child is not None:
        cold_start_child(path, args.cold_child)
        return
    build_s = ensure_store(path, args.rows)
    colds = []
    for _ in range(3):
        t0 = time.time()
        done = subprocess.run(
            [sys.executable, __file__, "--store", str(path), "--cold-child", str(t0)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        colds.append(json.loads(done.stdout.strip().splitlines()[-1])["first_rows_s"])
    result = measure(path, args.rounds)
    p95 = {k: result[k]["p95_ms"] for k in ("filter", "search", "sort", "scroll")}
    floor_p95 = {
        "filter": result["floor_sql"]["filter"]["p95_ms"] + result["floor_view"]["reset"]["p95_ms"],
        "search": result["floor_sql"]["search"]["p95_ms"] + result["floor_view"]["reset"]["p95_ms"],
        "sort": result["floor_sql"]["sort"]["p95_ms"] + result["floor_view"]["reset"]["p95_ms"],
        "scroll": result["floor_view"]["jump"]["p95_ms"],
    }
    targets = {"first_rows_s": 1.0, "p95_ms": 50.0, "peak_rss_mb": 300.0}
    final = {
        "bench": "inbox",
        "rows": result["rows"],
        "store_build_s": round(build_s, 1),
        "first_rows_painted_s": round(min(colds), 3),
        "first_rows_painted_s_runs": [round(c, 3) for c in colds],
        **{f"{k}_p95_ms": v for k, v in p95.items()},
        **{f"{k}_p50_ms": result[k]["p50_ms"] for k in ("filter", "search", "sort", "scroll")},
        "settle_p50_ms": {k: v["p50_ms"] for k, v in result["settle"].items()},
        "settle_p95_ms": {k: v["p95_ms"] for k, v in result["settle"].items()},
        "peak_rss_mb": result["peak_rss_mb"],
        "floor_p95_ms": floor_p95,
        "ratio_to_floor_p95": {
            k: round(p95[k] / floor_p95[k], 2) if floor_p95[k] else None for k in p95
        },
        "floor_view": result["floor_view"],
        "reactions_p95_ms": {k: v["p95_ms"] for k, v in result["reactions"].items()},
        "per_query_p95_ms": result["per_query_p95_ms"],
        "per_query_settle_p95_ms": result["per_query_settle_p95_ms"],
        "targets": targets,
        "meets": {
            "first_rows": max(colds) <= 1.0,
            "p95": all(v <= 50.0 for v in p95.values()),
            "rss": result["peak_rss_mb"] <= 300.0,
        },
    }
    print(json.dumps(final, ensure_ascii=False))


if __name__ == "__main__":
    main()
