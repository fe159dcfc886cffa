"""Benchmark: ``planner render`` against a minimal python-docx script, process to process.

    python bench/bench_render.py [--runs 3] [--shapes 1x,2x,4x,dense-5x50,…] [--timeout 900]

For each plan shape the YAML is written to a temporary folder, then ``planner render`` and
``bench/baseline_docx.py`` (the same facts written the plainest way python-docx allows)
run in turn on it. Printed per shape: the plan's size, the medians of CPU and wall seconds
and peak memory of each process, and the median of the pair-by-pair ratios.

Shapes (issue 9 item 9, issue 10 item 6):
- ``1x``, ``2x``, ``4x``: the prefecture-scale plan (50 issues, 200 measures, 300 data
  sources, 400 KPIs) and twice and four times that;
- ``dense-5x50``, ``dense-10x100``, ``dense-20x200``: every measure addresses every issue;
- ``dense-1mb``: a dense plan of about 1 MB (40 issues × 500 measures, 2 uses and 2 KPIs each).

Targets: render at 1x ≤ 2× the baseline; time and memory about linear in the plan's size
(the 2x and 4x rows ≈ 2 and 4 times the 1x row).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.measure import compare, machine
from planner.files.planfile import dumps_plan
from tests.support.plans import dense_plan, generate_plan

PREFECTURE = {"issues": 50, "measures": 200, "data_sources": 300, "kpis": 400}
SHAPES = {
    "1x": lambda: generate_plan(**PREFECTURE),
    "2x": lambda: generate_plan(**{k: 2 * v for k, v in PREFECTURE.items()}),
    "4x": lambda: generate_plan(**{k: 4 * v for k, v in PREFECTURE.items()}),
    "dense-5x50": lambda: dense_plan(5, 50),
    "dense-10x100": lambda: dense_plan(10, 100),
    "dense-20x200": lambda: dense_plan(20, 200),
    "dense-1mb": lambda: dense_plan(40, 500, uses=2, kpis=2),
}
TARGET_RATIO = 2.0


def main(argv: list[str] | None = None) -> int:
    """Measure every asked shape and print one row each, then the growth of the series."""
    parser = argparse.ArgumentParser(prog="python bench/bench_render.py",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="counted runs of each command")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shapes")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per process")
    args = parser.parse_args(argv)
    print(f"machine: {machine()}; {args.runs} runs each after a warm-up, medians")
    print(f"{'shape':<13} {'YAML KB':>8} {'items':>6} | {'render cpu':>10} {'wall':>6} "
          f"{'MB':>5} | {'baseline cpu':>12} {'wall':>6} {'MB':>5} | {'ratio cpu':>9} "
          f"{'wall':>6}")
    cpu: dict[str, float] = {}
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.shapes.split(","):
            plan = SHAPES[name]()
            path = Path(tmp) / f"{name}.yaml"
            path.write_text(dumps_plan(plan), encoding="utf-8")
            items = sum(len(x) for x in (plan.issues, plan.measures, plan.data_sources,
                                         plan.kpis))
            render = [sys.executable, "-m", "planner", "render", str(path), "-o",
                      str(Path(tmp) / "planner.docx")]
            baseline = [sys.executable, str(ROOT / "bench" / "baseline_docx.py"), str(path),
                        str(Path(tmp) / "baseline.docx")]
            c = compare(render, baseline, args.runs, args.timeout)
            cpu[name] = c.median("a", "cpu")
            print(f"{name:<13} {path.stat().st_size / 1024:8.0f} {items:6d} | "
                  f"{c.columns(9, 11)}", flush=True)
            if name == "1x":
                ok &= c.ratio("cpu") <= TARGET_RATIO
    for series in (("1x", "2x", "4x"), ("dense-5x50", "dense-10x100", "dense-20x200")):
        if all(s in cpu for s in series):
            first = cpu[series[0]]
            print(f"growth {' → '.join(series)}: CPU "
                  + " : ".join(f"{cpu[s] / first:.2f}" for s in series)
                  + "  (linear: 1 : 2 : 4)")
    if "1x" in cpu:
        print(f"target: render at 1x <= {TARGET_RATIO:g}x the baseline: "
              f"{'OK' if ok else 'OVER TARGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
