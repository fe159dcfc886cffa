"""別図: the relationship figure (issues → measures → data → KPIs) drawn with Pillow.

Four columns of boxes joined by arrows. A large plan is split into figures by groups of
consecutive issues (and by groups of measures when one issue alone is too big), so each
stays readable on an A4 page. Each measure is drawn once, in the figure of the first issue
it lists, with an arrow from every issue it addresses: a dense plan (every measure
addressing every issue) makes no more figures than it has measures, and every figure is
capped at MAX_ROWS boxes a column, so the figures grow linearly with the plan; past
MAX_FIGURES, neighbouring groups share a figure, so any plan the loader accepts stays bounded.
Output is deterministic: same plan, same pixels.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

WIDTH = 1800  # px across A4 text width (~160 mm) → about 285 dpi
MAX_ROWS = 16  # boxes per column that still read at ~7 pt on A4
#: At most this many figures (four times a prefecture's plan needs 100): beyond it,
#: consecutive groups share a figure, its columns summed up in 「ほか N 件」 boxes.
MAX_FIGURES = 120
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
_NO_LINE_END = set("（(「『【〔")  # opening marks go down with what they open
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
            carry = line[-1] if len(line) > 1 and line[-1] in _NO_LINE_END else ""
            lines.append(line[:-1] if carry else line)
            line, used = carry + ch, w + (_char_width(font, carry) if carry else 0.0)
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


class _Index:
    """What the figures look up per item, built once per document (not per trial group)."""

    def __init__(self, ctx: dict[str, Any]) -> None:
        self.word = _issue_word(ctx)
        self.data_titles = {d["id"]: d["title"] for d in ctx["data_sources"]}
        self.src_of = {k["id"]: k.get("source_id") for k in ctx["kpis"]}
        self.issue_by_id = {i["id"]: i for i in ctx["issues"]}
        self.owned: dict[str, list[dict]] = {}  # issue id → measures drawn in its figure
        self.position = {m["id"]: n for n, m in enumerate(ctx["measures"])}
        for m in ctx["measures"]:
            owner = next((i["id"] for i in m["issues"] if i["id"] in self.issue_by_id), None)
            if owner is not None:
                self.owned.setdefault(owner, []).append(m)


#: The figure's four columns (issues, measures, data, KPIs) of (node key, label), and its arrows.
_Columns = list[list[tuple[str, str]]]
_Edges = list[tuple[str, str]]
#: One figure's part of the plan: its issues, its measures (context dicts) and its caption.
_Group = tuple[list[dict], list[dict], str]


def _graph(ctx: dict[str, Any], issues: list[dict], measures: list[dict],
           index: _Index | None = None, others: bool = False) -> tuple[_Columns, _Edges]:
    """Nodes per column and edges, in first-reached order (few crossings, deterministic).

    With ``others``, the other issues the measures address are added after ``issues``, so
    every arrow into a measure is drawn where the measure is.
    """
    index = index or _Index(ctx)
    cols: _Columns = [[], [], [], []]
    seen: set[str] = set()
    edges: _Edges = []

    def add(col: int, key: str, label: str) -> None:
        if key not in seen:
            seen.add(key)
            cols[col].append((key, label))

    data_titles = index.data_titles
    for i in issues:
        add(0, "I:" + i["id"], f"{index.word}{i['number']} {i['title']}")
    if others:
        for m in measures:
            for i in m["issues"]:
                add(0, "I:" + i["id"], f"{index.word}{i['number']} {i['title']}")
    for m in measures:
        add(1, "M:" + m["id"], m["label"])
        edges += [("I:" + i["id"], "M:" + m["id"]) for i in m["issues"]
                  if "I:" + i["id"] in seen]
        for u in m["uses"]:
            if u["data_id"] in data_titles:
                add(2, "D:" + u["data_id"], data_titles[u["data_id"]])
                edges.append(("M:" + m["id"], "D:" + u["data_id"]))
    src_of = index.src_of
    for m in measures:
        for k in m["kpis"]:
            add(3, "K:" + k["id"], k["title"])
            src = src_of.get(k["id"])
            start = "D:" + src if src and "D:" + src in seen else "M:" + m["id"]
            edges.append((start, "K:" + k["id"]))
    return cols, list(dict.fromkeys(edges))


def _draw(cols: _Columns, edges: _Edges, headers: list[str]) -> Figure:
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
    # Drawn straight into palette indices (an "L" canvas given the palette at the end):
    # shapes are never anti-aliased, and each glyph is painted as shades of a ramp of
    # TEXT_LEVELS between its colour and the box it sits on — no RGB image, no quantizing.
    ink = _palette_index()
    img = Image.new("L", (WIDTH, height), ink["white"])
    draw = ImageDraw.Draw(img)
    for c, label in enumerate(headers):
        x = c * (COL_W + gap)
        draw.rectangle([x, 0, x + COL_W, HEAD_H - 14], fill=ink[COLORS[c][1]])
        tw = sum(_char_width(head_font, ch) for ch in label)
        _text(img, x + (COL_W - tw) / 2, 12, label, head_font, ink[("head", c)])
    for a, b in edges:
        na, nb = nodes.get(a), nodes.get(b)
        if na and nb:
            _arrow(draw, na.col * (COL_W + gap) + COL_W, na.y + na.h // 2,
                   nb.col * (COL_W + gap), nb.y + nb.h // 2, ink[LINE])
    core = img.im
    for n in nodes.values():
        x = n.col * (COL_W + gap)
        box, covered = _box(n.col, n.h)  # boxes of one column and height are all alike
        core.paste(box, (x, n.y, x + COL_W + 1, n.y + n.h + 1), covered)
        ramp = ink[("body", n.col)]
        for i, line in enumerate(n.lines):
            _text(img, x + PAD, n.y + PAD + i * (FONT_PX + 6) - 2, line, font, ramp)
    img.putpalette(_palette())  # the "L" canvas becomes a "P" image, no copy
    buf = io.BytesIO()
    # zlib level 3: half the encoding time of the default 6, for PNGs about a fifth larger.
    img.save(buf, format="PNG", compress_level=3)
    return Figure(buf.getvalue(), WIDTH, height, "")


@cache
def _box(col: int, h: int) -> tuple[Any, Any]:
    """A node's rounded box in column ``col`` as palette indices (core image), and the mask
    of the pixels it covers (its corners leave the arrows beneath alone); drawn once per
    column and height, as ``rounded_rectangle`` draws it in place (integer positions only
    move it). A prefecture plan's figures have a thousand boxes of a few heights."""
    fill, border = COLORS[col]
    ink = _palette_index()
    box = Image.new("L", (COL_W + 1, h + 1), 0)
    covered = Image.new("L", (COL_W + 1, h + 1), 0)
    ImageDraw.Draw(box).rounded_rectangle([0, 0, COL_W, h], radius=10, fill=ink[fill],
                                          outline=ink[border], width=3)
    ImageDraw.Draw(covered).rounded_rectangle([0, 0, COL_W, h], radius=10, fill=255,
                                              outline=255, width=3)
    return box.im, covered.im


