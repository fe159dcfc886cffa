"""Lays the rendered sections out in a Word document based on the pack's reference file.

The reference .docx supplies styles, the cover (with ``{{ … }}`` placeholders), headers,
footers and logo; this module fills the placeholders, removes the ``{{ content }}`` marker
and appends the table of contents, chapters, tables and figures after the cover.
"""

from __future__ import annotations

import io
from typing import Any

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Emu
from docx.text.paragraph import Paragraph

from planner.render import ooxml
from planner.render.figure import Figure, relationship_figures
from planner.render.packs import Pack, PackError, reference_error
from planner.render.tables import TableSpec, build_table
from planner.render.text import DIRECTIVE, LITERAL, Block

CONTENT_MARKER = "{{ content }}"
STYLES = {
    "heading1": "Heading 1", "heading2": "Heading 2", "heading3": "Heading 3",
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

    def paragraph(self, text: str, role: str) -> Paragraph:
        """Append a paragraph in the style for ``role``."""
        p = self.doc.add_paragraph()
        sid = self.style_id(role)
        if sid:
            p._p.style = sid
        if text:
            p._p.add_r().text = text
        return p

    # --- cover ------------------------------------------------------------------------
    def fill_cover(self) -> None:
        """Remove the content marker and fill ``{{ … }}`` placeholders in body, headers, footers."""
        body = self.doc.element.body
        for p in list(body.iter(qn("w:p"))):
            text = "".join(t.text or "" for t in p.iter(qn("w:t")))
            if text.strip() == CONTENT_MARKER:
                p.getparent().remove(p)
        parts = [(self.doc, "body")]
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
        runs = [r for r in p.runs]
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
        # Keep the first run's formatting: Word often splits a placeholder over runs.
        runs[0].text = rendered
        for r in runs[1:]:
            r._r.getparent().remove(r._r)

    # --- table of contents ------------------------------------------------------------
    def add_toc(self, title: str, blocks: list[Block]) -> None:
        """A TOC field, pre-filled with the headings so it reads right before Word updates it."""
        head = self.paragraph(title, "toc_title")
        head.paragraph_format.keep_with_next = True
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
        brk = self.doc.add_paragraph()
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
                cap = self.paragraph(block.args[0] if block.args else "", "caption")
                cap.paragraph_format.keep_with_next = True
            elif block.kind == "pagebreak":
                ooxml.page_break_paragraph(self.doc.add_paragraph())
            elif block.kind == "toc":
                continue  # written before the blocks, see render_document
            elif block.kind in STYLES:
                p = self.paragraph(block.text, block.kind)
                if block.kind.startswith("heading"):
                    p.paragraph_format.keep_with_next = True
            else:
                raise PackError(f"不明な指定 {block.kind} がテンプレートにあります。",
                                f"Unknown directive {block.kind} in a template.")

    def text_width(self) -> int:
        """Usable width of the body section in twips."""
        s = self.doc.sections[-1]
        return int((s.page_width - s.left_margin - s.right_margin) / _TWIP)

    def text_height(self) -> int:
        """Usable height of the body section in EMU."""
        s = self.doc.sections[-1]
        return int(s.page_height - s.top_margin - s.bottom_margin)

    def add_table(self, spec: TableSpec) -> None:
        """A table at the full text width, header row repeated on every page."""
        if not spec.rows:
            self.paragraph(spec.empty_text, "paragraph")
            return
        table = self.doc.add_table(rows=len(spec.rows) + 1, cols=len(spec.columns))
        tbl = table._tbl
        style = self.style_id("table")
        if style:
            tbl.tblPr.get_or_add_tblStyle().set(qn("w:val"), style)
        total = self.text_width()
        weight = sum(c.width for c in spec.columns)
        widths = [int(total * c.width / weight) for c in spec.columns]
        widths[-1] = total - sum(widths[:-1])
        ooxml.fix_table_widths(tbl, widths)
        fill = ooxml.header_fill(self.doc, STYLES["table"])
        cell_role = "cell_small" if spec.small else "cell"
        rows = tbl.tr_lst
        ooxml.repeat_header(rows[0])
        ooxml.cant_split(rows[0])
        self._fill_row(rows[0], [c.header for c in spec.columns], widths, "cell_head",
                       [True] * len(widths), fill)
        centers = [c.center for c in spec.columns]
        for tr, values in zip(rows[1:], spec.rows):
            ooxml.cant_split(tr)  # a row torn across pages reads as two rows
            self._fill_row(tr, values, widths, cell_role, centers, None)
        if len(spec.rows) <= KEEP_TOGETHER_ROWS:
            ooxml.keep_rows_together(rows)  # a short table is read as one block
        self.doc.add_paragraph()  # breathing room; tables never touch the next heading

    def _fill_row(self, tr, values, widths, role, centers, fill) -> None:
        sid = self.style_id(role)
        for tc, value, width, center in zip(tr.tc_lst, values, widths, centers):
            ooxml.set_cell_width(tc, width)
            if fill:
                ooxml.shade_cell(tc, fill)
            ooxml.fill_cell_paragraph(tc.p_lst[0], value, sid, center)

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
        p = self.paragraph("", "figure")
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        p.add_run().add_picture(io.BytesIO(fig.png), width=width)

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
