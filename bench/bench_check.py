"""Benchmark of the checker: ``planner check`` against a bare ``yaml.CSafeLoader`` load.

    python bench/bench_check.py [--runs 5] [--shapes 1x,2x,4x,dense-10x100] [--edits 40]

Prints, for each plan shape (see bench/bench_render.py), the medians of CPU and wall seconds
and peak memory of a ``planner check --format json`` process and of a process that only
loads the same file with PyYAML's C loader, run in turn, and the median of the pair-by-pair
ratios (target at 1x: ≤ 2×). Then the cost of ``import planner.checks`` in a fresh process
(against ``import yaml``), and the in-process re-check after a one-field edit (≤ 50 ms).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_render import SHAPES
from bench.measure import compare, machine
from planner.checks import run_checks
from planner.files.planfile import dumps_plan, load_plan
from planner.plan.model import LegalBasis

TARGET_RATIO, TARGET_RECHECK_MS = 2.0, 50.0

_YAML_ONLY = ("import sys, yaml\n"
              "with open(sys.argv[1], encoding='utf-8') as fh:\n"
              "    yaml.load(fh, Loader=yaml.CSafeLoader)\n")


def _recheck_ms(path: Path, edits: int) -> tuple[float, float, float]:
    """(median, max) ms of run_checks after a one-field edit, and the tracemalloc peak MB."""
    plan = load_plan(path)
    run_checks(plan)  # warm: vocabularies are read once per process
    times = []
    uses = [u for m in plan.measures for u in m.uses]
    for i in range(edits):
        # One field, as the app's editor changes it: alternately a KPI target and a legal basis.
        if i % 2:
            uses[i % len(uses)].legal_basis = None if i % 4 == 1 else LegalBasis.LAW
        else:
            plan.kpis[i % len(plan.kpis)].target.value = 1000 + i
        t = time.perf_counter()
        run_checks(plan)
        times.append((time.perf_counter() - t) * 1000)
    tracemalloc.start()
    run_checks(plan)
    peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    tracemalloc.stop()
    return statistics.median(times), max(times), peak


def main(argv: list[str] | None = None) -> int:
    """Measure, print the numbers; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(prog="python bench/bench_check.py",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="counted runs of each command")
    parser.add_argument("--shapes", default="1x,2x,4x,dense-10x100,dense-1mb")
    parser.add_argument("--edits", type=int, default=40, help="in-process re-checks")
    args = parser.parse_args(argv)
    print(f"machine: {machine()}; {args.runs} runs each after a warm-up, medians")
    print(f"{'shape':<13} {'YAML KB':>8} | {'check cpu':>9} {'wall':>6} {'MB':>5} | "
          f"{'CSafeLoader cpu':>15} {'wall':>6} {'MB':>5} | {'ratio cpu':>9} {'wall':>6}")
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.shapes.split(","):
            path = Path(tmp) / f"{name}.yaml"
            path.write_text(dumps_plan(SHAPES[name]()), encoding="utf-8")
            check = [sys.executable, "-m", "planner", "check", str(path), "--format", "json"]
            bare = [sys.executable, "-c", _YAML_ONLY, str(path)]
            c = compare(check, bare, args.runs)
            print(f"{name:<13} {path.stat().st_size / 1024:8.0f} | {c.columns(8, 14)}",
                  flush=True)
            if name == "1x":
                ok &= c.ratio("cpu") <= TARGET_RATIO
                med, worst, traced = _recheck_ms(path, args.edits)
        imp = compare([sys.executable, "-c", "import planner.checks"],
                      [sys.executable, "-c", "import yaml"], args.runs)
    print(f"import planner.checks: {imp.median('a', 'cpu') * 1000:.0f} ms CPU "
          f"(import yaml alone {imp.median('b', 'cpu') * 1000:.0f} ms)")
    if "1x" in args.shapes.split(","):
        print(f"re-check after a one-field edit (1x): median {med:.1f} ms, max {worst:.1f} ms "
              f"(target <= {TARGET_RECHECK_MS:g} ms); traced peak {traced:.1f} MB")
        ok &= worst <= TARGET_RECHECK_MS
        print(f"targets: check at 1x <= {TARGET_RATIO:g}x the bare load, re-check <= "
              f"{TARGET_RECHECK_MS:g} ms: {'OK' if ok else 'OVER TARGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
