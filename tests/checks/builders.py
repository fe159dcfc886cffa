"""Helpers to run one rule on a plan; the plans themselves live in ``tests.support.plans``."""

from __future__ import annotations

from planner.checks import Finding, rule_by_id, run_checks
from planner.plan.graph import PlanGraph
from planner.plan.model import Plan
from tests.support.plans import ALL_SAFETY, clean_plan, open_source, personal_source

__all__ = ["ALL_SAFETY", "clean_plan", "fired", "open_source", "personal_source", "rules_fired",
           "where"]


def fired(plan: Plan, rule_id: str) -> list[Finding]:
    """Findings of one rule on ``plan``."""
    rule = rule_by_id(rule_id)
    assert rule is not None, rule_id
    return rule.run(PlanGraph(plan))


def where(plan: Plan, rule_id: str) -> list[tuple[tuple[str, ...], str | None]]:
    """(nodes, field) of each finding of one rule: where it fires."""
    return [(f.nodes, f.field) for f in fired(plan, rule_id)]


def rules_fired(plan: Plan) -> set[str]:
    """Ids of every rule with a finding on ``plan``."""
    return {f.rule for f in run_checks(plan)}
