"""Item models follow document signals and stay consistent (QAbstractItemModelTester)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from planner.ui import commands
from planner.ui.document import PlanDocument
from planner.ui.models import IdRole, ItemListModel, TitleFilterModel
from tests.ui.plans import small_plan


def test_model_follows_edits_undo_and_replace(qtbot, qtmodeltester):
    doc = PlanDocument(small_plan())
    model = ItemListModel(doc, "issues")
    qtmodeltester.check(model, force_py=True)
    doc.undo_stack.push(commands.add_command(doc, "issues", "新しい課題"))
    assert model.rowCount() == 3 and model.data(model.index(2)) == "新しい課題"
    doc.undo_stack.push(commands.MoveItem(doc, doc.plan.issues[2], 0))
    assert [model.data(model.index(r), IdRole) for r in range(3)] == ["I-3", "I-1", "I-2"]
    doc.undo_stack.undo()
    doc.undo_stack.push(commands.set_item_field(doc, doc.plan.issues[0], "title", "改題"))
    assert model.data(model.index(0)) == "改題"
    doc.undo_stack.push(commands.remove_command(doc, doc.plan.issues[0]))
    assert model.rowCount() == 2
    doc.replace(small_plan())
    assert model.rowCount() == 2 and model.data(model.index(0), IdRole) == "I-1"
    qtmodeltester.check(model, force_py=True)


def test_moving_down_and_ignoring_other_kinds(qtbot, qtmodeltester):
    doc = PlanDocument(small_plan())
    model = ItemListModel(doc, "data_sources")
    qtmodeltester.check(model, force_py=True)
    doc.undo_stack.push(commands.MoveItem(doc, doc.plan.data_sources[0], 1))
    assert [model.data(model.index(r), IdRole) for r in range(2)] == ["D-2", "D-1"]
    doc.undo_stack.push(commands.add_command(doc, "kpis", "別のKPI"))
    assert model.rowCount() == 2


def test_filter_matches_title_or_id(qtbot):
    doc = PlanDocument(small_plan())
    proxy = TitleFilterModel()
    proxy.setSourceModel(ItemListModel(doc, "issues"))
    proxy.setFilterFixedString("防災")
    assert proxy.rowCount() == 1
    proxy.setFilterFixedString("i-1")
    assert proxy.data(proxy.index(0, 0), Qt.ItemDataRole.DisplayRole) == "高齢者の移動手段の確保"
