"""The inbox as a lazy table: rows come from SQLite a page at a time into a small LRU cache
(Anki's browser table, in spirit). A small result holds all its ids; a large one (a million
comments) only its size and blocks of ids around what is shown (see `inbox_ids`).

Nothing on the GUI thread counts a large result. A new filter shows its first rows at once
(one short read, `InboxQueries.first_ids`); the background reader then counts the result
(or reads all its ids, when few) and the rows past the first page are appended when the count
arrives: no reset, the selection untouched. Scroll anchors for jumps deep down follow.
Answers for an older filter are dropped (a generation number), as are answers that no
longer fit the rows (an epoch, moved by every change of the rows).

New comments from the engine are placed off the GUI thread too, then spliced in with row
inserts, never a reset, so the moderator's selection and scroll position survive a sync.
Where a change can move rows of a large result (a flagged view while scoring runs), rows are
re-laid out with the selection kept on the same comments.
"""

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from functools import partial
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from moderator_app.domain import Account, Comment, LocalState, PlatformState
from moderator_app.store import CommentFilter, Store
from moderator_app.store.filters import totals_clause
from moderator_app.store.inbox_query import Anchor, CatchUp, InboxQueries, Survey
from moderator_app.ui import theme
from moderator_app.ui.background import BackgroundReader, JobContext, Reader
from moderator_app.ui.display import (
    excerpt,
    full_time,
    level_name,
    local_state_name,
    platform_state_name,
    short_time,
)
from moderator_app.ui.inbox_ids import ANCHOR_EVERY, FULL_LIMIT, IdWindow, volatile
from moderator_app.ui.roles import Column, Role

AnyIndex = QModelIndex | QPersistentModelIndex
# New comments placed at their rows (off the GUI thread) up to this many per catch-up; a
# bigger burst re-lays the rows out instead.
MAX_PLACED = 2_000
# The first rows of a new filter are read on the GUI thread within this budget per plan
# (walking the order index, then finding the matches); past it, off the GUI thread.
FIRST_BUDGET_S = 0.006
_ROOT = QModelIndex()
# Looked up per cell and role while painting (~1,000 calls a screen): built once.
_COLUMNS = tuple(Column)
_COLUMN_COUNT = len(_COLUMNS)
_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
_ALIGN = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_COMMENT = int(Role.COMMENT)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_NO_CELLS: dict[int, tuple[Any, ...]] = {}
# Reader job keys and priorities (the rows first, then anchors; the sidebar's counts last).
_SURVEY, _ANCHORS, _REFRESH = "inbox-rows", "inbox-anchors", "inbox-refresh"


