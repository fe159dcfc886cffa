"""The plan document: context → section templates → Word file, written atomically.

``render_plan`` is the one entry point (the CLI and the app call it). Every failure a
person can cause ends in a :class:`~planner.errors.PlannerError`; an existing file at the
destination is never touched unless the new document was written completely.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from planner.atomic import Content, atomic_write
from planner.errors import PlannerError
from planner.model import Plan
from planner.render.context import build_context
from planner.render.packs import Pack, PackError, find_pack
from planner.render.text import Block, Directive, clean_text, parse_blocks

__all__ = ["OUTLINE", "PackError", "RenderError", "render_document", "render_plan"]

#: Chapters in the official municipal template's order (domain.md §5); cover comes from Word.
OUTLINE = ("toc", "current_state", "purpose", "positioning", "organization", "basic_policy",
           "measures", "security", "appendix_kpis", "appendix_data", "appendix_graph",
           "appendix_checks")


class RenderError(PlannerError):
    """The document could not be written."""


def _one_line(text: Any) -> str:
    return clean_text(text).replace("\n", " ").replace("\t", " ")


def _functions(lang: str, era: str | None = None) -> dict[str, Any]:
    """What section templates may call besides reading the context."""
    from planner import wareki

    return {
        "table": _table,
        "figure": _figure,
        "caption": lambda text: Directive("caption", (_one_line(text),)),
        "pagebreak": lambda: Directive("pagebreak"),
        "toc": lambda title="目次": Directive("toc", (str(title),)),
        "fy": lambda year: wareki.fiscal_year(year, lang, era),
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
        return "Whole plan" if lang == "en" else "計画全体"
    names = [f"{titles[node]}（{node}）" if titles.get(node) else node for node in nodes]
    return ("、" if lang != "en" else ", ").join(names)


def _findings(plan: Plan, lang: str) -> list[dict[str, str]]:
    from planner.checks import run_checks

    titles: dict[str, str] = {}
    for item in plan.items():  # the first item with an id names it, as Plan.find does
        titles.setdefault(item.id, item.title)
    return [{
        "rule": f.rule, "severity": f.severity.label(lang),
        "nodes": clean_text(_node_names(titles, f.nodes, lang)),
        "message": clean_text(f.message(lang)), "reference": clean_text(f.reference(lang)),
        "fix": clean_text(f.fix(lang)),
    } for f in run_checks(plan)]


def render_sections(pack: Pack, ctx: dict[str, Any]) -> list[Block]:
    """Every chapter's template rendered and parsed into blocks, in outline order."""
    blocks: list[Block] = []
    for section_id in OUTLINE:
        if section_id == "appendix_checks" and not ctx["include_checks"]:
            continue
        blocks += parse_blocks(pack.render_section(section_id, ctx))
    return blocks


def render_document(plan: Plan, template: str | Path | None = None,
                    include_checks: bool = False, lang: str = "ja"):
    """Build the document in memory and return the python-docx Document."""
    return _build(plan, find_pack(template), include_checks, lang)


def _build(plan: Plan, pack: Pack, include_checks: bool, lang: str):
    from planner.render.docx_writer import DocxWriter

    ctx = {**build_context(plan, lang), **_functions(lang), "include_checks": include_checks}
    if include_checks:
        ctx["findings"] = _findings(plan, lang)
    blocks = render_sections(pack, ctx)
    writer = DocxWriter(pack, ctx)
    writer.fill_cover()
    toc = next((b for b in blocks if b.kind == "toc"), None)
    if toc is not None:
        writer.add_toc(toc.args[0] if toc.args else "目次", blocks)
    writer.add_blocks(blocks)
    writer.finish()
    return writer.doc


def render_plan(plan: Plan, out: Path, template: str | Path | None = None,
                include_checks: bool = False, lang: str = "ja") -> list[tuple[str, str]]:
    """Write the plan document to ``out`` atomically; PlannerError on any user-caused failure.

    Returns notices for the user as (Japanese, English) messages: what was removed from the
    pack's Word file because it reached outside the document. The finished document is
    checked for anything that reaches outside before it is written (docx_safety.audit_docx);
    if something is found, nothing is written.
    """
    out = Path(out)
    pack = find_pack(template)
    document = _build(plan, pack, include_checks, lang)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    _require_self_contained(data, out)
    write_atomically(out, data)
    return list(pack.reference_notes)


def _require_self_contained(data: bytes, out: Path) -> None:
    """The post-condition: the document holds no outside reference, field or link."""
    from planner.render.docx_safety import audit_docx, summary

    found = audit_docx(data, out)
    if found:
        raise RenderError(
            "出力する文書に、文書の外を参照するものが残っていたため、書き出しませんでした。"
            f"{summary(found, out, 'ja')} 開発元に報告してください。",
            "The document still referred to something outside itself, so it was not written. "
            f"{summary(found, out, 'en')} Please report this.")


def write_atomically(out: Path, content: Content) -> None:
    """Replace ``out`` atomically by ``content`` (bytes, or a function writing to a binary
    file); RenderError, with ``out`` untouched, when it cannot be written."""
    if out.is_dir():
        raise RenderError(f"{out} はフォルダです。出力するファイルの名前を指定してください。",
                          f"{out} is a folder. Give the name of the file to write.")
    try:
        atomic_write(out, content)
    except OSError as exc:
        raise _unwritable(out, exc) from None


def _unwritable(out: Path, exc: OSError) -> RenderError:
    reason = exc.strerror or str(exc)
    return RenderError(
        f"{out} に書き込めません（{reason}）。フォルダが存在し書き込めるか、"
        "ファイルがWordなどで開かれていないか確認してください。既存のファイルは変更していません。",
        f"Cannot write {out} ({reason}). Check that the folder exists and is writable and that "
        "the file is not open in Word. Any existing file was left unchanged.",
    )
