"""The layered layout of the plan graph (planner.ui.layout), Qt-free."""

from __future__ import annotations

import itertools
import random
import time

from planner.plan.model import DataSource, DataUse, Flow, Issue, Kpi, Measure, Plan
from planner.ui.layout import (
    EDGE_ADDRESSES,
    EDGE_EVALUATES,
    EDGE_MEASURED_FROM,
    EDGE_USES,
    GAP_KPI_NO_SOURCE,
    GAP_MEASURE_NO_ISSUE,
    GAP_MEASURE_NO_KPI,
    GAP_UNADDRESSED_ISSUE,
    GAP_UNUSED_DATA,
    Geometry,
    count_crossings,
    gaps,
    layered_layout,
    plan_edges,
    structure_of,
)


def chain_plan() -> Plan:
    """Two complete chains I→M→D→K plus one item of each kind with a missing link."""
    return Plan(
        issues=[Issue("I-1", "移動"), Issue("I-2", "防災"), Issue("I-3", "誰も答えない課題")],
        measures=[
            Measure("M-1", "交通", addresses=["I-1"], uses=[DataUse("D-1", Flow.INTERNAL_USE)]),
            Measure("M-2", "防災", addresses=["I-2"], uses=[DataUse("D-2", Flow.PUBLISH)]),
            Measure("M-3", "KPIなし", addresses=["I-2"]),
            Measure("M-4", "課題なし"),
        ],
        data_sources=[DataSource("D-1", "運行記録"), DataSource("D-2", "避難所"),
                      DataSource("D-3", "未使用")],
        kpis=[Kpi("K-1", "利用者数", measures=["M-1"], source="D-1"),
              Kpi("K-2", "公開数", measures=["M-2", "M-4"], source="D-2"),
              Kpi("K-3", "出典なし", measures=["M-2"])],
    )


def random_plan(issues: int, measures: int, data: int, kpis: int, seed: int = 7) -> Plan:
    """A plan of the given size with random links (file order says nothing about them)."""
    rng = random.Random(seed)
    return Plan(
        issues=[Issue(f"I-{i}", f"課題{i}") for i in range(issues)],
        measures=[Measure(f"M-{i}", f"施策{i}", addresses=[f"I-{rng.randrange(issues)}"],
                          uses=[DataUse(f"D-{rng.randrange(data)}", Flow.INTERNAL_USE)
                                for _ in range(2)]) for i in range(measures)],
        data_sources=[DataSource(f"D-{i}", f"データ{i}") for i in range(data)],
        kpis=[Kpi(f"K-{i}", f"KPI{i}", measures=[f"M-{rng.randrange(measures)}"],
                  source=f"D-{rng.randrange(data)}") for i in range(kpis)],
    )


def test_edges_follow_the_four_link_kinds() -> None:
    columns, edges = plan_edges(chain_plan())
    assert columns[0] == ("I-1", "I-2", "I-3")
    assert columns[3] == ("K-1", "K-2", "K-3")
    keys = {e.key for e in edges}
    assert ("I-1", "M-1", EDGE_ADDRESSES) in keys
    assert ("M-2", "D-2", EDGE_USES) in keys
    assert ("D-1", "K-1", EDGE_MEASURED_FROM) in keys
    assert ("M-4", "K-2", EDGE_EVALUATES) in keys
    flows = {e.key: e.flow for e in edges}
    assert flows[("M-2", "D-2", EDGE_USES)] == "publish"


def test_dangling_duplicate_and_wrongly_kinded_references_draw_nothing() -> None:
    plan = chain_plan()
    plan.measures[0].addresses += ["I-404", "K-1"]  # unknown id; a KPI is not an issue
    plan.measures[0].uses.append(DataUse(None, Flow.INTERNAL_USE))
    plan.issues.append(Issue("I-1", "重複"))
    columns, edges = plan_edges(plan)
    assert columns[0].count("I-1") == 1
    assert all("I-404" not in e.key and e.key[:2] != ("K-1", "M-1") for e in edges)
    layout = layered_layout(plan)
    assert set(layout.boxes) == {i for c in columns for i in c}


def test_gaps_name_each_missing_link() -> None:
    assert gaps(chain_plan()) == {
        "I-3": GAP_UNADDRESSED_ISSUE, "M-3": GAP_MEASURE_NO_KPI, "M-4": GAP_MEASURE_NO_ISSUE,
        "D-3": GAP_UNUSED_DATA, "K-3": GAP_KPI_NO_SOURCE,
    }


def test_boxes_sit_in_their_columns_without_overlapping() -> None:
    geometry = Geometry()
    layout = layered_layout(random_plan(10, 30, 40, 50), geometry=geometry)
    for column, ids in enumerate(layout.order):
        boxes = [layout.boxes[i] for i in ids]
        assert all(b.column == column and b.x == geometry.column_x(column) for b in boxes)
        for upper, lower in itertools.pairwise(boxes):
            assert lower.y >= upper.y + geometry.node_height + geometry.row_gap - 1e-6
        assert all(b.y >= geometry.top and b.y + b.height <= layout.height for b in boxes)
    assert layout.width >= geometry.column_x(3) + geometry.node_width


