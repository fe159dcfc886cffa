"""The 施策体系 in step 3, driven through the tree, its buttons and the measure form; undo for all."""

from __future__ import annotations

from PySide6.QtCore import Qt

from planner.plan.model import Issue, Measure, Pillar, Plan, PlanInfo
from planner.plan.pillars import pillar_numbers
from planner.ui.prompts import ScriptedPrompts
from tests.ui.helpers import choose, open_window, replace_plan, step_page, type_into


def _plan() -> Plan:
    return Plan(
        plan=PlanInfo(title="テスト市計画", municipality="テスト市"),
        issues=[Issue("I-1", "移動"), Issue("I-2", "防災")],
        pillars=[Pillar("P-1", "誰もが便利に暮らせるまち"),
                 Pillar("P-1-1", "移動の利便性向上", parent="P-1"),
                 Pillar("P-2", "安全なまち")],
        measures=[Measure("M-1", "デマンド交通", pillar="P-1-1"),
                  Measure("M-2", "防災アプリ"), Measure("M-3", "避難所の公開")],
    )


def _editor(qtbot, prompts=None):
    window = open_window(qtbot, prompts)
    replace_plan(qtbot, window, _plan())
    page = step_page(window, 2)
    page.show_pillars()
    return window, page.pillars


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_tree_shows_derived_numbers_and_measures_under_their_pillar(qtbot):
    _window, editor = _editor(qtbot)
    top = [editor.tree.topLevelItem(n).text(0) for n in range(editor.tree.topLevelItemCount())]
    assert top == ["1 誰もが便利に暮らせるまち", "2 安全なまち", "施策体系に入っていない施策"]
    sub = editor.item_for("pillar", "P-1-1")
    assert sub.text(0) == "1-1 移動の利便性向上"
    assert sub.child(0).text(0) == "1-1-1 デマンド交通"
    outside = editor.tree.topLevelItem(2)
    assert [outside.child(n).text(0) for n in range(outside.childCount())] == ["防災アプリ", "避難所の公開"]


def test_add_rename_and_add_below_with_undo(qtbot):
    window, editor = _editor(qtbot)
    _click(qtbot, editor.buttons["add"])
    new = window.doc.plan.pillars[-1]
    assert (new.id, new.parent) == ("P-3", None)
    type_into(qtbot, editor.form.binding("title").widget, "DX")
    assert new.title == "DX"
    assert editor.item_for("pillar", "P-3").text(0) == "3 DX"
    _click(qtbot, editor.buttons["add_child"])
    child = window.doc.plan.pillars[-1]  # P-3 is last: its child follows it
    assert child.parent == "P-3" and pillar_numbers(window.doc.plan)[child.id] == "3-1"
    window.doc.undo()
    window.doc.undo()
    assert new.title != "DX" and len(window.doc.plan.pillars) == 4
    window.doc.undo()
    assert [p.id for p in window.doc.plan.pillars] == ["P-1", "P-1-1", "P-2"]


def test_a_fourth_level_and_a_cycle_are_refused_with_a_message(qtbot):
    window, editor = _editor(qtbot)
    editor.select("pillar", "P-1-1")
    _click(qtbot, editor.buttons["add_child"])
    third = next(p for p in window.doc.plan.pillars if p.parent == "P-1-1")
    assert [p.id for p in window.doc.plan.pillars] == ["P-1", "P-1-1", third.id, "P-2"]
    assert pillar_numbers(window.doc.plan)[third.id] == "1-1-1"
    before = len(window.doc.plan.pillars)
    _click(qtbot, editor.buttons["add_child"])  # under the third level: refused
    assert len(window.doc.plan.pillars) == before
    assert "3階層" in editor.message.text()
    # P-1 dropped onto its own grandchild: a cycle, refused
    editor.tree.drop_at(editor.item_for("pillar", "P-1"), editor.item_for("pillar", third.id))
    assert window.doc.plan.pillars[0].parent is None
    assert "自分自身" in editor.message.text()
    # P-2 under the third level would make a 4th
    editor.tree.drop_at(editor.item_for("pillar", "P-2"), editor.item_for("pillar", third.id))
    assert window.doc.plan.pillars[3].parent is None
    assert "4階層目" in editor.message.text()


