"""Where a finding is fixed: the step, item and field its jump lands on.

Most findings name their item and field (``M-3``, ``uses[0].legal_basis``) and land there.
Findings about the whole plan name no item, yet their fix is typed somewhere particular:
COV001 (an article no measure serves) in a measure's article grid, COV002 (standard
datasets not published) in a data source's standard-dataset choice. Those places are rows
of ``JUMPS``; a new rule family adds its row here (and nothing else), e.g. ::

    JUMPS["PIL001"] = Jump(ItemKind.PILLAR, "parent")

Pure Python: the window turns a ``Target`` into steps and widgets.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.checks.finding import Finding
from planner.plan.model import ItemKind, Plan

#: The pseudo-kind of the plan's own facts (``plan:`` in the file; step 基本情報).
PLAN = "plan"


@dataclass(frozen=True)
class Jump:
    """Where a rule's fix is typed: the kind of item (its step) and the field.

    ``field`` None puts the cursor on the list's 追加 button (something must be added),
    as does a plan with no item of ``kind`` yet.
    """

    kind: str
    field: str | None = None


@dataclass(frozen=True)
class Target:
    """A resolved jump: kind, item id ('' for the plan or for "no item yet"), field."""

    kind: str
    item_id: str
    field: str | None


#: Rules whose fix is not where their nodes/field point (or that name none), by rule id.
JUMPS: dict[str, Jump] = {
    # An article no measure serves: choose ◎/○ in a measure's article grid.
    "COV001": Jump(ItemKind.MEASURE, "articles"),
    # Standard datasets not published: a data source's 標準データセット number.
    "COV002": Jump(ItemKind.DATA, "open_data.standard_datasets"),
    # A measure no KPI evaluates: tick it in a KPI's 施策 list (or add the first KPI); the
    # measure's own form has no field for it (the jump landed on its name).
    "GAP003": Jump(ItemKind.KPI, "measures"),
    # Data nothing uses: add it to a measure's 利用するデータ (or delete it, in its list).
    "GAP007": Jump(ItemKind.MEASURE, "uses"),
}


def _empty_kind(plan: Plan) -> ItemKind | None:
    """The first of issues, measures, KPIs the plan has none of (RDY001's fix)."""
    return next((k for k in (ItemKind.ISSUE, ItemKind.MEASURE, ItemKind.KPI)
                 if not k.items(plan)), None)


def _kind_of_id(plan: Plan, item_id: str) -> ItemKind | None:
    """The kind of the first item with this id, pillars (施策体系) included."""
    return next((kind for kind in ItemKind if any(x.id == item_id for x in kind.items(plan))),
                None)


def resolve(finding: Finding, plan: Plan, current: dict[str, str | None]) -> Target:
    """Where ``finding`` is fixed. ``current``: the item selected per kind, preferred when
    the finding names none (the user may already be on the measure to mark)."""
    if finding.rule == "RDY001":
        kind = _empty_kind(plan)
        if kind is not None:
            return Target(kind, "", None)
    jump = JUMPS.get(finding.rule)
    if jump is not None:
        return _table_target(jump, finding, plan, current)
    item_kind = _kind_of_id(plan, finding.nodes[0]) if finding.nodes else None
    if item_kind is not None:
        return Target(item_kind, finding.nodes[0], finding.field)
    return Target(PLAN, "", (finding.field or "title").removeprefix("plan."))


def _table_target(jump: Jump, finding: Finding, plan: Plan,
                  current: dict[str, str | None]) -> Target:
    named = [n for n in finding.nodes if _kind_of_id(plan, n) == jump.kind]
    items = getattr(plan, jump.kind, None) or []
    chosen = current.get(jump.kind)
    if named:
        item_id = named[0]
    elif chosen and plan.find(chosen) is not None:
        item_id = chosen
    elif items:
        item_id = items[0].id
    else:
        return Target(jump.kind, "", None)
    return Target(jump.kind, item_id, jump.field)
