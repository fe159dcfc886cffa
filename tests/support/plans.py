"""Plans built in code for tests and benchmarks: small clean plans, a prefecture, dense shapes.

- ``clean_plan()`` (with ``personal_source`` / ``open_source``): a tiny lawful plan the
  checker tests change one fact of at a time;
- ``generate_plan(issues=50, measures=200, data_sources=300, kpis=400, seed=0)``: a
  deterministic, lawful, mostly complete plan of a fictional prefecture: every issue is
  addressed, every measure evaluated, every source used, personal data kept within purpose
  with safeguards, published data openly licensed. A few gaps are left on purpose (roughly
  one item in forty), so that a benchmark also exercises the report, as a real draft would;
- ``dense_plan(issues, measures)``: the small, dense shapes of issue 10 item 6, where every
  measure addresses every issue (5 × 50, 10 × 100, 20 × 200 …).

Only ``planner.plan.model`` and ``planner.plan.vocab`` are imported: no pytest, no checker.
"""

from __future__ import annotations

import random

from planner.plan import vocab
from planner.plan.model import (
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
    KpiType,
    LegalBasis,
    License,
    Measure,
    Measurement,
    OpenData,
    Plan,
    PlanInfo,
    PlanKind,
    PriorityField,
    Purpose,
    SafetyMeasure,
    Sections,
    UpdateFrequency,
)

START, END = 2026, 2030
AREAS = ["県北", "県央", "県南", "沿岸", "山間", "湖東", "湖西", "中部", "東部", "西部"]
THEMES = [
    ("高齢者の移動手段の確保", "デマンド交通", PriorityField.MOBILITY),
    ("子育て世帯の転出超過", "子育て支援", PriorityField.E_GOVERNMENT),
    ("防災情報の確実な伝達", "防災情報", PriorityField.INFRASTRUCTURE_DISASTER),
    ("観光客の周遊不足", "観光周遊", PriorityField.TOURISM),
    ("農業の担い手不足", "スマート農業", PriorityField.AGRICULTURE),
    ("医療・介護人材の不足", "地域包括ケア", PriorityField.HEALTH),
    ("中小企業の生産性の低さ", "ものづくり支援", PriorityField.MANUFACTURING),
    ("行政手続の来庁負担", "手続オンライン化", PriorityField.E_GOVERNMENT),
    ("インフラの老朽化", "インフラ点検", PriorityField.INFRASTRUCTURE_DISASTER),
    ("キャッシュレス決済の普及の遅れ", "地域決済", PriorityField.FINANCE),
]
ACTIONS = ["最適化", "可視化", "データ連携", "オンライン化", "高度化", "実証", "普及", "分析"]
DATA_KINDS = ["台帳", "統計", "センサーデータ", "調査結果", "利用実績", "一覧", "記録", "位置情報"]
DEPARTMENTS = ["企画課", "情報政策課", "防災危機管理課", "観光振興課", "農政課", "健康福祉課",
               "商工労働課", "道路課", "子ども家庭課", "市町村課"]
#: (category, acquisition, share in 100) — the mix of a prefecture's data inventory.
MIX = [
    (Category.NON_PERSONAL, Acquisition.SELF_COLLECTED, 30),
    (Category.STATISTICAL, Acquisition.STATUTORY, 20),
    (Category.NON_PERSONAL, Acquisition.EXTERNAL_OPEN, 10),
    (Category.PERSONAL, Acquisition.STATUTORY, 15),
    (Category.SPECIAL_CARE, Acquisition.STATUTORY, 6),
    (Category.SPECIFIC_PERSONAL, Acquisition.STATUTORY, 4),
    (Category.ADMINISTRATIVE_ANONYMIZED, Acquisition.STATUTORY, 3),
    (Category.NON_PERSONAL, Acquisition.PRIVATE_SHARED, 6),
    (Category.STATISTICAL, Acquisition.THIRD_PARTY_PROVIDED, 6),
]
_CORE_CYCLE = [10, 11, 13, 14, 15, 12, 16, 17, 18, 19]


