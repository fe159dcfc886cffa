"""Formatted UI strings go one way: ``fill(translate(context, source), *values)``.

``fill`` puts values into %1…%9 in one pass, so a title that itself contains "%2" is shown
as typed (chained ``.replace("%1", …).replace("%2", …)`` rewrote it). The catalogue check
makes sure each source and its English translation carry the markers the call fills.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from planner.ui.i18n import fill

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "planner" / "ui"
MARK = re.compile(r"%(\d)")


def test_fill_puts_each_value_once_in_one_pass():
    assert fill("「%1」を%2へ", "100%2", "B") == "「100%2」をBへ"
    assert fill("ステップ%1（Ctrl+%1）", 3) == "ステップ3（Ctrl+3）"
    assert fill("%1 と %2", "a") == "a と %2"  # a missing value leaves its marker


def _translate_calls(node: ast.expr) -> list[ast.Call]:
    if isinstance(node, ast.IfExp):
        return _translate_calls(node.body) + _translate_calls(node.orelse)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "translate" and len(node.args) == 2
            and all(isinstance(a, ast.Constant) for a in node.args)):
        return [node]
    return []


def _fill_calls():
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id == "fill":
                yield path, node


def _catalogue() -> dict[tuple[str, str], str]:
    tree = ET.parse(ROOT / "resources" / "i18n" / "planner_en.ts")
    return {(ctx.findtext("name"), m.findtext("source")): m.findtext("translation") or ""
            for ctx in tree.iter("context") for m in ctx.iter("message")}


def test_every_formatted_string_is_translated_with_the_markers_it_is_filled_with():
    english = _catalogue()
    calls = list(_fill_calls())
    assert len(calls) > 40
    for path, call in calls:
        where = f"{path.relative_to(ROOT)}:{call.lineno}"
        sources = _translate_calls(call.args[0])
        assert sources, f"{where}: fill's first argument must be translate(context, \"…\")"
        wanted = {str(n) for n in range(1, len(call.args))}
        for source in sources:
            context, text = (a.value for a in source.args)
            assert set(MARK.findall(text)) == wanted, where
            assert set(MARK.findall(english[(context, text)])) == wanted, where


def test_no_translated_string_is_formatted_by_replace():
    for path in sorted(UI.rglob("*.py")):
        found = re.search(r'\.replace\(\s*"%\d"', path.read_text(encoding="utf-8"))
        assert found is None, f"{path.relative_to(ROOT)}: use fill(translate(…), …)"
