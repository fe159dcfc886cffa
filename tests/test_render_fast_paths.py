"""The Word writer's fast paths make the very XML python-docx's object layer makes.

``DocxWriter`` builds tables as one XML string, appends paragraphs straight before the
body's ``sectPr`` and adds pictures with its own shape-id counter and image index (the
object layer's versions were quadratic on a prefecture-scale plan, issue 9). These tests
keep the object layer's way as the reference, so a python-docx upgrade that changes what
it writes shows up here (its version range is pinned in pyproject.toml).
"""

from __future__ import annotations

import io

import pytest
from docx.oxml.ns import qn
from lxml import etree
from PIL import Image

from planner.render import ooxml
from planner.render.docx_writer import KEEP_TOGETHER_ROWS, STYLES, DocxWriter
from planner.render.figure import Figure
from planner.render.packs import find_pack
from planner.render.tables import Column, TableSpec


def _writer() -> DocxWriter:
    return DocxWriter(find_pack(None), {"lang": "ja"})


def _object_layer_table(writer: DocxWriter, spec: TableSpec) -> None:
    """The table as python-docx's object layer and the ooxml helpers build it (the old way)."""
    table = writer.doc.add_table(rows=len(spec.rows) + 1, cols=len(spec.columns))
    tbl = table._tbl
    style = writer.style_id("table")
    if style:
        tbl.tblPr.get_or_add_tblStyle().set(qn("w:val"), style)
    total = writer.text_width()
    weight = sum(c.width for c in spec.columns)
    widths = [int(total * c.width / weight) for c in spec.columns]
    widths[-1] = total - sum(widths[:-1])
    ooxml.fix_table_widths(tbl, widths)
    fill = ooxml.header_fill(writer.doc, STYLES["table"])
    rows = tbl.tr_lst
    ooxml.repeat_header(rows[0])
    ooxml.cant_split(rows[0])

    def fill_row(tr, values, role, centers, shade):
        sid = writer.style_id(role)
        for tc, value, width, center in zip(tr.tc_lst, values, widths, centers, strict=False):
            ooxml.set_cell_width(tc, width)
            if shade:
                ooxml.shade_cell(tc, shade)
            ooxml.fill_cell_paragraph(tc.p_lst[0], value, sid, center)

    fill_row(rows[0], [c.header for c in spec.columns], "cell_head", [True] * len(widths), fill)
    for tr, values in zip(rows[1:], spec.rows, strict=True):
        ooxml.cant_split(tr)
        fill_row(tr, values, "cell_small" if spec.small else "cell",
                 [c.center for c in spec.columns], None)
    if len(spec.rows) <= KEEP_TOGETHER_ROWS:
        ooxml.keep_rows_together(rows)
    writer.doc.add_paragraph()


def _body(writer: DocxWriter) -> bytes:
    return etree.tostring(writer.doc.element.body, method="c14n")


SPECS = [
    TableSpec([Column("指標", 38), Column("種別", 14, True), Column("基準値", 24)],
              [["KPI & <目標>", "効果", "1,200人\n令和7年度\n（2025年度）"],
               [" 先頭に空白", "", "末尾に空白 "], ["\"引用\" 'と' 改行\n\nあり", "進捗", "—"]],
              small=True),
    TableSpec([Column("項目", 22), Column("内容", 78)],
              [[f"行{n}", f"値{n}"] for n in range(KEEP_TOGETHER_ROWS + 3)]),
    TableSpec([Column("A", 1), Column("B", 1, True)],
              [[f"{n}", "x"] for n in range(KEEP_TOGETHER_ROWS)]),
]


@pytest.mark.parametrize("spec", SPECS, ids=["small-escaped", "long", "keep-together-edge"])
def test_tables_match_the_object_layer(spec: TableSpec) -> None:
    fast, reference = _writer(), _writer()
    fast.add_table(spec)
    _object_layer_table(reference, spec)
    assert _body(fast) == _body(reference)


def test_tables_without_a_table_style_or_shading_match_too() -> None:
    fast, reference = _writer(), _writer()
    for writer in (fast, reference):
        writer._style_ids.update({"table": None, "cell": None, "cell_head": None})
        writer._header_fill = None
    spec = SPECS[0]
    fast.add_table(spec)
    reference._style_ids.update({"table": None, "cell": None, "cell_head": None})
    # The reference has no cached fill: take the style away as the fast writer was told.
    style = reference.doc.styles[STYLES["table"]]
    style.element.getparent().remove(style.element)
    _object_layer_table(reference, spec)
    assert _body(fast) == _body(reference)


