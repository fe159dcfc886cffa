"""PRV (uses): how measures use, provide or publish personal information.

Legal facts of a use live on the measure→data link (use and provision differ), so these
rules look at each use. Every finding names its article; the tool is a checking aid and
asks the planner to confirm with their legal department, never gives legal advice.
"""

from __future__ import annotations

from collections.abc import Iterator

from planner.checks import names
from planner.checks.finding import Severity
from planner.checks.registry import Hit, rule
from planner.plan import vocab
from planner.plan.graph import PlanGraph, ResolvedUse, UseRef, unique
from planner.plan.model import (
    ANONYMIZED_CATEGORIES,
    Category,
    DataSource,
    Flow,
    LegalBasis,
    Purpose,
)
from planner.plan.opendata import NEVER_OPEN_CATEGORIES

APPI_JA = "個人情報の保護に関する法律"
APPI_EN = "APPI"
MYNA_JA = "行政手続における特定の個人を識別するための番号の利用等に関する法律（番号法）"
MYNA_EN = "My Number Act"
_CONFIRM_JA = "法務担当（個人情報保護担当）に確認してください。"
_CONFIRM_EN = "Confirm this with your legal (data protection) department."

#: Personal information for which APPI Art. 69 governs out-of-purpose use (番号法 for the rest).
ART69_CATEGORIES = frozenset({Category.PERSONAL, Category.SPECIAL_CARE, Category.NON_IDENTIFYING})
_PROVIDE = frozenset({Flow.PROVIDE_PUBLIC_BODY, Flow.PROVIDE_PRIVATE, Flow.PUBLISH})


def _uses(g: PlanGraph, categories: frozenset[Category]) -> Iterator[ResolvedUse]:
    """Uses of existing data sources whose category is in ``categories``."""
    for use in g.all_uses():
        u = use.resolved()
        if u is not None and u.data.category in categories:
            yield u


def _who(u: ResolvedUse) -> tuple[str, str, str, str]:
    """Measure and data named in ja and en: 施策『…』（M-1）, 要配慮個人情報『…』（D-1) …"""
    return names.ja(u.measure), names.data_ja(u.data), names.en(u.measure), names.data_en(u.data)


def _flow(u: UseRef) -> tuple[str, str]:
    """The use's flow label in ja and en (lower case)."""
    return (vocab.label("flow", u.use.flow) or "利用",
            (vocab.label("flow", u.use.flow, "en") or "use").lower())


@rule("PRV001", Severity.ERROR,
      title_ja="個人情報・要配慮個人情報を法的根拠なく目的外に利用・提供している",
      title_en="Personal or special-care data used out of purpose with no legal basis",
      reference_ja=f"{APPI_JA} 第69条（利用及び提供の制限）",
      reference_en=f"{APPI_EN} Art. 69 (restriction of use and provision)",
      fix_ja="第69条第1項・第2項各号のどれに当たるかを確認し「法的根拠」を選ぶか、統計情報への変換や"
             "利用目的の変更（第61条第3項）を検討してください。",
      fix_en="Confirm which case of Art. 69(1)/(2) applies and record it, or use statistics or a "
             "purpose change (Art. 61(3)) instead.")
def out_of_purpose_without_basis(g: PlanGraph) -> Iterator[Hit]:
    """Out-of-purpose uses of personal data that do not say on which basis."""
    for u in _uses(g, ART69_CATEGORIES):
        if u.use.purpose != Purpose.OUT_OF_PURPOSE or u.use.legal_basis is not None:
            continue
        m_ja, d_ja, m_en, d_en = _who(u)
        f_ja, f_en = _flow(u)
        care_ja = ("要配慮個人情報は特に慎重な判断が必要です。"
                   if u.data.category == Category.SPECIAL_CARE else "")
        yield Hit((u.measure.id, u.data.id),
                  f"{m_ja}は{d_ja}を目的外で取り扱う（{f_ja}）としていますが、法的根拠が示されて"
                  "いません。"
                  "目的外の利用・提供は、法令に基づく場合又は第69条第2項各号に当たる場合に限られます。"
                  + care_ja,
                  f"{m_en} handles {d_en} beyond its purpose ({f_en}) but gives no legal basis. "
                  "Use or provision beyond "
                  "the purpose is allowed only where a law requires it or a case of APPI Art. "
                  "69(2) applies.",
                  "第69条第2項各号（本人同意、所掌事務に必要で相当な理由がある内部利用など）の"
                  "どれに当たるかを確認し「法的根拠」を選んでください。いずれにも当たらない場合は、"
                  "統計情報に加工して利用するか、利用目的の変更（第61条第3項）を検討してください。"
                  "なお、各号に当たる場合でも、本人又は第三者の権利利益を不当に侵害するおそれが"
                  "あるときは利用・提供できません（同項ただし書）。" + _CONFIRM_JA,
                  "Check which case of Art. 69(2) applies (consent, internal use necessary for "
                  "duties with considerable reason, …) and record it as the legal basis. If none "
                  "does, use statistics instead or consider changing the purpose (Art. 61(3)). "
                  "Even where a case applies, the use is not allowed if it would unjustly harm "
                  "the rights and interests of the person or a third party (proviso to Art. "
                  "69(2)). " + _CONFIRM_EN,
                  field=u.field("legal_basis"))


