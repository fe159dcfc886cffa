"""What the document says it is: placeholders shaded, a draft marked 「（案）」, front matter.

Runs over the finished Word document (after the writer), so it works the same for every
pack: a placeholder 【未記入：…】 is shaded wherever it landed (body, table cell), a draft
gets 「（案）」 on the cover and in the running header even when a pack's own reference file
does not ask for it, and the core properties say whose plan it is.
"""

from __future__ import annotations

import copy
import datetime as _dt
import re
from typing import Any

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from planner.plan.bilingual import Text

#: How the document marks what the plan does not say yet.
PLACEHOLDER_OPEN = "【未記入："
PLACEHOLDER = re.compile(r"【未記入：[^】]*】")
#: Shading of a placeholder: light amber, visible on screen and in print.
PLACEHOLDER_FILL = "FFE699"
DRAFT_MARK = "（案）"
_EN_DRAFT_MARK = " (draft)"


def placeholder(what: str) -> str:
    """The visible mark for something the plan does not say: 【未記入：what】."""
    return f"{PLACEHOLDER_OPEN}{what}】"


def placeholders_in(text: str) -> list[str]:
    """Every placeholder in ``text``, in order."""
    return PLACEHOLDER.findall(text or "")


def draft_mark(lang: str) -> str:
    """「（案）」, or " (draft)" in English."""
    return Text(DRAFT_MARK, _EN_DRAFT_MARK).get(lang)


def shade_placeholders(doc: Document) -> int:
    """Split runs so every 【未記入：…】 is its own shaded run; returns how many were shaded."""
    count = 0
    # Runs of one text holding the mark, found by lxml (a prefecture plan has 20,000 runs).
    for r in doc.element.body.xpath(_MARKED_RUNS):
        count += _split_run(r, r.find(qn("w:t")).text or "")
    return count


_MARKED_RUNS = f".//w:r[count(w:t) = 1 and contains(w:t, '{PLACEHOLDER_OPEN}')]"


