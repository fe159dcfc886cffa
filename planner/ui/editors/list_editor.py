"""A compact editor of a short list of records (関連計画, 策定経過, 用語集, 連携課, 年度別目標…).

A table with one column per field and 追加 / 削除 buttons under it. Every change
replaces the whole list in one undoable edit (lists are always replaced whole, see
``fieldpath``), so undo and redo restore it exactly. Fields of a record that have no
column are kept as they were.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.ui import icons
from planner.ui.editors.binding import Binding, BoundForm
from planner.ui.i18n import fill, translate


def _blank_none(text: str) -> Any:
    return text.strip() or None


def _show_text(value: Any) -> str:
    return "" if value is None else str(value)


@dataclass
class Column:
    """One field of the records: its key (None: the record is the value itself, as in a
    list of names), header, and how a cell's text becomes the value and back — or, with
    ``choices``, a combo box of (label, value)."""

    key: str | None
    header: str
    parse: Callable[[str], Any] = _blank_none
    show: Callable[[Any], str] = _show_text
    choices: list[tuple[str, Any]] = field(default_factory=list)
    stretch: bool = True


class ListEditor(QWidget):
    """Edit the list at ``path`` of the form's target, a row per record."""

    def __init__(self, form: BoundForm, path: str, columns: list[Column],
                 record: type | None, label: str, add_text: str,
                 new_record: Callable[[list[Any]], Any] | None = None,
                 lines: int = 5) -> None:
        super().__init__()
        self.form, self.columns, self.record = form, columns, record
        self.new_record = new_record or (lambda _rows: record() if record else "")
        self._shown: list[Any] = []
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels([c.header for c in columns])
        header = self.table.horizontalHeader()
        em = self.fontMetrics().horizontalAdvance("M")
        for n, column in enumerate(columns):
            if column.choices:  # cell widgets: size to the longest choice, not the header
                header.setSectionResizeMode(n, QHeaderView.ResizeMode.Interactive)
                self.table.setColumnWidth(n, max(
                    self.fontMetrics().horizontalAdvance(text)
                    for text in [column.header, *(label for label, _v in column.choices)])
                    + em * 3)
            else:
                header.setSectionResizeMode(n, QHeaderView.ResizeMode.Stretch if column.stretch
                                            else QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)  # arrows move between cells; Tab moves on
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines = lines
        if len(columns) == 1:  # a list of names needs no column heading
            header.setVisible(False)
        self._fit_height()
        self.table.setAccessibleName(label)
        self.add_button = QPushButton(icons.add(), add_text)
        self.remove_button = QPushButton(icons.delete(), translate("ui", "選んだ行を削除"))
        self.add_button.setAccessibleName(f"{label} {add_text}")
        self.remove_button.setAccessibleName(
            f"{label} {translate('ui', '選んだ行を削除')}")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.binding = Binding(form, path, self, self.show_list)
        self.binding.label = label
        self.table.itemChanged.connect(lambda _item: self._changed())
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        form.add_binding(self.binding)
        self.setFocusProxy(self.table)

    # -- showing -------------------------------------------------------------------
    def show_list(self, values: Any) -> None:
        """Show the list (left alone when the table already shows it: keeps the cursor)."""
        values = list(values or [])
        if values == self._shown and values == self.current() and self._shows_as(values):
            return
        self._shown = [dataclasses.replace(v)  # records are instances, never classes
                       if dataclasses.is_dataclass(v) and not isinstance(v, type) else v
                       for v in values]
        row = self.table.currentRow()
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for value in values:
            self._append(value)
        self.table.blockSignals(False)
        self._fit_height()
        if self.table.rowCount():
            self.table.setCurrentCell(min(max(row, 0), self.table.rowCount() - 1), 0)

    def _shows_as(self, values: list[Any]) -> bool:
        """True when every text cell reads as its column shows the value now (a fiscal
        year's 和暦 follows the plan's 策定日, so equal values may read differently)."""
        for r, value in enumerate(values):
            for c, column in enumerate(self.columns):
                item = self.table.item(r, c)
                if item is not None and not column.choices:
                    cell = value if column.key is None else getattr(value, column.key)
                    if item.text() != column.show(cell):
                        return False
        return True

    def _fit_height(self) -> None:
        """As tall as the rows (one spare, at least two, at most ``lines``): short lists
        stay short on a 768-px screen."""
        header = self.table.horizontalHeader()
        head = header.sizeHint().height() if header.isVisible() or len(self.columns) > 1 else 0
        rows = min(max(self.table.rowCount() + 1, 2), self.lines)
        self.table.setFixedHeight(head + self.table.verticalHeader().defaultSectionSize() * rows
                                  + self.table.frameWidth() * 2)

    def _append(self, value: Any) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self._fit_height()
        for c, column in enumerate(self.columns):
            cell = value if column.key is None else getattr(value, column.key)
            if column.choices:
                combo = QComboBox()
                for label, choice in column.choices:
                    combo.addItem(label, choice)
                combo.setCurrentIndex(next((n for n, (_l, v) in enumerate(column.choices)
                                            if v == cell), 0))
                combo.setAccessibleName(fill(translate("ui", "%1（%2行目）"), column.header, r + 1))
                combo.activated.connect(lambda _i: self._changed())
                self.table.setCellWidget(r, c, combo)
            else:
                self.table.setItem(r, c, QTableWidgetItem(column.show(cell)))

    # -- reading back ---------------------------------------------------------------
    def current(self) -> list[Any]:
        """The records as the table shows them."""
        out: list[Any] = []
        for r in range(self.table.rowCount()):
            base: Any = self._shown[r] if r < len(self._shown) else self.new_record(out)
            values: dict[str, Any] = {}
            plain: Any = None
            for c, column in enumerate(self.columns):
                widget = self.table.cellWidget(r, c)
                if isinstance(widget, QComboBox):
                    value = widget.currentData()
                else:
                    item = self.table.item(r, c)
                    value = column.parse(item.text() if item else "")
                if column.key is None:
                    plain = value
                else:
                    values[column.key] = value
            if self.record is not None:
                out.append(dataclasses.replace(base, **values))
            elif plain is not None:  # a blank name is no entry (yet)
                out.append(plain)
        return out

    def _changed(self) -> None:
        self.binding.commit(self.current())

    def add_row(self) -> None:
        """Append a new record and put the cursor in its first cell (a list of names
        gets a blank row to type into; it joins the list once something is typed)."""
        rows = self.current()
        if self.record is None:
            self.table.blockSignals(True)
            self._append(None)
            self.table.blockSignals(False)
        else:
            self.binding.commit([*rows, self.new_record(rows)])
        last = self.table.rowCount() - 1
        if last >= 0:
            self.table.setCurrentCell(last, 0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            first = self.table.item(last, 0)
            if first is not None:
                self.table.editItem(first)

    def remove_row(self) -> None:
        """Remove the selected record."""
        r = self.table.currentRow()
        if r < 0:
            return
        if self.record is None:  # names: the blank rows are not in the list
            self.table.removeRow(r)
            self.binding.commit(self.current())
            return
        rows = self.current()
        del rows[r]
        self.binding.commit(rows)
