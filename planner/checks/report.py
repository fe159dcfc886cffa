"""Findings as people and scripts read them: grouped text, and the §6 JSON shape."""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING, TextIO

from planner.checks import names
from planner.checks.finding import Finding, Severity, summary
from planner.model import ITEM_KEYS

if TYPE_CHECKING:  # only for the type; the checker never needs the loader
    from planner.planfile import LoadedPlan

_HEADING = {
    Severity.ERROR: ("エラー", "Errors"),
    Severity.WARNING: ("警告", "Warnings"),
    Severity.INFO: ("情報（助言）", "Info (advice)"),
}
_COLOUR = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[1;33m",
           Severity.INFO: "\033[1;36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def format_json(findings: list[Finding], lang: str = "ja") -> str:
    """The domain.md §6 JSON document, ending in a newline."""
    doc = {"findings": [f.to_json(lang) for f in findings], "summary": summary(findings)}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


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
    return f"{code}{text}{_RESET}" if color else text


def _summary_line(counts: dict[str, int], lang: str) -> str:
    if lang == "en":
        return (f"Check result: {counts['error']} error(s), {counts['warning']} warning(s), "
                f"{counts['info']} info")
    return (f"点検結果: エラー {counts['error']}件、警告 {counts['warning']}件、"
            f"情報 {counts['info']}件")


class _Items:
    """Names and file positions of the items findings are filed under."""

    def __init__(self, document: LoadedPlan | None) -> None:
        self.document = document
        self.order: dict[str, int] = {}
        self.names: dict[str, tuple[str, str]] = {}
        if document is None:
            return
        plan = document.plan
        for key in ITEM_KEYS.values():
            for item in getattr(plan, key):
                if item.id in self.order:
                    continue
                self.order[item.id] = len(self.order)
                kind_en = names.kind_word(key, "en")
                en = f'{kind_en[:1].upper()}{kind_en[1:]} "{item.title}" ({item.id})'
                self.names[item.id] = (names.ja(item), en)

    def key(self, item_id: str | None) -> tuple:
        """Plan-level first, then items in file order, unknown ids last."""
        if item_id is None:
            return (0, 0, "")
        return (1, self.order.get(item_id, len(self.order)), item_id)

    def heading(self, item_id: str | None, lang: str) -> str:
        """計画全体 / the item's name, with ``file:line`` when known."""
        if item_id is None:
            return "Whole plan" if lang == "en" else "計画全体"
        ja, en = self.names.get(item_id, (item_id, item_id))
        name = en if lang == "en" else ja
        doc = self.document
        line = doc.locations.get(item_id) if doc is not None else None
        if line is not None and doc.path is not None:
            name += f"  {doc.path}:{line}"
        return name


def _finding_lines(f: Finding, lang: str, color: bool) -> list[str]:
    tag = _paint(f"[{f.rule}]", _BOLD, color)
    en = lang == "en"
    fix, ref, where = ("Fix", "Reference", "Field") if en else ("対応", "根拠", "修正箇所")
    lines = [f"  {tag} {f.message(lang)}", f"      {fix}: {f.fix(lang)}",
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
        lines.append("No findings." if lang == "en" else "指摘事項はありません。")
        return "\n".join(lines) + "\n"
    items = _Items(document)
    for severity in Severity:
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        ja, en = _HEADING[severity]
        title = f"{en} ({len(group)})" if lang == "en" else f"{ja}（{len(group)}件）"
        lines += ["", _paint(f"■ {title}", _COLOUR[severity], color)]
        by_item: dict[str | None, list[Finding]] = {}
        for f in group:
            by_item.setdefault(f.nodes[0] if f.nodes else None, []).append(f)
        for item_id in sorted(by_item, key=items.key):
            lines += ["", items.heading(item_id, lang)]
            for f in sorted(by_item[item_id], key=lambda f: (f.rule, f.nodes, f.field or "")):
                lines += _finding_lines(f, lang, color)
    return "\n".join(lines) + "\n"
