"""The sign-in form for one platform, built from the platform's own list of fields."""

from collections.abc import Sequence

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from moderator_app.connectors.base import SetupField


class SignInForm(QWidget):
    """One line edit per `SetupField`; secrets are masked and never echoed elsewhere."""

    def __init__(self, fields: Sequence[SetupField], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields = list(fields)
        self.edits: dict[str, QLineEdit] = {}
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for field in self._fields:
            edit = QLineEdit(self)
            edit.setObjectName(f"field_{field.name}")
            edit.setPlaceholderText(field.placeholder)
            if field.secret:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.edits[field.name] = edit
            layout.addRow(field.label, edit)

    def values(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.edits.items()}

    def missing(self) -> list[str]:
        return [
            f.label for f in self._fields if f.required and not self.edits[f.name].text().strip()
        ]

    def clear_secrets(self) -> None:
        for field in self._fields:
            if field.secret:
                self.edits[field.name].clear()
