"""Schema v2's fields in the forms (domain.md §2.4), driven through the widgets, each with undo."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox

from planner.plan.model import (
    Direction,
    Milestone,
    OutlineId,
    RelatedPlan,
    Relation,
)
from tests.ui.helpers import choose, open_window, replace_plan, step_page, type_into
from tests.ui.plans import small_plan


def _window(qtbot):
    window = open_window(qtbot)
    replace_plan(qtbot, window, small_plan())
    return window


def _editing(qtbot, step: int, item_id: str):
    """A window on ``small_plan()`` at entity step ``step`` with ``item_id`` selected."""
    window = _window(qtbot)
    editor = step_page(window, step).editor
    editor.select_item(item_id)
    return window, editor


def _tick(qtbot, check) -> None:
    """Click a check box on its box (a wide row's centre may be past its label)."""
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(6, check.height() // 2))


def _type_cell(table, row: int, col: int, text: str) -> None:
    table.item(row, col).setText(text)


def test_department_contact_and_a_month_only_adoption_date(qtbot):
    window = _window(qtbot)
    form = step_page(window, 0).form
    type_into(qtbot, form.binding("department").widget, "kikaku")
    assert window.doc.plan.plan.department == "kikaku"
    type_into(qtbot, form.binding("contact").widget, "tel 0000")
    assert window.doc.plan.plan.contact == "tel 0000"
    date = form.binding("adopted_on").widget
    _tick(qtbot, date.enabled)
    assert window.doc.plan.plan.adopted_on is not None
    date.edit.setDate(date.edit.date().fromString("2019-03-15", "yyyy-MM-dd"))
    assert window.doc.plan.plan.adopted_on == "2019-03-15"
    choose(qtbot, date.precision, "month")
    assert window.doc.plan.plan.adopted_on == "2019-03"
    assert "平成31年3月" in date.era.text()
    window.doc.undo()
    assert window.doc.plan.plan.adopted_on == "2019-03-15"
    assert date.precision.currentData() == "day"


def test_related_plans_history_glossary_and_extra_sections_are_lists_with_undo(qtbot):
    window = _window(qtbot)
    form = step_page(window, 0).form
    plan = window.doc.plan.plan
    related = form.binding("related_plans").widget
    qtbot.mouseClick(related.add_button, Qt.MouseButton.LeftButton)
    assert plan.related_plans == [RelatedPlan()]
    _type_cell(related.table, 0, 0, "第6次テスト市総合計画")
    choose(qtbot, related.table.cellWidget(0, 1), Relation.PARENT)
    assert plan.related_plans == [RelatedPlan("第6次テスト市総合計画", Relation.PARENT)]
    window.doc.undo()
    assert plan.related_plans == [RelatedPlan("第6次テスト市総合計画", None)]
    assert related.table.cellWidget(0, 1).currentData() is None

    history = form.binding("history").widget
    qtbot.mouseClick(history.add_button, Qt.MouseButton.LeftButton)
    _type_cell(history.table, 0, 0, "2026/2/10")
    _type_cell(history.table, 0, 1, "パブリックコメント")
    assert (plan.history[0].date, plan.history[0].event) == ("2026-02-10", "パブリックコメント")

    glossary = form.binding("glossary").widget
    qtbot.mouseClick(glossary.add_button, Qt.MouseButton.LeftButton)
    _type_cell(glossary.table, 0, 0, "オープンデータ")
    assert plan.glossary[0].term == "オープンデータ"

    extra = form.binding("extra_sections").widget
    qtbot.mouseClick(extra.add_button, Qt.MouseButton.LeftButton)
    assert plan.extra_sections[0].after == OutlineId.COVER
    choose(qtbot, extra.table.cellWidget(0, 1), OutlineId.PURPOSE)
    _type_cell(extra.table, 0, 2, "市長あいさつの本文")
    assert (plan.extra_sections[0].after, plan.extra_sections[0].text) == (
        OutlineId.PURPOSE, "市長あいさつの本文")
    qtbot.mouseClick(extra.remove_button, Qt.MouseButton.LeftButton)
    assert plan.extra_sections == []
    window.doc.undo()
    assert plan.extra_sections[0].text == "市長あいさつの本文"


def test_cooperating_departments_and_an_occasional_use(qtbot):
    window, editor = _editing(qtbot, 2, "M-1")
    measure = window.doc.plan.measures[0]
    coop = editor.form.binding("cooperating").widget
    qtbot.mouseClick(coop.add_button, Qt.MouseButton.LeftButton)
    assert measure.cooperating == []  # a blank row is no department yet
    _type_cell(coop.table, 0, 0, "福祉課")
    qtbot.mouseClick(coop.add_button, Qt.MouseButton.LeftButton)
    _type_cell(coop.table, 1, 0, "交通政策課")
    assert measure.cooperating == ["福祉課", "交通政策課"]
    coop.table.setCurrentCell(0, 0)
    qtbot.mouseClick(coop.remove_button, Qt.MouseButton.LeftButton)
    assert measure.cooperating == ["交通政策課"]
    window.doc.undo()
    assert measure.cooperating == ["福祉課", "交通政策課"]

    uses = editor.form.uses
    uses.table.setCurrentCell(1, 0)
    choose(qtbot, uses.occasional, True)
    assert measure.uses[1].occasional is True
    assert "69" in uses.occasional.toolTip()
    # Editing another cell of the row keeps the occasional mark (no silent loss).
    choose(qtbot, uses.table.cellWidget(1, 1), "outsource")
    assert measure.uses[1].occasional is True and measure.uses[1].flow == "outsource"
    uses.table.setCurrentCell(0, 0)
    assert uses.occasional.currentData() is None
    window.doc.undo()
    window.doc.undo()
    assert measure.uses[1].occasional is None


def test_kpi_unit_direction_cumulative_estimates_text_and_milestones(qtbot):
    window, editor = _editing(qtbot, 4, "K-1")
    kpi = window.doc.plan.kpis[0]
    form = editor.form
    type_into(qtbot, form.binding("unit").widget, "%")
    assert kpi.unit == "%"
    choose(qtbot, form.binding("direction").widget, Direction.DECREASE)
    assert kpi.direction == Direction.DECREASE
    cumulative = form.binding("cumulative").widget
    _tick(qtbot, cumulative)
    assert kpi.cumulative is True
    _tick(qtbot, form.binding("baseline.estimated").widget)
    assert kpi.baseline.estimated is True
    type_into(qtbot, form.binding("target.text").widget, "R9mokuto")
    assert kpi.target.text == "R9mokuto"
    miles = form.binding("milestones").widget
    qtbot.mouseClick(miles.add_button, Qt.MouseButton.LeftButton)
    assert kpi.milestones == [Milestone(fy=2026)]  # the year after the baseline's
    _type_cell(miles.table, 0, 1, "1,500")
    qtbot.mouseClick(miles.add_button, Qt.MouseButton.LeftButton)
    _type_cell(miles.table, 1, 1, "1700")
    assert kpi.milestones == [Milestone(2026, 1500), Milestone(2027, 1700)]
    _type_cell(miles.table, 1, 0, "令和10")
    assert kpi.milestones[1].fy == 2028
    for _ in range(3):
        window.doc.undo()
    assert kpi.milestones == [Milestone(2026, 1500)]
    window.doc.undo()
    window.doc.undo()
    assert kpi.milestones == []
    window.doc.undo()
    assert kpi.target is None or kpi.target.text is None
    window.doc.undo()
    assert not kpi.baseline.estimated
    assert not form.binding("baseline.estimated").widget.isChecked()


def test_data_standard_datasets_are_a_multi_choice_and_a_catalogue_counts(qtbot):
    window, editor = _editing(qtbot, 3, "D-2")
    source = window.doc.plan.data_sources[1]
    box = editor.form.binding("open_data.standard_datasets").widget
    checks = {c.text()[:2]: c for c in box.findChildren(QCheckBox)}
    _tick(qtbot, checks["01"])
    _tick(qtbot, checks["05"])
    assert source.open_data.standard_datasets == ["01", "05"]
    spin = editor.form.binding("open_data.dataset_count").widget
    spin.setValue(530)
    assert source.open_data.dataset_count == 530
    window.doc.undo()
    window.doc.undo()
    assert source.open_data.standard_datasets == ["01"]
    assert not checks["05"].isChecked()
