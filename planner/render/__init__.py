"""The plan document: context → section templates → Word file, written atomically.

``render_plan`` is the one entry point (the CLI and the app call it). Every failure a
person can cause ends in a :class:`~planner.errors.PlannerError`; an existing file at the
destination is never touched unless the new document was written completely.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.plan.bilingual import Text
from planner.plan.model import Plan
from planner.render.context import OUTLINE, build_context
from planner.render.marks import placeholder, placeholders_in
from planner.render.output import RenderError, write_atomically
from planner.render.package import document_parts, zipped
from planner.render.packs import Pack, PackError, find_pack
from planner.render.text import (
    Block,
    Directive,
    clean_text,
    drop_empty_headings,
    mentions,
    parse_blocks,
)

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

__all__ = ["OUTLINE", "NotFinalError", "PackError", "RenderError", "render_document",
           "render_plan", "write_atomically"]

#: Sections printed only when the plan has something for them (no placeholder, nothing to say).
_OPTIONAL = {"appendix_history": "history", "appendix_glossary": "glossary",
             "contact": "plan.contact"}


class NotFinalError(RenderError):
    """A final document was asked for while the plan has errors or unwritten parts."""

    def __init__(self, items: list[str], lang_items_en: list[str]) -> None:
        shown_ja = "\n".join(f"・{x}" for x in items[:12])
        shown_en = "\n".join(f"- {x}" for x in lang_items_en[:12])
        more_ja = f"\n・ほか{len(items) - 12}件" if len(items) > 12 else ""
        more_en = f"\n- and {len(items) - 12} more" if len(items) > 12 else ""
        super().__init__(
            "確定版としては出力できません。次の点が残っています（直すか、案として出力して"
            f"ください。ファイルは書いていません）:\n{shown_ja}{more_ja}",
            "Cannot write a final document while these remain (fix them, or export a draft; "
            f"nothing was written):\n{shown_en}{more_en}")
        self.items = items


def _one_line(text: Any) -> str:
    return clean_text(text).replace("\n", " ").replace("\t", " ")


def _functions(lang: str, era: str | None = None) -> dict[str, Any]:
    """What section templates may call besides reading the context."""
    from planner.plan import wareki

    return {
        "table": _table,
        "figure": _figure,
        "caption": lambda text: Directive("caption", (_one_line(text),)),
        "pagebreak": lambda: Directive("pagebreak"),
        "toc": lambda title="目次": Directive("toc", (str(title),)),
        "fy": lambda year: wareki.fiscal_year(year, lang, era),
        "placeholder": lambda what: placeholder(_one_line(what)),
        "mentions": mentions,
    }


def _table(name: Any, key: Any = None) -> Directive:
    """table("kpis"): checked here, so a wrong name is reported at its template line."""
    from planner.render.tables import BUILDERS

    if str(name) not in BUILDERS:
        raise PackError(
            f"table(\"{name}\") という表はありません（使えるもの: {', '.join(BUILDERS)}）。",
            f"There is no table \"{name}\" (available: {', '.join(BUILDERS)}).")
    return Directive("table", (str(name), str(key or "")))


def _figure(name: Any = "relationship") -> Directive:
    """figure("relationship"): the only figure there is."""
    if str(name) != "relationship":
        raise PackError(f"figure(\"{name}\") という図はありません（使えるもの: relationship）。",
                        f"There is no figure \"{name}\" (available: relationship).")
    return Directive("figure", (str(name),))


def _node_names(titles: dict[str, str], nodes: tuple[str, ...], lang: str) -> str:
    """Items as a committee knows them: 「title（id）」, or the whole plan."""
    if not nodes:
        return Text("計画全体", "Whole plan").get(lang)
    names = [f"{titles[node]}（{node}）" if titles.get(node) else node for node in nodes]
    return Text("、", ", ").get(lang).join(names)


def _findings(plan: Plan, lang: str, findings: list | None = None) -> list[dict[str, str]]:
    from planner.checks import run_checks

    if findings is None:
        findings = run_checks(plan)
    titles: dict[str, str] = {}
    for item in plan.items():  # the first item with an id names it, as Plan.find does
        titles.setdefault(item.id, item.title)
    return [{
        "rule": f.rule, "severity": f.severity.label(lang),
        "nodes": clean_text(_node_names(titles, f.nodes, lang)),
        "message": clean_text(f.message(lang)), "reference": clean_text(f.reference(lang)),
        "fix": clean_text(f.fix(lang)),
    } for f in findings]


def render_sections(pack: Pack, ctx: dict[str, Any]) -> list[Block]:
    """Every chapter's template rendered and parsed into blocks, in outline order."""
    blocks: list[Block] = extra_sections(ctx, "cover")
    for section_id in OUTLINE:
        skip = (section_id == "appendix_checks" and not ctx["include_checks"]) or (
            section_id in _OPTIONAL and not _has(ctx, _OPTIONAL[section_id]))
        if not skip:
            parsed = parse_blocks(pack.render_section(section_id, ctx))
            # 第3章 leaves out what the plan's own text already says, heading and all. Only
            # there: elsewhere an empty heading is content (an issue with only its title yet).
            blocks += drop_empty_headings(parsed) if section_id == "positioning" else parsed
        blocks += extra_sections(ctx, section_id)
    return blocks


