"""Step: 施策 — the list of measures and the selected one's form."""

from __future__ import annotations

from planner.ui.editors.entity_editor import EntityEditor
from planner.ui.editors.forms import MeasureForm
from planner.ui.i18n import translate
from planner.ui.pages.base import StepPage

KIND = "measures"



def title() -> str:
    """Navigator label."""
    return translate("ui", "施策")


def build(number: int, window) -> StepPage:
    """The page: instruction line above the list + form editor."""
    editor = EntityEditor(window.doc, KIND, MeasureForm(window.doc), translate("ui", "新しい施策"), window.prompts)
    page = StepPage(number, title(), translate("ui", "課題ごとに施策を追加し、対応する課題、基本法の条項、利用するデータを選びます。"), editor)
    page.editor = editor
    return page
