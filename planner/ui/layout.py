"""Layered layout of the plan graph: issues → measures → data → KPIs, in four columns.

Pure Python, so the desktop graph view and the document's 別図 figure draw the same
picture. Rows are ordered by repeated barycentric sweeps (Sugiyama-style) to reduce edge
crossings, then shorter columns are spread to sit beside the nodes they link to. Fast at
the prefecture scale (~1,000 nodes, ~2,000 edges): a few tens of milliseconds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from planner.plan.graph import EdgeKind, PlanGraph
from planner.plan.model import ItemKind, Kpi, Measure, Pillar, Plan

#: Node kinds, one per column, left to right.
KINDS = (ItemKind.ISSUE, ItemKind.MEASURE, ItemKind.DATA, ItemKind.KPI)

#: Edge kinds, drawn issue→measure, measure→data, data→KPI, measure→KPI.
EDGE_ADDRESSES = EdgeKind.ADDRESSES
EDGE_USES = EdgeKind.USES
EDGE_MEASURED_FROM = EdgeKind.MEASURED_FROM
EDGE_EVALUATES = EdgeKind.EVALUATES
#: The columns each kind of edge joins, left to right.
_JOINS = {EDGE_ADDRESSES: (ItemKind.ISSUE, ItemKind.MEASURE),
          EDGE_USES: (ItemKind.MEASURE, ItemKind.DATA),
          EDGE_MEASURED_FROM: (ItemKind.DATA, ItemKind.KPI),
          EDGE_EVALUATES: (ItemKind.MEASURE, ItemKind.KPI)}

#: Gap codes (items that stand out in the graph because a link is missing).
GAP_UNADDRESSED_ISSUE = "unaddressed_issue"  # no measure answers the issue (GAP001)
GAP_MEASURE_NO_ISSUE = "measure_no_issue"  # the measure answers no issue (GAP002)
GAP_MEASURE_NO_KPI = "measure_no_kpi"  # no KPI evaluates the measure (GAP003)
GAP_KPI_NO_SOURCE = "kpi_no_source"  # the KPI is measured from nothing (GAP004)
GAP_UNUSED_DATA = "unused_data"  # nothing uses the data source (GAP007)

_SWEEPS = 12  # barycentric passes; crossings stop improving after a few


@dataclass(frozen=True)
class GraphEdge:
    """A link drawn between two items; ``flow`` is set on ``uses`` edges."""

    source: str
    target: str
    kind: str
    flow: str | None = None
    #: An issue→measure link the measure inherits from its pillar (domain.md §2.4).
    inherited: bool = False

    @property
    def key(self) -> tuple[str, str, str]:
        """What identifies the edge regardless of its style."""
        return (self.source, self.target, self.kind)


@dataclass(frozen=True)
class Geometry:
    """Sizes in scene units (pixels at 100 % scaling)."""

    node_width: float = 260.0
    node_height: float = 46.0
    row_gap: float = 10.0
    column_gap: float = 90.0
    margin: float = 20.0
    top: float = 44.0  # room for the column headers
    group_header: float = 26.0  # a pillar band's title strip, above its first measure
    group_gap: float = 14.0  # between two pillar bands
    group_pad: float = 8.0  # how far a band reaches past its measures' boxes

    def column_x(self, column: int) -> float:
        """Left edge of a column."""
        return self.margin + column * (self.node_width + self.column_gap)


@dataclass(frozen=True)
class Structure:
    """What decides the layout: the ids per column and the links, not titles or flows."""

    columns: tuple[tuple[str, ...], ...]
    edges: frozenset[tuple[str, str, str]]


@dataclass(frozen=True)
class NodeBox:
    """Where an item is drawn: its top-left corner and size."""

    id: str
    kind: str
    column: int
    row: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class GroupBox:
    """A band behind the measures of one pillar (``group_by_pillar``): its header on top."""

    pillar_id: str
    number: str  # derived numbering, "1-1"
    title: str
    measures: tuple[str, ...]
    x: float
    y: float
    width: float
    height: float

    @property
    def label(self) -> str:
        """What the header says: 「1-1 移動の利便性向上」."""
        return f"{self.number} {self.title}".strip()


@dataclass
class Layout:
    """A laid-out plan graph: boxes by id, edges, column order and the scene size."""

    structure: Structure
    boxes: dict[str, NodeBox]
    edges: list[GraphEdge]
    order: tuple[tuple[str, ...], ...]
    width: float
    height: float
    geometry: Geometry = field(default_factory=Geometry)
    #: Pillar bands behind the measure column, top to bottom (empty unless grouped).
    groups: list[GroupBox] = field(default_factory=list)


def plan_edges(plan: Plan, graph: PlanGraph | None = None,
               ) -> tuple[tuple[tuple[str, ...], ...], list[GraphEdge]]:
    """Item ids per column (file order, first of duplicate ids) and the edges to draw,
    read from the plan's graph (``graph`` when the caller has it): every link of its
    chain between items drawn in the two columns it joins, left to right. Dangling or
    wrongly-kinded references are REF001's business: nothing is drawn for them."""
    g = graph if graph is not None else PlanGraph(plan)
    columns = tuple(tuple(g.ids(kind)) for kind in KINDS)
    edges: dict[tuple[str, str, str], GraphEdge] = {}
    kind_of = g.kind
    for link in g.chain():
        kind = link.kind
        left, right = (link.source, link.target) if kind is EDGE_USES else (link.target, link.source)
        key = (left, right, kind)
        if key not in edges and (kind_of(left), kind_of(right)) == _JOINS[kind]:
            edges[key] = GraphEdge(left, right, kind, str(link.flow) if link.flow else None,
                                   link.inherited)
    return columns, list(edges.values())


