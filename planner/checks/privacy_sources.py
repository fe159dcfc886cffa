"""PRV (sources and bases): how personal data is obtained, kept and justified.

Rules on the data source itself (consent, agreements, safeguards, retention) and on the
fit between a use's legal basis and what it does. Every finding names its article; the
planner confirms with their legal department.
"""

from __future__ import annotations

from collections.abc import Iterator

from planner.checks import names
from planner.checks.finding import Severity
from planner.checks.privacy import (
    _CONFIRM_EN,
    _CONFIRM_JA,
    APPI_EN,
    APPI_JA,
    ART69_CATEGORIES,
    MYNA_EN,
    MYNA_JA,
    _flow,
)
from planner.checks.registry import Hit, rule
from planner.plan import vocab
from planner.plan.graph import PlanGraph, UseRef, unique
from planner.plan.model import (
    PERSONAL_CATEGORIES,
    Acquisition,
    Category,
    DataSource,
    Flow,
    LegalBasis,
    Measure,
    Purpose,
    SafetyMeasure,
)

_FROM_OUTSIDE = frozenset({Acquisition.THIRD_PARTY_PROVIDED, Acquisition.PRIVATE_SHARED})
#: How running text says where outside data comes from.
_FROM_JA = {Acquisition.PRIVATE_SHARED: "民間と共同利用するデータ",
            Acquisition.THIRD_PARTY_PROVIDED: "第三者から提供を受けるデータ"}
_FROM_EN = {Acquisition.PRIVATE_SHARED: "used jointly with a private partner",
            Acquisition.THIRD_PARTY_PROVIDED: "received from a third party"}


#: Bases on which a provider may hand over personal data: the data subjects' consent or a law.
_RECEIPT_BASES = frozenset({LegalBasis.LAW, LegalBasis.CONSENT})
#: Personal data whose provision to the municipality APPI Art. 27 governs when a private
#: business provides it (specific personal information is 番号法 Art. 19's, PRV002).
_RECEIVED_PERSONAL = PERSONAL_CATEGORIES - {Category.SPECIFIC_PERSONAL}


def _receipt_justified(g: PlanGraph, d: DataSource) -> bool:
    """Consent or law recorded for receiving ``d``: on the source, or on a ``receive`` use."""
    if (d.consent or "").strip() or d.legal_basis in _RECEIPT_BASES:
        return True
    return any(u.use.flow == Flow.RECEIVE and u.use.legal_basis in _RECEIPT_BASES
               for u in g.uses_of(d.id))


@rule("PRV004", Severity.WARNING,
      title_ja="民間等から受け取る個人情報について、提供元が提供できる根拠（本人同意・法令等）の"
               "記載がない",
      title_en="Personal data received from outside with no record of the basis on which the "
               "provider may provide it (consent, law …)",
      reference_ja=f"{APPI_JA} 第27条第1項・第2項・第5項（第三者提供の制限。提供元が民間事業者の"
                   "場合）、"
                   "第61条第1項（所掌事務に必要な範囲での保有）・第64条（適正な取得）",
      reference_en=f"{APPI_EN} Art. 27(1), (2) and (5) (restriction of third-party provision, "
                   "where the "
                   "provider is a private business), Arts. 61(1) (holding only as duties require) "
                   "and 64 (proper acquisition)",
      fix_ja="提供元が本人の同意を得ているならその方法を「本人同意」に、法令に基づく提供なら"
             "「保有・受領の法的根拠」を「法令に基づく」にしてください。",
      fix_en="Record how the provider obtains consent, or set the basis for holding or receiving "
             "to law if a law provides for the provision.")
