"""The sync cursor and the connector's confirmed knowledge of what the inbox holds."""

from dataclasses import replace

import pytest

from moderator_app.connectors.wordpress.cursor import SyncCursor
from moderator_app.connectors.wordpress.known import KnownComments
from moderator_app.domain import PlatformState
from tests.factories import remote


def test_round_trip() -> None:
    state = SyncCursor(max_id=41, scan_page=3, next_scan_at=1_800_000_123.5, seq=9)
    assert SyncCursor.parse(state.dump()) == state
    assert SyncCursor.parse(None) == SyncCursor()


@pytest.mark.parametrize(
    "cursor",
    [
        "17",
        "not json",
        "[]",
        '{"v":2,"max":1,"scan":null,"next_scan":0,"seq":0}',
        '{"v":1,"max":-1,"scan":null,"next_scan":0,"seq":0}',
        '{"v":1,"max":1,"scan":0,"next_scan":0,"seq":0}',
        '{"v":1,"max":1,"scan":null,"next_scan":"soon","seq":0}',
        '{"v":1,"max":1,"scan":null,"next_scan":0}',
    ],
)
def test_unusable_cursors_start_over(cursor: str, caplog: pytest.LogCaptureFixture) -> None:
    assert SyncCursor.parse(cursor) == SyncCursor()
    assert "unusable cursor" in caplog.text


def test_scan_schedule() -> None:
    state = SyncCursor(max_id=5, next_scan_at=1000.0)
    assert not state.scan_due(999.0)
    assert state.scan_due(1000.0)
    assert state.scan_due(1000.0 - 2 * 86_400)  # the clock went back a long way
    assert not state.scanning(2).scan_due(5000.0)
    assert state.step().seq == 1
    assert state.seen_up_to(3).max_id == 5
    assert state.seen_up_to(8).max_id == 8
    done = state.scanning(4).scan_done(2000.0)
    assert (done.scan_page, done.next_scan_at) == (None, 2000.0)


def test_knowledge_is_adopted_only_with_its_cursor() -> None:
    known = KnownComments()
    a, b = remote(1), remote(2)
    known.resume(None)
    known.stage("c1", [a, b])
    assert known.is_news(a)
    known.resume("c1")  # the engine stored the page
    assert not known.is_news(a)
    assert known.is_news(replace(a, platform_state=PlatformState.HELD))

    known.stage("c2", [replace(a, text="edited")])
    known.resume("c1")  # storing failed: the engine asks again with the old cursor
    assert not known.is_news(a)
    assert known.is_news(replace(a, text="edited"))

    known.resume("from another run")
    assert known.is_news(b)


def test_missing_after_a_watched_scan() -> None:
    known = KnownComments()
    a, b, c = remote(1), remote(2), remote(3)
    known.resume(None)
    known.stage("s1", [a, b, c], seen={"c1", "c2", "c3"}, scan_started=True, scan_finished=True)
    known.resume("s1")
    assert known.missing_after_scan({"c1"}, one_page=True) == [b, c]
    assert known.missing_after_scan({"c1"}, one_page=False) is None  # scan not watched
    known.stage("s2", [], seen={"c1"}, scan_started=True)
    known.resume("s2")
    assert known.missing_after_scan({"c3"}, one_page=False) == [b]
    known.stage("s3", [], gone={"c2"}, seen={"c3"}, scan_finished=True)
    known.resume("s3")
    assert known.missing_after_scan(set(), one_page=False) is None
    assert known.missing_after_scan({"c1", "c3"}, one_page=True) == []
