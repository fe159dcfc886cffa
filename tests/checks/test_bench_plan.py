"""tests.support.plans: the generated plans the benchmarks use are deterministic and lawful."""

from __future__ import annotations

from planner.checks import Severity, run_checks
from planner.files.planfile import dumps_plan, loads_plan
from tests.support.plans import dense_plan, generate_plan


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


def test_dense_shapes_have_every_measure_address_every_issue():
    plan = dense_plan(issues=5, measures=50)
    assert (len(plan.issues), len(plan.measures)) == (5, 50)
    assert all(sorted(m.addresses) == sorted(i.id for i in plan.issues) for m in plan.measures)
    assert not [f for f in run_checks(plan) if f.severity == Severity.ERROR]
