"""The baseline planner's render is measured against: a minimal python-docx script.

    python bench/baseline_docx.py PLAN.yaml OUT.docx

It writes the same facts as ``planner render`` in the plainest way python-docx offers —
the title, a heading and paragraphs per issue and per measure, one KPI table and one data
table — with no template pack, no styles work, no figure and no checks. The plan is read
with PyYAML's C loader and nothing else. ``bench/bench_render.py`` runs this script and
``planner render`` in turn on the same file and prints the ratio of their process times.
"""

from __future__ import annotations

import sys

import docx
import yaml


def _text(value) -> str:
    return "" if value is None else str(value)


def _measurement(m) -> str:
    if not isinstance(m, dict):
        return "—"
    return f"{_text(m.get('value'))}（{_text(m.get('fy'))}年度）"


def write(plan: dict, out: str) -> None:
    """Write the plan's facts to ``out`` with python-docx's public API only."""
    document = docx.Document()
    info = plan.get("plan") or {}
    document.add_heading(_text(info.get("title")), 0)
    sections = info.get("sections") or {}
    document.add_paragraph(_text(sections.get("purpose")))
    document.add_heading("地域課題", 1)
    for issue in plan.get("issues") or []:
        document.add_heading(f"{issue['id']} {issue['title']}", 2)
        document.add_paragraph(_text(issue.get("description")))
        document.add_paragraph(_text(issue.get("evidence")))
    document.add_heading("施策", 1)
    for m in plan.get("measures") or []:
        document.add_heading(f"{m['id']} {m['title']}", 2)
        document.add_paragraph(_text(m.get("description")))
        document.add_paragraph("対応する課題: " + "、".join(m.get("addresses") or []))
        uses = "、".join(_text(u.get("data")) for u in m.get("uses") or [])
        document.add_paragraph(f"担当: {_text(m.get('owner'))}　活用するデータ: {uses}")
    kpis = plan.get("kpis") or []
    document.add_heading("別表1 KPI一覧", 1)
    _table(document, ["指標", "種別", "基準値", "目標値", "出典", "目標値設定の考え方"],
           [[k["title"], _text(k.get("type")), _measurement(k.get("baseline")),
             _measurement(k.get("target")), _text(k.get("source")), _text(k.get("rationale"))]
            for k in kpis])
    sources = plan.get("data_sources") or []
    document.add_heading("別表2 データ一覧", 1)
    _table(document, ["データ名", "取得経路", "区分", "保有課", "形式", "オープンデータ化"],
           [[d["title"], _text(d.get("acquisition")), _text(d.get("category")),
             _text(d.get("holder")), _text(d.get("format")),
             "公開" if (d.get("open_data") or {}).get("publish") else "—"] for d in sources])
    document.save(out)


def _table(document, header: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows) + 1, cols=len(header))
    table.style = "Table Grid"
    for row, values in zip(table.rows, [header, *rows], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value


def main(argv: list[str]) -> int:
    """Load PLAN with yaml.CSafeLoader and write OUT."""
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as fh:
        plan = yaml.load(fh, Loader=yaml.CSafeLoader)
    write(plan, argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
