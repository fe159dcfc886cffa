"""PLN: the plan's own facts (municipality code, period) and impossible entries."""

from __future__ import annotations

import pytest

from checks.builders import clean_plan, fired, where
from planner.checks.plan_facts import check_digit
from planner.plan.model import Acquisition, DataUse, FiscalYearRange, Flow, Purpose


@pytest.mark.parametrize("code", ["131016", "012025", "011002", "271004", "130001"])
def test_check_digit_of_real_codes(code):
    # 千代田区, 函館市, 札幌市, 大阪市, 東京都
    assert check_digit(code[:5]) == int(code[5])


def test_pln001_clean_and_missing_code_are_fine():
    plan = clean_plan()
    assert where(plan, "PLN001") == []
    plan.plan.municipality_code = None
    assert where(plan, "PLN001") == []


@pytest.mark.parametrize("code, says", [
    ("131017", "「131016」"),  # wrong check digit: suggests the right one
    ("13101", "「131016」"),  # five digits: suggests the full code
    ("13-101", "6桁の数字ではありません"),
])
def test_pln001_wrong_codes(code, says):
    plan = clean_plan()
    plan.plan.municipality_code = code
    (finding,) = fired(plan, "PLN001")
    assert finding.field == "plan.municipality_code" and finding.nodes == ()
    assert says in finding.message("ja") + finding.fix("ja")


@pytest.mark.parametrize("period, field", [
    (None, "plan.period"),
    (FiscalYearRange(2026, None), "plan.period"),
    (FiscalYearRange(2030, 2026), "plan.period.end_fy"),
])
def test_pln002_period(period, field):
    plan = clean_plan()
    assert where(plan, "PLN002") == []
    plan.plan.period = period
    assert where(plan, "PLN002") == [((), field)]


def test_pln003_article_outside_chapter_3():
    plan = clean_plan()
    assert where(plan, "PLN003") == []
    plan.measures[0].articles.related.append(9)
    assert where(plan, "PLN003") == [(("M-1",), "articles.related[4]")]


def test_pln004_receive_on_own_data():
    plan = clean_plan()
    assert where(plan, "PLN004") == []
    plan.measures[0].uses[0].flow = Flow.RECEIVE  # D-1 is statutory
    assert where(plan, "PLN004") == [(("M-1", "D-1"), "uses[0].flow")]
    plan.data_sources[0].acquisition = Acquisition.THIRD_PARTY_PROVIDED
    plan.data_sources[0].agreement = "データ提供契約"
    assert where(plan, "PLN004") == []


def test_pln005_use_without_data():
    plan = clean_plan()
    assert where(plan, "PLN005") == []
    plan.measures[0].uses.append(DataUse(None, Flow.INTERNAL_USE, Purpose.WITHIN))
    assert where(plan, "PLN005") == [(("M-1",), "uses[2].data")]


def test_pln006_measure_without_primary_article():
    plan = clean_plan()
    assert where(plan, "PLN006") == []
    plan.measures[0].articles.primary = []
    (f,) = fired(plan, "PLN006")
    assert (f.nodes, f.field) == (("M-1",), "articles.primary")
    assert "第10条が主な条項であれば" in f.fix("ja")  # suggests the first related article
    plan.measures[0].articles.related = []
    (f,) = fired(plan, "PLN006")
    assert "関連条項" not in f.fix("ja")
