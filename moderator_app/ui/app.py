"""The GUI entry point the CLI calls: application, style, language, store, window, engine.

The engine is handed in (or built here from a factory given our `on_event`), so this module
never decides how accounts sync; it only shows what the store holds and what the engine says.
"""

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from moderator_app import APP_ID, APP_NAME, __version__
from moderator_app.store import Store, StoreError
from moderator_app.ui.engine_bridge import EngineBridge, EngineFactory
from moderator_app.ui.i18n import install_translation, remove_translation
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.screenshot import ScreenshotTaker
from moderator_app.ui.style import apply_style

DEFAULT_SIZE = (1400, 860)


def choose_platform(*, headless_ok: bool) -> str | None:
    """Qt aborts the process when it finds no display; say so calmly instead.

    A screenshot run needs no screen, so there it falls back to the offscreen platform.
    Returns an error message when the window cannot be shown.
    """
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    if headless_ok:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return None
    return (
        "no display found (DISPLAY and WAYLAND_DISPLAY are not set). Run Moderator in a "
        "desktop session, or use the headless commands (`moderator-app --help`)."
    )


_BENIGN_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)


def _quiet_benign_messages(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """The offscreen platform complains about window hints it cannot apply; nothing is wrong."""
    if message in _BENIGN_QT_MESSAGES:
        return
    print(message, file=sys.stderr)


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        qInstallMessageHandler(_quiet_benign_messages)
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_ID)
    app.setDesktopFileName(APP_ID)
    return app


@contextmanager
def quit_on_sigint(app: QApplication) -> Iterator[None]:
    """Ctrl+C in the terminal closes the app cleanly (engine stopped) instead of a traceback.
    A timer wakes the Python interpreter now and then so it can run the handler."""

    def handler(_signum: int, _frame: FrameType | None) -> None:
        app.quit()

    try:
        previous = signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    waker = QTimer()
    waker.timeout.connect(lambda: None)
    waker.start(200)
    try:
        yield
    finally:
        waker.stop()
        signal.signal(signal.SIGINT, previous)


def run_app(
    db_path: Path,
    *,
    engine: EngineFactory,
    screenshot: Path | None = None,
    screenshot_timeout_s: float = 60.0,
    lang: str | None = None,
) -> int:
    """Show the inbox for the database at `db_path` until the window closes; returns an exit
    code. `engine` is a factory `on_event -> engine`, called with the bridge's handler, so
    every engine event arrives in the window as a Qt signal."""
    problem = choose_platform(headless_ok=screenshot is not None)
    if problem is not None:
        print(f"moderator-app: {problem}", file=sys.stderr)
        return 1
    app = application()
    apply_style(app)
    translators = install_translation(app, lang)
    try:
        store = Store.open(db_path)
    except StoreError as exc:
        print(f"moderator: {exc}", file=sys.stderr)
        remove_translation(app, translators)
        return 2
    bridge = EngineBridge.with_factory(engine)
    window = MainWindow(store, bridge)
    window.resize(*DEFAULT_SIZE)
    app.aboutToQuit.connect(bridge.stop)
    taker = None
    if screenshot is not None:
        taker = ScreenshotTaker(window, screenshot, screenshot_timeout_s)
    try:
        bridge.start()
        window.show()
        if taker is not None:
            taker.start()
        with quit_on_sigint(app):
            code = app.exec()
    finally:
        bridge.stop()
        window.close()
        window.deleteLater()
        store.close()
        remove_translation(app, translators)
    return int(code)
