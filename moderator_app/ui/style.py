"""The look: Fusion as a neutral base, a calm palette, one font stack, and the QSS file in
`resources/styles/`. Colours come from `theme`, so QSS and painted chips agree."""

import logging
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from moderator_app.paths import resource_path
from moderator_app.ui import theme

log = logging.getLogger(__name__)

FONT_FAMILIES = ["Inter", "Segoe UI", "SF Pro Text", "Cantarell", "DejaVu Sans", "Sans Serif"]
FONT_POINT_SIZE = 10.0


def stylesheet_path() -> Path:
    return resource_path("styles", "moderator.qss")


def load_stylesheet(path: Path | None = None) -> str:
    """The QSS with `@NAME` tokens replaced by the `theme` colours of the same name."""
    path = path or stylesheet_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        log.warning("no stylesheet at %s (%s); using the plain Fusion look", path, exc)
        return ""
    tokens = {
        name: value
        for name, value in vars(theme).items()
        if name.isupper() and isinstance(value, str)
    }
    for name in sorted(tokens, key=len, reverse=True):
        text = text.replace(f"@{name}", tokens[name])
    return text


def palette() -> QPalette:
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.WINDOW,
        QPalette.ColorRole.WindowText: theme.TEXT,
        QPalette.ColorRole.Base: theme.SURFACE,
        QPalette.ColorRole.AlternateBase: theme.ALTERNATE,
        QPalette.ColorRole.Text: theme.TEXT,
        QPalette.ColorRole.Button: theme.SURFACE,
        QPalette.ColorRole.ButtonText: theme.TEXT,
        QPalette.ColorRole.Highlight: theme.SELECTION,
        QPalette.ColorRole.HighlightedText: theme.TEXT,
        QPalette.ColorRole.ToolTipBase: theme.TEXT,
        QPalette.ColorRole.ToolTipText: theme.SURFACE,
        QPalette.ColorRole.PlaceholderText: theme.FAINT,
        QPalette.ColorRole.Link: theme.ACCENT,
        QPalette.ColorRole.Mid: theme.BORDER,
    }
    for role, color in roles.items():
        pal.setColor(role, QColor(color))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.FAINT))
    pal.setColor(
        QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight, QColor(theme.SELECTION)
    )
    return pal


def app_font() -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(FONT_POINT_SIZE)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setPalette(palette())
    app.setFont(app_font())
    app.setStyleSheet(load_stylesheet())
