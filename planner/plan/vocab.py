"""Shipped vocabularies (domain.md §4) with Japanese and English labels.

The facts live as YAML in ``resources/vocab/`` so that they can be corrected without
touching code; this module reads them once and answers questions about them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from planner.files.paths import resources_dir
from planner.plan.model import DataFormat

#: Kinds of code in ``codes.yaml`` (one per enum of the plan file).
CODE_KINDS = (
    "plan_kind", "acquisition", "category", "flow", "purpose", "legal_basis", "format",
    "update_frequency", "safety_measure", "license", "integrity", "kpi_type",
    "direction", "relation", "outline_id",
)


@dataclass(frozen=True)
class Term:
    """A code with its labels and a one-line explanation in both languages."""

    code: str
    ja: str
    en: str
    help_ja: str = ""
    help_en: str = ""

    def label(self, lang: str = "ja") -> str:
        """The label in ``lang`` (``ja`` or ``en``)."""
        return self.en if lang == "en" else self.ja

    def help(self, lang: str = "ja") -> str:
        """What choosing this code means, in ``lang``."""
        return self.help_en if lang == "en" else self.help_ja


@dataclass(frozen=True)
class Article:
    """An article of 官民データ活用推進基本法 Chapter 3."""

    number: int
    title_ja: str
    short_ja: str
    title_en: str
    short_en: str
    core: bool  # counted by COV001

    def title(self, lang: str = "ja") -> str:
        """The article's heading."""
        return self.title_en if lang == "en" else self.title_ja

    def short(self, lang: str = "ja") -> str:
        """A short name for tables (オープンデータ, Open data)."""
        return self.short_en if lang == "en" else self.short_ja

    def ref(self, lang: str = "ja") -> str:
        """How a citation names it: 基本法第11条 / Basic Act Art. 11."""
        return f"Basic Act Art. {self.number}" if lang == "en" else f"基本法第{self.number}条"

    def name(self, lang: str = "ja") -> str:
        """The citation with the short name: 基本法第11条（オープンデータ） / Basic Act Art. 11
        (Open data)."""
        if lang == "en":
            return f"{self.ref('en')} ({self.short('en')})"
        return f"{self.ref()}（{self.short()}）"


@cache
def _load(name: str) -> Any:
    from planner.io.yamlparse import load_strict

    path = resources_dir() / "vocab" / f"{name}.yaml"
    return load_strict(path.read_text(encoding="utf-8"), str(path))


@cache
def articles() -> tuple[Article, ...]:
    """基本法 Arts. 10–19 in order."""
    return tuple(
        Article(a["number"], a["ja"]["title"], a["ja"]["short"], a["en"]["title"],
                a["en"]["short"], bool(a["core"]))
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
    if kind == "field":
        return tuple(Term(t["code"], t["ja"], t["en"]) for t in _load("fields"))
    if kind == "standard_dataset":
        return tuple(Term(t["code"], t["ja"], t["en"]) for t in _load("standard_datasets"))
    table = _load("codes")[kind]
    return tuple(Term(str(code), **entry) for code, entry in table.items())


def term(kind: str, code: str) -> Term | None:
    """The term for ``code`` of ``kind``, or None if it is not known."""
    return next((t for t in terms(kind) if t.code == str(code)), None)


def label(kind: str, code: Any, lang: str = "ja") -> str:
    """A code's label for people; the code itself when unknown, '' for None."""
    if code is None:
        return ""
    found = term(kind, str(code))
    return found.label(lang) if found else str(code)


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
    return _load("five_star")["levels"][str(level)][lang if lang == "en" else "ja"]
