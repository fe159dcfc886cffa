"""Write a generated plan as YAML (the generators live in ``tests.support.plans``).

    python -m bench.gen_plan -o big.yaml [--issues N --measures N --data-sources N --kpis N]
    python -m bench.gen_plan -o dense.yaml --dense --issues 10 --measures 100

``generate_plan`` and ``dense_plan`` are re-exported here for the benchmarks.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: the repository root is the import root
    sys.path.insert(0, str(ROOT))

from tests.support.plans import dense_plan, generate_plan

__all__ = ["dense_plan", "generate_plan", "main"]


def main(argv: list[str] | None = None) -> int:
    """Write a generated plan as YAML."""
    from planner.files.planfile import dumps_plan

    parser = argparse.ArgumentParser(prog="python -m bench.gen_plan", description=__doc__)
    parser.add_argument("-o", "--output", required=True, help="YAML file to write ('-' = stdout)")
    parser.add_argument("--dense", action="store_true",
                        help="every measure addresses every issue (issue 10's dense shapes)")
    parser.add_argument("--issues", type=int, default=50)
    parser.add_argument("--measures", type=int, default=200)
    parser.add_argument("--data-sources", type=int, default=300)
    parser.add_argument("--kpis", type=int, default=400)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.dense:
        plan = dense_plan(args.issues, args.measures, seed=args.seed)
    else:
        plan = generate_plan(args.issues, args.measures, args.data_sources, args.kpis, args.seed)
    text = dumps_plan(plan)
    if args.output == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
