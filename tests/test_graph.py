"""PlanGraph: typed nodes and edges, the queries rules and the UI use, broken plans tolerated."""

from __future__ import annotations

import networkx as nx

from planner.files.paths import sample_plan_path
from planner.files.planfile import load_plan
from planner.plan import opendata
from planner.plan.graph import EdgeKind, PlanGraph
from planner.plan.model import (
    Articles,
    DataSource,
    DataUse,
    Flow,
    Issue,
    ItemKind,
    Kpi,
    LegalBasis,
    Measure,
    Plan,
    Purpose,
)


def small_plan() -> Plan:
    """Two issues, two measures, three sources, two KPIs; I-2 reaches no KPI."""
    return Plan(
        issues=[Issue("I-1", "移動"), Issue("I-2", "子育て")],
        measures=[
            Measure("M-1", "デマンド交通", addresses=["I-1"],
                    articles=Articles(primary=[11], related=[10]),
                    uses=[DataUse("D-1", Flow.INTERNAL_USE, Purpose.WITHIN),
                          DataUse("D-2", Flow.PUBLISH, Purpose.WITHIN)]),
            Measure("M-2", "窓口", addresses=["I-2", "I-1"], articles=Articles(primary=[10]),
                    uses=[DataUse("D-1", Flow.PROVIDE_PRIVATE, Purpose.OUT_OF_PURPOSE,
                                  LegalBasis.CONSENT)]),
        ],
        data_sources=[DataSource("D-1", "住民基本台帳"), DataSource("D-2", "人口統計"),
                      DataSource("D-3", "施設一覧")],
        kpis=[Kpi("K-1", "利用者数", measures=["M-1"], source="D-2"),
              Kpi("K-2", "満足度", measures=["M-1", "M-1"], source="D-3")],
    )


def test_relations():
    g = PlanGraph(small_plan())
    assert [k.id for k in g.kpis_evaluating("M-1")] == ["K-1", "K-2"]
    assert g.kpis_evaluating("M-2") == []
    assert [m.id for m in g.measures_addressing("I-1")] == ["M-1", "M-2"]
    assert [i.id for i in g.issues_of(g.item("M-2"))] == ["I-2", "I-1"]
    assert [k.id for k in g.kpis_measured_from("D-2")] == ["K-1"]
    assert [k.id for k in g.kpis_for_issue("I-2")] == []
    assert [i.id for i in g.issues_without_kpi()] == ["I-2"]


def test_who_uses_a_source_and_how():
    g = PlanGraph(small_plan())
    uses = g.uses_of("D-1")
    assert [(u.measure.id, u.index, u.use.flow, u.use.purpose, u.use.legal_basis)
            for u in uses] == [
        ("M-1", 0, Flow.INTERNAL_USE, Purpose.WITHIN, None),
        ("M-2", 0, Flow.PROVIDE_PRIVATE, Purpose.OUT_OF_PURPOSE, LegalBasis.CONSENT),
    ]
    assert uses[1].field("legal_basis") == "uses[0].legal_basis"
    assert g.is_used("D-3") and not g.uses_of("D-3")  # measured from, not used


def test_articles_covered():
    g = PlanGraph(small_plan())
    assert g.covered_articles() == {10, 11}
    art10 = g.article_uses()[10]
    assert [m.id for m in art10.primary] == ["M-2"] and [m.id for m in art10.related] == ["M-1"]
    assert not g.article_uses()[13].covered


def test_nodes_and_edges_are_our_types_only():
    g = PlanGraph(small_plan())
    assert [(n.id, n.kind) for n in g.nodes()][:3] == [
        ("I-1", ItemKind.ISSUE), ("I-2", ItemKind.ISSUE), ("M-1", ItemKind.MEASURE)]
    edges = g.edges()
    kinds = {e.kind for e in edges}
    assert kinds == set(EdgeKind) - {EdgeKind.IN_PILLAR, EdgeKind.CHILD_OF}  # no pillars here
    uses = [e for e in edges if e.kind == EdgeKind.USES and e.source == "M-2"]
    assert [(e.target, e.flow, e.legal_basis) for e in uses] == [
        ("D-1", Flow.PROVIDE_PRIVATE, LegalBasis.CONSENT)]
    public = [getattr(g, name) for name in dir(g) if not name.startswith("_")]
    assert not any(isinstance(v, nx.Graph) for v in public)


def test_dangling_and_duplicates_are_recorded_not_raised():
    plan = small_plan()
    plan.measures[0].addresses.append("D-1")  # wrong kind
    plan.kpis[0].source = "D-9"  # missing
    plan.data_sources.append(DataSource("M-1", "IDが施策と重複"))
    g = PlanGraph(plan)
    assert [(d.item.id, d.field, d.target, d.expected, d.actual) for d in g.dangling] == [
        ("M-1", "addresses[1]", "D-1", ItemKind.ISSUE, ItemKind.DATA),
        ("K-1", "source", "D-9", ItemKind.DATA, None),
    ]
    dup = g.duplicates()
    assert list(dup) == ["M-1"]
    assert [(o.kind, o.index) for o in dup["M-1"]] == [(ItemKind.MEASURE, 0), (ItemKind.DATA, 3)]
    assert g.kind("M-1") == ItemKind.MEASURE
    assert g.item("M-1", ItemKind.DATA).title == "IDが施策と重複"


def test_unknown_ids_answer_empty():
    g = PlanGraph(small_plan())
    assert g.kpis_evaluating("nope") == [] and g.uses_of("nope") == []
    assert g.item("nope") is None and g.kind("nope") is None


def test_published_sources_agree_with_opendata_module():
    plan = load_plan(sample_plan_path())
    g = PlanGraph(plan)
    assert [d.id for d in g.published_sources()] == [
        d.id for d in opendata.published_sources(plan)]
