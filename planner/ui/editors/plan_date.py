"""A plan date (策定日) as plans give it: a whole date (2026-03-27) or only the month (2019-03)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QWidget

from planner.plan import wareki
from planner.plan.model import PlanDate
from planner.ui.editors.binding import Binding, BoundForm
from planner.ui.editors.context_menu import use_plan_undo
from planner.ui.editors.fields import explanation
from planner.ui.i18n import lang, translate

_DAY, _MONTH = "day", "month"


def normalise_date(text: str) -> str | None:
    """``2026/2/10``, ``2026年2月10日``, ``2019.3`` → ISO (``2026-02-10``, ``2019-03``);
    None when the text is no date of either kind."""
    parts = re.findall(r"\d+", text or "")
    if len(parts) not in (2, 3) or len(parts[0]) != 4:
        return None
    iso = "-".join([parts[0], *(p.zfill(2) for p in parts[1:])])
    parsed = PlanDate.parse(iso)
    return parsed.iso() if parsed else None


class PlanDateEdit(QWidget):
    """設定する ☐ · 年月日 / 年月のみ · the calendar · the 和暦 beside."""

    def __init__(self, form: BoundForm, path: str) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(translate("ui", "設定する"))
        self.precision = QComboBox()
        self.precision.addItem(translate("ui", "年月日"), _DAY)
        self.precision.addItem(translate("ui", "年月のみ"), _MONTH)
        self.precision.setToolTip(translate(
            "ui", "策定日が月までしか分からない計画（2019年3月策定など）は「年月のみ」を選びます。"))
        self.precision.setAccessibleName(translate("ui", "策定日の精度"))
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setAccessibleName(translate("ui", "策定日"))
        self.era = explanation()
        row.addWidget(self.enabled)
        row.addWidget(self.precision)
        row.addWidget(self.edit)
        row.addWidget(self.era, 1)
        self.binding = Binding(form, path, self, self.show_date)
        self.enabled.toggled.connect(lambda _on: self._changed())
        self.precision.activated.connect(lambda _i: self._changed())
        self.edit.dateChanged.connect(lambda _d: self._changed())
        use_plan_undo(self.edit, form.doc)
        self.setFocusProxy(self.enabled)
        form.add_binding(self.binding)

    def _format(self, month_only: bool) -> None:
        self.edit.setDisplayFormat("yyyy-MM" if month_only else "yyyy-MM-dd")

    def show_date(self, value: Any) -> None:
        """Show ``YYYY-MM-DD``, ``YYYY-MM`` or nothing."""
        parsed = PlanDate.parse(value) if isinstance(value, str) else None
        for widget in (self.enabled, self.precision, self.edit):
            widget.blockSignals(True)
        self.enabled.setChecked(parsed is not None)
        month_only = bool(parsed and parsed.month_only)
        self.precision.setCurrentIndex(1 if month_only else 0)
        self._format(month_only)
        self.edit.setDate(QDate(parsed.year, parsed.month, parsed.day or 1) if parsed
                          else QDate.currentDate())
        for widget in (self.enabled, self.precision, self.edit):
            widget.blockSignals(False)
        self.precision.setEnabled(parsed is not None)
        self.edit.setEnabled(parsed is not None)
        self.era.setText(wareki.date(value, lang()) if parsed else "")

    def value(self) -> str | None:
        """The date as the file writes it, None when unset."""
        if not self.enabled.isChecked():
            return None
        d = self.edit.date()
        month_only = self.precision.currentData() == _MONTH
        return PlanDate(d.year(), d.month(), None if month_only else d.day()).iso()

    def _changed(self) -> None:
        self._format(self.precision.currentData() == _MONTH)
        self.binding.commit(self.value())
