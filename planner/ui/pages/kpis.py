"""Step: KPI — the list of kpis and the selected one's form."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.ui.editors.entity_editor import EntityEditor
from planner.ui.editors.kpi_form import KpiForm
from planner.ui.i18n import translate
from planner.ui.pages.base import ListPage

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


class KpisPage(ListPage):
    """Instruction line above the list + form editor."""

    def __init__(self, number: int, title: str, window: MainWindow) -> None:
        editor = EntityEditor(window.doc, "kpis", KpiForm(window.doc),
                              translate("ui", "新しいKPI"), window.prompts)
        super().__init__(number, title, translate("ui", "施策の成果を測る指標を追加し、基準値・目標値と、測るためのデータを選びます。"),
                         editor)
