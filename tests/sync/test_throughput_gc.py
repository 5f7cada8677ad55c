"""The engine's processes trade pause length for throughput; the window's process never."""

import gc
from collections.abc import Iterator

import pytest

from moderator_app.sync.throughput_gc import YOUNG_THRESHOLD, tune_for_throughput


@pytest.fixture
def restored() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.set_threshold(*thresholds)
    gc.unfreeze()


@pytest.mark.usefixtures("restored")
def test_what_is_loaded_is_set_aside_and_young_collections_are_rarer() -> None:
    gc.unfreeze()
    older = gc.get_threshold()[1:]
    tune_for_throughput()
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == (YOUNG_THRESHOLD, *older)
