"""The 施策体系: derived numbering, inheritance of issues, and the graph's pillar queries."""

from __future__ import annotations

from planner.plan.graph import EdgeKind, PlanGraph
from planner.plan.model import Issue, ItemKind, Kpi, Measure, Pillar, Plan, PlanInfo
from planner.plan.pillars import (
    inherited_issue_ids,
    measure_numbers,
    measures_in,
    pillar_numbers,
    pillar_tree,
)


def three_levels() -> Plan:
    return Plan(
        plan=PlanInfo(title="x"),
        issues=[Issue("I-1", "移動"), Issue("I-2", "健康"), Issue("I-3", "行政")],
        pillars=[Pillar("P-A", "基本目標A", addresses=["I-1"]),
                 Pillar("P-B", "基本目標B", addresses=["I-3"]),
                 Pillar("P-A1", "基本施策A1", parent="P-A", addresses=["I-2"]),
                 Pillar("P-A2", "基本施策A2", parent="P-A"),
                 Pillar("P-A1x", "取組A1x", parent="P-A1"),
                 Pillar("P-B1", "基本施策B1", parent="P-B")],
        measures=[Measure("M-1", "a", pillar="P-A1x"), Measure("M-2", "b", pillar="P-A2"),
                  Measure("M-3", "c", pillar="P-A1x", addresses=["I-3"]),
                  Measure("M-4", "d")],
    )


def test_numbering_follows_file_order_per_level():
    assert pillar_numbers(three_levels()) == {
        "P-A": "1", "P-A1": "1-1", "P-A1x": "1-1-1", "P-A2": "1-2", "P-B": "2", "P-B1": "2-1"}


def test_numbering_is_derived_never_stored():
    plan = three_levels()
    plan.pillars.insert(0, plan.pillars.pop(1))  # move 基本目標B first
    assert pillar_numbers(plan)["P-B"] == "1" and pillar_numbers(plan)["P-A1x"] == "2-1-1"


def test_measures_are_numbered_within_their_pillar():
    assert measure_numbers(three_levels()) == {"M-1": "1-1-1-1", "M-2": "1-2-1", "M-3": "1-1-1-2"}


def test_levels_and_descendants():
    tree = pillar_tree(three_levels())
    assert [tree.level(p) for p in ("P-A", "P-A1", "P-A1x", "P-9")] == [1, 2, 3, 0]
    assert [p.id for p in tree.descendants("P-A")] == ["P-A1", "P-A1x", "P-A2"]
    assert [m.id for m in measures_in(three_levels(), "P-A")] == ["M-1", "M-2", "M-3"]


def test_measures_inherit_the_issues_of_every_pillar_above_them():
    assert inherited_issue_ids(three_levels()) == {
        "M-1": ["I-2", "I-1"], "M-2": ["I-1"], "M-3": ["I-2", "I-1"]}


def test_a_broken_tree_never_hangs_or_crashes():
    plan = three_levels()
    plan.pillars[0].parent = "P-A1x"  # a cycle the loader would refuse
    plan.pillars[1].parent = "P-9"  # an unknown parent counts as top level
    tree = pillar_tree(plan)
    assert len(tree.ancestors("P-A1x")) == 3
    assert tree.numbers["P-B"] == "1"


def test_graph_has_pillar_nodes_and_edges_and_inherits_issues():
    g = PlanGraph(three_levels())
    kinds = {n.id: n.kind for n in g.nodes()}
    assert kinds["P-A1"] == ItemKind.PILLAR
    edges = {(e.source, e.target, e.kind) for e in g.edges()}
    assert ("M-1", "P-A1x", EdgeKind.IN_PILLAR) in edges
    assert ("P-A1", "P-A", EdgeKind.CHILD_OF) in edges
    assert ("P-A", "I-1", EdgeKind.ADDRESSES) in edges
    m3 = g.item("M-3")
    assert [i.id for i in g.issues_of(m3)] == ["I-3", "I-2", "I-1"]
    assert [m.id for m in g.measures_addressing("I-1")] == ["M-1", "M-2", "M-3"]
    assert [m.id for m in g.measures_addressing("I-3")] == ["M-3"]  # P-B has no measures
    assert [p.id for p in g.pillars_addressing("I-3")] == ["P-B"]
    assert g.pillar_of(m3).id == "P-A1x" and g.pillar_of(g.item("M-4")) is None
    assert g.pillar_number("P-A2") == "1-2"


def test_what_serves_what_follows_pillars_through_networkx():
    """A KPI serves the issues of its measures, their own and their pillars' (§2.4)."""
    plan = three_levels()
    plan.kpis = [Kpi("K-1", "k1", measures=["M-1"]), Kpi("K-2", "k2", measures=["M-4"]),
                 Kpi("K-3", "k3", measures=["M-3", "M-2"])]
    g = PlanGraph(plan)
    assert [i.id for i in g.issues_served("K-1")] == ["I-1", "I-2"]  # file order
    assert g.issues_served("K-2") == [] and g.issues_served("nope") == []
    assert [i.id for i in g.issues_served("K-3")] == ["I-1", "I-2", "I-3"]
    assert [k.id for k in g.kpis_for_issue("I-2")] == ["K-1", "K-3"]
    assert [k.id for k in g.kpis_for_issue("I-3")] == ["K-3"]  # M-3's own issue
    assert [i.id for i in g.issues_without_kpi()] == []


def test_relation_lists_come_in_file_order():
    plan = three_levels()
    plan.measures[0].addresses = ["I-1"]  # own and inherited: listed once, in file order
    plan.kpis = [Kpi("K-1", "k1", measures=["M-3", "M-9", "M-1", "M-3"])]
    g = PlanGraph(plan)
    assert [m.id for m in g.measures_addressing("I-1")] == ["M-1", "M-2", "M-3"]
    assert [m.id for m in g.measures_evaluated(plan.kpis[0])] == ["M-1", "M-3"]
    assert [k.id for k in g.referrers("M-3", EdgeKind.EVALUATES)] == ["K-1"]
    assert [x.id for x in g.referrers("I-1", EdgeKind.ADDRESSES)] == ["P-A", "M-1"]


def test_the_document_numbers_pillars_as_the_checker_does():
    """第6章's headings and the findings' 施策体系 numbers come from one pillar tree: a
    repeated pillar id (REF002) no longer shifts the document's numbering."""
    from planner.render.context import build_context

    plan = three_levels()
    plan.pillars.insert(1, Pillar("P-A", "重複したID"))  # a second 'P-A' at the top level
    g = PlanGraph(plan)
    groups = build_context(plan, graph=g)["measure_groups"]
    numbered = {row["title"]: row["number"] for row in groups if row["number"]}
    assert numbered["基本目標B"] == g.pillar_number("P-B") == "2"
    assert numbered["取組A1x"] == g.pillar_number("P-A1x") == "1-1-1"
    assert [m["number"] for m in groups[2]["measures"]] == ["1-1-1-1", "1-1-1-2"]
