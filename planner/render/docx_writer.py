"""Lays the rendered sections out in a Word document based on the pack's reference file.

The reference .docx supplies styles, the cover (with ``{{ … }}`` placeholders), headers,
footers and logo; this module fills the placeholders, removes the ``{{ content }}`` marker
and appends the table of contents, chapters, tables and figures after the cover.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.image import Image as DocxImage
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.oxml.shape import CT_Inline
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.image import ImagePart
from docx.section import _Footer, _Header
from docx.shared import Emu
from docx.text.paragraph import Paragraph

from planner.render import ooxml
from planner.render.figure import Figure, relationship_figures
from planner.render.packs import Pack, PackError, reference_error
from planner.render.tables import TableSpec, build_table
from planner.render.text import DIRECTIVE, LITERAL, Block, keep_closing_brackets

CONTENT_MARKER = "{{ content }}"
STYLES = {
    "heading1": "Heading 1", "heading2": "Heading 2", "heading3": "Heading 3",
    "heading4": "Heading 4",
    "paragraph": "Body Text", "bullet": "List Bullet", "caption": "Caption",
    "table": "Plan Table", "cell": "Table Text", "cell_small": "Table Text Small",
    "cell_head": "Table Heading", "toc_title": "TOC Heading", "toc1": "toc 1", "toc2": "toc 2",
    "figure": "Figure",
}
_TWIP = 635  # EMU per twip


#: Characters a header or footer line may take before it is shortened with "…".
RUNNING_LINE_MAX = 60

#: Tables up to this many body rows are kept on one page (longer ones repeat their header).
KEEP_TOGETHER_ROWS = 12


class DocxWriter:
    """Builds one plan document from a pack's reference file and the rendered sections."""

    def __init__(self, pack: Pack, ctx: dict[str, Any]) -> None:
        self.pack, self.ctx = pack, ctx
        # Styles the pack's Word file lacks are borrowed from the built-in pack's.
        self.doc: Document = pack.open_reference(STYLES.values())
        self._style_ids: dict[str, str | None] = {}
        self._table_count = 0
        self._figure_count = 0
        # Appending goes straight before the body's final sectPr: python-docx would search
        # the whole body for it on every paragraph, and the whole document for the section
        # on every table (both quadratic on a prefecture-scale plan).
        self._body = self.doc.element.body
        self._page: tuple[int, int] | None = None  # (text width in twips, height in EMU)
        self._header_fill: str | bool | None = False  # False: not looked up yet
        self._images: dict[str, ImagePart] | None = None  # sha1 → part
        self._image_numbers: set[int] = set()
        self._next_shape_id: int | None = None

    # --- styles -----------------------------------------------------------------------
    def style_id(self, role: str) -> str | None:
        """The style id for a role (``heading1``, ``cell`` …), None if the reference lacks it."""
        if role not in self._style_ids:
            name = STYLES[role]
            found = next((s for s in self.doc.styles if s.name == name), None)
            if found is None and role.startswith("cell"):
                found = next((s for s in self.doc.styles if s.name == "Normal"), None)
            self._style_ids[role] = found.style_id if found is not None else None
        return self._style_ids[role]

    def _append(self, element: BaseOxmlElement) -> None:
        """Append a body element (paragraph, table) after the content, before the sectPr."""
        last = _last_child(self._body)
        if last is not None and last.tag == _SECT_PR:
            last.addprevious(element)
        else:
            self._body.append(element)

    def new_paragraph(self) -> Paragraph:
        """Append an empty paragraph (what ``Document.add_paragraph()`` makes, without the scan)."""
        p = OxmlElement("w:p")
        self._append(p)
        return Paragraph(p, self.doc._body)

    def paragraph(self, text: str, role: str, keep_next: bool = False) -> Paragraph:
        """Append a paragraph in the style for ``role`` (kept with the next if asked).

        Written as one XML string parsed once, the way python-docx's object layer would
        build it (its generic insertion searches dozens of possible successors per child,
        and its run text is built a character at a time; thousands of paragraphs).
        """
        sid = self.style_id(role)
        ppr = ""
        if sid or keep_next:
            ppr = ("<w:pPr>" + (f'<w:pStyle w:val="{_attr(sid)}"/>' if sid else "")
                   + ("<w:keepNext/>" if keep_next else "") + "</w:pPr>")
        p = parse_xml(f"<w:p {_W_NS}>{ppr}{_run_xml(text) if text else ''}</w:p>".encode())
        self._append(p)
        return Paragraph(p, self.doc._body)

    # --- cover ------------------------------------------------------------------------
    def fill_cover(self) -> None:
        """Remove the content marker and fill ``{{ … }}`` placeholders in body, headers, footers."""
        body = self.doc.element.body
        for p in list(body.iter(qn("w:p"))):
            text = "".join(t.text or "" for t in p.iter(qn("w:t")))
            if text.strip() == CONTENT_MARKER:
                p.getparent().remove(p)
        parts: list[tuple[Document | _Header | _Footer, str]] = [(self.doc, "body")]
        for section in self.doc.sections:
            for hf, place in ((section.header, "header"), (section.footer, "footer"),
                              (section.first_page_header, "header"),
                              (section.first_page_footer, "footer")):
                if not hf.is_linked_to_previous:
                    parts.append((hf, place))
        for part, place in parts:
            for p in _all_paragraphs(part):
                self._fill_placeholders(p, place)

    def _fill_placeholders(self, p: Paragraph, place: str = "body") -> None:
        runs = list(p.runs)
        text = "".join(r.text for r in runs)
        if "{{" not in text and "{%" not in text:
            return
        try:
            rendered = self.pack.environment.from_string(text).render(self.ctx)
        except Exception as exc:  # noqa: BLE001
            raise reference_error(exc, self.pack, place, text, self.ctx) from None
        rendered = rendered.replace(LITERAL, "").replace(DIRECTIVE, "")
        if place in ("header", "footer") and len(rendered) > RUNNING_LINE_MAX:
            # A running header repeats on every page: a long title must not fill them.
            rendered = rendered[:RUNNING_LINE_MAX - 1] + "…"
        elif place == "body":  # the cover's title: never wrapped inside 「（第2期）」
            rendered = keep_closing_brackets(rendered, ooxml.ems_per_line(self.doc, p))
        # Keep the first run's formatting: Word often splits a placeholder over runs.
        runs[0].text = rendered
        for r in runs[1:]:
            r._r.getparent().remove(r._r)

    # --- table of contents ------------------------------------------------------------
    def add_toc(self, title: str, blocks: list[Block]) -> None:
        """A TOC field, pre-filled with the headings so it reads right before Word updates it."""
        self.paragraph(title, "toc_title", keep_next=True)
        entries = [b for b in blocks if b.kind in ("heading1", "heading2")]
        first = self.paragraph("", "toc1")
        ooxml.field_begin(first, 'TOC \\o "1-2" \\h \\z \\u')
        last = first
        for n, b in enumerate(entries):
            p = first if n == 0 else self.paragraph("", "toc1" if b.kind == "heading1" else "toc2")
            if n == 0 and b.kind == "heading2":
                p._p.style = self.style_id("toc2")
            p._p.add_r().text = b.text
            last = p
        ooxml.field_end(last)
        brk = self.new_paragraph()
        ooxml.page_break_paragraph(brk)

    # --- blocks -----------------------------------------------------------------------
    def add_blocks(self, blocks: list[Block]) -> None:
        """Append headings, paragraphs, bullets, tables, figures and captions in order."""
        for block in blocks:
            if block.kind == "table":
                self.add_table(build_table(block.args[0], _arg(block, 1), self.ctx))
            elif block.kind == "figure":
                self.add_figures(block.args[0] if block.args else "relationship")
            elif block.kind == "caption":
                self.paragraph(block.args[0] if block.args else "", "caption", keep_next=True)
            elif block.kind == "pagebreak":
                ooxml.page_break_paragraph(self.new_paragraph())
            elif block.kind == "toc":
                continue  # written before the blocks, see render_document
            elif block.kind in STYLES:
                if block.kind == "heading1":
                    self._drop_spacer()
                self.paragraph(block.text, block.kind, keep_next=block.kind.startswith("heading"))
            else:
                raise PackError(f"不明な指定 {block.kind} がテンプレートにあります。",
                                f"Unknown directive {block.kind} in a template.")

    def _drop_spacer(self) -> None:
        """Remove a table's empty spacer before a chapter heading (which starts a new page).

        A table that ends at the foot of a page would push that empty paragraph onto a page
        of its own, and the chapter would start after a blank page.
        """
        last = _last_child(self._body)
        if last is not None and last.tag == _SECT_PR:
            last = _last_child(self._body, 1)
        if last is not None and last.tag == qn("w:p") and len(last) == 0:
            self._body.remove(last)

    def _page_size(self) -> tuple[int, int]:
        if self._page is None:  # the body section never changes once the cover is filled
            s = self.doc.sections[-1]
            width, left, right = s.page_width, s.left_margin, s.right_margin
            height, top, bottom = s.page_height, s.top_margin, s.bottom_margin
            if (width is None or left is None or right is None
                    or height is None or top is None or bottom is None):
                ref = self.pack.reference_docx
                raise PackError(f"{ref}: 最後のセクションに用紙サイズか余白の設定がありません。"
                                "Word で［レイアウト］→［サイズ］と［余白］を設定して保存してください。",
                                f"{ref}: the last section sets no page size or margins. Set them "
                                "in Word (Layout → Size and Margins) and save the file.")
            self._page = (int((width - left - right) / _TWIP), int(height - top - bottom))
        return self._page

    def text_width(self) -> int:
        """Usable width of the body section in twips."""
        return self._page_size()[0]

    def text_height(self) -> int:
        """Usable height of the body section in EMU."""
        return self._page_size()[1]

    def header_fill(self) -> str | None:
        """The first-row shading of the pack's table style (looked up once)."""
        if self._header_fill is False:
            self._header_fill = ooxml.header_fill(self.doc, STYLES["table"])
        return self._header_fill  # type: ignore[return-value]

    def add_table(self, spec: TableSpec) -> None:
        """A table at the full text width, header row repeated on every page.

        The table is written as one XML string and parsed once: building tens of thousands
        of cells through python-docx's object layer took a third of a prefecture plan's
        render. ``tests/test_render_fast_paths.py`` proves the result is the same XML the
        object layer makes (python-docx's version range is pinned in pyproject.toml).
        """
        if not spec.rows:
            self.paragraph(spec.empty_text, "paragraph")
            return
        total = self.text_width()
        weight = sum(c.width for c in spec.columns)
        widths = [int(total * c.width / weight) for c in spec.columns]
        widths[-1] = total - sum(widths[:-1])
        xml = table_xml(spec, widths, self.style_id("table"), self.header_fill(),
                        self.style_id("cell_head"),
                        self.style_id("cell_small" if spec.small else "cell"))
        self._append(parse_xml(xml.encode()))  # lxml reads UTF-8 bytes a third faster than str
        self.new_paragraph()  # breathing room; tables never touch the next heading

    def add_figures(self, name: str) -> None:
        """The relationship figure(s), each scaled to fit the page, captioned below."""
        if name != "relationship":
            raise PackError(f"figure(\"{name}\") という図はありません（使えるもの: relationship）。",
                            f"There is no figure \"{name}\" (available: relationship).")
        ja = self.ctx["lang"] != "en"
        headers = ["地域課題", "施策", "データ", "評価指標（KPI）"] if ja else \
            ["Issues", "Measures", "Data", "KPIs"]
        figures = relationship_figures(self.ctx, headers)
        for n, fig in enumerate(figures, 1):
            self._add_picture(fig)
            base = "課題・施策・データ・KPIの関係図" if ja else "Issues, measures, data and KPIs"
            suffix = f"（{fig.part}）" if fig.part and ja else (f" ({fig.part})" if fig.part else "")
            number = f"別図{n}" if ja else f"Figure {n}"
            self.paragraph(f"{number}　{base}{suffix}", "caption")

    def _add_picture(self, fig: Figure) -> None:
        width = Emu(int(self.text_width() * _TWIP * 0.97))
        max_h = int(self.text_height() * 0.88)  # leave room for the caption
        if width * fig.height / fig.width > max_h:
            width = Emu(int(max_h * fig.width / fig.height))
        p = self.paragraph("", "figure", keep_next=True)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        rId, image = self._image(fig.png)
        cx, cy = image.scaled_dimensions(width, None)
        inline = CT_Inline.new_pic_inline(self._shape_id(), rId, image.filename, cx, cy)
        p.add_run()._r.add_drawing(inline)

    def _image(self, png: bytes) -> tuple[str, DocxImage]:
        """(rId, image) of a picture, as ``Run.add_picture`` relates it, hashing it once.

        python-docx hashes every earlier image again for each new one and numbers parts by
        rescanning them; with hundreds of figures that was quadratic. Same part names, same
        reuse of an identical image.
        """
        package, part = self.doc.part.package, self.doc.part
        if self._images is None:
            self._images = {}
            for existing in package.image_parts:
                self._image_numbers.add(existing.partname.idx)
                self._images.setdefault(existing.sha1, existing)
        sha1 = hashlib.sha1(png, usedforsecurity=False).hexdigest()  # python-docx's image key
        if sha1 not in self._images:
            n = next(i for i in range(1, len(self._image_numbers) + 2)
                     if i not in self._image_numbers)
            self._image_numbers.add(n)
            image = DocxImage.from_blob(png)
            image_part = ImagePart.from_image(image, PackURI(f"/word/media/image{n}.{image.ext}"))
            package.image_parts.append(image_part)
            self._images[sha1] = image_part
        image_part = self._images[sha1]
        return part.relate_to(image_part, RT.IMAGE), image_part.image

    def _shape_id(self) -> int:
        """The next drawing id: python-docx's ``next_id`` scanned once, then counted on."""
        if self._next_shape_id is None:
            self._next_shape_id = self.doc.part.next_id
        self._next_shape_id += 1
        return self._next_shape_id - 1

    # --- finishing --------------------------------------------------------------------
    def finish(self) -> None:
        """East-Asian fonts on every style, font fallbacks, keep-with-next, update fields."""
        body, heading = ooxml.default_east_asian_fonts(self.doc)
        ooxml.ensure_east_asian_fonts(self.doc, body, heading)
        ooxml.declare_font_fallbacks(self.doc)
        for name in ("Heading 1", "Heading 2", "Heading 3"):
            style = next((s for s in self.doc.styles if s.name == name), None)
            if style is not None:
                style.paragraph_format.keep_with_next = True
        ooxml.update_fields_on_open(self.doc)


