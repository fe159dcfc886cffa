"""Japanese era (和暦) dates and fiscal years as plan documents and forms print them.

Dates convert by the exact day an era began: 昭和64年1月7日 is followed by 平成元年1月8日,
平成31年4月30日 by 令和元年5月1日. A date known only to the month prints as 平成31年3月
(March 2019 lies wholly in 平成); a month in which the era changed (1989-01, 2019-05 is
not one: 令和 began on the 1st) names the era of its first day.

Fiscal years (年度) run April–March. **Convention** (documented in docs/templates.md):

- By default a fiscal year is named by the newest era that began in its calendar year, the
  usage the government settled on after each change of era: FY2019 is 令和元年度 (平成31年度
  was renamed from 1 May 2019), FY1988 is 昭和63年度 and FY1989 is 平成元年度.
- A plan adopted before an era began was written in the old era: 平成31年3月 に策定した
  計画 says 平成31年度〜平成35年度. Such a plan's document names every fiscal year in the
  era in force on its adoption date (``era=`` below), continuing the count past the era's
  end (平成35年度 = FY2023), so that the document never prints two era forms of the same
  period side by side. The Western year always follows in brackets, so nothing is ambiguous.
"""

from __future__ import annotations

import datetime as _dt
import re

from planner.plan.bilingual import Text

#: (first day, era name), newest first; the era's year 1 is 元年.
ERAS: tuple[tuple[_dt.date, str], ...] = (
    (_dt.date(2019, 5, 1), "令和"),
    (_dt.date(1989, 1, 8), "平成"),
    (_dt.date(1926, 12, 25), "昭和"),
    (_dt.date(1912, 7, 30), "大正"),
)
_ERA_START_YEAR = {name: start.year for start, name in ERAS}
_MONTH = re.compile(r"\A(\d{4})-(\d{2})\Z")


def _year_word(name: str, n: int) -> str:
    return f"{name}{'元' if n == 1 else n}年"


def era_of(day: _dt.date) -> tuple[str, int] | None:
    """(era name, era year) of ``day``: ('平成', 31) for 2019-04-30; None before 大正."""
    for start, name in ERAS:
        if day >= start:
            return name, day.year - start.year + 1
    return None


def era_year(year: int, era: str | None = None) -> str:
    """令和8年 for 2026; 令和元年 for 2019; with ``era`` the count in that era (平成35年)."""
    if era in _ERA_START_YEAR and year >= _ERA_START_YEAR[era]:
        return _year_word(era, year - _ERA_START_YEAR[era] + 1)
    for start, name in ERAS:
        if year >= start.year:
            return _year_word(name, year - start.year + 1)
    return f"{year}年"


def western_year(era: str, n: int) -> int | None:
    """2026 for (令和, 8), 2019 for (令和, 1); None for an era not known here."""
    start = _ERA_START_YEAR.get(era)
    return None if start is None else start + n - 1


def fiscal_year_of(day: _dt.date) -> int:
    """The fiscal year (April–March) ``day`` falls in: FY2025 for 2026-03-31."""
    return day.year if day.month >= 4 else day.year - 1


def fiscal_year(fy: int | None, lang: str = "ja", era: str | None = None) -> str:
    """令和8年度（2026年度） in Japanese, FY2026 in English, '' when unknown."""
    if fy is None:
        return ""
    return Text(f"{era_year(fy, era)}度（{fy}年度）", f"FY{fy}").get(lang)


def fiscal_year_short(fy: int | None, era: str | None = None) -> str:
    """令和8年度, for tight table cells and spin boxes."""
    return "" if fy is None else f"{era_year(fy, era)}度"


def fiscal_range(start: int | None, end: int | None, lang: str = "ja",
                 era: str | None = None) -> str:
    """令和8年度（2026年度）〜令和12年度（2030年度）."""
    if start is None and end is None:
        return ""
    sep = Text("〜", " – ").get(lang)
    return f"{fiscal_year(start, lang, era) or '?'}{sep}{fiscal_year(end, lang, era) or '?'}"


def parse_date(value: object) -> tuple[_dt.date, bool] | None:
    """(date, day_known) from 'YYYY-MM-DD', 'YYYY-MM' or a date; None when not a date."""
    if isinstance(value, _dt.datetime):
        return value.date(), True
    if isinstance(value, _dt.date):
        return value, True
    text = str(value or "").strip()
    month = _MONTH.match(text)
    try:
        if month:
            return _dt.date(int(month.group(1)), int(month.group(2)), 1), False
        return _dt.date.fromisoformat(text), True
    except ValueError:
        return None


def date_era(value: object) -> str | None:
    """The era in force on a plan date ('平成' for 2019-03), None when not a date."""
    parsed = parse_date(value)
    found = era_of(parsed[0]) if parsed else None
    return found[0] if found else None


def document_era(adopted_on: object) -> str | None:
    """The era a plan's document names fiscal years in: the adoption date's era when that
    is an earlier era than the present one (see the module docstring), else None."""
    era = date_era(adopted_on)
    return era if era is not None and era != ERAS[0][1] else None


def date(value: object, lang: str = "ja") -> str:
    """令和8年3月27日（2026年3月27日）; 平成31年3月（2019年3月） for a month; the text
    itself when it is not a date; '' for nothing."""
    if value is None or value == "":
        return ""
    parsed = parse_date(value)
    if parsed is None:
        return str(value)
    d, day_known = parsed
    english = f"{d.day} {d:%B %Y}" if day_known else f"{d:%B %Y}"
    return Text(_japanese_date(d, day_known), english).get(lang)


def _japanese_date(d: _dt.date, day_known: bool) -> str:
    western = f"{d.year}年{d.month}月" + (f"{d.day}日" if day_known else "")
    found = era_of(d)
    if found is None:
        return western
    name, n = found
    return f"{_year_word(name, n)}{d.month}月" + (f"{d.day}日" if day_known else "") + \
        f"（{western}）"
