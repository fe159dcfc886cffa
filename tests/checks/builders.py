"""Small plans for checker tests: a clean plan, and helpers to run one rule on it."""

from __future__ import annotations

from planner.checks import Finding, rule_by_id, run_checks
from planner.graph import PlanGraph
from planner.model import (
    Acquisition,
    Articles,
    Category,
    DataFormat,
    DataSource,
    DataUse,
    FiscalYearRange,
    Flow,
    Integrity,
    Issue,
    Kpi,
    License,
    Measure,
    Measurement,
    OpenData,
    Plan,
    PlanInfo,
    PlanKind,
    Purpose,
    SafetyMeasure,
    Sections,
    UpdateFrequency,
)

ALL_SAFETY = list(SafetyMeasure)


def personal_source(data_id: str = "D-1", category: Category = Category.PERSONAL,
                    **kw) -> DataSource:
    """A lawfully kept personal-category source (retention and all four safeguards)."""
    base = {"title": "住民基本台帳", "acquisition": Acquisition.STATUTORY, "category": category,
            "holder": "市民課", "original_purpose": "住民の居住関係の公証",
            "format": DataFormat.DB, "update_frequency": UpdateFrequency.DAILY,
            "retention": "5年", "safety_measures": list(ALL_SAFETY)}
    return DataSource(data_id, **{**base, **kw})


def open_source(data_id: str = "D-2", **kw) -> DataSource:
    """A published statistical source that satisfies every open-data rule."""
    od = OpenData(publish=True, license=License.CC_BY_4_0, format=DataFormat.CSV, fee=0,
                  tags=["人口"], standard_datasets=["04"], integrity=Integrity.KEEP_ORIGINALS)
    base = {"title": "地域・年齢別人口", "acquisition": Acquisition.SELF_COLLECTED,
            "category": Category.STATISTICAL, "holder": "企画課", "format": DataFormat.CSV,
            "update_frequency": UpdateFrequency.YEARLY, "min_cell_size": 5, "open_data": od}
    return DataSource(data_id, **{**base, **kw})


def clean_plan() -> Plan:
    """A tiny plan with no error or warning (only the COV002 advice remains)."""
    return Plan(
        plan=PlanInfo(title="テスト市官民データ活用推進計画", municipality="テスト市",
                      municipality_code="131016", kind=PlanKind.MUNICIPALITY,
                      period=FiscalYearRange(2026, 2030), sections=Sections(
                          current_state="テスト市の現状。", purpose="計画の目的。",
                          organization="推進体制。", basic_policy="基本的な方針。",
                          security="セキュリティの方針。")),
        issues=[Issue("I-1", "高齢者の移動手段の確保",
                      evidence="高齢化率34.6%（令和2年国勢調査）")],
        measures=[Measure(
            "M-1", "デマンド交通の運行最適化", addresses=["I-1"], owner="交通政策課",
            articles=Articles(primary=[11], related=[10, 13, 14, 15]),
            schedule=FiscalYearRange(2026, 2028),
            uses=[DataUse("D-1", Flow.INTERNAL_USE, Purpose.WITHIN),
                  DataUse("D-2", Flow.PUBLISH, Purpose.WITHIN)])],
        data_sources=[personal_source(), open_source()],
        kpis=[Kpi("K-1", "デマンド交通の月間利用者数", measures=["M-1"], source="D-2",
                  baseline=Measurement(1200, 2025), target=Measurement(2000, 2030),
                  rationale="年10%の増加を見込む")],
    )


def fired(plan: Plan, rule_id: str) -> list[Finding]:
    """Findings of one rule on ``plan``."""
    rule = rule_by_id(rule_id)
    assert rule is not None, rule_id
    return rule.run(PlanGraph(plan))


def where(plan: Plan, rule_id: str) -> list[tuple[tuple[str, ...], str | None]]:
    """(nodes, field) of each finding of one rule: where it fires."""
    return [(f.nodes, f.field) for f in fired(plan, rule_id)]


def rules_fired(plan: Plan) -> set[str]:
    """Ids of every rule with a finding on ``plan``."""
    return {f.rule for f in run_checks(plan)}