def structure_of(plan: Plan) -> Structure:
    """The plan's layout-relevant structure, to tell whether a re-layout is needed."""
    return structure_from(*plan_edges(plan))


def structure_from(columns: tuple[tuple[str, ...], ...], edges: list[GraphEdge]) -> Structure:
    """``structure_of`` from ``plan_edges``'s result, for callers that already have it."""
    return Structure(columns, frozenset(e.key for e in edges))


def gaps(plan: Plan) -> dict[str, str]:
    """Items with a missing link, by id → gap code (the first gap found per item)."""
    g = PlanGraph(plan)
    return gaps_of(g, plan_edges(plan, g)[0])


def gaps_of(g: PlanGraph, columns: tuple[tuple[str, ...], ...]) -> dict[str, str]:
    """``gaps`` for the items drawn in ``columns``, answered by the graph's queries (the
    ones GAP001–GAP004 and GAP007 ask, but on resolved links only: an id that names
    nothing leaves the box marked)."""
    found: dict[str, str] = {}
    for issue_id in columns[0]:
        if not g.measures_addressing(issue_id):
            found[issue_id] = GAP_UNADDRESSED_ISSUE
    for measure_id in columns[1]:
        measure = g.item(measure_id, ItemKind.MEASURE)
        if not (isinstance(measure, Measure) and g.issues_of(measure)):
            found[measure_id] = GAP_MEASURE_NO_ISSUE
        elif not g.kpis_evaluating(measure_id):
            found[measure_id] = GAP_MEASURE_NO_KPI
    for data_id in columns[2]:
        if not g.is_used(data_id):
            found[data_id] = GAP_UNUSED_DATA
    for kpi_id in columns[3]:
        kpi = g.item(kpi_id, ItemKind.KPI)
        if not isinstance(kpi, Kpi) or g.data_source(kpi.source) is None:
            found[kpi_id] = GAP_KPI_NO_SOURCE
    return found


