"""Longer explanations of a data use's choices, shown beside the data-use table.

The vocabulary gives each code a one-line meaning (``help``) and, for the choices that
carry legal weight, a longer ``note``: what a planning officer needs to decide, what it
means and when it is allowed. Both come from resources/vocab/codes.yaml.
"""

from __future__ import annotations

import html

from planner.plan import vocab
from planner.plan.model import DataSource, DataUse, Plan
from planner.ui.i18n import fill, lang, translate


def describe_use(use: DataUse, plan: Plan) -> str:
    """What the chosen flow, purpose and basis of ``use`` mean, as rich text."""
    parts: list[str] = []
    source = plan.find(use.data) if use.data else None
    if isinstance(source, DataSource) and source.category is not None:
        parts.append(fill(translate("ui", "<b>データの種類：</b>%1 — %2"),
                          html.escape(vocab.label("category", source.category, lang())),
                          html.escape(_help("category", source.category))))
    for kind, code, heading in (("flow", use.flow, translate("ui", "流れ")),
                                ("purpose", use.purpose, translate("ui", "目的との関係")),
                                ("legal_basis", use.legal_basis, translate("ui", "法的根拠"))):
        if code is None:
            continue
        text = fill(translate("ui", "<b>%1：</b>%2 — %3"), html.escape(heading),
                    html.escape(vocab.label(kind, code, lang())), html.escape(_help(kind, code)))
        note = html.escape(vocab.label(kind, code, lang(), "note"))
        parts.append(text + (f"<br>{note}" if note else ""))
    if use.rationale:  # the table's cell is narrow: the whole text reads here
        parts.append(fill(translate("ui", "<b>理由・説明：</b>%1"), html.escape(use.rationale)))
    if not parts:
        return translate("ui", "行を選ぶと、選んだ流れ・目的・法的根拠の意味がここに表示されます。")
    return "<br>".join(parts)


def _help(kind: str, code: object) -> str:
    term = vocab.term(kind, str(code))
    return term.label(lang(), "help") if term else ""