def personal_received_without_basis(g: PlanGraph) -> Iterator[Hit]:
    """Personal data from a private partner or third party with no recorded basis for its
    provision.

    The municipality itself needs no consent to acquire personal (even special-care) data
    its duties require (APPI Arts. 61(1), 64); consent is the *provider's* concern: a private
    business may provide personal data only with the data subjects' consent, in a case of
    Art. 27(1) (a law, cooperation with a public body's duties …), by the opt-out of Art.
    27(2) or as joint use (Art. 27(5)(iii)), and for special-care data the opt-out route is
    closed. A reviewer therefore asks on which basis the
    data comes, for every personal category, not only special-care data. Consent or law
    counts wherever the plan records it for the receipt: the source's ``consent`` text, its
    ``legal_basis`` (law or consent), or a ``receive`` use whose basis is law or consent.
    """
    for d in g.sources_in(_RECEIVED_PERSONAL):
        if d.acquisition not in _FROM_OUTSIDE or _receipt_justified(g, d):
            continue
        how_ja, how_en = _FROM_JA[d.acquisition], _FROM_EN[d.acquisition]
        care_ja = care_en = ""
        if d.category == Category.SPECIAL_CARE:
            care_ja = ("要配慮個人情報は、同条第2項のオプトアウトによる提供ができません（第27条"
                       "第2項ただし書）。")
            care_en = (" For special-care data the opt-out route is closed (proviso to Art. "
                       "27(2)).")
        yield Hit((d.id,),
                  f"{names.data_ja(d)}は{how_ja}ですが、提供元がこのデータを自治体に提供できる"
                  "根拠（本人の同意、法令に基づく提供など）が記載されていません。自治体が所掌事務に"
                  "必要な範囲で適正に取得する限り、自治体の側に本人の同意は必要ありません（第61条"
                  "第1項・第64条）が、提供元が民間事業者であれば、本人の同意、第27条第1項各号に"
                  "当たる場合（法令に基づく場合、地方公共団体の事務への協力など）、同条第2項の"
                  "オプトアウト又は同条第5項第3号の共同利用などによらなければ提供できません。"
                  + care_ja,
                  f"{names.data_en(d)} is {how_en}, but the basis on which the provider may "
                  "provide it (the data subjects' consent, a law …) is not recorded. The "
                  "municipality needs no consent to acquire data its duties require, acquired "
                  "properly (APPI Arts. 61(1) and 64); but a private business may provide "
                  "personal data only with consent, in a case of Art. 27(1) (a law, cooperation "
                  "with a local government's duties …), by the opt-out of Art. 27(2) or as "
                  "joint use under Art. 27(5)(iii)." + care_en,
                  "提供元が本人の同意を得ているなら、その方法（同意書の様式、取得の時期など）を"
                  "「本人同意」に記入してください。法令に基づく提供なら、その法令を確認して「保有・"
                  "受領の法的根拠」を「法令に基づく」にしてください。オプトアウトや共同利用による"
                  "なら、その旨と本人への通知等の方法を「本人同意」に書いてください。あわせて、"
                  "このデータが自治体の所掌事務の遂行に必要な範囲のものかを確認してください。"
                  + _CONFIRM_JA,
                  "If the provider obtains consent, record how (form, timing) under consent; if "
                  "a law provides for the provision, confirm it and set the basis for holding or "
                  "receiving to law; if it relies on opt-out or joint use, say so and how the "
                  "people are notified under consent. Also check that the data is what the "
                  "municipality's duties require. " + _CONFIRM_EN, field="consent")


@rule("PRV006", Severity.WARNING,
      title_ja="個人情報を協定・契約なしに民間へ提供している",
      title_en="Personal-category data provided to a private party with no agreement",
      reference_ja=f"{APPI_JA} 第69条（利用及び提供の制限）・第70条（提供を受ける者に対す"
                   "る措置要求）",
      reference_en=f"{APPI_EN} Arts. 69 (restriction of provision) and 70 (requiring measures of "
                   "the recipient)",
      fix_ja="提供先と協定・契約を結び、利用目的・方法の制限や安全管理措置を定め、その名称を"
             "「協定・契約」に記入してください。",
      fix_en="Conclude an agreement that limits purpose and method and requires safeguards, and "
             "record it.")
def personal_provided_without_agreement(g: PlanGraph) -> Iterator[Hit]:
    """Personal data handed to private parties with no agreement on the source."""
    for d in g.sources_in(PERSONAL_CATEGORIES):
        if (d.agreement or "").strip():
            continue
        users = unique([u.measure for u in g.uses_of(d.id)
                                if u.use.flow == Flow.PROVIDE_PRIVATE])
        if not users:
            continue
        by_ja = names.join_ja([names.ja(m) for m in users])
        by_en = names.join_en([names.en(m) for m in users])
        yield Hit((d.id, *dict.fromkeys(m.id for m in users)),
                  f"{names.data_ja(d)}を{by_ja}で民間に提供するとしていますが、協定・契約が記載されて"
                  "いません。第70条は、保有個人情報を提供する場合に必要があると認めるときは、提供先に"
                  "利用目的・方法の制限や漏えい防止等の措置を求めるよう定めています。協定・契約は"
                  "法律上の義務ではありませんが、その措置は協定・契約で定めるのが通例です。",
                  f"{names.data_en(d)} is provided to a private party by {by_en}, but no agreement "
                  "is recorded. APPI Art. 70 has the municipality, where it finds it necessary, "
                  "require the recipient to limit purpose and method and to guard against "
                  "leaks; an agreement is not itself a legal duty, but it is where such "
                  "requirements are normally set.",
                  "提供先と協定又は契約を結び、利用目的・利用方法の制限、安全管理措置、再提供の禁止、"
                  "利用後の消去などを定めて、その名称を「協定・契約」に記入してください。"
                  "あわせて、提供が利用目的の範囲内か、目的外なら第69条第2項各号のどれに当たるかも"
                  "確認してください。" + _CONFIRM_JA,
                  "Conclude an agreement or contract with the recipient that limits purpose and "
                  "method and requires safeguards, no onward provision and deletion after use, and "
                  "record its name under agreement. Also check that the provision is within the "
                  "purpose, or which case of Art. 69(2) applies if it is not. " + _CONFIRM_EN,
                  field="agreement")


