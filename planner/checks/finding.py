"""A finding: what the checker says about one problem in a plan, as data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from planner.plan.bilingual import Text

#: How reports and the document name each severity.
_LABELS = {"error": Text("エラー", "Error"), "warning": Text("警告", "Warning"),
           "info": Text("情報", "Info")}


class Severity(StrEnum):
    """error: unlawful or broken; warning: a reviewer would send it back; info: advice."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for error, 1 warning, 2 info: the order reports list them in."""
        return ("error", "warning", "info").index(self.value)

    def label(self, lang: str = "ja") -> str:
        """エラー / 警告 / 情報, or Error / Warning / Info."""
        return _LABELS[self.value].get(lang)


@dataclass(frozen=True)
class Finding:
    """One problem: rule, severity, the item ids concerned, and what to do about it.

    ``field`` names the key (as in the plan file, e.g. ``uses[0].legal_basis``) the
    planner should change, so that the app can jump to it.
    """

    rule: str
    severity: Severity
    nodes: tuple[str, ...]
    message_text: Text
    reference_text: Text
    fix_text: Text
    field: str | None = None

    def message(self, lang: str = "ja") -> str:
        """The message in ``lang``."""
        return self.message_text.get(lang)

    def reference(self, lang: str = "ja") -> str:
        """The article or guideline the finding rests on, in ``lang``."""
        return self.reference_text.get(lang)

    def fix(self, lang: str = "ja") -> str:
        """The suggested fix, in ``lang``."""
        return self.fix_text.get(lang)

    def to_json(self, lang: str = "ja") -> dict[str, Any]:
        """The §6 JSON shape: rule, severity, nodes, message, reference, fix."""
        return {
            "rule": self.rule,
            "severity": str(self.severity),
            "nodes": list(self.nodes),
            "message": self.message(lang),
            "reference": self.reference(lang),
            "fix": self.fix(lang),
        }


def summary(findings: Iterable[Finding]) -> dict[str, int]:
    """How many findings of each severity: {"error": n, "warning": n, "info": n}."""
    counts = {s.value: 0 for s in Severity}
    for f in findings:
        counts[str(f.severity)] += 1
    return counts
