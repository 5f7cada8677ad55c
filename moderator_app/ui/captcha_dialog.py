"""A captcha a platform (VK) asks the moderator to solve before it lets the account go on.

The image is fetched by the engine (the UI never calls the network) and shown as a picture;
the typed answer goes back to the engine, which retries the account's requests with it.
"""

import httpx
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from moderator_app.connectors.http import raise_for_status, send
from moderator_app.domain import Attention
from moderator_app.ui.dialog_parts import intro_label
from moderator_app.ui.engine_bridge import EngineBridge
from moderator_app.ui.future_watcher import FutureWatcher

MAX_IMAGE_BYTES = 512 * 1024


class CaptchaDialog(QDialog):
    def __init__(
        self,
        account_id: int,
        account_name: str,
        attention: Attention,
        bridge: EngineBridge,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("captchaDialog")
        self.setWindowTitle(self.tr("Captcha"))
        self._account_id = account_id
        self._attention = attention
        self._bridge = bridge
        intro = intro_label(
            self.tr("%1 asks you to type the characters in the picture.").replace(
                "%1", account_name
            ),
            self,
        )
        self.image = QLabel(self.tr("Loading the picture…"), self)
        self.image.setObjectName("captchaImage")
        self.image.setTextFormat(Qt.TextFormat.PlainText)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumHeight(60)
        self.answer = QLineEdit(self)
        self.answer.setObjectName("captchaAnswer")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.send_answer)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.image)
        layout.addWidget(self.answer)
        layout.addWidget(buttons)
        self._watcher = FutureWatcher(self)
        self._watcher.finished.connect(self._show_image)
        self._watcher.failed.connect(lambda _e: self.image.setText(self.tr("No picture.")))
        self._load_image()

    def _load_image(self) -> None:
        url = self._attention.url
        if not url.startswith(("https://", "http://")):
            self.image.setText(self.tr("No picture."))
            return

        async def fetch(client: httpx.AsyncClient) -> bytes:
            response = await send(client, "GET", url, what="captcha picture")
            raise_for_status(response, what="captcha picture")
            return response.content[:MAX_IMAGE_BYTES]

        try:
            self._watcher.watch(self._bridge.submit(fetch))
        except RuntimeError:
            self.image.setText(self.tr("No picture."))

    def _show_image(self, data: object) -> None:
        pixmap = QPixmap()
        if isinstance(data, bytes) and pixmap.loadFromData(data):
            self.image.setPixmap(pixmap)
        else:
            self.image.setText(self.tr("No picture."))

    def send_answer(self) -> None:
        text = self.answer.text().strip()
        if not text:
            return
        self._bridge.answer_attention(self._account_id, self._attention, text)
        self.accept()
