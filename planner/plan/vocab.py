"""Shipped vocabularies (domain.md §4): every label of every code, in Japanese and English.

The facts live as YAML in ``resources/vocab/`` so that they can be corrected without
touching code; this module reads them once and answers questions about them. It is the
only place labels of codes come from: the app's lists and table cells, the document's
tables and sentences, the findings and the glossary all ask :func:`label` (or a
:class:`Term`), so the app and the document cannot word one code two ways.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from planner.files.paths import resources_dir
from planner.plan.bilingual import Text
from planner.plan.model import DataFormat

#: Kinds of code in ``codes.yaml`` (one per enum of the plan file).
CODE_KINDS = (
    "plan_kind", "acquisition", "category", "flow", "purpose", "legal_basis", "format",
    "update_frequency", "safety_measure", "license", "integrity", "kpi_type",
    "direction", "relation", "outline_id",
)

#: The ways a code is said (codes.yaml's header explains each). ``short`` falls back to
#: ``label``; the others are empty where the vocabulary has none.
Variant = Literal["label", "short", "help", "phrase", "note", "basis"]
VARIANTS: tuple[Variant, ...] = ("label", "short", "help", "phrase", "note", "basis")
_EMPTY = Text("", "")


@dataclass(frozen=True)
class Term:
    """A code with every way of saying it, in both languages."""

    code: str
    texts: dict[str, Text] = field(default_factory=dict)

    def text(self, variant: Variant = "label") -> Text:
        """The variant as bilingual text (see :data:`VARIANTS` for the fall-backs)."""
        found = self.texts.get(variant)
        if found is None and variant == "short":
            found = self.texts.get("label")
        return found or _EMPTY

    def label(self, lang: str = "ja", variant: Variant = "label") -> str:
        """The variant in ``lang``."""
        return self.text(variant).get(lang)


@dataclass(frozen=True)
class Article:
    """An article of 官民データ活用推進基本法 Chapter 3."""

    number: int
    title: Text  # the Act's heading
    short: Text  # a short name for tables (オープンデータ, Open data)
    core: bool  # counted by COV001

    @property
    def ref(self) -> Text:
        """How a citation names it: 基本法第11条 / Basic Act Art. 11."""
        return Text(f"基本法第{self.number}条", f"Basic Act Art. {self.number}")

    @property
    def name(self) -> Text:
        """The citation with the short name: 基本法第11条（オープンデータ） / Basic Act Art. 11
        (Open data)."""
        return Text(f"{self.ref.ja}（{self.short.ja}）", f"{self.ref.en} ({self.short.en})")


@cache
def _load(name: str) -> Any:
    from planner.io.yamlparse import load_strict

    path = resources_dir() / "vocab" / f"{name}.yaml"
    return load_strict(path.read_text(encoding="utf-8"), str(path))


@cache
def articles() -> tuple[Article, ...]:
    """基本法 Arts. 10–19 in order."""
    return tuple(
        Article(a["number"], Text(a["ja"]["title"], a["en"]["title"]),
                Text(a["ja"]["short"], a["en"]["short"]), bool(a["core"]))
        for a in _load("articles")
    )


def article(number: int) -> Article | None:
    """The article with this number, or None outside 10–19."""
    return next((a for a in articles() if a.number == number), None)


def core_articles() -> tuple[Article, ...]:
    """Articles every plan is expected to serve (COV001: 10, 11, 13, 14, 15)."""
    return tuple(a for a in articles() if a.core)


@cache
def terms(kind: str) -> tuple[Term, ...]:
    """Every code of ``kind`` in file order: a CODE_KINDS name, ``field`` or ``standard_dataset``."""
    if kind in ("field", "standard_dataset"):
        listed = _load("fields" if kind == "field" else "standard_datasets")
        return tuple(Term(str(t["code"]), {"label": Text.of(t)}) for t in listed)
    table = _load("codes")[kind]
    return tuple(Term(str(code), {v: Text.of(entry[v]) for v in VARIANTS if v in entry})
                 for code, entry in table.items())


@cache
def _by_code(kind: str) -> dict[str, Term]:
    return {t.code: t for t in terms(kind)}


def term(kind: str, code: str) -> Term | None:
    """The term for ``code`` of ``kind``, or None if it is not known."""
    return _by_code(kind).get(str(code))


def text(kind: str, code: Any, variant: Variant = "label") -> Text:
    """A code's label (or another variant) in both languages; the code itself when unknown."""
    if code is None:
        return _EMPTY
    found = term(kind, str(code))
    if found is None:
        return Text.of(str(code)) if variant in ("label", "short") else _EMPTY
    return found.text(variant)


def label(kind: str, code: Any, lang: str = "ja", variant: Variant = "label") -> str:
    """A code's label for people in ``lang``: the one accessor the app and the document share.

    The code itself when unknown, '' for None; ``variant`` picks another way of saying it.
    """
    return text(kind, code, variant).get(lang)


def standard_datasets() -> tuple[Term, ...]:
    """自治体標準オープンデータセット, numbered."""
    return terms("standard_dataset")


@cache
def _compatible_licenses() -> frozenset[str]:
    return frozenset(t["code"] for t in _load("licenses") if t["compatible"])


def license_compatible(code: Any) -> bool:
    """True when the licence may be combined with CC BY 4.0."""
    return code is not None and str(code) in _compatible_licenses()


def five_star(fmt: DataFormat | str | None, licensed: bool = True) -> int:
    """The 5-star open data level of data published in ``fmt`` (0 without an open licence)."""
    if not licensed or fmt is None:
        return 0
    return int(_load("five_star")["formats"].get(str(fmt), 0))


def five_star_label(level: int, lang: str = "ja") -> str:
    """The level described in words (★★★ オープンな形式…)."""
    return Text.of(_load("five_star")["levels"][str(level)]).get(lang)
