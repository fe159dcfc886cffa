"""ProblemsPanel (点検): table model, filters, details and jumping to the problem."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt

from planner.checks import run_checks
from planner.checks.finding import Finding, Severity
from planner.plan.bilingual import Text
from planner.plan.model import Issue
from planner.ui.problems_panel import (
    COL_FIX,
    COL_REFERENCE,
    COL_SEVERITY,
    COL_TARGET,
    FindingsModel,
    ProblemsPanel,
)
from tests.ui.plans import small_plan


def make(rule: str, severity: Severity, nodes: tuple[str, ...], message: str = "内容",
         field: str | None = None) -> Finding:
    """A finding whose texts name the rule, so rows can be told apart."""
    return Finding(rule, severity, nodes, Text(f"{message}（{rule}）", f"{message} ({rule})"),
                   Text(f"根拠{rule}", f"ref {rule}"), Text(f"対処{rule}", f"fix {rule}"), field)


FINDINGS = [
    make("PRV009", Severity.ERROR, ("D-1",), "保存期間がありません", "retention"),
    make("GAP003", Severity.WARNING, ("M-1",), "評価するKPIがありません"),
    make("GAP005", Severity.WARNING, ("K-1",), "目標値がありません", "target"),
    make("GAP009", Severity.INFO, ("I-2",), "根拠がありません", "evidence"),
]


@pytest.fixture
def panel(qtbot) -> ProblemsPanel:
    widget = ProblemsPanel()
    qtbot.addWidget(widget)
    widget.resize(1000, 400)
    widget.set_findings(FINDINGS, small_plan())
    widget.show()
    return widget


def test_model_passes_qt_model_tester(qapp, qtmodeltester) -> None:
    model = FindingsModel()
    model.set_findings(FINDINGS, small_plan())
    qtmodeltester.check(model, force_py=True)
    model.set_findings([], None)
    qtmodeltester.check(model, force_py=True)


def test_columns_show_severity_rule_targets_message_reference_fix(panel: ProblemsPanel) -> None:
    model = panel.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["重要度", "ルール", "対象", "内容", "根拠", "対処"]
    assert model.data(model.index(0, COL_SEVERITY)) == "エラー"
    assert not model.data(model.index(0, COL_SEVERITY), Qt.ItemDataRole.DecorationRole).isNull()
    assert model.data(model.index(0, COL_TARGET)) == "住民基本台帳（D-1）"
    assert model.data(model.index(0, COL_REFERENCE)) == "根拠PRV009"
    assert model.data(model.index(0, COL_FIX)) == "対処PRV009"
    assert model.data(model.index(1, COL_SEVERITY)) == "警告"
    assert model.data(model.index(3, COL_SEVERITY)) == "情報"


def test_unknown_ids_show_as_themselves(qtbot) -> None:
    model = FindingsModel()
    model.set_findings([make("REF001", Severity.ERROR, ("M-1", "I-404"))], small_plan())
    assert model.data(model.index(0, COL_TARGET)) == "デマンド交通の運行最適化（M-1）、I-404"


def test_severity_toggles_show_counts_and_filter(panel: ProblemsPanel) -> None:
    assert panel.severity_button("error").text() == "エラー 1"
    assert panel.severity_button("warning").text() == "警告 2"
    assert panel.severity_button("info").text() == "情報 1"
    panel.severity_button("warning").click()
    assert [f.rule for f in panel.visible_findings()] == ["PRV009", "GAP009"]
    panel.set_severity_shown("warning", True)
    assert len(panel.visible_findings()) == 4


def test_search_filters_on_any_column(panel: ProblemsPanel, qtbot) -> None:
    qtbot.keyClicks(panel.search_box(), "kpi")  # case-insensitive, matches 内容 of GAP003
    assert [f.rule for f in panel.visible_findings()] == ["GAP003"]
    panel.search_box().setText("住民基本台帳")  # the 対象 column
    assert [f.rule for f in panel.visible_findings()] == ["PRV009"]
    panel.search_box().clear()
    assert len(panel.visible_findings()) == 4


def test_selected_row_details_show_full_text(panel: ProblemsPanel) -> None:
    panel.table.selectRow(2)
    text = panel.details.toPlainText()
    assert "GAP005" in text and "目標値がありません" in text
    assert "根拠GAP005" in text and "対処GAP005" in text
    assert panel.details.isReadOnly()


def test_double_click_emits_item_and_field(panel: ProblemsPanel, qtbot) -> None:
    panel.table.selectRow(0)
    rect = panel.table.visualRect(panel.proxy.index(0, 3))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(panel.finding_activated) as blocker:
        qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert blocker.args == ["D-1", "retention"]


def test_enter_emits_with_none_field(panel: ProblemsPanel, qtbot) -> None:
    panel.table.setFocus()
    panel.table.selectRow(1)
    with qtbot.waitSignal(panel.finding_activated) as blocker:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert blocker.args == ["M-1", None]


def test_selection_survives_new_findings(panel: ProblemsPanel) -> None:
    panel.table.selectRow(2)
    assert panel.current_finding().rule == "GAP005"
    newer = [make("REF002", Severity.ERROR, ("I-1",)), *FINDINGS]
    panel.set_findings(newer, small_plan())
    assert panel.current_finding().rule == "GAP005"
    assert "GAP005" in panel.details.toPlainText()
    panel.set_findings([f for f in newer if f.rule != "GAP005"], small_plan())
    assert panel.current_finding() is None and panel.details.toPlainText() == ""


def test_sorting_by_severity_uses_rank_not_label(panel: ProblemsPanel) -> None:
    panel.table.sortByColumn(COL_SEVERITY, Qt.SortOrder.DescendingOrder)
    assert next(f.severity for f in panel.visible_findings()) == "info"
    panel.table.sortByColumn(COL_SEVERITY, Qt.SortOrder.AscendingOrder)
    assert next(f.severity for f in panel.visible_findings()) == "error"


def test_real_checker_findings_show(qtbot) -> None:
    plan = small_plan()
    plan.issues.append(Issue("I-9", "どの施策も答えない課題"))
    findings = run_checks(plan)
    if not findings:
        pytest.skip("the checker has no rules yet")
    widget = ProblemsPanel()
    qtbot.addWidget(widget)
    widget.set_findings(findings, plan)
    gap = [f for f in widget.visible_findings() if f.rule == "GAP001"]
    assert gap and "I-9" in gap[0].nodes
