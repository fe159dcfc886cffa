"""One plan built to trigger every rule exactly where expected; clean plans stay clean."""

from __future__ import annotations

from checks.builders import clean_plan, open_source, personal_source
from planner.checks import Severity, rules, run_checks
from planner.files.paths import sample_plan_path
from planner.files.planfile import load_plan
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
    LegalBasis,
    License,
    Measure,
    Measurement,
    OpenData,
    Plan,
    PlanInfo,
    Purpose,
    SafetyMeasure,
    Sections,
)

#: The rule catalogue of domain.md §3; every id must be registered.
CATALOGUE = (
    ["REF001", "REF002"] + [f"GAP{n:03d}" for n in range(1, 11)] + ["COV001", "COV002"]
    + [f"PRV{n:03d}" for n in range(1, 13)] + [f"OPN{n:03d}" for n in range(1, 8)]
)


def _kpi(kpi_id: str, measures: list[str], source: str | None, **kw) -> Kpi:
    base = {"baseline": Measurement(10, 2025), "target": Measurement(20, 2030)}
    return Kpi(kpi_id, f"指標{kpi_id}", measures=measures, source=source, **{**base, **kw})


def _use(data: str | None, flow=Flow.INTERNAL_USE, purpose=Purpose.WITHIN, basis=None):
    return DataUse(data, flow, purpose, basis)


def _outside(data_id: str, **kw) -> DataSource:
    base = {"acquisition": Acquisition.SELF_COLLECTED, "category": Category.NON_PERSONAL}
    return DataSource(data_id, f"データ{data_id}", **{**base, **kw})


def every_rule_plan() -> Plan:
    """Each rule fires on purpose at the places EXPECTED lists, and nowhere else."""
    messy_open = OpenData(publish=True, license=License.OTHER, format=DataFormat.PDF, fee=100,
                          tags=[], integrity=Integrity.NONE, standard_dataset="15")  # OPN009
    return Plan(
        plan=PlanInfo(title="全ルール確認用計画", municipality_code="131017",  # PLN001
                      period=FiscalYearRange(2026, None),  # PLN002
                      sections=Sections(organization="必要に応じて個人情報保護審議会に諮問する。",  # PRV021
                                        purpose="〇〇市の計画の目的を記載します。")),  # RDY002/3
        issues=[
            Issue("I-1", "移動手段", evidence="国勢調査"),
            Issue("I-2", "子育て", evidence=""),  # GAP001, GAP009
            Issue("I-1", "重複した課題", evidence="統計"),  # REF002
        ],
        measures=[
            Measure("M-1", "デマンド交通", addresses=["I-1"],
                    articles=Articles(primary=[11], related=[10, 13, 14, 9]),  # PLN003; COV001 (15)
                    uses=[_use("D-1"), _use("D-2", Flow.PUBLISH), _use("D-10"), _use("D-11"),
                          _use("D-12", Flow.PUBLISH), _use("D-15", Flow.PUBLISH)]),
            Measure("M-2", "窓口改革", schedule=FiscalYearRange(2029, 2027)),  # GAP002/3/8/10, PLN006
            Measure("M-3", "見守り", addresses=["I-1", "I-9"], articles=Articles(primary=[12]),
                    owner="福祉課", uses=[  # REF001
                _use("D-3", purpose=Purpose.OUT_OF_PURPOSE),  # PRV001, PRV020; PRV016 (教育委員会)
                _use("D-4", Flow.PROVIDE_PUBLIC_BODY),  # PRV002
                _use("D-5", Flow.PUBLISH),  # PRV003
                _use("D-9", Flow.RECEIVE),  # PLN004
                _use(None),  # PLN005
                _use("D-6", Flow.PROVIDE_PRIVATE, basis=LegalBasis.SPECIAL_REASON),  # PRV011
            ]),
            Measure("M-4", "健康づくり", addresses=["I-1"], articles=Articles(primary=[16]), uses=[
                DataUse("D-3", Flow.INTERNAL_USE, Purpose.OUT_OF_PURPOSE, LegalBasis.LAW,
                        "見守り条例第5条に基づく"),  # PRV012 with M-3, PRV022
                _use("D-7"),  # PRV005
                DataUse("D-1", Flow.PROVIDE_PRIVATE, Purpose.OUT_OF_PURPOSE,
                        LegalBasis.INTERNAL_CONSIDERABLE_REASON,
                        "民生委員に名簿を渡す"),  # PRV013, PRV006, PRV016
                DataUse("D-8"),  # PRV014
                _use("D-4", Flow.OUTSOURCE),  # PRV018
                _use("D-4", purpose=Purpose.NEW_PURPOSE),  # PRV019
            ]),
        ],
        data_sources=[
            personal_source("D-1"),
            open_source("D-2"),
            personal_source("D-3", retention=None, holder="教育委員会学務課"),  # PRV009
            personal_source("D-4", category=Category.SPECIFIC_PERSONAL,  # PRV008
                            safety_measures=[SafetyMeasure.ORGANIZATIONAL, SafetyMeasure.HUMAN,
                                             SafetyMeasure.PHYSICAL]),
            personal_source("D-5", category=Category.SPECIAL_CARE),
            personal_source("D-6", category=Category.ADMINISTRATIVE_ANONYMIZED),
            personal_source("D-7", category=Category.NON_IDENTIFYING,  # PRV023
                            original_purpose=None),  # RDY006
            personal_source("D-8", acquisition=Acquisition.SELF_COLLECTED,
                            safety_measures=[]),  # PRV015
            _outside("D-9", acquisition=Acquisition.STATUTORY),
            personal_source("D-10", category=Category.SPECIAL_CARE,  # PRV004
                            acquisition=Acquisition.THIRD_PARTY_PROVIDED, agreement="提供契約"),
            _outside("D-11", acquisition=Acquisition.PRIVATE_SHARED),  # PRV007
            _outside("D-12", format=DataFormat.PDF, open_data=messy_open),  # OPN001–006
            open_source("D-13", min_cell_size=2),  # OPN007
            _outside("D-14"),  # GAP007
            open_source("D-15", acquisition=Acquisition.THIRD_PARTY_PROVIDED,  # OPN008
                        agreement="人流データ利用許諾契約"),
        ],
        kpis=[
            _kpi("K-1", ["M-1", "M-3"], "D-2"),
            _kpi("K-2", ["M-4", "M-404"], None, baseline=None),  # REF001, GAP004, GAP005
            _kpi("K-3", ["M-4"], "D-8", baseline=Measurement(30, 2029),  # PRV010
                 target=Measurement(40, 2028)),  # GAP006
            _kpi("K-4", ["M-1"], "D-13"),
            _kpi("K-5", ["M-1"], "D-404"),  # REF001
            _kpi("K-6", [], "D-2"),  # GAP011
        ],
    )


