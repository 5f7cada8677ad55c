"""The connected accounts: their sync state, and connecting or removing one."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from moderator_app.accounts import remove_account
from moderator_app.domain import Account
from moderator_app.secrets import SecretStore, SecretsUnavailable
from moderator_app.store import Store
from moderator_app.ui.add_account_dialog import AddAccountDialog, error_text
from moderator_app.ui.calibration_dialog import FlaggingDialog
from moderator_app.ui.cloud_dialog import CloudDialog
from moderator_app.ui.engine_bridge import EngineBridge
from moderator_app.ui.message_box import plain_message, plain_question


class AccountsDialog(QDialog):
    accountsChanged = Signal()

    def __init__(self, store: Store, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountsDialog")
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(520, 360)
        self._store = store
        self._bridge = bridge
        self.add_dialog: AddAccountDialog | None = None
        self.list = QListWidget(self)
        self.list.setObjectName("accountList")
        self.add_button = QPushButton(self.tr("Connect an account…"), self)
        self.add_button.setObjectName("addAccountButton")
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("removeAccountButton")
        self.sync_button = QPushButton(self.tr("Sync now"), self)
        self.sync_button.setObjectName("syncAccountButton")
        self.flagging_button = QPushButton(self.tr("Flagging…"), self)
        self.flagging_button.setObjectName("flaggingButton")
        self.cloud_button = QPushButton(self.tr("Cloud second opinion…"), self)
        self.cloud_button.setObjectName("cloudButton")
        self.flagging_dialog: FlaggingDialog | None = None
        self.cloud_dialog: CloudDialog | None = None
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.cloud_button)
        row.addStretch(1)
        row.addWidget(self.flagging_button)
        row.addWidget(self.sync_button)
        row.addWidget(self.remove_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.open_add_dialog)
        self.remove_button.clicked.connect(self.remove_selected)
        self.sync_button.clicked.connect(self.sync_selected)
        self.flagging_button.clicked.connect(self.open_flagging)
        self.cloud_button.clicked.connect(self.open_cloud)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for account in self._store.accounts.list():
            text = f"{account.platform.label} · {account.name}"
            if account.url:
                text += f"  —  {account.url}"
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, account)
        self._update_buttons()

    def selected(self) -> Account | None:
        item = self.list.currentItem()
        account = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return account if isinstance(account, Account) else None

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.remove_button.setEnabled(has)
        self.sync_button.setEnabled(has)
        self.flagging_button.setEnabled(has)

    def open_add_dialog(self) -> AddAccountDialog:
        dialog = AddAccountDialog(self._store, self._bridge, self)
        dialog.accountAdded.connect(self._added)
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def _added(self, account_id: int) -> None:
        self.reload()
        self._bridge.sync_now(account_id)
        self.accountsChanged.emit()

    def open_flagging(self) -> FlaggingDialog | None:
        """Thresholds and what the account's flagging learned, with undo."""
        account = self.selected()
        if account is None or account.id is None:
            return None
        dialog = FlaggingDialog(self._store, account.id, self)
        dialog.calibrationChanged.connect(lambda _account_id: self.accountsChanged.emit())
        self.flagging_dialog = dialog
        dialog.open()
        return dialog

    def open_cloud(self) -> CloudDialog:
        dialog = CloudDialog(self._store, SecretStore(), self)
        self.cloud_dialog = dialog
        dialog.open()
        return dialog

    def sync_selected(self) -> None:
        account = self.selected()
        if account is not None:
            self._bridge.sync_now(account.id)

    def remove_selected(self, *, confirm: bool = True) -> None:
        account = self.selected()
        if account is None:
            return
        question = self.tr(
            "Remove %1 with all its comments from Moderator? Nothing is deleted on the platform."
        ).replace("%1", account.name)
        if confirm and not plain_question(self, self.tr("Remove account"), question):
            return
        try:
            remove_account(self._store, SecretStore(), account)
        except SecretsUnavailable as exc:
            plain_message(self, self.tr("Remove account"), error_text(exc))
        self.reload()
        self.accountsChanged.emit()
