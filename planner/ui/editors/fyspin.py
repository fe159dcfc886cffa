"""A spin box for fiscal years that shows the 和暦 beside the Western year."""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QSpinBox, QWidget

from planner.plan import wareki
from planner.ui.i18n import fill, translate

if TYPE_CHECKING:
    from planner.ui.document import PlanDocument

UNSET = 1988  # one below 平成元年: the spin box's "not set" position


def current_fiscal_year(today: _dt.date | None = None) -> int:
    """The fiscal year (April–March) ``today`` falls in."""
    return wareki.fiscal_year_of(today or _dt.date.today())  # noqa: DTZ011 (the user's own date)


def parse_year(text: str) -> int | None:
    """2026 from '2026', '2026（令和8年度）', '令和8', 'R8' or '令和元年度'; None otherwise."""
    text = text.strip()
    if m := re.search(r"(\d{4})", text):
        return int(m.group(1))
    if m := re.match(r"(令和|平成|R|H)\s*(元|\d{1,2})", text, re.IGNORECASE):
        era = {"R": "令和", "H": "平成"}.get(m.group(1).upper(), m.group(1))
        return wareki.western_year(era, 1 if m.group(2) == "元" else int(m.group(2)))
    return None


def plan_era(doc: PlanDocument) -> str | None:
    """The era the plan's document names fiscal years in (its 策定日's, see
    ``wareki.document_era``): 平成 for a plan adopted in 2019-03, else None (the present)."""
    return wareki.document_era(doc.plan.plan.adopted_on)


def fy_text(fy: int, era: str | None = None) -> str:
    """2026（令和8年度）; in English 2026 (令和8年度); with ``era`` the count in that era,
    as the document prints it (2023（平成35年度）)."""
    return fill(translate("FiscalYearSpinBox", "%1（%2）"), fy, wareki.fiscal_year_short(fy, era))


class FiscalYearSpinBox(QSpinBox):
    """年度 as 2026（令和8年度）; the lowest position means "not set".

    ``set_era`` names the years in the era the plan's document uses (平成35年度 for a plan
    adopted in 平成), so the form and the document never disagree."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.era: str | None = None
        self.setRange(UNSET, 2100)
        self.setSpecialValueText(translate("FiscalYearSpinBox", "（未設定）"))
        self.setValue(UNSET)
        self.setAccelerated(True)

    def year(self) -> int | None:
        """The year shown, or None when not set."""
        return None if self.value() == UNSET else self.value()

    def set_year(self, fy: int | None) -> None:
        """Show ``fy`` (None: not set)."""
        self.setValue(UNSET if fy is None else max(UNSET + 1, min(2100, fy)))

    def set_era(self, era: str | None) -> None:
        """Name the years in ``era`` (None: the newest era that began in the year)."""
        if era == self.era:
            return
        self.era = era
        if self.value() != self.minimum():
            self.lineEdit().setText(self.textFromValue(self.value()))

    def textFromValue(self, value: int) -> str:
        """2026（令和8年度）."""
        return fy_text(value, self.era)

    def valueFromText(self, text: str) -> int:
        """Parse what the user typed (Western or 和暦)."""
        year = parse_year(text)
        return UNSET if year is None else year

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        """Accept any partial year while typing; a full one when it is in range."""
        if text == self.specialValueText() or not text.strip():
            return QValidator.State.Intermediate, text, pos
        year = parse_year(text)
        if year is not None and self.minimum() < year <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def stepBy(self, steps: int) -> None:
        """From "not set", the first step goes to the current fiscal year, not 1989."""
        if self.value() == UNSET and steps > 0:
            self.setValue(current_fiscal_year())
            return
        super().stepBy(steps)
