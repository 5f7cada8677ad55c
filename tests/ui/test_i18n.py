"""The Russian catalogue loads and a known label is translated."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from moderator_app.store import Store
from moderator_app.ui.action_bar import ActionBar
from moderator_app.ui.display import level_name
from moderator_app.ui.engine_bridge import EngineBridge
from moderator_app.ui.i18n import install_translation, remove_translation, resolve_language
from moderator_app.ui.main_window import MainWindow


@pytest.fixture
def russian(qapp: QApplication) -> Iterator[None]:
    translators = install_translation(qapp, "ru")
    assert len(translators) == 2  # ours and Qt's own qtbase_ru
    yield
    remove_translation(qapp, translators)


def test_labels_in_russian(qtbot: QtBot, russian: None) -> None:
    bar = ActionBar()
    qtbot.addWidget(bar)
    assert bar.reply_button.text() == "Ответить"
    assert bar.escalate_button.text() == "Эскалировать"
    assert level_name(None) == "Оценка…"


def test_window_in_russian(
    qtbot: QtBot, russian: None, store: Store, comment_ids: list[int], bridge: EngineBridge
) -> None:
    window = MainWindow(store, bridge)
    qtbot.addWidget(window)
    assert window.sidebar.model.entry(1).title == "Все комментарии"  # type: ignore[union-attr]
    assert window.model.headerData(4, Qt.Orientation.Horizontal) == "Комментарий"
    assert window.status.action_counts.text() == "0 в очереди"


def test_english_installs_nothing(qapp: QApplication) -> None:
    assert install_translation(qapp, "en") == []


def test_language_resolution() -> None:
    assert resolve_language("ru") == "ru"
    assert resolve_language("ru_RU") == "ru"
    assert resolve_language("de") == "en"