_SECT_PR = qn("w:sectPr")
_W_NS = nsdecls("w")
_RUN_SPLIT = re.compile(r"([\t\r\n])")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
#: What xml.sax.saxutils.escape(value, {'"': "&quot;"}) does, without its import of
#: urllib.request (http.client, ssl, email: 25 ms of start-up).
_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def _text_xml(text: str) -> str:
    """A ``w:t`` as python-docx's ``CT_R.add_t`` makes it (space kept when it matters)."""
    body = text.translate(_ESCAPES)
    if len(text.strip()) < len(text):
        return f'<w:t xml:space="preserve">{body}</w:t>'
    return f"<w:t>{body}</w:t>" if text else "<w:t/>"


def _run_xml(text: str) -> str:
    """A ``w:r`` holding ``text`` as python-docx's ``Run.text`` setter writes it:
    tabs become ``w:tab``, carriage returns and newlines ``w:br``."""
    parts = []
    for piece in _RUN_SPLIT.split(text):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            parts.append("<w:br/>")
        elif piece:
            parts.append(_text_xml(piece))
    return "<w:r>" + "".join(parts) + "</w:r>"
_TBL_LOOK = ('<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
             'w:noHBand="0" w:noVBand="1" w:val="04A0"/>')


def _attr(value: str) -> str:
    return value.translate(_ATTR_ESCAPES)