@cache
def _glyph(font: Any, ch: str, ramp: int) -> tuple[Any, Any, tuple[int, int, int, int]] | None:
    """A character as palette indices of ``ramp`` (core image), the mask of its inked pixels
    and its box relative to the pen; rendered once per font, character and ramp.

    Rasterising each line anew cost 1.5 ms (a prefecture plan's figures have thousands of
    lines); Japanese needs no shaping, so pasting cached glyphs gives the same picture.
    """
    found = _coverage(font, ch)
    if found is None:  # a space
        return None
    core, box = found
    to_index, to_mask = _ramp_luts(ramp)
    # Straight to the core: Image.point would round its 256 integers again on every call.
    return core.point(to_index, None), core.point(to_mask, None), box


@cache
def _coverage(font: Any, ch: str) -> tuple[Any, tuple[int, int, int, int]] | None:
    """A character's anti-aliased coverage (core "L" image) and its box relative to the
    pen, rasterised once per font whatever the colours it is drawn in; None for a space."""
    left, top, right, bottom = font.getbbox(ch)
    if right <= left or bottom <= top:
        return None
    coverage = Image.new("L", (right - left, bottom - top), 0)
    ImageDraw.Draw(coverage).text((-left, -top), ch, font=font, fill=255)
    return coverage.im, (left, top, right, bottom)


