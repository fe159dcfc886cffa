"""Undo commands: every edit undoes and redoes exactly, cascades included."""

from __future__ import annotations

import copy

from planner.plan.codec import plan_to_dict
from planner.plan.model import Pillar
from planner.ui import commands
from planner.ui.document import PlanDocument
from tests.ui.plans import small_plan


def _snapshot(doc):
    return copy.deepcopy(plan_to_dict(doc.plan))


def _roundtrip(doc, cmd):
    """Push, undo, redo: the plan must be back to before, then to after."""
    before = _snapshot(doc)
    doc.undo_stack.push(cmd)
    after = _snapshot(doc)
    doc.undo_stack.undo()
    assert _snapshot(doc) == before
    doc.undo_stack.redo()
    assert _snapshot(doc) == after
    return before, after


def test_typing_in_one_field_is_one_undo_step(qtbot):
    doc = PlanDocument(small_plan())
    for text in ("新", "新し", "新しい", "新しい題"):  # one character at a time
        doc.undo_stack.push(commands.set_plan_field(doc, "title", text))
    assert doc.undo_stack.count() == 1  # typing over the whole title, key by key
    doc.seal()  # the field lost focus: the next edit is a new step
    doc.undo_stack.push(commands.set_plan_field(doc, "title", "新しい題名"))
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    assert doc.plan.plan.title == "新しい題"
    doc.undo_stack.undo()
    assert doc.plan.plan.title == "テスト市官民データ活用推進計画"


def test_typing_back_to_the_original_leaves_no_step(qtbot):
    doc = PlanDocument(small_plan())
    doc.undo_stack.push(commands.set_plan_field(doc, "version", "2"))
    doc.undo_stack.push(commands.set_plan_field(doc, "version", None))
    assert doc.undo_stack.count() == 0 and not doc.is_modified()


def test_add_duplicate_move_roundtrip(qtbot):
    doc = PlanDocument(small_plan())
    _roundtrip(doc, commands.add_command(doc, "issues", "新しい課題"))
    assert doc.plan.issues[-1].id == "I-3"
    _, after = _roundtrip(doc, commands.duplicate_command(doc, doc.plan.measures[0]))
    assert [m["id"] for m in after["measures"]] == ["M-1", "M-2"]
    assert after["measures"][1]["title"].endswith("（コピー）")
    _roundtrip(doc, commands.MoveItem(doc, doc.plan.issues[0], 2))
    assert [i.id for i in doc.plan.issues] == ["I-2", "I-3", "I-1"]


def test_removing_a_data_source_clears_uses_and_kpi_source(qtbot):
    doc = PlanDocument(small_plan())
    d1 = doc.plan.data_sources[0]
    effects = commands.cascade_effects(doc, d1)
    assert [(e.kind, e.path) for e in effects] == [("measures", "uses"), ("kpis", "source")]
    _, after = _roundtrip(doc, commands.remove_command(doc, d1))
    assert [u["data"] for u in after["measures"][0]["uses"]] == ["D-2"]
    assert "source" not in after["kpis"][0]
    assert doc.undo_stack.count() == 1  # the cascade is one step


def test_removing_issue_and_measure_unlinks_them(qtbot):
    doc = PlanDocument(small_plan())
    _, after = _roundtrip(doc, commands.remove_command(doc, doc.plan.issues[0]))
    assert after["measures"][0]["addresses"] == ["I-2"]
    _, after = _roundtrip(doc, commands.remove_command(doc, doc.plan.measures[0]))
    assert after["measures"] == [] and "measures" not in after["kpis"][0]
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert plan_to_dict(doc.plan) == plan_to_dict(small_plan())


def test_removing_an_issue_unlinks_the_pillars_that_address_it(qtbot):
    plan = small_plan()
    plan.pillars = [Pillar("P-1", "基本目標", addresses=["I-1", "I-2"])]
    doc = PlanDocument(plan)
    _, after = _roundtrip(doc, commands.remove_command(doc, doc.plan.issues[0]))
    assert after["pillars"][0]["addresses"] == ["I-2"]  # no dangling REF001 left behind
    doc.undo_stack.undo()
    assert doc.plan.pillars[0].addresses == ["I-1", "I-2"]


def test_removing_a_kpi_has_no_cascade(qtbot):
    doc = PlanDocument(small_plan())
    assert commands.cascade_effects(doc, doc.plan.kpis[0]) == []
