"""The comments read for inbox rows: a small LRU (a million-row result is never held), the
cells built from each (they go with it), and the ids the store no longer has (a row whose
comment was deleted is not read again on every paint). Pure Python: no Qt here.

The model reads `comments`, `cells` and `gone` directly where it paints: no call per row.
"""

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any

from moderator_app.domain import Comment


class CommentCache:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.comments: OrderedDict[int, Comment] = OrderedDict()
        self.cells: dict[int, dict[int, tuple[Any, ...]]] = {}  # id -> role -> per column
        self.gone: set[int] = set()

    def fetched(self, wanted: Sequence[int], comments: Sequence[Comment]) -> None:
        """Rows read on a cache miss: those `wanted` but not found are gone."""
        for comment in comments:
            self.comments[comment.id] = comment
        self.gone.update(set(wanted) - {c.id for c in comments})
        self._trim()

    def keep(self, comments: Iterable[Comment]) -> None:
        """Comments read in the background for rows about to be shown."""
        for comment in comments:
            self.comments[comment.id] = comment
            self.cells.pop(comment.id, None)
            self.gone.discard(comment.id)
        self._trim()

    def replace(self, wanted: Sequence[int], comments: Sequence[Comment]) -> None:
        """Comments read again: those still held show their new state when repainted."""
        fresh = {c.id: c for c in comments}
        for comment_id in wanted:
            if comment_id not in self.comments:
                continue
            comment = fresh.get(comment_id)
            self.cells.pop(comment_id, None)
            if comment is None:  # deleted meanwhile
                self.comments.pop(comment_id, None)
                self.gone.add(comment_id)
            else:
                self.comments[comment_id] = comment

    def evict(self, ids: Iterable[int]) -> None:
        """Read these again when next shown."""
        for comment_id in ids:
            self.comments.pop(comment_id, None)
            self.cells.pop(comment_id, None)
            self.gone.discard(comment_id)

    def clear(self) -> None:
        self.comments.clear()
        self.cells.clear()
        self.gone.clear()

    def _trim(self) -> None:
        while len(self.comments) > self.limit:
            old, _ = self.comments.popitem(last=False)
            self.cells.pop(old, None)