def _text(img: Image.Image, x: float, y: float, line: str, font: Any, ramp: int) -> None:
    """Paint ``line`` in the shades of ``ramp`` with its top-left (ascender) at (x, y)."""
    core = img.im  # thousands of glyphs: straight to the core, past Image.paste's checks
    known = _glyphs(font, ramp)  # one dict look-up a character
    for ch in line:
        if ch not in known:
            known[ch] = (_glyph(font, ch, ramp), _char_width(font, ch))
        glyph, advance = known[ch]
        if glyph is not None:
            shades, inked, (left, top, right, bottom) = glyph
            gx, gy = int(x), int(y)
            core.paste(shades, (gx + left, gy + top, gx + right, gy + bottom), inked)
        x += advance


@cache
def _glyphs(font: Any, ramp: int) -> dict[str, tuple[Any, float]]:
    """Character → (its _glyph, its advance) for one font and ramp, filled as text is drawn."""
    return {}


TEXT_COLOR = "#1A1A1A"
TEXT_LEVELS = 15  # shades of anti-aliased text per (text colour, background) pair


def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


@cache
def _palette_table() -> tuple[dict[Any, int], tuple[int, ...]]:
    """Palette indices of the figure's colours and text ramps, and the flat RGB palette."""
    colors = ["#FFFFFF", LINE, TEXT_COLOR] + [c for pair in COLORS.values() for c in pair]
    index: dict[Any, int] = {}
    rgb: list[tuple[int, int, int]] = []
    for color in colors:
        if color not in index:
            index[color] = len(rgb)
            rgb.append(_rgb(color))
    index["white"] = index["#FFFFFF"]
    ramps = [(("head", c), COLORS[c][1], "#FFFFFF") for c in range(4)]
    ramps += [(("body", c), COLORS[c][0], TEXT_COLOR) for c in range(4)]
    for key, bg, fg in ramps:
        index[key] = len(rgb)  # level 1 … TEXT_LEVELS follow one another
        (br, bgn, bb), (fr, fgn, fb) = _rgb(bg), _rgb(fg)
        for level in range(1, TEXT_LEVELS + 1):
            t = level / TEXT_LEVELS
            rgb.append((round(br + (fr - br) * t), round(bgn + (fgn - bgn) * t),
                        round(bb + (fb - bb) * t)))
    return index, tuple(v for color in rgb for v in color)


def _palette_index() -> dict[Any, int]:
    return _palette_table()[0]


def _palette() -> list[int]:
    return list(_palette_table()[1])


def _level(alpha: int) -> int:
    return (alpha * TEXT_LEVELS + 127) // 255


@cache
def _ramp_luts(base: int) -> tuple[list[int], list[int]]:
    """(alpha → palette index, alpha → paste mask) for a ramp starting at ``base``."""
    to_index = [base + _level(a) - 1 if _level(a) else 0 for a in range(256)]
    to_mask = [255 if _level(a) else 0 for a in range(256)]
    return to_index, to_mask


#: The cubic Bézier's weights at 25 points, multiplied out as the per-point formula
#: ``u**3 * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t**3 * p3`` does (same floats).
_BEZIER = tuple((u**3, 3 * u * u * t, 3 * u * t * t, t**3)
                for t, u in ((i / 24, 1 - i / 24) for i in range(25)))


def _arrow(draw: ImageDraw.ImageDraw, x1: int, y1: int, x2: int, y2: int,
           color: Any = LINE) -> None:
    """A smooth S-curve from (x1, y1) to (x2, y2) ending in a horizontal arrowhead."""
    head = 14
    end = x2 - head
    cx = x1 + (end - x1) / 2  # both control points: (cx, y1) and (cx, y2)
    points = [(a * x1 + b * cx + c * cx + d * end, a * y1 + b * y1 + c * y2 + d * y2)
              for a, b, c, d in _BEZIER]
    draw.line(points, fill=color, width=3, joint="curve")
    draw.polygon([(x2, y2), (end, y2 - 8), (end, y2 + 8)], fill=color)


def _too_big(cols: _Columns) -> bool:
    return max(len(c) for c in cols) > MAX_ROWS


def _chunks(measures: list[dict], size: int) -> list[list[dict]]:
    return [measures[i:i + size] for i in range(0, len(measures), size)] or [[]]