@rule("PRV002", Severity.ERROR,
      title_ja="特定個人情報を番号法第19条の根拠なく提供している、又は目的外に利用している",
      title_en="Specific personal information provided without My Number Act Art. 19, or used "
               "out of purpose",
      reference_ja="番号法 第19条（特定個人情報の提供の制限）・第30条第1項（個人情報保護法"
                   "第69条の読替え）",
      reference_en=f"{MYNA_EN} Art. 19 (restriction of provision) and Art. 30(1) (APPI Art. 69 "
                   "as modified)",
      fix_ja="提供は番号法第19条各号に当たる場合に限られます。該当する号を確認して「法的根拠」に"
             "記録するか、個人番号を除いたデータで足りないか検討してください。",
      fix_en="Provision is allowed only in the cases of Art. 19; record the case, or use the data "
             "without the Individual Number.")
def specific_personal_provision(g: PlanGraph) -> Iterator[Hit]:
    """My Number data provided outside Art. 19, or used beyond its purpose at all."""
    for u in _uses(g, frozenset({Category.SPECIFIC_PERSONAL})):
        m_ja, d_ja, m_en, d_en = _who(u)
        f_ja, f_en = _flow(u)
        if u.use.flow in _PROVIDE and u.use.legal_basis != LegalBasis.MYNUMBER_ART19:
            yield Hit((u.measure.id, u.data.id),
                      f"{m_ja}で{d_ja}の{f_ja}を予定していますが、番号法第19条の根拠が示されて"
                      "いません。"
                      "特定個人情報の提供は、同条各号に当たる場合を除き禁止されています。",
                      f"{m_en} provides {d_en} ({f_en}) without a My Number Act Art. 19 basis; "
                      "specific personal "
                      "information may be provided only in the cases listed there.",
                      "番号法第19条各号のどれに当たるかを確認し「法的根拠」を「番号法第19条各号」に"
                      "してください。当たらない場合は、個人番号を含まないデータ（個人番号を除いた"
                      "情報や統計情報）で施策を実施できないか検討してください。" + _CONFIRM_JA,
                      "Check which case of Art. 19 applies and set the legal basis to My Number "
                      "Act Art. 19. If none does, run the measure on data without the Individual "
                      "Number (or on statistics). " + _CONFIRM_EN,
                      field=u.field("legal_basis"),
                      reference_ja="番号法 第19条（特定個人情報の提供の制限）",
                      reference_en=f"{MYNA_EN} Art. 19 (restriction of provision)")
        if u.use.purpose == Purpose.OUT_OF_PURPOSE:
            yield Hit((u.measure.id, u.data.id),
                      f"{m_ja}は{d_ja}を目的外で取り扱う（{f_ja}）としています。"
                      "特定個人情報の目的外利用は、"
                      "人の生命・身体・財産の保護に必要な場合などに厳しく限られています"
                      "（番号法第30条第1項により読み替えて適用される個人情報保護法第69条）。",
                      f"{m_en} handles {d_en} beyond its purpose ({f_en}). Out-of-purpose use of "
                      "specific personal "
                      "information is limited to narrow cases such as protecting life, body or "
                      "property (APPI Art. 69 as modified by My Number Act Art. 30(1)).",
                      "番号法で認められた事務の範囲内で利用するよう施策を見直すか、個人番号を除いた"
                      "データ・統計情報で足りないか検討してください。" + _CONFIRM_JA,
                      "Keep the use within the tasks the My Number Act allows, or use data without "
                      "the Individual Number or statistics instead. " + _CONFIRM_EN,
                      field=u.field("purpose"),
                      reference_ja="番号法 第9条（利用範囲）・第30条第1項（個人情報保護法"
                                   "第69条の読替え）",
                      reference_en=f"{MYNA_EN} Art. 9 (scope of use) and Art. 30(1) (APPI Art. 69 "
                                   "as modified)")


