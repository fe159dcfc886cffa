"""PlanDocument: mutators emit the signals views follow; modified follows the undo stack."""

from __future__ import annotations

from planner.plan.model import Issue
from planner.ui.document import PLAN, PlanDocument
from tests.ui.plans import small_plan


def test_insert_remove_move_emit_signals(qtbot):
    doc = PlanDocument(small_plan())
    seen = []
    doc.item_added.connect(lambda *a: seen.append(("added", *a)))
    doc.item_removed.connect(lambda *a: seen.append(("removed", *a)))
    doc.item_moved.connect(lambda *a: seen.append(("moved", *a)))
    doc.insert_item("issues", 0, Issue("I-9", "新しい課題"))
    doc.move_item("issues", 0, 2)
    removed = doc.remove_item("issues", 2)
    assert removed.id == "I-9"
    assert seen == [("added", "issues", "I-9", 0), ("moved", "issues", "I-9", 0, 2),
                    ("removed", "issues", "I-9", 2)]


def test_set_field_creates_and_drops_parent_records(qtbot):
    doc = PlanDocument(small_plan())
    with qtbot.waitSignal(doc.item_changed) as blocker:
        doc.set_field(PLAN, doc.plan.plan, "period.start_fy", 2026)
    assert blocker.args == [PLAN, "", "period.start_fy"]
    assert doc.plan.plan.period.start_fy == 2026
    doc.set_field(PLAN, doc.plan.plan, "period.start_fy", None)
    assert doc.plan.plan.period is None  # an emptied record goes, so the file has no {}


def test_new_id_skips_used_numbers():
    doc = PlanDocument(small_plan())
    assert doc.new_id("issues") == "I-3"
    assert doc.new_id("kpis") == "K-2"
    assert PlanDocument().new_id("measures") == "M-1"


def test_modified_follows_undo_stack(qtbot):
    from planner.ui.commands import set_plan_field

    doc = PlanDocument(small_plan())
    assert not doc.is_modified()
    with qtbot.waitSignal(doc.modified_changed) as blocker:
        doc.undo_stack.push(set_plan_field(doc, "version", "1.0"))
    assert blocker.args == [True]
    doc.mark_saved()
    assert not doc.is_modified()
    doc.undo_stack.undo()
    assert doc.is_modified()  # back before the save point is a change too


def test_replace_clears_history(qtbot):
    from planner.ui.commands import set_plan_field

    doc = PlanDocument(small_plan())
    doc.undo_stack.push(set_plan_field(doc, "version", "1.0"))
    with qtbot.waitSignal(doc.plan_replaced):
        doc.replace(small_plan())
    assert doc.undo_stack.count() == 0 and not doc.is_modified()


def test_a_slot_tied_to_a_widget_is_dropped_with_it(qtbot):
    from PySide6.QtWidgets import QWidget

    from planner.ui.document import connect_while

    doc = PlanDocument(small_plan())
    owner, seen = QWidget(), []
    connect_while(owner, doc.item_added, lambda *a: seen.append(a[1]))
    doc.insert_item("issues", 0, Issue("I-8", "a"))
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner))
    doc.insert_item("issues", 0, Issue("I-9", "b"))  # no call into the deleted widget
    assert seen == ["I-8"]


def _alive(obj) -> bool:
    from shiboken6 import isValid

    return isValid(obj)
