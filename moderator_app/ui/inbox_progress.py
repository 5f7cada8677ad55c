"""Bookkeeping of the inbox's background work: what is on its way, and whether an answer
still fits. An answer for an older filter is dropped (`gen`), as is one that no longer fits
the rows (`epoch`, moved by every change of rows). Anchors found are remembered per filter
while the database has not changed. Pure Python: no Qt here.
"""

from dataclasses import dataclass, field

from moderator_app.store import CommentFilter
from moderator_app.store.inbox_query import Anchor

_MEMO_FILTERS = 8


@dataclass(slots=True)
class Progress:
    gen: int = 0  # the question asked: moves with every new filter
    epoch: int = 0  # the rows' layout: moves with every change of rows
    survey_busy: bool = False
    stale: bool = False  # the store changed since the last survey was asked for
    anchors_busy: bool = False
    eager_anchors: bool = False  # a new filter's anchors are wanted once it is counted
    refresh_busy: bool = False
    to_refresh: dict[int, None] = field(default_factory=dict)  # changed comments, in order
    survey_refresh: dict[int, None] = field(default_factory=dict)  # the same, with a survey
    rereading: list[int] = field(default_factory=list)  # those the survey on its way brings

    def new_question(self) -> None:
        """A new filter (or the same asked of a changed store): earlier answers are dropped."""
        self.gen += 1
        self.epoch += 1
        self.survey_busy = self.anchors_busy = self.stale = self.refresh_busy = False
        self.to_refresh.clear()
        self.survey_refresh.clear()

    def idle(self) -> bool:
        return not self.survey_busy and not self.anchors_busy and not self.refresh_busy


class AnchorMemo:
    """Anchors per filter with the stamp they were found under (the database's version and
    the rows' newest id): switching back to a filter needs no new walk."""

    def __init__(self) -> None:
        self._found: dict[CommentFilter, tuple[tuple[object, ...], list[Anchor]]] = {}

    def get(self, f: CommentFilter, stamp: tuple[object, ...]) -> list[Anchor] | None:
        found = self._found.get(f)
        return found[1] if found is not None and found[0] == stamp else None

    def put(self, f: CommentFilter, stamp: tuple[object, ...], anchors: list[Anchor]) -> None:
        if len(self._found) > _MEMO_FILTERS:
            self._found.clear()
        self._found[f] = (stamp, anchors)
