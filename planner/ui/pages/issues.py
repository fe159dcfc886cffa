"""Step: 地域課題 — the list of issues and the selected one's form."""

from __future__ import annotations

from planner.ui.editors.entity_editor import EntityEditor
from planner.ui.editors.forms import IssueForm
from planner.ui.i18n import translate
from planner.ui.pages.base import StepPage

KIND = "issues"



def title() -> str:
    """Navigator label."""
    return translate("ui", "地域課題")


def build(number: int, window) -> StepPage:
    """The page: instruction line above the list + form editor."""
    editor = EntityEditor(window.doc, KIND, IssueForm(window.doc), translate("ui", "新しい地域課題"), window.prompts)
    page = StepPage(number, title(), translate("ui", "地域課題を1つずつ追加し、根拠となる統計やデータを書きます。"), editor)
    page.editor = editor
    return page
