"""Rebuild the built-in packs' reference.docx and logo.png from code (reproducible).

    python templates/_build.py          # writes templates/{municipal,prefecture}/reference.docx

Consultants edit the generated .docx in Word; this script is how the originals are made,
so that a change to the house style is reviewable. Output is committed with the packs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from planner.render import ooxml
from planner.render.marks import LOGO_STYLE

HERE = Path(__file__).resolve().parent
THEMES = {
    "municipal": {
        "body": "游明朝", "heading": "游ゴシック", "accent": "1F3864", "light": "DCE6F2",
        "cover": "centered",
    },
    "prefecture": {
        "body": "游明朝", "heading": "游ゴシック", "accent": "0B5345", "light": "D8EDE4",
        "cover": "band",
    },
}


def _set_fonts(rPr, font: str) -> None:
    fonts = rPr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rPr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme"):
            del fonts.attrib[attr]
    for kind in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{kind}"), font)


def _border(pPr, side: str, color: str, size: int = 12, space: int = 4) -> None:
    borders = pPr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        pPr.append(borders)
    b = OxmlElement(f"w:{side}")
    for k, v in {"val": "single", "sz": str(size), "space": str(space), "color": color}.items():
        b.set(qn(f"w:{k}"), v)
    borders.append(b)


def _shading(pPr, fill: str) -> None:
    shd = OxmlElement("w:shd")
    for k, v in {"val": "clear", "color": "auto", "fill": fill}.items():
        shd.set(qn(f"w:{k}"), v)
    pPr.append(shd)


def _para_style(doc, name: str, base: str | None = None):
    try:
        style = doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base:
        style.base_style = doc.styles[base]
    return style


def _defaults(doc, theme: dict) -> None:
    styles = doc.styles.element
    rPr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    _set_fonts(rPr, theme["body"])
    lang = rPr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rPr.append(lang)
    lang.set(qn("w:eastAsia"), "ja-JP")
    lang.set(qn("w:val"), "ja-JP")
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    pf = normal.paragraph_format
    pf.space_after = Pt(0)
    pf.line_spacing = 1.15
    pf.widow_control = True


def _styles(doc, theme: dict) -> None:
    accent = RGBColor.from_string(theme["accent"])
    body = _para_style(doc, "Body Text", "Normal")
    body.paragraph_format.first_line_indent = Pt(10.5)  # 字下げ one character
    body.paragraph_format.space_after = Pt(4)
    body.paragraph_format.line_spacing = 1.3
    for level, size, before, after in ((1, 16, 0, 12), (2, 13, 14, 6), (3, 11, 10, 4),
                                       (4, 10.5, 8, 3)):
        h = doc.styles[f"Heading {level}"]
        h.font.size, h.font.bold, h.font.color.rgb = Pt(size), True, accent
        h.font.italic = False
        _set_fonts(h.element.get_or_add_rPr(), theme["heading"])
        pf = h.paragraph_format
        pf.space_before, pf.space_after = Pt(before), Pt(after)
        pf.keep_with_next, pf.keep_together = True, True
        pf.first_line_indent = Pt(0)
        pPr = h.element.get_or_add_pPr()
        if level == 1:
            pf.page_break_before = True
            _border(pPr, "bottom", theme["accent"], 18, 6)
        if level == 2 and theme["cover"] == "band":
            _border(pPr, "left", theme["accent"], 36, 6)
        if level == 2 and theme["cover"] == "centered":
            _border(pPr, "bottom", theme["light"], 8, 2)
    title = doc.styles["Title"]
    title.font.size, title.font.bold, title.font.color.rgb = Pt(26), True, accent
    _set_fonts(title.element.get_or_add_rPr(), theme["heading"])
    tpPr = title.element.get_or_add_pPr()
    for b in tpPr.findall(qn("w:pBdr")):
        tpPr.remove(b)
    title.paragraph_format.space_after = Pt(12)
    sub = doc.styles["Subtitle"]
    sub.font.size, sub.font.italic, sub.font.color.rgb = Pt(13), False, RGBColor(0x40, 0x40, 0x40)
    _set_fonts(sub.element.get_or_add_rPr(), theme["heading"])
    cap = _para_style(doc, "Caption", "Normal")
    cap.font.size, cap.font.bold, cap.font.color.rgb = Pt(9.5), True, RGBColor(0x26, 0x26, 0x26)
    _set_fonts(cap.element.get_or_add_rPr(), theme["heading"])
    cap.paragraph_format.space_before, cap.paragraph_format.space_after = Pt(6), Pt(4)
    cap.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fig = _para_style(doc, "Figure", "Normal")
    fig.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fig.paragraph_format.space_before = Pt(6)
    bullet = doc.styles["List Bullet"]
    bullet.paragraph_format.space_after = Pt(2)
    toc_head = _para_style(doc, "TOC Heading", "Normal")
    toc_head.font.size, toc_head.font.bold, toc_head.font.color.rgb = Pt(16), True, accent
    _set_fonts(toc_head.element.get_or_add_rPr(), theme["heading"])
    toc_head.paragraph_format.space_after = Pt(12)
    for level, indent in ((1, 0), (2, 10.5)):
        toc = _para_style(doc, f"toc {level}", "Normal")
        toc.paragraph_format.left_indent = Pt(indent)
        toc.paragraph_format.space_before = Pt(6 if level == 1 else 1)
        toc.font.bold = level == 1
        tabs = toc.paragraph_format.tab_stops
        from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER

        tabs.add_tab_stop(Mm(160), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    cell = _para_style(doc, "Table Text", "Normal")
    cell.font.size = Pt(9.5)
    cell.paragraph_format.line_spacing = 1.0
    small = _para_style(doc, "Table Text Small", "Table Text")
    small.font.size = Pt(8)
    head = _para_style(doc, "Table Heading", "Table Text")
    head.font.bold, head.font.size = True, Pt(9)
    _set_fonts(head.element.get_or_add_rPr(), theme["heading"])
    head.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for name in ("Header", "Footer"):
        hf = doc.styles[name]
        hf.font.size, hf.font.color.rgb = Pt(8.5), RGBColor(0x59, 0x59, 0x59)
    _table_style(doc, theme)


def _table_style(doc, theme: dict) -> None:
    style = doc.styles.add_style("Plan Table", WD_STYLE_TYPE.TABLE)
    style.base_style = doc.styles["Normal Table"]
    el = style.element
    tblPr = el.find(qn("w:tblPr"))
    if tblPr is None:
        tblPr = OxmlElement("w:tblPr")
        el.append(tblPr)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{side}")
        for k, v in {"val": "single", "sz": "4", "space": "0", "color": "7F7F7F"}.items():
            b.set(qn(f"w:{k}"), v)
        borders.append(b)
    tblPr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for side, w in (("top", 40), ("left", 80), ("bottom", 40), ("right", 80)):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), str(w))
        m.set(qn("w:type"), "dxa")
        margins.append(m)
    tblPr.append(margins)
    first = OxmlElement("w:tblStylePr")
    first.set(qn("w:type"), "firstRow")
    rPr = OxmlElement("w:rPr")
    rPr.append(OxmlElement("w:b"))
    first.append(rPr)
    tcPr = OxmlElement("w:tcPr")
    shd = OxmlElement("w:shd")
    for k, v in {"val": "clear", "color": "auto", "fill": theme["light"]}.items():
        shd.set(qn(f"w:{k}"), v)
    tcPr.append(shd)
    first.append(tcPr)
    el.append(first)


def _page_setup(section) -> None:
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(25), Mm(22)
    section.left_margin, section.right_margin = Mm(25), Mm(25)
    section.header_distance, section.footer_distance = Mm(12), Mm(10)


def _p(doc, text: str = "", style: str | None = None, align=None, size: float | None = None,
       bold: bool = False, color: str | None = None):
    p = doc.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        if size:
            run.font.size = Pt(size)
        run.font.bold = bold or None
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
    if align is not None:
        p.alignment = align
    return p


def _logo_slot(doc, align) -> None:
    """An empty paragraph in the 「Cover Logo」 style: where a municipality's emblem goes.

    The built-in packs ship no emblem (a dummy would be wrong for most towns). Insert the
    picture into this paragraph in Word, or put logo.png in the pack folder (docs/templates.md).
    """
    style = _para_style(doc, LOGO_STYLE, "Normal")
    style.paragraph_format.alignment = align
    style.paragraph_format.space_after = Pt(6)
    doc.add_paragraph(style=style)


_TITLE = "{{ plan.title }}{{ draft_mark }}"
_PERIOD = "{% if plan.period %}計画期間　{{ plan.period }}{% endif %}"
_ADOPTED = "{{ plan.adopted_on }}{% if plan.adopted_on %}策定{% endif %}"
_VERSION = "{{ plan.version }}"


def _cover(doc, theme: dict) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    if theme["cover"] == "centered":
        for _ in range(6):
            _p(doc)
        _p(doc, _TITLE, "Title", center)
        _p(doc, _PERIOD, "Subtitle", center)
        for _ in range(15):
            _p(doc)
        _p(doc, _ADOPTED, None, center, 12)
        _p(doc, _VERSION, None, center, 11)
        _p(doc)
        _logo_slot(doc, center)
        _p(doc, "{{ plan.municipality }}", None, center, 18, True, theme["accent"])
        _p(doc, "{{ plan.department }}", None, center, 12)
    else:
        for _ in range(3):
            _p(doc)
        _logo_slot(doc, WD_ALIGN_PARAGRAPH.LEFT)
        band = _p(doc, _TITLE, "Title", WD_ALIGN_PARAGRAPH.LEFT)
        band.runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        pPr = band._p.get_or_add_pPr()
        _shading(pPr, theme["accent"])
        band.paragraph_format.space_before = Pt(6)
        sub = _p(doc, _PERIOD, "Subtitle", WD_ALIGN_PARAGRAPH.LEFT)
        _border(sub._p.get_or_add_pPr(), "bottom", theme["accent"], 12, 4)
        for _ in range(12):
            _p(doc)
        right = WD_ALIGN_PARAGRAPH.RIGHT
        _p(doc, _ADOPTED, None, right, 12)
        _p(doc, _VERSION, None, right, 11)
        _p(doc, "{{ plan.municipality }}", None, right, 20, True, theme["accent"])
        _p(doc, "{{ plan.department }}", None, right, 12)


def _body_section(doc, theme: dict) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _page_setup(section)
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    hp = section.header.paragraphs[0]
    hp.text = "{{ plan.title }}{{ draft_mark }}"
    hp.style = doc.styles["Header"]
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _border(hp._p.get_or_add_pPr(), "bottom", theme["accent"], 6, 2)
    fp = section.footer.paragraphs[0]
    fp.style = doc.styles["Footer"]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("– ")
    ooxml.add_field(fp, "PAGE", "1")
    fp.add_run(" –")
    pg = OxmlElement("w:pgNumType")
    pg.set(qn("w:start"), "1")
    section._sectPr.append(pg)
    doc.add_paragraph("{{ content }}")


def build(pack: str) -> Path:
    """Write ``templates/<pack>/reference.docx``; return its path."""
    theme = THEMES[pack]
    doc = Document()
    _page_setup(doc.sections[0])
    _defaults(doc, theme)
    _styles(doc, theme)
    body = doc.element.body
    for p in list(body.findall(qn("w:p"))):
        body.remove(p)
    _cover(doc, theme)
    _body_section(doc, theme)
    ooxml.ensure_east_asian_fonts(doc, theme["body"], theme["heading"])
    ooxml.declare_font_fallbacks(doc)
    props = doc.core_properties
    # A rendered plan gets its own title, author and dates (planner.render.marks).
    props.author, props.title, props.comments = "", "", ""
    props.last_modified_by = ""
    props.language = "ja-JP"
    import datetime as dt

    stamp = dt.datetime(2025, 1, 1)  # noqa: DTZ001 (a fixed stamp: the file builds reproducibly)
    props.created = props.modified = stamp
    props.revision = 1
    out = HERE / pack / "reference.docx"
    doc.save(str(out))
    return out


if __name__ == "__main__":
    for name in THEMES:
        print(build(name))