def _split_run(r: Any, text: str) -> int:
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for m in PLACEHOLDER.finditer(text):
        if m.start() > pos:
            pieces.append((text[pos:m.start()], False))
        pieces.append((m.group(0), True))
        pos = m.end()
    if pos < len(text):
        pieces.append((text[pos:], False))
    parent = r.getparent()
    index = parent.index(r)
    for offset, (piece, marked) in enumerate(pieces):
        new = copy.deepcopy(r)
        new.find(qn("w:t")).text = piece
        new.find(qn("w:t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        if marked:
            _shade(new)
        parent.insert(index + offset, new)
    parent.remove(r)
    return sum(1 for _, marked in pieces if marked)


def _shade(r: Any) -> None:
    rPr = r.find(qn("w:rPr"))
    if rPr is None:
        rPr = OxmlElement("w:rPr")
        r.insert(0, rPr)
    shd = OxmlElement("w:shd")
    for k, v in {"val": "clear", "color": "auto", "fill": PLACEHOLDER_FILL}.items():
        shd.set(qn(f"w:{k}"), v)
    rPr.append(shd)


def _text(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def ensure_draft_mark(doc: Document, title: str, lang: str) -> None:
    """Put 「（案）」 after the title on the cover and in the running headers, where a pack's
    reference file did not already (built-in packs place ``{{ draft_mark }}`` themselves)."""
    mark = draft_mark(lang)
    for section in doc.sections:
        for header in (section.header, section.first_page_header):
            if header.is_linked_to_previous:
                continue
            paragraphs = [p for p in header.paragraphs if _text(p._p).strip()]
            if paragraphs and not any(mark.strip() in _text(p._p) for p in paragraphs):
                paragraphs[0].add_run(mark)
    body = doc.element.body
    if title and not any(mark.strip() in _text(p) for p in body.iter(qn("w:p"))
                         if title in _text(p)):
        first = next((p for p in body.iter(qn("w:p")) if title in _text(p)), None)
        if first is not None:
            runs = first.findall(qn("w:r"))
            new = copy.deepcopy(runs[-1]) if runs else OxmlElement("w:r")
            for t in new.findall(qn("w:t")):
                new.remove(t)
            t = OxmlElement("w:t")
            t.text = mark
            new.append(t)
            first.append(new)


def set_core_properties(doc: Document, ctx: dict[str, Any], now: _dt.datetime | None = None
                        ) -> None:
    """Title, author (municipality + department), dates (now) and language of the file."""
    plan = ctx["plan"]
    props = doc.core_properties
    # Word and python-docx limit core properties to 255 characters.
    props.title = (plan["title"] + (draft_mark(ctx["lang"]) if ctx.get("draft") else ""))[:255]
    author = "　".join(x for x in (plan.get("municipality"), plan.get("department")) if x)
    props.author = author[:255]
    props.last_modified_by = author[:255]
    stamp = (now or _dt.datetime.now(_dt.UTC)).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = stamp
    props.revision = 1
    props.language = "ja-JP" if ctx["lang"] != "en" else "en-US"
    props.subject = "官民データ活用推進計画" if ctx["lang"] != "en" else \
        "Public and private sector data utilization promotion plan"
    props.comments = ""
    props.keywords = ""
    props.category = ""


#: The cover paragraph style that marks where a municipality's emblem goes (empty in the
#: built-in packs: a dummy emblem would be wrong for most towns).
LOGO_STYLE = "Cover Logo"


def fill_logo_slot(doc: Document, logo: bytes | None, width_mm: float = 22) -> bool:
    """Put ``logo`` into the empty 「Cover Logo」 paragraph; False when there is no slot to fill."""
    if not logo:
        return False
    from docx.shared import Mm
    from docx.text.paragraph import Paragraph

    style = next((s for s in doc.styles if s.name == LOGO_STYLE), None)
    if style is None:
        return False
    for p in doc.element.body.iter(qn("w:p")):
        para = Paragraph(p, doc._body)
        if p.style == style.style_id and not _text(p).strip() and not p.xpath(".//w:drawing"):
            import io

            para.add_run().add_picture(io.BytesIO(logo), width=Mm(width_mm))
            return True
    return False


def describe_pictures(doc: Document, fallback: str) -> None:
    """Alternative text on every picture: the caption after it, else ``fallback``."""
    body = doc.element.body
    paragraphs: list[Any] = []
    position: dict[Any, int] = {}
    for doc_pr in body.iter(qn("wp:docPr")):
        if (doc_pr.get("descr") or "").strip():
            continue
        outer = list(doc_pr.iterancestors(qn("w:p")))  # innermost first
        if not outer:
            continue
        if not paragraphs:  # the paragraphs in document order, listed once
            paragraphs = list(body.iter(qn("w:p")))
            position = {p: n for n, p in enumerate(paragraphs)}
        n = position[outer[-1]]
        caption = next((_text(q) for q in paragraphs[n + 1:n + 3] if _text(q).strip()), "")
        doc_pr.set("descr", caption.strip() or fallback)
        doc_pr.set("title", (caption.strip() or fallback)[:60])


def keep_headings_with_tables(doc: Document) -> None:
    """Heading → short paragraph → table: the paragraph keeps with the table, so a measure's
    heading and description never stand alone at the foot of a page."""
    body = list(doc.element.body.iterchildren())
    p_tag, tbl_tag = qn("w:p"), qn("w:tbl")
    for n, el in enumerate(body[:-2]):
        nxt, after = body[n + 1], body[n + 2]
        if after.tag != tbl_tag or el.tag != p_tag or nxt.tag != p_tag:
            continue  # the tags first: one XPath per body element was 30 ms a prefecture
        if not el.xpath("./w:pPr/w:pStyle[starts-with(@w:val,'Heading')]"):
            continue
        if len(_text(nxt)) <= 400:
            pPr = nxt.get_or_add_pPr()
            if pPr.find(qn("w:keepNext")) is None:
                pPr.insert(1 if pPr.find(qn("w:pStyle")) is not None else 0,
                           OxmlElement("w:keepNext"))


def finish_document(doc: Document, ctx: dict[str, Any], logo: bytes | None = None) -> None:
    """Shade placeholders, mark a draft, fill the logo slot, describe pictures, set properties."""
    shade_placeholders(doc)
    keep_headings_with_tables(doc)
    if ctx.get("draft"):
        ensure_draft_mark(doc, ctx["plan"]["title"], ctx["lang"])
    fill_logo_slot(doc, logo)
    describe_pictures(doc, "図" if ctx["lang"] != "en" else "Figure")
    set_core_properties(doc, ctx)
