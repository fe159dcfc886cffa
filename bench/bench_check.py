"""Benchmark of the checker on a prefecture-scale plan (issue 3, item 5).

Prints:
- the whole ``planner check`` process time as a ratio to a process that only loads the
  same file with ``yaml.CSafeLoader`` (target ≤ 6×), with the split between start-up,
  loading (parse + schema validation + build) and checking;
- the in-process re-check time after a one-field edit (target ≤ 50 ms);
- the peak memory of the check process (target ≤ 250 MB).

Run from the repository root: ``python -m bench.bench_check [--runs 7]``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from bench.gen_plan import generate_plan
from planner.checks import run_checks
from planner.model import LegalBasis
from planner.planfile import dumps_plan, load_plan

ROOT = Path(__file__).resolve().parents[1]
TARGET_RATIO, TARGET_RECHECK_MS, TARGET_PEAK_MB = 6.0, 50.0, 250.0

_YAML_ONLY = ("import sys, yaml\n"
              "with open(sys.argv[1], encoding='utf-8') as fh:\n"
              "    yaml.load(fh, Loader=yaml.CSafeLoader)\n")
_LOAD_ONLY = "import sys\nfrom planner.planfile import load_document\nload_document(sys.argv[1])\n"
_PEAK = ("import resource, subprocess, sys\n"
         "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False)\n"
         "kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
         "print(kb / 1024 if sys.platform != 'darwin' else kb / 1024 / 1024)\n")


def _time_process(cmd: list[str], runs: int) -> float:
    """Median wall time of ``cmd`` in seconds over ``runs`` runs (after one warm-up)."""
    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _peak_mb(cmd: list[str]) -> float | None:
    """Peak resident memory of ``cmd`` in MB (None where ``resource`` is missing)."""
    try:
        import resource  # noqa: F401 - POSIX only
    except ImportError:
        return None
    out = subprocess.run([sys.executable, "-c", _PEAK, *cmd], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    return float(out.stdout.strip())


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


def _verdict(ok: bool) -> str:
    return "OK" if ok else "OVER TARGET"


def main(argv: list[str] | None = None) -> int:
    """Generate the plan, measure, print the numbers; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(prog="python -m bench.bench_check")
    parser.add_argument("--runs", type=int, default=7, help="process runs per measurement")
    parser.add_argument("--edits", type=int, default=40, help="in-process re-checks")
    args = parser.parse_args(argv)

    plan = generate_plan()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "prefecture.yaml"
        path.write_text(dumps_plan(plan), encoding="utf-8")
        size_kb = path.stat().st_size / 1024
        check_cmd = [sys.executable, "-m", "planner", "check", str(path), "--format", "json"]
        t_yaml = _time_process([sys.executable, "-c", _YAML_ONLY, str(path)], args.runs)
        t_start = _time_process([sys.executable, "-c", "pass"], args.runs)
        t_load = _time_process([sys.executable, "-c", _LOAD_ONLY, str(path)], args.runs)
        t_check = _time_process(check_cmd, args.runs)
        peak = _peak_mb(check_cmd)
        med, worst, traced = _recheck_ms(path, args.edits)

    ratio = t_check / t_yaml
    print(f"plan: {len(plan.issues)} issues, {len(plan.measures)} measures, "
          f"{len(plan.data_sources)} data sources, {len(plan.kpis)} KPIs ({size_kb:.0f} KB YAML)")
    print(f"process, yaml.CSafeLoader only : {t_yaml * 1000:7.0f} ms")
    print(f"process, planner check (json)  : {t_check * 1000:7.0f} ms   ratio {ratio:.2f}x "
          f"(target <= {TARGET_RATIO:g}x) {_verdict(ratio <= TARGET_RATIO)}")
    print(f"  split: python start-up {t_start * 1000:.0f} ms, load_document (parse + schema + "
          f"build) {(t_load - t_start) * 1000:.0f} ms, graph + rules + output "
          f"{(t_check - t_load) * 1000:.0f} ms")
    print(f"re-check after a one-field edit: median {med:.1f} ms, max {worst:.1f} ms "
          f"(target <= {TARGET_RECHECK_MS:g} ms) {_verdict(worst <= TARGET_RECHECK_MS)}")
    if peak is not None:
        print(f"peak memory, check process     : {peak:.0f} MB (target <= {TARGET_PEAK_MB:g} MB) "
              f"{_verdict(peak <= TARGET_PEAK_MB)}")
    print(f"peak traced Python memory of one in-process check: {traced:.1f} MB")
    ok = ratio <= TARGET_RATIO and worst <= TARGET_RECHECK_MS and (peak or 0) <= TARGET_PEAK_MB
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
