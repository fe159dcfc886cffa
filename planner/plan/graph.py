"""PlanGraph: the plan as typed nodes and edges, with the queries rules and the UI need.

Nodes are issues, pillars (施策体系), measures, data sources and KPIs (keyed by id); edges
are ``addresses`` (measure→issue and pillar→issue), ``uses`` (measure→data, carrying flow,
purpose and legal basis), ``evaluates`` (KPI→measure), ``measured_from`` (KPI→data),
``in_pillar`` (measure→pillar) and ``child_of`` (pillar→pillar). networkx stores the
topology; no networkx type leaves this module.

A measure addresses the issues it lists and those its pillars address (domain.md §2.4):
``issues_of`` and ``measures_addressing`` answer with both, so GAP001/GAP002 and the
document agree on one rule (``planner.plan.pillars``).

A plan being written is often broken, so building never fails: a reference to an id
that does not exist (or to an item of the wrong kind) is recorded in ``dangling``, a
repeated id in ``duplicates``, and the checker turns both into findings (REF001/REF002).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple

from planner.plan import opendata
from planner.plan.model import (
    Category,
    DataSource,
    DataUse,
    Flow,
    Issue,
    ItemKind,
    Kpi,
    LegalBasis,
    Measure,
    Pillar,
    Plan,
    Purpose,
)
from planner.plan.pillars import PillarTree, issue_ids_of, measures_in, pillar_tree

Item = Issue | Pillar | Measure | DataSource | Kpi


class EdgeKind(StrEnum):
    """What an edge says."""

    ADDRESSES = "addresses"  # measure → issue, pillar → issue
    IN_PILLAR = "in_pillar"  # measure → the pillar it belongs to
    CHILD_OF = "child_of"  # pillar → its parent pillar
    USES = "uses"  # measure → data source
    EVALUATES = "evaluates"  # KPI → measure
    MEASURED_FROM = "measured_from"  # KPI → data source


@dataclass(frozen=True)
class Node:
    """A node as the UI and the figure see it."""

    id: str
    kind: ItemKind
    title: str


@dataclass(frozen=True)
class Edge:
    """An edge as the UI and the figure see it; use facts are set on ``uses`` edges only."""

    source: str
    target: str
    kind: EdgeKind
    index: int  # position of the reference in the source item's list (uses[index] …)
    flow: Flow | None = None
    purpose: Purpose | None = None
    legal_basis: LegalBasis | None = None


class Link(NamedTuple):
    """One link of the chain issue ← measure → data ← KPI → measure (``PlanGraph.chain``):
    a plain tuple, built once with the graph, since the graph view reads thousands."""

    source: str
    target: str
    kind: EdgeKind
    flow: Flow | None = None  # on ``uses`` links
    inherited: bool = False  # an issue the measure inherits from its pillars (§2.4)


@dataclass(frozen=True)
class UseRef:
    """One measure→data use with where it sits in the file (``uses[index]``)."""

    measure: Measure
    index: int
    use: DataUse
    data: DataSource | None  # None when the use names no existing data source

    def field(self, name: str = "") -> str:
        """The key path of this use (or of one of its keys) inside the measure."""
        return f"uses[{self.index}]" + (f".{name}" if name else "")

    def resolved(self) -> ResolvedUse | None:
        """This use with its data source known to exist, or None when it names none."""
        if self.data is None:
            return None
        return ResolvedUse(self.measure, self.index, self.use, self.data)


@dataclass(frozen=True)
class ResolvedUse(UseRef):
    """A use whose data source exists: the rules about what is done with data read these."""

    data: DataSource


@dataclass(frozen=True)
class Dangling:
    """A reference that names no item of the expected kind."""

    item: Item  # the item holding the reference
    kind: ItemKind  # its kind
    field: str  # key path inside it, e.g. ``uses[1].data``
    target: str  # the id it names
    expected: ItemKind  # what the reference must point to
    actual: ItemKind | None  # what the id is instead; None if it exists nowhere


@dataclass(frozen=True)
class Occurrence:
    """One place an id is defined: its kind, its position in its list, the item."""

    kind: ItemKind
    index: int
    item: Item


@dataclass(frozen=True)
class ArticleUse:
    """Which measures serve one 基本法 article: ◎ primary and ○ related."""

    number: int
    primary: tuple[Measure, ...]
    related: tuple[Measure, ...]

    @property
    def covered(self) -> bool:
        """True when at least one measure serves the article."""
        return bool(self.primary or self.related)


#: The edges along which an item serves an issue (``PlanGraph.issues_served``).
_SERVES = frozenset({EdgeKind.EVALUATES, EdgeKind.ADDRESSES, EdgeKind.IN_PILLAR,
                     EdgeKind.CHILD_OF})


def _edge(source: str, target: str, attrs: dict) -> Edge:
    use = attrs.get("use")
    return Edge(source, target, attrs["kind"], attrs["index"], use.flow if use else None,
                use.purpose if use else None, use.legal_basis if use else None)


def unique(items: Iterable[Item]) -> list:
    """Items in first-seen order without repeats (an id listed twice counts once)."""
    seen: set[int] = set()
    out = []
    for item in items:
        if id(item) not in seen:
            seen.add(id(item))
            out.append(item)
    return out


class PlanGraph:
    """The plan's typed graph, built in one pass with dict indexes (O(items + references))."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        # networkx is imported and the MultiDiGraph built on first use (``_g``): importing
        # it is most of ``import planner.checks``, and the rules answer from the indexes.
        self._graph_parts: tuple[list, list] = ([], [])
        self._nx_graph: Any = None
        self._serving_view: Any = None
        self._first: dict[ItemKind, dict[str, Item]] = {k: {} for k in ItemKind}
        self._occurrences: dict[str, list[Occurrence]] = {}
        self._position: dict[int, int] = {}  # id(item) → its place in its list
        self.dangling: list[Dangling] = []
        # (edge kind, target id) → edge attributes: O(1) answers to "who points here"
        self._into: dict[tuple[EdgeKind, str], list[dict]] = {}
        self._published: list[DataSource] | None = None
        #: The 施策体系 indexed and numbered (planner.plan.pillars); empty without pillars.
        self.pillars: PillarTree = pillar_tree(plan)
        self._inherited: dict[str, list[Measure]] = {}  # issue id → measures via pillars
        # The chain issue ← measure → data ← KPI (and KPI → measure) by holder, file order.
        self._chain: list[Link] = []
        self._kind_of: dict[str, ItemKind] = {}  # id → the kind it is first defined as
        self._add_nodes()
        self._add_edges()

    # -- building ---------------------------------------------------------------------

    def _add_nodes(self) -> None:
        nodes = []
        for kind in ItemKind:
            items: Sequence[Item] = kind.items(self.plan)
            first = self._first[kind]
            position = self._position
            for index, item in enumerate(items):
                position[id(item)] = index
                occurrences = self._occurrences.setdefault(item.id, [])
                if not occurrences:
                    nodes.append((item.id, {"kind": kind, "item": item}))
                    self._kind_of[item.id] = kind
                occurrences.append(Occurrence(kind, index, item))
                first.setdefault(item.id, item)
        self._graph_parts[0].extend(nodes)

    def _resolve(self, item: Item, kind: ItemKind, field: str, target: str | None,
                 expected: ItemKind) -> bool:
        """True if ``target`` names an item of kind ``expected``; else record it as dangling."""
        if not target:  # not chosen yet: a gap (PLN005, GAP004), not a broken reference
            return False
        if target in self._first[expected]:
            return True
        occurrences = self._occurrences.get(target)
        actual = occurrences[0].kind if occurrences else None
        self.dangling.append(Dangling(item, kind, field, target, expected, actual))
        return False

    def _add_edges(self) -> None:
        edges: list[tuple[str, str, dict]] = []
        into = self._into
        chain = self._chain
        issues = self._first[ItemKind.ISSUE]

        def add(source: str, target: str, **attrs: Any) -> None:
            edges.append((source, target, attrs))
            into.setdefault((attrs["kind"], target), []).append(attrs)
            if attrs["kind"] not in (EdgeKind.IN_PILLAR, EdgeKind.CHILD_OF) \
                    and attrs["item"].__class__ is not Pillar:
                use = attrs.get("use")
                chain.append(Link(source, target, attrs["kind"], use.flow if use else None))

        resolve = self._resolve
        m_kind, k_kind, p_kind = ItemKind.MEASURE, ItemKind.KPI, ItemKind.PILLAR
        for p in self.plan.pillars:
            for j, issue_id in enumerate(p.addresses):
                if resolve(p, p_kind, f"addresses[{j}]", issue_id, ItemKind.ISSUE):
                    add(p.id, issue_id, kind=EdgeKind.ADDRESSES, index=j, item=p)
            if p.parent and p.parent != p.id and resolve(p, p_kind, "parent", p.parent,
                                                       ItemKind.PILLAR):
                add(p.id, p.parent, kind=EdgeKind.CHILD_OF, index=0, item=p)
        for m in self.plan.measures:
            if m.pillar and resolve(m, m_kind, "pillar", m.pillar, ItemKind.PILLAR):
                add(m.id, m.pillar, kind=EdgeKind.IN_PILLAR, index=0, item=m)
            for j, issue_id in enumerate(m.addresses):
                if resolve(m, m_kind, f"addresses[{j}]", issue_id, ItemKind.ISSUE):
                    add(m.id, issue_id, kind=EdgeKind.ADDRESSES, index=j, item=m)
            # The issues its pillars address (§2.4): indexed and in the chain, not in _g.
            for issue_id in self.pillars.issue_ids(m.pillar):
                if issue_id in issues and issue_id not in m.addresses:
                    self._inherited.setdefault(issue_id, []).append(m)
                    chain.append(Link(m.id, issue_id, EdgeKind.ADDRESSES, None, True))
            for j, use in enumerate(m.uses):
                if use.data and resolve(m, m_kind, f"uses[{j}].data", use.data, ItemKind.DATA):
                    add(m.id, use.data, kind=EdgeKind.USES, index=j, item=m, use=use)
        for k in self.plan.kpis:
            start = len(chain)
            for j, measure_id in enumerate(k.measures):
                if resolve(k, k_kind, f"measures[{j}]", measure_id, ItemKind.MEASURE):
                    add(k.id, measure_id, kind=EdgeKind.EVALUATES, index=j, item=k)
            if k.source and resolve(k, k_kind, "source", k.source, ItemKind.DATA):
                add(k.id, k.source, kind=EdgeKind.MEASURED_FROM, index=0, item=k)
                chain.insert(start, chain.pop())  # the chain reads data → KPI → measures
        self._graph_parts[1].extend(edges)

    @property
    def _g(self) -> Any:
        """The networkx MultiDiGraph of the nodes and edges (built once, when first asked)."""
        if self._nx_graph is None:
            import networkx as nx

            self._nx_graph = nx.MultiDiGraph()
            self._nx_graph.add_nodes_from(self._graph_parts[0])
            self._nx_graph.add_edges_from(self._graph_parts[1])
        return self._nx_graph

    def _in(self, node_id: str, kind: EdgeKind) -> list[dict]:
        """Attributes of the edges of ``kind`` arriving at ``node_id``, in file order."""
        return self._into.get((kind, node_id), [])

    # -- items ------------------------------------------------------------------------

    def item(self, item_id: str, kind: ItemKind | None = None) -> Item | None:
        """The first item with this id (of ``kind`` if given), or None."""
        if kind is not None:
            return self._first[kind].get(item_id)
        occurrences = self._occurrences.get(item_id)
        return occurrences[0].item if occurrences else None

    def kind(self, item_id: str) -> ItemKind | None:
        """The kind of the first item with this id, or None."""
        return self._kind_of.get(item_id)

    def data_source(self, data_id: str | None) -> DataSource | None:
        """The data source with this id, or None."""
        found = self._first[ItemKind.DATA].get(data_id) if data_id is not None else None
        return found if isinstance(found, DataSource) else None

    def duplicates(self) -> dict[str, list[Occurrence]]:
        """Every id defined more than once, with each place it is defined (file order)."""
        return {i: occ for i, occ in self._occurrences.items() if len(occ) > 1}

    def nodes(self) -> list[Node]:
        """Every node (one per distinct id), in file order."""
        return [Node(n, attrs["kind"], attrs["item"].title) for n, attrs in self._g.nodes.items()]

    def edges(self) -> list[Edge]:
        """Every edge between existing items, in the order the file lists references."""
        return [_edge(source, target, attrs) for source, target, attrs in self._g.edges(data=True)]

    def ids(self, kind: ItemKind) -> list[str]:
        """The distinct ids first defined as ``kind``, in file order ('' left out)."""
        return [i for i, k in self._kind_of.items() if k is kind and i]

    def chain(self) -> list[Link]:
        """The links of the chain issue ← measure → data ← KPI → measure, in file order:
        per measure its issues (its own, then those inherited from its pillars, marked
        ``inherited``) and its uses; per KPI its source, then its measures. Broken
        references are left out (they are in ``dangling``). No networkx needed."""
        return list(self._chain)

    # -- relations ----------------------------------------------------------------------

    def in_file_order(self, items: Iterable[Item]) -> list:
        """Items of one kind without repeats, in the order the file lists them."""
        position = self._position
        return sorted(unique(items), key=lambda item: position.get(id(item), -1))

    def measures_addressing(self, issue_id: str) -> list[Measure]:
        """Measures that address this issue — listing it, or in a pillar that addresses
        it — in file order."""
        own = [a["item"] for a in self._in(issue_id, EdgeKind.ADDRESSES)
               if isinstance(a["item"], Measure)]
        inherited = self._inherited.get(issue_id)
        return self.in_file_order([*own, *inherited]) if inherited else unique(own)

    def measures_evaluated(self, kpi: Kpi) -> list[Measure]:
        """Existing measures ``kpi`` evaluates, in file order."""
        first = self._first[ItemKind.MEASURE]
        return self.in_file_order(first[i] for i in kpi.measures if i in first)

    def referrers(self, item_id: str, kind: EdgeKind) -> list[Item]:
        """Items whose references of ``kind`` name ``item_id`` (each once, file order by
        kind of holder): what loses a link when the item goes."""
        return unique(a["item"] for a in self._in(item_id, kind))

    def issues_of(self, measure: Measure) -> list[Issue]:
        """Existing issues this measure addresses: its own, then its pillars' (§2.4)."""
        first = self._first[ItemKind.ISSUE]
        return unique(first[i] for i in issue_ids_of(measure, self.pillars) if i in first)

    def pillars_addressing(self, issue_id: str) -> list[Pillar]:
        """Pillars whose ``addresses`` names this issue."""
        return unique(a["item"] for a in self._in(issue_id, EdgeKind.ADDRESSES)
                      if isinstance(a["item"], Pillar))

    def pillar_of(self, measure: Measure) -> Pillar | None:
        """The pillar the measure belongs to, or None (none given, or an unknown id)."""
        return self.pillars.by_id.get(measure.pillar) if measure.pillar else None

    def measures_in(self, pillar_id: str) -> list[Measure]:
        """Measures in the pillar or in any pillar below it, in file order."""
        return measures_in(self.plan, pillar_id, self.pillars)

    def pillar_number(self, pillar_id: str) -> str | None:
        """The derived number of a pillar (1, 1-1, 1-1-1), never stored."""
        return self.pillars.numbers.get(pillar_id)

    def kpis_evaluating(self, measure_id: str) -> list[Kpi]:
        """KPIs whose ``measures`` names this measure."""
        return unique(a["item"] for a in self._in(measure_id, EdgeKind.EVALUATES))

    def kpis_measured_from(self, data_id: str) -> list[Kpi]:
        """KPIs whose ``source`` is this data source."""
        return unique(a["item"] for a in self._in(data_id, EdgeKind.MEASURED_FROM))

    # -- what serves what (networkx reachability) ---------------------------------------

    def _serving(self) -> Any:
        """The graph along the edges by which an item serves an issue: KPI → measure →
        issue, measure → pillar → (parent pillar →)* issue. A read-only networkx view."""
        if self._serving_view is None:
            import networkx as nx

            g = self._g
            self._serving_view = nx.subgraph_view(
                g, filter_edge=lambda u, v, k: g.edges[u, v, k]["kind"] in _SERVES)
        return self._serving_view

    def issues_served(self, item_id: str) -> list[Issue]:
        """Issues a KPI, measure or pillar serves, in file order (a KPI those of its
        measures, a measure its own and its pillars' — the networkx descendants)."""
        import networkx as nx

        view = self._serving()
        if item_id not in view:
            return []
        reached = nx.descendants(view, item_id)
        return [i for i in self._first[ItemKind.ISSUE].values()
                if i.id in reached and isinstance(i, Issue)]

    def kpis_for_issue(self, issue_id: str) -> list[Kpi]:
        """KPIs that evaluate a measure serving this issue, directly or through its
        pillars, in file order (the networkx ancestors)."""
        import networkx as nx

        view = self._serving()
        if issue_id not in view:
            return []
        reached = nx.ancestors(view, issue_id)
        return [k for k in self._first[ItemKind.KPI].values()
                if k.id in reached and isinstance(k, Kpi)]

    def issues_without_kpi(self) -> list[Issue]:
        """Issues from which no measure leads to a KPI (nothing would show progress)."""
        return [i for i in self.plan.issues if not self.kpis_for_issue(i.id)]

    def uses_of(self, data_id: str) -> list[UseRef]:
        """Who uses this data source and how: every measure→data use naming it."""
        data = self.data_source(data_id)
        return [UseRef(a["item"], a["index"], a["use"], data)
                for a in self._in(data_id, EdgeKind.USES)]

    def uses_by(self, measure: Measure) -> list[UseRef]:
        """Every use of ``measure`` in its order, broken ones included (``data`` None)."""
        return [UseRef(measure, j, u, self.data_source(u.data)) for j, u in enumerate(measure.uses)]

    def all_uses(self) -> Iterator[UseRef]:
        """Every use of every measure, in file order."""
        for m in self.plan.measures:
            yield from self.uses_by(m)

    def is_used(self, data_id: str) -> bool:
        """True if a measure uses the source or a KPI is measured from it."""
        return bool(self._in(data_id, EdgeKind.USES) or self._in(data_id, EdgeKind.MEASURED_FROM))

    # -- articles and open data -------------------------------------------------------------

    def article_uses(self) -> dict[int, ArticleUse]:
        """For 基本法 Arts. 10–19, which measures serve each (◎ primary / ○ related)."""
        primary: dict[int, list[Measure]] = {n: [] for n in range(10, 20)}
        related: dict[int, list[Measure]] = {n: [] for n in range(10, 20)}
        for m in self.plan.measures:
            for n in m.articles.primary:
                primary.setdefault(n, []).append(m)
            for n in m.articles.related:
                related.setdefault(n, []).append(m)
        numbers = sorted(set(primary) | set(related))
        return {n: ArticleUse(n, tuple(unique(primary.get(n, []))),
                              tuple(unique(related.get(n, [])))) for n in numbers}

    def covered_articles(self) -> set[int]:
        """Articles at least one measure serves as primary or related."""
        return {n for n, use in self.article_uses().items() if use.covered}

    def published_sources(self) -> list[DataSource]:
        """Every published data source (domain.md §1, ``planner.plan.opendata``), in file order.

        Computed once per graph: several rules ask.
        """
        if self._published is None:
            self._published = opendata.published_sources(self.plan)
        return list(self._published)

    def sources_in(self, categories: frozenset[Category] | set[Category]) -> list[DataSource]:
        """Data sources whose category is one of ``categories``."""
        return [d for d in self.plan.data_sources if d.category in categories]
