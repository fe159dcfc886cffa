"""第5章's 例文 names the articles the plan's measures serve (◎, else ○, else the usual five)."""

from __future__ import annotations

from planner.plan.example_text import (
    DEFAULT_PRIORITIES,
    chapters_with_examples,
    example_text,
    priority_articles,
)
from planner.plan.model import Articles, Measure, PlanInfo


def _measure(primary=(), related=()) -> Measure:
    return Measure("M-1", "施策", articles=Articles(primary=list(primary), related=list(related)))


def test_primary_articles_come_first_in_article_order() -> None:
    assert priority_articles([_measure([16, 10], [12]), _measure([10])]) == [10, 16]


def test_related_articles_when_none_is_primary() -> None:
    assert priority_articles([_measure(related=[19, 12])]) == [12, 19]


def test_the_usual_five_while_nothing_is_marked() -> None:
    assert priority_articles([_measure()]) == list(DEFAULT_PRIORITIES)
    text = example_text("basic_policy", PlanInfo(municipality="みどり町"))
    assert text.count("（") >= 5 and "（5）情報システムの標準化及び業務の見直し（第15条）" in text


def test_every_article_has_wording_and_the_table_is_no_chapter() -> None:
    text = example_text("basic_policy", PlanInfo(municipality="みどり町"),
                        [_measure(list(range(10, 20)))])
    assert text.startswith("本町は、")
    assert "（10）国と地方公共団体の施策の整合性の確保（第19条）" in text
    assert "（）" not in text
    assert "article_phrases" not in chapters_with_examples()
    assert example_text("article_phrases", PlanInfo()) is None
