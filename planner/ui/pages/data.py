"""Step: データ — the list of data_sources and the selected one's form."""

from __future__ import annotations

from planner.ui.editors.data_form import DataForm
from planner.ui.editors.entity_editor import EntityEditor
from planner.ui.i18n import translate
from planner.ui.pages.base import StepPage

KIND = "data_sources"



def title() -> str:
    """Navigator label."""
    return translate("ui", "データ")


def build(number: int, window) -> StepPage:
    """The page: instruction line above the list + form editor."""
    editor = EntityEditor(window.doc, KIND, DataForm(window.doc), translate("ui", "新しいデータ"), window.prompts)
    page = StepPage(number, title(), translate("ui", "施策で使うデータと、KPIを測るデータを登録します。個人情報を含むかどうかで点検の内容が変わります。"), editor)
    page.editor = editor
    return page