class InboxModel(QAbstractTableModel):
    # The row count became exact, or changed with new comments (the title, "all matching").
    countChanged = Signal()

    def __init__(
        self,
        store: Store,
        parent: QObject | None = None,
        *,
        page_size: int = 100,
        fetch_rows: int = 50,
        cache_pages: int = 6,
        initial_filter: CommentFilter | None = None,
        full_limit: int = FULL_LIMIT,
        reader: Reader | None = None,
        anchor_every: int = ANCHOR_EVERY,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._queries = InboxQueries(store.db)
        # Without a reader of its own the model answers every question at once, on this
        # connection (tests; a store without a file).
        self._reader: Reader = (
            reader if reader is not None else BackgroundReader(store, self, inline=True)
        )
        self._anchor_every = anchor_every
        self._page_size = page_size  # ids are read in blocks of this many rows
        self._fetch_rows = fetch_rows  # comments are read this many rows at a time
        self._first_rows = page_size * 2
        # Room for two fetches at least: a fetch must not push out its own rows.
        self._cache_limit = max(page_size * max(cache_pages, 2), fetch_rows * 2)
        self._full_limit = full_limit
        self._filter = initial_filter or CommentFilter()
        self._ids: list[int] | None = None  # every id (small result), or the first ones
        self._window: IdWindow | None = None  # blocks of ids, when it is large
        self._count = 0
        self._exact = True  # False while the result's size is being counted
        self._loading = False  # not even the first rows are known yet
        self._gen = 0  # the question asked: moves with every new filter
        self._epoch = 0  # the rows' layout: moves with every change of rows
        self._survey_busy = False
        self._stale = False  # the store changed since the last survey was asked for
        self._anchors_busy = False
        self._eager_anchors = False
        self._refresh_busy = False
        self._to_refresh: dict[int, None] = {}  # changed comments to read again, in order
        self._survey_refresh: dict[int, None] = {}  # the same, along with the next survey
        self._rereading: list[int] = []  # those the survey on its way brings
        self._visible = (0, fetch_rows)  # the rows the view painted last: first, how many
        self._last_id: int | None = None  # the newest comment the rows account for
        self._anchor_cache: dict[CommentFilter, tuple[tuple[object, ...], list[Anchor]]] = {}
        self._loaded: tuple[object, ...] = ()
        self._rows: dict[int, int] | None = None  # id -> row, built on demand
        self._cache: OrderedDict[int, Comment] = OrderedDict()
        self._cells: dict[int, dict[int, tuple[Any, ...]]] = {}  # id -> role -> per column
        self._gone: set[int] = set()  # ids the store no longer has
        self._accounts: dict[int, Account] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._muted = QColor(theme.MUTED)
        self._faint = QColor(theme.FAINT)
        # The last row's cells: a painted row asks ~50 times (6 cells, each several roles).
        # Forgotten on every change that can move rows or change comments.
        self._hot: tuple[int, dict[int, tuple[Any, ...]]] | None = None
        self._reload_accounts()
        self._load()
        self._after_load()
        for signal in (
            self.modelAboutToBeReset,
            self.rowsInserted,
            self.rowsRemoved,
            self.layoutChanged,
            self.dataChanged,
        ):
            signal.connect(self._forget_hot)

    # --- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self._count

    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        # Qt's own asks rowCount() and columnCount() first: two more calls into Python for
        # every cell painted.
        if parent.isValid() or not (0 <= row < self._count and 0 <= column < _COLUMN_COUNT):
            return QModelIndex()
        return self.createIndex(row, column)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header_title(Column(section))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cells = self._row_cells(index)
        if cells is None:
            return None
        values = self._tooltips(cells) if role == _TOOLTIP else cells.get(role)
        return None if values is None else values[index.column()]

    def multiData(self, index: AnyIndex, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """Several roles of a cell in one call (how Qt's delegates ask: ~7 roles a cell)."""
        cells = self._row_cells(index)
        # A span is a sequence at run time (its type stubs say less).
        slots: Sequence[QModelRoleData] = (
            [roleDataSpan]
            if isinstance(roleDataSpan, QModelRoleData)
            else cast(Sequence[QModelRoleData], roleDataSpan)
        )
        get = _NO_CELLS.get if cells is None else cells.get
        column = index.column()
        for slot in slots:
            role = slot.role()
            values = self._tooltips(cells) if role == _TOOLTIP and cells else get(role)
            if values is None:
                slot.clearData()
            else:
                slot.setData(values[column])

    def cells(self, index: AnyIndex) -> dict[int, tuple[Any, ...]] | None:
        """Every role's values for the index's row (role -> one value per column): what the
        inbox's delegates paint from, without a call through Qt per role."""
        return self._row_cells(index)

    def _row_cells(self, index: AnyIndex) -> dict[int, tuple[Any, ...]] | None:
        if not index.isValid():
            return None
        row = index.row()
        hot = self._hot
        if hot is not None and hot[0] == row:
            return hot[1]
        if not 0 <= row < self._count:
            return None
        found = self.comment_at(row)
        if found is None:
            return None
        cells = self._cells_of(found)
        self._hot = (row, cells)
        return cells

    # --- reading -----------------------------------------------------------------------------

    @property
    def current_filter(self) -> CommentFilter:
        return self._filter

    @property
    def count_exact(self) -> bool:
        """Whether `rowCount()` is the result's size (else its first rows, while counting)."""
        return self._exact

    @property
    def loading(self) -> bool:
        """True until the first rows of the current filter are known."""
        return self._loading

    def settled(self) -> bool:
        """Nothing about the current result is still being worked out in the background."""
        return (
            self._exact
            and not self._survey_busy
            and not self._anchors_busy
            and not self._refresh_busy
        )

    def anchors(self) -> list[Anchor]:
        return [] if self._window is None else self._window.anchors

    def comment_id_at(self, row: int) -> int | None:
        if self._ids is not None:
            return self._ids[row] if 0 <= row < len(self._ids) else None
        return None if self._window is None else self._window.id_at(row)

    def comment_at(self, row: int) -> Comment | None:
        """The row's comment, fetching its page from SQLite on a cache miss."""
        comment_id = self.comment_id_at(row)
        if comment_id is None:
            return None
        found = self._cache.get(comment_id)
        if found is not None:
            self._cache.move_to_end(comment_id)
            return found
        if comment_id in self._gone:
            return None
        self._fetch_page(row)
        return self._cache.get(comment_id)

    def row_of(self, comment_id: int) -> int:
        """The row showing `comment_id`, or -1. While the result is being counted, a comment
        past the first rows is found by counting now."""
        row = self._row_of(comment_id)
        if row < 0 and not self._exact:
            self.ensure_exact()
            row = self._row_of(comment_id)
        return row

    def ids_in_rows(self, rows: Iterable[int]) -> list[int]:
        """The comment ids on these rows, in row order (bulk actions over a selection; a
        range of a large result is read in one query, not row by row)."""
        wanted = sorted({r for r in rows if 0 <= r < self._count})
        out: list[int] = []
        k = 0
        while k < len(wanted):
            first = k
            while k + 1 < len(wanted) and wanted[k + 1] == wanted[k] + 1:
                k += 1
            out.extend(self._ids_in_range(wanted[first], wanted[k]))
            k += 1
        return out

    def cached_count(self) -> int:
        return len(self._cache)

    # --- changes ------------------------------------------------------------------------------

    def set_filter(self, new_filter: CommentFilter) -> None:
        """A different question: the one place the model resets."""
        self.beginResetModel()
        self._filter = new_filter
        self._load()
        self._rows = None
        self._forget_comments()
        self._reload_accounts()
        self.endResetModel()
        self._after_load()

    def ensure_exact(self) -> None:
        """Count now (on this thread) if the count is still on its way: "select all
        matching" must know exactly what it selects."""
        if self._exact:
            return
        self._cancel_survey()
        survey = self._queries.survey(
            self._filter,
            full_limit=self._full_limit,
            head=self._first_rows,
            locate=self._pinned_ids(),
        )
        self._apply_survey(survey)
        self._after_survey()

    def on_comments_changed(
        self, account_id: int, added: Sequence[int], changed: Sequence[int]
    ) -> None:
        """The engine stored new or changed comments (e.g. scores arrived) for an account."""
        scope = self._filter.account_id
        if scope is not None and scope != account_id:
            return
        if not added and not changed:
            return
        if account_id not in self._accounts:
            self._reload_accounts()
        held = [cid for cid in changed if cid in self._cache]
        for comment_id in changed:
            self._gone.discard(comment_id)
        if added or volatile(self._filter):
            # The rows change: the changed comments come with the new layout (one repaint).
            self._survey_refresh.update(dict.fromkeys(held))
            self._request_survey()
        elif held:
            self._request_refresh(held)

    def refresh_comments(self, comment_ids: Iterable[int]) -> None:
        """Our own action changed these comments: show the new state, keep them in place."""
        ids = list(comment_ids)
        self._evict(ids)
        self._emit_rows_changed(ids)

    def sync_with_store(self) -> None:
        """Catch up with the store without events (after a bulk action; where no engine
        reports changes). A small result is read again at once; a large one in the
        background."""
        self._loaded = ()
        if self._ids is not None and self._exact:
            self._cancel_survey()
            survey = self._queries.survey(
                self._filter, full_limit=self._full_limit, head=self._first_rows, locate=()
            )
            if survey.ids is not None:
                self._apply_survey(survey)
                self._after_survey()
                return
        self._request_survey()

    def refresh_all(self) -> None:
        """Something changed somewhere (no event said what): drop the cache, repaint the rows
        on screen. Rows stay in place; only the visible page is fetched again."""
        self._forget_comments()
        self._reload_accounts()
        if self._count:
            last_column = len(Column) - 1
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, last_column))

    def refresh_times(self) -> None:
        """Relative times ('5 min') age: repaint the time column."""
        self._cells.clear()
        self._hot = None
        if self._count:
            top = self.index(0, Column.TIME)
            bottom = self.index(self._count - 1, Column.TIME)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])

    # --- loading a result -----------------------------------------------------------------------

    def _load(self) -> None:
        """The first rows of the current filter's result, read here; the rest is counted in
        the background (`_after_load`). Asking the same question of an unchanged database
        (the window applying its first filter right after building the model) reuses the
        answer."""
        stamp: tuple[object, ...] = (self._filter, *self._data_stamp())
        if stamp == self._loaded:
            return
        self._loaded = stamp
        self._gen += 1
        self._epoch += 1
        self._reader.cancel(_SURVEY)
        self._reader.cancel(_ANCHORS)
        self._reader.cancel(_REFRESH)
        self._survey_busy = self._anchors_busy = self._stale = self._refresh_busy = False
        self._to_refresh.clear()
        self._survey_refresh.clear()
        self._ids, self._window, self._last_id = None, None, None
        self._exact, self._loading = True, False
        f = self._filter
        if totals_clause(f) is not None:  # its size is kept by triggers: exact at once
            with self._queries.snapshot():
                count = self._store.comments.count(f)
                self._last_id = self._queries.last_id()
            if count <= self._full_limit:
                self._ids = self._queries.found(f)
                self._count = len(self._ids)
            else:
                self._window = self._new_window(count)
                self._count = count
            return
        first = self._queries.first_ids(f, self._first_rows, budget_s=FIRST_BUDGET_S)
        if first is None:  # neither plan found them quickly: the reader will
            self._ids, self._count, self._exact, self._loading = [], 0, False, True
        elif len(first) < self._first_rows and len(first) <= self._full_limit:
            self._ids, self._count = first, len(first)
        elif len(first) < self._first_rows:
            self._window = self._new_window(len(first))
            self._window.seed(first)
            self._count = len(first)
        else:
            self._ids, self._count, self._exact = first, len(first), False

    def _after_load(self) -> None:
        """Count a new filter's result and find its anchors in the background. Later
        re-layouts (new comments in a volatile view) drop anchors; they are found again
        only when a jump deep down needs them (`IdWindow`'s `on_deep_read`)."""
        self._eager_anchors = True
        if not self._exact:
            self._request_survey()
        else:
            self._request_anchors()
        self.countChanged.emit()

    def _data_stamp(self) -> tuple[object, ...]:
        conn = self._store.db.conn
        return (conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes)

    def _new_window(self, count: int) -> IdWindow:
        window = IdWindow(
            self._queries,
            self._filter,
            count,
            self._page_size,
            on_deep_read=self._request_anchors,
            anchor_every=self._anchor_every,
        )
        window.until_id = self._until_id()
        return window

    def _until_id(self) -> int | None:
        """The newest comment the rows account for, where newer ones can only add rows
        (they are placed by a catch-up): every read of the rows stops there."""
        return None if volatile(self._filter) else self._last_id

    def _set_last_id(self, last_id: int | None) -> None:
        self._last_id = last_id
        if self._window is not None:
            self._window.until_id = self._until_id()

    # --- background answers ---------------------------------------------------------------------

    def _request_survey(self) -> None:
        """Ask the reader how the result looks now: new rows placed (a result whose rows never
        move), else its size, all its ids when few, and where the pinned comments went."""
        if self._survey_busy:
            self._stale = True
            return
        self._survey_busy, self._stale = True, False
        f, gen, epoch = self._filter, self._gen, self._epoch
        full_limit, head = self._full_limit, self._first_rows
        pinned = self._pinned_rows()
        located = [cid for cid, _ in pinned]
        catch_up: tuple[int, int, tuple[Anchor, ...]] | None = None
        window, last_id = self._window, self._last_id
        if window is not None and self._exact and last_id is not None and not volatile(f):
            catch_up = (last_id, self._count, tuple(window.anchors))
        first, shown = self._visible
        cached = frozenset(self._cache)
        block = self._page_size
        reread = list(self._survey_refresh)
        self._survey_refresh.clear()
        self._rereading = reread

        def work(ctx: JobContext) -> None:
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

        self._reader.submit(_SURVEY, work, partial(self._on_survey, gen, epoch), priority=2)

    def _on_survey(
        self,
        gen: int,
        epoch: int,
        answer: tuple[
            Survey | CatchUp,
            tuple[int, list[int], list[Comment]],
            tuple[list[int], list[Comment]],
        ],
    ) -> None:
        if gen != self._gen:
            return
        self._survey_busy = False
        result, (start, ids, comments), (reread, fresh) = answer
        self._replace_comments(reread, fresh)
        if epoch != self._epoch:  # the rows changed meanwhile: ask again
            self._stale = True
        else:
            self._keep(comments)
            if isinstance(result, CatchUp):
                self._apply_catch_up(result)
            else:
                self._apply_survey(result)
            if self._window is not None:
                self._window.seed(ids, start=start)
        self._emit_rows_changed(reread)
        self._after_survey()

    def _cancel_survey(self) -> None:
        """Stop the survey on its way (the rows are read here instead); the changed comments
        it was to bring are read on their own."""
        self._reader.cancel(_SURVEY)
        if self._survey_busy and self._rereading:
            self._request_refresh(self._rereading)
        self._survey_busy = False
        self._rereading = []

    def note_visible(self, first: int, last: int) -> None:
        """The view painted rows first..last: their comments are read along with the next
        change of rows, off the GUI thread."""
        if first >= 0 and last >= first:
            self._visible = (first, max(last - first + 1, self._fetch_rows))

    def _keep(self, comments: Iterable[Comment]) -> None:
        """Comments read in the background for rows about to be shown."""
        for comment in comments:
            self._cache[comment.id] = comment
            self._cells.pop(comment.id, None)
            self._gone.discard(comment.id)
        self._hot = None
        while len(self._cache) > self._cache_limit:
            old, _ = self._cache.popitem(last=False)
            self._cells.pop(old, None)

    def _request_refresh(self, ids: Iterable[int]) -> None:
        """Read changed comments again in the background; the rows repaint when they come.
        Until then they show what they showed (a score arriving a moment later)."""
        self._to_refresh.update(dict.fromkeys(ids))
        if self._refresh_busy or not self._to_refresh:
            return
        wanted = list(self._to_refresh)
        self._to_refresh.clear()
        self._refresh_busy = True

        def work(ctx: JobContext) -> None:
            ctx.deliver((wanted, InboxQueries(ctx.store.db).comments(wanted)))

        self._reader.submit(_REFRESH, work, partial(self._on_refresh, self._gen), priority=2)

    def _on_refresh(self, gen: int, answer: tuple[list[int], list[Comment]]) -> None:
        if gen != self._gen:
            return
        self._refresh_busy = False
        wanted, comments = answer
        self._replace_comments(wanted, comments)
        self._emit_rows_changed(wanted)
        self._request_refresh(())

    def _replace_comments(self, wanted: Sequence[int], comments: Sequence[Comment]) -> None:
        """Comments read again: those still held show their new state when repainted."""
        fresh = {c.id: c for c in comments}
        for comment_id in wanted:
            if comment_id not in self._cache:
                continue
            comment = fresh.get(comment_id)
            self._cells.pop(comment_id, None)
            if comment is None:  # deleted meanwhile
                self._cache.pop(comment_id, None)
                self._gone.add(comment_id)
            else:
                self._cache[comment_id] = comment
        self._hot = None

    def _after_survey(self) -> None:
        if self._stale:
            self._request_survey()
        elif self._eager_anchors:  # the count of a new filter arrived: its anchors next
            self._request_anchors()

    def _request_anchors(self) -> None:
        window = self._window
        if window is None or window.anchors or self._anchors_busy or not self._exact:
            return
        self._eager_anchors = False
        f, gen, epoch, until = self._filter, self._gen, self._epoch, window.until_id
        every = self._anchor_every
        stamp = (*self._data_stamp(), until)
        cached = self._anchor_cache.get(f)
        if cached is not None and cached[0] == stamp:
            window.set_anchors(cached[1])
            return
        self._anchors_busy = True

        def work(ctx: JobContext) -> None:
            anchors: list[Anchor] | None = None
            try:
                queries = InboxQueries(ctx.store.db, stopped=ctx.stopped)
                anchors = queries.anchors(f, every, until_id=until)
            finally:
                ctx.deliver(anchors)

        done = partial(self._on_anchors, gen, epoch, stamp)
        self._reader.submit(_ANCHORS, work, done, priority=1)

    def _on_anchors(
        self, gen: int, epoch: int, stamp: tuple[object, ...], anchors: list[Anchor] | None
    ) -> None:
        """Anchors fit the rows if nothing moved them since they were asked for (a result
        whose rows never move is read up to the same comment as the rows)."""
        if gen != self._gen:
            return
        self._anchors_busy = False
        window = self._window
        if anchors is None or window is None or epoch != self._epoch:
            return
        window.set_anchors(anchors)
        if len(self._anchor_cache) > 8:
            self._anchor_cache.clear()
        self._anchor_cache[self._filter] = (stamp, anchors)

    def _apply_catch_up(self, caught: CatchUp) -> None:
        """New comments in a large result whose other rows cannot move: one insert per run
        of adjacent new rows, at the rows the reader found for them; or, for new rows all
        over the order, a re-layout with the selection and the anchors moved down past the
        new rows before them."""
        window = self._window
        assert window is not None
        self._set_last_id(caught.last_id)
        if caught.placed is None:
            self._relayout(caught.count, positions=caught.positions)
            if self._window is not None:
                self._window.set_anchors(caught.anchors)
            self._epoch += 1
            self.countChanged.emit()
            return
        if not caught.placed:
            return
        self._loaded = ()
        # Blocks are cut at fixed rows: inserts shift them, so they go; the rows Qt keeps
        # track of (selection, current row) move with the inserts and keep their comments.
        kept = [
            (QPersistentModelIndex(index), window.peek(index.row()))
            for index in self.persistentIndexList()
        ]
        window.clear()
        rows = [row for row, _ in caught.placed]
        k = 0
        while k < len(rows):
            first = k
            while k + 1 < len(rows) and rows[k + 1] == rows[k] + 1:
                k += 1
            start = min(rows[first], self._count)
            size = k - first + 1
            self.beginInsertRows(_ROOT, start, start + size - 1)
            self._count += size
            window.count = self._count
            self.endInsertRows()
            k += 1
        window.set_anchors(caught.anchors)
        for index, comment_id in kept:
            if comment_id is not None and index.isValid():
                window.pin(index.row(), comment_id)
        self._epoch += 1
        self.countChanged.emit()

    def _apply_survey(self, survey: Survey) -> None:
        self._last_id = survey.last_id  # a new window reads up to it
        if survey.ids is not None:
            if self._window is not None:
                self._relayout(survey.count, ids=survey.ids)
            else:
                self._exact, self._loading = True, False
                self._apply_ids(survey.ids)
        elif self._window is None and self._ids is not None and self._head_holds(survey):
            self._append_rows(survey)
        else:
            self._relayout(survey.count, head=survey.head, positions=survey.positions)
        self._exact, self._loading = True, False
        self._set_last_id(survey.last_id)
        self._loaded = ()
        self._epoch += 1
        self.countChanged.emit()

    def _head_holds(self, survey: Survey) -> bool:
        """The first rows shown while counting are still the result's first rows."""
        assert self._ids is not None
        return survey.head[: len(self._ids)] == self._ids

    def _append_rows(self, survey: Survey) -> None:
        """The count arrived: the rows past the first ones are appended (no reset; the
        selection stays where it is)."""
        assert self._ids is not None
        window = self._new_window(len(self._ids))
        window.seed(survey.head)
        self._ids, self._window, self._rows = None, window, None
        if survey.count > self._count:
            self.beginInsertRows(_ROOT, self._count, survey.count - 1)
            self._count = window.count = survey.count
            self.endInsertRows()
        self._exact, self._loading = True, False

    # --- internals ---------------------------------------------------------------------------

    def _row_of(self, comment_id: int) -> int:
        if self._ids is None:
            return -1 if self._window is None else self._window.row_of(comment_id)
        if self._rows is None:
            self._rows = {cid: row for row, cid in enumerate(self._ids)}
        return self._rows.get(comment_id, -1)

    def _pinned_ids(self) -> list[int]:
        """The comments on rows Qt keeps track of (selection, current row)."""
        return [cid for cid, _ in self._pinned_rows()]

    def _pinned_rows(self) -> list[tuple[int, int]]:
        """(comment id, row) of the rows Qt keeps track of (selection, current row)."""
        out: dict[int, int] = {}
        for index in self.persistentIndexList():
            row = index.row()
            cid = self._known_id_at(row)
            if cid is not None:
                out[cid] = row
        return list(out.items())

    def _known_id_at(self, row: int) -> int | None:
        """The id on `row`, read from SQLite only if not held."""
        if self._window is not None:
            held = self._window.peek(row)
            if held is not None:
                return held
        return self.comment_id_at(row)

    def _ids_in_range(self, first: int, last: int) -> list[int]:
        if self._ids is not None:
            return self._ids[first : last + 1]
        if self._window is None:
            return []
        if last - first < self._page_size * 4:
            return self._window.ids_in(first, last)
        return self._window.read(first, last - first + 1)

    def _fetch_page(self, row: int) -> None:
        # From the row asked for on (a view paints top down): a screen's worth and some, not a
        # whole block (turning rows into comments is most of a page fetch's cost).
        start = row
        last = min(start + self._fetch_rows, self._count) - 1
        wanted = [cid for cid in self._ids_in_range(start, last) if cid not in self._cache]
        fetched = self._store.comments.by_ids(wanted)
        for comment in fetched:
            self._cache[comment.id] = comment
        self._gone.update(set(wanted) - {c.id for c in fetched})
        while len(self._cache) > self._cache_limit:
            old, _ = self._cache.popitem(last=False)
            self._cells.pop(old, None)

    def _relayout(
        self,
        new: int,
        *,
        ids: list[int] | None = None,
        head: Sequence[int] = (),
        positions: dict[int, int] | None = None,
    ) -> None:
        """Re-lay the rows out as the store has them now (`ids` for a small result, else
        its size, first ids and where the pinned comments went). The row count changes at
        the end of the table, then a layout change moves every persistent index (selection,
        current row) to the row its comment has now, or drops it if the comment left."""
        persistent = self.persistentIndexList()
        pinned = [self._known_id_at(index.row()) for index in persistent]
        old = self._count
        if new > old:
            self.beginInsertRows(_ROOT, old, new - 1)
            self._count = new
            if self._window is not None:
                self._window.count = new
            self.endInsertRows()
        self.layoutAboutToBeChanged.emit()
        if ids is not None:
            self._ids, self._window = ids, None
        else:
            self._ids = None
            self._window = self._new_window(new)
            self._window.seed(head)
        self._rows = None
        known = positions or {}
        moved = [
            -1 if cid is None else known[cid] if cid in known else self._row_of(cid)
            for cid in pinned
        ]
        if self._window is not None:  # selected rows far down: no need to read them again
            for row, cid in zip(moved, pinned, strict=True):
                if cid is not None and 0 <= row < new:
                    self._window.pin(row, cid)
        self.changePersistentIndexList(
            persistent,
            [
                self.index(row, index.column()) if 0 <= row < new else QModelIndex()
                for row, index in zip(moved, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()
        if new < old:
            self.beginRemoveRows(_ROOT, new, old - 1)
            self._count = new
            self.endRemoveRows()
        self._count = new

    def _forget_hot(self, *_: object) -> None:
        self._hot = None

    def _forget_comments(self) -> None:
        self._cache.clear()
        self._cells.clear()
        self._gone.clear()
        self._hot = None

    def _evict(self, ids: Iterable[int]) -> None:
        self._hot = None
        for comment_id in ids:
            self._cache.pop(comment_id, None)
            self._cells.pop(comment_id, None)
            self._gone.discard(comment_id)

    def _emit_rows_changed(self, ids: Iterable[int]) -> None:
        """Repaint the rows of changed comments. In a large result only rows whose ids are
        held can be on screen; the others are read fresh when shown (a scoring pass reports
        thousands of ids: one position query each would freeze the window)."""
        last_column = len(Column) - 1
        held = None if self._window is None else self._window.known()
        for comment_id in ids:
            row = self._row_of(comment_id) if held is None else held.get(comment_id, -1)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))

    def _apply_ids(self, new_ids: list[int]) -> None:
        """Turn the current id list into `new_ids` with removes, a reorder and inserts."""
        wanted = set(new_ids)
        self._remove_missing(wanted)
        present = set(self._full())
        survivors = [cid for cid in new_ids if cid in present]
        if survivors != self._full():
            self._reorder(survivors)
        self._insert_new(new_ids, present)

    def _full(self) -> list[int]:
        assert self._ids is not None
        return self._ids

    def _remove_missing(self, wanted: set[int]) -> None:
        ids = self._full()
        row = len(ids) - 1
        while row >= 0:
            if ids[row] in wanted:
                row -= 1
                continue
            first = row
            while first > 0 and ids[first - 1] not in wanted:
                first -= 1
            self.beginRemoveRows(_ROOT, first, row)
            del ids[first : row + 1]
            self._count = len(ids)
            self._rows = None
            self.endRemoveRows()
            row = first - 1

    def _reorder(self, ordered: list[int]) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = self._full()
        moved_ids = [ids[index.row()] for index in persistent]
        self._ids = ordered
        self._rows = None
        self.changePersistentIndexList(
            persistent,
            [
                self.index(self._row_of(cid), index.column())
                for cid, index in zip(moved_ids, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _insert_new(self, new_ids: list[int], present: set[int]) -> None:
        ids = self._full()
        position = 0
        k = 0
        while k < len(new_ids):
            if position < len(ids) and ids[position] == new_ids[k]:
                position += 1
                k += 1
                continue
            start = k
            while k < len(new_ids) and new_ids[k] not in present:
                k += 1
            run = new_ids[start:k]
            self.beginInsertRows(_ROOT, position, position + len(run) - 1)
            ids[position:position] = run
            self._count = len(ids)
            self._rows = None
            self.endInsertRows()
            position += len(run)

    def _cells_of(self, comment: Comment) -> dict[int, tuple[Any, ...]]:
        """Every role's value for the comment's row, worked out once per comment (painting a
        screen asks ~1,000 times)."""
        cells = self._cells.get(comment.id)
        if cells is not None:
            return cells
        account = self._account(comment.account_id)
        row: dict[int, object] = {  # the same in every column
            Role.COMMENT: comment,
            Role.COMMENT_ID: comment.id,
            Role.TOXICITY: comment.toxicity,
            Role.LEVEL: None if comment.toxicity is None else comment.toxicity.level,
            Role.LOCAL_STATE: comment.local_state,
            Role.PENDING: comment.pending_actions,
            Role.FAILED: comment.failed_actions,
            Role.PLATFORM_STATE: comment.remote.platform_state,
            Role.PLATFORM: None if account is None else account.platform,
            Role.FADED: self._faded(comment),
        }
        cells = {
            _DISPLAY: tuple(self._display(comment, column) for column in _COLUMNS),
            _FONT: tuple(self._font(comment, column) for column in _COLUMNS),
            _FOREGROUND: tuple(self._foreground(comment, column) for column in _COLUMNS),
            _ALIGNMENT: (_ALIGN,) * _COLUMN_COUNT,
            **{role: (value,) * _COLUMN_COUNT for role, value in row.items() if value is not None},
        }
        self._cells[comment.id] = cells
        return cells

    def _tooltips(self, cells: dict[int, tuple[Any, ...]]) -> tuple[Any, ...]:
        """The row's tooltips, worked out when first asked for (hovering; painting never
        asks) and kept with its other cells."""
        found = cells.get(_TOOLTIP)
        if found is None:
            comment = cells[_COMMENT][0]
            found = cells[_TOOLTIP] = tuple(self._tooltip(comment, c) for c in _COLUMNS)
        return found

    def _reload_accounts(self) -> None:
        accounts = {a.id: a for a in self._store.accounts.list() if a.id is not None}
        if accounts != self._accounts:
            self._accounts = accounts
            self._cells.clear()
            self._hot = None

    def _account(self, account_id: int) -> Account | None:
        return self._accounts.get(account_id)

    def _header_title(self, column: Column) -> str:
        titles = {
            Column.TIME: self.tr("Time"),
            Column.PLATFORM: self.tr("Platform"),
            Column.ACCOUNT: self.tr("Account"),
            Column.AUTHOR: self.tr("Author"),
            Column.EXCERPT: self.tr("Comment"),
            Column.TOXICITY: self.tr("Toxicity"),
        }
        return titles[column]

    def _display(self, comment: Comment, column: Column) -> str:
        account = self._account(comment.account_id)
        if column is Column.TIME:
            text = short_time(comment.remote.created_at)
        elif column is Column.PLATFORM:
            text = "" if account is None else account.platform.label
        elif column is Column.ACCOUNT:
            text = "" if account is None else excerpt(account.name, 60)
        elif column is Column.AUTHOR:
            text = excerpt(comment.remote.author.name, 60)
        elif column is Column.EXCERPT:
            text = excerpt(comment.text)
        elif comment.toxicity is None:
            text = level_name(None)
        else:
            text = f"{level_name(comment.toxicity.level)} {comment.toxicity.score:.2f}"
        return text

    def _font(self, comment: Comment, column: Column) -> QFont | None:
        unread = comment.local_state is LocalState.NEW
        return self._bold if unread and column in (Column.AUTHOR, Column.EXCERPT) else None

    def _faded(self, comment: Comment) -> bool:
        gone = comment.remote.platform_state in (PlatformState.HIDDEN, PlatformState.DELETED)
        return gone or comment.local_state is LocalState.HIDDEN

    def _foreground(self, comment: Comment, column: Column) -> QColor | None:
        if self._faded(comment):
            return self._faint
        if column in (Column.TIME, Column.PLATFORM, Column.ACCOUNT):
            return self._muted
        return None

    def _tooltip(self, comment: Comment, column: Column) -> str | None:
        # Never comment text or author names here: tooltips may render rich text.
        if column is Column.TIME:
            return full_time(comment.remote.created_at)
        if column is Column.PLATFORM:
            account = self._account(comment.account_id)
            return None if account is None else account.platform.label
        if column is Column.TOXICITY:
            return self._state_summary(comment)
        return None

    def _state_summary(self, comment: Comment) -> str:
        """The toxicity cell's markers in words (our own strings only)."""
        parts = [self._display(comment, Column.TOXICITY)]
        if comment.local_state is not LocalState.NEW:
            parts.append(local_state_name(comment.local_state))
        if comment.remote.platform_state is not PlatformState.VISIBLE:
            parts.append(platform_state_name(comment.remote.platform_state))
        if comment.pending_actions:
            parts.append(self.tr("actions queued: %1").replace("%1", str(comment.pending_actions)))
        if comment.failed_actions:
            parts.append(self.tr("actions failed: %1").replace("%1", str(comment.failed_actions)))
        return " · ".join(parts)


def _prefetch(
    queries: InboxQueries,
    f: CommentFilter,
    answer: Survey | CatchUp,
    *,
    block: int,
    first: int,
    shown: int,
    cached: frozenset[int],
) -> tuple[int, list[int], list[Comment]]:
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
