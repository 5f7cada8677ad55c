"""Saved views: the whole inbox question under a name in the sidebar, saved, renamed, deleted
and opened again (also by Ctrl+1…9)."""

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog

from moderator_app.store.view_spec import Period
from moderator_app.ui.display import level_name
from moderator_app.ui.message_box import plain_question
from moderator_app.ui.window_parts import WindowParts


class SavedViews(QObject):
    """`opened` fires once a saved view's question is in force."""

    opened = Signal()

    def __init__(self, parts: WindowParts) -> None:
        super().__init__(parts.window)
        self._parts = parts

    def save(self) -> None:
        name, ok = QInputDialog.getText(
            self._parts.window,
            self.tr("Save view"),
            self.tr("Name of the view:"),
            text=self._suggest_name(),
        )
        if not ok or not name.strip():
            return
        view = self._parts.sidebar.model.views.add(name, self._parts.filters.spec())
        self._parts.sidebar.reload()
        self._parts.sidebar.select_view(view.id)
        self._parts.status.showMessage(self.tr("Saved view “%1”").replace("%1", view.name), 5000)

    def rename(self, view_id: int | None = None) -> None:
        view_id = self._parts.sidebar.current_view_id() if view_id is None else view_id
        view = None if view_id is None else self._parts.sidebar.model.views.get(view_id)
        if view is None:
            return
        name, ok = QInputDialog.getText(
            self._parts.window, self.tr("Rename view"), self.tr("Name of the view:"), text=view.name
        )
        if ok and name.strip():
            self._parts.sidebar.model.views.rename(view.id, name)
            self._parts.sidebar.reload()

    def delete(self, view_id: int | None = None) -> None:
        view_id = self._parts.sidebar.current_view_id() if view_id is None else view_id
        view = None if view_id is None else self._parts.sidebar.model.views.get(view_id)
        if view is None:
            return
        question = self.tr("Delete the saved view “%1”? Comments are not affected.")
        if plain_question(
            self._parts.window, self.tr("Delete view"), question.replace("%1", view.name)
        ):
            self._parts.sidebar.model.views.delete(view.id)
            self._parts.sidebar.reload()

    def open_at(self, index: int) -> None:
        ids = self._parts.sidebar.model.saved_view_ids()
        if 0 <= index < len(ids):
            self._parts.sidebar.select_view(ids[index])

    def on_chosen(self, view_id: int) -> None:
        """The sidebar selected a saved view: its question replaces the current one."""
        view = self._parts.sidebar.model.views.get(view_id)
        if view is None:
            return
        self._parts.toolbar.search.blockSignals(True)
        self._parts.toolbar.search.setText(view.spec.search)
        self._parts.toolbar.search.blockSignals(False)
        self._parts.filters.set_spec(view.spec)
        self.opened.emit()

    def _suggest_name(self) -> str:
        spec = self._parts.filters.spec()
        parts = []
        if spec.min_level is not None:
            parts.append(level_name(spec.min_level))
        if spec.period is not Period.ANY:
            parts.append(self._parts.filter_bar.period.currentText())
        if spec.platform is not None:
            parts.append(spec.platform.label)
        if spec.author_name:
            parts.append(spec.author_name)
        if spec.search:
            parts.append(f"“{spec.search}”")
        return ", ".join(parts)
