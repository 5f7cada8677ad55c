"""The app's colours in one place, shared by the QSS, the delegates and the chips.

Calm neutrals for chrome; colour is reserved for meaning (toxicity, failures, the selection).
"""

from dataclasses import dataclass

from PySide6.QtGui import QColor

from moderator_app.domain import Platform, ToxicityLevel

WINDOW = "#f6f6f7"
SURFACE = "#ffffff"
SIDEBAR = "#efeff1"
BORDER = "#e3e3e8"
TEXT = "#1c1c21"
MUTED = "#6e6e78"
FAINT = "#9b9ba5"
ACCENT = "#4353c9"
SELECTION = "#e4e8fb"
ALTERNATE = "#fafafb"


@dataclass(frozen=True, slots=True)
class ChipColors:
    foreground: QColor
    background: QColor
    border: QColor


def _chip(fg: str, bg: str, border: str) -> ChipColors:
    return ChipColors(QColor(fg), QColor(bg), QColor(border))


LEVEL_CHIPS: dict[ToxicityLevel | None, ChipColors] = {
    ToxicityLevel.OK: _chip("#4b6b57", "#ecf3ee", "#d5e6da"),
    ToxicityLevel.REVIEW: _chip("#8a5300", "#fff3d6", "#f7dd9e"),
    ToxicityLevel.TOXIC: _chip("#b3261e", "#fde7e6", "#f6c3bf"),
    None: _chip("#7a7a84", "#f1f1f4", "#e1e1e6"),
}

# Background of a toxic span inside the comment text (detail pane).
SPAN_HIGHLIGHT = {
    ToxicityLevel.TOXIC: QColor("#fbd3d0"),
    ToxicityLevel.REVIEW: QColor("#fde7b0"),
    ToxicityLevel.OK: QColor("#e6ece8"),
}
SPAN_TEXT = QColor("#6e1510")

PENDING = QColor("#6e6e78")
FAILED = QColor("#c62828")
HIDDEN_BADGE = _chip("#55555f", "#ececf0", "#dcdce2")
ESCALATED_BADGE = _chip("#5b3fb5", "#efeafd", "#d9cff8")
REPLIED_BADGE = _chip("#2d6a8f", "#e6f1f8", "#c9e0ee")

PLATFORM_COLORS = {
    Platform.SANDBOX: "#8b8b95",
    Platform.VK: "#2787f5",
    Platform.TELEGRAM: "#2aa3dd",
    Platform.YOUTUBE: "#e53935",
    Platform.WORDPRESS: "#3b6e8f",
    Platform.FACEBOOK: "#1877f2",
    Platform.INSTAGRAM: "#c13584",
    Platform.REDDIT: "#ff5700",
    Platform.MASTODON: "#6364ff",
    Platform.MATRIX: "#0dbd8b",
}

PLATFORM_CODES = {
    Platform.SANDBOX: "SB",
    Platform.VK: "VK",
    Platform.TELEGRAM: "TG",
    Platform.YOUTUBE: "YT",
    Platform.WORDPRESS: "WP",
    Platform.FACEBOOK: "FB",
    Platform.INSTAGRAM: "IG",
    Platform.REDDIT: "RD",
    Platform.MASTODON: "MA",
    Platform.MATRIX: "MX",
}


def platform_color(platform: Platform) -> QColor:
    return QColor(PLATFORM_COLORS.get(platform, MUTED))
