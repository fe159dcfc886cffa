"""Checks for schema v2's facts (domain.md §2.4): pillars, milestones, deferred and text
targets, catalogue sources — each with a plan that triggers it and one that does not."""

from __future__ import annotations

from checks.builders import clean_plan, fired, open_source
from planner.checks import run_checks
from planner.plan.model import (
    Direction,
    Issue,
    Measure,
    Measurement,
    Milestone,
    OpenData,
    Pillar,
    Plan,
)


def pillar_plan() -> Plan:
    """The clean plan written in pillar style: the issue is set on the 基本目標 only."""
    plan = clean_plan()
    plan.pillars = [Pillar("P-1", "誰もが便利に暮らせるまち", addresses=["I-1"]),
                    Pillar("P-1-1", "移動の利便性向上", parent="P-1")]
    plan.measures[0].addresses = []
    plan.measures[0].pillar = "P-1-1"
    return plan


def _rules(plan: Plan) -> set[str]:
    return {f.rule for f in run_checks(plan)}


# --- inheritance: GAP001 / GAP002 per pillar ---------------------------------------------------

def test_a_measure_inherits_its_pillars_issues():
    plan = pillar_plan()
    assert not fired(plan, "GAP001") and not fired(plan, "GAP002")
    assert not {"GAP012", "GAP013"} & _rules(plan)


def test_pillar_style_without_issues_is_one_gap002_per_pillar_not_per_measure():
    plan = pillar_plan()
    plan.pillars[0].addresses = []
    plan.measures.append(Measure("M-2", "乗換案内", pillar="P-1-1", owner="交通政策課"))
    (finding,) = fired(plan, "GAP002")
    assert finding.nodes == ("P-1-1", "M-1", "M-2") and finding.field == "addresses"
    assert "施策体系 1-1『移動の利便性向上』" in finding.message("ja")
    (gap001,) = fired(plan, "GAP001")
    assert gap001.nodes == ("I-1",)


def test_a_measure_without_pillar_or_issue_is_still_its_own_gap002():
    plan = clean_plan()
    plan.measures[0].addresses = []
    assert [f.nodes for f in fired(plan, "GAP002")] == [("M-1",)]


def test_layout_gaps_count_inherited_issues():
    from planner.ui.layout import GAP_MEASURE_NO_ISSUE, GAP_UNADDRESSED_ISSUE, gaps, plan_edges

    plan = pillar_plan()
    assert gaps(plan).get("M-1") != GAP_MEASURE_NO_ISSUE
    assert gaps(plan).get("I-1") != GAP_UNADDRESSED_ISSUE
    inherited = [e for e in plan_edges(plan)[1] if e.inherited]
    assert [(e.source, e.target) for e in inherited] == [("I-1", "M-1")]
    plan.pillars[0].addresses = []
    assert gaps(plan)["M-1"] == GAP_MEASURE_NO_ISSUE and gaps(plan)["I-1"] == GAP_UNADDRESSED_ISSUE


# --- GAP012: a pillar with no measure ----------------------------------------------------------

def test_gap012_pillar_with_no_measure():
    plan = pillar_plan()
    plan.pillars.append(Pillar("P-2", "データで支える行政"))
    (finding,) = fired(plan, "GAP012")
    assert finding.nodes == ("P-2",) and "施策体系 2『データで支える行政』" in finding.message("ja")


def test_gap012_not_for_a_goal_whose_measures_sit_in_its_policies():
    assert not fired(pillar_plan(), "GAP012")  # P-1 has none directly, P-1-1 has M-1


# --- GAP013: measures outside the pillars --------------------------------------------------------

def test_gap013_measure_outside_any_pillar_when_pillars_exist():
    plan = pillar_plan()
    plan.measures.append(Measure("M-2", "窓口改革", addresses=["I-1"]))
    (finding,) = fired(plan, "GAP013")
    assert finding.nodes == ("M-2",) and "施策体系" in finding.message("ja")


def test_gap013_measure_on_a_pillar_that_has_pillars_below_it():
    plan = pillar_plan()
    parent = next(p.parent for p in plan.pillars if p.parent)
    plan.measures[0].pillar = parent
    (finding,) = fired(plan, "GAP013")
    assert finding.nodes == (plan.measures[0].id,) and finding.field == "pillar"


def test_gap013_silent_for_measures_on_lowest_pillars():
    assert not fired(pillar_plan(), "GAP013")


def test_gap013_silent_without_pillars():
    assert not fired(clean_plan(), "GAP013")


# --- GAP014: milestones ---------------------------------------------------------------------------

def test_gap014_milestone_outside_the_period():
    plan = clean_plan()
    plan.kpis[0].milestones = [Milestone(2027, 1500), Milestone(2032, 2100)]
    (finding,) = fired(plan, "GAP014")
    assert finding.field == "milestones[1].fy" and "2032" in finding.message("ja")


