"""One omission, one finding: the rules that list every item lacking the same thing.

A plan that leaves the same field empty on twenty measures has made one omission; a
reviewer says so once, naming the items, not twenty times. ``listing_hit`` is that finding.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from planner.checks import names
from planner.checks.registry import Hit
from planner.plan.model import DataSource, Issue, Kpi, Measure, Pillar

Item = Issue | Pillar | Measure | DataSource | Kpi


def listed(items: Sequence[Item], limit: int = 8) -> tuple[str, str]:
    """The first ``limit`` items by name, then ほか N件 / and N more: (ja, en)."""
    shown = items[:limit]
    more = len(items) - len(shown)
    ja = "、".join(names.ja(i) for i in shown) + (f" ほか{more}件" if more else "")
    en = ", ".join(names.en(i) for i in shown) + (f" and {more} more" if more else "")
    return ja, en


def listing_hit(found: Sequence[Item], message_ja: str, message_en: str, fix_ja: str,
                fix_en: str, field: str | None = None) -> Iterator[Hit]:
    """One hit on every item in ``found``, or none when it is empty.

    In the messages, ``{n}`` stands for how many items there are and ``{items}`` for them by
    name (``listed``).
    """
    if not found:
        return
    ja, en = listed(found)
    yield Hit(tuple(i.id for i in found), message_ja.format(n=len(found), items=ja),
              message_en.format(n=len(found), items=en), fix_ja, fix_en, field=field)
