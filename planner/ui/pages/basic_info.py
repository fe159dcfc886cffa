"""Step 1 基本情報: the plan's title, municipality, period and chapter prose."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from planner.ui.editors.plan_form import PlanForm
from planner.ui.i18n import translate
from planner.ui.pages.base import StepPage


def title() -> str:
    """Navigator label."""
    return translate("ui", "基本情報")


def build(number: int, window) -> StepPage:
    """The page with the plan form in a scroll area."""
    form = PlanForm(window.doc)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the area
    scroll.setWidget(form)
    page = StepPage(number, title(), translate("ui", 
        "計画の名称、自治体名、計画期間を入力します。各章の本文は後から書き足せます。"), scroll)
    page.form = form
    return page