@rule("PRV007", Severity.WARNING,
      title_ja="民間との共同利用・第三者からの提供を受けるデータに協定・契約の記載がない",
      title_en="A third-party-provided or jointly used source with no agreement",
      reference_ja="総務省「地方公共団体におけるデータ利活用ガイドブック」Ver.2.0（民間データの活用）、"
                   f"提供元が民間事業者で個人データを含む場合は{APPI_JA} 第27条（第三者提供の制限）",
      reference_en="MIC, Data utilization guidebook for local governments, Ver. 2.0 (using "
                   "private data); "
                   f"where a private business provides personal data, {APPI_EN} Art. 27 "
                   "(restriction of third-party provision)",
      fix_ja="データの利用条件を定めた協定・契約の名称を「協定・契約」に記入してください。",
      fix_en="Record the agreement or contract that sets the terms of use.")
def outside_source_without_agreement(g: PlanGraph) -> Iterator[Hit]:
    """Data from a private partner or third party with no recorded agreement.

    For 匿名加工情報 received from a business the reference names the provider's duty when
    providing it (APPI Art. 43(4) if it made the data, Art. 44 if it received it: publish
    its items and method, tell the recipient) and the
    municipality's own duties once it holds it (Art. 123: onward provision, no
    re-identification, safeguards), which the agreement should reflect.
    """
    for d in g.plan.data_sources:
        if d.acquisition in _FROM_OUTSIDE and not (d.agreement or "").strip():
            how_ja, how_en = _FROM_JA[d.acquisition], _FROM_EN[d.acquisition]
            ref_ja = ref_en = None
            extra_ja = extra_en = ""
            if d.category == Category.ANONYMIZED:
                ref_ja = ("総務省「地方公共団体におけるデータ利活用ガイドブック」Ver.2.0（民間データの"
                          f"活用）、{APPI_JA} 第43条第4項・第44条（匿名加工情報の第三者提供。作成した又は受け取った"
                          "提供元の義務）・"
                          "第123条（行政機関等が受け取った匿名加工情報の取扱い）")
                ref_en = ("MIC, Data utilization guidebook for local governments, Ver. 2.0 (using "
                          f"private data); {APPI_EN} Arts. 43(4) and 44 (third-party provision of "
                          "anonymized information: the duties of a provider that made or "
                          "received it) and Art. 123 (anonymized "
                          "information a public body receives)")
                extra_ja = ("匿名加工情報なら、提供元が項目と提供方法を公表し匿名加工情報である旨を"
                            "明示しているか（作成した事業者は第43条第4項、受け取った事業者は第44条）を確認し、自治体が守る識別行為の禁止・安全管理措置"
                            "（第123条）も契約に反映してください。")
                extra_en = (" For anonymized information, check that the provider publishes its "
                            "items and method and says what it is (APPI Art. 43(4) if it made the data, "
                            "Art. 44 if it received it), and reflect the "
                            "municipality's own duties (no re-identification, safeguards, Art. "
                            "123) in the contract.")
            yield Hit((d.id,),
                      f"{names.ja(d)}は{how_ja}ですが、協定・契約が記載されていません。"
                      "利用できる範囲や期間、費用、提供の停止時の扱いが定まっていないと、施策を"
                      "続けられなくなるおそれがあります。",
                      f"{names.en(d)} is {how_en}, but no agreement is recorded; without agreed "
                      "scope, term, cost and what happens if provision stops, the measure may not "
                      "be able to continue.",
                      "提供元（共同利用の相手方）との協定・契約を結び、その名称を「協定・契約」に"
                      "記入してください。民間事業者から個人データを受け取る場合は、提供元が第三者"
                      "提供の制限（個人情報保護法第27条）を満たしているかも確認してください。"
                      + extra_ja,
                      "Conclude an agreement or contract with the provider (or partner) and record "
                      "its name; if a private business provides personal data, also check that it "
                      "complies with APPI Art. 27." + extra_en, field="agreement",
                      reference_ja=ref_ja, reference_en=ref_en)


