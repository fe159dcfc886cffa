"""Benchmark: render a prefecture-scale plan, compared with raw python-docx.

    python bench/bench_render.py [--issues 50 --measures 200 --data 300 --kpis 400]

Ratio = planner's render time / time for plain python-docx to write the same paragraphs,
tables and pictures in one process (no templates, no styles work, no figure drawing).
Target: ratio ≤ 3. Peak memory is printed (tracemalloc peak and the process's max RSS).
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import docx
from docx.oxml.ns import qn
from docx.shared import Emu

from planner.model import Plan
from planner.render import render_document, render_plan


def make_plan(args: argparse.Namespace) -> tuple[Plan, str]:
    """The shared deterministic prefecture-scale plan (bench/gen_plan.py)."""
    from bench.gen_plan import generate_plan

    return generate_plan(issues=args.issues, measures=args.measures,
                         data_sources=args.data, kpis=args.kpis), "bench.gen_plan"


def content_of(document) -> list[tuple]:
    """The body as ('p', text) / ('t', rows) / ('img', png) items, for the baseline."""
    items: list[tuple] = []
    images = {rel.rId: rel.target_part.blob for rel in document.part.rels.values()
              if rel.reltype.endswith("/image")}
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            for blip in child.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"):
                items.append(("img", images[blip.get(qn("r:embed"))]))
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            items.append(("p", text))
        elif child.tag == qn("w:tbl"):
            rows = [["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.tc_lst]
                    for tr in child.tr_lst]
            items.append(("t", rows))
    return items


def raw_python_docx(items: list[tuple], out: str) -> None:
    """The baseline: plain python-docx public API writing the same content."""
    document = docx.Document()
    for item in items:
        if item[0] == "p":
            document.add_paragraph(item[1])
        elif item[0] == "img":
            document.add_picture(io.BytesIO(item[1]), width=Emu(5_700_000))
        else:
            rows = item[1]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for row, values in zip(table.rows, rows):
                for cell, value in zip(row.cells, values):
                    cell.text = value
    document.save(out)


def best_of(n: int, fn) -> float:
    """The fastest of ``n`` runs, in seconds (the least disturbed by other processes)."""
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    """Run the benchmark and print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--issues", type=int, default=50)
    parser.add_argument("--measures", type=int, default=200)
    parser.add_argument("--data", type=int, default=300)
    parser.add_argument("--kpis", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    plan, source = make_plan(args)
    with tempfile.TemporaryDirectory() as tmp:
        ours_path, raw_path = Path(tmp) / "ours.docx", str(Path(tmp) / "raw.docx")
        items = content_of(render_document(plan, "prefecture"))
        ours = best_of(args.repeat, lambda: render_plan(plan, ours_path, "prefecture"))
        raw = best_of(args.repeat, lambda: raw_python_docx(items, raw_path))
        tracemalloc.start()
        render_plan(plan, ours_path, "prefecture")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        size = ours_path.stat().st_size
    try:
        import resource

        rss = f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    except ImportError:  # Windows
        rss = "n/a"
    tables = sum(1 for i in items if i[0] == "t")
    print(f"plan: {args.issues} issues, {args.measures} measures, {args.data} data sources, "
          f"{args.kpis} KPIs (generator: {source})")
    print(f"document: {len(items)} body items, {tables} tables, {size / 1024:.0f} KiB")
    print(f"planner render: {ours:.2f} s   raw python-docx: {raw:.2f} s   "
          f"ratio: {ours / raw:.2f}x (target <= 3x)")
    print(f"peak memory: {peak / 2**20:.0f} MiB traced (render), max RSS {rss}")


if __name__ == "__main__":
    main()