def _has(ctx: dict[str, Any], path: str) -> bool:
    value: Any = ctx
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return bool(value)


def extra_sections(ctx: dict[str, Any], after: str) -> list[Block]:
    """The plan's own chapters (はじめに, 首長あいさつ …) placed after outline id ``after``.

    Written as the plan gives them: a chapter heading, then each line of text as a paragraph
    (plan text never becomes markup). Those naming an unknown place come after the last chapter.
    """
    blocks: list[Block] = []
    for extra in ctx.get("extra_sections", []):
        if extra["after"] != after:
            continue
        blocks.append(Block("heading1", extra["title"]))
        blocks += [Block("paragraph", line.strip()) for line in extra["text"].split("\n")
                   if line.strip()]
    return blocks


def render_document(plan: Plan, template: str | Path | None = None,
                    include_checks: bool = False, lang: str = "ja",
                    final: bool = False) -> DocxDocument:
    """Build the document in memory and return the python-docx Document.

    While the plan has error findings or the document would hold a placeholder, the
    document is a draft: 「（案）」 on the cover and in the running header. ``final`` refuses
    (NotFinalError, saying which) instead of building a draft.
    """
    return _build(plan, find_pack(template), include_checks, lang, final)[0]


def _build(plan: Plan, pack: Pack, include_checks: bool, lang: str,
           final: bool = False) -> tuple[DocxDocument, int, int]:
    """The document, and how many error findings and placeholders make it a draft."""
    from planner.checks import Severity, check_graph
    from planner.plan import wareki
    from planner.plan.graph import PlanGraph
    from planner.render import marks
    from planner.render.docx_writer import DocxWriter

    era = wareki.document_era(plan.plan.adopted_on)
    graph = PlanGraph(plan)  # one graph for the document and its findings
    ctx = {**build_context(plan, lang, graph), **_functions(lang, era),
           "include_checks": include_checks}
    findings = check_graph(graph)
    if include_checks:
        ctx["findings"] = _findings(plan, lang, findings)
    blocks = define_the_act(render_sections(pack, ctx))
    errors = [f for f in findings if f.severity == Severity.ERROR]
    gaps = unwritten(blocks, ctx)
    if final and (errors or gaps):
        raise _not_final(errors, gaps)
    ctx["draft"] = bool(errors or gaps)
    ctx["draft_mark"] = marks.draft_mark(lang) if ctx["draft"] else ""
    writer = DocxWriter(pack, ctx)
    writer.fill_cover()
    toc = next((b for b in blocks if b.kind == "toc"), None)
    if toc is not None:
        writer.add_toc(toc.args[0] if toc.args else "目次", blocks)
    writer.add_blocks(blocks)
    writer.finish()
    marks.finish_document(writer.doc, ctx, _logo(pack))
    return writer.doc, len(errors), len(gaps)


def _logo(pack: Pack) -> bytes | None:
    """The pack's logo.png, for the cover's empty logo slot (None when the pack has none)."""
    path = Path(pack.path) / "logo.png"
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError:
        return None


