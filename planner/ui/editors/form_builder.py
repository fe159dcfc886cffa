"""Laying out a form: headed sections of labelled rows, each with an optional hint."""

from __future__ import annotations

import re
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from planner.ui.editors.binding import Binding, BoundForm
from planner.ui.editors.fields import explanation, line_edit
from planner.ui.i18n import translate
from planner.ui.plain import plain_label as literal_label

W = TypeVar("W", bound=QWidget)


class FormBuilder:
    """Adds sections and rows to a BoundForm, in reading (and tab) order."""

    def __init__(self, form: BoundForm) -> None:
        self.form = form
        self.outer = QVBoxLayout(form)
        self.outer.setContentsMargins(8, 4, 8, 8)
        self.layout: QFormLayout | None = None
        self.labels: list[QLabel] = []  # beside their fields, aligned across sections

    def section(self, title: str, labels_above: bool = False) -> None:
        """Start a new headed group of rows (``labels_above``: for wide text areas)."""
        heading = QLabel(title)
        heading.setObjectName("formSection")
        heading.setStyleSheet("QLabel#formSection { font-weight: bold; margin-top: 10px;"
                              " border-bottom: 1px solid palette(mid); }")
        self.outer.addWidget(heading)
        self.layout = QFormLayout()
        self.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows if labels_above
                                     else QFormLayout.RowWrapPolicy.WrapLongRows)
        self.layout.setProperty("labelsAbove", labels_above)
        self.layout.setHorizontalSpacing(self.form.fontMetrics().horizontalAdvance("M"))
        self.outer.addLayout(self.layout)

    def row(self, label: str, widget: W, hint: str = "") -> W:
        """A labelled field; the label's mnemonic (&) focuses it."""
        assert self.layout is not None, "call section() first"
        if hint:
            box = QWidget()
            col = QVBoxLayout(box)
            col.setContentsMargins(0, 0, 0, 0)
            col.setSpacing(2)
            col.addWidget(widget)
            col.addWidget(explanation(hint))
            box.setFocusProxy(widget)
            shown = box
        else:
            shown = widget
        title = QLabel(label)
        title.setBuddy(widget)
        self.layout.addRow(title, shown)
        name_fields(self.form, widget, plain_label(label))
        if not self.layout.property("labelsAbove"):
            self.labels.append(title)
        return widget

    def note(self, text: str) -> QLabel:
        """A line of explanation across the current section (no field)."""
        assert self.layout is not None, "call section() first"
        label = explanation(text)
        self.layout.addRow(label)
        return label

    def id_row(self, label: str) -> QLabel:
        """The item's id, read-only: ids are given by the app, never typed."""
        shown = literal_label(QLabel())
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.add_binding(Binding(self.form, "id", shown,
                                      lambda v: shown.setText(v or "")))
        return self.row(label, shown)

    def item_opening(self, kind: str, title_label: str, title_example: str) -> None:
        """How every item's form opens: a section headed by the kind of item, its id, then
        its title (labelled ``title_label``, ``title_example`` as the placeholder)."""
        self.section(kind)
        self.id_row(translate("ui", "ID"))
        self.row(title_label, line_edit(self.form, "title", title_example))

    def finish(self) -> None:
        """Align the fields of every section in one column; push the rows to the top."""
        width = max((label.sizeHint().width() for label in self.labels), default=0)
        for label in self.labels:
            label.setMinimumWidth(width)
        self.outer.addStretch(1)


#: The widgets a user types into or chooses with: each needs a name a screen reader says.
INPUT_TYPES = (QLineEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox, QAbstractButton,
               QAbstractItemView)


def plain_label(text: str) -> str:
    """A row label without its mnemonic: 「課題名(&T)」 → 「課題名」."""
    return re.sub(r"\(&.\)|&(?=\S)", "", text).strip()


def name_fields(form: BoundForm, widget: QWidget, name: str) -> None:
    """Give the fields under ``widget`` the row's label as their name where they have none:
    in undo texts (「根拠」の変更, not "evidence") and for screen readers (UI Automation
    sees a Qt widget only by its accessible name)."""
    for binding in form.bindings:
        if binding.label is None and (binding.widget is widget
                                      or widget.isAncestorOf(binding.widget)):
            binding.label = name
    for child in (widget, *widget.findChildren(QWidget)):
        if isinstance(child, INPUT_TYPES) and not child.accessibleName():
            text = child.text() if isinstance(child, QAbstractButton) else ""
            child.setAccessibleName(f"{name} {text}".strip() if text else name)
