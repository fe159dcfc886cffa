"""A deterministic prefecture-scale plan for benchmarks (check, render, UI).

``generate_plan(issues=50, measures=200, data_sources=300, kpis=400, seed=0)`` builds a
lawful, mostly complete plan of a fictional prefecture: every issue is addressed, every
measure evaluated, every source used, personal data kept within purpose with safeguards,
published data openly licensed. A few gaps are left on purpose (roughly one item in
forty), so that a benchmark also exercises the report, as a real draft would.

Command line: ``python -m bench.gen_plan -o big.yaml [--issues N …] [--seed S]``.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from planner import vocab
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
    (Category.ANONYMIZED, Acquisition.STATUTORY, 3),
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
    if d.category == Category.ANONYMIZED:
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


def main(argv: list[str] | None = None) -> int:
    """Write a generated plan as YAML."""
    from planner.planfile import dumps_plan

    parser = argparse.ArgumentParser(prog="python -m bench.gen_plan", description=__doc__)
    parser.add_argument("-o", "--output", required=True, help="YAML file to write ('-' = stdout)")
    parser.add_argument("--issues", type=int, default=50)
    parser.add_argument("--measures", type=int, default=200)
    parser.add_argument("--data-sources", type=int, default=300)
    parser.add_argument("--kpis", type=int, default=400)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    text = dumps_plan(generate_plan(args.issues, args.measures, args.data_sources, args.kpis,
                                    args.seed))
    if args.output == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