@rule("PRV008", Severity.WARNING,
      title_ja="特定個人情報に4つの安全管理措置（組織的・人的・物理的・技術的）がそろっていない",
      title_en="Specific personal information without all four safeguards (organizational, "
               "human, physical, technical)",
      reference_ja="番号法 第12条（安全管理措置）、特定個人情報の適正な取扱いに関するガイドライン"
                   f"（行政機関等編）、{APPI_JA} 第66条",
      reference_en=f"{MYNA_EN} Art. 12 (safeguards); PPC guidelines on the proper handling of "
                   f"specific personal information (public bodies); {APPI_EN} Art. 66",
      fix_ja="講じている安全管理措置を4区分すべて確認し、「安全管理措置」に記入してください。",
      fix_en="Confirm and record all four kinds of safeguard.")
def specific_personal_safeguards(g: PlanGraph) -> Iterator[Hit]:
    """Specific personal data whose declared safeguards miss one of the four kinds."""
    for d in g.sources_in({Category.SPECIFIC_PERSONAL}):
        missing = [s for s in SafetyMeasure if s not in d.safety_measures]
        if not missing:
            continue
        list_ja = names.join_ja([vocab.label("safety_measure", s) for s in missing])
        list_en = names.join_en([vocab.label("safety_measure", s, "en").lower() for s in missing])
        yield Hit((d.id,),
                  f"{names.data_ja(d)}について、{list_ja}が記載されていません。特定個人情報には、"
                  "組織的・人的・物理的・技術的の4区分すべての安全管理措置が求められます。",
                  f"For {names.data_en(d)}, the {list_en} safeguards are not recorded; specific "
                  "personal information needs all four kinds (organizational, human, physical, "
                  "technical).",
                  "特定個人情報保護評価書や取扱規程で講じている措置を確認し、「安全管理措置」に"
                  f"{list_ja}を加えてください。講じていない措置があれば、計画に位置付けてください。",
                  f"Check the measures in the privacy impact assessment and handling rules, and "
                  f"add the {list_en} safeguards; plan any that are not yet in place.",
                  field="safety_measures")


@rule("PRV009", Severity.WARNING,
      title_ja="個人情報（要配慮・特定・非識別加工情報を含む）に保存期間の記載がない",
      title_en="Personal-category data without a retention period",
      reference_ja=f"{APPI_JA} 第61条第2項（利用目的の達成に必要な範囲内での保有）、"
                   "文書管理規程の保存期間",
      reference_en=f"{APPI_EN} Art. 61(2) (holding limited to what the purpose requires); the "
                   "municipality's records retention rules",
      fix_ja="文書管理規程等に基づく保存期間を「保存期間」に記入してください。",
      fix_en="Record the retention period set by your records rules.")
def personal_without_retention(g: PlanGraph) -> Iterator[Hit]:
    """Personal data kept with no stated retention period (storage limitation)."""
    for d in g.sources_in(PERSONAL_CATEGORIES):
        if not (d.retention or "").strip():
            yield Hit((d.id,),
                      f"{names.data_ja(d)}の保存期間が記載されていません。個人情報は利用目的の達成に"
                      "必要な範囲を超えて保有できないため、いつまで保有し、いつ消去するかを定める"
                      "必要があります。",
                      f"No retention period is recorded for {names.data_en(d)}. Personal "
                      "information may not be held beyond what its purpose requires, so when it "
                      "will be deleted must be decided.",
                      "文書管理規程や個別の法令で定める保存期間（例: 「5年」「資格喪失後5年」）を"
                      "「保存期間」に記入してください。",
                      'Record the retention period your records rules or the governing law set '
                      '(e.g. "5 years", "5 years after eligibility ends").', field="retention")


#: Personal categories PRV015 checks; specific personal information is PRV008's (all four).
_SAFEGUARDED = PERSONAL_CATEGORIES - {Category.SPECIFIC_PERSONAL}


@rule("PRV015", Severity.WARNING,
      title_ja="個人情報（要配慮・非識別加工情報を含む）に安全管理措置が一つも記載されていない",
      title_en="Personal-category data with no safeguards recorded",
      reference_ja=f"{APPI_JA} 第66条（安全管理措置）、委託する場合は同条第2項第1号（委託先への"
                   "準用）、個人情報の保護に関する法律についてのガイドライン（行政機関等編）",
      reference_en=f"{APPI_EN} Art. 66 (safeguards), and Art. 66(2)(i) (contractors) when "
                   "outsourced; PPC guidelines for public bodies",
      fix_ja="講じている安全管理措置（組織的・人的・物理的・技術的）を「安全管理措置」に記入して"
             "ください。",
      fix_en="Record the safeguards in place (organizational, human, physical, technical).")
