"""The editors' common layout: a list of items on the left, the selected item's form beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QSplitter, QWidget


def list_beside_form(owner: QWidget, left: QWidget, form: QWidget, list_letters: int,
                     form_width: int) -> tuple[QScrollArea, QSplitter]:
    """Fill ``owner`` with ``left`` (about ``list_letters`` letters wide) and ``form`` in a
    scroll area, split so that the user can widen either and the form takes any extra room.

    Returns the scroll area and the splitter.
    """
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(form)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(left)
    splitter.addWidget(scroll)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([owner.fontMetrics().horizontalAdvance("M") * list_letters, form_width])
    splitter.setChildrenCollapsible(False)
    layout = QHBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(splitter)
    return scroll, splitter
