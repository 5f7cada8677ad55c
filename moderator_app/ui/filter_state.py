"""The inbox question, assembled from several places: the sidebar (which account, flagged
view or saved view), the filter bar and the search field. Each source sets its part; one
`ViewSpec` (savable) and one `CommentFilter` (for the store) come out."""

import time
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QObject, Signal

from moderator_app.domain import ToxicityLevel
from moderator_app.store import CommentFilter
from moderator_app.store.view_spec import ViewSpec


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
    """Emits `filterChanged` only when the combined question really changes, and
    `specChanged` so the filter bar can show it."""

    filterChanged = Signal(object)  # CommentFilter
    specChanged = Signal(object)  # ViewSpec

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._scope = Scope()
        self._spec = ViewSpec()

    @property
    def scope(self) -> Scope:
        return self._scope

    def spec(self) -> ViewSpec:
        """The whole question as the moderator would save it."""
        account = self._scope.account_id
        return replace(
            self._spec,
            account_id=account if account is not None else self._spec.account_id,
            min_level=stricter(self._scope.min_level, self._spec.min_level),
        )

    def bar_spec(self) -> ViewSpec:
        """The filter bar's own part (without the sidebar's scope)."""
        return self._spec

    def current(self) -> CommentFilter:
        return self.spec().to_filter(time.time())

    def set_scope(self, scope: Scope) -> None:
        before = self.spec()
        self._scope = scope
        if scope.account_id is not None:  # the sidebar's account wins over the bar's
            self._spec = replace(self._spec, account_id=None)
        self._emit_if_changed(before)

    def set_level(self, level: ToxicityLevel | None) -> None:
        self.update(min_level=level)

    def set_search(self, text: str) -> None:
        self.update(search=text)

    def update(self, **changes: Any) -> None:
        """Change some fields of the bar's part (e.g. `platform=Platform.VK`)."""
        before = self.spec()
        self._spec = replace(self._spec, **changes)
        self._emit_if_changed(before)

    def set_spec(self, spec: ViewSpec) -> None:
        """A saved view: its question replaces everything (the sidebar scope too)."""
        before = self.spec()
        self._scope = Scope()
        self._spec = spec
        self._emit_if_changed(before)

    def clear(self) -> None:
        """Every restriction off, keeping the sort and the sidebar's scope."""
        self.set_spec_keep_scope(ViewSpec(sort=self._spec.sort))

    def set_spec_keep_scope(self, spec: ViewSpec) -> None:
        before = self.spec()
        self._spec = spec
        self._emit_if_changed(before)

    def _emit_if_changed(self, before: ViewSpec) -> None:
        after = self.spec()
        if after != before:
            self.specChanged.emit(self._spec)
            self.filterChanged.emit(self.current())