def unwritten(blocks: list[Block], ctx: dict[str, Any]) -> list[tuple[str, str]]:
    """(chapter, placeholder) for every 【未記入：…】 the document would hold, in order."""
    from planner.render.tables import build_table

    found: list[tuple[str, str]] = []
    chapter = ""
    for b in blocks:
        if b.kind == "heading1":
            chapter = b.text
        if b.kind == "table":
            spec = build_table(b.args[0], b.args[1] if len(b.args) > 1 and b.args[1] else None,
                               ctx)
            texts = [spec.empty_text] if not spec.rows else [c for r in spec.rows for c in r]
        else:
            texts = [b.text]
        for text in texts:
            found += [(chapter, p) for p in placeholders_in(text)]
    return list(dict.fromkeys(found))


def _not_final(errors: list, gaps: list[tuple[str, str]]) -> NotFinalError:
    ja = [f"エラー [{f.rule}] {f.message('ja')}" for f in errors]
    en = [f"error [{f.rule}] {f.message('en')}" for f in errors]
    ja += [f"{chapter or '計画書'}: {text}" for chapter, text in gaps]
    en += [f"{chapter or 'document'}: {text}" for chapter, text in gaps]
    return NotFinalError(ja, en)


#: The Act's full name, and how a document defines its short name at first use.
ACT = "官民データ活用推進基本法"
ACT_DEFINITION = "（平成28年法律第103号。以下「基本法」という。）"


def define_the_act(blocks: list[Block]) -> list[Block]:
    """「基本法」 defined where the document first names the Act, whoever wrote that text.

    The first mention in body text (headings aside) gets the definition: after the full
    name, or in place of a bare 「基本法」. Nothing changes when the text defines it already.
    """
    import dataclasses

    for n, b in enumerate(blocks):
        if b.kind.startswith("heading") or "基本法" not in b.text:
            continue
        if "以下「基本法」" in b.text:
            return blocks
        at = b.text.index("基本法")
        full = b.text.rfind(ACT, 0, at + 3) == at - len(ACT) + 3
        if full:
            end = at + 3
            text = b.text[:end] + ACT_DEFINITION + b.text[end:]
        else:
            text = b.text[:at] + ACT + ACT_DEFINITION + b.text[at + 3:]
        return [*blocks[:n], dataclasses.replace(b, text=text), *blocks[n + 1:]]
    return blocks


def render_plan(plan: Plan, out: Path, template: str | Path | None = None,
                include_checks: bool = False, lang: str = "ja",
                final: bool = False) -> list[tuple[str, str]]:
    """Write the plan document to ``out`` atomically; PlannerError on any user-caused failure.

    Returns notices for the user as (Japanese, English) messages: what was removed from the
    pack's Word file because it reached outside the document. The finished document is
    checked for anything that reaches outside before it is written (docx_safety.audit_parts,
    on the very bytes that are then zipped);
    if something is found, nothing is written. ``out`` ending in .pdf writes a PDF (through
    LibreOffice or Word, see planner.render.pdf); ``final`` refuses a draft (NotFinalError).
    """
    out = Path(out)
    pack = find_pack(template)
    document, errors, gaps = _build(plan, pack, include_checks, lang, final)
    members = document_parts(document)
    _require_self_contained(members, out)
    data = zipped(members)  # exactly the audited bytes
    if out.suffix.lower() == ".pdf":
        from planner.render.pdf import write_pdf

        write_pdf(data, out)
    else:
        write_atomically(out, data)
    notes = list(pack.reference_notes)
    if errors or gaps:
        notes.append(draft_notice(errors, gaps))
    return notes


def draft_notice(errors: int, gaps: int) -> tuple[str, str]:
    """Tell the user the document was written as a draft 「（案）」, and why."""
    ja = (f"計画書は（案）として出力しました（点検のエラー {errors} 件、未記入 {gaps} 箇所）。"
          "確定版にするには、これらを解消してから確定版として出力してください。")
    en = (f"The document was written as a draft: {errors} error finding(s) and {gaps} "
          "unwritten part(s) remain. Resolve them, then export it as final.")
    return ja, en


def _require_self_contained(members: list[tuple[str, bytes]], out: Path) -> None:
    """The post-condition: the document holds no outside reference, field or link."""
    from planner.render.docx_safety import audit_parts, summary

    found = audit_parts(members, out)
    if found:
        raise RenderError(
            "出力する文書に、文書の外を参照するものが残っていたため、書き出しませんでした。"
            f"{summary(found, out, 'ja')} 開発元に報告してください。",
            "The document still referred to something outside itself, so it was not written. "
            f"{summary(found, out, 'en')} Please report this.")
