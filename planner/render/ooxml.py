"""Small WordprocessingML helpers python-docx has no API for.

Fields (PAGE, TOC), repeated table header rows, fixed table widths, cell shading,
East-Asian fonts on styles, the font table's fallback names and update-fields-on-open.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row, CT_Tbl, CT_TblPr, CT_Tc
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.styles.style import CharacterStyle
from docx.text.paragraph import Paragraph
from lxml import etree

#: Japanese fonts and the fallback Word uses where they are missing (older Windows).
FONT_FALLBACKS = {"游明朝": "ＭＳ 明朝", "游ゴシック": "ＭＳ ゴシック",
                  "Yu Mincho": "MS Mincho", "Yu Gothic": "MS Gothic"}


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _el(tag: str, **attrs: str) -> BaseOxmlElement:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def add_field(paragraph: Paragraph, instruction: str, result: str = "") -> None:
    """Append a complex field (begin/instr/separate/result/end) to ``paragraph``."""
    p = paragraph._p
    for part in ("begin", "instr", "separate", "result", "end"):
        r = _el("w:r")
        if part == "instr":
            t = _el("w:instrText")
            t.set(qn("xml:space"), "preserve")
            t.text = f" {instruction} "
            r.append(t)
        elif part == "result":
            t = _el("w:t")
            t.text = result
            r.append(t)
        else:
            r.append(_el("w:fldChar", fldCharType=part))
        p.append(r)


def field_begin(paragraph: Paragraph, instruction: str) -> None:
    """Open a field whose cached result spans the following paragraphs."""
    p = paragraph._p
    r = _el("w:r")
    r.append(_el("w:fldChar", fldCharType="begin", dirty="true"))
    p.append(r)
    r = _el("w:r")
    t = _el("w:instrText")
    t.set(qn("xml:space"), "preserve")
    t.text = f" {instruction} "
    r.append(t)
    p.append(r)
    r = _el("w:r")
    r.append(_el("w:fldChar", fldCharType="separate"))
    p.append(r)


def field_end(paragraph: Paragraph) -> None:
    """Close a field opened with :func:`field_begin`."""
    r = _el("w:r")
    r.append(_el("w:fldChar", fldCharType="end"))
    paragraph._p.append(r)


def repeat_header(tr: CT_Row) -> None:
    """Mark a table row as a header row repeated on every page (w:tblHeader)."""
    trPr = tr.get_or_add_trPr()
    trPr.append(_el("w:tblHeader"))


def cant_split(tr: CT_Row) -> None:
    """Keep a row on one page (short rows only; Word ignores it for rows taller than a page)."""
    tr.get_or_add_trPr().append(_el("w:cantSplit"))


def keep_rows_together(rows: Sequence[CT_Row]) -> None:
    """Keep a table on one page: every row's paragraphs keep with the next, but the last's."""
    for tr in rows[:-1]:
        for tc in tr.tc_lst:
            for p in tc.p_lst:
                p.get_or_add_pPr().keepNext_val = True


def fix_table_widths(tbl: CT_Tbl, widths: list[int]) -> None:
    """Fixed layout with the given column widths in twips (their sum is the table width)."""
    tblPr = tbl.tblPr
    for tag in ("w:tblW", "w:tblLayout"):
        old = tblPr.find(qn(tag))
        if old is not None:
            tblPr.remove(old)
    tblW = _el("w:tblW", w=str(sum(widths)), type="dxa")
    layout = _el("w:tblLayout", type="fixed")
    # Schema order inside tblPr: tblStyle, …, tblW, jc, …, tblLayout, …; insert safely.
    style = tblPr.find(qn("w:tblStyle"))
    tblPr.insert(1 if style is not None else 0, tblW)
    tblPr.append(layout)
    _order_tblpr(tblPr)
    grid = tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=False):  # (as many as both)
        col.set(qn("w:w"), str(width))


_TBLPR_ORDER = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
                "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
                "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription"]


def _order_tblpr(tblPr: CT_TblPr) -> None:
    children = list(tblPr)
    rank = {qn(f"w:{n}"): i for i, n in enumerate(_TBLPR_ORDER)}
    children.sort(key=lambda c: rank.get(c.tag, len(rank)))
    for child in children:
        tblPr.append(child)


def fill_cell_paragraph(p: CT_P, text: str, style_id: str | None, center: bool) -> None:
    """Write styled text into a cell's empty paragraph (lines split by w:br), quickly.

    Table-heavy plans have tens of thousands of cells; building the few elements directly
    is several times faster than python-docx's generic child insertion.
    """
    if style_id or center:
        pPr = etree.SubElement(p, _W + "pPr")
        if style_id:
            etree.SubElement(pPr, _W + "pStyle").set(_W + "val", style_id)
        if center:
            etree.SubElement(pPr, _W + "jc").set(_W + "val", "center")
    if not text:
        return
    r = etree.SubElement(p, _W + "r")
    for n, line in enumerate(text.split("\n")):
        if n:
            etree.SubElement(r, _W + "br")
        t = etree.SubElement(r, _W + "t")
        t.text = line
        if line != line.strip():
            t.set(_XML_SPACE, "preserve")


def set_cell_width(tc: CT_Tc, width: int) -> None:
    """Set a cell's width in twips (tcW)."""
    tcPr = tc.get_or_add_tcPr()
    tcW = tcPr.find(qn("w:tcW"))
    if tcW is None:
        tcW = _el("w:tcW")
        tcPr.insert(0, tcW)
    tcW.set(qn("w:w"), str(width))
    tcW.set(qn("w:type"), "dxa")


