"""別図: the relationship figure (issues → measures → data → KPIs) drawn with Pillow.

Four columns of boxes joined by arrows. A large plan is split into one figure per issue
(and per group of measures when one issue alone is too big), so each stays readable on an
A4 page. Output is deterministic: same plan, same pixels.
"""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

WIDTH = 1800  # px across A4 text width (~160 mm) → about 285 dpi
MAX_ROWS = 16  # boxes per column that still read at ~7 pt on A4
FONT_PX = 26
PAD = 12
COL_W = 370
HEAD_H = 70
COLORS = {  # (fill, border) per column: issue, measure, data, KPI
    0: ("#FCE9E6", "#B03A2E"), 1: ("#E6EEF8", "#1F3864"),
    2: ("#E8F5EC", "#1E7B45"), 3: ("#FFF5DC", "#9A6A00"),
}
LINE = "#6B6B6B"

_NO_LINE_START = set("）)」』】〕、。，．・ー－…ぁぃぅぇぉっゃゅょァィゥェォッャュョ")
_FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
    "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
    "/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
)
_WINDOWS_FONTS = ("YuGothM.ttc", "YuGothR.ttc", "meiryo.ttc", "msgothic.ttc")


@dataclass(frozen=True)
class Figure:
    """One PNG image and the caption suffix that says which part of the plan it shows."""

    png: bytes
    width: int
    height: int
    part: str  # '' for the whole plan, else the issue it shows


def _font_paths() -> list[Path]:
    paths = [Path(p) for p in _FONT_CANDIDATES]
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
        paths = [windir / name for name in _WINDOWS_FONTS] + paths
    return paths


@cache
def cjk_font(size: int = FONT_PX) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """A font with Japanese glyphs, or Pillow's default when none is installed."""
    for path in _font_paths():
        if path.is_file():
            try:
                return ImageFont.truetype(str(path), size, index=0)
            except OSError:
                continue
    return ImageFont.load_default(size)


@cache
def _char_width(font: Any, ch: str) -> float:
    return font.getlength(ch)


def _wrap(text: str, font: Any, width: int, max_lines: int = 3) -> list[str]:
    """Wrap by character (Japanese has no spaces), ending with … when cut."""
    lines, line, used = [], "", 0.0
    for ch in text:
        w = _char_width(font, ch)
        # 禁則: closing marks never start a line; they hang at the end of the previous one.
        if used + w > width and line and ch not in _NO_LINE_START:
            lines.append(line)
            line, used = ch, w
        else:
            line, used = line + ch, used + w
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and font.getlength(last + "…") > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines or [""]


@dataclass
class _Node:
    key: str
    col: int
    lines: list[str]
    y: int = 0
    h: int = 0


def _issue_word(ctx: dict[str, Any]) -> str:
    return "Issue " if ctx.get("lang") == "en" else "課題"


def _graph(ctx: dict[str, Any], issues: list[dict], measures: list[dict]):
    """Nodes per column and edges, in first-reached order (few crossings, deterministic)."""
    cols: list[list[tuple[str, str]]] = [[], [], [], []]
    seen: set[str] = set()
    edges: list[tuple[str, str]] = []

    def add(col: int, key: str, label: str) -> None:
        if key not in seen:
            seen.add(key)
            cols[col].append((key, label))

    data_titles = {d["id"]: d["title"] for d in ctx["data_sources"]}
    for i in issues:
        add(0, "I:" + i["id"], f"{_issue_word(ctx)}{i['number']} {i['title']}")
    for m in measures:
        add(1, "M:" + m["id"], m["label"])
        edges += [("I:" + i["id"], "M:" + m["id"]) for i in m["issues"]
                  if "I:" + i["id"] in seen]
        for u in m["uses"]:
            if u["data_id"] in data_titles:
                add(2, "D:" + u["data_id"], data_titles[u["data_id"]])
                edges.append(("M:" + m["id"], "D:" + u["data_id"]))
    src_of = {k["id"]: k.get("source_id") for k in ctx["kpis"]}
    for m in measures:
        for k in m["kpis"]:
            add(3, "K:" + k["id"], k["title"])
            src = src_of.get(k["id"])
            start = "D:" + src if src and "D:" + src in seen else "M:" + m["id"]
            edges.append((start, "K:" + k["id"]))
    return cols, list(dict.fromkeys(edges))


