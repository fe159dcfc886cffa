"""The guided flow is built from one table (planner.ui.steps): navigator, pages, menu, focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.ui.main_window import CHECK_STEP, EXPORT_STEP
from planner.ui.pages.base import ListPage
from planner.ui.pages.check import CheckPage
from planner.ui.pages.export import ExportPage
from planner.ui.steps import STEPS, index
from tests.ui.helpers import open_window


def test_the_step_table_names_each_step_once_and_finds_it_by_id() -> None:
    ids = [step.id for step in STEPS]
    assert len(set(ids)) == len(ids)
    assert [index(step_id) for step_id in ids] == list(range(len(STEPS)))
    assert STEPS[CHECK_STEP].page is CheckPage and STEPS[EXPORT_STEP].page is ExportPage


def test_the_window_navigator_pages_and_menu_follow_the_table(qtbot) -> None:
    window = open_window(qtbot)
    assert window.navigator.count() == len(window.pages) == len(STEPS)
    for n, step in enumerate(STEPS):
        assert type(window.pages[n]) is step.page
        assert window.navigator.item(n).text().startswith(step.title())
        action = window.step_actions[n]
        assert action.text() == f"{n + 1}. {step.title()}"
        assert action.shortcut().toString() == f"Ctrl+{n + 1}"
    lists = [page for page in window.pages if isinstance(page, ListPage)]
    assert [page.editor.kind for page in lists] == ["issues", "measures", "data_sources", "kpis"]


def test_entering_a_step_puts_the_cursor_on_that_page(qtbot) -> None:
    """Keyboard users land on the step shown (its list, first field or button)."""
    window = open_window(qtbot)
    for n in [*range(1, len(STEPS)), 0]:
        window.problems_button.setFocus(Qt.FocusReason.OtherFocusReason)  # outside the pages
        window.go_to_step(n)
        page = window.pages[n]
        assert QApplication.focusWidget() is page.first_field()
        assert page.isAncestorOf(page.first_field())
