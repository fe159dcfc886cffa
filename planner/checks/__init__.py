"""The checker: rules over the plan graph that return findings as data.

PROVISIONAL: the rule registry replaces ``run_checks``'s body; its signature stays.
"""

from __future__ import annotations

from planner.checks.finding import Finding, Severity
from planner.model import Plan

__all__ = ["Finding", "Severity", "run_checks"]


def run_checks(plan: Plan) -> list[Finding]:
    """Every finding for ``plan``, errors first."""
    return []