def personal_without_safeguards(g: PlanGraph) -> Iterator[Hit]:
    """Personal data (not specific personal, see PRV008) with an empty ``safety_measures``.

    When a measure outsources the data, the finding also names it: the contractor must
    take the same safeguards (APPI Art. 66(2)(i)) under the municipality's supervision.
    """
    for d in g.sources_in(_SAFEGUARDED):
        if d.safety_measures:
            continue
        outsourcing = unique([u.measure for u in g.uses_of(d.id)
                                      if u.use.flow == Flow.OUTSOURCE])
        extra_ja = extra_en = ""
        if outsourcing:
            extra_ja = (f"{names.join_ja([names.ja(m) for m in outsourcing])}では委託先でも"
                        "取り扱うため、委託先にも同じ措置が求められます（第66条第2項第1号）。")
            extra_en = (f" {names.join_en([names.en(m) for m in outsourcing])} outsource(s) it, "
                        "so the contractor must take the same safeguards (Art. 66(2)(i)).")
        yield Hit((d.id, *dict.fromkeys(m.id for m in outsourcing)),
                  f"{names.data_ja(d)}の安全管理措置が記載されていません。保有個人情報の漏えい等を"
                  "防ぐため、必要かつ適切な安全管理措置を講じる必要があります（第66条第1項）。"
                  + extra_ja,
                  f"No safeguards are recorded for {names.data_en(d)}. Necessary and appropriate "
                  "measures against leaks and loss of personal information are required (APPI "
                  "Art. 66(1))." + extra_en,
                  "講じている措置を確認し、「安全管理措置」で組織的・人的・物理的・技術的の該当する"
                  "ものを選んでください。"
                  + ("委託する場合は、委託契約に安全管理措置、再委託の制限、事故時の報告などを定め、"
                     "委託先を監督してください。" if outsourcing else "")
                  + _CONFIRM_JA,
                  "Check the measures in place and select the organizational, human, physical "
                  "and technical safeguards that apply."
                  + (" When outsourcing, set safeguards, limits on subcontracting and incident "
                     "reporting in the contract, and supervise the contractor." if outsourcing
                     else "") + " " + _CONFIRM_EN,
                  field="safety_measures")


@rule("PRV010", Severity.INFO,
      title_ja="個人情報から測定するKPI（統計情報で足りないか）",
      title_en="A KPI measured from personal-category data (could statistics serve?)",
      reference_ja=f"{APPI_JA} 第61条第2項（必要な範囲内での保有）、データ最小化の考え方",
      reference_en=f"{APPI_EN} Art. 61(2); data minimisation",
      fix_ja="KPIの測定には、個人を識別できない集計データ（統計情報）を用いられないか検討してください。",
      fix_en="Consider measuring the KPI from aggregated statistics instead.")
def kpi_from_personal(g: PlanGraph) -> Iterator[Hit]:
    """KPIs measured directly from personal data, where an aggregate would do."""
    for k in g.plan.kpis:
        d = g.data_source(k.source)
        if d is None or d.category not in PERSONAL_CATEGORIES:
            continue
        yield Hit((k.id, d.id),
                  f"{names.ja(k)}は{names.data_ja(d)}から測定するとしています。KPIに必要なのは"
                  "集計した値なので、個人を識別できない統計情報から測定できないか検討してください。",
                  f"{names.en(k)} is measured from {names.data_en(d)}. A KPI needs only an "
                  "aggregate, so consider measuring it from statistics that identify no one.",
                  "保有課で集計した統計情報（件数・割合など）を別のデータ（種類: 統計情報）として"
                  "追加し、KPIの「出典データ」に選ぶと、KPIの点検で個人情報を扱わずに済みます。",
                  "Add the holder's aggregate (counts, rates) as a separate statistical data "
                  "source and make it the KPI's source, so that reviewing the KPI handles no "
                  "personal information.", field="source")


def _routine(u: UseRef) -> bool:
    """True when an out-of-purpose use is routine, not occasional (臨時的; domain.md §2.4).

    ``occasional`` says so when the plan records it; when it is absent, a use is routine if
    its measure's schedule spans more than one fiscal year. Without a schedule nothing can be
    told, and the use is not reported as routine.
    """
    occasional = getattr(u.use, "occasional", None)
    if occasional is not None:
        return not occasional
    schedule = u.measure.schedule
    if schedule is None or schedule.start_fy is None or schedule.end_fy is None:
        return False
    return schedule.end_fy > schedule.start_fy


