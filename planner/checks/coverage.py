"""COV: whether the plan covers the core articles and the standard open datasets."""

from __future__ import annotations

from collections.abc import Iterator

from planner.checks import names
from planner.checks.finding import Severity
from planner.checks.registry import Hit, rule
from planner.plan import vocab
from planner.plan.graph import PlanGraph
from planner.plan.opendata import standard_dataset_coverage

_ACT_JA = "官民データ活用推進基本法"
_ACT_EN = "Basic Act on the Advancement of Public and Private Sector Data Utilization"
#: The 手引 recommend starting small (スモールスタート): an article left for later is advice
#: (info), not a fault a committee would send back.
_TEBIKI_JA = "市町村（都道府県）官民データ活用推進計画策定の手引"
_TEBIKI_EN = "Guides to drafting municipal (prefectural) public-private data utilization plans"


@rule("COV001", Severity.INFO,
      title_ja="重点条項（第10条 オンライン化、第11条 オープンデータ、第13条 マイナンバーカード、"
               "第14条 デジタルデバイド対策、第15条 標準化・BPR）に対応する施策がない"
               "（対応のない条をまとめて1件）",
      title_en="A core article (10 online procedures, 11 open data, 13 My Number Card, "
               "14 digital divide, 15 standards/BPR) has no measure",
      reference_ja=f"{_ACT_JA} 第10条・第11条・第13条・第14条・第15条、{_TEBIKI_JA}（スモールスタート）",
      reference_en=f"{_ACT_EN} Arts. 10, 11, 13, 14 and 15; {_TEBIKI_EN} (small start)",
      fix_ja="その条に対応する施策を追加するか、既存の施策の関連条項に加えてください。",
      fix_en="Add a measure serving the article, or list it as related on an existing measure.")
def core_article_uncovered(g: PlanGraph) -> Iterator[Hit]:
    """One finding naming every core article that no measure serves as primary or related.

    Silent when the plan has no measures (RDY001 says so) or none of its measures has any
    article yet (PLN006 says so, once): one omission, one finding.
    """
    measures = g.plan.measures
    if not measures or not any(m.articles.primary or m.articles.related for m in measures):
        return
    covered = g.covered_articles()
    missing = [a for a in vocab.core_articles() if a.number not in covered]
    if not missing:
        return
    names_ja = "、".join(a.name.ja for a in missing)
    names_en = names.join_en([a.name.en for a in missing])
    refs_ja = "・".join(f"第{a.number}条" for a in missing)
    refs_en = ", ".join(str(a.number) for a in missing)
    yield Hit((), f"{names_ja}を主な条項又は関連条項とする施策がありません。計画の基本的な方針"
              "（第5章）でこれらの条への対応を示せません。",
              f"No measure serves {names_en} as its primary or a related article, so the basic "
              "policy chapter cannot show how the plan answers them.",
              "これらの条に当たる施策を追加するか、既に取り組んでいる施策があれば、その施策の"
              "関連条項（○）に加えてください（"
              + "、".join(f"第{a.number}条「{a.title.ja}」" for a in missing) + "）。"
              "手引はできるところから始めるスモールスタートを勧めているので、今の計画期間で"
              "取り組まない場合は、第5章で今後の方針を示すだけでも構いません。",
              "Add measures for them, or, if an existing measure already serves one, add the "
              "article to that measure's related articles ("
              + "; ".join(f'Art. {a.number} "{a.title.en}"' for a in missing) + "). The "
              "guides recommend starting small, so if the plan does not take one up in this "
              "period, saying so and how it will be considered later in chapter 5 is enough.",
              reference_ja=f"{_ACT_JA} {refs_ja}、{_TEBIKI_JA}（スモールスタート）",
              reference_en=f"{_ACT_EN} Art{'s' if len(missing) > 1 else ''}. {refs_en}; "
                           f"{_TEBIKI_EN} (small start)")


@rule("COV002", Severity.INFO,
      title_ja="公開する計画になっていない自治体標準オープンデータセット（一覧を示す）",
      title_en="Standard open datasets the plan does not publish (listed)",
      reference_ja="自治体標準オープンデータセット（デジタル庁）、オープンデータ基本指針",
      reference_en="Standard Open Data Sets for Local Governments (Digital Agency); "
                   "Basic Guidelines on Open Data",
      fix_ja="公開できるものから順に、公開するデータとして追加し、標準データセット番号を付けてください。",
      fix_en="Add the ones you can publish as published data sources with their dataset number.")
def standard_datasets_missing(g: PlanGraph) -> Iterator[Hit]:
    """One finding listing the standard datasets no published source is tagged with."""
    cov = standard_dataset_coverage(g.plan)
    if not cov.missing:
        return
    list_ja = names.join_ja([f"{t.code} {t.label()}" for t in cov.missing])
    list_en = names.join_en([f"{t.code} {t.label('en')}" for t in cov.missing])
    cat_ja = cat_en = ""
    if cov.catalogues:  # a catalogue may hold the rest: say so rather than "0 published"
        who_ja = names.join_ja([names.bare_ja(d) for d in cov.catalogues])
        who_en = names.join_en([names.bare_en(d) for d in cov.catalogues])
        cat_ja = (f"オープンデータカタログ{who_ja}で{cov.catalogue_datasets}件を公開しています。"
                  "未掲載のものがカタログに含まれていれば、そのデータの「標準データセット」に"
                  "番号を加えてください。")
        cat_en = (f" The catalogue {who_en} publishes {cov.catalogue_datasets} datasets; if it "
                  "includes any of those listed, add their numbers to its standard datasets.")
    yield Hit((), f"自治体標準オープンデータセット{cov.total}種のうち、公開する計画があるのは"
              f"{cov.count}種です。未掲載: {list_ja}。{cat_ja}",
              f"The plan publishes {cov.count} of the {cov.total} standard open datasets. "
              f"Not published: {list_en}.{cat_en}",
              "既に保有しているものから、公開するデータとして追加し「標準データセット」の番号を"
              "付けてください。データ項目は標準データセットの定義に合わせると、他の自治体の"
              "データと一緒に使いやすくなります。",
              "Start with the ones you already hold: add them as published data with their "
              "standard dataset number, following the standard's field definitions so that they "
              "combine with other municipalities' data.",
              )
