"""Problems found in a plan file, and the error that carries them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from planner.errors import PlannerError

#: At most this many problems are listed; the rest are counted in one closing line.
MAX_PROBLEMS = 50


@dataclass(frozen=True)
class Problem:
    """One reason a plan file cannot be used, located where possible (1-based)."""

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


def _sort_key(problem: Problem) -> tuple[int, int]:
    return (problem.line or 0, problem.column or 0)


#: Stages stop looking after this many problems (a 20 MB file of errors stays fast).
SEARCH_LIMIT = 1000


def capped(problems: Iterable[Problem], limit: int = MAX_PROBLEMS,
           search_limit: int = SEARCH_LIMIT) -> list[Problem]:
    """Problems in file order, at most ``limit`` of them plus a line counting the rest."""
    ordered = sorted(problems, key=_sort_key)
    if len(ordered) <= limit:
        return ordered
    rest = len(ordered) - limit
    last = ordered[limit - 1]
    if len(ordered) >= search_limit:  # the stages stopped counting here
        more = Problem(last.file, None, None, f"…ほか {rest} 件以上の問題があります。",
                       f"…and {rest} or more further problems.", "more")
    else:
        more = Problem(last.file, None, None, f"…ほか {rest} 件の問題があります。",
                       f"…and {rest} more problems.", "more")
    return [*ordered[:limit], more]


class PlanFileError(PlannerError):
    """The file could not be used; ``problems`` says every reason found."""

    def __init__(self, problems: Iterable[Problem] = ()) -> None:
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(p.format("ja") for p in self.problems),
                         "\n".join(p.format("en") for p in self.problems))

    def __str__(self) -> str:
        return self.message_en

    def __reduce__(self):  # keeps the error picklable (e.g. across worker processes)
        return (type(self), (self.problems,))