def shade_cell(tc: CT_Tc, fill: str) -> None:
    """Fill a cell with a solid colour (hex RRGGBB)."""
    tcPr = tc.get_or_add_tcPr()
    old = tcPr.find(qn("w:shd"))
    if old is not None:
        tcPr.remove(old)
    shd = _el("w:shd", val="clear", color="auto", fill=fill)
    # shd follows tcW, gridSpan, vMerge, tcBorders in tcPr.
    after = [c for c in tcPr if c.tag in {qn("w:tcW"), qn("w:gridSpan"), qn("w:vMerge"),
                                           qn("w:hMerge"), qn("w:tcBorders")}]
    if after:
        after[-1].addnext(shd)
    else:
        tcPr.insert(0, shd)


def header_fill(document: Document, style_name: str) -> str | None:
    """The first-row shading a table style defines, so LibreOffice shows it too."""
    try:
        style = document.styles[style_name]
    except KeyError:
        return None
    for pr in style.element.findall(qn("w:tblStylePr")):
        if pr.get(qn("w:type")) == "firstRow":
            shd = pr.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
            if shd is not None:
                return shd.get(qn("w:fill"))
    return None


def _east_asia(rPr: BaseOxmlElement | None) -> str | None:
    fonts = rPr.find(qn("w:rFonts")) if rPr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def set_east_asian_font(rPr: BaseOxmlElement, font: str) -> None:
    """Set rFonts/@eastAsia on a run-properties element, dropping theme overrides."""
    fonts = rPr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _el("w:rFonts")
        rPr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), font)
    for attr in ("w:eastAsiaTheme",):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]


def ensure_east_asian_fonts(document: Document, body: str, heading: str) -> None:
    """Give every style and the defaults an East-Asian font: headings ``heading``, rest ``body``."""
    styles = document.styles.element
    defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if defaults is not None and not _east_asia(defaults):
        set_east_asian_font(defaults, body)
    for style in styles.findall(qn("w:style")):
        rPr = style.find(qn("w:rPr"))
        if rPr is None:
            rPr = _el("w:rPr")
            style.append(rPr)
        if not _east_asia(rPr):
            name = (style.find(qn("w:name")).get(qn("w:val")) or "").lower()
            is_heading = name.startswith(("heading", "title", "toc heading")) or "見出し" in name
            set_east_asian_font(rPr, heading if is_heading else body)


