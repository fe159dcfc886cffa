"""How a finding's severity looks everywhere in the app: colour, icon and label."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from planner.checks.finding import Severity
from planner.ui.i18n import translate

_COLORS = {"error": "#c62828", "warning": "#ef8f00", "info": "#1565c0"}
_GLYPHS = {"error": "×", "warning": "!", "info": "i"}


def severity_color(severity: str) -> str:
    """Hex colour of a severity (error red, warning amber, info blue)."""
    return _COLORS.get(str(severity), "#757575")


def severity_label(severity: str) -> str:
    """The severity in words: エラー / 警告 / 情報 (translatable)."""
    labels = {
        "error": translate("Severity", "エラー"),
        "warning": translate("Severity", "警告"),
        "info": translate("Severity", "情報"),
    }
    return labels.get(str(severity), str(severity))


def worst(severities: list[str]) -> str:
    """The most serious of ``severities`` ('' for none)."""
    ranked = sorted((Severity(s) for s in severities), key=lambda s: s.rank)
    return str(ranked[0]) if ranked else ""


@cache
def severity_icon(severity: str) -> QIcon:
    """A round coloured icon with a glyph, drawn for 100–300 % so it is sharp when scaled."""
    icon = QIcon()
    for size in (16, 24, 32, 48):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(severity_color(severity)))
        painter.drawEllipse(QPointF(size / 2, size / 2), size / 2 - 0.5, size / 2 - 0.5)
        font = QFont()
        font.setPixelSize(int(size * 0.7))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter,
                         _GLYPHS.get(str(severity), "?"))
        painter.end()
        icon.addPixmap(pixmap)
        icon.addPixmap(pixmap, QIcon.Mode.Selected)  # not tinted on a selected row
    return icon
