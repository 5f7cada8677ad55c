"""Where "next unreviewed" goes: the first comment after the current row that nobody has dealt
with, wrapping to the top. Plain logic over a row accessor, so it needs no Qt to test."""

from collections.abc import Callable

from moderator_app.domain import Comment, LocalState

NEXT_SCAN_ROWS = 2000  # how far "next unreviewed" looks before wrapping to the top


def is_unreviewed(comment: Comment) -> bool:
    return comment.local_state is LocalState.NEW and not comment.remote.by_us


def next_unreviewed_row(
    start: int, count: int, comment_at: Callable[[int], Comment | None], leaving: int
) -> int | None:
    """The row of the next unreviewed comment other than `leaving` (the one on row `start`, or
    -1 when the list no longer shows it), or None when the view has none left."""
    rows: list[int] = [
        *range(start + 1, min(count, start + 1 + NEXT_SCAN_ROWS)),
        *range(max(start, 0)),
    ]
    for row in rows:
        comment = comment_at(row)
        if comment is not None and comment.id != leaving and is_unreviewed(comment):
            return row
    return None
