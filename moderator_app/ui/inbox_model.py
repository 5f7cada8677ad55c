"""The inbox as a lazy table: rows come from SQLite a page at a time into a small LRU cache
(Anki's browser table, in spirit). A small result holds all its ids; a large one (a million
comments) only a COUNT and blocks of ids around what is shown (see `inbox_ids`).

New comments from the engine are spliced in with row inserts, never a reset, so the
moderator's selection and scroll position survive a sync. Where a change can move rows of a
large result (a flagged view while scoring runs), rows are re-laid out with the selection
kept on the same comments.
"""

from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from moderator_app.domain import Account, Comment, LocalState, PlatformState
from moderator_app.store import CommentFilter, Store
from moderator_app.ui import theme
from moderator_app.ui.display import (
    excerpt,
    full_time,
    level_name,
    local_state_name,
    platform_state_name,
    short_time,
)
from moderator_app.ui.inbox_ids import FULL_LIMIT, IdWindow, volatile
from moderator_app.ui.roles import Column, Role

AnyIndex = QModelIndex | QPersistentModelIndex
# New comments placed one by one (a position query each) up to this many per event; a bigger
# batch (a raid, a first sync) re-lays the rows out in two queries instead.
MAX_PLACED = 50
_ROOT = QModelIndex()
# Looked up per cell and role while painting (~1,000 calls a screen): built once.
_COLUMNS = tuple(Column)
_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


