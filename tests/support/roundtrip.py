"""The save/load identity every plan file must keep (domain.md: saving loses nothing)."""

from __future__ import annotations

from planner.files.planfile import dumps_plan, loads_plan
from planner.plan.model import Plan


def assert_reads_back(plan: Plan) -> str:
    """Save ``plan`` as text and load it again: the same plan, and the same text once more.

    Returns the saved text.
    """
    text = dumps_plan(plan)
    again = loads_plan(text)
    assert again == plan
    assert dumps_plan(again) == text
    return text
