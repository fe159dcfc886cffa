"""Jumping from a finding to the field it names: every rule's field reaches a widget."""

from __future__ import annotations

import pytest
from checks.test_every_rule import every_rule_plan
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from planner.checks import run_checks
from planner.files.paths import sample_plan_path
from planner.files.planfile import load_plan
from planner.ui.document import kind_of
from planner.ui.main_window import STEP_OF_KIND
from tests.ui.helpers import open_window, replace_plan, step_page


def _form_for(window, finding):
    """The form the window should jump to for ``finding`` and the path inside it."""
    item = window.doc.find(finding.nodes[0]) if finding.nodes else None
    if item is None:
        return window.pages[0].form, finding.field.removeprefix("plan.")
    return window.pages[STEP_OF_KIND[kind_of(item)]].editor.form, finding.field


def _double_click(qtbot, window, rule: str) -> None:
    """Double-click the first row of ``rule`` in the problems panel."""
    panel = step_page(window, 5).panel
    assert any(f.rule == rule for f in window.findings), rule
    for row in range(panel.proxy.rowCount()):
        if panel.proxy.index(row, 1).data() == rule:
            index = panel.proxy.index(row, 1)
            panel.table.scrollTo(index)
            rect = panel.table.visualRect(index)
            # A real double-click is a press/release, then the double-click event.
            qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton,
                              pos=rect.center())
            return
    raise AssertionError(f"{rule} not in the problems panel")


def test_double_clicking_pln006_focuses_the_measures_articles(qtbot):
    window = open_window(qtbot)
    replace_plan(qtbot, window, every_rule_plan())
    _double_click(qtbot, window, "PLN006")
    assert window.current_step() == 2
    measure = window.pages[2].editor.current_item()
    finding = next(f for f in window.findings if f.rule == "PLN006")
    assert measure.id == finding.nodes[0]
    grid = window.pages[2].editor.form.binding("articles").widget
    focus = QApplication.focusWidget()
    assert isinstance(focus, QComboBox) and grid.isAncestorOf(focus)


def test_a_related_article_finding_focuses_that_articles_choice(qtbot):
    window = open_window(qtbot)
    replace_plan(qtbot, window, every_rule_plan())
    finding = next(f for f in window.findings if f.field and f.field.startswith("articles.rel"))
    window.go_to_item(finding.nodes[0], finding.field)
    grid = window.pages[2].editor.form.binding("articles").widget
    focus = QApplication.focusWidget()
    assert grid.isAncestorOf(focus) and focus.currentData() in ("related", None)


def test_a_data_use_finding_focuses_its_row_and_cell(qtbot):
    window = open_window(qtbot)
    replace_plan(qtbot, window, every_rule_plan())
    finding = next(f for f in window.findings
                   if f.field and f.field.startswith("uses[") and f.field.endswith("legal_basis"))
    window.go_to_item(finding.nodes[0], finding.field)
    uses = window.pages[2].editor.form.uses
    row = int(finding.field[5:finding.field.index("]")])
    assert uses.table.currentRow() == row
    assert QApplication.focusWidget() is uses.table.cellWidget(row, 3)


@pytest.mark.parametrize("source", ["sample", "every_rule"])
def test_every_findings_field_resolves_to_a_bound_widget(qtbot, source):
    window = open_window(qtbot)
    plan = load_plan(sample_plan_path()) if source == "sample" else every_rule_plan()
    window.doc.replace(plan)
    findings = [f for f in run_checks(window.doc.plan) if f.field]
    assert len(findings) >= (1 if source == "sample" else 30)
    for finding in findings:
        form, path = _form_for(window, finding)
        binding = form.binding(path)
        assert binding is not None, (finding.rule, finding.nodes, finding.field)
        window.go_to_item(finding.nodes[0] if finding.nodes else "", finding.field)
        focus = QApplication.focusWidget()
        assert focus is binding.widget or binding.widget.isAncestorOf(focus), (
            finding.rule, finding.field, focus)
        assert focus.visibleRegion().isEmpty() is False, (finding.rule, finding.field)


def test_every_literal_field_in_the_checker_has_a_widget(qtbot):
    """Rules not fired by the plans above still name fields that a form must edit."""
    import re
    from pathlib import Path

    import planner.checks

    window = open_window(qtbot)
    forms = [window.pages[step].editor.form for step in STEP_OF_KIND.values()]
    literals = set()
    for module in Path(planner.checks.__file__).parent.glob("*.py"):
        literals |= set(re.findall(r'field="([^"]+)"', module.read_text(encoding="utf-8")))
    assert {"articles.primary", "plan.period", "retention"} <= literals
    for path in sorted(literals):
        if path.startswith("plan."):
            assert window.pages[0].form.binding(path.removeprefix("plan.")), path
        else:
            assert any(form.binding(path) for form in forms), path