_QA_332_JA = "個人情報保護委員会「個人情報の保護に関する法律についてのQ&A（行政機関等編）」Q3-3-2"
_QA_332_EN = "PPC Q&A on the APPI for public bodies, Q3-3-2"


@rule("PRV012", Severity.WARNING,
      title_ja="目的外利用を恒常的に行っている（複数の施策で繰り返す、又は臨時的でない）",
      title_en="Out-of-purpose use that is routine (repeated by several measures, or not "
               "occasional)",
      reference_ja=f"{APPI_JA} 第61条第1項・第3項（利用目的の特定・変更）・第69条第2項、"
                   f"{_QA_332_JA}",
      reference_en=f"{APPI_EN} Art. 61(1) and (3) (purpose specified or changed) and Art. "
                   f"69(2); {_QA_332_EN}",
      fix_ja="恒常的に利用するなら、利用目的として定める（第61条第1項）か、利用目的を変更する"
             "（第61条第3項）ことを検討してください。一度限りの利用なら「臨時的な利用」と記録"
             "してください。",
      fix_en="If the use is routine, set it as a purpose (Art. 61(1)) or change the purpose "
             "(Art. 61(3)); if it is a one-off, record it as occasional.")
def repeated_out_of_purpose(g: PlanGraph) -> Iterator[Hit]:
    """Data sources used beyond their purpose routinely (any category).

    APPI Art. 69(2) covers occasional (臨時的) out-of-purpose use only; routine use needs the
    purpose set under Art. 61(1) or changed under Art. 61(3) (PPC Q&A 3-3-2). Use is routine
    when several measures repeat it, or when one measure's use is not occasional (see
    ``_routine``). For personal information the remedy is a purpose change; specific personal
    information cannot be re-purposed beyond My Number Act Art. 9, and for other data the
    purpose is set by the agreement or law it is held under, so the advice and the reference
    follow the category.
    """
    for d in g.plan.data_sources:
        uses = [u for u in g.uses_of(d.id) if u.use.purpose == Purpose.OUT_OF_PURPOSE]
        users: dict[str, Measure] = {}  # the measures by id, first seen
        for u in uses:
            users.setdefault(u.measure.id, u.measure)
        routine = [u for u in uses if _routine(u)]
        if len(users) < 2 and not routine:
            continue
        fix_ja, fix_en, ref = _repurpose_advice(d)
        if len(users) >= 2:
            titles_ja = names.join_ja([names.ja(m) for m in users.values()])
            titles_en = names.join_en([names.en(m) for m in users.values()])
            msg_ja = (f"{names.data_ja(d)}を{len(users)}つの施策（{titles_ja}）が目的外で利用・提供"
                      "するとしています。")
            msg_en = (f"{len(users)} measures ({titles_en}) use or provide {names.data_en(d)} "
                      "beyond its purpose.")
        else:
            u = routine[0]
            sched = u.measure.schedule
            # (a routine use without a schedule is one recorded as not occasional: _routine)
            if u.use.occasional is False or sched is None:
                how_ja, how_en = "臨時的な利用ではないとしています", "records it as not occasional"
            else:
                how_ja = (f"スケジュールが{sched.start_fy}〜{sched.end_fy}年度にわたり、臨時的な"
                          "利用とされていません")
                how_en = (f"runs from FY{sched.start_fy} to FY{sched.end_fy} and does not record "
                          "the use as occasional")
            msg_ja = (f"{names.ja(u.measure)}は{names.data_ja(d)}を目的外で利用・提供するとしており、"
                      f"{how_ja}。")
            msg_en = f"{names.en(u.measure)} uses {names.data_en(d)} beyond its purpose and {how_en}."
        yield Hit((d.id, *users),
                  msg_ja + "第69条第2項は臨時的な目的外の利用・提供のための規定であり、恒常的に"
                  "行うなら、第61条第1項の規定により利用目的として特定するか、同条第3項の規定により"
                  "利用目的を変更する必要があります（個人情報保護委員会Q&A 3-3-2）。",
                  msg_en + " APPI Art. 69(2) covers occasional use only; routine use needs the "
                  "purpose specified under Art. 61(1) or changed under Art. 61(3) (PPC Q&A "
                  "3-3-2).",
                  fix_ja, fix_en, field="original_purpose",
                  reference_ja=ref[0] if ref else None, reference_en=ref[1] if ref else None)


