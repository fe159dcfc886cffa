"""PRV (uses): how measures use, provide or publish personal information.

Legal facts of a use live on the measure→data link (use and provision differ), so these
rules look at each use. Every finding names its article; the tool is a checking aid and
asks the planner to confirm with their legal department, never gives legal advice.
"""

from __future__ import annotations

from collections.abc import Iterator

from planner import vocab
from planner.checks import names
from planner.checks.finding import Severity
from planner.checks.registry import Hit, rule
from planner.graph import PlanGraph, UseRef
from planner.model import PERSONAL_CATEGORIES, Category, Flow, LegalBasis, Purpose

APPI_JA = "個人情報の保護に関する法律"
APPI_EN = "APPI"
MYNA_JA = "行政手続における特定の個人を識別するための番号の利用等に関する法律（番号法）"
MYNA_EN = "My Number Act"
_CONFIRM_JA = "法務担当（個人情報保護担当）に確認してください。"
_CONFIRM_EN = "Confirm this with your legal (data protection) department."

#: Personal information for which APPI Art. 69 governs out-of-purpose use (番号法 for the rest).
_ART69 = frozenset({Category.PERSONAL, Category.SPECIAL_CARE, Category.NON_IDENTIFYING})
_PROVIDE = frozenset({Flow.PROVIDE_PUBLIC_BODY, Flow.PROVIDE_PRIVATE, Flow.PUBLISH})


def _uses(g: PlanGraph, categories: frozenset[Category]) -> Iterator[UseRef]:
    """Uses of existing data sources whose category is in ``categories``."""
    for u in g.all_uses():
        if u.data is not None and u.data.category in categories:
            yield u


def _who(u: UseRef) -> tuple[str, str, str, str]:
    """Measure and data named in ja and en: 施策『…』（M-1）, 要配慮個人情報『…』（D-1) …"""
    assert u.data is not None
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
    for u in _uses(g, _ART69):
        if u.use.purpose != Purpose.OUT_OF_PURPOSE or u.use.legal_basis is not None:
            continue
        m_ja, d_ja, m_en, d_en = _who(u)
        f_ja, f_en = _flow(u)
        care_ja = "要配慮個人情報は特に慎重な判断が必要です。" \
            if u.data.category == Category.SPECIAL_CARE else ""
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
                  + _CONFIRM_JA,
                  "Check which case of Art. 69(2) applies (consent, internal use necessary for "
                  "duties with considerable reason, …) and record it as the legal basis. If none "
                  "does, use statistics instead or consider changing the purpose (Art. 61(3)). "
                  + _CONFIRM_EN,
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


_NEVER_OPEN = PERSONAL_CATEGORIES | {Category.ANONYMIZED}
_OPEN_REF_JA = f"{APPI_JA} 第69条、オープンデータ基本指針（平成29年5月30日 IT総合戦略本部・" \
    "官民データ活用推進戦略会議決定）"
_OPEN_REF_EN = f"{APPI_EN} Art. 69; Basic Guidelines on Open Data (2017-05-30, IT Strategic " \
    "Headquarters and Strategic Conference for the Advancement of Public and Private Sector Data " \
    "Utilization)"
_ANON_REF_JA = f"{APPI_JA} 第109条第2項（行政機関等匿名加工情報の提供の制限）"
_ANON_REF_EN = f"{APPI_EN} Art. 109(2) (restriction of provision of anonymized information)"


def _publish_hit(nodes: tuple[str, ...], data, who_ja: str, who_en: str, field: str) -> Hit:
    anonymized = data.category == Category.ANONYMIZED
    why_ja = ("行政機関等匿名加工情報は、提案募集と利用契約の手続によってのみ提供できます。"
              if anonymized else "個人に関する情報はオープンデータとして公開できません。")
    why_en = ("anonymized information may be provided only through the proposal and contract "
              "procedure." if anonymized else "personal information can never be open data.")
    return Hit(nodes, f"{who_ja}{why_ja}", f"{who_en} {why_en}",
               "公開するのは個人を識別できないよう集計した統計情報にしてください（集計したデータを"
               "別のデータ（種類: 統計情報）として追加し、それを公開します）。" + _CONFIRM_JA,
               "Publish aggregated statistics instead: add the aggregate as a separate data "
               "source of category statistical and publish that. " + _CONFIRM_EN,
               field=field,
               reference_ja=_ANON_REF_JA if anonymized else _OPEN_REF_JA,
               reference_en=_ANON_REF_EN if anonymized else _OPEN_REF_EN)


@rule("PRV003", Severity.ERROR,
      title_ja="個人情報・要配慮個人情報・特定個人情報・匿名加工情報・非識別加工情報を公開している",
      title_en="Personal, special-care, specific personal, anonymized or non-identifying data "
               "published",
      reference_ja=_OPEN_REF_JA, reference_en=_OPEN_REF_EN,
      fix_ja="個人を識別できないよう集計した統計情報を別のデータとして作り、それを公開してください。",
      fix_en="Aggregate it into a separate statistical data source and publish that instead.")
