"""Realistic comments in bulk for the scale benchmarks (not run by pytest).

Texts come from the sandbox's own generator (RU/EN, ordinary talk, rudeness, disguised abuse),
pooled and reused with per-row variation; accounts, posts and authors are many, times span a
year and arrive roughly in order (ingest order ≈ time order, with per-account lag), most rows
are scored and read, the newest are unread. Deterministic for a given seed.

`build_store(path, rows)` writes a migrated store straight through SQL (fast, ~1 min per
million); `event_pages(...)` gives sandbox-connector JSON pages for the ingest benchmark.
"""

import json
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from moderator_app.domain import Platform
from moderator_app.sandbox.catalog import COMMUNITIES
from moderator_app.sandbox.generator import CommentGenerator
from moderator_app.store import Store
from moderator_app.store.language import detect_language

ACCOUNTS = 40
POSTS_PER_ACCOUNT = 60
AUTHORS = 30_000
TEXT_POOL = 20_000
YEAR_S = 365 * 24 * 3600.0
END_TS = 1_795_000_000.0  # late 2026
RARE_WORD = "кешбэкомания"  # ~1 row in 10,000 carries it: the "rare term" search
RARE_EVERY = 10_000
PLATFORMS = (Platform.VK, Platform.TELEGRAM, Platform.YOUTUBE, Platform.WORDPRESS)
LEVELS = ((0.55, "ok"), (0.8, "review"), (1.01, "toxic"))


@dataclass(frozen=True, slots=True)
class Row:
    account_id: int
    remote_id: str
    thread_remote_id: str
    thread_title: str
    author_id: str
    author_name: str
    text: str
    created_ts: float


def text_pool(seed: int, size: int = TEXT_POOL) -> list[str]:
    gen = CommentGenerator(seed, COMMUNITIES)
    return [gen.draft(lambda _post: ()).text for _ in range(size)]


def author_names(rng: random.Random, count: int) -> list[str]:
    gen = CommentGenerator(1, COMMUNITIES)
    base = [a.name for a in gen.authors]
    return [f"{rng.choice(base)}{'' if i < len(base) else i}" for i in range(count)]


def rows(count: int, seed: int = 7, accounts: int = ACCOUNTS) -> Iterator[Row]:
    """`count` comments in ingest order, the last one the newest."""
    rng = random.Random(seed)
    texts = text_pool(seed)
    authors = author_names(rng, AUTHORS)
    titles = [p.title for c in COMMUNITIES for p in c.posts]
    start = END_TS - YEAR_S
    step = YEAR_S / max(count, 1)
    for n in range(count):
        account = 1 + min(int(rng.paretovariate(1.2)) - 1, accounts - 1)
        post = rng.randrange(POSTS_PER_ACCOUNT)
        author = rng.randrange(AUTHORS)
        text = rng.choice(texts)
        if n % RARE_EVERY == RARE_EVERY // 2:
            text = f"{text} {RARE_WORD}"
        lag = rng.random() * 600 if rng.random() < 0.9 else rng.random() * 86_400
        yield Row(
            account_id=account,
            remote_id=f"c{n}",
            thread_remote_id=f"p{account}-{post}",
            thread_title=titles[post % len(titles)],
            author_id=f"u{author}",
            author_name=authors[author],
            text=text,
            created_ts=start + n * step - lag,
        )


def _toxicity(rng: random.Random) -> tuple[float, str]:
    score = round(rng.betavariate(1.2, 4.0), 3)
    level = next(name for bound, name in LEVELS if score < bound)
    return score, level


def build_store(path: Path, count: int, seed: int = 7) -> Path:
    """A migrated store at `path` with `count` comments (90% scored, the newest 2% unread)."""
    if path.exists():
        path.unlink()
    store = Store.open(path)
    db = store.db
    now = time.time()
    with db.atomic():
        for a in range(1, ACCOUNTS + 1):
            platform = PLATFORMS[a % len(PLATFORMS)]
            db.execute(
                "INSERT INTO accounts (id, platform, name, created_ts) VALUES (?, ?, ?, ?)",
                [a, platform.value, f"Бренд {a} · {platform.label}", now],
            )
    rng = random.Random(seed + 1)
    unread_from = int(count * 0.98)
    batch: list[tuple[Any, ...]] = []
    threads: set[tuple[int, str, str]] = set()
    sql = (
        "INSERT INTO comments (account_id, remote_id, thread_remote_id, author_id, "
        "author_name, text, created_ts, permalink, local_state, fetched_ts, tox_score, "
        "tox_level, tox_spans, tox_labels, tox_scorer, lang) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    for n, row in enumerate(rows(count, seed)):
        scored = rng.random() < 0.9 or n < unread_from
        score, level = _toxicity(rng) if scored else (None, None)
        state = "new" if n >= unread_from else rng.choice(("reviewed", "reviewed", "hidden"))
        batch.append(
            (
                row.account_id,
                row.remote_id,
                row.thread_remote_id,
                row.author_id,
                row.author_name,
                row.text,
                row.created_ts,
                state,
                now,
                score,
                level,
                None if level is None else "[]",
                None if level is None else "[]",
                None if level is None else "bench",
                detect_language(row.text),
            )
        )
        threads.add((row.account_id, row.thread_remote_id, row.thread_title))
        if len(batch) >= 50_000:
            with db.atomic():
                db.conn.executemany(sql, batch)
            batch.clear()
    with db.atomic():
        if batch:
            db.conn.executemany(sql, batch)
        db.conn.executemany(
            "INSERT OR IGNORE INTO threads (account_id, remote_id, title) VALUES (?, ?, ?)",
            sorted(threads),
        )
    db.execute("ANALYZE")
    store.close()
    return path


def event_pages(
    count: int, page_size: int = 100, seed: int = 11, accounts: int = 4
) -> dict[int, list[bytes]]:
    """Sandbox-connector JSON pages per account (1-based ids), as the HTTP bodies would be."""
    per_account: dict[int, list[dict[str, Any]]] = {a: [] for a in range(1, accounts + 1)}
    for n, row in enumerate(rows(count, seed, accounts)):
        created = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(row.created_ts))
        per_account[row.account_id].append(
            {
                "seq": n + 1,
                "type": "comment.created",
                "comment": {
                    "id": row.remote_id,
                    "community_id": f"a{row.account_id}",
                    "post": {"id": row.thread_remote_id, "title": row.thread_title},
                    "parent_id": None,
                    "author": {"id": row.author_id, "name": row.author_name, "url": ""},
                    "text": row.text,
                    "created_at": created,
                    "edited_at": None,
                    "hidden": False,
                    "permalink": f"https://sandbox.local/{row.remote_id}",
                    "by_moderator": False,
                },
            }
        )
    pages: dict[int, list[bytes]] = {}
    for account, events in per_account.items():
        chunks = [events[i : i + page_size] for i in range(0, len(events), page_size)]
        pages[account] = [
            json.dumps(
                {"events": chunk, "next": chunk[-1]["seq"], "more": i < len(chunks) - 1},
                ensure_ascii=False,
            ).encode()
            for i, chunk in enumerate(chunks)
        ]
    return pages
