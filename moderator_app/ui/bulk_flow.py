"""A bulk action from the selection to the report: plan what it would touch (at once, or in
the background for a large selection or "all matching"), show that in a confirmation, write
it, and say how it went."""

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox

from moderator_app.store import CommentFilter
from moderator_app.store.bulk import BulkKind, BulkPlan
from moderator_app.ui.bulk_confirm import BulkConfirmDialog
from moderator_app.ui.bulk_text import kind_verb, number
from moderator_app.ui.moderation import BulkOutcome
from moderator_app.ui.window_parts import WindowParts

# A bulk action over at most this many selected rows is planned at once (a few ms); more, or
# "all matching", is planned by the background reader before the confirmation opens.
SYNC_PLAN_LIMIT = 2000


class BulkFlow(QObject):
    """At most one bulk action at a time: being prepared, being confirmed, or being written."""

    def __init__(self, parts: WindowParts) -> None:
        super().__init__(parts.window)
        self._parts = parts
        self.dialog: BulkConfirmDialog | None = None
        self.error: QMessageBox | None = None
        self._preparing: BulkKind | None = None  # a bulk plan on its way from the reader
        parts.moderation.bulkProgress.connect(self._on_progress)
        parts.moderation.bulkFinished.connect(self._on_finished)

    def selected(self) -> bool:
        """More than the current comment is selected: actions apply to the selection."""
        return self._parts.inbox.all_matching or self._parts.inbox.selection_size() > 1

    def run(self, kind: BulkKind) -> BulkConfirmDialog | None:
        """Plan the action for the selection, show exactly what it will touch, then apply.
        A large selection is planned in the background first ("Preparing…"; Esc or another
        action cancels it); returns the confirmation when it opened at once."""
        if self.dialog is not None:
            return None
        if self._parts.moderation.writing():
            text = self.tr("Still writing the last bulk action: try again in a moment")
            self._parts.status.showMessage(text, 5000)
            return None
        self.cancel_preparation(quiet=True)  # a new action replaces one being prepared
        if self.selected() and self._parts.inbox.all_matching:  # in SQL: unloaded rows too
            self._prepare(kind, matching=self._parts.model.current_filter)
            return None
        ids = self._selected_ids() if self.selected() else []
        current = self._parts.inbox.current_comment_id()
        if not ids and current is not None:
            ids = [current]
        if not ids:
            return None
        if len(ids) > SYNC_PLAN_LIMIT:
            self._prepare(kind, comment_ids=ids)
            return None
        return self._confirm(self._parts.moderation.plan_bulk(kind, ids))

    def preparing(self) -> BulkKind | None:
        """The bulk action whose plan is on its way from the background reader, if any."""
        return self._preparing

    def cancel_preparation(self, *, quiet: bool = False) -> None:
        if self._preparing is None:
            return
        self._preparing = None
        self._parts.moderation.cancel_plan(self._parts.reader)
        if not quiet:
            self._parts.status.showMessage(self.tr("Bulk action cancelled"), 3000)

    def _selected_ids(self) -> list[int]:
        """The explicitly selected comments (read in one query per run of rows)."""
        return self._parts.model.ids_in_rows(self._parts.inbox.selected_rows())

    def _prepare(
        self,
        kind: BulkKind,
        *,
        comment_ids: Sequence[int] = (),
        matching: CommentFilter | None = None,
    ) -> None:
        self._preparing = kind
        self._parts.status.showMessage(self.tr("Preparing… (Esc cancels)"))
        self._parts.moderation.plan_in_background(
            self._parts.reader, kind, self._on_plan, comment_ids=comment_ids, matching=matching
        )

    def _on_plan(self, plan: BulkPlan) -> None:
        if self._preparing is not plan.kind or self.dialog is not None:
            return
        self._preparing = None
        self._parts.status.clearMessage()
        self._confirm(plan)

    def _confirm(self, plan: BulkPlan) -> BulkConfirmDialog:
        dialog = BulkConfirmDialog(plan, self._parts.window)
        self.dialog = dialog

        def finished(result: int) -> None:
            self.dialog = None
            if result == BulkConfirmDialog.DialogCode.Accepted and plan.total:
                text = self.tr("%1: writing %2 comments…")
                self._parts.status.showMessage(
                    text.replace("%1", kind_verb(plan.kind)).replace("%2", number(plan.total))
                )
                self._parts.inbox.clear_bulk_selection()
                self._parts.moderation.apply_bulk(plan, dialog.note_text())
            dialog.deleteLater()
            self._parts.focus_inbox()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def _on_progress(self, kind: BulkKind, written: int, total: int) -> None:
        if written < total:
            text = self.tr("%1: %2 of %3 comments written…")
            self._parts.status.showMessage(
                text.replace("%1", kind_verb(kind))
                .replace("%2", number(written))
                .replace("%3", number(total))
            )

    def _on_finished(self, outcome: BulkOutcome) -> None:
        if not outcome.error:
            text = self.tr("%1: %2 comments. Ctrl+Z undoes it.")
            self._parts.status.showMessage(
                text.replace("%1", kind_verb(outcome.kind)).replace("%2", number(outcome.done)),
                8000,
            )
            return
        text = self.tr("%1 stopped after %2 of %3 comments: the other %4 were not changed.\n\n%5")
        text = (
            text.replace("%1", kind_verb(outcome.kind))
            .replace("%2", number(outcome.written))
            .replace("%3", number(outcome.total))
            .replace("%4", number(outcome.total - outcome.written))
            .replace("%5", outcome.error)
        )
        if outcome.written:
            text += "\n\n" + self.tr("Ctrl+Z takes back the ones written.")
        self._parts.status.showMessage(
            self.tr("%1 failed: see the message").replace("%1", kind_verb(outcome.kind))
        )
        box = QMessageBox(self._parts.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Bulk action not finished"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: setattr(self, "error", None))
        self.error = box
        box.open()
