"""Whole-process timing for the benchmarks: wall and CPU seconds and peak memory of a command.

``run(cmd)`` starts one process and reaps it with ``os.wait4``, so the CPU time and the peak
resident memory are the kernel's own figures for that process alone. ``compare(a, b, runs)``
runs two commands in turn (a b a b …, after one warm-up each) and reports medians and the
median of the pair-by-pair ratios, which holds when a shared machine's speed drifts.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Run:
    """One finished process."""

    wall: float
    cpu: float
    peak_mb: float
    returncode: int


def run(cmd: list[str], timeout: float = 900.0) -> Run:
    """Run ``cmd`` once (output discarded) and measure it."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if not hasattr(os, "wait4"):  # Windows: wall time only
        proc.wait(timeout)
        return Run(time.perf_counter() - start, float("nan"), float("nan"), proc.returncode)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.005)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        print(f"  ! exit {proc.returncode}: {' '.join(cmd)}\n{err[-600:]}", file=sys.stderr)
    rss_kb = usage.ru_maxrss / (1024 if sys.platform == "darwin" else 1)
    return Run(wall, usage.ru_utime + usage.ru_stime, rss_kb / 1024, proc.returncode)


@dataclass
class Comparison:
    """Medians of two commands run in turn, and of their pair-by-pair ratios."""

    a: list[Run]
    b: list[Run]

    def median(self, side: str, field: str) -> float:
        return statistics.median(getattr(r, field) for r in getattr(self, side))

    def ratio(self, field: str = "cpu") -> float:
        return statistics.median(getattr(x, field) / getattr(y, field)
                                 for x, y in zip(self.a, self.b, strict=True))

    def columns(self, a_width: int, b_width: int) -> str:
        """The table's figures: each side's CPU (``a_width``/``b_width`` wide), wall time and
        peak MB, then the CPU and wall ratios."""
        return (f"{self.median('a', 'cpu'):{a_width}.2f}s {self.median('a', 'wall'):5.2f}s "
                f"{self.median('a', 'peak_mb'):5.0f} | {self.median('b', 'cpu'):{b_width}.2f}s "
                f"{self.median('b', 'wall'):5.2f}s {self.median('b', 'peak_mb'):5.0f} | "
                f"{self.ratio('cpu'):8.2f}x {self.ratio('wall'):5.2f}x")


def compare(a: list[str], b: list[str], runs: int, timeout: float = 900.0) -> Comparison:
    """Run ``a`` and ``b`` in turn ``runs`` times each, after one warm-up of each."""
    run(a, timeout)
    run(b, timeout)
    out = Comparison([], [])
    for _ in range(runs):
        out.a.append(run(a, timeout))
        out.b.append(run(b, timeout))
    return out


def machine() -> str:
    """The processor count and model, for the numbers' record."""
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            model = next((line.split(":", 1)[1].strip() for line in fh
                          if line.startswith("model name")), model)
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs, {model}, Python {platform.python_version()}"
