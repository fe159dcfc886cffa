"""例文: standard chapter wording a planner inserts on purpose (never printed by itself).

The document prints only what the plan says; an empty chapter is a visible placeholder.
Standard wording is offered here instead, as data (``resources/examples/example_text.yaml``),
for the app's 「例文を挿入」 action: once inserted it is the plan's own text, to be adapted.
"""

from __future__ import annotations

import functools

from planner.plan.model import PlanInfo, PlanKind


@functools.cache
def _examples() -> dict[str, dict[str, str]]:
    from planner.files.paths import resources_dir
    from planner.io.yamlparse import load_strict

    path = resources_dir() / "examples" / "example_text.yaml"
    data = load_strict(path.read_text(encoding="utf-8"), str(path)) or {}
    return {str(k): {str(kk): str(vv) for kk, vv in (v or {}).items()} for k, v in data.items()}


def chapters_with_examples() -> list[str]:
    """Outline ids of the chapters that have a 例文."""
    return list(_examples())


def self_reference(name: str | None, kind: PlanKind | str | None) -> str:
    """本市 / 本町 / 本村 / 本区 / 本県 … from the name's last character (本市 by default)."""
    suffix = (name or "").strip()[-1:]
    if suffix in ("市", "町", "村", "区", "都", "道", "府", "県"):
        return "本" + suffix
    return "本県" if str(kind or "") == PlanKind.PREFECTURE else "本市"


def example_text(section: str, info: PlanInfo) -> str | None:
    """The 例文 for chapter ``section`` of the plan ``info`` describes; None when there is none."""
    texts = _examples().get(section)
    if not texts:
        return None
    kind = str(info.kind or PlanKind.MUNICIPALITY)
    text = texts.get(kind) or texts.get("any") or texts.get("municipality")
    if text is None:
        return None
    name = (info.municipality or "").strip() or ("〇〇県" if kind == PlanKind.PREFECTURE
                                                 else "〇〇市")
    return text.replace("{name}", name).replace("{self}", self_reference(name, kind))
