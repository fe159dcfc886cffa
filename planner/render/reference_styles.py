"""Styles a pack's reference.docx lacks, borrowed from the built-in pack's reference file.

A consultant may delete a style in Word (``Table Text``), rename one, or start the reference
file from a blank document that never defined ``List Bullet``. The renderer uses styles by
name, so each missing one is copied in from the built-in reference: with the styles it is
based on (unless the pack has a style of that name, whose look it then inherits) and with
its bullet numbering, under a style id the pack does not use yet. The result is a valid
document whose headings are still headings and whose tables still look like tables.
"""

from __future__ import annotations

import copy
from typing import Any

from docx.oxml.ns import qn


def borrow_styles(target: Any, source: Any, names: list[str]) -> list[str]:
    """Copy the styles ``names`` (python-docx names) from ``source`` into ``target``.

    Returns the names actually borrowed (a name ``source`` lacks too is skipped).
    """
    borrower = _Borrower(target, source)
    return [name for name in names if borrower.borrow_by_name(name) is not None]


def normalise_names(document: Any, names: list[str]) -> list[str]:
    """Give styles saved as ``TOC 1`` (LibreOffice) their Word name ``toc 1``; the rest.

    Returns the names still missing afterwards.
    """
    missing = []
    for name in names:
        if any(s.name == name for s in document.styles):
            continue
        twin = next((s for s in document.styles if (s.name or "").lower() == name.lower()), None)
        if twin is None:
            missing.append(name)
        else:
            twin.name = name  # python-docx writes Word's internal spelling
    return missing


def _name(style_el: Any) -> str:
    el = style_el.find(qn("w:name"))
    return el.get(qn("w:val")) if el is not None else ""


class _Borrower:
    """Copies style elements between two python-docx Documents, fixing their references."""

    def __init__(self, target: Any, source: Any) -> None:
        self.target, self.source = target, source
        self.root = target.styles.element
        self.copied: dict[str, str] = {}  # source style id -> target style id

    def _target_id_for_name(self, internal_name: str) -> str | None:
        for el in self.root.findall(qn("w:style")):
            if _name(el).lower() == internal_name.lower():
                return el.get(qn("w:styleId"))
        return None

    def borrow_by_name(self, name: str) -> str | None:
        """Borrow the style python-docx calls ``name``; its id in ``target``."""
        found = next((s for s in self.source.styles if s.name == name), None)
        return None if found is None else self._borrow(found.element)

    def _borrow(self, el: Any) -> str:
        source_id = el.get(qn("w:styleId"))
        if source_id in self.copied:
            return self.copied[source_id]
        existing = self._target_id_for_name(_name(el))
        if existing is not None:  # the pack has it (e.g. its own Normal): use the pack's look
            self.copied[source_id] = existing
            return existing
        new = copy.deepcopy(el)
        new_id = self._free_id(source_id)
        new.set(qn("w:styleId"), new_id)
        self.copied[source_id] = new_id
        self._fix_based_on(new)
        for tag in ("w:next", "w:link"):  # companions the pack may not have: drop, not dangle
            ref = new.find(qn(tag))
            if ref is not None and ref.get(qn("w:val")) != source_id:
                new.remove(ref)
        self._fix_numbering(new)
        self.root.append(new)
        return new_id

    def _free_id(self, wanted: str) -> str:
        taken = {el.get(qn("w:styleId")) for el in self.root.findall(qn("w:style"))}
        candidate, n = wanted, 1
        while candidate in taken:  # a renamed style may still hold the original id
            candidate, n = f"{wanted}Planner{n if n > 1 else ''}", n + 1
        return candidate

    def _fix_based_on(self, new: Any) -> None:
        based = new.find(qn("w:basedOn"))
        if based is None:
            return
        parent = self._source_style(based.get(qn("w:val")))
        if parent is None:
            new.remove(based)
        else:
            based.set(qn("w:val"), self._borrow(parent))

    def _source_style(self, style_id: str) -> Any:
        for el in self.source.styles.element.findall(qn("w:style")):
            if el.get(qn("w:styleId")) == style_id:
                return el
        return None

    def _fix_numbering(self, new: Any) -> None:
        """A bullet style's list definition is copied too, under fresh ids."""
        num_id_el = new.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if num_id_el is None:
            return
        num_id = num_id_el.get(qn("w:val"))
        source_numbering = self.source.part.numbering_part.element
        num = source_numbering.num_having_numId(int(num_id)) if num_id else None
        abstract = None
        if num is not None:
            abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
            abstract = next((a for a in source_numbering.findall(qn("w:abstractNum"))
                             if a.get(qn("w:abstractNumId")) == abstract_id), None)
        if abstract is None:
            num_pr = num_id_el.getparent()
            num_pr.getparent().remove(num_pr)
            return
        numbering = self.target.part.numbering_part.element
        used = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
        new_abstract = copy.deepcopy(abstract)
        new_abstract_id = max(used, default=-1) + 1
        new_abstract.set(qn("w:abstractNumId"), str(new_abstract_id))
        for link in [*new_abstract.findall(qn("w:styleLink")),
                     *new_abstract.findall(qn("w:numStyleLink"))]:
            new_abstract.remove(link)
        for p_style in new_abstract.iter(qn("w:pStyle")):  # the level names its style
            if p_style.get(qn("w:val")) in self.copied:
                p_style.set(qn("w:val"), self.copied[p_style.get(qn("w:val"))])
        # Schema order: every abstractNum comes before the first num.
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(new_abstract)
        else:
            numbering.append(new_abstract)
        num_id_el.set(qn("w:val"), str(numbering.add_num(new_abstract_id).numId))