def _cell_open(width: int, style_id: str | None, center: bool, keep: bool,
               fill: str | None) -> str:
    """A ``w:tc`` up to its paragraph's content, as ooxml.set_cell_width/shade_cell/
    fill_cell_paragraph make it (the same for every cell of a column; built once a table)."""
    shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{_attr(fill)}"/>' if fill else ""
    ppr = ""
    if style_id or center or keep:
        ppr = ("<w:pPr>" + (f'<w:pStyle w:val="{_attr(style_id)}"/>' if style_id else "")
               + ("<w:keepNext/>" if keep else "") + ('<w:jc w:val="center"/>' if center else "")
               + "</w:pPr>")
    return f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{shd}</w:tcPr><w:p>{ppr}'


_CELL_CLOSE = "</w:p></w:tc>"


def _cell_run(text: str) -> str:
    """A cell's text: lines split by w:br in one run, as ooxml.fill_cell_paragraph does."""
    if not text:
        return ""
    if "\n" not in text:
        return f"<w:r>{_text_xml(text)}</w:r>"
    return "<w:r>" + "<w:br/>".join(_text_xml(line) for line in text.split("\n")) + "</w:r>"


def table_xml(spec: TableSpec, widths: list[int], table_style: str | None, fill: str | None,
              head_style: str | None, cell_style: str | None) -> str:
    """The ``w:tbl`` of a non-empty table: fixed widths, shaded header row repeated on every
    page, rows that never split, a short table kept on one page."""
    keep = len(spec.rows) <= KEEP_TOGETHER_ROWS  # a short table is read as one block
    out = [f"<w:tbl {nsdecls('w')}><w:tblPr>"]
    if table_style:
        out.append(f'<w:tblStyle w:val="{_attr(table_style)}"/>')
    out.append(f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
               f"{_TBL_LOOK}</w:tblPr><w:tblGrid>")
    out += [f'<w:gridCol w:w="{w}"/>' for w in widths]
    out.append("</w:tblGrid><w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>")
    out += [_cell_open(w, head_style, True, keep, fill) + _cell_run(c.header) + _CELL_CLOSE
            for c, w in zip(spec.columns, widths, strict=True)]
    out.append("</w:tr>")
    opens = {row_keep: [_cell_open(w, cell_style, c.center, row_keep, None)
                        for c, w in zip(spec.columns, widths, strict=True)]
             for row_keep in (False, keep)}
    last = len(spec.rows) - 1
    for n, values in enumerate(spec.rows):
        out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")  # a torn row reads as two rows
        cells = [*values, *[""] * (len(widths) - len(values))]
        # (not strict: a row longer than the columns is cut, as the object layer did)
        out += [o + _cell_run(v) + _CELL_CLOSE
                for o, v in zip(opens[keep and n != last], cells, strict=False)]
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _last_child(element: Any, back: int = 0) -> Any:
    """``element[-1 - back]``, or None. Not ``len(element)``: lxml counts every child for
    it, which made each append to a long body cost as much as the body (at 4x a prefecture
    plan, 12,000 body elements: quadratic, over a second)."""
    try:
        return element[-1 - back]
    except IndexError:
        return None


def _arg(block: Block, n: int) -> str | None:
    return block.args[n] if len(block.args) > n and block.args[n] else None


def _all_paragraphs(part: Any) -> list[Paragraph]:
    out = list(part.paragraphs)
    for table in part.tables:
        for row in table.rows:
            for cell in row.cells:
                out.extend(cell.paragraphs)
    # Covers are often laid out in text boxes (Word keeps a modern and a legacy copy of each).
    for box in part._element.iter(qn("w:txbxContent")):
        out.extend(Paragraph(p, part) for p in box.iter(qn("w:p")))
    return out
