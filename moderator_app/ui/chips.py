"""Painting of the small rounded chips and state markers, shared by the inbox delegate and the
detail pane. Everything is drawn with `drawText`: plain text, whatever the string holds."""

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen, QPixmap

from moderator_app.domain import ToxicityResult
from moderator_app.ui import theme
from moderator_app.ui.display import level_name
from moderator_app.ui.theme import ChipColors

CHIP_HEIGHT = 20
CHIP_PAD_X = 8
MARKER_SIZE = 14


# Chip fonts and their metrics by the base font's key: a screen of the inbox paints ~20 chips.
_FONTS: dict[str, tuple[QFont, QFontMetrics, QFont]] = {}


def _chip_fonts(base: QFont) -> tuple[QFont, QFontMetrics, QFont]:
    """(the chip's font, its metrics, the same at normal weight) for a base font."""
    key = base.key()
    found = _FONTS.get(key)
    if found is None:
        font = QFont(base)
        font.setPointSizeF(max(base.pointSizeF() - 1.0, 7.0))
        font.setWeight(QFont.Weight.DemiBold)
        normal = QFont(font)
        normal.setWeight(QFont.Weight.Normal)
        if len(_FONTS) > 32:
            _FONTS.clear()
        found = _FONTS[key] = (font, QFontMetrics(font), normal)
    return found


def chip_font(base: QFont) -> QFont:
    return QFont(_chip_fonts(base)[0])


def toxicity_parts(result: ToxicityResult | None) -> tuple[str, str, ChipColors]:
    """(level word, score text, colours) for a verdict; unscored shows a neutral 'Scoring'."""
    if result is None:
        return level_name(None), "", theme.LEVEL_CHIPS[None]
    return level_name(result.level), f"{result.score:.2f}", theme.LEVEL_CHIPS[result.level]


def chip_width(font: QFont, label: str, detail: str = "") -> int:
    metrics = _chip_fonts(font)[1]
    width = metrics.horizontalAdvance(label) + 2 * CHIP_PAD_X
    if detail:
        width += metrics.horizontalAdvance(" " + detail)
    return width


def paint_chip(
    painter: QPainter,
    rect: QRect,
    label: str,
    colors: ChipColors,
    *,
    detail: str = "",
    font: QFont | None = None,
) -> int:
    """A pill with `label` (and a lighter `detail`), vertically centred in `rect`, left
    aligned. Returns the width used."""
    base = font or painter.font()
    small, metrics, normal = _chip_fonts(base)
    width = min(chip_width(base, label, detail), rect.width())
    height = min(CHIP_HEIGHT, rect.height())
    pill = QRectF(
        rect.left() + 0.5, rect.top() + (rect.height() - height) / 2 + 0.5, width - 1, height - 1
    )
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colors.border, 1))
    painter.setBrush(colors.background)
    painter.drawRoundedRect(pill, height / 2, height / 2)
    painter.setFont(small)
    text_rect = pill.adjusted(CHIP_PAD_X, 0, -CHIP_PAD_X + 1, 0).toRect()
    painter.setPen(colors.foreground)
    painter.drawText(
        text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), label
    )
    if detail:
        faded = QColor(colors.foreground)
        faded.setAlphaF(0.75)
        painter.setPen(faded)
        detail_rect = text_rect.adjusted(metrics.horizontalAdvance(label + " "), 0, 0, 0)
        painter.setFont(normal)
        painter.drawText(
            detail_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), detail
        )
    painter.restore()
    return width


# Chips drawn once into a pixmap, then copied: the inbox paints the same few dozen chips (a
# level and a score) on every screen, and a rounded, antialiased pill with two texts costs
# more than copying its pixels.
_CHIP_PIXMAPS: dict[tuple[object, ...], tuple[QPixmap, int]] = {}
_CHIP_PIXMAPS_MAX = 512


