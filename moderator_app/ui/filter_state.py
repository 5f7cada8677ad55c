"""The inbox question, assembled from three places: the sidebar (which account or view), the
level combo and the search field. Each source sets its part; one `CommentFilter` comes out."""

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from moderator_app.domain import ToxicityLevel
from moderator_app.store import CommentFilter, SortOrder


@dataclass(frozen=True, slots=True)
class Scope:
    """What a sidebar entry selects: one account or all, optionally only flagged comments."""

    account_id: int | None = None
    min_level: ToxicityLevel | None = None


def stricter(a: ToxicityLevel | None, b: ToxicityLevel | None) -> ToxicityLevel | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if a.rank >= b.rank else b


class FilterState(QObject):
    """Emits `filterChanged` only when the combined filter really changes."""

    filterChanged = Signal(object)  # CommentFilter

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._scope = Scope()
        self._level: ToxicityLevel | None = None
        self._search = ""
        self._sort = SortOrder.NEWEST

    @property
    def scope(self) -> Scope:
        return self._scope

    def current(self) -> CommentFilter:
        return CommentFilter(
            account_id=self._scope.account_id,
            min_level=stricter(self._scope.min_level, self._level),
            search=self._search.strip(),
            sort=self._sort,
        )

    def set_scope(self, scope: Scope) -> None:
        before = self.current()
        self._scope = scope
        self._emit_if_changed(before)

    def set_level(self, level: ToxicityLevel | None) -> None:
        before = self.current()
        self._level = level
        self._emit_if_changed(before)

    def set_search(self, text: str) -> None:
        before = self.current()
        self._search = text
        self._emit_if_changed(before)

    def _emit_if_changed(self, before: CommentFilter) -> None:
        after = self.current()
        if after != before:
            self.filterChanged.emit(after)
