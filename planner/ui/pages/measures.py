"""Step: 施策 — the list of measures and the selected one's form; the 施策体系 tab beside."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget

from planner.ui.editors.entity_editor import EntityEditor
from planner.ui.editors.forms import MeasureForm
from planner.ui.editors.pillar_tree import PillarEditor
from planner.ui.i18n import translate
from planner.ui.pages.base import ListPage

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


class _MeasuresEditor(EntityEditor):
    """A jump to a measure (a finding, the graph) shows the measures' tab first."""

    tabs: QTabWidget | None = None

    def select_item(self, item_id: str) -> bool:
        """Show this editor's tab, then select the item."""
        if self.tabs is not None:
            self.tabs.setCurrentWidget(self)
        return super().select_item(item_id)


class MeasuresPage(ListPage):
    """Two tabs: the measures' list + form, and the 施策体系 tree."""

    pillars: PillarEditor
    tabs: QTabWidget

    def __init__(self, number: int, title: str, window: MainWindow) -> None:
        editor = _MeasuresEditor(window.doc, "measures", MeasureForm(window.doc),
                                 translate("ui", "新しい施策"), window.prompts)
        pillars = PillarEditor(window.doc, window.prompts)
        tabs = QTabWidget()
        tabs.setDocumentMode(True)
        tabs.addTab(editor, translate("ui", "施策の一覧"))
        tabs.addTab(pillars, translate("ui", "施策体系"))
        tabs.setTabToolTip(1, translate("ui", "基本目標・基本施策・取組の階層を作り、施策をドラッグして入れます（3階層まで）。"))
        super().__init__(number, title, translate("ui", "課題ごとに施策を追加し、対応する課題、基本法の条項、利用するデータを選びます。"),
                         editor, tabs)
        self.pillars, self.tabs = pillars, tabs
        editor.tabs = tabs

    def show_measures(self) -> None:
        """Show the measures' tab."""
        self.tabs.setCurrentWidget(self.editor)

    def show_pillars(self) -> None:
        """Show the 施策体系 tab."""
        self.tabs.setCurrentWidget(self.pillars)
