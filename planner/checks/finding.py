"""A finding: what the checker says about one problem in a plan, as data."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """error: unlawful or broken; warning: a reviewer would send it back; info: advice."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for error, 1 warning, 2 info: the order reports list them in."""
        return ("error", "warning", "info").index(self.value)


@dataclass(frozen=True)
class Finding:
    """One problem: rule, severity, the item ids concerned, and what to do about it.

    ``field`` names the key (as in the plan file, e.g. ``uses[0].legal_basis``) the
    planner should change, so that the app can jump to it.
    """

    rule: str
    severity: Severity
    nodes: tuple[str, ...]
    message_ja: str
    message_en: str
    reference_ja: str
    reference_en: str
    fix_ja: str
    fix_en: str
    field: str | None = None

    def message(self, lang: str = "ja") -> str:
        """The message in ``lang``."""
        return self.message_en if lang == "en" else self.message_ja

    def reference(self, lang: str = "ja") -> str:
        """The article or guideline the finding rests on, in ``lang``."""
        return self.reference_en if lang == "en" else self.reference_ja

    def fix(self, lang: str = "ja") -> str:
        """The suggested fix, in ``lang``."""
        return self.fix_en if lang == "en" else self.fix_ja

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
