"""A measure's data uses as a table: data, flow, purpose, legal basis, rationale.

Each row is one measure→data link; the panel below explains the selected row's choices
(what 目的外利用 means and when APPI Art. 69 allows it). Every change replaces the
measure's ``uses`` list in one undoable edit.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from planner.plan import vocab
from planner.plan.model import DataUse, Flow, LegalBasis, Purpose
from planner.ui import icons
from planner.ui.editors.binding import Binding, BoundForm
from planner.ui.editors.context_menu import use_plan_undo
from planner.ui.editors.explain import describe_use
from planner.ui.editors.fields import add_terms
from planner.ui.editors.links import follow, missing_id_label, shown_title, titles
from planner.ui.i18n import fill, lang, translate
from planner.ui.plain import plain_tip

_COLUMNS = ("data", "flow", "purpose", "legal_basis", "rationale")
_ENUMS = {"flow": Flow, "purpose": Purpose, "legal_basis": LegalBasis}



# Percent of the width the choices leave that goes to the data's title; 理由 takes the rest.
_DATA_SHARE = 45


def _short_labels(kind: str) -> dict[str, str]:
    """Cell labels short enough for a 1366-px screen (the vocabulary's ``short`` variant)."""
    return {t.code: t.label(lang(), "short") for t in vocab.terms(kind)}


def add_short_terms(combo: QComboBox, kind: str) -> None:
    """Offer every code of ``kind`` under its short name, in the list as in the cell.

    Why: the list said 「新規取得分に目的を設定」 and the cell 「新規に目的設定」, two names for
    one choice. The vocabulary's full label and its meaning stay in each entry's tooltip.
    """
    add_terms(combo, kind)
    short = _short_labels(kind)
    for index in range(combo.count()):
        code = combo.itemData(index)
        if code is not None and str(code) in short:
            full, meaning = combo.itemText(index), combo.itemData(
                index, Qt.ItemDataRole.ToolTipRole)
            combo.setItemText(index, short[str(code)])
            combo.setItemData(index, f"{full}\n{meaning}" if meaning else full,
                              Qt.ItemDataRole.ToolTipRole)


class CellCombo(QComboBox):
    """A choice in a table cell: a short label, elided with …, the full one in the list.

    Why: at 1366 px four choices and the data's title share ~900 px; clipped labels
    (「民間への提供（共同利」) read as something else.
    """

    def __init__(self, short: dict[str, str] | None = None) -> None:
        super().__init__()
        self.short = short or {}
        self.currentIndexChanged.connect(lambda _i: self.setToolTip(self._tip()))

    def shown_text(self) -> str:
        """What the closed combo shows: the short label, else the full one."""
        code = self.currentData()
        return self.short.get(str(code), self.currentText()) if code is not None \
            else self.currentText()

    def _tip(self) -> str:
        help_text = self.itemData(self.currentIndex(), Qt.ItemDataRole.ToolTipRole)
        return self.currentText() + (f"\n{help_text}" if help_text else "")

    def showPopup(self) -> None:
        """The list is as wide as its longest full label, even from a narrow cell."""
        self.view().setMinimumWidth(self.view().sizeHintForColumn(0)
                                    + self.fontMetrics().horizontalAdvance("M") * 2)
        super().showPopup()

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Draw the combo with the short label, elided to the space there is."""
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        option.currentText = self.fontMetrics().elidedText(
            self.shown_text(), Qt.TextElideMode.ElideRight, field.width())
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


def occasional_combo() -> QComboBox:
    """臨時的か継続的か: APPI 69(2) allows an out-of-purpose use only when it is occasional."""
    combo = QComboBox()
    combo.addItem(translate("ui", "期間で判断"), None)
    combo.addItem(translate("ui", "臨時的（1回限りなど）"), True)
    combo.addItem(translate("ui", "継続的"), False)
    combo.setAccessibleName(translate("ui", "臨時的な利用か"))
    combo.setToolTip(translate(
        "ui", "個人情報保護法69条2項で認められる目的外利用は臨時的なものに限られます。継続的に使うなら"
        "利用目的の設定・変更（61条）が必要です。「期間で判断」では、施策の期間が2年度以上なら継続的とみなします。"))
    return combo


class UsesTable(QWidget):
    """Edit ``measure.uses``: a row per data source used."""

    def __init__(self, form: BoundForm) -> None:
        super().__init__()
        self.form, self.doc = form, form.doc
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [translate("ui", "データ"), translate("ui", "流れ"), translate("ui", "目的との関係"), translate("ui", "法的根拠"), translate("ui", "理由・説明")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Row numbers: the cells are all widgets, so the selection shows only here.
        self.table.verticalHeader().setHighlightSections(True)
        # Tab walks the cells' own widgets (row by row) instead of moving the current cell.
        self.table.setTabKeyNavigation(False)
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setTextFormat(Qt.TextFormat.RichText)
        self.explain.setObjectName("useExplanation")
        self.explain.setStyleSheet(
            "QLabel#useExplanation { background: palette(alternate-base);"
            " border: 1px solid palette(mid); padding: 6px; }")
        self.add_button = QPushButton(icons.add(), translate("ui", "データ利用を追加(&U)"))
        self.remove_button = QPushButton(icons.delete(), translate("ui", "選んだ行を削除(&R)"))
        # Why: データ comes after 施策 in the steps, so on a new plan the data column
        # offers nothing yet; say so instead of leaving an empty choice unexplained.
        self.no_data = QLabel(translate(
            "ui", "データはまだ登録されていません。次の「4. データ」で登録すると、"
            "ここの「データ」欄で選べるようになります。"))
        self.no_data.setObjectName("noDataHint")
        self.no_data.setWordWrap(True)
        self.no_data.setStyleSheet("QLabel#noDataHint { color: palette(placeholder-text); }")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self._shown: list[DataUse] = []
        self.occasional = occasional_combo()
        self.occasional.activated.connect(lambda _i: self._set_occasional())
        occasional_row = QHBoxLayout()
        occasional_row.addWidget(QLabel(translate("ui", "選んだ行は臨時的な利用か:")))
        occasional_row.addWidget(self.occasional)
        occasional_row.addStretch(1)
        self.occasional_note = QLabel(self._occasional_reason(True))
        self.occasional_note.setWordWrap(True)
        self.occasional_note.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.no_data)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addLayout(occasional_row)
        layout.addWidget(self.occasional_note)
        layout.addWidget(self.explain)
        self.add_button.clicked.connect(self._add_row)
        self.remove_button.clicked.connect(self._remove_row)
        self.table.currentCellChanged.connect(lambda *_: self._explain())
        self.binding = Binding(form, "uses", self, self.show_uses)
        self.binding.label = translate("ui", "利用するデータ")
        self.table.setAccessibleName(translate("ui", "利用するデータ"))
        self._force = False
        follow(self.doc, "data_sources", self._reload_titles, self, self._retitle)
        form.add_binding(self.binding)
        self.setFocusProxy(self.table)
        self.table.viewport().installEventFilter(self)

    # -- showing -------------------------------------------------------------------
    def show_uses(self, uses: Any) -> None:
        """Show ``uses`` (rebuilding rows only when they differ, to keep the cursor)."""
        uses = list(uses or [])
        self._shown = [dataclasses.replace(u) for u in uses]
        self.no_data.setVisible(not self.doc.items("data_sources"))
        if not self._force and uses == self.current_uses() and self.table.rowCount() == len(uses):
            self._explain()
            return
        row = self.table.currentRow()
        self.table.setRowCount(0)
        for use in uses:
            self._append(use)
        self._fit_columns()
        if self.table.rowCount():
            self.table.selectRow(min(max(row, 0), self.table.rowCount() - 1))
        self._order_tabs()
        self._explain()

    def _fit_columns(self) -> None:
        """Choices get the width of their longest short label; data and 理由 share the rest.

        Why: at 1366 px nothing may be clipped or pushed off screen; 理由 reads in full below.
        """
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        em = metrics.horizontalAdvance("M")
        used = 0
        for col, kind in enumerate(("flow", "purpose", "legal_basis"), start=1):
            labels = [*_short_labels(kind).values(), translate("ui", "（未選択）"),
                      self._header(col)]
            width = max(metrics.horizontalAdvance(text) for text in labels) + em * 3
            self.table.setColumnWidth(col, width)
            used += width
        rest = self.table.viewport().width() - used
        self.table.setColumnWidth(0, max(rest * _DATA_SHARE // 100, em * 8))

    def _order_tabs(self) -> None:
        """Tab order: the table, its cells row by row, then the buttons below it.

        Why: cell widgets made after the form join the end of the window's focus chain.
        """
        chain: list[QWidget] = [self.table]
        for row in range(self.table.rowCount()):
            chain += [self.table.cellWidget(row, col) for col in range(len(_COLUMNS))]
        chain += [self.add_button, self.remove_button, self.occasional]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _retitle(self, item_id: str) -> bool:
        """Show a data source's new title in every row's choice; False: rebuild instead."""
        title = shown_title(self.doc, "data_sources", item_id)
        if title is None:
            return False
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 0)
            if not isinstance(combo, QComboBox):  # (every row's first cell is its combo)
                continue
            n = combo.findData(item_id)
            if n >= 0:
                combo.setItemText(n, title)
                combo.setToolTip(plain_tip(combo.currentText()))
        return True

    def _reload_titles(self) -> None:
        self._force = True
        try:
            self.binding.load()
        finally:
            self._force = False

    def _append(self, use: DataUse) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        data = CellCombo()
        data.addItem(translate("ui", "（未選択）"), None)
        for item_id, title in titles(self.doc, "data_sources"):
            data.addItem(title, item_id)
        if use.data is not None and data.findData(use.data) < 0:
            data.addItem(missing_id_label(use.data), use.data)
        data.setCurrentIndex(max(0, data.findData(use.data)) if use.data else 0)
        data.setToolTip(plain_tip(data.currentText()))
        self.table.setCellWidget(row, 0, data)
        data.activated.connect(lambda _i: self._changed())
        for col, kind in enumerate(("flow", "purpose", "legal_basis"), start=1):
            combo = CellCombo(_short_labels(kind))
            combo.addItem(translate("ui", "（未選択）") if kind != "legal_basis" else translate("ui", "（なし）"), None)
            add_short_terms(combo, kind)
            code = getattr(use, kind)
            combo.setCurrentIndex(max(0, combo.findData(str(code))) if code else 0)
            combo.setToolTip(combo._tip())
            combo.activated.connect(lambda _i: self._changed())
            self.table.setCellWidget(row, col, combo)
        rationale = QLineEdit(use.rationale or "")
        rationale.setCursorPosition(0)  # show the start of a long rationale, not its end
        rationale.setToolTip(plain_tip(use.rationale))
        rationale.textChanged.connect(lambda text: rationale.setToolTip(plain_tip(text)))
        rationale.setPlaceholderText(translate("ui", "なぜこのデータをこう使うか"))
        use_plan_undo(rationale, self.doc)
        rationale.textEdited.connect(lambda _t: self._changed(merge=True))
        rationale.editingFinished.connect(self.binding.seal)
        self.table.setCellWidget(row, 4, rationale)
        for col in range(len(_COLUMNS)):
            cell = self.table.cellWidget(row, col)
            cell.installEventFilter(self)
            # 「流れ（2行目）」: what a screen reader says on the cell.
            cell.setAccessibleName(fill(translate("ui", "%1（%2行目）"), self._header(col), row + 1))

    def _header(self, col: int) -> str:
        item = self.table.horizontalHeaderItem(col)  # (set for every column in __init__)
        return item.text() if item is not None else ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A cell's widget taking the focus makes its row current (explanation, 削除)."""
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
            return False
        if (event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget)
                and watched is not self.table.viewport()):
            index = self.table.indexAt(watched.geometry().center())
            if index.isValid() and index.row() != self.table.currentRow():
                self.table.setCurrentCell(index.row(), index.column())
        return False

    def focus_part(self, rest: str, _uses: Any) -> QWidget | None:
        """The cell a finding names (``[2].legal_basis``), with its row made current."""
        match = re.fullmatch(r"\[(\d+)\](?:\.(\w+))?", rest)
        if match is None or int(match.group(1)) >= self.table.rowCount():
            return None
        row = int(match.group(1))
        key = match.group(2)
        col = _COLUMNS.index(key) if key in _COLUMNS else 0
        self.table.setCurrentCell(row, col)
        return self.table.cellWidget(row, col)

    # -- reading back ---------------------------------------------------------------
    def current_uses(self) -> list[DataUse]:
        """The uses as the table shows them."""
        uses = []
        for row in range(self.table.rowCount()):
            values: dict[str, Any] = {}
            for col, key in enumerate(_COLUMNS):
                widget = self.table.cellWidget(row, col)
                if isinstance(widget, QComboBox):
                    code = widget.currentData()
                    values[key] = _ENUMS[key](code) if key in _ENUMS and code else code
                elif isinstance(widget, QLineEdit):
                    values[key] = widget.text() or None
            base = self._shown[row] if row < len(self._shown) else DataUse()
            uses.append(dataclasses.replace(base, **values))  # keeps ``occasional``
        return uses

    @staticmethod
    def _occasional_reason(applies: bool) -> str:
        if applies:
            return translate(
                "ui", "目的外利用（個人情報保護法69条2項）で認められるのは臨時的な利用だけです。"
                "継続的に使うなら利用目的を設定・変更します（61条）。")
        return translate("ui", "選んだ行は目的外利用ではないので、臨時的かどうかは問いません"
                         "（選んだ内容は消えずに残ります）。")

    def _set_occasional(self) -> None:
        row = self.table.currentRow()
        uses = self.current_uses()
        if 0 <= row < len(uses):
            uses[row].occasional = self.occasional.currentData()
            self.binding.commit(uses)

    def _changed(self, merge: bool = False) -> None:
        self.binding.commit(self.current_uses(), merge=merge)
        self._explain()

    def _add_row(self) -> None:
        self.binding.commit([*self.current_uses(), DataUse(flow=Flow.INTERNAL_USE,
                                                           purpose=Purpose.WITHIN)])
        self.table.selectRow(self.table.rowCount() - 1)
        self.table.cellWidget(self.table.rowCount() - 1, 0).setFocus()

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        uses = self.current_uses()
        del uses[row]
        self.binding.commit(uses)

    def _explain(self) -> None:
        row = self.table.currentRow()
        uses = self.current_uses()
        use = uses[row] if 0 <= row < len(uses) else DataUse()
        self.explain.setText(describe_use(use, self.doc.plan))
        self.remove_button.setEnabled(row >= 0)
        # 臨時的 matters only for a use outside the purpose (APPI 69(2)): for another row
        # the choice folds with the reason, and what was chosen stays in the plan.
        applies = use.purpose in (None, Purpose.OUT_OF_PURPOSE)
        self.occasional.setEnabled(row >= 0 and applies)
        self.occasional_note.setText(self._occasional_reason(applies))
        self.occasional.setCurrentIndex(max(0, self.occasional.findData(use.occasional))
                                        if use.occasional is not None else 0)