_OPEN_REF_JA = (f"{APPI_JA} 第69条、オープンデータ基本指針（平成29年5月30日 IT総合戦略本部・"
                "官民データ活用推進戦略会議決定）")
_OPEN_REF_EN = (f"{APPI_EN} Art. 69; Basic Guidelines on Open Data (2017-05-30, IT Strategic "
                "Headquarters and Strategic Conference for the Advancement of Public and "
                "Private Sector Data Utilization)")
_ANON_REF_JA = f"{APPI_JA} 第109条第2項（行政機関等匿名加工情報の提供の制限）"
_ANON_REF_EN = f"{APPI_EN} Art. 109(2) (restriction of provision of anonymized information)"


_RECEIVED_ANON_REF_JA = f"{APPI_JA} 第123条（匿名加工情報の提供、識別行為の禁止等）"
_RECEIVED_ANON_REF_EN = f"{APPI_EN} Art. 123 (provision of anonymized information, no re-identification)"
_PSEUDO_REF_JA = f"{APPI_JA} 第73条（仮名加工情報の取扱いに係る義務）"
_PSEUDO_REF_EN = f"{APPI_EN} Art. 73 (duties in handling pseudonymized information)"


def _publish_hit(nodes: tuple[str, ...], data: DataSource, who_ja: str, who_en: str, field: str) -> Hit:
    """PRV003's message for what is being published: each kind has its own limit."""
    if data.category == Category.ADMINISTRATIVE_ANONYMIZED:
        return Hit(nodes,
                   f"{who_ja}行政機関等匿名加工情報は、法令に基づく場合（提案募集・利用契約の手続を"
                   "含む）などを除き提供できず、オープンデータとして誰にでも公開することは想定されて"
                   "いません。",
                   f"{who_en} administrative anonymized information may be provided only where a "
                   "law (including the proposal and contract procedure) or another case of APPI "
                   "Art. 109(2) allows it, which does not include publishing it to anyone as open "
                   "data.",
                   "公開をやめ、提供する場合は提案募集・利用契約の手続（第109条以下）によってください。"
                   "公開したい場合は、集計した統計情報を別のデータ（種類: 統計情報）として追加し、"
                   "それを公開してください。" + _CONFIRM_JA,
                   "Do not publish it; provide it through the proposal and contract procedure "
                   "(Art. 109 ff.). To publish something, add an aggregate as a separate data "
                   "source of category statistical and publish that. " + _CONFIRM_EN,
                   field=field, reference_ja=_ANON_REF_JA, reference_en=_ANON_REF_EN)
    if data.category == Category.ANONYMIZED:
        return Hit(nodes,
                   f"{who_ja}事業者から受け取った匿名加工情報を第三者に提供するには、含まれる項目と"
                   "提供の方法を公表し、提供先に匿名加工情報である旨を明示する必要があり（第123条"
                   "第1項）、提供元との契約で再提供が禁じられていることも多いため、オープンデータ"
                   "として誰にでも公開する対象にはなりません。",
                   f"{who_en} providing anonymized information received from a business to others "
                   "requires publishing its items and the method of provision and telling the "
                   "recipient what it is (APPI Art. 123(1)), and the provider's contract often "
                   "forbids onward provision, so it is not data to publish to anyone as open data.",
                   "公開をやめてください。公開したい場合は、提供元との契約が認める範囲で集計した"
                   "統計情報を別のデータ（種類: 統計情報）として追加し、それを公開してください。"
                   + _CONFIRM_JA,
                   "Do not publish it. To publish something, add an aggregate the provider's "
                   "contract allows as a separate data source of category statistical and publish "
                   "that. " + _CONFIRM_EN,
                   field=field, reference_ja=_RECEIVED_ANON_REF_JA,
                   reference_en=_RECEIVED_ANON_REF_EN)
    if data.category == Category.PSEUDONYMIZED:
        return Hit(nodes,
                   f"{who_ja}仮名加工情報は、法令に基づく場合を除き第三者に提供できません（第73条"
                   "第1項）。オープンデータとして公開することはできません。",
                   f"{who_en} pseudonymized information may not be provided to others except "
                   "where a law requires it (APPI Art. 73(1)); it cannot be published as open "
                   "data.",
                   "公開をやめてください。公開したい場合は、集計した統計情報を別のデータ（種類: "
                   "統計情報）として追加し、それを公開してください。" + _CONFIRM_JA,
                   "Do not publish it; to publish something, add an aggregate as a separate data "
                   "source of category statistical and publish that. " + _CONFIRM_EN,
                   field=field, reference_ja=_PSEUDO_REF_JA, reference_en=_PSEUDO_REF_EN)
    if data.category == Category.SPECIFIC_PERSONAL:
        limit_ja, limit_en = ("番号法第19条により、同条各号に当たらない提供はできません",
                              "which My Number Act Art. 19 forbids outside its listed cases")
    else:
        limit_ja, limit_en = ("利用目的以外の目的であれば第69条の制限も受けます",
                              "which beyond the purpose is restricted by APPI Art. 69")
    return Hit(nodes,
               f"{who_ja}個人情報を含むデータはオープンデータとして公開する対象になりません"
               f"（オープンデータ基本指針）。公開は提供に当たるため、{limit_ja}。",
               f"{who_en} data containing personal information is not open data (Basic "
               f"Guidelines on Open Data), and publishing it is a provision, {limit_en}.",
               "個人を識別できないよう集計した統計情報を別のデータ（種類: 統計情報）として追加し、"
               "それを公開してください。法令に基づいて公表している情報であれば、公表の根拠と範囲を"
               "確認し、個人情報に当たる項目を除いたデータを公開してください。" + _CONFIRM_JA,
               "Add an aggregate that identifies no one as a separate data source of category "
               "statistical and publish that. If a law requires the information to be made "
               "public, check that law and its scope, and publish the data without the items "
               "that are personal information. " + _CONFIRM_EN,
               field=field, reference_ja=_OPEN_REF_JA, reference_en=_OPEN_REF_EN)