_REPURPOSE_MYNA_JA = (
    "特定個人情報は番号法第9条で定められた事務の範囲でしか利用できず、利用目的の変更で範囲を広げる"
    "ことはできません。各施策が番号法上の事務に当たるかを確認し、当たらない施策では個人番号を除いた"
    "データか統計情報を使ってください。" + _CONFIRM_JA)
_REPURPOSE_MYNA_EN = (
    "Specific personal information may be used only for the tasks of My Number Act Art. 9, and a "
    "purpose change cannot widen them. Check that each measure is such a task; otherwise use data "
    "without the Individual Number, or statistics. " + _CONFIRM_EN)
_REPURPOSE_MYNA_REF = (f"{MYNA_JA} 第9条（利用範囲）・第30条第1項",
                       f"{MYNA_EN} Art. 9 (scope of use) and Art. 30(1)")
_REPURPOSE_APPI_JA = (
    "保有課と協議し、変更前の利用目的と相当の関連性を有すると合理的に認められる範囲で利用目的を変更"
    "（第61条第3項）できないか、又は統計情報に加工して使えないか検討してください。変更する場合は"
    "「保有目的」を書き直し、各施策の「目的との関係」を「利用目的の変更」にして、個人情報ファイル簿"
    "も更新します。本当に一度限りの利用なら、その利用を「臨時的な利用」と記録してください。"
    + _CONFIRM_JA)
_REPURPOSE_APPI_EN = (
    "With the holding department, consider changing the purpose within a scope reasonably related "
    "to the original one (APPI Art. 61(3)), or using statistics instead. If you change it, rewrite "
    "the stated purpose, set each measure's relation to the purpose to \"purpose changed\" and "
    "update the file register. If the use really is a one-off, record it as occasional. "
    + _CONFIRM_EN)
_REPURPOSE_OTHER_JA = (
    "このデータの利用目的を定めている協定・契約や法令（統計法など）を確認し、各施策の利用が含まれる"
    "よう「保有目的」と協定等を見直してください。")
_REPURPOSE_OTHER_EN = (
    "Check the agreement, contract or law (e.g. the Statistics Act) that sets the purpose of this "
    "data, and revise the stated purpose and the agreement so that the measures' uses fall within "
    "it.")
_REPURPOSE_OTHER_REF = (
    "データの利用条件を定める協定・契約又は法令（統計法等）、個人情報保護法第61条第3項の考え方",
    ("The agreement, contract or law (e.g. the Statistics Act) that sets the data's purpose; "
     "the idea of APPI Art. 61(3)"))


def _repurpose_advice(d: DataSource) -> tuple[str, str, tuple[str, str] | None]:
    """PRV012's fix for the category, and a reference replacing the rule's where it differs."""
    if d.category == Category.SPECIFIC_PERSONAL:
        return _REPURPOSE_MYNA_JA, _REPURPOSE_MYNA_EN, _REPURPOSE_MYNA_REF
    if d.category in PERSONAL_CATEGORIES:
        return _REPURPOSE_APPI_JA, _REPURPOSE_APPI_EN, None
    return _REPURPOSE_OTHER_JA, _REPURPOSE_OTHER_EN, _REPURPOSE_OTHER_REF


#: Flows each APPI Art. 69(2) basis can justify.
_BASIS_FLOWS = {
    LegalBasis.INTERNAL_CONSIDERABLE_REASON: {Flow.INTERNAL_USE, Flow.OUTSOURCE},
    LegalBasis.PUBLIC_BODY_CONSIDERABLE_REASON: {Flow.PROVIDE_PUBLIC_BODY},
    LegalBasis.STATISTICS_RESEARCH: {Flow.PROVIDE_PUBLIC_BODY, Flow.PROVIDE_PRIVATE},
    LegalBasis.SPECIAL_REASON: {Flow.PROVIDE_PUBLIC_BODY, Flow.PROVIDE_PRIVATE},
}
_NOT_ART69 = {LegalBasis.MYNUMBER_ART19, LegalBasis.ANONYMIZED_PROPOSAL}


def _misfit(u: UseRef) -> bool:
    basis = u.use.legal_basis
    if basis in _NOT_ART69:
        return True
    if basis is None:
        return False
    allowed = _BASIS_FLOWS.get(basis)
    return allowed is not None and u.use.flow is not None and u.use.flow not in allowed


