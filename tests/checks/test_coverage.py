"""COV001 core articles and COV002 standard open datasets."""

from __future__ import annotations

from checks.builders import clean_plan, fired, open_source, where
from planner import vocab
from planner.model import Articles


def test_cov001_clean_plan_covers_core_articles():
    assert where(clean_plan(), "COV001") == []


def test_cov001_one_finding_per_uncovered_core_article():
    plan = clean_plan()
    plan.measures[0].articles = Articles(primary=[11], related=[12, 16])
    findings = fired(plan, "COV001")
    assert [f.reference_ja for f in findings] == [
        "官民データ活用推進基本法 第10条（手続における情報通信技術の利用等）",
        "官民データ活用推進基本法 第13条（個人番号カードの普及及び活用に関する計画の策定等）",
        "官民データ活用推進基本法 第14条（利用の機会等の格差の是正）",
        "官民データ活用推進基本法 第15条（情報システムに係る規格の整備及び互換性の確保等）",
    ]
    assert all(f.nodes == () for f in findings)
    assert "基本法第13条（マイナンバーカード）" in findings[1].message_ja


def test_cov002_lists_what_is_not_published():
    (f,) = fired(clean_plan(), "COV002")
    assert "27種のうち、公開する計画があるのは1種です" in f.message_ja
    assert "04 地域・年齢別人口" not in f.message_ja
    assert "31 観光ポイント一覧" in f.message_ja


def test_cov002_silent_when_every_standard_dataset_is_published():
    plan = clean_plan()
    for n, t in enumerate(vocab.standard_datasets()):
        source = open_source(f"D-S{n}", title=t.ja)
        source.open_data.standard_dataset = t.code
        plan.data_sources.append(source)
    assert where(plan, "COV002") == []


def test_cov002_unpublished_source_does_not_count():
    plan = clean_plan()
    plan.data_sources[1].open_data.publish = False
    plan.measures[0].uses.pop()  # nor published by a publish flow
    (f,) = fired(plan, "COV002")
    assert "公開する計画があるのは0種" in f.message_ja