@pytest.mark.parametrize("role", ["heading1", "paragraph", "caption"])
@pytest.mark.parametrize("keep_next", [False, True])
def test_paragraphs_match_document_add_paragraph(role: str, keep_next: bool) -> None:
    fast, reference = _writer(), _writer()
    for text in ("段落", "", "改行\nと\tタブ", " 空白 "):
        fast.paragraph(text, role, keep_next=keep_next)
        p = reference.doc.add_paragraph()  # the object layer's way
        sid = reference.style_id(role)
        if sid:
            p._p.style = sid
        if text:
            p._p.add_r().text = text
        if keep_next:
            p.paragraph_format.keep_with_next = True
    fast.new_paragraph()
    reference.doc.add_paragraph()
    assert _body(fast) == _body(reference)
    assert fast.doc.element.body[-1].tag == qn("w:sectPr")


def _png(color: str, size=(40, 20)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, format="PNG")
    return buf.getvalue()


def test_pictures_match_run_add_picture() -> None:
    """Same drawing ids, relationship ids, part names, and an identical image shared."""
    pngs = [_png("red"), _png("blue", (30, 60)), _png("red")]
    fast, reference = _writer(), _writer()
    for png in pngs:
        fast._add_picture(Figure(png, *Image.open(io.BytesIO(png)).size, ""))
    for png in pngs:  # what DocxWriter._add_picture did through python-docx's object layer
        width, height = Image.open(io.BytesIO(png)).size
        fig = Figure(png, width, height, "")
        p = reference.paragraph("", "figure")
        p.alignment = 1
        p.paragraph_format.keep_with_next = True
        w = int(reference.text_width() * 635 * 0.97)
        max_h = int(reference.text_height() * 0.88)
        if w * fig.height / fig.width > max_h:
            w = int(max_h * fig.width / fig.height)
        from docx.shared import Emu

        p.add_run().add_picture(io.BytesIO(png), width=Emu(w))
    assert _body(fast) == _body(reference)

    def parts(writer):
        rels = writer.doc.part.rels
        return sorted((r.rId, r.reltype, str(r.target_part.partname) if not r.is_external
                       else r.target_ref) for r in rels.values())

    assert parts(fast) == parts(reference)
    images = list(fast.doc.part.package.image_parts)
    assert len(images) == len({p.sha1 for p in images})  # the repeated image is stored once


def test_document_parts_are_what_document_save_writes() -> None:
    """render_plan audits and zips ``document_parts``: the very members ``Document.save``
    writes, same names, order and bytes; only pictures are stored instead of deflated."""
    import zipfile

    from planner.render.package import document_parts, zipped

    writer = _writer()
    writer.paragraph("本文", "paragraph")
    writer._add_picture(Figure(_png("red"), 20, 10, ""))
    saved = io.BytesIO()
    writer.doc.save(saved)
    with zipfile.ZipFile(saved) as package:
        expected = [(i.filename, package.read(i)) for i in package.infolist()]
    members = document_parts(writer.doc)
    assert members == expected
    with zipfile.ZipFile(io.BytesIO(zipped(members))) as package:
        assert [(i.filename, package.read(i)) for i in package.infolist()] == expected
        kinds = {i.filename: i.compress_type for i in package.infolist()}
    assert kinds["word/media/image1.png"] == zipfile.ZIP_STORED
    assert kinds["word/document.xml"] == zipfile.ZIP_DEFLATED


@pytest.mark.parametrize("col, x, y, h", [(0, 0, 80, 44), (1, 476, 133, 76),
                                                 (3, 1428, 999, 108), (2, 953, 7, 20)])
def test_figure_boxes_are_the_rounded_rectangles_drawn_in_place(col: int, x: int, y: int,
                                                                h: int) -> None:
    """_draw pastes one cached box per column and height: the same pixels as Pillow's
    rounded_rectangle at that place, and the corners leave what is beneath alone."""
    from PIL import ImageDraw

    from planner.render import figure

    ink = figure._palette_index()
    fill, border = figure.COLORS[col]
    canvases = []
    for _ in range(2):
        img = Image.new("L", (figure.WIDTH, 1200), ink["white"])
        figure._arrow(ImageDraw.Draw(img), x - 200, y - 30, x + 40, y + 5, ink[figure.LINE])
        canvases.append(img)
    ImageDraw.Draw(canvases[0]).rounded_rectangle([x, y, x + figure.COL_W, y + h], radius=10,
                                                  fill=ink[fill], outline=ink[border], width=3)
    box, covered = figure._box(col, h)
    canvases[1].im.paste(box, (x, y, x + figure.COL_W + 1, y + h + 1), covered)
    assert canvases[0].tobytes() == canvases[1].tobytes()
