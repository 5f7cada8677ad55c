"""The sidebar's entries: built-in views (all, flagged, toxic), saved views and one row per
account, each with its unread and flagged counts. Counts refresh in place; the list resets
only when the set of entries changes."""

import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from moderator_app.domain import LocalState, Platform, ToxicityLevel
from moderator_app.store import CommentFilter, Store
from moderator_app.store.comments import AccountCounts
from moderator_app.store.views import SavedView
from moderator_app.ui.filter_state import Scope
from moderator_app.ui.platform_icons import PlatformIcons

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_USER = int(Qt.ItemDataRole.UserRole)


class EntryKind(Enum):
    HEADER = "header"
    VIEW = "view"
    SAVED = "saved"
    ACCOUNT = "account"


class SidebarRole:
    KIND = _USER + 1
    SCOPE = _USER + 2
    UNREAD = _USER + 3
    FLAGGED = _USER + 4
    FLAG_LEVEL = _USER + 5  # the chip colour for the flagged count
    VIEW_ID = _USER + 6  # a saved view's id


@dataclass(frozen=True, slots=True)
class Entry:
    kind: EntryKind
    key: str
    title: str
    scope: Scope | None = None
    platform: Platform | None = None
    unread: int = 0
    flagged: int = 0
    flag_level: ToxicityLevel = ToxicityLevel.REVIEW
    view_id: int | None = None


@dataclass(frozen=True, slots=True)
class SidebarCounts:
    """The numbers on the sidebar's entries, read in one go (on any thread)."""

    by_account: dict[int, AccountCounts]
    toxic: int
    saved: dict[int, int]  # saved view id -> comments matching it

    @staticmethod
    def read(store: Store, views: Sequence[SavedView], now: float) -> "SidebarCounts":
        by_account = store.comments.counts_by_account()
        toxic = store.comments.count(
            CommentFilter(min_level=ToxicityLevel.TOXIC, local_states=(LocalState.NEW,))
        )
        saved = {view.id: store.comments.count(view.spec.to_filter(now)) for view in views}
        return SidebarCounts(by_account, toxic, saved)


class SidebarModel(QAbstractListModel):
    """Counts are read at once, or, with `counts_later`, start from the last known (zero at
    first) until `apply_counts` brings them (the sidebar reads them in the background)."""

    def __init__(
        self, store: Store, parent: QObject | None = None, *, counts_later: bool = False
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._entries: list[Entry] = []
        self._icons = PlatformIcons()
        self._counts_later = counts_later
        self._counts = SidebarCounts({}, 0, {})
        self.views = store.views
        self.reload()

    # --- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._entries[index.row()].kind is EntryKind.HEADER:
            return Qt.ItemFlag.ItemNeverHasChildren
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.title
        if role == Qt.ItemDataRole.DecorationRole and entry.platform is not None:
            return self._icons.icon(entry.platform)
        if role == Qt.ItemDataRole.ToolTipRole and entry.kind is not EntryKind.HEADER:
            return (
                self.tr("%n unread", "", entry.unread)
                + " · "
                + self.tr("%n flagged", "", entry.flagged)
            )
        values: dict[int, Any] = {
            SidebarRole.KIND: entry.kind,
            SidebarRole.SCOPE: entry.scope,
            SidebarRole.UNREAD: entry.unread,
            SidebarRole.FLAGGED: entry.flagged,
            SidebarRole.FLAG_LEVEL: entry.flag_level,
            SidebarRole.VIEW_ID: entry.view_id,
        }
        return values.get(role)

    # --- entries ---------------------------------------------------------------------------

    def entry(self, row: int) -> Entry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_for_scope(self, scope: Scope) -> int:
        for row, entry in enumerate(self._entries):
            if entry.scope == scope:
                return row
        return -1

    def row_for_view(self, view_id: int) -> int:
        for row, entry in enumerate(self._entries):
            if entry.view_id == view_id:
                return row
        return -1

    def saved_view_ids(self) -> list[int]:
        return [e.view_id for e in self._entries if e.view_id is not None]

    def reload(self) -> None:
        """Rebuild the entries (accounts or saved views added or removed)."""
        self.beginResetModel()
        if not self._counts_later:
            self._counts = self.read_counts()
        self._entries = self._build(self._counts)
        self.endResetModel()

    def refresh_counts(self) -> None:
        """New comments or actions: update the numbers where they are."""
        self.apply_counts(self.read_counts())

    def read_counts(self) -> SidebarCounts:
        return SidebarCounts.read(self._store, self.views.list(), time.time())

    def apply_counts(self, counts: SidebarCounts) -> None:
        """Fresh numbers: changed entries repaint; the list resets only if its entries
        changed (an account or saved view came or went)."""
        self._counts = counts
        fresh = self._build(counts)
        if [e.key for e in fresh] != [e.key for e in self._entries]:
            self.beginResetModel()
            self._entries = fresh
            self.endResetModel()
            return
        for row, (old, new) in enumerate(zip(self._entries, fresh, strict=True)):
            if old != new:
                self._entries[row] = new
                self.dataChanged.emit(self.index(row), self.index(row))

    def _build(self, counts: SidebarCounts) -> list[Entry]:
        by_account = counts.by_account
        unread = sum(c.new for c in by_account.values())
        flagged = sum(c.flagged for c in by_account.values())
        entries = [
            Entry(EntryKind.HEADER, "h:views", self.tr("Inbox")),
            Entry(
                EntryKind.VIEW,
                "v:all",
                self.tr("All comments"),
                Scope(),
                unread=unread,
            ),
            Entry(
                EntryKind.VIEW,
                "v:flagged",
                self.tr("Flagged"),
                Scope(min_level=ToxicityLevel.REVIEW),
                flagged=flagged,
            ),
            Entry(
                EntryKind.VIEW,
                "v:toxic",
                self.tr("Toxic"),
                Scope(min_level=ToxicityLevel.TOXIC),
                flagged=counts.toxic,
                flag_level=ToxicityLevel.TOXIC,
            ),
        ]
        saved = self.views.list()
        if saved:
            entries.append(Entry(EntryKind.HEADER, "h:saved", self.tr("Saved views")))
            for view in saved:
                entries.append(
                    Entry(
                        EntryKind.SAVED,
                        f"s:{view.id}",
                        view.name,
                        unread=counts.saved.get(view.id, 0),
                        view_id=view.id,
                    )
                )
        entries.append(Entry(EntryKind.HEADER, "h:accounts", self.tr("Accounts")))
        for account in self._store.accounts.list():
            assert account.id is not None
            found = by_account.get(account.id)
            entries.append(
                Entry(
                    EntryKind.ACCOUNT,
                    f"a:{account.id}",
                    account.name,
                    Scope(account_id=account.id),
                    platform=account.platform,
                    unread=found.new if found else 0,
                    flagged=found.flagged if found else 0,
                )
            )
        return entries
