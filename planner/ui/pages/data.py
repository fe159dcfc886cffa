"""Step: データ — the list of data_sources and the selected one's form."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.ui.editors.data_form import DataForm
from planner.ui.editors.entity_editor import EntityEditor
from planner.ui.i18n import translate
from planner.ui.pages.base import ListPage

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


class DataPage(ListPage):
    """Instruction line above the list + form editor."""

    def __init__(self, number: int, title: str, window: MainWindow) -> None:
        editor = EntityEditor(window.doc, "data_sources", DataForm(window.doc),
                              translate("ui", "新しいデータ"), window.prompts)
        super().__init__(number, title, translate("ui", "施策で使うデータと、KPIを測るデータを登録します。個人情報を含むかどうかで点検の内容が変わります。"),
                         editor)
