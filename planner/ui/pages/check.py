"""Step 6 点検: every finding, with what to fix and where; double-click jumps there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from planner.ui.i18n import lang, translate
from planner.ui.pages.base import StepPage
from planner.ui.problems_panel import ProblemsPanel

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


class CheckPage(StepPage):
    """The page around the problems panel; the window feeds it findings."""

    panel: ProblemsPanel

    def __init__(self, number: int, title: str, window: MainWindow) -> None:
        panel = ProblemsPanel(lang=lang())
        panel.finding_opened.connect(window.jump_to_finding)
        super().__init__(number, title, translate("ui",
            "計画の抜け漏れや、個人情報・オープンデータの決まりに反するおそれを一覧にします。"
            "行をダブルクリックすると、直す項目に移動します。"), panel)
        self.panel = panel

    def first_field(self) -> QWidget:
        """The findings' table."""
        return self.panel.table