def paint_chip_cached(
    painter: QPainter, rect: QRect, label: str, colors: ChipColors, *, detail: str = ""
) -> int:
    """`paint_chip` in the painter's current font, through a pixmap cache."""
    font = painter.font()
    ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
    key = (
        font.key(),
        label,
        detail,
        colors.foreground.rgba(),
        colors.background.rgba(),
        colors.border.rgba(),
        rect.width(),
        rect.height(),
        ratio,
    )
    found = _CHIP_PIXMAPS.get(key)
    if found is None:
        width = min(chip_width(font, label, detail), rect.width())
        pixmap = QPixmap(max(round(width * ratio), 1), max(round(rect.height() * ratio), 1))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        inner = QPainter(pixmap)
        inner.setFont(font)
        paint_chip(inner, QRect(0, 0, width, rect.height()), label, colors, detail=detail)
        inner.end()
        if len(_CHIP_PIXMAPS) >= _CHIP_PIXMAPS_MAX:
            _CHIP_PIXMAPS.clear()
        found = _CHIP_PIXMAPS[key] = (pixmap, width)
    pixmap, width = found
    painter.drawPixmap(rect.topLeft(), pixmap)
    return width


def paint_clock(painter: QPainter, rect: QRect, color: QColor) -> None:
    """A small clock face: an action is queued and not yet carried out."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    size = min(MARKER_SIZE, rect.height()) - 2
    center = QPointF(rect.left() + size / 2 + 1, rect.center().y() + 0.5)
    painter.setPen(QPen(color, 1.4))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(center, size / 2, size / 2)
    painter.drawLine(center, QPointF(center.x(), center.y() - size * 0.3))
    painter.drawLine(center, QPointF(center.x() + size * 0.24, center.y()))
    painter.restore()


def paint_failed(painter: QPainter, rect: QRect, color: QColor) -> None:
    """A filled red circle with '!': an action failed and needs the moderator."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    size = min(MARKER_SIZE, rect.height()) - 1
    circle = QRectF(rect.left() + 0.5, rect.center().y() - size / 2 + 0.5, size, size)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(circle)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(max(int(size * 0.75), 7))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(circle, int(Qt.AlignmentFlag.AlignCenter), "!")
    painter.restore()


def _round_pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _marker_box(rect: QRect) -> QRectF:
    size = min(MARKER_SIZE, rect.height())
    return QRectF(rect.left() + 0.5, rect.center().y() - size / 2 + 1, size, size)


def paint_flag(painter: QPainter, rect: QRect, color: QColor) -> None:
    """A small flag: the comment was escalated to a colleague."""
    box = _marker_box(rect)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(_round_pen(color, 1.5))
    left = box.left() + box.width() * 0.22
    painter.drawLine(QPointF(left, box.top() + 1), QPointF(left, box.bottom() - 0.5))
    flag = QPainterPath(QPointF(left, box.top() + 1.5))
    flag.lineTo(box.right() - 1, box.top() + box.height() * 0.3)
    flag.lineTo(left, box.top() + box.height() * 0.6)
    flag.closeSubpath()
    painter.setPen(_round_pen(color, 1.2))
    painter.setBrush(color)
    painter.drawPath(flag)
    painter.restore()


def paint_hidden(painter: QPainter, rect: QRect, color: QColor) -> None:
    """An eye struck through: hidden on the platform (or about to be)."""
    box = _marker_box(rect).adjusted(0.5, 2, -0.5, -2)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(color, 1.3))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    eye = QPainterPath(QPointF(box.left(), box.center().y()))
    eye.quadTo(QPointF(box.center().x(), box.top() - 2.5), QPointF(box.right(), box.center().y()))
    eye.quadTo(QPointF(box.center().x(), box.bottom() + 2.5), QPointF(box.left(), box.center().y()))
    painter.drawPath(eye)
    painter.setBrush(color)
    painter.drawEllipse(box.center(), 1.8, 1.8)
    painter.setPen(_round_pen(color, 1.5))
    painter.drawLine(
        QPointF(box.left() + 1, box.bottom() + 1.5), QPointF(box.right() - 1, box.top() - 1.5)
    )
    painter.restore()


def paint_replied(painter: QPainter, rect: QRect, color: QColor) -> None:
    """A curved arrow pointing back: we replied."""
    box = _marker_box(rect).adjusted(1, 1.5, -1, -1.5)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = _round_pen(color, 1.5)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    tip = QPointF(box.left(), box.top() + box.height() * 0.4)
    curve = QPainterPath(tip)
    curve.lineTo(box.left() + box.width() * 0.55, tip.y())
    curve.quadTo(QPointF(box.right(), tip.y()), QPointF(box.right(), box.bottom()))
    painter.drawPath(curve)
    head = box.height() * 0.35
    painter.drawLine(tip, QPointF(tip.x() + head, tip.y() - head))
    painter.drawLine(tip, QPointF(tip.x() + head, tip.y() + head))
    painter.restore()
