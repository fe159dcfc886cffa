"""Stage 4b, structure: what the schema cannot see but no plan can be built on.

The 施策体系 (``pillars``) must be a tree of at most MAX_PILLAR_DEPTH levels: a pillar's
``parent`` must name a pillar, parents must not go round in a circle, and there is no
4th level (domain.md §2.4). Each is refused at the ``parent`` that breaks it, with the
fix. Missing things (a pillar with no measure) are the checker's, not this stage's.
"""

from __future__ import annotations

from typing import Any

from planner.plan.model import MAX_PILLAR_DEPTH

Path_ = tuple[str | int, ...]


def _pillars(data: dict[str, Any]) -> list[tuple[int, str, Any]]:
    """(index, id, parent) of each pillar that has a text id, in file order."""
    found = []
    for index, item in enumerate(data.get("pillars") or []):
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            found.append((index, item["id"], item.get("parent")))
    return found


def pillar_problems(data: dict[str, Any]) -> list[tuple[Path_, str, str, str]]:
    """(path, ja, en, code) for every unknown parent, cycle and level past the third."""
    pillars = _pillars(data)
    parent_of: dict[str, Any] = {}
    index_of: dict[str, int] = {}
    for index, ident, parent in pillars:
        parent_of.setdefault(ident, parent)
        index_of.setdefault(ident, index)
    problems: list[tuple[Path_, str, str, str]] = []
    for index, ident, parent in pillars:
        if parent is None or index_of[ident] != index:
            continue  # top level; a repeated id is REF002's (the first one counts here)
        path = ("pillars", index, "parent")
        if parent not in parent_of:
            problems.append((path,
                             (f"上位の項目「{parent}」は施策体系（pillars）にありません。ID を確認するか、"
                             "最上位の項目なら parent を消してください。"),
                             (f"The parent “{parent}” is not a pillar. Check the id, or remove parent "
                             "for a top-level pillar."), "pillar_parent"))
            continue
        chain, at = [ident], parent
        while at is not None and at in parent_of and at not in chain:
            chain.append(at)
            at = parent_of[at]
        if at in chain:
            loop = " → ".join([*chain[chain.index(at):], at])
            problems.append((path,
                             (f"施策体系の上位・下位が循環しています（{loop}）。どれか一つの parent を"
                             "消すか直してください。"),
                             (f"The pillars' parents go round in a circle ({loop}). Remove or "
                             "correct one parent."), "pillar_cycle"))
        elif at is None and len(chain) > MAX_PILLAR_DEPTH:
            problems.append((path,
                             (f"施策体系は{MAX_PILLAR_DEPTH}階層まで（基本目標 → 基本施策 → 取組）です。"
                             f"「{ident}」は{len(chain)}階層目になります。施策（measures）として書き、"
                             "pillar で上位の項目を指定してください。"),
                             (f"Pillars have at most {MAX_PILLAR_DEPTH} levels (goal → policy → "
                             f"action); “{ident}” is on level {len(chain)}. Write it as a measure "
                             "whose pillar is its parent."), "pillar_depth"))
    return problems
