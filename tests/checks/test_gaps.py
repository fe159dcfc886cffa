"""GAP: breaks in the chain issue → measure → data → KPI."""

from __future__ import annotations

from checks.builders import clean_plan, fired, where
from planner.plan.model import DataSource, FiscalYearRange, Issue, Kpi, Measure, Measurement

GAPS = [f"GAP{n:03d}" for n in range(1, 12)]


def test_clean_plan_has_no_gaps():
    plan = clean_plan()
    assert {r: where(plan, r) for r in GAPS} == {r: [] for r in GAPS}


def test_gap001_issue_without_measure():
    plan = clean_plan()
    plan.issues.append(Issue("I-2", "防災情報の確実な伝達", evidence="調査"))
    (f,) = fired(plan, "GAP001")
    assert f.nodes == ("I-2",)
    assert f.message("ja") == "地域課題『防災情報の確実な伝達』（I-2）に対応する施策がありません。"
    assert f.message("en") == 'No measure addresses issue "防災情報の確実な伝達" (I-2).'


def test_gap002_measure_without_issue():
    plan = clean_plan()
    plan.measures[0].addresses = []
    assert where(plan, "GAP002") == [(("M-1",), "addresses")]
    plan.measures[0].addresses = ["I-404"]  # broken: REF001's business, not GAP002's
    assert where(plan, "GAP002") == []


def test_gap003_measure_without_kpi():
    plan = clean_plan()
    plan.kpis[0].measures = []
    (f,) = fired(plan, "GAP003")
    assert f.nodes == ("M-1",)
    assert f.message("ja") == "施策『デマンド交通の運行最適化』（M-1）を評価するKPIがありません。"
    assert "「評価する施策と出典」でM-1にチェックを付けてください" in f.fix("ja")


def test_gap004_kpi_without_source():
    plan = clean_plan()
    plan.kpis[0].source = None
    assert where(plan, "GAP004") == [(("K-1",), "source")]


def test_gap005_missing_baseline_or_target():
    plan = clean_plan()
    plan.kpis[0].baseline = None
    plan.kpis.append(Kpi("K-2", "満足度", measures=["M-1"], source="D-2",
                         baseline=Measurement(50, 2025), target=Measurement(70, None)))
    findings = fired(plan, "GAP005")
    assert [(f.nodes, f.field) for f in findings] == [(("K-1",), "baseline.value"),
                                                     (("K-2",), "target.fy")]
    assert "KPI『満足度』（K-2）に目標値の年度がありません。" in findings[1].message("ja")
    assert "（K-1）に基準値がありません。" in findings[0].message("ja")
    assert "has no target year" in findings[1].message("en")


def test_gap006_target_outside_period_and_baseline_after_target():
    plan = clean_plan()
    plan.kpis[0].target.fy = 2032
    plan.kpis.append(Kpi("K-2", "満足度", measures=["M-1"], source="D-2",
                         baseline=Measurement(50, 2029), target=Measurement(70, 2028)))
    assert where(plan, "GAP006") == [(("K-1",), "target.fy"), (("K-2",), "baseline.fy")]


def test_gap006_reports_both_problems_of_one_kpi():
    plan = clean_plan()
    plan.kpis[0].baseline = Measurement(1200, 2033)
    plan.kpis[0].target.fy = 2032
    assert where(plan, "GAP006") == [(("K-1",), "target.fy"), (("K-1",), "baseline.fy")]


def test_gap006_judges_the_target_against_the_known_end_of_the_period():
    plan = clean_plan()
    plan.plan.period = FiscalYearRange(2026, None)
    plan.kpis[0].baseline.fy = 2023
    plan.kpis[0].target.fy = 2024
    (f,) = fired(plan, "GAP006")
    assert f.field == "target.fy" and "2026年度〜?年度" in f.message("ja")
    plan.kpis[0].target.fy = 2040  # no end: cannot be judged late
    assert where(plan, "GAP006") == []


def test_gap006_needs_the_period_to_judge_target_year():
    plan = clean_plan()
    plan.kpis[0].target.fy = 2040
    plan.plan.period = None
    assert where(plan, "GAP006") == []


def test_gap007_unused_data():
    plan = clean_plan()
    plan.data_sources.append(DataSource("D-3", "公共施設一覧"))
    assert where(plan, "GAP007") == [(("D-3",), None)]
    plan.kpis[0].source = "D-3"  # measured from it: used
    assert where(plan, "GAP007") == []


def test_gap007_unused_personal_data_recalls_storage_limitation():
    plan = clean_plan()
    plan.kpis[0].source = "D-2"
    plan.measures[0].uses = plan.measures[0].uses[1:]  # D-1 (personal) no longer used
    (f,) = fired(plan, "GAP007")
    assert f.nodes == ("D-1",) and "第61条第2項" in f.fix("ja")


def test_gap008_schedule_outside_period_or_backwards():
    plan = clean_plan()
    plan.measures[0].schedule = FiscalYearRange(2025, 2028)
    plan.measures.append(Measure("M-2", "窓口改革", addresses=["I-1"],
                                 schedule=FiscalYearRange(2029, 2027)))
    assert where(plan, "GAP008") == [(("M-1",), "schedule"), (("M-2",), "schedule.end_fy")]


def test_gap009_issue_without_evidence():
    plan = clean_plan()
    plan.issues[0].evidence = "  "
    assert where(plan, "GAP009") == [(("I-1",), "evidence")]


def test_gap010_measure_without_data():
    plan = clean_plan()
    plan.measures[0].uses = []
    assert where(plan, "GAP010") == [(("M-1",), "uses")]


def test_gap011_kpi_without_measure():
    plan = clean_plan()
    assert where(plan, "GAP011") == []
    plan.kpis[0].measures = []
    (f,) = fired(plan, "GAP011")
    assert (f.nodes, f.field) == (("K-1",), "measures")
    assert "KPI『デマンド交通の月間利用者数』（K-1）が、どの施策を評価するのか" in f.message("ja")
    plan.kpis[0].measures = ["M-404"]  # a broken id is REF001's, not a gap
    assert where(plan, "GAP011") == []


def test_gap003_is_silent_when_the_plan_has_no_kpi_at_all():
    # RDY001 already says "no KPI"; one GAP003 per measure would repeat that omission.
    plan = clean_plan()
    plan.kpis = []
    assert where(plan, "GAP003") == []
    assert where(plan, "RDY001") == [((), None)]


def test_gap010_one_finding_when_no_measure_names_any_data():
    plan = clean_plan()
    plan.measures.append(Measure("M-2", "窓口のオンライン化", addresses=["I-1"]))
    for m in plan.measures:
        m.uses = []
    (f,) = fired(plan, "GAP010")
    assert f.nodes == ("M-1", "M-2") and f.field == "uses"
    assert f.message("ja").startswith("どの施策にも利用するデータが示されていません（")
    plan.measures[0].uses = clean_plan().measures[0].uses  # one has data: per measure again
    assert where(plan, "GAP010") == [(("M-2",), "uses")]
