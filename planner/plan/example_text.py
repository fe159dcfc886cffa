"""例文: standard chapter wording a planner inserts on purpose (never printed by itself).

The document prints only what the plan says; an empty chapter is a visible placeholder.
Standard wording is offered here instead, as data (``resources/examples/example_text.yaml``),
for the app's 「例文を挿入」 action: once inserted it is the plan's own text, to be adapted.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from planner.plan.model import Measure, PlanInfo, PlanKind

#: Not a chapter: the yaml's wording of each 基本法 article for ``{priorities}``.
_PHRASES = "article_phrases"
#: The articles listed while no measure marks any (the five most plans put first).
DEFAULT_PRIORITIES = (10, 11, 13, 14, 15)


@functools.cache
def _examples() -> dict[str, dict[str, str]]:
    from planner.files.paths import resources_dir
    from planner.io.yamlparse import load_strict

    path = resources_dir() / "examples" / "example_text.yaml"
    data = load_strict(path.read_text(encoding="utf-8"), str(path)) or {}
    return {str(k): {str(kk): str(vv) for kk, vv in (v or {}).items()} for k, v in data.items()}


def chapters_with_examples() -> list[str]:
    """Outline ids of the chapters that have a 例文."""
    return [key for key in _examples() if key != _PHRASES]


def priority_articles(measures: Iterable[Measure]) -> list[int]:
    """The articles the measures serve as ◎ (else ○), in article order; the usual five
    while none is marked."""
    measures = list(measures)
    for pick in ("primary", "related"):
        chosen = sorted({n for m in measures for n in getattr(m.articles, pick)})
        if chosen:
            return chosen
    return list(DEFAULT_PRIORITIES)


def _priorities(articles: Iterable[int]) -> str:
    phrases = _examples().get(_PHRASES, {})
    lines = [f"（{i}）{phrases.get(str(n), '')}（第{n}条）"
             for i, n in enumerate((n for n in articles if str(n) in phrases), start=1)]
    return "\n".join(lines)


def self_reference(name: str | None, kind: PlanKind | str | None) -> str:
    """本市 / 本町 / 本村 / 本区 / 本県 … from the name's last character (本市 by default)."""
    suffix = (name or "").strip()[-1:]
    if suffix in ("市", "町", "村", "区", "都", "道", "府", "県"):
        return "本" + suffix
    return "本県" if str(kind or "") == PlanKind.PREFECTURE else "本市"


def example_text(section: str, info: PlanInfo,
                 measures: Iterable[Measure] = ()) -> str | None:
    """The 例文 for chapter ``section`` of the plan ``info`` describes; None when there is none.
    ``measures``: the plan's, whose ◎ articles 第5章's example lists as priorities."""
    texts = _examples().get(section) if section != _PHRASES else None
    if not texts:
        return None
    kind = str(info.kind or PlanKind.MUNICIPALITY)
    text = texts.get(kind) or texts.get("any") or texts.get("municipality")
    if text is None:
        return None
    name = (info.municipality or "").strip() or ("〇〇県" if kind == PlanKind.PREFECTURE
                                                 else "〇〇市")
    text = text.replace("{name}", name).replace("{self}", self_reference(name, kind))
    if "{priorities}" in text:
        text = text.replace("{priorities}", _priorities(priority_articles(measures)))
    return text
