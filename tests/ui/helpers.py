"""Hand-written fakes and builders for the UI tests (fakes over mocks)."""

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from moderator_app.domain import (
    Attention,
    Author,
    EngineEvent,
    LocalState,
    RemoteComment,
    Span,
    ThreadRef,
    ToxicityLevel,
    ToxicityResult,
)
from moderator_app.store import Store
from moderator_app.ui.background import JobContext
from moderator_app.ui.engine_bridge import OnEvent

BASE = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


class FakeEngine:
    """The engine's public surface, recording what the UI asked of it."""

    def __init__(self, on_event: OnEvent | None = None) -> None:
        self.on_event = on_event
        self.started = 0
        self.stopped = 0
        self.sync_requests: list[int | None] = []
        self.wakes = 0
        self.answers: list[tuple[int, str, str]] = []

    def start(self) -> None:
        self.started += 1

    def stop(self, timeout: float = 5.0) -> None:
        self.stopped += 1

    def sync_now(self, account_id: int | None = None) -> None:
        self.sync_requests.append(account_id)

    def wake_outbox(self) -> None:
        self.wakes += 1

    def answer_attention(self, account_id: int, attention: Attention, answer: str) -> None:
        self.answers.append((account_id, attention.kind, answer))

    def emit_from_thread(self, event: EngineEvent) -> None:
        """Deliver an event the way the real engine does: from another thread."""
        assert self.on_event is not None
        thread = threading.Thread(target=self.on_event, args=(event,))
        thread.start()
        thread.join()


def remote(
    n: int,
    text: str | None = None,
    *,
    author: str | None = None,
    parent: str | None = None,
    post: str = "p1",
) -> RemoteComment:
    return RemoteComment(
        remote_id=f"c{n}",
        thread=ThreadRef(post, f"Post {post}", f"https://example.org/{post}", "The post text"),
        author=Author(f"u{n % 7}", author or f"user{n % 7}"),
        text=text if text is not None else f"comment number {n}",
        created_at=BASE + timedelta(minutes=n),
        permalink=f"https://example.org/{post}#c{n}",
        parent_remote_id=parent,
    )


def ingest(store: Store, account_id: int, comments: Sequence[RemoteComment]) -> list[int]:
    result = store.comments.ingest(account_id, comments, None, advance_cursor=False)
    return list(result.added_ids)


def verdict(score: float, spans: Sequence[tuple[int, int]] = ()) -> ToxicityResult:
    level = (
        ToxicityLevel.TOXIC
        if score >= 0.7
        else ToxicityLevel.REVIEW
        if score >= 0.35
        else ToxicityLevel.OK
    )
    return ToxicityResult(
        score=score,
        level=level,
        spans=tuple(Span(a, b, "insult") for a, b in spans),
        scorer="test",
        labels=("insult",) if spans else (),
    )


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    QTest.keyClick(target, key, modifier)


def state(store: Store, comment_id: int) -> LocalState:
    comment = store.comments.get(comment_id)
    assert comment is not None
    return comment.local_state


def ingest_thread(store: Store, account_id: int, *, elsewhere: bool = False) -> list[int]:
    """A question, two answers and a reply (and with `elsewhere`, two of its authors also
    writing under another post); the ids in that order."""
    comments = [
        remote(0, "the question", author="anna"),
        remote(1, "first answer", author="boris", parent="c0"),
        remote(2, "second answer", author="vera", parent="c0"),
        remote(3, "reply to the first", author="anna", parent="c1"),
    ]
    if elsewhere:
        comments += [
            remote(4, "boris elsewhere", author="boris", post="p2"),
            remote(5, "vera elsewhere", author="vera", post="p2"),
        ]
    return ingest(store, account_id, comments)


@dataclass
class ManualJob:
    key: str
    work: Callable[[JobContext], None]
    done: Callable[[Any], None]


class ManualReader:
    """A `Reader` whose jobs run only when the test says so, in any order: an answer may
    arrive after the question changed (a real reader mostly stops those; the code under test
    must not rely on it). `cancel` is recorded; answers already on their way still arrive."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.jobs: list[ManualJob] = []
        self.cancelled: list[str] = []

    def submit(
        self,
        key: str,
        work: Callable[[JobContext], None],
        done: Callable[[Any], None],
        *,
        priority: int = 0,
        supersede: bool = False,
    ) -> None:
        self.jobs.append(ManualJob(key, work, done))

    def cancel(self, key: str) -> None:
        self.cancelled.append(key)

    def busy(self) -> bool:
        return bool(self.jobs)

    def run(self, job: ManualJob) -> None:
        self.jobs.remove(job)
        job.work(JobContext(self._store, job.done))
