"""The sidebar's entries: built-in views (all, flagged, toxic) and one row per account, each
with its unread and flagged counts. Counts refresh in place; the list resets only when the
set of accounts changes."""

import time
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from moderator_app.domain import LocalState, Platform, ToxicityLevel
from moderator_app.store import CommentFilter, Store
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


class SidebarModel(QAbstractListModel):
    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._entries: list[Entry] = []
        self._icons = PlatformIcons()
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
        """Rebuild the entries (accounts added or removed)."""
        self.beginResetModel()
        self._entries = self._build()
        self.endResetModel()

    def refresh_counts(self) -> None:
        """New comments or actions: update the numbers where they are."""
        fresh = self._build()
        if [e.key for e in fresh] != [e.key for e in self._entries]:
            self.beginResetModel()
            self._entries = fresh
            self.endResetModel()
            return
        for row, (old, new) in enumerate(zip(self._entries, fresh, strict=True)):
            if old != new:
                self._entries[row] = new
                self.dataChanged.emit(self.index(row), self.index(row))

    def _build(self) -> list[Entry]:
        counts = self._store.comments.counts_by_account()
        unread = sum(c.new for c in counts.values())
        flagged = sum(c.flagged for c in counts.values())
        toxic = self._store.comments.count(
            CommentFilter(min_level=ToxicityLevel.TOXIC, local_states=(LocalState.NEW,))
        )
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
                flagged=toxic,
                flag_level=ToxicityLevel.TOXIC,
            ),
        ]
        saved = self.views.list()
        if saved:
            entries.append(Entry(EntryKind.HEADER, "h:saved", self.tr("Saved views")))
            now = time.time()
            for view in saved:  # one COUNT per view; callers throttle refreshes
                matching = self._store.comments.count(view.spec.to_filter(now))
                entries.append(
                    Entry(
                        EntryKind.SAVED, f"s:{view.id}", view.name, unread=matching, view_id=view.id
                    )
                )
        entries.append(Entry(EntryKind.HEADER, "h:accounts", self.tr("Accounts")))
        for account in self._store.accounts.list():
            assert account.id is not None
            found = counts.get(account.id)
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