def test_move_reorder_indent_and_outdent_with_undo(qtbot):
    window, editor = _editor(qtbot)
    editor.select("pillar", "P-2")
    _click(qtbot, editor.buttons["up"])
    assert pillar_numbers(window.doc.plan) == {"P-2": "1", "P-1": "2", "P-1-1": "2-1"}
    _click(qtbot, editor.buttons["indent"])  # P-2 is first: nothing above it
    assert window.doc.plan.pillars[-1].parent is None or "上に" in editor.message.text()
    _click(qtbot, editor.buttons["down"])
    _click(qtbot, editor.buttons["indent"])  # under P-1 now
    assert pillar_numbers(window.doc.plan)["P-2"] == "1-2"
    _click(qtbot, editor.buttons["outdent"])
    assert pillar_numbers(window.doc.plan)["P-2"] == "2"
    editor.tree.drop_at(editor.item_for("pillar", "P-2"), editor.item_for("pillar", "P-1"))
    assert next(p for p in window.doc.plan.pillars if p.id == "P-2").parent == "P-1"
    window.doc.undo()
    window.doc.undo()
    window.doc.undo()
    window.doc.undo()
    window.doc.undo()
    assert pillar_numbers(window.doc.plan) == {"P-1": "1", "P-1-1": "1-1", "P-2": "2"}


def test_dragging_a_measure_onto_a_pillar_assigns_it(qtbot):
    window, editor = _editor(qtbot)
    m2 = window.doc.plan.measures[1]
    editor.tree.drop_at(editor.item_for("measure", "M-2"), editor.item_for("pillar", "P-2"))
    assert m2.pillar == "P-2"
    assert editor.item_for("pillar", "P-2").child(0).text(0) == "2-1 防災アプリ"
    editor.tree.drop_at(editor.item_for("measure", "M-3"), editor.item_for("measure", "M-2"))
    assert window.doc.plan.measures[2].pillar == "P-2"
    window.doc.undo()
    window.doc.undo()
    assert m2.pillar is None


def test_deleting_a_pillar_keeps_its_measures_and_undo_restores_all(qtbot):
    prompts = ScriptedPrompts()
    window, editor = _editor(qtbot, prompts)
    editor.select("pillar", "P-1")
    _click(qtbot, editor.buttons["delete"])
    title, effects = prompts.asked[-1][1]
    assert title == "誰もが便利に暮らせるまち"
    assert any("デマンド交通" in e for e in effects) and any("移動の利便性向上" in e for e in effects)
    assert [p.id for p in window.doc.plan.pillars] == ["P-2"]
    m1 = window.doc.plan.measures[0]
    assert (m1.title, m1.pillar) == ("デマンド交通", None)
    window.doc.undo()
    assert [p.id for p in window.doc.plan.pillars] == ["P-1", "P-1-1", "P-2"]
    assert m1.pillar == "P-1-1"


def test_a_pillar_addresses_issues_like_a_measure(qtbot):
    window, editor = _editor(qtbot)
    editor.select("pillar", "P-2")
    issues = editor.form.binding("addresses").widget
    issues.item(1).setCheckState(Qt.CheckState.Checked)
    assert window.doc.plan.pillars[2].addresses == ["I-2"]
    window.doc.undo()
    assert window.doc.plan.pillars[2].addresses == []


def test_the_measure_form_chooses_a_pillar_by_its_number(qtbot):
    window, editor = _editor(qtbot)
    page = step_page(window, 2)
    page.show_measures()
    page.editor.select_item("M-2")
    combo = page.editor.form.binding("pillar").widget
    labels = [combo.itemText(n) for n in range(combo.count())]
    assert "\u30001-1 移動の利便性向上" in labels and "2 安全なまち" in labels
    choose(qtbot, combo, "P-1-1")
    assert window.doc.plan.measures[1].pillar == "P-1-1"
    editor.select("pillar", "P-1-1")
    type_into(qtbot, editor.form.binding("title").widget, "idou")
    assert combo.itemText(combo.findData("P-1-1")).endswith("1-1 idou")
    window.doc.undo()
    window.doc.undo()
    assert window.doc.plan.measures[1].pillar is None
    assert combo.currentIndex() == 0
