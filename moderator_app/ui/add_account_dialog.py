"""Connecting an account: pick the platform, sign in (on the engine's loop, not here), choose
what to watch, connect. The account and its keyring secret are saved together or not at all."""

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from moderator_app.accounts import AccountConflict, save_account, sign_in
from moderator_app.connectors.base import SignInResult, WatchTarget
from moderator_app.connectors.errors import ConnectorError
from moderator_app.connectors.registry import setup_for, supported_platforms
from moderator_app.domain import Platform
from moderator_app.secrets import SecretStore, SecretsUnavailable
from moderator_app.store import Store
from moderator_app.ui.dialog_parts import intro_label
from moderator_app.ui.engine_bridge import EngineBridge
from moderator_app.ui.future_watcher import FutureWatcher
from moderator_app.ui.labels import plain_label
from moderator_app.ui.sign_in_page import SignInForm


def error_text(error: object) -> str:
    """Connector and keyring errors are written for people (and never carry tokens);
    anything else is a bug, named but not dumped."""
    if isinstance(error, ConnectorError | SecretsUnavailable | AccountConflict | RuntimeError):
        return str(error)
    return f"{type(error).__name__}"


class AddAccountDialog(QDialog):
    accountAdded = Signal(int)

    def __init__(self, store: Store, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addAccountDialog")
        self.setWindowTitle(self.tr("Connect an account"))
        self.setMinimumWidth(460)
        self._store = store
        self._bridge = bridge
        self._result: SignInResult | None = None
        self._watcher = FutureWatcher(self)
        self._watcher.finished.connect(self._signed_in)
        self._watcher.failed.connect(self._sign_in_failed)

        self.platform = QComboBox(self)
        self.platform.setObjectName("platformCombo")
        for platform in supported_platforms():
            self.platform.addItem(platform.label, platform.value)
        self.form_holder = QVBoxLayout()
        self.form: SignInForm | None = None
        self.open_page_button = QPushButton(self.tr("Open the sign-in page"), self)
        self.open_page_button.setObjectName("openSignInPage")
        self.open_page_button.clicked.connect(self.open_sign_in_page)
        self.sign_in_button = QPushButton(self.tr("Sign in"), self)
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.message = plain_label("", "dialogMessage", self)
        self.message.setWordWrap(True)

        self.name = QLineEdit(self)
        self.name.setObjectName("accountName")
        self.targets = QListWidget(self)
        self.targets.setObjectName("watchTargets")
        self.connect_button = QPushButton(self.tr("Connect"), self)
        self.connect_button.setObjectName("connectButton")

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._sign_in_page())
        self.pages.addWidget(self._targets_page())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.rejected.connect(self.reject)
        intro = intro_label(
            self.tr(
                "Sign in to the platform. Tokens and passwords are kept in your system "
                "keyring, never in Moderator's files."
            ),
            self,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.platform.currentIndexChanged.connect(self._rebuild_form)
        self.sign_in_button.clicked.connect(self.start_sign_in)
        self.connect_button.clicked.connect(self.connect_account)
        self._rebuild_form()

    def _sign_in_page(self) -> QWidget:
        page, layout = self._page(self.tr("Platform"), self.platform)
        layout.addLayout(self.form_holder)
        row = QHBoxLayout()
        row.addWidget(self.open_page_button)
        row.addStretch(1)
        row.addWidget(self.sign_in_button)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _targets_page(self) -> QWidget:
        page, layout = self._page(self.tr("Account name"), self.name)
        layout.addWidget(QLabel(self.tr("Watch:"), page))
        layout.addWidget(self.targets, 1)
        layout.addWidget(self.connect_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _page(self, label: str, field: QWidget) -> tuple[QWidget, QVBoxLayout]:
        """A page of the dialog's stack: a column that starts with one labelled field."""
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QFormLayout()
        top.addRow(label, field)
        layout.addLayout(top)
        return page, layout

    def selected_platform(self) -> Platform:
        return Platform(self.platform.currentData())  # Qt hands the enum back as a str

    def _rebuild_form(self) -> None:
        if self.form is not None:
            self.form_holder.removeWidget(self.form)
            self.form.deleteLater()
        setup = setup_for(self.selected_platform())
        self.form = SignInForm(setup.fields, self)
        self.form_holder.addWidget(self.form)
        # Platforms whose token comes back from a browser page (VK) offer to open it.
        self.open_page_button.setVisible(callable(getattr(setup, "authorize_url", None)))
        self.message.clear()

    def open_sign_in_page(self) -> None:
        assert self.form is not None
        setup = setup_for(self.selected_platform())
        authorize_url = getattr(setup, "authorize_url", None)
        if not callable(authorize_url):
            return
        try:
            url = str(authorize_url(self.form.values()))
        except ConnectorError as exc:
            self.message.setText(error_text(exc))
            return
        QDesktopServices.openUrl(QUrl(url))
        self.message.setText(
            self.tr("Allow access in the browser, then paste the final address here.")
        )

    def start_sign_in(self) -> None:
        assert self.form is not None
        missing = self.form.missing()
        if missing:
            self.message.setText(self.tr("Please fill in: %1").replace("%1", ", ".join(missing)))
            return
        platform, values = self.selected_platform(), self.form.values()
        self.form.clear_secrets()  # the values travel to the engine; the widgets forget them
        self.sign_in_button.setEnabled(False)
        self.message.setText(self.tr("Signing in…"))
        try:
            future = self._bridge.submit(lambda client: sign_in(platform, values, client))
        except RuntimeError as exc:
            self._sign_in_failed(exc)
            return
        self._watcher.watch(future)

    def _signed_in(self, result: object) -> None:
        assert isinstance(result, SignInResult)
        self._result = result
        self.sign_in_button.setEnabled(True)
        self.message.clear()
        self.name.setText(result.account_name)
        self.targets.clear()
        for target in result.targets:
            item = QListWidgetItem(target.title, self.targets)
            item.setData(Qt.ItemDataRole.UserRole, target)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.targets.setVisible(bool(result.targets))
        self.pages.setCurrentIndex(1)

    def _sign_in_failed(self, error: object) -> None:
        self.sign_in_button.setEnabled(True)
        self.message.setText(self.tr("Could not sign in: %1").replace("%1", error_text(error)))

    def chosen_targets(self) -> list[WatchTarget]:
        chosen = []
        for row in range(self.targets.count()):
            item = self.targets.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(item.data(Qt.ItemDataRole.UserRole))
        return chosen

    def connect_account(self) -> None:
        if self._result is None:
            return
        if self._result.targets and not self.chosen_targets():
            self.message.setText(self.tr("Choose at least one thing to watch."))
            return
        try:
            account = save_account(
                self._store,
                SecretStore(),
                self.selected_platform(),
                self._result,
                name=self.name.text().strip() or None,
                targets=self.chosen_targets(),
            )
        except (SecretsUnavailable, AccountConflict) as exc:
            self.message.setText(error_text(exc))
            return
        assert account.id is not None
        self.accountAdded.emit(account.id)
        self.accept()