#: rule → every (nodes, field) it must report, in report order.
EXPECTED = {
    "REF001": [(("K-2", "M-404"), "measures[1]"), (("K-5", "D-404"), "source"),
               (("M-3", "I-9"), "addresses[1]")],
    "REF002": [(("I-1",), "id")],
    "PLN001": [((), "plan.municipality_code")],
    "PLN002": [((), "plan.period")],
    "PLN003": [(("M-1",), "articles.related[3]")],
    "PLN004": [(("M-3", "D-9"), "uses[3].flow")],
    "PLN005": [(("M-3",), "uses[4].data")],
    "PLN006": [(("M-2",), "articles.primary")],
    "GAP001": [(("I-2",), None)],
    "GAP002": [(("M-2",), "addresses")],
    "GAP003": [(("M-2",), None)],
    "GAP004": [(("K-2",), "source")],
    "GAP005": [(("K-2",), "baseline.value")],
    "GAP006": [(("K-3",), "baseline.fy")],
    "GAP007": [(("D-14",), None)],
    "GAP008": [(("M-2",), "schedule.end_fy")],
    "GAP009": [(("I-2",), "evidence")],
    "GAP010": [(("M-2",), "uses")],
    "GAP011": [(("K-6",), "measures")],
    "COV001": [((), None)],
    "COV002": [((), None)],
    "PRV001": [(("M-3", "D-3"), "uses[0].legal_basis")],
    "PRV002": [(("M-3", "D-4"), "uses[1].legal_basis")],
    "PRV003": [(("M-3", "D-5"), "uses[2].flow")],
    "PRV004": [(("D-10",), "consent")],
    "PRV005": [(("D-7", "M-4"), "category")],
    "PRV006": [(("D-1", "M-4"), "agreement")],
    "PRV007": [(("D-11",), "agreement")],
    "PRV008": [(("D-4",), "safety_measures")],
    "PRV009": [(("D-3",), "retention")],
    "PRV010": [(("K-3", "D-8"), "source")],
    "PRV011": [(("M-3", "D-6"), "uses[5].legal_basis")],
    "PRV012": [(("D-3", "M-3", "M-4"), "original_purpose")],
    "PRV013": [(("M-4", "D-1"), "uses[2].legal_basis")],
    "PRV014": [(("M-4", "D-8"), "uses[3].flow")],
    "PRV015": [(("D-8",), "safety_measures")],
    "PRV016": [(("M-3", "D-3"), "uses[0].flow"), (("M-4", "D-1"), "uses[2].flow")],
    "PRV017": [(("D-1", "D-4"), None)],
    "PRV018": [(("M-4", "D-4"), "uses[4].legal_basis")],
    "PRV019": [(("M-4", "D-4"), "uses[5].purpose")],
    "PRV020": [(("M-3", "D-3"), "uses[0].rationale")],
    "PRV021": [((), "plan.sections.organization")],
    "PRV022": [(("M-4", "D-3"), "uses[0].legal_basis")],
    "PRV023": [(("D-7",), "category")],
    "OPN001": [(("D-12",), "open_data.license")],
    "OPN002": [(("D-12",), "open_data.format")],
    "OPN003": [(("D-12",), "update_frequency")],
    "OPN004": [(("D-12",), "open_data.fee")],
    "OPN005": [(("D-12",), "open_data.tags")],
    "OPN006": [(("D-12",), "open_data.integrity")],
    "OPN007": [(("D-13",), "min_cell_size")],
    "OPN008": [(("D-15",), "agreement")],
    "OPN009": [(("D-12",), "open_data.standard_dataset")],
    "RDY002": [((), "plan.sections.purpose")],
    "RDY003": [((), "plan.sections.current_state")],
    "RDY004": [(("M-1", "M-3", "M-4"), "schedule")],
    "RDY005": [(("K-1", "K-2", "K-3", "K-4", "K-5", "K-6"), "rationale")],
    "RDY006": [(("D-7",), "original_purpose")],
    "RDY007": [(("M-1", "M-2", "M-4"), "owner")],
    "RDY008": [((), "plan.contact")],
}

