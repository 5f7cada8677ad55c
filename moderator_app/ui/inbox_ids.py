"""Which comment sits on which inbox row, without holding a million ids.

A small result keeps every id (cheap, and exact diffs on change); a large one keeps only
blocks of ids around what was shown, fetched with LIMIT/OFFSET on a covering index, and asks
SQLite for a row's position when it needs one. Pure Python: no Qt here.
"""

from collections import OrderedDict

from moderator_app.store import CommentFilter
from moderator_app.store.comments import CommentRepository

FULL_LIMIT = 5_000  # up to this many rows the whole id list is held (~1 ms per 1k ids)
MAX_BLOCKS = 64


class IdWindow:
    """The ids of one filter's result, `count` rows long, in `block`-sized pieces."""

    def __init__(
        self, comments: CommentRepository, f: CommentFilter, count: int, block: int
    ) -> None:
        self._comments = comments
        self._filter = f
        self.count = count
        self._block = block
        self._blocks: OrderedDict[int, list[int]] = OrderedDict()

    def id_at(self, row: int) -> int | None:
        if not 0 <= row < self.count:
            return None
        ids = self._load(row // self._block)
        offset = row % self._block
        return ids[offset] if offset < len(ids) else None

    def ids_in(self, first: int, last: int) -> list[int]:
        """The ids of rows first..last (inclusive), in row order."""
        out: list[int] = []
        for block in range(first // self._block, last // self._block + 1):
            start = block * self._block
            ids = self._load(block)
            lo, hi = max(first - start, 0), min(last - start + 1, len(ids))
            out.extend(ids[lo:hi])
        return out

    def row_of(self, comment_id: int) -> int:
        for block, ids in self._blocks.items():
            if comment_id in ids:
                return block * self._block + ids.index(comment_id)
        row = self._comments.position(self._filter, comment_id)
        if not 0 <= row < self.count:
            return -1
        # Hold its block: a row asked for is about to be shown or selected, and a later
        # re-layout must know which comment it showed before the store changed.
        self._load(row // self._block)
        return row

    def known(self) -> dict[int, int]:
        """id -> row for every id held right now (no queries)."""
        return {
            cid: block * self._block + i
            for block, ids in self._blocks.items()
            for i, cid in enumerate(ids)
        }

    def clear(self) -> None:
        self._blocks.clear()

    def _load(self, block: int) -> list[int]:
        ids = self._blocks.get(block)
        if ids is not None:
            self._blocks.move_to_end(block)
            return ids
        # The next block comes along in the same query: a screen of rows usually spans two
        # blocks, and the OFFSET skip (not the rows read) is what a jump deep down costs.
        span = 1 if block + 1 in self._blocks else 2
        both = self._comments.ids(self._filter, self._block * span, block * self._block)
        ids = both[: self._block]
        if span == 2 and len(both) > self._block:
            self._blocks[block + 1] = both[self._block :]
        self._blocks[block] = ids
        while len(self._blocks) > MAX_BLOCKS:
            self._blocks.popitem(last=False)
        return ids


def volatile(f: CommentFilter) -> bool:
    """Whether a changed comment (scored, acted on, edited) can enter, leave or move in this
    result. When not, changes repaint in place and only new comments insert rows."""
    return bool(
        f.min_level is not None
        or f.score_min is not None
        or f.score_max is not None
        or f.local_states
        or f.failed_actions_only
        or f.search.strip()
        or f.sort.value == "risk"
    )