def test_gap014_milestones_against_the_direction():
    plan = clean_plan()
    plan.kpis[0].direction = Direction.INCREASE
    plan.kpis[0].milestones = [Milestone(2027, 1500), Milestone(2028, 1400)]
    (finding,) = fired(plan, "GAP014")
    assert finding.field == "milestones[1].value"
    plan.kpis[0].direction = Direction.DECREASE
    (finding,) = fired(plan, "GAP014")  # 1200 → 1500 already rises
    assert finding.field == "milestones[0].value"


def test_gap014_silent_for_monotone_milestones_or_maintain():
    plan = clean_plan()
    plan.kpis[0].direction = Direction.INCREASE
    plan.kpis[0].milestones = [Milestone(2027, 1500), Milestone(2028, 1700)]
    assert not fired(plan, "GAP014")
    plan.kpis[0].direction = Direction.MAINTAIN
    plan.kpis[0].milestones = [Milestone(2027, 900)]
    assert not fired(plan, "GAP014")


# --- GAP015: a deferred target past the plan's end --------------------------------------------

def test_gap015_target_deferred_past_the_plan():
    plan = clean_plan()
    plan.kpis[0].target = Measurement(None, 2032, text="令和14年度を目途に目標値を設定")
    (finding,) = fired(plan, "GAP015")
    assert finding.field == "target.fy" and "令和14年度を目途に" in finding.message("ja")


def test_gap015_silent_for_a_deferral_within_the_plan():
    plan = clean_plan()
    plan.kpis[0].target = Measurement(None, 2028, text="令和10年度を目途に目標値を設定")
    assert not fired(plan, "GAP015")


def test_a_qualitative_target_in_words_is_a_target():
    plan = clean_plan()
    plan.kpis[0].quantitative = False
    plan.kpis[0].baseline = Measurement("試行段階", 2025)
    plan.kpis[0].target = Measurement(None, 2030, text="全庁で運用している")
    assert not fired(plan, "GAP005")
    plan.kpis[0].quantitative = None  # a deferral of a number is no target value yet
    assert [f.field for f in fired(plan, "GAP005")] == ["target.value"]


# --- PLN007: a quantitative value written as text ---------------------------------------------

def test_pln007_quantitative_value_as_text():
    plan = clean_plan()
    plan.kpis[0].quantitative = True
    plan.kpis[0].target = Measurement("38.6%", 2030)
    (finding,) = fired(plan, "PLN007")
    assert finding.field == "target.value" and finding.severity == "error"
    assert "単位" in finding.fix("ja") and "unit" in finding.fix("en")


def test_pln007_silent_for_numbers_or_qualitative_kpis():
    plan = clean_plan()
    plan.kpis[0].quantitative = True
    plan.kpis[0].unit = "%"
    plan.kpis[0].target = Measurement(38.6, 2030)
    assert not fired(plan, "PLN007")
    plan.kpis[0].quantitative = False
    plan.kpis[0].target = Measurement("全庁で運用", 2030)
    assert not fired(plan, "PLN007")


# --- COV002: catalogue sources count -------------------------------------------------------------

def test_cov002_counts_every_standard_dataset_a_source_lists():
    plan = clean_plan()
    plan.data_sources[1].open_data.standard_datasets = ["04", "01", "05"]
    (finding,) = fired(plan, "COV002")
    assert "公開する計画があるのは3種" in finding.message("ja")


def test_cov002_names_a_catalogue_and_its_dataset_count():
    plan = clean_plan()
    catalogue = open_source("D-3", title="オープンデータカタログ")
    catalogue.open_data = OpenData(publish=True, dataset_count=530, standard_datasets=["01"])
    plan.data_sources.append(catalogue)
    (finding,) = fired(plan, "COV002")
    assert "530件" in finding.message("ja") and "530 datasets" in finding.message("en")
    assert "公開する計画があるのは2種" in finding.message("ja")


def test_cov002_without_catalogue_does_not_mention_one():
    (finding,) = fired(clean_plan(), "COV002")
    assert "カタログ" not in finding.message("ja")


def test_cov002_silent_when_a_catalogue_covers_every_standard_dataset():
    from planner.plan import vocab

    plan = clean_plan()
    plan.data_sources[1].open_data.standard_datasets = [t.code for t in vocab.standard_datasets()]
    plan.data_sources[1].open_data.dataset_count = 530
    assert not fired(plan, "COV002")


# --- REF001 for pillar references ---------------------------------------------------------------

def test_ref001_names_a_missing_pillar_and_a_missing_pillar_issue():
    plan = pillar_plan()
    plan.measures[0].pillar = "P-9"
    plan.pillars[0].addresses = ["I-9"]
    findings = {(f.nodes, f.field) for f in fired(plan, "REF001")}
    assert findings == {(("M-1", "P-9"), "pillar"), (("P-1", "I-9"), "addresses[0]")}


def test_ref002_covers_pillar_ids():
    plan = pillar_plan()
    plan.issues.append(Issue("P-1", "同じIDの課題"))
    assert [f.nodes for f in fired(plan, "REF002")] == [("P-1",)]
