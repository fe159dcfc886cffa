"""和暦: exact era boundaries, month-only dates, the fiscal-year convention."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.plan import wareki

#: (last day of the old era, its printed form, first day of the new era, its printed form)
BOUNDARIES = [
    (dt.date(1912, 7, 29), None, dt.date(1912, 7, 30), "大正元年7月30日"),
    (dt.date(1926, 12, 24), "大正15年12月24日", dt.date(1926, 12, 25), "昭和元年12月25日"),
    (dt.date(1989, 1, 7), "昭和64年1月7日", dt.date(1989, 1, 8), "平成元年1月8日"),
    (dt.date(2019, 4, 30), "平成31年4月30日", dt.date(2019, 5, 1), "令和元年5月1日"),
]


@pytest.mark.parametrize("last, last_text, first, first_text", BOUNDARIES)
def test_each_era_boundary_day_by_day(last, last_text, first, first_text):
    if last_text is not None:
        assert wareki.date(last.isoformat()).startswith(last_text + "（")
    assert wareki.date(first.isoformat()).startswith(first_text + "（")


def test_the_adoption_date_of_a_2019_plan_is_heisei():
    assert wareki.date("2019-03-29") == "平成31年3月29日（2019年3月29日）"


def test_month_only_dates_print_without_a_day():
    assert wareki.date("2019-03") == "平成31年3月（2019年3月）"
    assert wareki.date("2019-05") == "令和元年5月（2019年5月）"
    assert wareki.date("2019-03", "en") == "March 2019"


def test_text_that_is_not_a_date_is_printed_as_written():
    assert wareki.date("令和8年3月") == "令和8年3月"
    assert wareki.date("2019-13") == "2019-13"
    assert wareki.date(None) == ""


_DAYS = st.dates(min_value=dt.date(1912, 7, 30), max_value=dt.date(2099, 12, 31))


@given(_DAYS)
def test_every_day_names_the_era_in_force_on_it(day):
    name, n = wareki.era_of(day)
    start = next(s for s, e in wareki.ERAS if e == name)
    assert start <= day
    newer = [s for s, _ in wareki.ERAS if s > start]
    assert not newer or day < min(newer)  # the next era had not begun
    assert n == day.year - start.year + 1
    text = wareki.date(day.isoformat())
    year = "元" if n == 1 else str(n)
    assert text == f"{name}{year}年{day.month}月{day.day}日（{day.year}年{day.month}月{day.day}日）"


@given(st.sampled_from([s for s, _ in wareki.ERAS]), st.integers(-3, 3))
def test_days_around_every_boundary_convert_exactly(start, offset):
    day = start + dt.timedelta(days=offset)
    name = (wareki.era_of(day) or (None, 0))[0]  # before 大正: no era here
    expected = next(e for s, e in wareki.ERAS if s == start)
    assert (name == expected) == (offset >= 0)


@given(st.integers(1913, 2099))
def test_a_western_year_round_trips_through_its_era_year(year):
    word = wareki.era_year(year)
    era, n = word[:2], word[2:-1]
    assert wareki.western_year(era, 1 if n == "元" else int(n)) == year


def test_fiscal_years_follow_the_documented_convention():
    assert wareki.fiscal_year(2019) == "令和元年度（2019年度）"
    assert wareki.fiscal_year(1989) == "平成元年度（1989年度）"
    assert wareki.fiscal_year(2026, "en") == "FY2026"
    assert wareki.fiscal_year_of(dt.date(2026, 3, 31)) == 2025
    assert wareki.fiscal_year_of(dt.date(2026, 4, 1)) == 2026


def test_a_plan_adopted_in_heisei_keeps_heisei_fiscal_years():
    era = wareki.document_era("2019-03")
    assert era == "平成"
    assert wareki.fiscal_range(2019, 2023, era=era) == "平成31年度（2019年度）〜平成35年度（2023年度）"
    assert wareki.document_era("2019-05-01") is None
    assert wareki.document_era(None) is None
