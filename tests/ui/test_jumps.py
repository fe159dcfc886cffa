"""Every finding's jump lands where its fix is typed, framed, centred, with the finding
beside it — one test per rule family, plan-wide findings included."""

from __future__ import annotations

import pytest
from checks.test_every_rule import every_rule_plan
from PySide6.QtWidgets import QApplication, QScrollArea

from planner.checks.finding import Finding
from planner.plan.bilingual import Text
from planner.plan.model import ItemKind, Pillar, Plan, PlanInfo
from planner.ui import jumps
from planner.ui.main_window import STEP_OF_KIND
from tests.ui.helpers import open_window, replace_plan
from tests.ui.plans import small_plan


@pytest.fixture
def window(qtbot):
    window = open_window(qtbot)
    replace_plan(qtbot, window, every_rule_plan())
    return window


def _jump(qtbot, window, rule: str):
    finding = next(f for f in window.findings if f.rule == rule)
    widget = window.jump_to_finding(finding)
    qtbot.waitUntil(lambda: window.jump_marker.note.isVisible())
    assert QApplication.focusWidget() is widget or widget.isAncestorOf(
        QApplication.focusWidget())
    assert rule in window.jump_marker.note.text()
    assert finding.message("ja") in window.jump_marker.note.text()
    frame = window.jump_marker.frame.geometry()
    assert frame.contains(widget.mapTo(window, widget.rect().center()))
    return finding, widget


def _bound(window, step: int, path: str):
    form = window.pages[step].form if step == 0 else window.pages[step].editor.form
    return form.binding(path).widget


def _in_middle(widget) -> bool:
    """The widget's centre is in the middle third of its scroll area's view (or the area
    cannot scroll that far)."""
    area = widget.parentWidget()
    while not isinstance(area, QScrollArea):
        area = area.parentWidget()
    y = widget.mapTo(area.viewport(), widget.rect().center()).y()
    height = area.viewport().height()
    bar = area.verticalScrollBar()
    at_end = bar.value() in (bar.minimum(), bar.maximum())
    return height / 3 <= y <= 2 * height / 3 or at_end


def test_cov001_lands_on_a_measures_article_grid(qtbot, window):
    _finding, widget = _jump(qtbot, window, "COV001")
    assert window.current_step() == STEP_OF_KIND["measures"]
    assert _bound(window, 2, "articles").isAncestorOf(widget)
    assert _in_middle(widget)


def test_cov001_prefers_the_measure_already_selected(qtbot, window):
    editor = window.pages[2].editor
    second = window.doc.plan.measures[1].id
    editor.select_item(second)
    _jump(qtbot, window, "COV001")
    assert editor.current_item().id == second


def test_cov002_lands_on_a_data_sources_standard_dataset(qtbot, window):
    _finding, widget = _jump(qtbot, window, "COV002")
    assert window.current_step() == STEP_OF_KIND["data_sources"]
    assert _bound(window, 3, "open_data.standard_datasets") in (widget, *_ancestors(widget))
    assert _in_middle(widget)


@pytest.mark.parametrize("rule", ["REF001", "GAP001", "GAP005", "PRV001", "OPN001",
                                  "PLN006"])
def test_item_findings_land_on_their_item_and_field(qtbot, window, rule):
    finding, widget = _jump(qtbot, window, rule)
    item = window.doc.find(finding.nodes[0])
    step = STEP_OF_KIND[jumps._kind_of_id(window.doc.plan, item.id)]
    assert window.current_step() == step
    assert window.pages[step].editor.current_item() is item
    if finding.field:
        form = window.pages[step].editor.form
        assert form.binding(finding.field).widget in (widget, *_ancestors(widget))
    assert _in_middle(widget)


@pytest.mark.parametrize("rule", ["PLN001", "RDY003"])
def test_plan_findings_land_on_the_basic_information_field(qtbot, window, rule):
    finding, widget = _jump(qtbot, window, rule)
    assert window.current_step() == 0
    path = finding.field.removeprefix("plan.")
    assert _bound(window, 0, path) in (widget, *_ancestors(widget))
    assert _in_middle(widget)


def test_rdy001_lands_on_the_add_button_of_the_first_empty_list(qtbot):
    window = open_window(qtbot)
    replace_plan(qtbot, window, Plan(plan=PlanInfo(title="空の計画")))
    _finding, widget = _jump(qtbot, window, "RDY001")
    assert window.current_step() == STEP_OF_KIND["issues"]
    assert widget is window.pages[1].editor.tool_buttons["add"]


def test_a_new_rule_family_needs_only_a_row_in_the_table(qtbot, window, monkeypatch):
    monkeypatch.setitem(jumps.JUMPS, "XYZ001", jumps.Jump("kpis", "rationale"))
    finding = Finding("XYZ001", "info", (), Text("計画全体の指摘", "plan-wide"), Text("", ""),
                      Text("直す", "fix"))
    widget = window.jump_to_finding(finding)
    assert window.current_step() == STEP_OF_KIND["kpis"]
    assert widget is _bound(window, 4, "rationale")