def _categories(n: int, rng: random.Random) -> list[tuple[Category, Acquisition]]:
    """n (category, acquisition) pairs in the MIX proportions, shuffled deterministically."""
    out = [(c, a) for c, a, share in MIX for _ in range(share)]
    picks = [out[i * len(out) // max(n, 1) % len(out)] for i in range(n)]
    rng.shuffle(picks)
    return picks


def _issues(n: int, rng: random.Random) -> list[Issue]:
    issues = []
    for i in range(n):
        theme, _, _ = THEMES[i % len(THEMES)]
        area = AREAS[(i // len(THEMES)) % len(AREAS)]
        pct = rng.randint(12, 48)
        evidence = None if i % 40 == 39 else f"令和2年国勢調査・県民意識調査（回答率{pct}%）による"
        issues.append(Issue(f"I-{i + 1}", f"{area}地域の{theme}",
                            description=f"{area}地域では{theme}が課題となっている。",
                            evidence=evidence))
    return issues


def _source(i: int, category: Category, acquisition: Acquisition, rng: random.Random,
            std_codes: list[str]) -> DataSource:
    _, topic, _ = THEMES[i % len(THEMES)]
    kind = DATA_KINDS[i % len(DATA_KINDS)]
    d = DataSource(f"D-{i + 1}", f"{topic}{kind}（{AREAS[i % len(AREAS)]}）",
                   acquisition=acquisition, category=category,
                   holder=DEPARTMENTS[i % len(DEPARTMENTS)],
                   original_purpose=f"{topic}に関する事務",
                   format=rng.choice([DataFormat.CSV, DataFormat.DB, DataFormat.XLSX,
                                      DataFormat.JSON]),
                   update_frequency=rng.choice(list(UpdateFrequency)))
    if category in (Category.PERSONAL, Category.SPECIAL_CARE, Category.SPECIFIC_PERSONAL):
        d.retention = "5年"
        d.safety_measures = list(SafetyMeasure)
    if acquisition in (Acquisition.PRIVATE_SHARED, Acquisition.THIRD_PARTY_PROVIDED):
        d.agreement = f"{topic}データ連携協定"
    if category == Category.STATISTICAL:
        d.min_cell_size = 10
    if category in (Category.NON_PERSONAL, Category.STATISTICAL) and \
            acquisition != Acquisition.EXTERNAL_OPEN and i % 2 == 0:
        d.open_data = OpenData(publish=True, license=License.CC_BY_4_0, format=DataFormat.CSV,
                               fee=0, tags=[topic], integrity=Integrity.KEEP_ORIGINALS,
                               standard_datasets=[std_codes[i % len(std_codes)]] if i % 3 == 0
                               else [], url=f"https://opendata.example/{d.id}")
        if i % 41 == 40:
            d.open_data.integrity = Integrity.NONE  # a little advice for the report
    return d


def _use_for(d: DataSource) -> DataUse:
    """A lawful use of ``d`` (the flow and legal facts follow its category)."""
    if d.category == Category.ADMINISTRATIVE_ANONYMIZED:
        return DataUse(d.id, Flow.PROVIDE_PRIVATE, Purpose.WITHIN, LegalBasis.ANONYMIZED_PROPOSAL)
    if d.category == Category.SPECIFIC_PERSONAL:
        return DataUse(d.id, Flow.PROVIDE_PUBLIC_BODY, Purpose.WITHIN, LegalBasis.MYNUMBER_ART19)
    if d.open_data is not None:
        return DataUse(d.id, Flow.PUBLISH, Purpose.WITHIN)
    if d.acquisition in (Acquisition.PRIVATE_SHARED, Acquisition.THIRD_PARTY_PROVIDED):
        return DataUse(d.id, Flow.RECEIVE, Purpose.NEW_PURPOSE)
    return DataUse(d.id, Flow.INTERNAL_USE, Purpose.WITHIN)


def _measures(n: int, issues: list[Issue], sources: list[DataSource],
              rng: random.Random) -> list[Measure]:
    measures = []
    for i in range(n):
        _, topic, field = THEMES[i % len(THEMES)]
        addresses = [issues[i % len(issues)].id] if issues else []
        if issues and i % 3 == 0:
            addresses.append(issues[(i * 7 + 3) % len(issues)].id)
        start = START + i % 3
        m = Measure(f"M-{i + 1}", f"{topic}の{ACTIONS[i % len(ACTIONS)]}（第{i // 10 + 1}期）",
                    description=f"{topic}に関するデータを活用し、施策を推進する。",
                    addresses=list(dict.fromkeys(addresses)),
                    articles=Articles(primary=[_CORE_CYCLE[i % 10]],
                                      related=[_CORE_CYCLE[(i + 3) % 10]]),
                    fields=[field], owner=DEPARTMENTS[i % len(DEPARTMENTS)],
                    schedule=FiscalYearRange(start, min(END, start + rng.randint(1, 3))))
        measures.append(m)
    for j, d in enumerate(sources):  # every source used by at least one measure
        if measures:
            measures[j % len(measures)].uses.append(_use_for(d))
    return measures


def _kpis(n: int, measures: list[Measure], sources: list[DataSource],
          rng: random.Random) -> list[Kpi]:
    """KPIs measured from non-personal data, evaluating every measure at least once."""
    open_ids = [d.id for d in sources if d.category in (Category.NON_PERSONAL,
                                                        Category.STATISTICAL)]
    kpis = []
    for i in range(n):
        m = measures[i % len(measures)] if measures else None
        base = rng.randint(10, 5000)
        baseline = None if i % 45 == 44 else Measurement(base, START - 1)
        title = f"{m.title if m else '指標'}の達成度{i // max(len(measures), 1) + 1}"
        kpis.append(Kpi(f"K-{i + 1}", title,
                        type=KpiType.EFFECT if i % 2 else KpiType.PROGRESS, quantitative=True,
                        unit="件", baseline=baseline,
                        target=Measurement(int(base * rng.uniform(1.1, 1.8)), END),
                        measures=[m.id] if m else [],
                        source=open_ids[i % len(open_ids)] if open_ids else None,
                        rationale="過去5年の伸び率を基に設定"))
    return kpis


def generate_plan(issues: int = 50, measures: int = 200, data_sources: int = 300,
                  kpis: int = 400, seed: int = 0) -> Plan:
    """A deterministic plan of the given size (same arguments, same plan)."""
    rng = random.Random(seed)
    std_codes = [t.code for t in vocab.standard_datasets()]
    issue_list = _issues(issues, rng)
    sources = [_source(i, c, a, rng, std_codes)
               for i, (c, a) in enumerate(_categories(data_sources, rng))]
    measure_list = _measures(measures, issue_list, sources, rng)
    info = PlanInfo(title="架空県官民データ活用推進計画", municipality="架空県",
                    municipality_code="990001", kind=PlanKind.PREFECTURE,
                    period=FiscalYearRange(START, END), adopted_on="2026-03-27", version="1.0",
                    sections=Sections(purpose="県が保有するデータと民間のデータを活用し、地域課題を解決する。"))
    return Plan(plan=info, issues=issue_list, measures=measure_list, data_sources=sources,
                kpis=_kpis(kpis, measure_list, sources, rng))


# --- small plans for rule tests ------------------------------------------------------

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
                          security="セキュリティの方針。"),
                      contact="企画課 電話 0000-00-0000"),
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


# --- dense shapes (issue 10 item 6) --------------------------------------------------

def dense_plan(issues: int = 5, measures: int = 50, uses: int = 1, kpis: int = 1,
               seed: int = 0) -> Plan:
    """A small plan in which every measure addresses every issue.

    Each measure uses ``uses`` data sources of its own and is evaluated by ``kpis`` KPIs
    measured from them: few items, many relations — the shape that once made one figure
    per issue × measure pair. Deterministic; ``planner check`` finds no error in it.
    """
    plan = generate_plan(issues=issues, measures=measures, data_sources=measures * uses,
                         kpis=measures * kpis, seed=seed)
    ids = [i.id for i in plan.issues]
    for n, m in enumerate(plan.measures):
        m.addresses = ids[n % len(ids):] + ids[:n % len(ids)]  # each issue leads in turn
    return plan