class InboxModel(QAbstractTableModel):
    def __init__(
        self,
        store: Store,
        parent: QObject | None = None,
        *,
        page_size: int = 100,
        cache_pages: int = 6,
        initial_filter: CommentFilter | None = None,
        full_limit: int = FULL_LIMIT,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._page_size = page_size
        self._cache_limit = page_size * max(cache_pages, 2)
        self._full_limit = full_limit
        self._filter = initial_filter or CommentFilter()
        self._ids: list[int] | None = None  # every id, when the result is small
        self._window: IdWindow | None = None  # blocks of ids, when it is large
        self._count = 0
        self._loaded: tuple[object, ...] = ()
        self._load()
        self._rows: dict[int, int] | None = None  # id -> row, built on demand
        self._cache: OrderedDict[int, Comment] = OrderedDict()
        self._gone: set[int] = set()  # ids the store no longer has
        self._accounts: dict[int, Account] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._muted = QColor(theme.MUTED)
        self._faint = QColor(theme.FAINT)
        self._handlers: dict[int, Callable[[Comment, Column], Any]] = {
            Qt.ItemDataRole.DisplayRole: self._display,
            Qt.ItemDataRole.FontRole: self._font,
            Qt.ItemDataRole.ForegroundRole: self._foreground,
            Qt.ItemDataRole.ToolTipRole: self._tooltip,
            Qt.ItemDataRole.TextAlignmentRole: self._alignment,
        }
        self._reload_accounts()
        # The last row's comment: a painted row asks ~50 times (6 cells, each several roles).
        # Forgotten on every change that can move rows or change comments.
        self._hot: tuple[int, Comment] | None = None
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
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        hot = self._hot
        if hot is not None and hot[0] == row:
            comment = hot[1]
        else:
            if not 0 <= row < self._count:
                return None
            found = self.comment_at(row)
            if found is None:
                return None
            comment = found
            self._hot = (row, comment)
        if role >= Role.COMMENT:
            return self._custom(comment, role)
        handler = self._handlers.get(role)
        return None if handler is None else handler(comment, _COLUMNS[index.column()])

    # --- reading -----------------------------------------------------------------------------

    @property
    def current_filter(self) -> CommentFilter:
        return self._filter

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
        """The row showing `comment_id`, or -1."""
        if self._ids is None:
            return -1 if self._window is None else self._window.row_of(comment_id)
        if self._rows is None:
            self._rows = {cid: row for row, cid in enumerate(self._ids)}
        return self._rows.get(comment_id, -1)

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
        self._cache.clear()
        self._gone.clear()
        self._reload_accounts()
        self.endResetModel()

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
        self._evict(changed)
        if self._window is not None and not volatile(self._filter) and len(added) <= MAX_PLACED:
            self._insert_added(added)
        else:
            self._catch_up()
        self._emit_rows_changed(changed)

    def refresh_comments(self, comment_ids: Iterable[int]) -> None:
        """Our own action changed these comments: show the new state, keep them in place."""
        ids = list(comment_ids)
        self._evict(ids)
        self._emit_rows_changed(ids)

    def sync_with_store(self) -> None:
        """Catch up with the store without events (used where no engine reports changes)."""
        self._catch_up()

    def refresh_all(self) -> None:
        """Something changed somewhere (no event said what): drop the cache, repaint the rows
        on screen. Rows stay in place; only the visible page is fetched again."""
        self._cache.clear()
        self._gone.clear()
        self._hot = None
        self._reload_accounts()
        if self._count:
            last_column = len(Column) - 1
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, last_column))

    def refresh_times(self) -> None:
        """Relative times ('5 min') age: repaint the time column."""
        if self._count:
            top = self.index(0, Column.TIME)
            bottom = self.index(self._count - 1, Column.TIME)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])

    # --- internals ---------------------------------------------------------------------------

    def _load(self) -> None:
        """Read the current filter's result: all ids if few, else only how many. Asking the
        same question of an unchanged database (the window applying its first filter right
        after building the model) reuses the answer."""
        conn = self._store.db.conn
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        stamp: tuple[object, ...] = (self._filter, version, conn.total_changes)
        if stamp == self._loaded:
            return
        self._loaded = stamp
        ids, count = self._read()
        self._ids, self._count = ids, count
        self._window = None
        if ids is None:
            self._window = IdWindow(self._store.comments, self._filter, count, self._page_size)

    def _read(self) -> tuple[list[int] | None, int]:
        """The result's size, and all its ids when it is small. Counting first is cheap (an
        index range, or the totals table) and lets a small result be found through its own
        index, where reading ids in inbox order could walk the whole time index."""
        count = self._store.comments.count(self._filter)
        if count > self._full_limit:
            return None, count
        ids = self._store.comments.ids(self._filter, small=True)
        if len(ids) > self._full_limit:  # grew between the two reads
            return None, len(ids)
        return ids, len(ids)

    def _ids_in_range(self, first: int, last: int) -> list[int]:
        if self._ids is not None:
            return self._ids[first : last + 1]
        if last - first < self._page_size * 4 and self._window is not None:
            return self._window.ids_in(first, last)
        return self._store.comments.ids(self._filter, last - first + 1, first)

    def _fetch_page(self, row: int) -> None:
        start = row - row % self._page_size
        last = min(start + self._page_size, self._count) - 1
        wanted = [cid for cid in self._ids_in_range(start, last) if cid not in self._cache]
        fetched = self._store.comments.by_ids(wanted)
        for comment in fetched:
            self._cache[comment.id] = comment
        self._gone.update(set(wanted) - {c.id for c in fetched})
        while len(self._cache) > self._cache_limit:
            self._cache.popitem(last=False)

    def _catch_up(self) -> None:
        """Bring the rows in line with the store: an exact diff while the result is small,
        else a re-layout that keeps selected comments selected."""
        self._loaded = ()
        if self._ids is not None:
            ids, count = self._read()
            if ids is not None:
                self._apply_ids(ids)
                return
            self._relayout((ids, count))
            return
        self._relayout()

    def _insert_added(self, added: Sequence[int]) -> None:
        """New comments in a large result whose other rows cannot move: one insert per run
        of adjacent new rows, at the rows SQLite says they have."""
        assert self._window is not None
        self._loaded = ()
        positions = sorted(
            {p for cid in added if (p := self._store.comments.position(self._filter, cid)) >= 0}
        )
        if not positions:
            return
        self._window.clear()
        k = 0
        while k < len(positions):
            first = k
            while k + 1 < len(positions) and positions[k + 1] == positions[k] + 1:
                k += 1
            start = min(positions[first], self._count)
            size = k - first + 1
            self.beginInsertRows(_ROOT, start, start + size - 1)
            self._count += size
            self._window.count = self._count
            self.endInsertRows()
            k += 1

    def _relayout(self, result: tuple[list[int] | None, int] | None = None) -> None:
        """Re-read a large (or newly large) result. The row count changes at the end of the
        table, then a layout change moves every persistent index (selection, current row)
        to the row its comment has now, or drops it if the comment left the result."""
        persistent = self.persistentIndexList()
        pinned = [self.comment_id_at(index.row()) for index in persistent]
        old = self._count
        ids, new = self._read() if result is None else result
        if new > old:
            self.beginInsertRows(_ROOT, old, new - 1)
            self._count = new
            self.endInsertRows()
        self.layoutAboutToBeChanged.emit()
        if ids is not None:
            self._ids, self._window = ids, None
        else:
            self._ids = None
            self._window = IdWindow(self._store.comments, self._filter, new, self._page_size)
        self._rows = None
        moved = [-1 if cid is None else self.row_of(cid) for cid in pinned]
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

    def _evict(self, ids: Iterable[int]) -> None:
        self._hot = None
        for comment_id in ids:
            self._cache.pop(comment_id, None)
            self._gone.discard(comment_id)

    def _emit_rows_changed(self, ids: Iterable[int]) -> None:
        """Repaint the rows of changed comments. In a large result only rows whose ids are
        held can be on screen; the others are read fresh when shown (a scoring pass reports
        thousands of ids: one position query each would freeze the window)."""
        last_column = len(Column) - 1
        held = None if self._window is None else self._window.known()
        for comment_id in ids:
            row = self.row_of(comment_id) if held is None else held.get(comment_id, -1)
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
                self.index(self.row_of(cid), index.column())
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

    def _reload_accounts(self) -> None:
        self._accounts = {a.id: a for a in self._store.accounts.list() if a.id is not None}

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

    def _alignment(self, _comment: Comment, _column: Column) -> int:
        return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def _custom(self, comment: Comment, role: int) -> Any:
        account = self._account(comment.account_id)
        values: dict[int, Any] = {
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
        return values.get(role)

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
