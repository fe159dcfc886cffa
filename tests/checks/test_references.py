"""REF001 broken references and REF002 duplicate ids: found, never a crash."""

from __future__ import annotations

from checks.builders import clean_plan, fired, where
from planner.checks import run_checks
from planner.plan.model import DataUse, Flow, Issue, Kpi, Measure, Purpose


def test_clean_plan_has_no_reference_findings():
    plan = clean_plan()
    assert where(plan, "REF001") == []
    assert where(plan, "REF002") == []


def test_ref001_each_kind_of_reference():
    plan = clean_plan()
    plan.measures[0].addresses.append("I-9")
    plan.measures[0].uses.append(DataUse("D-9", Flow.INTERNAL_USE, Purpose.WITHIN))
    plan.kpis[0].measures.append("M-9")
    plan.kpis[0].source = "D-8"
    assert where(plan, "REF001") == [
        (("M-1", "I-9"), "addresses[1]"),
        (("M-1", "D-9"), "uses[2].data"),
        (("K-1", "M-9"), "measures[1]"),
        (("K-1", "D-8"), "source"),
    ]


def test_ref001_names_the_wrong_kind():
    plan = clean_plan()
    plan.kpis[0].source = "M-1"  # a measure, not a data source
    (finding,) = fired(plan, "REF001")
    assert finding.nodes == ("K-1", "M-1")
    assert "施策のIDで、データではありません" in finding.message("ja")
    assert "is the id of a measure, not of a data source" in finding.message("en")
    assert finding.fix("ja") and finding.fix("en")


def test_ref001_empty_reference_is_a_gap_not_a_broken_id():
    plan = clean_plan()
    plan.kpis[0].source = ""
    assert where(plan, "REF001") == []
    assert where(plan, "GAP004") == [(("K-1",), "source")]


def test_ref002_duplicate_within_and_across_kinds():
    plan = clean_plan()
    plan.issues.append(Issue("I-1", "子育て世帯の転出超過", evidence="統計"))
    plan.kpis.append(Kpi("M-1", "窓口の待ち時間", measures=["M-1"], source="D-2"))
    findings = fired(plan, "REF002")
    assert [(f.nodes, f.field) for f in findings] == [(("I-1",), "id"), (("M-1",), "id")]
    assert "2つの項目で使われています" in findings[1].message("ja")
    assert "施策『デマンド交通の運行最適化』（M-1）" in findings[1].message("ja")
    assert "KPI『窓口の待ち時間』（M-1）" in findings[1].message("ja")


def test_badly_broken_plan_still_checks():
    plan = clean_plan()
    plan.measures.append(Measure("M-1", "", addresses=["M-1", "K-1", ""],
                                 uses=[DataUse(None), DataUse("I-1"), DataUse("M-1")]))
    plan.kpis[0].measures = ["K-1", "I-1", "M-1", "M-1"]
    findings = run_checks(plan)
    rules = {f.rule for f in findings}
    assert {"REF001", "REF002", "PLN005"} <= rules
    assert all(f.message("ja") and f.message("en") and f.fix("ja") for f in findings)