def test_barycentric_ordering_reduces_crossings() -> None:
    plan = random_plan(20, 60, 80, 100)
    columns, edges = plan_edges(plan)
    before = count_crossings(columns, edges)
    after = count_crossings(layout_order := layered_layout(plan).order, edges)
    assert after < before * 0.6
    assert sorted(layout_order[1]) == sorted(columns[1])  # a permutation, nothing lost


def test_crossings_counted_as_pairs_of_crossing_edges() -> None:
    plan = Plan(issues=[Issue("I-1", "a"), Issue("I-2", "b")],
                measures=[Measure("M-1", "x", addresses=["I-2"]),
                          Measure("M-2", "y", addresses=["I-1"])])
    columns, edges = plan_edges(plan)
    assert count_crossings(columns, edges) == 1
    assert count_crossings(layered_layout(plan).order, edges) == 0


def test_a_plain_chain_is_drawn_without_crossings_and_keeps_rows_aligned() -> None:
    layout = layered_layout(chain_plan())
    assert count_crossings(layout.order, layout.edges) == 0
    b = layout.boxes
    assert abs(b["I-1"].y - b["M-1"].y) < 1 and abs(b["D-1"].y - b["K-1"].y) < 60


def test_previous_layout_keeps_order_stable_after_a_small_edit() -> None:
    plan = random_plan(20, 60, 80, 100)
    first = layered_layout(plan)
    plan.measures.append(Measure("M-new", "追加", addresses=["I-3"]))
    second = layered_layout(plan, previous=first)
    assert "M-new" in second.order[1]
    unchanged = [i for i in second.order[0] if i in first.order[0]]
    moved = sum(a != b for a, b in zip(unchanged, first.order[0], strict=False))
    assert moved <= len(unchanged) // 2


def test_structure_ignores_titles_and_flows_but_not_links() -> None:
    plan = chain_plan()
    before = structure_of(plan)
    plan.measures[0].title = "別の名前"
    plan.measures[0].uses[0].flow = Flow.PUBLISH
    assert structure_of(plan) == before
    plan.kpis[2].source = "D-3"
    assert structure_of(plan) != before


def test_empty_plan_lays_out() -> None:
    layout = layered_layout(Plan())
    assert layout.boxes == {} and layout.height > 0


def test_prefecture_scale_is_fast() -> None:
    plan = random_plan(50, 200, 300, 400)
    start = time.process_time()
    layout = layered_layout(plan)
    elapsed = time.process_time() - start
    assert len(layout.boxes) == 950
    assert elapsed < 0.5, elapsed  # ~25 ms measured; generous for a busy CI machine


def pillar_plan() -> Plan:
    """Two pillars under one goal; the measures are listed out of pillar order, one has no
    pillar and one an unknown pillar."""
    from planner.plan.model import Pillar
    return Plan(
        issues=[Issue("I-1", "移動"), Issue("I-2", "防災")],
        measures=[
            Measure("M-1", "無所属", addresses=["I-1"]),
            Measure("M-2", "防災訓練", addresses=["I-2"], pillar="P-1-2"),
            Measure("M-3", "バス", addresses=["I-1"], pillar="P-1-1"),
            Measure("M-4", "不明な体系", addresses=["I-2"], pillar="P-9"),
            Measure("M-5", "鉄道", addresses=["I-2"], pillar="P-1-1"),
            Measure("M-6", "避難所", addresses=["I-1"], pillar="P-1-2"),
        ],
        pillars=[Pillar("P-1", "暮らし"), Pillar("P-1-1", "移動の利便性向上", parent="P-1"),
                 Pillar("P-1-2", "防災力の強化", parent="P-1")],
    )


def test_group_by_pillar_orders_measures_by_pillar_and_boxes_cover_them() -> None:
    plan = pillar_plan()
    layout = layered_layout(plan, group_by_pillar=True)
    measures = layout.order[1]
    assert set(measures[:2]) == {"M-3", "M-5"}  # 1-1 first
    assert set(measures[2:4]) == {"M-2", "M-6"}  # then 1-2
    assert set(measures[4:]) == {"M-1", "M-4"}  # outside any (known) pillar last
    assert [g.label for g in layout.groups] == ["1-1 移動の利便性向上", "1-2 防災力の強化"]
    for group in layout.groups:
        for measure_id in group.measures:
            box = layout.boxes[measure_id]
            assert group.x < box.x and box.x + box.width < group.x + group.width
            # the header strip sits above the first box, inside the band
            assert group.y + layout.geometry.group_header <= box.y
            assert box.y + box.height < group.y + group.height
    first, second = layout.groups
    assert first.y + first.height < second.y  # bands do not overlap
    outside = [layout.boxes[m] for m in ("M-1", "M-4")]
    assert all(b.y > second.y + second.height for b in outside)
    ys = [layout.boxes[m].y for m in measures]
    assert ys == sorted(ys) and layout.height >= max(ys) + layout.geometry.node_height


def test_group_by_pillar_off_or_without_pillars_is_the_plain_layout() -> None:
    plan = pillar_plan()
    plain = layered_layout(plan)
    assert plain.groups == []
    assert layered_layout(plan, group_by_pillar=False).boxes == plain.boxes
    # A plan without pillars: the switch changes nothing.
    no_pillars = chain_plan()
    assert layered_layout(no_pillars, group_by_pillar=True).boxes == \
        layered_layout(no_pillars).boxes
    assert layered_layout(no_pillars, group_by_pillar=True).groups == []
