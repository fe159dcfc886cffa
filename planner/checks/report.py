"""Findings as people and scripts read them: grouped text, CSV, and the §6 JSON shape.

What a plan says is quoted in findings (titles, ids), so every output here is built for a
hostile plan (docs/security.md T5): text never carries raw control sequences (a terminal
would obey them), CSV cells never start like a formula (a spreadsheet would run it), JSON
escapes what a terminal could take for a command and stays valid JSON.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from typing import TYPE_CHECKING, TextIO

from planner.checks import names
from planner.checks.finding import Finding, Severity, summary
from planner.plan.bilingual import Text
from planner.plan.model import LISTED_KINDS

if TYPE_CHECKING:  # only for the type; the checker never needs the loader
    from planner.files.planfile import LoadedPlan

_HEADING = {
    Severity.ERROR: Text("エラー（{n}件）", "Errors ({n})"),
    Severity.WARNING: Text("警告（{n}件）", "Warnings ({n})"),
    Severity.INFO: Text("情報（助言）（{n}件）", "Info (advice) ({n})"),
}
_CSV_HEADER = (Text("重要度", "severity"), Text("ルール", "rule"), Text("対象", "nodes"),
               Text("内容", "message"), Text("根拠", "reference"), Text("対処", "fix"),
               Text("項目", "field"))
_LINE_WORDS = (Text("対応", "Fix"), Text("根拠", "Reference"), Text("修正箇所", "Field"))
_COLOUR = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[1;33m",
           Severity.INFO: "\033[1;36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


#: Characters a terminal may act on or that reorder what is shown: C0 controls (newline
#: and tab too: inside a quoted title they would fake lines and columns), DEL, C1 controls
#: (U+009B is a CSI by itself), bidi overrides and isolates, line and paragraph separators.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: The same, less what JSON escapes by itself (C0): these are left raw by ensure_ascii=False.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """``text`` with every control, escape and bidi character shown as ``\\x1b``-style text."""
    return _UNSAFE.sub(_visible, text)


def format_json(findings: list[Finding], lang: str = "ja") -> str:
    """The domain.md §6 JSON document, ending in a newline.

    Characters a terminal could obey are written as ``\\u`` escapes: the same JSON value,
    safe to print."""
    doc = {"findings": [f.to_json(lang) for f in findings], "summary": summary(findings)}
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


#: A cell starting with one of these is a formula to Excel, LibreOffice and Sheets (OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """``value`` made inert for a spreadsheet: a leading ``'`` before a formula start."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def format_csv(findings: list[Finding], lang: str = "ja") -> str:
    """The findings as CSV text (header + one row per finding), no cell a formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # CRLF: what Excel writes itself
    writer.writerow([head.get(lang) for head in _CSV_HEADER])
    for f in findings:
        # English CSV keeps the code (error), as the JSON does; Japanese says エラー.
        severity = Text(f.severity.label("ja"), str(f.severity)).get(lang)
        row = [severity, f.rule, " ".join(f.nodes), f.message(lang), f.reference(lang),
               f.fix(lang), f.field or ""]
        writer.writerow([csv_cell(cell) for cell in row])
    return buffer.getvalue()


def supports_color(stream: TextIO) -> bool:
    """True when ``stream`` is a terminal that shows ANSI colours (``NO_COLOR`` turns them off)."""
    isatty = getattr(stream, "isatty", None)
    if os.environ.get("NO_COLOR") or isatty is None or not isatty():
        return False
    if sys.platform == "win32":
        return _enable_windows_vt()
    return os.environ.get("TERM") != "dumb"


def _enable_windows_vt() -> bool:  # pragma: no cover - Windows only
    """Ask the Windows console to interpret ANSI sequences; False on consoles that cannot."""
    if sys.platform != "win32":  # (also tells mypy that what follows is Windows-only)
        return False
    try:
        import ctypes
        from ctypes import wintypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.GetStdHandle(-11)  # STD_OUTPUT_HANDLE
        mode = wintypes.DWORD()
        if not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
            return False
        # ENABLE_VIRTUAL_TERMINAL_PROCESSING: without it old consoles print the raw escapes
        return bool(kernel32.SetConsoleMode(handle, mode.value | 0x0004))
    except (AttributeError, OSError):
        return False


def _paint(text: str, code: str, color: bool) -> str:
    """``text`` (made terminal-safe) in colour ``code``: our escapes are the only ones out."""
    text = terminal_safe(text)
    return f"{code}{text}{_RESET}" if color else text


def _summary_line(counts: dict[str, int], lang: str) -> str:
    return Text("点検結果: エラー {error}件、警告 {warning}件、情報 {info}件",
                "Check result: {error} error(s), {warning} warning(s), {info} info"
                ).format(**counts).get(lang)


class _Items:
    """Names and file positions of the items findings are filed under."""

    def __init__(self, document: LoadedPlan | None) -> None:
        self.document = document
        self.order: dict[str, int] = {}
        self.names: dict[str, Text] = {}
        if document is None:
            return
        plan = document.plan
        for kind in LISTED_KINDS:
            for item in kind.items(plan):
                if item.id in self.order:
                    continue
                self.order[item.id] = len(self.order)
                kind_en = kind.word("en")
                en = f'{kind_en[:1].upper()}{kind_en[1:]} "{item.title}" ({item.id})'
                self.names[item.id] = Text(names.ja(item), en)

    def key(self, item_id: str | None) -> tuple:
        """Plan-level first, then items in file order, unknown ids last."""
        if item_id is None:
            return (0, 0, "")
        return (1, self.order.get(item_id, len(self.order)), item_id)

    def heading(self, item_id: str | None, lang: str) -> str:
        """計画全体 / the item's name, with ``file:line`` when known."""
        if item_id is None:
            return Text("計画全体", "Whole plan").get(lang)
        name = self.names.get(item_id, Text(item_id, item_id)).get(lang)
        doc = self.document
        line = doc.locations.get(item_id) if doc is not None else None
        if doc is not None and line is not None and doc.path is not None:
            name += f"  {doc.path}:{line}"
        return name


