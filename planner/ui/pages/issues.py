"""Step: 地域課題 — the list of issues and the selected one's form."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.ui.editors.entity_editor import EntityEditor
from planner.ui.editors.forms import IssueForm
from planner.ui.i18n import translate
from planner.ui.pages.base import ListPage

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


class IssuesPage(ListPage):
    """Instruction line above the list + form editor."""

    def __init__(self, number: int, title: str, window: MainWindow) -> None:
        editor = EntityEditor(window.doc, "issues", IssueForm(window.doc),
                              translate("ui", "新しい地域課題"), window.prompts)
        super().__init__(number, title, translate("ui", "地域課題を1つずつ追加し、根拠となる統計やデータを書きます。"),
                         editor)