@rule("PRV003", Severity.ERROR,
      title_ja="個人情報・要配慮個人情報・特定個人情報・行政機関等匿名加工情報・匿名加工情報・"
               "仮名加工情報・非識別加工情報を公開している",
      title_en="Personal, special-care, specific personal, administrative anonymized, "
               "anonymized, pseudonymized or non-identifying data published",
      reference_ja=_OPEN_REF_JA, reference_en=_OPEN_REF_EN,
      fix_ja="個人を識別できないよう集計した統計情報を別のデータとして作り、それを公開してください。",
      fix_en="Aggregate it into a separate statistical data source and publish that instead.")
def personal_published(g: PlanGraph) -> Iterator[Hit]:
    """Raw personal (or anonymized) data marked for publication, by use or by the source."""
    for u in _uses(g, NEVER_OPEN_CATEGORIES):
        if u.use.flow == Flow.PUBLISH:
            m_ja, d_ja, m_en, d_en = _who(u)
            yield _publish_hit((u.measure.id, u.data.id), u.data,
                               f"{m_ja}で{d_ja}の公開（オープンデータ）を予定していますが、",
                               f"{m_en} publishes {d_en} as open data, but", u.field("flow"))
    for d in g.sources_in(NEVER_OPEN_CATEGORIES):
        if d.open_data is not None and d.open_data.publish:
            yield _publish_hit((d.id,), d,
                               f"{names.data_ja(d)}を公開（オープンデータ）する設定になっていますが、",
                               f"{names.data_en(d)} is marked for publication as open data, but",
                               "open_data.publish")


#: Flows by which the municipality itself handles data (a contractor acts on its behalf).
_INSIDE = frozenset({Flow.INTERNAL_USE, Flow.OUTSOURCE})


@rule("PRV005", Severity.WARNING,
      title_ja="非識別加工情報を庁内（委託先を含む）で利用している（庁内では個人情報として扱う"
               "必要がある）",
      title_en="Non-identifying data used inside the municipality (or by its contractor), where "
               "it is still personal information",
      reference_ja=f"{APPI_JA} 第2条第1項（個人情報の定義）・第61条・第66条・第69条。"
                   "非識別加工情報の制度は令和3年改正で行政機関等匿名加工情報に一本化",
      reference_en=f"{APPI_EN} Art. 2(1) (definition of personal information), Arts. 61, 66 and "
                   "69; the non-identifying regime was merged into anonymized information in the "
                   "2021 reform",
      fix_ja="データの種類を「個人情報」にして保有目的・保存期間・安全管理措置を記入するか、"
             "外部提供のために加工したものなら「行政機関等匿名加工情報」として扱ってください。",
      fix_en="Change the category to personal information and record its purpose, retention "
             "and safeguards, or treat it as administrative anonymized information if it was "
             "made for provision outside.")
