"""COV001 core articles and COV002 standard open datasets."""

from __future__ import annotations

from checks.builders import clean_plan, fired, open_source, where
from planner.plan import vocab
from planner.plan.model import Articles


def test_cov001_clean_plan_covers_core_articles():
    assert where(clean_plan(), "COV001") == []


def test_cov001_one_finding_lists_every_uncovered_core_article():
    plan = clean_plan()
    plan.measures[0].articles = Articles(primary=[11], related=[12, 16])
    (f,) = fired(plan, "COV001")
    assert f.reference("ja").startswith("官民データ活用推進基本法 第10条・第13条・第14条・第15条、")
    assert f.nodes == ()
    assert "基本法第10条（オンライン化）、基本法第13条（マイナンバーカード）" in f.message("ja")
    assert "第11条" not in f.message("ja")


def test_cov001_silent_when_no_measure_has_articles_or_there_are_no_measures():
    plan = clean_plan()
    plan.measures[0].articles = Articles()
    assert where(plan, "COV001") == []  # PLN006 names the one omission
    plan.measures = []
    assert where(plan, "COV001") == []  # RDY001 names it


def test_cov002_lists_what_is_not_published():
    (f,) = fired(clean_plan(), "COV002")
    assert "27種のうち、公開する計画があるのは1種です" in f.message("ja")
    assert "04 地域・年齢別人口" not in f.message("ja")
    assert "31 観光ポイント一覧" in f.message("ja")


def test_cov002_silent_when_every_standard_dataset_is_published():
    plan = clean_plan()
    for n, t in enumerate(vocab.standard_datasets()):
        source = open_source(f"D-S{n}", title=t.label())
        source.open_data.standard_dataset = t.code
        plan.data_sources.append(source)
    assert where(plan, "COV002") == []


def test_cov002_unpublished_source_does_not_count():
    plan = clean_plan()
    plan.data_sources[1].open_data.publish = False
    plan.measures[0].uses.pop()  # nor published by a publish flow
    (f,) = fired(plan, "COV002")
    assert "公開する計画があるのは0種" in f.message("ja")
