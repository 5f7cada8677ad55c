"""Which comment sits on which inbox row, without holding a million ids.

A small result keeps every id (cheap, and exact diffs on change); a large one keeps only
blocks of ids around what was shown. A block is read from the nearest scroll anchor (the sort
key of every n-th row, found off the GUI thread) with a short OFFSET; until anchors are known,
with a plain OFFSET on a covering index (~20 ms per 500k rows skipped). A row's position is
asked of SQLite when needed. Pure Python: no Qt here.
"""

import bisect
from collections import OrderedDict
from collections.abc import Callable, Sequence

from moderator_app.store import CommentFilter
from moderator_app.store.inbox_query import Anchor, InboxQueries

FULL_LIMIT = 5_000  # up to this many rows the whole id list is held (~1 ms per 1k ids)
MAX_BLOCKS = 64
ANCHOR_EVERY = 1_000  # rows between scroll anchors (a jump skips fewer than this)


class IdWindow:
    """The ids of one filter's result, `count` rows long, in `block`-sized pieces."""

    def __init__(
        self,
        queries: InboxQueries,
        f: CommentFilter,
        count: int,
        block: int,
        *,
        on_deep_read: Callable[[], None] | None = None,
        anchor_every: int = ANCHOR_EVERY,
    ) -> None:
        self._queries = queries
        self._filter = f
        # Only comments up to this id count (a result whose rows never move: the rows stay
        # exactly those while newer comments wait to be placed); None: all.
        self.until_id: int | None = None
        self.count = count
        self._block = block
        self._blocks: OrderedDict[int, list[int]] = OrderedDict()
        self._pins: dict[int, int] = {}  # row -> id of rows known outside the blocks
        self._known: dict[int, int] | None = None  # id -> row of every id held
        self._anchors: list[Anchor] = []
        self._anchor_rows: list[int] = []
        # Told when a block far down had to be read without anchors (ask for them).
        self._on_deep_read = on_deep_read
        self._anchor_every = anchor_every

    # --- rows -------------------------------------------------------------------------------

    def id_at(self, row: int) -> int | None:
        if not 0 <= row < self.count:
            return None
        pinned = self._pins.get(row)
        if pinned is not None and row // self._block not in self._blocks:
            return pinned
        ids = self._load(row // self._block)
        offset = row % self._block
        return ids[offset] if offset < len(ids) else None

    def peek(self, row: int) -> int | None:
        """The id on `row` if it is held (no query)."""
        ids = self._blocks.get(row // self._block)
        offset = row % self._block
        if ids is not None and offset < len(ids):
            return ids[offset]
        return self._pins.get(row)

    def pin(self, row: int, comment_id: int) -> None:
        """Remember which comment `row` shows (a selected row whose block was dropped when
        rows were inserted above it), until the next change of rows."""
        self._pins[row] = comment_id
        self._known = None

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
        held = self.known().get(comment_id)
        if held is not None:
            return held
        row = self._queries.position(self._filter, comment_id, until_id=self.until_id)
        if not 0 <= row < self.count:
            return -1
        # Hold its block: a row asked for is about to be shown or selected, and a later
        # re-layout must know which comment it showed before the store changed.
        self._load(row // self._block)
        return row

    def known(self) -> dict[int, int]:
        """id -> row for every id held right now (no queries)."""
        if self._known is None:
            known = {cid: row for row, cid in self._pins.items()}
            for block, ids in self._blocks.items():
                start = block * self._block
                known.update((cid, start + i) for i, cid in enumerate(ids))
            self._known = known
        return self._known

    def seed(self, ids: Sequence[int], *, start: int = 0) -> None:
        """Rows from `start` (a block's first row) on, already read: whole blocks only, and
        the last one too if it ends the result."""
        if start % self._block:
            return
        for k in range(0, len(ids), self._block):
            piece = list(ids[k : k + self._block])
            if len(piece) == self._block or start + k + len(piece) >= self.count:
                self._blocks[(start + k) // self._block] = piece
        self._known = None

    def clear(self) -> None:
        self._blocks.clear()
        self._pins.clear()
        self._known = None

    # --- anchors ----------------------------------------------------------------------------

    @property
    def anchors(self) -> list[Anchor]:
        return self._anchors

    def set_anchors(self, anchors: Sequence[Anchor]) -> None:
        self._anchors = list(anchors)
        self._anchor_rows = [a.row for a in self._anchors]

    def drop_anchors(self) -> None:
        self.set_anchors(())

    def _anchor_for(self, row: int) -> Anchor | None:
        k = bisect.bisect_right(self._anchor_rows, row) - 1
        return self._anchors[k] if k >= 0 else None

    # --- reading ----------------------------------------------------------------------------

    def _load(self, block: int) -> list[int]:
        ids = self._blocks.get(block)
        if ids is not None:
            self._blocks.move_to_end(block)
            return ids
        # The next block comes along in the same query: a screen of rows usually spans two.
        span = 1 if block + 1 in self._blocks else 2
        start = block * self._block
        both = self._read(start, self._block * span)
        ids = both[: self._block]
        if span == 2 and len(both) > self._block:
            self._blocks[block + 1] = both[self._block :]
        self._blocks[block] = ids
        while len(self._blocks) > MAX_BLOCKS:
            self._blocks.popitem(last=False)
        self._known = None
        return ids

    def _read(self, start: int, limit: int) -> list[int]:
        anchor = self._anchor_for(start)
        until = self.until_id
        if anchor is not None:
            offset = start - anchor.row
            return self._queries.page(self._filter, limit, offset, start=anchor.key, until_id=until)
        if start >= 2 * self._anchor_every and self._on_deep_read is not None:
            self._on_deep_read()
        return self._queries.page(self._filter, limit, start, until_id=until)

    def read(self, first: int, count: int) -> list[int]:
        """`count` ids from row `first` on, in one query (a long range of a selection)."""
        return self._read(first, count)


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
