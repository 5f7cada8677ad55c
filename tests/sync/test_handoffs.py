"""The switch interval is shortened while anyone needs prompt handoffs, and restored after
the last of them, whatever order they finish in."""

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from moderator_app.store import Store
from moderator_app.sync import handoffs
from moderator_app.sync.process_writer import ProcessWriter


@pytest.fixture(autouse=True)
def default_interval() -> Iterator[None]:
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.005)
    yield
    sys.setswitchinterval(before)


def test_shortened_while_used_and_restored_after_the_last_user() -> None:
    handoffs.acquire()  # one writer process's pipe
    assert sys.getswitchinterval() == pytest.approx(handoffs.SWITCH_INTERVAL_S)
    handoffs.acquire()  # another one
    handoffs.release()  # the first stops
    assert sys.getswitchinterval() == pytest.approx(handoffs.SWITCH_INTERVAL_S)
    handoffs.release()
    assert sys.getswitchinterval() == pytest.approx(0.005)
    handoffs.release()  # one release too many changes nothing
    assert sys.getswitchinterval() == pytest.approx(0.005)


def test_the_writer_process_holds_it_for_its_lifetime(tmp_path: Path) -> None:
    path = tmp_path / "moderator.db"
    Store.open(path).close()
    with ProcessWriter(path):
        assert sys.getswitchinterval() == pytest.approx(handoffs.SWITCH_INTERVAL_S)
    assert sys.getswitchinterval() == pytest.approx(0.005)
