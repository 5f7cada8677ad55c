"""What the reader thread works out for the inbox (see `background`): how a result looks now
(its size and ids, or where new comments go), the comments the view is about to show, changed
comments read again, and scroll anchors. Each job reads through its own connection and is
stopped when its question no longer matters. Pure Python: no Qt here.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from moderator_app.domain import Comment
from moderator_app.store import CommentFilter
from moderator_app.store.inbox_query import Anchor, CatchUp, InboxQueries, Survey
from moderator_app.ui.inbox_ids import volatile

if TYPE_CHECKING:
    from moderator_app.ui.background import JobContext

Work = Callable[["JobContext"], None]
# The rows' block around what is shown (first row, ids) and the comments there not held yet.
Prefetched = tuple[int, list[int], list[Comment]]
# The result, what the view shows in it, and the changed comments read again (asked, found).
SurveyAnswer = tuple[Survey | CatchUp, Prefetched, tuple[list[int], list[Comment]]]
# Where the rows stood when asked: the newest id they account for, their count, their anchors.
Since = tuple[int, int, tuple[Anchor, ...]]
# New comments placed at their rows up to this many per catch-up; a bigger burst re-lays the
# rows out instead.
MAX_PLACED = 2_000


def survey_job(
    f: CommentFilter,
    *,
    catch_up: Since | None,
    full_limit: int,
    head: int,
    pinned: list[tuple[int, int]],
    block: int,
    first: int,
    shown: int,
    cached: frozenset[int],
    reread: list[int],
) -> Work:
    """New rows placed (a result whose rows never move, `catch_up` given), else the result's
    size, all its ids when few, and where the `pinned` comments (id, row) went; delivers a
    `SurveyAnswer`."""
    located = [cid for cid, _ in pinned]

    def work(ctx: "JobContext") -> None:
        queries = InboxQueries(ctx.store.db, stopped=ctx.stopped)
        with queries.snapshot():
            answer: Survey | CatchUp | None = None
            if catch_up is not None:
                since, count, anchors = catch_up
                answer = queries.catch_up(
                    f,
                    since_id=since,
                    count=count,
                    pinned=pinned,
                    anchors=anchors,
                    limit=MAX_PLACED,
                )
            if answer is None:
                answer = queries.survey(f, full_limit=full_limit, head=head, locate=located)
            prefetched = _prefetch(
                queries, f, answer, block=block, first=first, shown=shown, cached=cached
            )
            fresh = queries.comments(reread) if reread else []
            ctx.deliver((answer, prefetched, (reread, fresh)))

    return work


def reread_job(wanted: list[int]) -> Work:
    """Changed comments read again; delivers (asked, found)."""

    def work(ctx: "JobContext") -> None:
        ctx.deliver((wanted, InboxQueries(ctx.store.db).comments(wanted)))

    return work


def anchors_job(f: CommentFilter, every: int, until: int | None) -> Work:
    """The sort key of every `every`-th row; delivers None when stopped or failed."""

    def work(ctx: "JobContext") -> None:
        anchors: list[Anchor] | None = None
        try:
            queries = InboxQueries(ctx.store.db, stopped=ctx.stopped)
            anchors = queries.anchors(f, every, until_id=until)
        finally:
            ctx.deliver(anchors)

    return work


def _prefetch(
    queries: InboxQueries,
    f: CommentFilter,
    answer: Survey | CatchUp,
    *,
    block: int,
    first: int,
    shown: int,
    cached: frozenset[int],
) -> Prefetched:
    """What the view shows in the layout `answer` describes, read in the background so that
    painting it needs no query: the id blocks around rows first..first+shown (their first
    row, their ids) and the comments there the model does not hold yet."""
    start = first - first % block
    length = (first + shown - start + block - 1) // block * block
    if isinstance(answer, Survey) and answer.ids is not None:
        ids = answer.ids[start : start + length]
    else:
        until = None if volatile(f) else answer.last_id
        anchors = answer.anchors if isinstance(answer, CatchUp) else ()
        ids = queries.rows_at(f, start, length, until_id=until, anchors=anchors)
    shown_ids = ids[first - start : first - start + shown]
    return start, ids, queries.comments([cid for cid in shown_ids if cid not in cached])