def default_east_asian_fonts(document: Document) -> tuple[str, str]:
    """(body, heading) East-Asian fonts of the reference file, 游明朝/游ゴシック if unset."""
    styles = document.styles.element
    defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    body = _east_asia(defaults) or "游明朝"
    try:
        heading = _east_asia(document.styles["Heading 1"].element.find(qn("w:rPr"))) or "游ゴシック"
    except KeyError:
        heading = "游ゴシック"
    return body, heading


def declare_font_fallbacks(document: Document) -> None:
    """List Japanese fonts in the font table with w:altName, so Word substitutes sensibly."""
    part = document.part
    font_part = next((rel.target_part for rel in part.rels.values()
                      if rel.reltype.endswith("/fontTable")), None)
    if font_part is None:
        return
    from planner.render.docx_safety import safe_parser

    # The font table is a plain blob to python-docx: parse it with entities and DTDs off.
    root = etree.fromstring(font_part.blob, safe_parser())
    have = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
    for name, alt in FONT_FALLBACKS.items():
        if name in have:
            continue
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        etree.SubElement(font, qn("w:altName")).set(qn("w:val"), alt)
        etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "80")  # SHIFTJIS_CHARSET
        etree.SubElement(font, qn("w:family")).set(qn("w:val"), "roman" if "明朝" in name
                                                     or "Mincho" in name else "modern")
        etree.SubElement(font, qn("w:pitch")).set(qn("w:val"), "variable")
    font_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                     standalone=True)


def update_fields_on_open(document: Document) -> None:
    """Ask Word to refresh fields (the table of contents) when the file is opened."""
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        settings.append(_el("w:updateFields", val="true"))


def page_break_paragraph(paragraph: Paragraph) -> None:
    """Make ``paragraph`` a page break."""
    r = _el("w:r")
    r.append(_el("w:br", type="page"))
    paragraph._p.append(r)


def ems_per_line(document: Document, paragraph: Paragraph) -> float | None:
    """How many full-width characters fit on one line of a body paragraph: the first
    section's text width less the paragraph's indents, over its font size plus character
    spacing (its first run's, else its style's or a base style's, else the document
    default). None inside a table or text box, whose width this does not know."""
    p = paragraph._p
    parent = p.getparent()
    if parent is None or parent.tag != qn("w:body") or not document.sections:
        return None
    section = document.sections[0]
    if not (section.page_width and section.left_margin is not None
            and section.right_margin is not None):
        return None
    width = section.page_width - section.left_margin - section.right_margin
    style = paragraph.style
    formats = [paragraph.paragraph_format] + ([style.paragraph_format] if style else [])
    for fmt in formats:
        width -= max(0, fmt.left_indent or 0) + max(0, fmt.right_indent or 0)
    run = p.find(f"{_W}r")
    chain = ([run.find(f"{_W}rPr")] if run is not None else []) + [
        s.element.find(f"{_W}rPr") for s in _style_chain(style)]
    defaults = document.styles.element.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
    size = _first_twips([*chain, defaults], "sz", 10) or 210  # half points → twips; 10.5 pt
    spacing = _first_twips([*chain, defaults], "spacing", 1) or 0
    return width / 635 / (size + spacing) if size + spacing > 0 else None


def _style_chain(style: CharacterStyle | None) -> list[CharacterStyle]:
    chain: list[CharacterStyle] = []
    while style is not None and len(chain) < 20:  # a style based on itself ends too
        chain.append(style)
        style = style.base_style
    return chain


def _first_twips(rprs: list[BaseOxmlElement | None], tag: str, twips_per_unit: int) -> int | None:
    """The first ``w:<tag> w:val`` among run properties, in twips."""
    for rPr in rprs:
        found = rPr.find(f"{_W}{tag}") if rPr is not None else None
        value = found.get(f"{_W}val") if found is not None else None
        if value is not None and value.lstrip("-").isdigit():
            return int(value) * twips_per_unit
    return None