def personal_published(g: PlanGraph) -> Iterator[Hit]:
    """Raw personal (or anonymized) data marked for publication, by use or by the source."""
    for u in _uses(g, _NEVER_OPEN):
        if u.use.flow == Flow.PUBLISH:
            m_ja, d_ja, m_en, d_en = _who(u)
            yield _publish_hit((u.measure.id, u.data.id), u.data,
                               f"{m_ja}で{d_ja}の公開（オープンデータ）を予定していますが、",
                               f"{m_en} publishes {d_en} as open data, but", u.field("flow"))
    for d in g.sources_in(_NEVER_OPEN):
        if d.open_data is not None and d.open_data.publish:
            d_en = names.data_en(d)
            yield _publish_hit((d.id,), d,
                               f"{names.data_ja(d)}を公開（オープンデータ）する設定になっていますが、",
                               f"{d_en[0].upper()}{d_en[1:]} is marked for publication as open "
                               "data, but", "open_data.publish")


@rule("PRV005", Severity.WARNING,
      title_ja="非識別加工情報を非個人情報のように庁内で利用している",
      title_en="Non-identifying data used internally as if it were not personal",
      reference_ja=f"{APPI_JA} 第2条第1項（個人情報の定義）・第69条。"
                   "非識別加工情報の制度は令和3年改正で"
                   "行政機関等匿名加工情報に一本化",
      reference_en=f"{APPI_EN} Art. 2(1) (definition of personal information) and Art. 69; the "
                   "non-identifying regime was merged into anonymized information in the 2021 "
                   "reform",
      fix_ja="データの種類を「個人情報」にして利用目的・安全管理措置を記入するか、「匿名加工情報」として"
             "扱ってください。",
      fix_en="Treat it as personal information (with purpose and safeguards), or as anonymized "
             "information.")
def non_identifying_internal(g: PlanGraph) -> Iterator[Hit]:
    """Non-identifying data used inside the municipality: it is still personal there."""
    for d in g.sources_in({Category.NON_IDENTIFYING}):
        users = names.distinct([u.measure for u in g.uses_of(d.id)
                                if u.use.flow == Flow.INTERNAL_USE])
        if not users:
            continue
        by_ja = names.join_ja([names.ja(m) for m in users])
        by_en = names.join_en([names.en(m) for m in users])
        yield Hit((d.id, *dict.fromkeys(m.id for m in users)),
                  f"{names.data_ja(d)}を{by_ja}が庁内で利用するとしています。"
                  "非識別加工情報は、作成元の個人情報と照合すれば個人を識別できるため、庁内では"
                  "個人情報として扱う必要があり、非個人情報としての庁内利用はできません。",
                  f"{names.data_en(d)} is used internally "
                  f"by {by_en}. Inside the municipality it can be matched with the personal "
                  "information it was made from, so it must be treated as personal information, "
                  "not as non-personal data.",
                  "データの種類を「個人情報」に改め、利用目的との関係・保存期間・安全管理措置を"
                  "記入してください。外部への提供を目的に加工したものなら「匿名加工情報」として"
                  "扱ってください（非識別加工情報の制度は令和3年改正で行政機関等匿名加工情報に"
                  "一本化されています）。",
                  "Change the category to personal information and fill in the purpose, "
                  "retention and safeguards; if it was processed for provision outside, treat it "
                  "as anonymized information (the 2021 reform merged the non-identifying regime "
                  "into it).", field="category")


@rule("PRV011", Severity.WARNING,
      title_ja="匿名加工情報を提案募集・契約又は法令以外の方法で提供している",
      title_en="Anonymized data provided outside the proposal procedure or a law",
      reference_ja=_ANON_REF_JA, reference_en=_ANON_REF_EN,
      fix_ja="提供の根拠を「提案募集・契約（匿名加工情報）」又は「法令に基づく」にできるか確認してください。",
      fix_en="Provide it through the proposal procedure and contract, or on a legal basis.")
def anonymized_provision(g: PlanGraph) -> Iterator[Hit]:
    """Anonymized data provided to others on a basis other than 109–'s procedure or a law."""
    allowed = {LegalBasis.ANONYMIZED_PROPOSAL, LegalBasis.LAW}
    provide = {Flow.PROVIDE_PUBLIC_BODY, Flow.PROVIDE_PRIVATE}  # publish is PRV003's
    for u in _uses(g, frozenset({Category.ANONYMIZED})):
        if u.use.flow in provide and u.use.legal_basis not in allowed:
            m_ja, d_ja, m_en, d_en = _who(u)
            f_ja, f_en = _flow(u)
            yield Hit((u.measure.id, u.data.id),
                      f"{m_ja}で{d_ja}の{f_ja}を予定していますが、根拠が提案募集・契約又は法令に"
                      "なっていません。行政機関等匿名加工情報は、法令に基づく場合などを除き、"
                      "提案募集と利用契約の手続（第109条以下）によって提供します。",
                      f"{m_en} provides {d_en} ({f_en}) on a basis other than the proposal "
                      "procedure or a law; "
                      "anonymized information is provided through the proposal and contract "
                      "procedure (APPI Art. 109 ff.) unless a law requires otherwise.",
                      "提案募集・契約の手続で提供するなら「法的根拠」を「提案募集・契約（匿名加工"
                      "情報）」に、法令に基づくなら「法令に基づく」にしてください。" + _CONFIRM_JA,
                      "Set the legal basis to the proposal procedure, or to law if a law requires "
                      "the provision. " + _CONFIRM_EN,
                      field=u.field("legal_basis"))
