"""Shared plans and readers for the document tests (not a test module)."""

from __future__ import annotations

from planner.files.planfile import loads_plan

SMALL_PLAN = """
schema_version: 1
plan:
  title: テスト市官民データ活用推進計画
  municipality: テスト市
  kind: municipality
  period: {start_fy: 2026, end_fy: 2030}
  adopted_on: "2026-03-27"
  version: "1.0"
  sections:
    current_state: テスト市の現状です。
    purpose: 計画の目的です。
    organization: 推進体制です。
    basic_policy: 基本的な方針です。
    security: セキュリティの方針です。
issues:
  - id: I-1
    title: 高齢者の移動手段の確保
    evidence: 令和2年国勢調査で高齢化率34.6%
  - id: I-2
    title: 防災情報の伝達
measures:
  - id: M-1
    title: デマンド交通の運行最適化
    description: 予約データを分析して運行を最適化します。
    addresses: [I-1]
    articles: {primary: [11], related: [10, 15]}
    owner: 交通政策課
    schedule: {start_fy: 2026, end_fy: 2028}
    uses:
      - {data: D-1, flow: internal_use, purpose: within, rationale: 乗降実績を分析する}
      - {data: D-2, flow: internal_use, purpose: out_of_purpose, legal_basis: internal_considerable_reason}
  - id: M-2
    title: 避難所情報のオープンデータ化
    addresses: [I-2]
    articles: {primary: [11]}
    owner: 危機管理課
    schedule: {start_fy: 2026, end_fy: 2027}
    uses:
      - {data: D-3, flow: publish, purpose: within}
data_sources:
  - {id: D-1, title: デマンド交通乗降データ, acquisition: self_collected, category: statistical, holder: 交通政策課, format: csv}
  - {id: D-2, title: 住民基本台帳, acquisition: statutory, category: personal, holder: 市民課, format: db}
  - id: D-3
    title: 指定緊急避難場所一覧
    acquisition: statutory
    category: non_personal
    holder: 危機管理課
    format: csv
    open_data: {publish: true, license: CC-BY-4.0, format: csv, standard_dataset: "03"}
kpis:
  - id: K-1
    title: デマンド交通の月間利用者数
    type: effect
    quantitative: true
    unit: 人/月
    baseline: {value: 1200, fy: 2025}
    target: {value: 2000, fy: 2030}
    measures: [M-1]
    source: D-1
    rationale: 年10%の増加を見込む
"""


def small_plan():
    """A small complete plan exercising every chapter."""
    return loads_plan(SMALL_PLAN)


def body_text(document) -> str:
    """All paragraph and table-cell text of the body, in order."""
    from docx.oxml.ns import qn

    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t")))
                     for p in document.element.body.iter(qn("w:p")))


def big_plan(issues: int, measures: int, data: int, kpis: int):
    """A synthetic plan of the given size (for splitting and speed tests)."""
    from planner.plan.model import (
        Articles,
        DataSource,
        DataUse,
        FiscalYearRange,
        Issue,
        Kpi,
        Measure,
        Measurement,
        Plan,
        PlanInfo,
    )

    plan = Plan(plan=PlanInfo(title="大きな県官民データ活用推進計画", municipality="大きな県",
                              period=FiscalYearRange(2026, 2030)))
    plan.issues = [Issue(f"I-{i}", f"地域課題その{i}の名前") for i in range(issues)]
    plan.data_sources = [DataSource(f"D-{d}", f"データ{d}の名称") for d in range(data)]
    plan.measures = [Measure(
        f"M-{m}", f"施策{m}の名称", addresses=[f"I-{m % issues}"],
        articles=Articles([10 + m % 10], [10 + (m + 3) % 10]), owner=f"課{m % 7}",
        schedule=FiscalYearRange(2026, 2030),
        uses=[DataUse(f"D-{(m * 3 + j) % data}", "internal_use", "within") for j in range(2)],
    ) for m in range(measures)]
    plan.kpis = [Kpi(f"K-{k}", f"指標{k}", "effect", True, "件", Measurement(100 + k, 2025),
                     Measurement(200 + k, 2030), [f"M-{k % measures}"], f"D-{k % data}",
                     "考え方") for k in range(kpis)]
    return plan
