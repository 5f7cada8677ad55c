"""The first rows of a new filter, read on the GUI thread: the moderator sees them at once.

A result whose size triggers keep is exact at once (all its ids when few). Otherwise one short
read of its top within a time budget per plan (`InboxQueries.first_ids`); whether there are
more is left to the background count. Pure Python: no Qt here.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from moderator_app.store import CommentFilter, Store
from moderator_app.store.filters import totals_clause
from moderator_app.store.inbox_query import InboxQueries

# Per plan (walking the order index, then finding the matches); past it, off the GUI thread.
FIRST_BUDGET_S = 0.006


@dataclass(frozen=True, slots=True)
class FirstRows:
    """How a new result starts: `ids` when they are held in full (or, not `exact`, its first
    ones while it is counted), else `count` rows read by blocks, `head` the first ones."""

    count: int
    ids: list[int] | None
    head: Sequence[int] = ()
    exact: bool = True
    loading: bool = False  # not even the first rows are known (the reader will find them)
    last_id: int | None = None  # the newest comment the count accounts for


def first_rows(
    store: Store, queries: InboxQueries, f: CommentFilter, *, head: int, full_limit: int
) -> FirstRows:
    if totals_clause(f) is not None:  # its size is kept by triggers: exact at once
        with queries.snapshot():
            count = store.comments.count(f)
            last_id = queries.last_id()
        if count <= full_limit:
            ids = queries.found(f)
            return FirstRows(len(ids), ids, last_id=last_id)
        return FirstRows(count, None, last_id=last_id)
    first = queries.first_ids(f, head, budget_s=FIRST_BUDGET_S)
    if first is None:  # neither plan found them quickly
        return FirstRows(0, [], exact=False, loading=True)
    if len(first) < head and len(first) <= full_limit:
        return FirstRows(len(first), first)
    if len(first) < head:
        return FirstRows(len(first), None, head=first)
    return FirstRows(len(first), first, exact=False)
