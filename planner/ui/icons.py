"""Every icon the app shows, named once here (git-cola ``icons.py``).

Qt's standard style icons keep the app free of image files and look native on Windows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from planner.ui.severity import severity_color

_SP = QStyle.StandardPixmap


def _std(pixmap: QStyle.StandardPixmap) -> QIcon:
    return QApplication.style().standardIcon(pixmap)


def new() -> QIcon:
    """File → New."""
    return _std(_SP.SP_FileIcon)


def open_() -> QIcon:
    """File → Open."""
    return _std(_SP.SP_DialogOpenButton)


def save() -> QIcon:
    """File → Save."""
    return _std(_SP.SP_DialogSaveButton)


def undo() -> QIcon:
    """Edit → Undo."""
    return _std(_SP.SP_ArrowBack)


def redo() -> QIcon:
    """Edit → Redo."""
    return _std(_SP.SP_ArrowForward)


def add() -> QIcon:
    """Add an item."""
    return _std(_SP.SP_FileDialogNewFolder)


def duplicate() -> QIcon:
    """Duplicate an item."""
    return _std(_SP.SP_FileLinkIcon)


def delete() -> QIcon:
    """Delete an item."""
    return _std(_SP.SP_TrashIcon)


def up() -> QIcon:
    """Move an item up."""
    return _std(_SP.SP_ArrowUp)


def down() -> QIcon:
    """Move an item down."""
    return _std(_SP.SP_ArrowDown)


def export() -> QIcon:
    """Export the document."""
    return _std(_SP.SP_DialogApplyButton)


def check() -> QIcon:
    """Run the check / the 点検 step."""
    return _std(_SP.SP_FileDialogContentsView)


def severity(level: str) -> QIcon:
    """A round mark for error / warning / info findings."""
    return _dot(severity_color(level))


#: Pixel sizes drawn for painted icons: 100 % to 300 % of the 16–22 px they are shown at,
#: so QIcon picks a sharp pixmap at any display scaling instead of stretching one.
_SIZES = (16, 22, 24, 32, 33, 44, 48, 64)


def _painted(paint: Callable[[QPainter, int], None]) -> QIcon:
    """An icon drawn by ``paint(painter, size)`` at every size in _SIZES."""
    icon = QIcon()
    for size in _SIZES:
        pix = QPixmap(size, size)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint(p, size)
        p.end()
        icon.addPixmap(pix)
        icon.addPixmap(pix, QIcon.Mode.Selected)  # not tinted when its row is selected
    return icon


def step_number(n: int, done: bool = False) -> QIcon:
    """A numbered circle for the step navigator."""
    def paint(p: QPainter, size: int) -> None:
        p.setBrush(QColor("#2e7d32" if done else "#1a4e8a"))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
        p.setPen(QColor("white"))
        font = p.font()
        font.setPixelSize(max(round(size * 0.56), 8))
        font.setBold(True)
        p.setFont(font)
        p.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, str(n))

    return _painted(paint)


def _dot(color: str) -> QIcon:
    def paint(p: QPainter, size: int) -> None:
        p.setBrush(QColor(color))
        p.setPen(Qt.PenStyle.NoPen)
        margin = size / 8
        p.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin))

    return _painted(paint)
