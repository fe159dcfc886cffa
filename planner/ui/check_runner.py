"""CheckRunner: re-checks the plan shortly after edits, without ever blocking typing.

``schedule(plan)`` restarts a short single-shot timer, so a burst of keystrokes costs one
check. A check that is fast runs in the GUI thread; once one takes longer than
``SLOW_MS``, or always when a cheap ``freeze`` is given (the app's), checks run on a
worker thread over a snapshot of the plan, and results
of a check overtaken by a newer edit are discarded (generation count). The snapshot comes
from ``freeze`` — the document's copy-on-write ``PlanDocument.snapshot`` in the app, which
copies only the items edited since the last check — or else is the plan pickled on the
GUI thread and unpickled on the worker.
"""

from __future__ import annotations

import gc
import pickle
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from planner.checks import run_checks
from planner.checks.finding import Finding
from planner.plan.model import Plan

#: Default debounce delay after the last edit, in milliseconds.
DELAY_MS = 150
#: A check slower than this (ms) moves later checks off the GUI thread.
SLOW_MS = 50.0
#: While a worker checks, the GUI thread waits at most this long (s) for Python's GIL
#: (the interpreter's default, 5 ms, is paid again at every call into Qt of a keystroke).
GIL_SWITCH_S = 0.001

Check = Callable[[Plan], list[Finding]]


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """The cyclic garbage collector paused for one check.

    Why: a check builds a PlanGraph and its indexes (a 4x plan: ~100,000 objects, none in a
    reference cycle, all freed when it ends); full collections started by those
    allocations walked them all, holding the GIL for 50–100 ms while the user typed. The
    one-shot ``check`` and ``render`` commands turn the collector off for the same reason.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class _Relay(QObject):
    """Carries a worker's result back to the GUI thread (queued signal)."""

    done = Signal(int, object, float)
    failed = Signal(int, str)


class _CheckTask(QRunnable):
    """One check of one plan snapshot on a pool thread."""

    def __init__(self, generation: int, snapshot: Plan | bytes, check: Check,
                 relay: _Relay) -> None:
        super().__init__()
        self._generation, self._snapshot, self._check = generation, snapshot, check
        self._relay = relay

    def run(self) -> None:
        """Check the snapshot and report back, never raising into the pool."""
        start = time.perf_counter()
        try:
            with _no_cyclic_gc():
                plan = (pickle.loads(self._snapshot)  # noqa: S301 (our own bytes, just made)
                        if isinstance(self._snapshot, bytes) else self._snapshot)
                findings = self._check(plan)
        except Exception as exc:  # noqa: BLE001 (a rule bug must not kill the app)
            self._relay.failed.emit(self._generation, f"{type(exc).__name__}: {exc}")
            return
        self._relay.done.emit(self._generation, findings, (time.perf_counter() - start) * 1000)


class CheckRunner(QObject):
    """Debounced checker; emits ``findings_ready(list[Finding])`` for the newest plan."""

    findings_ready = Signal(list)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, delay_ms: int = DELAY_MS,
                 threaded: bool | None = None, check: Check = run_checks,
                 freeze: Callable[[Plan], Plan] | None = None) -> None:
        """``threaded``: None decides by measured speed, True/False forces a mode.
        ``freeze(plan)``: a copy of ``plan`` that later edits leave alone, for the worker."""
        super().__init__(parent)
        self._check = check
        self._freeze = freeze
        self._threaded = threaded
        self._slow = False
        self._plan: Plan | None = None
        self._generation = 0
        self.last_ms: float | None = None  # duration of the last completed check
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._run)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one check at a time; stale queued ones are dropped
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)

    def schedule(self, plan: Plan) -> None:
        """Check ``plan`` once edits pause for the debounce delay."""
        self._plan = plan
        self._generation += 1
        self._timer.start()

    def run_now(self, plan: Plan) -> None:
        """Check ``plan`` without waiting (after opening a file, say)."""
        self._plan = plan
        self._generation += 1
        self._timer.stop()
        self._run()

    def is_pending(self) -> bool:
        """True while a scheduled check has not reported yet."""
        return self._timer.isActive() or self._pool.activeThreadCount() > 0

    def wait_idle(self, msecs: int = 5000) -> bool:
        """Block until worker checks end (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)

    def uses_thread(self) -> bool:
        """Whether the next check runs on a worker thread: when forced, else when checks
        are slow or a cheap ``freeze`` is given (then the worker costs the GUI thread about
        a millisecond, and a check on the GUI thread would hold up the next keystroke)."""
        if self._threaded is not None:
            return self._threaded
        return self._slow or self._freeze is not None

    def _run(self) -> None:
        if self._plan is None:
            return
        generation = self._generation
        if self.uses_thread():
            self._pool.clear()  # an unstarted check of an older plan is useless now
            if sys.getswitchinterval() > GIL_SWITCH_S:
                sys.setswitchinterval(GIL_SWITCH_S)
            # The GUI keeps editing the original. Without ``freeze``, freeze it as bytes
            # (4x plan: 20 ms, where copy.deepcopy took 97 ms on this thread).
            snapshot: Plan | bytes = (
                self._freeze(self._plan) if self._freeze is not None
                else pickle.dumps(self._plan, protocol=pickle.HIGHEST_PROTOCOL))
            self._pool.start(_CheckTask(generation, snapshot, self._check, self._relay))
            return
        start = time.perf_counter()
        try:
            with _no_cyclic_gc():
                findings = self._check(self._plan)
        except Exception as exc:  # noqa: BLE001 (a rule bug must not kill the app)
            self._on_failed(generation, f"{type(exc).__name__}: {exc}")
            return
        self._on_done(generation, findings, (time.perf_counter() - start) * 1000)

    def _on_done(self, generation: int, findings: list[Finding], elapsed_ms: float) -> None:
        self.last_ms = elapsed_ms
        if self._threaded is None:
            self._slow = elapsed_ms > SLOW_MS
        if generation == self._generation:
            self.findings_ready.emit(list(findings))

    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.failed.emit(message)
