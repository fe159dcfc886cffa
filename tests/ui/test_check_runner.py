"""CheckRunner: debounced checks, off the GUI thread when slow, stale results dropped."""

from __future__ import annotations

import os
import threading
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from planner.checks import run_checks
from planner.plan.model import Issue, Plan
from planner.ui.check_runner import CheckRunner
from tests.ui.plans import small_plan


class Recorder:
    """The real checker, recording which plans (titles) it was asked about."""

    def __init__(self, gate: threading.Event | None = None, delay: float = 0.0) -> None:
        self.titles: list[str] = []
        self.threads: list[int] = []
        self.gate, self.delay = gate, delay

    def __call__(self, plan: Plan):
        self.titles.append(plan.plan.title)
        self.threads.append(threading.get_ident())
        if self.gate is not None and len(self.titles) == 1:
            self.gate.wait(5)  # hold the first check until the test lets it go
        time.sleep(self.delay)
        return run_checks(plan)


def titled(title: str) -> Plan:
    plan = small_plan()
    plan.plan.title = title
    return plan


def test_findings_come_from_the_real_checker(qtbot) -> None:
    runner = CheckRunner(delay_ms=10)
    plan = small_plan()
    plan.issues.append(Issue("I-9", "どの施策も答えない課題"))
    with qtbot.waitSignal(runner.findings_ready, timeout=3000) as blocker:
        runner.schedule(plan)
    assert blocker.args[0] == run_checks(plan)
    if blocker.args[0]:
        assert any(f.rule == "GAP001" and "I-9" in f.nodes for f in blocker.args[0])


def test_a_burst_of_edits_costs_one_check_of_the_newest_plan(qtbot) -> None:
    check = Recorder()
    runner = CheckRunner(delay_ms=400, threaded=False, check=check)  # loaded CI: wide margin
    received = []
    runner.findings_ready.connect(received.append)
    for i in range(5):
        runner.schedule(titled(f"版{i}"))
        qtbot.wait(10)
    assert check.titles == []  # typing: nothing ran yet
    qtbot.waitUntil(lambda: len(received) == 1, timeout=2000)
    qtbot.wait(100)
    assert check.titles == ["版4"] and len(received) == 1


def test_threaded_checks_run_off_the_gui_thread_on_a_snapshot(qtbot) -> None:
    check = Recorder()
    runner = CheckRunner(delay_ms=10, threaded=True, check=check)
    plan = titled("元の計画")
    with qtbot.waitSignal(runner.findings_ready, timeout=3000):
        runner.schedule(plan)
        qtbot.wait(30)
        plan.plan.title = "編集中"  # the GUI keeps editing while the worker checks
    runner.wait_idle()
    assert check.titles == ["元の計画"]
    assert check.threads[0] != threading.get_ident()


def test_results_overtaken_by_a_newer_edit_are_dropped(qtbot) -> None:
    gate = threading.Event()
    check = Recorder(gate=gate)
    runner = CheckRunner(delay_ms=5, threaded=True, check=check)
    received: list[list] = []
    runner.findings_ready.connect(received.append)
    runner.run_now(titled("古い版"))
    qtbot.waitUntil(lambda: check.titles == ["古い版"], timeout=2000)
    newer = titled("新しい版")
    newer.issues.append(Issue("I-9", "新しい課題"))
    runner.schedule(newer)
    qtbot.wait(30)  # the newer check is queued behind the held one
    gate.set()
    qtbot.waitUntil(lambda: len(check.titles) == 2 and not runner.is_pending(), timeout=3000)
    qtbot.wait(50)
    assert check.titles == ["古い版", "新しい版"]
    assert received == [run_checks(newer)]


def test_a_slow_check_moves_later_checks_off_the_gui_thread(qtbot) -> None:
    check = Recorder(delay=0.08)
    runner = CheckRunner(delay_ms=5, check=check)
    assert not runner.uses_thread()
    with qtbot.waitSignal(runner.findings_ready, timeout=3000):
        runner.schedule(small_plan())
    assert runner.last_ms is not None and runner.last_ms > 50
    assert runner.uses_thread()
    with qtbot.waitSignal(runner.findings_ready, timeout=3000):
        runner.schedule(small_plan())
    runner.wait_idle()
    assert check.threads[1] != threading.get_ident()


@pytest.mark.parametrize("threaded", [False, True])
def test_a_crashing_rule_is_reported_not_raised(qtbot, threaded: bool) -> None:
    def broken(plan: Plan):
        raise ValueError("rule bug")

    runner = CheckRunner(delay_ms=5, threaded=threaded, check=broken)
    with qtbot.waitSignal(runner.failed, timeout=3000) as blocker:
        runner.schedule(small_plan())
    runner.wait_idle()
    assert "rule bug" in blocker.args[0]
