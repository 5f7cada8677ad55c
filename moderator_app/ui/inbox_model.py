"""The inbox as a lazy table: rows come from SQLite a page at a time into a small LRU cache
(Anki's browser table, in spirit). A small result holds all its ids; a large one (a million
comments) only its size and blocks of ids around what is shown (see `inbox_ids`).

Nothing on the GUI thread counts a large result. A new filter shows its first rows at once
(`first_rows`); the background reader then counts the result (or reads all its ids, when
few) and the rows past the first page are appended when the count arrives: no reset, the
selection untouched. Scroll anchors for jumps deep down follow (`inbox_jobs`). Answers for an
older filter, or that no longer fit the rows, are dropped (`inbox_progress`).

New comments from the engine are placed off the GUI thread too, then spliced in with row
inserts (`row_runs`), never a reset, so the moderator's selection and scroll position survive
a sync. Where a change can move rows of a large result (a flagged view while scoring runs),
rows are re-laid out with the selection kept on the same comments.

This class is the Qt side: rows, signals, persistent indexes. What a row shows is built by
`inbox_cells` and kept in `comment_cache`.
"""

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

from moderator_app.domain import Comment
from moderator_app.store import CommentFilter, Store
from moderator_app.store.inbox_query import Anchor, CatchUp, InboxQueries, Survey
from moderator_app.ui.background import BackgroundReader, Reader
from moderator_app.ui.comment_cache import CommentCache
from moderator_app.ui.first_rows import first_rows
from moderator_app.ui.inbox_cells import ALIGN, COLUMN_COUNT, TOOLTIP, Cells, InboxCells
from moderator_app.ui.inbox_ids import ANCHOR_EVERY, FULL_LIMIT, IdWindow, volatile
from moderator_app.ui.inbox_jobs import SurveyAnswer, anchors_job, reread_job, survey_job
from moderator_app.ui.inbox_progress import AnchorMemo, Progress
from moderator_app.ui.roles import Column
from moderator_app.ui.row_runs import insertions, removals, runs

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
# Looked up per cell and role while painting (~1,000 calls a screen): built once.
_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
_NO_CELLS: Cells = {}
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
        self._full_limit = full_limit
        self._filter = initial_filter or CommentFilter()
        self._ids: list[int] | None = None  # every id (small result), or the first ones
        self._window: IdWindow | None = None  # blocks of ids, when it is large
        self._count = 0
        self._exact = True  # False while the result's size is being counted
        self._loading = False  # not even the first rows are known yet
        self._progress = Progress()
        self._anchor_memo = AnchorMemo()
        self._visible = (0, fetch_rows)  # the rows the view painted last: first, how many
        self._last_id: int | None = None  # the newest comment the rows account for
        self._loaded: tuple[object, ...] = ()
        self._rows: dict[int, int] | None = None  # id -> row, built on demand
        # Room for two fetches at least: a fetch must not push out its own rows.
        self._cache = CommentCache(max(page_size * max(cache_pages, 2), fetch_rows * 2))
        self._builder = InboxCells()
        # The last row's cells: a painted row asks ~50 times (6 cells, each several roles).
        # Forgotten on every change that can move rows or change comments.
        self._hot: tuple[int, Cells] | None = None
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
        if parent.isValid() or not (0 <= row < self._count and 0 <= column < COLUMN_COUNT):
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
            return ALIGN
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cells = self._row_cells(index)
        if cells is None:
            return None
        values = self._builder.tooltips(cells) if role == TOOLTIP else cells.get(role)
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
            values = self._builder.tooltips(cells) if role == TOOLTIP and cells else get(role)
            if values is None:
                slot.clearData()
            else:
                slot.setData(values[column])

    def cells(self, index: AnyIndex) -> dict[int, tuple[Any, ...]] | None:
        """Every role's values for the index's row (role -> one value per column): what the
        inbox's delegates paint from, without a call through Qt per role."""
        return self._row_cells(index)

    def _row_cells(self, index: AnyIndex) -> Cells | None:
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
        # Built once per comment (painting a screen asks ~1,000 times).
        held = self._cache.cells
        cells = held.get(found.id)
        if cells is None:
            cells = held[found.id] = self._builder.build(found)
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
        return self._exact and self._progress.idle()

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
        held = self._cache.comments
        found = held.get(comment_id)
        if found is not None:
            held.move_to_end(comment_id)
            return found
        if comment_id in self._cache.gone:
            return None
        self._fetch_page(row)
        return held.get(comment_id)

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
        for first, last in runs(wanted):
            out.extend(self._ids_in_range(first, last))
        return out

    def cached_count(self) -> int:
        return len(self._cache.comments)

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
        if not self._builder.knows_account(account_id):
            self._reload_accounts()
        held = [cid for cid in changed if cid in self._cache.comments]
        for comment_id in changed:
            self._cache.gone.discard(comment_id)
        if added or volatile(self._filter):
            # The rows change: the changed comments come with the new layout (one repaint).
            self._progress.survey_refresh.update(dict.fromkeys(held))
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
        self._cache.cells.clear()
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
        self._progress.new_question()
        self._reader.cancel(_SURVEY)
        self._reader.cancel(_ANCHORS)
        self._reader.cancel(_REFRESH)
        self._ids, self._window, self._last_id = None, None, None
        self._exact, self._loading = True, False
        first = first_rows(
            self._store,
            self._queries,
            self._filter,
            head=self._first_rows,
            full_limit=self._full_limit,
        )
        self._last_id = first.last_id  # a window reads up to it
        if first.ids is None:
            self._window = self._new_window(first.count)
            self._window.seed(first.head)
        self._ids, self._count = first.ids, first.count
        self._exact, self._loading = first.exact, first.loading

    def _after_load(self) -> None:
        """Count a new filter's result and find its anchors in the background. Later
        re-layouts (new comments in a volatile view) drop anchors; they are found again
        only when a jump deep down needs them (`IdWindow`'s `on_deep_read`)."""
        self._progress.eager_anchors = True
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
        progress = self._progress
        if progress.survey_busy:
            progress.stale = True
            return
        progress.survey_busy, progress.stale = True, False
        f, done = self._filter, partial(self._on_survey, progress.gen, progress.epoch)
        pinned = self._pinned_rows()
        catch_up: tuple[int, int, tuple[Anchor, ...]] | None = None
        window, last_id = self._window, self._last_id
        if window is not None and self._exact and last_id is not None and not volatile(f):
            catch_up = (last_id, self._count, tuple(window.anchors))
        first, shown = self._visible
        reread = list(progress.survey_refresh)
        progress.survey_refresh.clear()
        progress.rereading = reread
        work = survey_job(
            f,
            catch_up=catch_up,
            full_limit=self._full_limit,
            head=self._first_rows,
            pinned=pinned,
            block=self._page_size,
            first=first,
            shown=shown,
            cached=frozenset(self._cache.comments),
            reread=reread,
        )
        self._reader.submit(_SURVEY, work, done, priority=2)

    def _on_survey(self, gen: int, epoch: int, answer: SurveyAnswer) -> None:
        if gen != self._progress.gen:
            return
        self._progress.survey_busy = False
        result, (start, ids, comments), (reread, fresh) = answer
        self._replace_comments(reread, fresh)
        if epoch != self._progress.epoch:  # the rows changed meanwhile: ask again
            self._progress.stale = True
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
        progress = self._progress
        if progress.survey_busy and progress.rereading:
            self._request_refresh(progress.rereading)
        progress.survey_busy = False
        progress.rereading = []

    def note_visible(self, first: int, last: int) -> None:
        """The view painted rows first..last: their comments are read along with the next
        change of rows, off the GUI thread."""
        if first >= 0 and last >= first:
            self._visible = (first, max(last - first + 1, self._fetch_rows))

    def _keep(self, comments: Iterable[Comment]) -> None:
        """Comments read in the background for rows about to be shown."""
        self._cache.keep(comments)
        self._hot = None

    def _request_refresh(self, ids: Iterable[int]) -> None:
        """Read changed comments again in the background; the rows repaint when they come.
        Until then they show what they showed (a score arriving a moment later)."""
        progress = self._progress
        progress.to_refresh.update(dict.fromkeys(ids))
        if progress.refresh_busy or not progress.to_refresh:
            return
        wanted = list(progress.to_refresh)
        progress.to_refresh.clear()
        progress.refresh_busy = True
        done = partial(self._on_refresh, progress.gen)
        self._reader.submit(_REFRESH, reread_job(wanted), done, priority=2)

    def _on_refresh(self, gen: int, answer: tuple[list[int], list[Comment]]) -> None:
        if gen != self._progress.gen:
            return
        self._progress.refresh_busy = False
        wanted, comments = answer
        self._replace_comments(wanted, comments)
        self._emit_rows_changed(wanted)
        self._request_refresh(())

    def _replace_comments(self, wanted: Sequence[int], comments: Sequence[Comment]) -> None:
        """Comments read again: those still held show their new state when repainted."""
        self._cache.replace(wanted, comments)
        self._hot = None

    def _after_survey(self) -> None:
        if self._progress.stale:
            self._request_survey()
        elif self._progress.eager_anchors:  # the count of a new filter arrived: anchors next
            self._request_anchors()

    def _request_anchors(self) -> None:
        window = self._window
        progress = self._progress
        if window is None or window.anchors or progress.anchors_busy or not self._exact:
            return
        progress.eager_anchors = False
        f, until = self._filter, window.until_id
        stamp = (*self._data_stamp(), until)
        known = self._anchor_memo.get(f, stamp)
        if known is not None:
            window.set_anchors(known)
            return
        progress.anchors_busy = True
        done = partial(self._on_anchors, progress.gen, progress.epoch, stamp)
        self._reader.submit(_ANCHORS, anchors_job(f, self._anchor_every, until), done, priority=1)

    def _on_anchors(
        self, gen: int, epoch: int, stamp: tuple[object, ...], anchors: list[Anchor] | None
    ) -> None:
        """Anchors fit the rows if nothing moved them since they were asked for (a result
        whose rows never move is read up to the same comment as the rows)."""
        if gen != self._progress.gen:
            return
        self._progress.anchors_busy = False
        window = self._window
        if anchors is None or window is None or epoch != self._progress.epoch:
            return
        window.set_anchors(anchors)
        self._anchor_memo.put(self._filter, stamp, anchors)

    # --- applying answers -------------------------------------------------------------------------

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
            self._progress.epoch += 1
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
        for first, last in runs([row for row, _ in caught.placed]):
            start = min(first, self._count)
            size = last - first + 1
            self.beginInsertRows(_ROOT, start, start + size - 1)
            self._count += size
            window.count = self._count
            self.endInsertRows()
        window.set_anchors(caught.anchors)
        for index, comment_id in kept:
            if comment_id is not None and index.isValid():
                window.pin(index.row(), comment_id)
        self._progress.epoch += 1
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
        self._progress.epoch += 1
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

    def _apply_ids(self, new_ids: list[int]) -> None:
        """Turn the current id list into `new_ids` with removes, a reorder and inserts."""
        ids = self._full()
        for first, last in removals(ids, set(new_ids)):
            self.beginRemoveRows(_ROOT, first, last)
            del ids[first : last + 1]
            self._count = len(ids)
            self._rows = None
            self.endRemoveRows()
        present = set(ids)
        survivors = [cid for cid in new_ids if cid in present]
        if survivors != ids:
            self._reorder(survivors)
        ids = self._full()
        for position, run in insertions(ids, new_ids, present):
            self.beginInsertRows(_ROOT, position, position + len(run) - 1)
            ids[position:position] = run
            self._count = len(ids)
            self._rows = None
            self.endInsertRows()

    def _full(self) -> list[int]:
        assert self._ids is not None
        return self._ids

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
        held = self._cache.comments
        wanted = [cid for cid in self._ids_in_range(start, last) if cid not in held]
        self._cache.fetched(wanted, self._store.comments.by_ids(wanted))

    def _forget_hot(self, *_: object) -> None:
        self._hot = None

    def _forget_comments(self) -> None:
        self._cache.clear()
        self._hot = None

    def _evict(self, ids: Iterable[int]) -> None:
        self._hot = None
        self._cache.evict(ids)

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

    def _reload_accounts(self) -> None:
        accounts = {a.id: a for a in self._store.accounts.list() if a.id is not None}
        if self._builder.set_accounts(accounts):
            self._cache.cells.clear()
            self._hot = None

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