def _draw(cols, edges, headers: list[str]) -> Figure:
    font, head_font = cjk_font(FONT_PX), cjk_font(FONT_PX + 4)
    gap = (WIDTH - 4 * COL_W) // 3
    nodes: dict[str, _Node] = {}
    heights = []
    for c, items in enumerate(cols):
        y = HEAD_H + 10
        for key, label in items:
            lines = _wrap(label, font, COL_W - 2 * PAD)
            h = len(lines) * (FONT_PX + 6) + 2 * PAD - 6
            nodes[key] = _Node(key, c, lines, y, h)
            y += h + 14
        heights.append(y)
    height = max(heights) + 10
    img = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(img)
    for c, text in enumerate(headers):
        x = c * (COL_W + gap)
        draw.rectangle([x, 0, x + COL_W, HEAD_H - 14], fill=COLORS[c][1])
        tw = head_font.getlength(text)
        draw.text((x + (COL_W - tw) / 2, 12), text, font=head_font, fill="white")
    for a, b in edges:
        na, nb = nodes.get(a), nodes.get(b)
        if na and nb:
            _arrow(draw, na.col * (COL_W + gap) + COL_W, na.y + na.h // 2,
                   nb.col * (COL_W + gap), nb.y + nb.h // 2)
    for n in nodes.values():
        x = n.col * (COL_W + gap)
        fill, border = COLORS[n.col]
        draw.rounded_rectangle([x, n.y, x + COL_W, n.y + n.h], radius=10, fill=fill,
                               outline=border, width=3)
        for i, line in enumerate(n.lines):
            draw.text((x + PAD, n.y + PAD + i * (FONT_PX + 6) - 2), line, font=font, fill="#1A1A1A")
    buf = io.BytesIO()
    # Few colours: a palette image is a third the size and encodes several times faster.
    img = img.quantize(colors=64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    img.save(buf, format="PNG", compress_level=6)
    return Figure(buf.getvalue(), WIDTH, height, "")


def _arrow(draw: ImageDraw.ImageDraw, x1: int, y1: int, x2: int, y2: int) -> None:
    """A smooth S-curve from (x1, y1) to (x2, y2) ending in a horizontal arrowhead."""
    head = 14
    end = x2 - head
    c1, c2 = (x1 + (end - x1) / 2, y1), (x1 + (end - x1) / 2, y2)
    points = []
    for i in range(25):
        t = i / 24
        u = 1 - t
        points.append((u**3 * x1 + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t**3 * end,
                       u**3 * y1 + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t**3 * y2))
    draw.line(points, fill=LINE, width=3, joint="curve")
    draw.polygon([(x2, y2), (end, y2 - 8), (end, y2 + 8)], fill=LINE)


def _too_big(cols) -> bool:
    return max(len(c) for c in cols) > MAX_ROWS


def _chunks(measures: list[dict], size: int) -> list[list[dict]]:
    return [measures[i:i + size] for i in range(0, len(measures), size)] or [[]]


def relationship_figures(ctx: dict[str, Any], headers: list[str]) -> list[Figure]:
    """The whole plan in one figure, or split by groups of issues so each stays readable."""
    cols, edges = _graph(ctx, ctx["issues"], ctx["measures"])
    if not _too_big(cols):
        return [_draw(cols, edges, headers)]
    figures = []
    for issues, measures, part in _groups(ctx):
        pcols, pedges = _capped(*_graph(ctx, issues, measures), ctx)
        fig = _draw(pcols, pedges, headers)
        figures.append(Figure(fig.png, fig.width, fig.height, part))
    return figures


def _capped(cols, edges, ctx: dict[str, Any]):
    """At most MAX_ROWS boxes a column, the rest summed up in one 「ほか N 件」 box.

    Splitting stops at one measure; a measure with hundreds of KPIs or data sources would
    otherwise make an image taller than any page (or than memory). The tables list them all.
    """
    if not _too_big(cols):
        return cols, edges
    en = ctx.get("lang") == "en"
    kept_cols, kept = [], set()
    for n, col in enumerate(cols):
        if len(col) > MAX_ROWS:
            rest = len(col) - (MAX_ROWS - 1)
            more = f"and {rest} more (see the tables)" if en else f"ほか{rest}件（別表を参照）"
            col = [*col[:MAX_ROWS - 1], (f"more:{n}", more)]
        kept_cols.append(col)
        kept.update(key for key, _label in col)
    return kept_cols, [(a, b) for a, b in edges if a in kept and b in kept]


def _measures_of(ctx: dict[str, Any], issue: dict) -> list[dict]:
    return [m for m in ctx["measures"] if any(i["id"] == issue["id"] for i in m["issues"])]


def _groups(ctx: dict[str, Any]):
    """Consecutive issues that fit one figure; a single too-big issue split by its measures."""
    word = _issue_word(ctx)
    group: list[dict] = []
    for issue in ctx["issues"]:
        trial = group + [issue]
        if _too_big(_graph(ctx, trial, _measures_for(ctx, trial))[0]) and group:
            yield group, _measures_for(ctx, group), _label(word, group)
            trial = [issue]
        group = trial
        if _too_big(_graph(ctx, group, _measures_for(ctx, group))[0]):
            parts = _split(ctx, issue, _measures_of(ctx, issue))
            for n, chunk in enumerate(parts, 1):
                suffix = f"（{n}/{len(parts)}）" if len(parts) > 1 else ""
                yield [issue], chunk, _label(word, [issue]) + suffix
            group = []
    if group:
        yield group, _measures_for(ctx, group), _label(word, group)


def _measures_for(ctx: dict[str, Any], issues: list[dict]) -> list[dict]:
    ids = {i["id"] for i in issues}
    return [m for m in ctx["measures"] if any(i["id"] in ids for i in m["issues"])]


def _label(word: str, issues: list[dict]) -> str:
    if len(issues) == 1:
        return f"{word}{issues[0]['number']} {issues[0]['title']}"
    return f"{word}{issues[0]['number']}〜{issues[-1]['number']}"


def _split(ctx: dict[str, Any], issue: dict, measures: list[dict]) -> list[list[dict]]:
    size = max(1, len(measures))
    while True:
        chunks = _chunks(measures, size)
        if size == 1 or not any(_too_big(_graph(ctx, [issue], c)[0]) for c in chunks):
            return chunks
        size = max(1, size // 2)
