"""Row changes as runs: what the inbox model tells its views, one step per run."""

import random

from moderator_app.ui.pending_changes import PendingChanges
from moderator_app.ui.row_runs import insertions, removals, runs


def test_runs_of_consecutive_rows() -> None:
    assert runs([]) == []
    assert runs([3, 4, 5, 9, 10, 2]) == [(3, 5), (9, 10), (2, 2)]


def test_removals_go_bottom_up_and_leave_exactly_the_wanted_rows() -> None:
    rng = random.Random(3)
    for _ in range(200):
        ids = rng.sample(range(100), rng.randrange(0, 30))
        wanted = {i for i in ids if rng.random() < 0.5}
        rows = list(ids)
        for first, last in removals(ids, wanted):
            assert all(i not in wanted for i in rows[first : last + 1])
            del rows[first : last + 1]
        assert rows == [i for i in ids if i in wanted]


def test_insertions_turn_the_old_rows_into_the_new_ones() -> None:
    rng = random.Random(5)
    for _ in range(200):
        new_ids = rng.sample(range(100), rng.randrange(0, 30))
        ids = [i for i in new_ids if rng.random() < 0.5]
        rows = list(ids)
        for row, run in insertions(ids, new_ids, set(ids)):
            rows[row:row] = run
        assert rows == new_ids


def test_pending_changes_keep_each_id_once_in_arrival_order_per_account() -> None:
    pending = PendingChanges()
    pending.add(1, [5, 6], [2])
    pending.add(2, [7], [])
    pending.add(1, [6, 8], [2, 3])
    assert pending.take() == [(1, [5, 6, 8], [2, 3]), (2, [7], [])]
    assert pending.take() == []
