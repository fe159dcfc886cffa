"""Keyboard-only use: tab order, mnemonics, the navigator, the data-use table, the problems
panel; and the plan's single undo history from a text field's right-click menu."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from planner.files.paths import sample_plan_path
from planner.ui.editors.context_menu import plan_context_menu
from tests.ui.helpers import open_window, press, step_page, type_into

_MNEMONIC = re.compile(r"&([^&\s])")


def _tab_chain(qtbot, start, count: int) -> list:
    """The widgets the focus visits from ``start`` with ``count`` presses of Tab."""
    start.setFocus()
    visited = [QApplication.focusWidget()]
    for _ in range(count):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    return visited


def test_tab_walks_the_kpi_page_top_to_bottom_left_to_right(qtbot):
    window = open_window(qtbot)
    window.files.open_path(sample_plan_path(), ask=False)
    editor = step_page(window, 4).editor
    form = editor.form
    w = {path: form.binding(path).widget for path in (
        "title", "type", "quantitative", "unit", "direction", "cumulative", "baseline.value",
        "baseline.fy", "baseline.estimated", "target.value", "target.fy", "target.estimated",
        "target.text", "milestones", "rationale", "measures", "source")}
    actuals = form.binding("actuals").widget
    buttons = editor.tool_buttons
    miles = w["milestones"]
    expected = [editor.filter, editor.view, buttons["add"], buttons["duplicate"],
                buttons["delete"], buttons["up"], buttons["down"], w["title"],
                w["type"].combo, w["quantitative"], w["unit"], w["direction"], w["cumulative"],
                w["baseline.value"], w["baseline.fy"], w["baseline.estimated"],
                w["target.value"], w["target.fy"], w["target.estimated"], w["target.text"],
                miles.table, miles.add_button, miles.remove_button, w["rationale"],
                w["measures"], w["source"], actuals.table]
    # Fields that do not apply to this KPI are disabled, and Tab passes them by.
    expected = [widget for widget in expected if widget.isEnabled()]
    assert _tab_chain(qtbot, editor.filter, len(expected) - 1) == expected
    # the form scrolled along: the last field reached is on screen
    assert not actuals.table.visibleRegion().isEmpty()


def test_tab_enters_the_data_use_table_row_by_row_and_the_row_follows(qtbot):
    window = open_window(qtbot)
    window.files.open_path(sample_plan_path(), ask=False)
    uses = step_page(window, 2).editor.form.uses
    rows = uses.table.rowCount()
    assert rows >= 2
    cells = [uses.table.cellWidget(r, c) for r in range(rows) for c in range(5)]
    chain = _tab_chain(qtbot, uses.table, len(cells) + 2)
    assert chain == [uses.table, *cells, uses.add_button, uses.remove_button]
    uses.table.cellWidget(1, 2).setFocus()  # purpose of the second use
    assert uses.table.currentRow() == 1
    assert "目的との関係" in uses.explain.text()


def test_step_navigator_arrows_and_ctrl_number(qtbot):
    window = open_window(qtbot)
    window.navigator.setFocus()
    qtbot.keyClick(window.navigator, Qt.Key.Key_Down)
    qtbot.keyClick(window.navigator, Qt.Key.Key_Down)
    assert window.current_step() == 2
    press(qtbot, window, window.navigator, Qt.Key.Key_6)
    assert window.current_step() == 5


def test_problems_panel_by_keyboard_alone(qtbot):
    window = open_window(qtbot)
    window.files.open_path(sample_plan_path(), ask=False)
    window.checks.run_now(window.doc.plan)
    panel = step_page(window, 5).panel
    qtbot.waitUntil(lambda: bool(panel.visible_findings()))
    press(qtbot, window, panel.table, Qt.Key.Key_F)  # Ctrl+F: the search box
    assert QApplication.focusWidget() is panel.search_box()
    qtbot.keyClick(panel.search_box(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.table
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    qtbot.keyClick(panel.table, Qt.Key.Key_Up)  # the first row, wherever the cursor was
    finding = panel.current_finding()
    assert finding is not None and finding.nodes
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert window.current_step() != 5  # jumped to the item the finding is about


def _mnemonics(window) -> list[str]:
    """Every Alt+letter the shown page, the menu bar and visible buttons claim."""
    letters = [m.upper() for a in window.menuBar().actions() for m in _MNEMONIC.findall(a.text())]
    page = window.pages[window.current_step()]
    for label in page.findChildren(QLabel):
        if label.buddy() is not None and label.isVisibleTo(window):
            letters += [m.upper() for m in _MNEMONIC.findall(label.text())]
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window):
            letters += [m.upper() for m in _MNEMONIC.findall(button.text())]
    return letters


def test_no_page_has_two_fields_on_the_same_alt_key(qtbot):
    window = open_window(qtbot)
    for step in range(len(window.pages)):
        window.go_to_step(step)
        letters = _mnemonics(window)
        assert len(letters) == len(set(letters)), (step, sorted(letters))


def test_alt_letter_focuses_the_labelled_field(qtbot):
    window = open_window(qtbot)
    window.files.open_path(sample_plan_path(), ask=False)
    form = step_page(window, 1).editor.form
    form.binding("title").widget.setFocus()
    qtbot.keyClick(form.binding("title").widget, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is form.binding("evidence").widget  # 根拠(&N)


def test_a_fields_context_menu_undoes_the_plan_not_the_widget(qtbot):
    window = open_window(qtbot)
    form = window.pages[0].form
    edit = form.binding("version").widget
    assert isinstance(edit, QLineEdit)
    type_into(qtbot, edit, "20")
    menu = plan_context_menu(edit, window.doc)
    names = [a.objectName() for a in menu.actions()]
    assert "edit-undo" not in names and "edit-redo" not in names  # the widget's own: gone
    undo = next(a for a in menu.actions() if a.objectName() == "plan-edit-undo")
    assert undo.isEnabled()
    undo.trigger()
    assert window.doc.plan.plan.version is None
    assert edit.text() == ""  # the field shows what the plan holds
    redo = next(a for a in plan_context_menu(edit, window.doc).actions()
                if a.objectName() == "plan-edit-redo")
    redo.trigger()
    assert window.doc.plan.plan.version == "20" and edit.text() == "20"


def test_every_text_field_of_the_forms_uses_the_plan_undo_menu(qtbot):
    window = open_window(qtbot)
    window.files.open_path(sample_plan_path(), ask=False)
    forms = [window.pages[0].form] + [window.pages[s].editor.form for s in (1, 2, 3, 4)]
    checked = 0
    for form in forms:
        for binding in form.bindings:
            if binding.path == "actuals":
                continue  # table cells: edits reach the plan only when committed
            found = [binding.widget, *binding.widget.findChildren(QWidget)]
            for widget in found:
                if isinstance(widget, QLineEdit) and isinstance(widget.parent(),
                                                                QAbstractSpinBox):
                    continue  # its spin box owns the menu
                if isinstance(widget, (QLineEdit, QPlainTextEdit, QAbstractSpinBox)):
                    assert widget.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu, (
                        form.kind, binding.path, type(widget).__name__)
                    checked += 1
    assert checked >= 40  # every line, text, spin and date field of the five forms
