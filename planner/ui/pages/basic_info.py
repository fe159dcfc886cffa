"""Step 1 基本情報: the plan's title, municipality, period and chapter prose."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QWidget

from planner.ui.editors.plan_form import PlanForm
from planner.ui.i18n import translate
from planner.ui.pages.base import StepPage

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


class BasicInfoPage(StepPage):
    """The plan form in a scroll area."""

    form: PlanForm

    def __init__(self, number: int, title: str, window: MainWindow) -> None:
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
        binding = self.form.binding("title")
        if binding is None:  # (PlanForm always binds the title)
            raise LookupError("the plan form has no title field")
        return binding.widget