def relationship_figures(ctx: dict[str, Any], headers: list[str]) -> list[Figure]:
    """The whole plan in one figure, or split by groups of issues so each stays readable."""
    index = _Index(ctx)
    cols, edges = _graph(ctx, ctx["issues"], ctx["measures"], index)
    if not _too_big(cols):
        return [_draw(cols, edges, headers)]
    figures = []
    for issues, measures, part in _merged(list(_groups(ctx, index)), index):
        pcols, pedges = _capped(*_graph(ctx, issues, measures, index, others=True), ctx)
        fig = _draw(pcols, pedges, headers)
        figures.append(Figure(fig.png, fig.width, fig.height, part))
    return figures


def _capped(cols: _Columns, edges: _Edges, ctx: dict[str, Any]) -> tuple[_Columns, _Edges]:
    """At most MAX_ROWS boxes a column, the rest summed up in one 「ほか N 件」 box.

    Splitting stops at one measure; a measure with hundreds of KPIs or data sources would
    otherwise make an image taller than any page (or than memory). The tables list them all.
    """
    if not _too_big(cols):
        return cols, edges
    en = ctx.get("lang") == "en"
    kept_cols: _Columns = []
    kept: set[str] = set()
    for n, col in enumerate(cols):
        shown = col
        if len(col) > MAX_ROWS:
            rest = len(col) - (MAX_ROWS - 1)
            more = f"and {rest} more (see the tables)" if en else f"ほか{rest}件（別表を参照）"
            shown = [*col[:MAX_ROWS - 1], (f"more:{n}", more)]
        kept_cols.append(shown)
        kept.update(key for key, _label in shown)
    return kept_cols, [(a, b) for a, b in edges if a in kept and b in kept]


def _groups(ctx: dict[str, Any], index: _Index) -> Iterator[_Group]:
    """Consecutive issues that fit one figure; a single too-big issue split by its measures.

    A group shows the measures whose first issue is in it (each measure once in all the
    figures); whether it fits is judged without the other issues those measures address,
    which the drawing adds (capped) so that their arrows are not lost.
    """
    word = index.word
    group: list[dict] = []
    group_measures: list[dict] = []

    def fits(issues: list[dict], measures: list[dict]) -> bool:
        return not _too_big(_graph(ctx, issues, measures, index)[0])

    for issue in ctx["issues"]:
        own = index.owned.get(issue["id"], [])
        if group and not fits([*group, issue], _in_order(index, group_measures + own)):
            yield group, group_measures, _label(word, group)
            group, group_measures = [], []
        group, group_measures = [*group, issue], _in_order(index, group_measures + own)
        if not fits(group, group_measures):  # one issue alone is too big
            parts = _split(ctx, index, issue, own)
            for n, chunk in enumerate(parts, 1):
                suffix = f"（{n}/{len(parts)}）" if len(parts) > 1 else ""
                yield [issue], chunk, _label(word, [issue]) + suffix
            group, group_measures = [], []
    if group:
        yield group, group_measures, _label(word, group)


def _merged(groups: list[_Group], index: _Index) -> list[_Group]:
    """At most MAX_FIGURES groups: past that, consecutive groups are drawn together."""
    if len(groups) <= MAX_FIGURES:
        return groups
    per = -(-len(groups) // MAX_FIGURES)
    out = []
    for start in range(0, len(groups), per):
        chunk = groups[start:start + per]
        issues = list({i["id"]: i for g in chunk for i in g[0]}.values())
        measures = _in_order(index, list({m["id"]: m for g in chunk for m in g[1]}.values()))
        out.append((issues, measures, _label(index.word, issues)))
    return out


def _in_order(index: _Index, measures: list[dict]) -> list[dict]:
    """Measures in plan order, as the single whole-plan figure draws them."""
    return sorted(measures, key=lambda m: index.position[m["id"]])


def _label(word: str, issues: list[dict]) -> str:
    if len(issues) == 1:
        return f"{word}{issues[0]['number']} {issues[0]['title']}"
    return f"{word}{issues[0]['number']}〜{issues[-1]['number']}"


def _split(ctx: dict[str, Any], index: _Index, issue: dict,
           measures: list[dict]) -> list[list[dict]]:
    size = max(1, len(measures))
    while True:
        chunks = _chunks(measures, size)
        if size == 1 or not any(_too_big(_graph(ctx, [issue], c, index)[0]) for c in chunks):
            return chunks
        size = max(1, size // 2)
