"""The rule registry: each rule is a small function registered with its metadata.

A rule receives the PlanGraph (its ``plan`` attribute is the Plan) and yields ``Hit``s;
the registry turns them into ``Finding``s with the rule's id, severity and reference.
Adding a rule is one decorated function in a family module plus its tests; the rule
reference in docs/rules.md is generated from this registry (``python -m planner.checks.docs``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from planner.checks.finding import Finding, Severity
from planner.plan.bilingual import Text
from planner.plan.graph import PlanGraph

#: Families in the order the docs and reports present them.
FAMILIES = {
    "REF": Text("参照の整合性", "References"),
    "PLN": Text("計画の基本情報", "Plan facts"),
    "GAP": Text("計画の抜け・つながり", "Gaps in the plan's chain"),
    "COV": Text("基本法・標準データセットの網羅", "Coverage"),
    "PRV": Text("個人情報の適正な取扱い", "Personal information"),
    "OPN": Text("オープンデータ", "Open data"),
    "RDY": Text("計画書として出せる状態か", "Readiness"),
}


@dataclass(frozen=True)
class Hit:
    """What a rule found in one place; the registry adds rule id, severity and reference."""

    nodes: tuple[str, ...]
    message_ja: str
    message_en: str
    fix_ja: str
    fix_en: str
    field: str | None = None
    reference_ja: str | None = None  # overrides the rule's reference when more precise
    reference_en: str | None = None


Check = Callable[[PlanGraph], Iterable[Hit]]


def _sentence(text: str) -> str:
    """English messages often open with an item name ("measure …"); capitalise the sentence."""
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Rule:
    """A registered rule and what the docs and the UI say about it."""

    id: str
    severity: Severity
    title_text: Text
    reference_text: Text
    fix_text: Text
    check: Check

    @property
    def family(self) -> str:
        """The id's letters: REF, GAP, PRV …"""
        return self.id.rstrip("0123456789")

    def title(self, lang: str = "ja") -> str:
        """What the rule finds, in one line."""
        return self.title_text.get(lang)

    def reference(self, lang: str = "ja") -> str:
        """The article or guideline the rule rests on."""
        return self.reference_text.get(lang)

    def fix(self, lang: str = "ja") -> str:
        """What to do, in general, when the rule fires."""
        return self.fix_text.get(lang)

    def run(self, graph: PlanGraph) -> list[Finding]:
        """The rule's findings on ``graph``."""
        return [self._finding(h) for h in self.check(graph)]

    def _finding(self, hit: Hit) -> Finding:
        return Finding(
            rule=self.id, severity=self.severity, nodes=hit.nodes,
            message_text=Text(hit.message_ja, _sentence(hit.message_en)),
            reference_text=Text(hit.reference_ja or self.reference_text.ja,
                                hit.reference_en or self.reference_text.en),
            fix_text=Text(hit.fix_ja, _sentence(hit.fix_en)), field=hit.field,
        )


_RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, *, title_ja: str, title_en: str, reference_ja: str,
         reference_en: str, fix_ja: str, fix_en: str) -> Callable[[Check], Check]:
    """Register the decorated check function as rule ``rule_id``."""

    def register(check: Check) -> Check:
        if rule_id in _RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        if rule_id.rstrip("0123456789") not in FAMILIES:
            raise ValueError(f"rule {rule_id} has no known family")
        _RULES[rule_id] = Rule(rule_id, severity, Text(title_ja, title_en),
                               Text(reference_ja, reference_en), Text(fix_ja, fix_en), check)
        return check

    return register


def _family_key(rule_id: str) -> tuple[int, str]:
    return list(FAMILIES).index(rule_id.rstrip("0123456789")), rule_id


def registered() -> list[Rule]:
    """Every registered rule, by family then id (modules must already be imported)."""
    return [_RULES[i] for i in sorted(_RULES, key=_family_key)]
