"""The fiscal-year fields name years in the era the plan's document uses (its 策定日's)."""

from __future__ import annotations

from PySide6.QtCore import QDate

from planner.plan import wareki
from planner.plan.model import FiscalYearRange, Kpi, Measurement, Milestone, Plan, PlanInfo
from tests.ui.helpers import open_window, replace_plan, step_page


def _heisei_plan() -> Plan:
    return Plan(plan=PlanInfo(title="t", adopted_on="2019-03", period=FiscalYearRange(2019, 2023)),
                kpis=[Kpi("K-1", "利用者数", target=Measurement(100, 2023),
                          milestones=[Milestone(fy=2021, value=50)])])


def test_a_plan_adopted_in_heisei_shows_heisei_years_like_its_document(qtbot):
    window = open_window(qtbot)
    replace_plan(qtbot, window, _heisei_plan())
    assert wareki.document_era("2019-03") == "平成"
    form = step_page(window, 0).form
    start, end = form.binding("period.start_fy").widget, form.binding("period.end_fy").widget
    assert start.text() == "2019（平成31年度）" and end.text() == "2023（平成35年度）"
    kpis = step_page(window, 4).editor
    kpis.select_item("K-1")
    target = kpis.form.binding("target.fy").widget
    assert target.text() == "2023（平成35年度）"
    milestones = kpis.form.binding("milestones").widget
    assert milestones.table.item(0, 0).text() == "2021（平成33年度）"


def test_changing_the_adoption_date_renames_the_years_everywhere(qtbot):
    window = open_window(qtbot)
    replace_plan(qtbot, window, _heisei_plan())
    form = step_page(window, 0).form
    date = form.binding("adopted_on").widget
    kpis = step_page(window, 4).editor
    kpis.select_item("K-1")
    step_page(window, 0)
    # Adopted in 令和 after all: through the real calendar field, by the user.
    date.precision.setCurrentIndex(0)
    date.precision.activated.emit(0)
    date.edit.setDate(QDate(2020, 4, 1))
    assert window.doc.plan.plan.adopted_on == "2020-04-01"
    assert form.binding("period.end_fy").widget.text() == "2023（令和5年度）"
    assert kpis.form.binding("target.fy").widget.text() == "2023（令和5年度）"
    assert kpis.form.binding("milestones").widget.table.item(0, 0).text() == "2021（令和3年度）"
    # The values did not move; undo brings the 平成 names back.
    assert window.doc.plan.plan.period.end_fy == 2023
    while window.doc.plan.plan.adopted_on != "2019-03" and window.doc.undo_stack.canUndo():
        window.doc.undo()
    assert window.doc.plan.plan.adopted_on == "2019-03"
    assert form.binding("period.end_fy").widget.text() == "2023（平成35年度）"
    assert kpis.form.binding("target.fy").widget.text() == "2023（平成35年度）"


def test_a_plan_without_adoption_date_names_years_in_the_present_era(qtbot):
    window = open_window(qtbot)
    replace_plan(qtbot, window, Plan(plan=PlanInfo(title="t", period=FiscalYearRange(2019, 2023))))
    form = step_page(window, 0).form
    assert form.binding("period.start_fy").widget.text() == "2019（令和元年度）"
