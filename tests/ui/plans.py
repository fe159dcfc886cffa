"""Small plans built in code for the UI tests (no file, no core stub)."""

from __future__ import annotations

from planner.plan.model import (
    Category,
    DataSource,
    DataUse,
    Flow,
    Issue,
    Kpi,
    Measure,
    Measurement,
    Plan,
    PlanInfo,
    Purpose,
)


def small_plan() -> Plan:
    """One issue, one measure using one data source, one KPI measured from it."""
    return Plan(
        plan=PlanInfo(title="テスト市官民データ活用推進計画", municipality="テスト市"),
        issues=[Issue("I-1", "高齢者の移動手段の確保"), Issue("I-2", "防災情報の発信")],
        measures=[Measure("M-1", "デマンド交通の運行最適化", addresses=["I-1", "I-2"],
                          uses=[DataUse("D-1", Flow.INTERNAL_USE, Purpose.WITHIN),
                                DataUse("D-2", Flow.INTERNAL_USE, Purpose.WITHIN)])],
        data_sources=[DataSource("D-1", "住民基本台帳", category=Category.PERSONAL),
                      DataSource("D-2", "運行記録")],
        kpis=[Kpi("K-1", "月間利用者数", measures=["M-1"], source="D-1",
                  baseline=Measurement(1200, 2025))],
    )