def non_identifying_internal(g: PlanGraph) -> Iterator[Hit]:
    """Non-identifying data that a measure uses internally or through a contractor.

    Trigger: any use with flow ``internal_use`` or ``outsource``, whatever its purpose and
    safeguards. Inside the municipality the data can be matched with the personal
    information it was made from, so calling it 非識別加工情報 there has no legal effect
    (lecture: 非個人情報としての庁内活用 ×); the category itself is the problem, which is
    why the finding points at ``category`` rather than at the use.
    """
    for d in g.sources_in({Category.NON_IDENTIFYING}):
        users = unique([u.measure for u in g.uses_of(d.id) if u.use.flow in _INSIDE])
        if not users:
            continue
        by_ja = names.join_ja([names.ja(m) for m in users])
        by_en = names.join_en([names.en(m) for m in users])
        yield Hit((d.id, *dict.fromkeys(m.id for m in users)),
                  f"{names.data_ja(d)}を{by_ja}が庁内（委託先を含む）で利用するとしています。"
                  "非識別加工情報は、作成元の個人情報と照合すれば個人を識別できるため、庁内では"
                  "個人情報に当たり得ます。個人情報として扱う必要があり、非個人情報として利用する"
                  "ことはできません。",
                  f"{names.data_en(d)} is used inside the municipality (or by its contractor) "
                  f"by {by_en}. There it can be matched with the personal information it was "
                  "made from, so it can be personal information; it must be handled as such "
                  "and cannot be used as non-personal data.",
                  "データの「種類」を「個人情報」に改め、「保有目的」・「保存期間」・「安全管理措置」"
                  "を記入し、各施策の「目的との関係」を確認してください。外部への提供のために加工"
                  "したものなら「行政機関等匿名加工情報」として扱ってください（非識別加工情報の制度"
                  "は令和3年改正で行政機関等匿名加工情報に一本化されています）。" + _CONFIRM_JA,
                  "Change the category to personal information, fill in its purpose, retention "
                  "and safeguards, and check each measure's relation to the purpose; if it was "
                  "processed for provision outside, treat it as administrative anonymized "
                  "information (the 2021 reform merged the non-identifying regime into it). "
                  + _CONFIRM_EN,
                  field="category")


#: What PRV011 looks for in a received anonymized source's rationale: the Art. 123(1) steps.
_ART123_STEPS = (("公表",), ("明示", "匿名加工情報である旨"))


@rule("PRV011", Severity.WARNING,
      title_ja="行政機関等匿名加工情報を提案募集・契約又は法令以外で提供している、又は受領した"
               "匿名加工情報・仮名加工情報を法定の手続なく提供している",
      title_en="Administrative anonymized data provided outside the proposal procedure or a "
               "law, or received anonymized or pseudonymized data provided on without the steps "
               "the law sets",
      reference_ja=f"{APPI_JA} 第109条第2項（行政機関等匿名加工情報）・第123条第1項（匿名加工"
                   "情報）・第73条第1項（仮名加工情報）",
      reference_en=f"{APPI_EN} Art. 109(2) (administrative anonymized information), Art. 123(1) "
                   "(anonymized information) and Art. 73(1) (pseudonymized information)",
      fix_ja="行政機関等匿名加工情報は提案募集・契約又は法令に基づいて、受領した匿名加工情報は"
             "項目と方法の公表及び提供先への明示をして、仮名加工情報は法令に基づく場合に限り"
             "提供してください。",
      fix_en="Provide administrative anonymized information through the proposal procedure or "
             "by law; received anonymized information only after publishing its items and "
             "method and telling the recipient; pseudonymized information only by law.")