def _finding_lines(f: Finding, lang: str, color: bool) -> list[str]:
    tag = _paint(f"[{f.rule}]", _BOLD, color)
    fix, ref, where = (word.get(lang) for word in _LINE_WORDS)
    lines = [f"  {tag} {terminal_safe(f.message(lang))}", f"      {fix}: {terminal_safe(f.fix(lang))}",
             _paint(f"      {ref}: {f.reference(lang)}", _DIM, color)]
    if f.field:
        lines.append(_paint(f"      {where}: {f.field}", _DIM, color))
    return lines


def format_text(findings: list[Finding], lang: str = "ja", color: bool = False,
                document: LoadedPlan | None = None) -> str:
    """A report grouped by severity, then by item (with ``file:line``), ending in a newline."""
    from planner.checks.readiness import readiness_line

    counts = summary(findings)
    lines = [_paint(_summary_line(counts, lang), _BOLD, color), readiness_line(findings, lang)]
    if not findings:
        lines.append(Text("指摘事項はありません。", "No findings.").get(lang))
        return "\n".join(lines) + "\n"
    items = _Items(document)
    for severity in Severity:
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        title = _HEADING[severity].format(n=len(group)).get(lang)
        lines += ["", _paint(f"■ {title}", _COLOUR[severity], color)]
        by_item: dict[str | None, list[Finding]] = {}
        for f in group:
            by_item.setdefault(f.nodes[0] if f.nodes else None, []).append(f)
        for item_id in sorted(by_item, key=items.key):
            lines += ["", terminal_safe(items.heading(item_id, lang))]
            for f in sorted(by_item[item_id], key=lambda f: (f.rule, f.nodes, f.field or "")):
                lines += _finding_lines(f, lang, color)
    return "\n".join(lines) + "\n"
