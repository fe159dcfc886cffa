"""Japanese era (和暦) years as plan documents and forms print them.

Fiscal years run April–March and are named by the era of their April; FY2019 is
令和元年度 by the usual administrative convention, since 令和 began in May 2019.
"""

from __future__ import annotations

import datetime as _dt

# (first Western year, era name); the era's year 1 is 元年.
_ERAS = ((2019, "令和"), (1989, "平成"), (1926, "昭和"))


def era_year(year: int) -> str:
    """令和8年 for 2026; 令和元年 for 2019."""
    for start, name in _ERAS:
        if year >= start:
            n = year - start + 1
            return f"{name}{'元' if n == 1 else n}年"
    return f"{year}年"


def western_year(era: str, n: int) -> int | None:
    """2026 for (令和, 8), 2019 for (令和, 1); None for an era not known here."""
    start = next((first for first, name in _ERAS if name == era), None)
    return None if start is None else start + n - 1


def fiscal_year_of(day: _dt.date) -> int:
    """The fiscal year (April–March) ``day`` falls in: FY2025 for 2026-03-31."""
    return day.year if day.month >= 4 else day.year - 1


def fiscal_year(fy: int | None, lang: str = "ja") -> str:
    """令和8年度（2026年度） in Japanese, FY2026 in English, '' when unknown."""
    if fy is None:
        return ""
    if lang == "en":
        return f"FY{fy}"
    return f"{era_year(fy)}度（{fy}年度）"


def fiscal_year_short(fy: int | None) -> str:
    """令和8年度, for tight table cells and spin boxes."""
    return "" if fy is None else f"{era_year(fy)}度"


def fiscal_range(start: int | None, end: int | None, lang: str = "ja") -> str:
    """令和8年度（2026年度）〜令和12年度（2030年度）."""
    if start is None and end is None:
        return ""
    sep = " – " if lang == "en" else "〜"
    return f"{fiscal_year(start, lang) or '?'}{sep}{fiscal_year(end, lang) or '?'}"


def date(iso: str | None, lang: str = "ja") -> str:
    """令和8年3月27日（2026年3月27日） from an ISO date string; the input when not a date."""
    if not iso:
        return ""
    try:
        d = _dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    if lang == "en":
        return d.strftime("%d %B %Y").lstrip("0")
    return f"{era_year(d.year)}{d.month}月{d.day}日（{d.year}年{d.month}月{d.day}日）"
