"""A newcomer's first plan, built from an empty one through the steps, then checked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from planner.files.planfile import load_plan
from planner.plan.codec import plan_to_dict
from planner.plan.model import Category, Flow, Purpose
from planner.ui.prompts import ScriptedPrompts
from tests.ui.helpers import add_item, choose, open_window, press, step_page, type_into


def _rules(window) -> set[tuple[str, tuple[str, ...]]]:
    return {(f.rule, tuple(f.nodes)) for f in window.findings}


def _build_small_plan(qtbot, window) -> None:
    form = step_page(window, 0).form
    type_into(qtbot, form.binding("title").widget, "みなと市官民データ活用推進計画")
    type_into(qtbot, form.binding("municipality").widget, "みなと市")
    start = form.binding("period.start_fy").widget
    start.setFocus()
    qtbot.keyClick(start, Qt.Key.Key_Up)  # from 未設定, the first step goes to this FY
    start.set_year(2026)
    add_item(qtbot, window, 1, "高齢者の移動手段の確保")
    add_item(qtbot, window, 3, "運行記録")
    data_form = window.pages[3].editor.form
    choose(qtbot, data_form.binding("category").widget.combo, Category.NON_PERSONAL)
    editor = add_item(qtbot, window, 2, "デマンド交通の運行最適化")
    links = editor.form.binding("addresses").widget
    links.item(0).setCheckState(Qt.CheckState.Checked)
    uses = editor.form.uses
    qtbot.mouseClick(uses.add_button, Qt.MouseButton.LeftButton)
    choose(qtbot, uses.table.cellWidget(0, 0), "D-1")
    editor = add_item(qtbot, window, 4, "月間利用者数")
    editor.form.binding("measures").widget.item(0).setCheckState(Qt.CheckState.Checked)
    choose(qtbot, editor.form.binding("source").widget, "D-1")


def test_first_plan_from_empty_through_the_steps(qtbot, tmp_path):
    window = open_window(qtbot, ScriptedPrompts(save_path=str(tmp_path / "みなと市.yaml")))
    _build_small_plan(qtbot, window)
    plan = window.doc.plan
    assert plan.plan.title == "みなと市官民データ活用推進計画"
    assert plan.plan.period.start_fy == 2026
    assert [m.addresses for m in plan.measures] == [["I-1"]]
    assert plan.measures[0].uses[0].data == "D-1"
    assert plan.measures[0].uses[0].flow == Flow.INTERNAL_USE
    assert plan.measures[0].uses[0].purpose == Purpose.WITHIN
    assert (plan.kpis[0].measures, plan.kpis[0].source) == (["M-1"], "D-1")
    assert "[*]" in window.windowTitle() and window.isWindowModified()
    # Save (asks where: a new plan), reopen, compare.
    window.action_save.trigger()
    assert not window.isWindowModified()
    assert plan_to_dict(load_plan(tmp_path / "みなと市.yaml")) == plan_to_dict(plan)
    other = open_window(qtbot)
    assert other.files.open_path(tmp_path / "みなと市.yaml")
    assert plan_to_dict(other.doc.plan) == plan_to_dict(plan)
    assert "みなと市.yaml" in other.windowTitle()


def test_finding_appears_and_goes_away_when_fixed(qtbot):
    window = open_window(qtbot)
    add_item(qtbot, window, 1, "防災情報の発信")
    qtbot.waitUntil(lambda: ("GAP001", ("I-1",)) in _rules(window), timeout=3000)
    panel = step_page(window, 5).panel
    assert any(f.rule == "GAP001" for f in panel.visible_findings())
    # Double-click on the finding's row → the issue's form, ready to edit.
    window.go_to_item("I-1", None)
    assert window.current_step() == 1
    # Fix it: a measure that addresses the issue.
    editor = add_item(qtbot, window, 2, "防災アプリの配信")
    editor.form.binding("addresses").widget.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: ("GAP001", ("I-1",)) not in _rules(window), timeout=3000)
    assert window.problems_button.text().startswith("エラー")


def test_undo_and_redo_with_keyboard_including_a_cascade(qtbot):
    prompts = ScriptedPrompts(confirm=True)
    window = open_window(qtbot, prompts)
    _build_small_plan(qtbot, window)
    before = plan_to_dict(window.doc.plan)
    editor = step_page(window, 3).editor
    editor.select_item("D-1")
    qtbot.mouseClick(editor.tool_buttons["delete"], Qt.MouseButton.LeftButton)
    title, effects = prompts.asked[-1][1]
    assert title == "運行記録" and len(effects) == 2  # a use and a KPI source go with it
    assert window.doc.plan.measures[0].uses == [] and window.doc.plan.kpis[0].source is None
    press(qtbot, window, editor.view, Qt.Key.Key_Z)
    assert plan_to_dict(window.doc.plan) == before
    press(qtbot, window, editor.view, Qt.Key.Key_Y)
    assert window.doc.plan.data_sources == []
    window.action_undo.trigger()
    # Typing a title is one undo step, and undo updates the field shown.
    step_page(window, 1)
    field = window.pages[1].editor.form.binding("title").widget
    type_into(qtbot, field, "Kadai 2")  # key by key: one undo step per word
    press(qtbot, window, field, Qt.Key.Key_Z)  # Ctrl+Z with the cursor in the field
    assert field.text() == "Kadai"
    press(qtbot, window, field, Qt.Key.Key_Z)
    assert field.text() == "高齢者の移動手段の確保"
    assert window.doc.plan.issues[0].title == "高齢者の移動手段の確保"


def test_export_docx_from_the_export_step(qtbot, tmp_path):
    window = open_window(qtbot)
    _build_small_plan(qtbot, window)
    page = step_page(window, 6)
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    dialog = window.export_dialog
    out = tmp_path / "計画書.docx"
    dialog.path_edit.setText(str(out))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert out.is_file() and out.stat().st_size > 5000
    dialog.close()
