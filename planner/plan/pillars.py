"""The 施策体系 (pillars): tree, derived numbering and the issues measures inherit.

A plan may group its measures under pillars — 基本目標 → 基本施策 → 取組, at most
three levels (domain.md §2.4). Numbering (1, 1-1, 1-1-1) follows the order of the
pillars in the file and is never stored. A pillar may address issues; every measure in
it (or under it) inherits them, so a plan written in pillar style need not repeat the
issues on every measure.

Pure functions of the model, so the checker, the graph, the layout and the document
agree. Broken structures (unknown parents, cycles) are refused by the loader; here they
are tolerated so that a plan being edited never crashes: a pillar whose parent is
unknown counts as top-level, and a cycle stops the walk.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.plan.model import Measure, Pillar, Plan


@dataclass(frozen=True)
class PillarTree:
    """The pillars of one plan, indexed: by id (first of a repeated id), children, numbers."""

    by_id: dict[str, Pillar]
    children: dict[str | None, list[Pillar]]  # None: the top level
    numbers: dict[str, str]  # pillar id → "1-2"

    def ancestors(self, pillar_id: str | None) -> list[Pillar]:
        """The pillar and those above it, nearest first (empty for an unknown id)."""
        chain: list[Pillar] = []
        seen: set[str] = set()
        while pillar_id is not None and pillar_id in self.by_id and pillar_id not in seen:
            seen.add(pillar_id)
            pillar = self.by_id[pillar_id]
            chain.append(pillar)
            pillar_id = pillar.parent
        return chain

    def level(self, pillar_id: str) -> int:
        """1 for a 基本目標, 2 below it, 3 below that; 0 for an unknown id."""
        return len(self.ancestors(pillar_id))

    def descendants(self, pillar_id: str) -> list[Pillar]:
        """Every pillar below this one, depth first in file order."""
        out: list[Pillar] = []
        stack = list(reversed(self.children.get(pillar_id, [])))
        seen: set[str] = {pillar_id}
        while stack:
            pillar = stack.pop()
            if pillar.id in seen:
                continue
            seen.add(pillar.id)
            out.append(pillar)
            stack.extend(reversed(self.children.get(pillar.id, [])))
        return out

    def issue_ids(self, pillar_id: str | None) -> list[str]:
        """Issues the pillar and those above it address (nearest first, no repeats)."""
        ids: list[str] = []
        for pillar in self.ancestors(pillar_id):
            ids.extend(i for i in pillar.addresses if i not in ids)
        return ids


def pillar_tree(plan: Plan) -> PillarTree:
    """Index the plan's pillars and number them (1, 1-1, 1-1-1) in file order."""
    by_id: dict[str, Pillar] = {}
    for pillar in plan.pillars:
        by_id.setdefault(pillar.id, pillar)
    children: dict[str | None, list[Pillar]] = {}
    for pillar in by_id.values():
        parent = pillar.parent if pillar.parent in by_id and pillar.parent != pillar.id else None
        children.setdefault(parent, []).append(pillar)
    numbers: dict[str, str] = {}
    stack: list[tuple[Pillar, str]] = [
        (p, str(n)) for n, p in reversed(list(enumerate(children.get(None, []), 1)))]
    while stack:
        pillar, number = stack.pop()
        if pillar.id in numbers:
            continue
        numbers[pillar.id] = number
        kids = children.get(pillar.id, [])
        stack.extend((p, f"{number}-{n}") for n, p in reversed(list(enumerate(kids, 1))))
    return PillarTree(by_id, children, numbers)


def pillar_numbers(plan: Plan) -> dict[str, str]:
    """Derived numbering of every pillar: {"P-1": "1", "P-1-1": "1-1", …}."""
    return pillar_tree(plan).numbers


def measure_numbers(plan: Plan) -> dict[str, str]:
    """Measures numbered within their pillar: the 2nd measure of pillar 1-1 is "1-1-2".

    Measures without a known pillar get no number.
    """
    tree = pillar_tree(plan)
    count: dict[str, int] = {}
    out: dict[str, str] = {}
    for measure in plan.measures:
        number = tree.numbers.get(measure.pillar or "")
        if number is None or measure.id in out:
            continue
        count[number] = count.get(number, 0) + 1
        out[measure.id] = f"{number}-{count[number]}"
    return out


def inherited_issue_ids(plan: Plan, tree: PillarTree | None = None) -> dict[str, list[str]]:
    """For each measure in a pillar: the issues its pillars address that it does not list."""
    tree = tree or pillar_tree(plan)
    out: dict[str, list[str]] = {}
    for measure in plan.measures:
        inherited = [i for i in tree.issue_ids(measure.pillar) if i not in measure.addresses]
        if inherited:
            out.setdefault(measure.id, inherited)
    return out


def issue_ids_of(measure: Measure, tree: PillarTree) -> list[str]:
    """The issues a measure addresses: its own, then those of its pillars."""
    own = list(dict.fromkeys(measure.addresses))
    return own + [i for i in tree.issue_ids(measure.pillar) if i not in own]


def measures_in(plan: Plan, pillar_id: str, tree: PillarTree | None = None) -> list[Measure]:
    """Measures that belong to the pillar or to any pillar below it, in file order."""
    tree = tree or pillar_tree(plan)
    ids = {pillar_id, *(p.id for p in tree.descendants(pillar_id))}
    return [m for m in plan.measures if m.pillar in ids]