def test_the_mark_goes_when_the_user_moves_on(qtbot, window):
    _finding, _widget = _jump(qtbot, window, "COV002")
    window.pages[3].editor.filter.setFocus()
    assert not window.jump_marker.note.isVisible()


def _ancestors(widget):
    out, parent = [], widget.parentWidget()
    while parent is not None:
        out.append(parent)
        parent = parent.parentWidget()
    return out


def test_gap013_lands_on_the_measures_pillar_choice(qtbot):
    window = open_window(qtbot)
    plan = small_plan()
    plan.pillars = [Pillar("P-1", "基本目標")]
    replace_plan(qtbot, window, plan)
    finding = next(f for f in window.findings if f.rule == "GAP013")
    assert finding.field == "pillar"
    widget = window.jump_to_finding(finding)
    qtbot.waitUntil(lambda: window.jump_marker.note.isVisible())
    assert window.current_step() == STEP_OF_KIND["measures"]
    assert widget is _bound(window, 2, "pillar") or _bound(window, 2, "pillar").isAncestorOf(widget)


def _pillar_plan() -> Plan:
    """M-1 in P-1 addressing nothing (GAP002 on the pillar); P-2 with no measure (GAP012)."""
    plan = small_plan()
    plan.measures[0].addresses = []
    plan.measures[0].pillar = "P-1"
    plan.pillars = [Pillar("P-1", "基本目標"), Pillar("P-2", "空の基本目標")]
    return plan


def test_pillar_findings_land_on_the_pillar_in_the_measures_step(qtbot):
    """A finding filed under a 施策体系 pillar opens the 施策 step's 施策体系 tab with the
    pillar selected (it used to fall back to 基本情報)."""
    window = open_window(qtbot)
    replace_plan(qtbot, window, _pillar_plan())
    finding, widget = _jump(qtbot, window, "GAP012")
    assert finding.nodes == ("P-2",)
    assert window.current_step() == STEP_OF_KIND[ItemKind.PILLAR] == STEP_OF_KIND["measures"]
    pillars = window.pages[STEP_OF_KIND[ItemKind.PILLAR]].pillars
    assert pillars.current_pillar().id == "P-2"
    assert widget is pillars.form.binding("title").widget


def test_a_pillar_finding_with_a_field_lands_on_that_field(qtbot):
    window = open_window(qtbot)
    replace_plan(qtbot, window, _pillar_plan())
    finding, widget = _jump(qtbot, window, "GAP002")
    assert finding.nodes[0] == "P-1" and finding.field == "addresses"
    pillars = window.pages[STEP_OF_KIND[ItemKind.PILLAR]].pillars
    assert pillars.current_pillar().id == "P-1"
    bound = pillars.form.binding("addresses").widget
    assert widget is bound or bound.isAncestorOf(widget)


def test_every_kind_has_a_step():
    assert set(STEP_OF_KIND) == set(ItemKind)


def test_gap003_lands_on_a_kpis_measure_list(qtbot, window):
    """A measure no KPI evaluates is fixed in 5. KPI (a KPI's 施策 list), not on the
    measure's name, where the walkthrough's jump landed."""
    _finding, widget = _jump(qtbot, window, "GAP003")
    assert window.current_step() == STEP_OF_KIND["kpis"]
    assert _bound(window, 4, "measures") in (widget, *_ancestors(widget))


def test_gap007_lands_on_a_measures_data_uses(qtbot, window):
    _finding, widget = _jump(qtbot, window, "GAP007")
    assert window.current_step() == STEP_OF_KIND["measures"]
    assert _bound(window, 2, "uses") in (widget, *_ancestors(widget))


def test_rdy008_lands_on_the_contact_field(qtbot, window):
    _finding, widget = _jump(qtbot, window, "RDY008")
    assert window.current_step() == 0
    assert _bound(window, 0, "contact") in (widget, *_ancestors(widget))


def test_the_mark_goes_on_a_click_elsewhere_that_keeps_the_focus(qtbot, window):
    """例文を挿入 (a tool button) does not take the focus: after RDY003's jump to 第1章 the
    note stayed over 第2章, whose example the click had just inserted."""
    from PySide6.QtCore import Qt
    _finding, widget = _jump(qtbot, window, "RDY003")
    form = window.pages[0].form
    other = next(b for key, b in form.example_buttons.items()
                 if not widget.isAncestorOf(b) and b.isVisible())
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # inside the field: the mark stays
    assert window.jump_marker.note.isVisible()
    qtbot.mouseClick(other, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is widget or widget.isAncestorOf(QApplication.focusWidget())
    assert not window.jump_marker.note.isVisible()
