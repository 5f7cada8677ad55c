"""An account that needs the moderator shows a button; the captcha answer reaches the engine."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from moderator_app.domain import Account, AccountStatus, Attention, SyncState
from moderator_app.ui.main_window import MainWindow
from tests.ui.helpers import FakeEngine


def test_captcha_button_dialog_and_answer(
    qtbot: QtBot, window: MainWindow, engine: FakeEngine, account: Account
) -> None:
    assert account.id is not None
    assert not window.status.attention_button.isVisible()
    attention = Attention("captcha", "not-a-url", {"captcha_sid": "s1"})
    window.status.set_account_status(
        AccountStatus(account.id, SyncState.NEEDS_ATTENTION, "captcha", attention=attention)
    )
    assert window.status.attention_button.isVisible()
    assert "captcha" in window.status.attention_button.text().lower()
    qtbot.mouseClick(window.status.attention_button, Qt.MouseButton.LeftButton)
    dialog = window.captcha_dialog
    assert dialog is not None
    assert dialog.image.text() == "No picture."  # only http(s) pictures are fetched
    dialog.answer.setText("x7k2")
    dialog.send_answer()
    assert engine.answers == [(account.id, "captcha", "x7k2")]
    window.status.set_account_status(AccountStatus(account.id, SyncState.OK))
    assert not window.status.attention_button.isVisible()


def test_vk_sign_in_offers_the_browser_page(qtbot: QtBot, window: MainWindow) -> None:
    add = window.open_accounts().open_add_dialog()
    platforms = [add.platform.itemText(i) for i in range(add.platform.count())]
    assert {"Sandbox", "VK", "Telegram", "YouTube", "WordPress"} <= set(platforms)
    add.platform.setCurrentIndex(platforms.index("VK"))
    assert add.open_page_button.isVisibleTo(add)
    add.platform.setCurrentIndex(platforms.index("Telegram"))
    assert not add.open_page_button.isVisibleTo(add)
    assert add.form is not None
    assert "token" in add.form.edits
