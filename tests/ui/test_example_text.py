"""「例文を挿入」: standard wording goes into a chapter only when the planner asks for it."""

from __future__ import annotations

from planner.plan.model import Plan, PlanInfo, PlanKind
from planner.ui.pages import export
from tests.ui.helpers import open_window


def _form(qtbot):
    window = open_window(qtbot)
    window.doc.replace(Plan(plan=PlanInfo(title="みどり町官民データ活用推進計画",
                                          municipality="みどり町", kind=PlanKind.MUNICIPALITY)))
    return window, window.pages[0].form


def test_the_example_is_inserted_on_click_and_can_be_undone(qtbot):
    window, form = _form(qtbot)
    assert window.doc.plan.plan.sections.purpose is None  # nothing until asked
    form.example_buttons["purpose"].click()
    text = window.doc.plan.plan.sections.purpose
    assert text.startswith("本計画は、官民データ活用推進基本法（平成28年法律第103号。")
    assert "みどり町が保有するデータ" in text
    window.doc.undo_stack.undo()
    assert not window.doc.plan.plan.sections.purpose


def test_own_text_is_kept_and_template_text_replaced(qtbot):
    window, form = _form(qtbot)
    form.binding("sections.security").widget.setPlainText("本町独自の方針。")
    form.example_buttons["security"].click()
    text = window.doc.plan.plan.sections.security
    assert text.startswith("本町独自の方針。\n\n") and "本町の情報セキュリティポリシー" in text
    form.binding("sections.organization").widget.setPlainText("推進体制を記載してください。")
    form.example_buttons["organization"].click()
    assert window.doc.plan.plan.sections.organization.startswith("本計画の推進に当たっては")


def test_no_example_for_the_current_state_chapter(qtbot):
    _window, form = _form(qtbot)
    assert "current_state" not in form.example_buttons  # facts only the plan can give


def test_export_step_says_not_ready_in_words(qtbot):
    from planner.checks import run_checks
    from planner.files.planfile import loads_plan
    from planner.render.starter import starter_text

    window = open_window(qtbot)
    window.doc.replace(loads_plan(starter_text()))
    window.set_findings(run_checks(window.doc.plan))
    window.go_to_step(6)
    assert window.pages[6].summary.text().startswith("まだ確定版にできません")
    assert export.summary_text([]) == "確定版として出力できます。"


def test_the_basic_policy_example_lists_the_plans_own_articles(qtbot):
    """The walkthrough's 第5章 example named Arts. 10, 11, 13, 14 and 15 as priorities while
    its measures served Arts. 10 and 11 only: the document contradicted its table 5-1."""
    from planner.plan.model import Articles, Measure
    window, form = _form(qtbot)
    window.doc.replace(Plan(plan=window.doc.plan.plan, measures=[
        Measure("M-1", "デマンド交通", articles=Articles(primary=[10], related=[15])),
        Measure("M-2", "子育て情報の公開", articles=Articles(primary=[11]))]))
    form.example_buttons["basic_policy"].click()
    text = window.doc.plan.plan.sections.basic_policy
    assert "（1）行政手続のオンライン化（第10条）\n（2）オープンデータの推進（第11条）" in text
    assert "第13条" not in text and "第15条" not in text and "（3）" not in text
