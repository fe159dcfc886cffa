"""Problems found in a plan file, the error that carries them, and the one that says the
file changed on disk since it was opened (raised by saving and by ``planner.files.locking``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from planner.errors import PlannerError
from planner.plan.bilingual import Text
from planner.plan.model import kind_word

#: At most this many problems are listed; the rest are counted in one closing line.
MAX_PROBLEMS = 50


def _shorten(text: str, limit: int = 40) -> str:
    """One line, cut short: a multi-line or pasted title must not flood the message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


@dataclass(frozen=True)
class ItemRef:
    """The plan item a problem lies in: its list, 1-based place in it, id and title if readable."""

    list_key: str  # issues | pillars | measures | data_sources | kpis
    number: int
    id: str | None = None
    title: str | None = None

    def label(self, lang: str = "ja") -> str:
        """施策 M-1『タイトル』 / measure M-1 "title"; 3番目の施策 / measure #3 without an id."""
        kind_ja, kind_en = kind_word(self.list_key), kind_word(self.list_key, "en")
        ident = _shorten(self.id) if self.id else None
        title = _shorten(self.title) if self.title else None
        who = Text(f"{kind_ja} {ident}", f"{kind_en} {ident}") if ident else \
            Text(f"{self.number}番目の{kind_ja}", f"{kind_en} #{self.number}")
        return (who + Text(f"『{title}』", f' "{title}"') if title else who).get(lang)


@dataclass(frozen=True)
class Problem:
    """One reason a plan file cannot be used, located where possible (1-based).

    ``item`` names the issue, measure, data source or KPI the problem lies in (None for
    problems in ``plan:``, at the top level, or found before the file could be parsed).
    """

    file: str
    line: int | None
    column: int | None
    message_ja: str
    message_en: str
    code: str = "invalid"
    item: ItemRef | None = None

    def message(self, lang: str = "ja") -> str:
        """The message in ``lang``."""
        return Text(self.message_ja, self.message_en).get(lang)

    def text(self, lang: str = "ja") -> str:
        """The message preceded by the item it is about: ``施策 M-1『…』: message``."""
        if self.item is None:
            return self.message(lang)
        return f"{self.item.label(lang)}: {self.message(lang)}"

    def format(self, lang: str = "ja") -> str:
        """``file:line:column: item: message`` as compilers print it."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.text(lang)}"


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

    def message(self, lang: str = "ja") -> str:
        """Every problem, one a line, in ``lang`` (also those added after construction)."""
        return "\n".join(p.format(lang) for p in self.problems)

    def __reduce__(self) -> tuple[type[PlanFileError], tuple[list[Problem]]]:  # keeps the error picklable (e.g. across worker processes)
        return (type(self), (self.problems,))


class FileChangedError(PlannerError):
    """The plan file changed on disk since it was opened (or last saved)."""

    def __init__(self, path: Path, kind: str) -> None:
        self.path = path
        self.kind = kind  # "modified" | "deleted"
        if kind == "deleted":
            super().__init__(
                f"{path} は開いた後に移動または削除されました。保存すると新しく作成されます。",
                f"{path} was moved or deleted after it was opened. Saving will create it again.",
            )
        else:
            super().__init__(
                f"{path} は開いた後に他の人またはプログラムによって変更されています。"
                "上書きすると、その変更は失われます。別名で保存することをお勧めします。",
                f"{path} was changed by someone or something else after it was opened. "
                "Overwriting it would lose those changes; consider Save As.",
            )