@rule("PRV013", Severity.WARNING,
      title_ja="目的外利用・提供の法的根拠が、その利用方法に当てはまらない",
      title_en="The legal basis of an out-of-purpose use does not fit what the use does",
      reference_ja=f"{APPI_JA} 第69条第2項各号",
      reference_en=f"{APPI_EN} Art. 69(2)",
      fix_ja="利用方法に合う第69条第2項の号を選び直してください（第2号は内部利用、第3号は他の行政機関等"
             "への提供、第4号は統計・学術研究その他特別の理由による提供）。",
      fix_en="Choose the case of Art. 69(2) that fits the flow ((ii) internal use, (iii) provision "
             "to a public body, (iv) statistics, research or special reason).")
def basis_does_not_fit(g: PlanGraph) -> Iterator[Hit]:
    """Out-of-purpose uses whose Art. 69(2) basis is for another kind of use."""
    for u in g.all_uses():
        if u.data is None or u.data.category not in ART69_CATEGORIES:
            continue
        if u.use.purpose != Purpose.OUT_OF_PURPOSE or not _misfit(u):
            continue
        b_ja = vocab.label("legal_basis", u.use.legal_basis)
        b_en = vocab.label("legal_basis", u.use.legal_basis, "en")
        f_ja, f_en = _flow(u)
        if u.use.legal_basis in _NOT_ART69:
            why_ja = ("この根拠は特定個人情報又は匿名加工情報のためのもので、第69条の目的外利用・"
                      "提供の根拠にはなりません")
            why_en = ("that basis belongs to specific personal or anonymized information and is "
                      "not a case of APPI Art. 69")
        else:
            why_ja = "この根拠はその流れ（利用方法）には当てはまりません"
            why_en = "that basis does not cover this kind of use"
        yield Hit((u.measure.id, u.data.id),
                  f"{names.ja(u.measure)}は{names.data_ja(u.data)}の{f_ja}の根拠を「{b_ja}」と"
                  f"していますが、{why_ja}。",
                  f'{names.en(u.measure)} gives "{b_en}" as the basis for {f_en} of '
                  f"{names.data_en(u.data)}, but {why_en}.",
                  "第69条第2項第2号は庁内での利用、第3号は他の行政機関等への提供、第4号は統計の作成・"
                  "学術研究や特別の理由による提供の場合です。「流れ」に合う「法的根拠」を選び直すか、"
                  "法令に基づく場合は「法令に基づく」を選んでください。" + _CONFIRM_JA,
                  "Art. 69(2)(ii) covers internal use, (iii) provision to another public body, "
                  "(iv) provision for statistics, research or another special reason; choose the "
                  "basis that fits the flow. " + _CONFIRM_EN,
                  field=u.field("legal_basis"))


@rule("PRV014", Severity.WARNING,
      title_ja="個人情報の利用で、利用方法又は利用目的との関係が記載されていない",
      title_en="A use of personal-category data that does not state its flow or its relation "
               "to the purpose",
      reference_ja=f"{APPI_JA} 第61条（保有の制限等）・第69条（利用及び提供の制限）",
      reference_en=f"{APPI_EN} Arts. 61 and 69",
      fix_ja="「利用するデータ」の表で「流れ」と「目的との関係」を選んでください。",
      fix_en="Choose the flow and whether the use is within the purpose.")
def personal_use_unstated(g: PlanGraph) -> Iterator[Hit]:
    """Uses of personal data that leave out what they do or how that relates to the purpose."""
    for u in g.all_uses():
        if u.data is None or u.data.category not in PERSONAL_CATEGORIES:
            continue
        missing = [k for k in ("flow", "purpose") if getattr(u.use, k) is None]
        if not missing:
            continue
        what_ja = "及び".join({"flow": "流れ（利用方法）", "purpose": "目的との関係"}[k]
                             for k in missing)
        cols_ja = "・".join({"flow": "「流れ」", "purpose": "「目的との関係」"}[k] for k in missing)
        what_en = " and ".join({"flow": "flow", "purpose": "relation to the purpose"}[k]
                               for k in missing)
        yield Hit((u.measure.id, u.data.id),
                  f"{names.ja(u.measure)}による{names.data_ja(u.data)}の利用について、{what_ja}が"
                  "記載されていません。個人情報の利用が適法かどうかを確認できません。",
                  f"The use of {names.data_en(u.data)} by {names.en(u.measure)} does not state "
                  f"its {what_en}, so whether it is lawful cannot be checked.",
                  f"施策の「利用するデータ」の表で{cols_ja}を選んでください。目的外の利用・提供に"
                  "なる場合は「法的根拠」も選んでください。",
                  f"In the measure's table of data used, choose the {what_en}; if the use goes "
                  "beyond the purpose, choose the legal basis too.", field=u.field(missing[0]))
