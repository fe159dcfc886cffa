"""Step 1 基本情報: the plan's title, municipality, period and chapter prose."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QWidget

from planner.ui.editors.plan_form import PlanForm
from planner.ui.i18n import translate
from planner.ui.pages.base import StepPage


class BasicInfoPage(StepPage):
    """The plan form in a scroll area."""

    form: PlanForm

    def __init__(self, number: int, title: str, window) -> None:
        form = PlanForm(window.doc)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the area
        scroll.setWidget(form)
        super().__init__(number, title, translate("ui",
            "計画の名称、自治体名、計画期間を入力します。各章の本文は後から書き足せます。"), scroll)
        self.form = form

    def first_field(self) -> QWidget:
        """The plan's title."""
        return self.form.binding("title").widget
