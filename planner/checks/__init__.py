"""The checker: rules over the plan graph that return findings as data.

``run_checks(plan)`` builds one PlanGraph and runs every registered rule (domain.md §3).
``rules()`` lists the registry with its metadata, for the docs and for the UI. Rules live
one family per module; importing this package registers them all.
"""

from __future__ import annotations

from planner.checks import (  # noqa: F401 - imported to register their rules
    coverage,
    gaps,
    openness,
    plan_facts,
    privacy,
    privacy_review,
    privacy_sources,
    readiness,
    references,
)
from planner.checks.finding import Finding, Severity, summary
from planner.checks.registry import FAMILIES, Rule, registered
from planner.plan.graph import PlanGraph
from planner.plan.model import Plan

__all__ = ["FAMILIES", "Finding", "Rule", "Severity", "check_graph", "rule_by_id", "rules",
           "run_checks", "summary"]


def rules() -> list[Rule]:
    """Every rule with its id, severity, meaning, reference and fix, by family then id."""
    return registered()


def rule_by_id(rule_id: str) -> Rule | None:
    """The registered rule with this id, or None."""
    return next((r for r in registered() if r.id == rule_id), None)


def _order(f: Finding) -> tuple:
    return f.severity.rank, f.rule, f.nodes, f.field or ""


def check_graph(graph: PlanGraph) -> list[Finding]:
    """Every finding for an already built graph, errors first, then by rule id and node."""
    found = [f for r in registered() for f in r.run(graph)]
    return sorted(found, key=_order)


def run_checks(plan: Plan) -> list[Finding]:
    """Every finding for ``plan``, errors first, then by rule id and node."""
    return check_graph(PlanGraph(plan))