#: Rules that cannot fire together with the others, each tested in its own module:
#: RDY001 needs a plan without issues, measures or KPIs (tests/checks/test_readiness.py);
#: the 施策体系 and KPI-milestone rules of schema v2 need a plan with pillars, which would
#: put every measure here under GAP013 (tests/checks/test_v2_rules.py).
ELSEWHERE = {"RDY001", "GAP012", "GAP013", "GAP014", "GAP015", "PLN007"}


def _where(findings) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in findings:
        out.setdefault(f.rule, []).append((f.nodes, f.field))
    return out


def test_catalogue_is_registered_and_expected_covers_every_rule():
    registered = [r.id for r in rules()]
    assert set(CATALOGUE) <= set(registered)
    assert set(EXPECTED) | ELSEWHERE == set(registered)


def test_every_rule_fires_exactly_where_expected():
    assert _where(run_checks(every_rule_plan())) == EXPECTED


def test_errors_are_exactly_the_error_rules():
    findings = run_checks(every_rule_plan())
    error_rules = {r.id for r in rules() if r.severity == Severity.ERROR}
    errors = [f for f in findings if f.severity == Severity.ERROR]
    assert {f.rule for f in errors} == error_rules - ELSEWHERE
    assert len(errors) == sum(len(EXPECTED[r]) for r in error_rules - ELSEWHERE)


def test_findings_are_sorted_errors_first_then_rule_then_node():
    findings = run_checks(every_rule_plan())
    keys = [(f.severity.rank, f.rule, f.nodes) for f in findings]
    assert keys == sorted(keys)
    assert findings[0].severity == Severity.ERROR and findings[-1].severity == Severity.INFO


def test_every_finding_is_complete_in_both_languages():
    for f in run_checks(every_rule_plan()):
        for text in (f.message("ja"), f.message("en"), f.fix("ja"), f.fix("en"), f.reference("ja"),
                     f.reference("en")):
            assert text.strip(), f
        assert not f.message("en")[0].islower(), f.message("en")
        assert f.message("ja").endswith("。") or f.message("ja").endswith("）。"), f.message("ja")


def test_legal_findings_name_an_article_and_ask_to_confirm():
    for f in run_checks(every_rule_plan()):
        if f.rule.startswith("PRV") and f.severity == Severity.ERROR:
            assert "第" in f.reference("ja") and "条" in f.reference("ja"), f.reference("ja")
            assert "Art" in f.reference("en"), f.reference("en")
            assert "確認" in f.message("ja") + f.fix("ja")


def test_clean_plan_has_no_errors_or_warnings():
    findings = run_checks(clean_plan())
    assert [f.rule for f in findings] == ["COV002"]


def test_sample_plan_has_exactly_its_intended_findings():
    # resources/samples/README.md lists these on purpose, for teaching.
    findings = run_checks(load_plan(sample_plan_path()))
    assert sorted((f.severity.value, f.rule, f.nodes) for f in findings) == sorted([
        ("warning", "PRV007", ("D-15",)),
        ("info", "GAP009", ("I-8",)),
        ("info", "GAP007", ("D-19",)),
        ("info", "OPN006", ("D-13",)),
        ("info", "PRV010", ("K-15", "D-5")),
        ("info", "COV002", ()),
        ("info", "PRV017", ("D-3", "D-4", "D-7", "D-10")),
        ("info", "PRV023", ("D-19",)),
    ])