def anonymized_provision(g: PlanGraph) -> Iterator[Hit]:
    """Processed data (匿名加工情報 of both kinds, 仮名加工情報) provided on outside its regime.

    - 行政機関等匿名加工情報: only under a law, including the proposal and contract procedure
      of APPI Art. 109 ff. (or Art. 109(2)(ii)).
    - 匿名加工情報 received from a business: Art. 123(1) asks the municipality to publish the
      items and the method of provision and to tell the recipient it is anonymized; the
      rationale must say both were done (or a law must require the provision).
    - 仮名加工情報: never provided to others except by law (Art. 73(1)).
    Publishing any of them is PRV003's error.
    """
    provide = {Flow.PROVIDE_PUBLIC_BODY, Flow.PROVIDE_PRIVATE}
    processed = ANONYMIZED_CATEGORIES | {Category.PSEUDONYMIZED}
    for u in _uses(g, frozenset(processed)):
        if u.use.flow not in provide:
            continue
        m_ja, d_ja, m_en, d_en = _who(u)
        f_ja, f_en = _flow(u)
        basis = u.use.legal_basis
        if u.data.category == Category.ADMINISTRATIVE_ANONYMIZED:
            if basis in (LegalBasis.ANONYMIZED_PROPOSAL, LegalBasis.LAW):
                continue
            yield Hit((u.measure.id, u.data.id),
                      f"{m_ja}で{d_ja}の{f_ja}を予定していますが、根拠が提案募集・契約又は法令に"
                      "なっていません。行政機関等匿名加工情報は、法令に基づく場合（提案募集と利用"
                      "契約の手続によるものを含む）又は第109条第2項第2号の場合を除き、提供できません。",
                      f"{m_en} provides {d_en} ({f_en}) on a basis other than the proposal "
                      "procedure or a law; administrative anonymized information may be provided "
                      "only under a law (including the proposal and contract procedure of APPI "
                      "Art. 109 ff.) or in the case of Art. 109(2)(ii).",
                      "提案募集・契約の手続で提供するなら「法的根拠」を「提案募集・契約（匿名加工"
                      "情報）」に、法令に基づくなら「法令に基づく」にしてください。元の保有個人情報を"
                      "利用目的のためにその提供先へ提供できる場合（第109条第2項第2号）に当たると"
                      "考えるときは、その旨を「理由・説明」に書いてください。" + _CONFIRM_JA,
                      "Set the legal basis to the proposal procedure, or to law if a law requires "
                      "the provision. If you rely on Art. 109(2)(ii) (the original personal "
                      "information could be provided to that recipient for its purpose), say so "
                      "in the rationale. " + _CONFIRM_EN,
                      field=u.field("legal_basis"), reference_ja=_ANON_REF_JA,
                      reference_en=_ANON_REF_EN)
        elif u.data.category == Category.ANONYMIZED:
            text = u.use.rationale or ""
            if basis == LegalBasis.LAW or all(any(w in text for w in step)
                                                for step in _ART123_STEPS):
                continue
            yield Hit((u.measure.id, u.data.id),
                      f"{m_ja}で{d_ja}の{f_ja}を予定していますが、事業者から受け取った匿名加工情報を"
                      "第三者に提供するときに必要な手続（提供する情報の項目と提供の方法の公表、提供先"
                      "への匿名加工情報である旨の明示。第123条第1項）が「理由・説明」に書かれて"
                      "いません。",
                      f"{m_en} provides {d_en} ({f_en}), but the rationale does not say that the "
                      "steps APPI Art. 123(1) sets for passing on anonymized information received "
                      "from a business were taken (publishing its items and the method of "
                      "provision, telling the recipient it is anonymized information).",
                      "提供元との契約が再提供を認めているかを確認し、認めている場合は、項目と方法の"
                      "公表及び提供先への明示を行うことを「理由・説明」に書いてください。認めて"
                      "いなければ、提供をやめてください。" + _CONFIRM_JA,
                      "Check that the provider's contract allows onward provision; if it does, say "
                      "in the rationale that the items and method are published and the recipient "
                      "is told; if not, do not provide it. " + _CONFIRM_EN,
                      field=u.field("rationale"), reference_ja=_RECEIVED_ANON_REF_JA,
                      reference_en=_RECEIVED_ANON_REF_EN)
        elif basis != LegalBasis.LAW:  # pseudonymized
            yield Hit((u.measure.id, u.data.id),
                      f"{m_ja}で{d_ja}の{f_ja}を予定していますが、仮名加工情報は、法令に基づく場合を"
                      "除き第三者に提供できません（第73条第1項）。",
                      f"{m_en} provides {d_en} ({f_en}), but pseudonymized information may not "
                      "be provided to others except where a law requires it (APPI Art. 73(1)).",
                      "提供を定める法令があれば「法的根拠」を「法令に基づく」にしてください。なければ"
                      "提供をやめ、必要なら集計した統計情報を提供してください。" + _CONFIRM_JA,
                      "If a law provides for it, set the legal basis to law; otherwise do not "
                      "provide it, and provide aggregate statistics instead if needed. "
                      + _CONFIRM_EN, field=u.field("legal_basis"), reference_ja=_PSEUDO_REF_JA,
                      reference_en=_PSEUDO_REF_EN)
