"""Reading and writing plan files (YAML, UTF-8, schema_version 1).

PROVISIONAL: a first cut with the public API fixed; the staged loader (read → parse →
validate → migrate → build) with line/column problems replaces the internals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from planner.codec import plan_from_dict, plan_to_dict
from planner.model import Plan


@dataclass(frozen=True)
class Problem:
    """One reason a plan file cannot be used, located where possible."""

    file: str
    line: int | None
    column: int | None
    message_ja: str
    message_en: str
    code: str = "invalid"

    def message(self, lang: str = "ja") -> str:
        """The message in ``lang``."""
        return self.message_en if lang == "en" else self.message_ja

    def format(self, lang: str = "ja") -> str:
        """``file:line:column: message`` as compilers print it."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message(lang)}"


@dataclass
class PlanFileError(Exception):
    """The file could not be used; ``problems`` says every reason found."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(p.format("en") for p in self.problems)


def loads_plan(text: str | bytes, filename: str = "<string>") -> Plan:
    """Parse a plan from text or bytes; raise PlanFileError if it cannot be used."""
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise PlanFileError([Problem(filename, None, None, str(exc), str(exc), "yaml")]) from None
    return plan_from_dict(data)


def load_plan(path: str | Path) -> Plan:
    """Load the plan file at ``path``."""
    path = Path(path)
    return loads_plan(path.read_bytes(), str(path))


def dumps_plan(plan: Plan) -> str:
    """The plan as deterministic, readable YAML."""
    return yaml.safe_dump(plan_to_dict(plan), allow_unicode=True, sort_keys=False)


def save_plan(plan: Plan, path: str | Path) -> None:
    """Write the plan to ``path``."""
    Path(path).write_text(dumps_plan(plan), encoding="utf-8")


@dataclass
class LoadedPlan:
    """A plan with where it came from: ``locations`` maps item ids to 1-based lines."""

    plan: Plan
    path: Path | None = None
    locations: dict[str, int] = field(default_factory=dict)


def load_document(path: str | Path) -> LoadedPlan:
    """Load ``path`` keeping the line of each item, for messages that point into the file."""
    return LoadedPlan(load_plan(path), Path(path))