def layered_layout(plan: Plan, previous: Layout | None = None,
                   geometry: Geometry | None = None,
                   edges_of_plan: tuple[tuple[tuple[str, ...], ...], list[GraphEdge]] | None = None,
                   group_by_pillar: bool = False, graph: PlanGraph | None = None) -> Layout:
    """Lay the plan out in four columns, ordered to reduce crossings.

    With ``previous``, rows start from its order so that a small structural edit moves
    little on screen (people keep their bearings). ``edges_of_plan`` is ``plan_edges(plan)``
    when the caller has it already, ``graph`` the plan's PlanGraph. With ``group_by_pillar`` (and pillars in the plan) the
    measures are ordered by pillar, in the pillar tree's order, those outside any pillar
    last, and ``Layout.groups`` holds a band per pillar that has measures.
    """
    geometry = geometry or Geometry()
    g = graph if graph is not None else PlanGraph(plan)
    columns, edges = edges_of_plan or plan_edges(plan, g)
    neighbours = _neighbours(edges)
    order = _initial_order(columns, previous)
    # Starting from the previous order, a few sweeps suffice (and move less on screen).
    order = _reduce_crossings(order, neighbours, edges,
                              _SWEEPS if previous is None else _SWEEPS // 3)
    grouped = _pillar_groups(g, order[1]) if group_by_pillar and plan.pillars else None
    fixed: dict[str, float] = {}
    if grouped is not None:
        # Measures in pillar order (crossing-reduced order within a pillar), then the
        # other columns re-sorted around that fixed column.
        order[1] = [m for _, members in grouped for m in members]
        order = _reduce_crossings(order, neighbours, edges, _SWEEPS, fixed_columns={1})
        y = geometry.top + geometry.group_pad / 2  # the first band starts at the top
        for pillar, members in grouped:
            if pillar is not None:
                y += geometry.group_header
            for measure_id in members:
                fixed[measure_id] = y
                y += geometry.node_height + geometry.row_gap
            y += geometry.group_gap
    ys = _spread(order, neighbours, geometry, fixed)
    boxes = {
        node_id: NodeBox(node_id, KINDS[c], c, row, geometry.column_x(c), ys[node_id],
                         geometry.node_width, geometry.node_height)
        for c, ids in enumerate(order) for row, node_id in enumerate(ids)
    }
    bottom = max((b.y + b.height for b in boxes.values()), default=geometry.top)
    groups = []
    numbers = g.pillars.numbers if grouped else {}
    for pillar, members in grouped or ():
        if pillar is None:
            continue  # measures outside any pillar: no band
        top = boxes[members[0]].y - geometry.group_header
        last = boxes[members[-1]]
        groups.append(GroupBox(
            pillar.id, numbers.get(pillar.id, ""), pillar.title,
            tuple(members), geometry.column_x(1) - geometry.group_pad, top - geometry.group_pad / 2,
            geometry.node_width + 2 * geometry.group_pad,
            last.y + last.height - top + geometry.group_pad))
    return Layout(
        structure=structure_from(columns, edges),
        boxes=boxes, edges=edges, order=tuple(tuple(c) for c in order),
        width=geometry.column_x(len(KINDS)) - geometry.column_gap + geometry.margin,
        height=bottom + geometry.margin, geometry=geometry, groups=groups,
    )


def _pillar_groups(g: PlanGraph, measure_order: list[str],
                   ) -> list[tuple[Pillar | None, list[str]]]:
    """The measure column cut by pillar: pillars in the tree's order, ``None`` (no or an
    unknown pillar) last; within a group, ``measure_order``'s order."""
    tree = g.pillars
    rank = {pillar_id: r for r, pillar_id in enumerate(tree.numbers)}  # depth-first order
    pillar_of: dict[str, str | None] = {}
    for measure_id in measure_order:
        measure = g.item(measure_id, ItemKind.MEASURE)
        pillar = g.pillar_of(measure) if isinstance(measure, Measure) else None
        pillar_of[measure_id] = pillar.id if pillar is not None and pillar.id in rank else None
    members: dict[str | None, list[str]] = defaultdict(list)
    for measure_id in measure_order:
        members[pillar_of.get(measure_id)].append(measure_id)
    keys = sorted(members, key=lambda k: rank[k] if k is not None else len(rank))
    return [(tree.by_id[k] if k is not None else None, members[k]) for k in keys]


def count_crossings(order: tuple[tuple[str, ...], ...] | list[list[str]],
                    edges: list[GraphEdge]) -> int:
    """How many pairs of edges cross when drawn straight between their columns."""
    rank = {node_id: (c, r) for c, ids in enumerate(order) for r, node_id in enumerate(ids)}
    by_pair: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for e in edges:
        (cs, rs), (ct, rt) = rank[e.source], rank[e.target]
        by_pair[(cs, ct)].append((rs, rt))
    total = 0
    for (_, target_column), pairs in by_pair.items():
        pairs.sort()
        total += _inversions([rt for _, rt in pairs], len(order[target_column]))
    return total


def _inversions(values: list[int], size: int) -> int:
    """Pairs i < j with values[i] > values[j], by a Fenwick tree (O(n log size))."""
    tree = [0] * (size + 1)
    total = 0
    for seen, v in enumerate(values):
        # Count earlier values <= v, then the rest are greater: inversions with v.
        i, not_greater = v + 1, 0
        while i > 0:
            not_greater += tree[i]
            i -= i & -i
        total += seen - not_greater
        i = v + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return total


def _neighbours(edges: list[GraphEdge]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = defaultdict(list)
    for e in edges:
        result[e.source].append(e.target)
        result[e.target].append(e.source)
    return result


def _initial_order(columns: tuple[tuple[str, ...], ...],
                   previous: Layout | None) -> list[list[str]]:
    """File order, or the previous layout's order with new items at their file place."""
    if previous is None:
        return [list(c) for c in columns]
    order = []
    for c, ids in enumerate(columns):
        old = {node_id: r for r, node_id in enumerate(previous.order[c])} \
            if c < len(previous.order) else {}
        # New ids sort just after the previous item in file order, so they land nearby.
        keyed, last = [], -1.0
        for i, node_id in enumerate(ids):
            last = old[node_id] if node_id in old else last + 1e-6 * (i + 1)
            keyed.append((last, i, node_id))
        order.append([node_id for _, _, node_id in sorted(keyed)])
    return order


def _reduce_crossings(order: list[list[str]], neighbours: dict[str, list[str]],
                      edges: list[GraphEdge], sweeps: int = _SWEEPS,
                      fixed_columns: frozenset[int] | set[int] = frozenset(),
                      ) -> list[list[str]]:
    """Alternate left-to-right and right-to-left barycentric sweeps; keep the best order.

    Columns in ``fixed_columns`` keep their order.
    """
    best = [list(c) for c in order]
    best_count = count_crossings(best, edges)
    if best_count == 0:
        return best
    current = [list(c) for c in order]
    where = {n: (r + 0.5) / len(ids) for ids in current for r, n in enumerate(ids)}
    for sweep in range(sweeps):
        columns = range(len(current)) if sweep % 2 == 0 else reversed(range(len(current)))
        for c in columns:
            if c not in fixed_columns:
                current[c] = _barycentric(current[c], neighbours, where)
        count = count_crossings(current, edges)
        if count < best_count:
            best, best_count = [list(col) for col in current], count
            if count == 0:
                break
    return best


def _barycentric(ids: list[str], neighbours: dict[str, list[str]],
                 where: dict[str, float]) -> list[str]:
    """``ids`` sorted by the mean relative position of each one's neighbours.

    ``where`` (relative position of every node) is updated for the re-sorted column.
    """
    keyed = []
    for r, node_id in enumerate(ids):
        near = [where[n] for n in neighbours.get(node_id, ())]
        # Unlinked nodes keep their place; ties keep the current order.
        keyed.append((sum(near) / len(near) if near else where[node_id], r, node_id))
    keyed.sort()
    result = [node_id for _, _, node_id in keyed]
    for r, node_id in enumerate(result):
        where[node_id] = (r + 0.5) / len(result)
    return result


def _spread(order: list[list[str]], neighbours: dict[str, list[str]],
            geometry: Geometry, fixed: dict[str, float] | None = None) -> dict[str, float]:
    """Top y of every node: the tallest column packed, others beside their neighbours.

    Nodes in ``fixed`` (a whole column) stay where it says; that column counts as packed.
    """
    fixed = fixed or {}
    step = geometry.node_height + geometry.row_gap
    tallest = max((len(ids) for ids in order), default=0)
    span = max(tallest * step - geometry.row_gap, 0.0)
    if fixed:
        span = max(span, max(fixed.values()) + geometry.node_height - geometry.top)
    ys: dict[str, float] = {}
    for ids in order:  # start evenly spread over the tallest column's height
        gap = (span - (len(ids) * step - geometry.row_gap)) / (len(ids) + 1) if ids else 0
        for r, node_id in enumerate(ids):
            ys[node_id] = fixed.get(node_id, geometry.top + gap * (r + 1) + r * step)
    for _ in range(3):
        for ids in order:
            if (len(ids) == tallest and not fixed) or (ids and ids[0] in fixed):
                continue  # already packed: it sets the height
            desired = []
            for node_id in ids:
                near = [ys[n] for n in neighbours.get(node_id, ()) if n in ys]
                desired.append(sum(near) / len(near) if near else ys[node_id])
            ys.update(zip(ids, _separate(desired, step, geometry.top,
                                         geometry.top + span - geometry.node_height), strict=True))
    return ys


def _separate(desired: list[float], step: float, low: float, high: float) -> list[float]:
    """Positions as close to ``desired`` as keeps order, ``step`` apart, within [low, high]."""
    ys: list[float] = []
    for y in desired:  # push down past the previous node
        ys.append(max(y, low, ys[-1] + step if ys else low))
    limit = high
    for i in range(len(ys) - 1, -1, -1):  # then pull up from the bottom if it overflowed
        ys[i] = min(ys[i], limit)
        limit = ys[i] - step
    return ys
