"""RDY: a plan started from the template is not ready; a written plan is."""

from __future__ import annotations

from checks.builders import clean_plan, fired, personal_source, where
from planner.checks import run_checks
from planner.checks.readiness import is_template_text, readiness_line
from planner.files.planfile import loads_plan
from planner.plan.model import Articles, FiscalYearRange, Measure
from planner.render.starter import starter_text


def test_rdy001_names_what_the_plan_has_none_of():
    plan = clean_plan()
    plan.issues, plan.kpis = [], []
    (f,) = fired(plan, "RDY001")
    assert "地域課題・評価指標（KPI）が1件もありません" in f.message("ja")
    assert where(clean_plan(), "RDY001") == []


def test_rdy002_finds_the_starters_instructions_and_placeholder_names():
    plan = loads_plan(starter_text())
    (f,) = fired(plan, "RDY002")
    assert f.field == "plan.title"
    for place in ("計画の名称", "自治体名", "第2章 計画の目的", "第7章"):
        assert place in f.message("ja")
    assert where(clean_plan(), "RDY002") == []


def test_rdy002_finds_instructions_in_a_named_town_starter():
    plan = loads_plan(starter_text(municipality="みどり町"))
    (f,) = fired(plan, "RDY002")
    assert "計画の名称" not in f.message("ja")  # the name is real now
    assert f.field == "plan.sections.current_state"  # 本町の人口の推移… is still instructions


def test_own_prose_is_not_mistaken_for_instructions():
    assert not is_template_text("本市の人口は61,842人です。本章では現状を記載します。")
    assert is_template_text("〇〇市の現状です。")
    assert is_template_text("推進体制を記載してください。")


def test_rdy003_lists_empty_chapters_and_names_security():
    plan = clean_plan()
    plan.plan.sections.security = ""
    plan.plan.sections.purpose = None
    (f,) = fired(plan, "RDY003")
    assert f.field == "plan.sections.purpose"
    assert "第2章 計画の目的" in f.message("ja") and "第7章（セキュリティ" in f.message("ja")
    assert where(clean_plan(), "RDY003") == []


def test_rdy004_lists_measures_without_schedule_years():
    plan = clean_plan()
    plan.measures.append(Measure("M-2", "窓口", addresses=["I-1"], owner="市民課",
                                 articles=Articles([10]), schedule=FiscalYearRange(2026, None)))
    plan.measures.append(Measure("M-3", "防災", addresses=["I-1"], owner="危機管理課",
                                 articles=Articles([10])))
    assert where(plan, "RDY004") == [(("M-2", "M-3"), "schedule")]
    assert where(clean_plan(), "RDY004") == []


def test_rdy005_lists_kpis_without_rationale():
    plan = clean_plan()
    plan.kpis[0].rationale = "  "
    assert where(plan, "RDY005") == [(("K-1",), "rationale")]
    assert where(clean_plan(), "RDY005") == []


def test_rdy006_personal_data_needs_a_basis_for_holding_it():
    plan = clean_plan()
    plan.data_sources[0] = personal_source(original_purpose=None)
    assert where(plan, "RDY006") == [(("D-1",), "original_purpose")]
    plan.data_sources[0] = personal_source(original_purpose=None, legal_basis="law")
    assert where(plan, "RDY006") == []
    assert where(clean_plan(), "RDY006") == []


def test_rdy007_lists_measures_without_owner():
    plan = clean_plan()
    plan.measures[0].owner = None
    assert where(plan, "RDY007") == [(("M-1",), "owner")]
    assert where(clean_plan(), "RDY007") == []


def test_rdy008_a_plan_without_contact():
    plan = clean_plan()
    plan.plan.contact = None
    assert where(plan, "RDY008") == [((), "plan.contact")]
    assert where(clean_plan(), "RDY008") == []


def test_a_new_plan_is_not_ready_in_words_and_a_written_one_is():
    new = run_checks(loads_plan(starter_text()))
    assert readiness_line(new).startswith("まだ確定版にできません")
    assert "Not ready" in readiness_line(new, "en")
    written = run_checks(clean_plan())
    assert readiness_line(written) == "確定版として出力できます。"
    plan = clean_plan()
    plan.kpis[0].rationale = None
    line = readiness_line(run_checks(plan))
    assert line.startswith("まだ確定版にできません") and "未記入" in line


def test_pln006_is_one_finding_when_no_measure_has_any_article():
    plan = clean_plan()
    plan.measures[0].articles = Articles()
    plan.measures.append(Measure("M-2", "窓口", addresses=["I-1"]))
    (f,) = fired(plan, "PLN006")
    assert f.nodes == ("M-1", "M-2")
    assert "どの施策にも" in f.message("ja")
    plan.measures[0].articles = Articles([11])
    assert where(plan, "PLN006") == [(("M-2",), "articles.primary")]
