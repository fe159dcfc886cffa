"""bench.gen_plan: the prefecture-scale plan other benchmarks import is deterministic and lawful."""

from __future__ import annotations

import sys
from pathlib import Path

from planner.checks import Severity, run_checks
from planner.planfile import dumps_plan, loads_plan

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # bench/ lives at the repository root, beside planner/
    sys.path.insert(0, str(ROOT))

from bench.gen_plan import generate_plan


def test_same_arguments_same_plan():
    assert generate_plan(5, 20, 30, 40, seed=3) == generate_plan(5, 20, 30, 40, seed=3)
    assert generate_plan(5, 20, 30, 40, seed=3) != generate_plan(5, 20, 30, 40, seed=4)


def test_default_size_and_no_errors():
    plan = generate_plan()
    sizes = (len(plan.issues), len(plan.measures), len(plan.data_sources), len(plan.kpis))
    assert sizes == (50, 200, 300, 400)
    findings = run_checks(plan)
    assert not [f for f in findings if f.severity == Severity.ERROR]
    assert len(findings) < 30  # a few gaps on purpose, not noise


def test_round_trips_through_the_plan_file():
    plan = generate_plan(5, 20, 30, 40)
    assert loads_plan(dumps_plan(plan)) == plan
