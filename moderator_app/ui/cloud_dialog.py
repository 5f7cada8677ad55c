"""Settings for the optional cloud second opinions: on/off per service, its API key (kept in the
keyring, never shown again once saved), and why a service stopped if it did.

Everything is off by default and the app works fully without it; only comments the local model
flags are ever sent.
"""

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from moderator_app.secrets import SecretStore, SecretsUnavailable
from moderator_app.store import Store
from moderator_app.sync.cloud_review import SERVICES, CloudService
from moderator_app.ui.dialog_parts import dialog_column, intro_label, window_modal
from moderator_app.ui.labels import plain_label


@dataclass(slots=True)
class _Row:
    service: CloudService
    enabled: QCheckBox
    key: QLineEdit
    status: QLabel


class CloudDialog(QDialog):
    def __init__(self, store: Store, secrets: SecretStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        window_modal(self, "cloudDialog", self.tr("Cloud second opinion"), min_width=460)
        self._store = store
        self._secrets = secrets
        intro = intro_label(
            self.tr(
                "Optionally ask a cloud service about comments the local model flags. Its "
                "opinion is shown as a label; flags and scores stay local. Off by default."
            )
        )
        layout = dialog_column(self, intro)
        titles = {
            "openai": self.tr("OpenAI moderation"),
            "perspective": self.tr("Google Perspective API (retired at the end of 2026)"),
        }
        self.rows: dict[str, _Row] = {}
        for service in SERVICES:
            box = QGroupBox(titles.get(service.name, service.name), self)
            enabled = QCheckBox(self.tr("Ask for a second opinion"), box)
            enabled.setObjectName(f"{service.name}Enabled")
            key = QLineEdit(box)
            key.setObjectName(f"{service.name}Key")
            key.setEchoMode(QLineEdit.EchoMode.Password)
            status = plain_label("", f"{service.name}Status", box)
            status.setWordWrap(True)
            inner = QVBoxLayout(box)
            inner.addWidget(enabled)
            inner.addWidget(key)
            inner.addWidget(status)
            layout.addWidget(box)
            self.rows[service.name] = _Row(service, enabled, key, status)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        for row in self.rows.values():
            row.enabled.setChecked(self._store.settings.get(row.service.enabled))
            row.key.clear()
            try:
                has_key = bool(self._secrets.load_service_key(row.service.name))
            except SecretsUnavailable:
                has_key = False
            row.key.setPlaceholderText(
                self.tr("Key saved (type to replace)") if has_key else self.tr("API key")
            )
            row.status.setText(self._store.settings.get(row.service.status))

    def save(self) -> None:
        """Keys to the keyring, switches to the settings. A refused keyring keeps the dialog
        open with the reason; nothing is half-saved in plain text."""
        try:
            for row in self.rows.values():
                key = row.key.text().strip()
                if key:
                    self._secrets.save_service_key(row.service.name, key)
        except SecretsUnavailable as exc:
            for row in self.rows.values():
                row.status.setText(str(exc))
            return
        for row in self.rows.values():
            self._store.settings.set(row.service.enabled, row.enabled.isChecked())
            if row.enabled.isChecked():
                self._store.settings.set(row.service.status, "")  # a fresh start after a fix
        self.accept()
