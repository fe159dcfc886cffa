"""One PlanGraph per edit in the app: the document builds it, the graph view, the check
and the undo cascade read that one (issue 9, Deliver 1)."""

from __future__ import annotations

from planner.plan import graph as graph_module
from planner.ui import commands
from planner.ui.document import PlanDocument
from tests.ui.helpers import open_window, replace_plan
from tests.ui.plans import small_plan


def test_the_document_keeps_one_graph_until_the_plan_changes(qtbot):
    doc = PlanDocument(small_plan())
    first = doc.graph
    assert doc.graph is first and first.plan is doc.plan
    doc.undo_stack.push(commands.set_plan_field(doc, "title", "新しい題"))
    after_edit = doc.graph
    assert after_edit is not first
    doc.undo_stack.undo()
    assert doc.graph is not after_edit  # undo is a change too
    doc.replace(small_plan())
    assert doc.graph.plan is doc.plan


def test_one_edit_builds_one_graph_for_the_view_and_the_check(qtbot, monkeypatch):
    window = open_window(qtbot)
    replace_plan(qtbot, window, small_plan())
    window.checks._threaded = False  # the GUI-thread check is the one that shares
    built = []
    original = graph_module.PlanGraph.__init__

    def counting(self, plan):
        built.append(plan)
        original(self, plan)

    monkeypatch.setattr(graph_module.PlanGraph, "__init__", counting)
    measure = window.doc.plan.measures[0]
    with qtbot.waitSignal(window.checks.findings_ready, timeout=10000):
        window.doc.undo_stack.push(
            commands.SetField(window.doc, "measures", measure, "title", "新しい施策名"))
    effects = commands.cascade_effects(window.doc, window.doc.plan.data_sources[0])
    assert [e.item.id for e in effects] == ["M-1", "K-1"]
    assert len(built) == 1 and built[0] is window.doc.plan


def test_the_cascade_reads_who_refers_to_the_item(qtbot):
    doc = PlanDocument(small_plan())
    issue = doc.plan.issues[0]
    doc.plan.measures[0].addresses.append(issue.id)  # listed twice: one effect
    [effect] = commands.cascade_effects(doc, issue)
    assert (effect.item.id, effect.path, effect.value) == ("M-1", "addresses", ["I-2"])
