"""PRV (a reviewer's checks): what a 法務担当 asks about a plan beyond the use rules.

The second legal review (issue 12) added these: whether a flow names the right recipient
(another 機関 of the same municipality, 民生委員), the 個人情報ファイル簿 and 特定個人情報保護評価
a new file needs, My Number data with contractors, the written reason every out-of-purpose use
must carry, the council (審議会) and ordinances. Where the law leaves a judgement, the message
says so and leaves it to the legal department; no message says more than the article does.
"""

from __future__ import annotations

import re
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
    _flow,
)
from planner.checks.registry import Hit, rule
from planner.plan.graph import PlanGraph
from planner.plan.model import PERSONAL_CATEGORIES, Category, Flow, LegalBasis, Purpose

_QA_JA = "個人情報保護委員会「個人情報の保護に関する法律についてのQ&A（行政機関等編）」"
_QA_EN = "PPC Q&A on the APPI for public bodies"

#: Executive bodies (執行機関) of a municipality other than the mayor, by a word that names
#: them in a department's name. Each is a separate 行政機関等 (APPI Art. 2(11)); the 議会 is
#: not one at all, so it is left out.
_BODIES = (
    ("教育委員会", ("教育委員会",)),
    ("選挙管理委員会", ("選挙管理委員会",)),
    ("農業委員会", ("農業委員会",)),
    ("監査委員", ("監査委員",)),
    ("人事委員会・公平委員会", ("人事委員会", "公平委員会")),
    ("固定資産評価審査委員会", ("固定資産評価審査委員会",)),
    ("公営企業（水道局等）", ("公営企業", "水道局", "上下水道局", "交通局", "病院局",
                       "企業局")),
)
_MAYOR = "市町村長等（首長部局）"
_BODIES_EN = {"教育委員会": "the board of education", "選挙管理委員会": "the election board",
              "農業委員会": "the agricultural committee", "監査委員": "the audit commissioners",
              "人事委員会・公平委員会": "the personnel (equity) committee",
              "固定資産評価審査委員会": "the fixed-asset review board",
              "公営企業（水道局等）": "a public enterprise (waterworks …)",
              _MAYOR: "the head of the municipality (mayor's departments)"}
#: Welfare and child commissioners: special-service local public officials (PPC Q&A 3-3-3).
_COMMISSIONERS = ("民生委員", "児童委員")


def _body(department: str | None) -> str | None:
    """The executive body a department belongs to, as far as its name tells; None if blank."""
    text = (department or "").strip()
    if not text:
        return None
    for body, words in _BODIES:
        if any(w in text for w in words):
            return body
    return _MAYOR


@rule("PRV016", Severity.WARNING,
      title_ja="同じ自治体の別の機関への提供や民生委員への提供を、庁内利用又は民間への提供と"
               "している",
      title_en="Provision to another body of the same municipality, or to welfare "
               "commissioners, recorded as internal use or as provision to a private party",
      reference_ja=f"{APPI_JA} 第2条第11項（行政機関等）・第69条第2項第2号・第3号、"
                   f"{_QA_JA} Q3-3-3（民生委員・児童委員）",
      reference_en=f"{APPI_EN} Art. 2(11) (public bodies), Art. 69(2)(ii) and (iii); "
                   f"{_QA_EN}, Q3-3-3 (welfare commissioners)",
      fix_ja="教育委員会など別の機関に渡すなら「他の行政機関等への提供」を、民生委員・児童委員に"
             "渡すなら「他の行政機関等への提供」又は「庁内利用」を選んでください。",
      fix_en="Choose provision to another public body for another body of the municipality, and "
             "that or internal use for welfare commissioners.")
def recipient_body_mismatch(g: PlanGraph) -> Iterator[Hit]:
    """Uses whose flow does not fit who receives the data.

    Internal use crosses a line the law draws when the holding department and the measure's
    owner belong to different executive bodies (市長部局 → 教育委員会): each body is its own
    行政機関等 (APPI Art. 2(11)), so handing data over is provision to another public body
    (Art. 69(2)(iii) if beyond the purpose). Only a department name that says which body it
    belongs to (教育委員会…, 水道局…) is taken as evidence. Conversely, 民生委員・児童委員 are
    special-service local public officials (PPC Q&A 3-3-3): a use recorded as provision to a
    private party whose rationale names them is told so.
    """
    for u in g.all_uses():
        if u.data is None or u.data.category not in PERSONAL_CATEGORIES:
            continue
        if u.use.flow == Flow.INTERNAL_USE:
            held, owner = _body(u.data.holder), _body(u.measure.owner)
            if held is None or owner is None or held == owner:
                continue
            yield Hit((u.measure.id, u.data.id),
                      f"{names.ja(u.measure)}は{names.data_ja(u.data)}を庁内利用するとしていますが、"
                      f"保有課（{u.data.holder}）は{held}、施策の所管課（{u.measure.owner}）は"
                      f"{owner}に属するようです。同じ自治体でも機関が異なれば、それぞれが別の"
                      "行政機関等に当たるため（第2条第11項）、データを渡すことは他の行政機関等への"
                      "提供になります。",
                      f"{names.en(u.measure)} uses {names.data_en(u.data)} internally, but the "
                      f"holding department ({u.data.holder}) seems to belong to "
                      f"{_BODIES_EN[held]} and the measure's owner ({u.measure.owner}) to "
                      f"{_BODIES_EN[owner]}. Each body of a municipality is a public body of its "
                      "own (APPI Art. 2(11)), so handing the data over is provision to another "
                      "public body.",
                      "「流れ」を「他の行政機関等への提供」にしてください。利用目的の範囲外なら、"
                      "提供先が法令の定める事務に必要な限度で利用し、相当の理由があるか（第69条"
                      "第2項第3号）を確認して「法的根拠」を選んでください。所管課が保有課と同じ"
                      "機関に属するなら、その旨を「理由・説明」に書いてください。" + _CONFIRM_JA,
                      "Set the flow to provision to another public body; if it goes beyond the "
                      "purpose, check that the recipient needs it for duties prescribed by law "
                      "with considerable reason (Art. 69(2)(iii)) and record the basis. If both "
                      "departments belong to the same body, say so in the rationale. "
                      + _CONFIRM_EN, field=u.field("flow"))
        elif u.use.flow == Flow.PROVIDE_PRIVATE and any(
                w in (u.use.rationale or "") for w in _COMMISSIONERS):
            yield Hit((u.measure.id, u.data.id),
                      f"{names.ja(u.measure)}は{names.data_ja(u.data)}を民間に提供するとしていますが、"
                      "「理由・説明」に民生委員・児童委員が挙がっています。民生委員・児童委員は特別職の"
                      "地方公務員であり、渡すことは民間への提供ではありません。目的外であれば、関係に"
                      "応じて第69条第2項第2号又は第3号によることが考えられます（個人情報保護委員会"
                      "Q&A 3-3-3）。",
                      f"{names.en(u.measure)} provides {names.data_en(u.data)} to a private party, "
                      "but its rationale names welfare or child commissioners (民生委員・児童委員). "
                      "They are special-service local public officials, so giving them the data "
                      "is not provision to a private party; beyond the purpose, Art. 69(2)(ii) or "
                      "(iii) may apply depending on the relationship (PPC Q&A 3-3-3).",
                      "民生委員・児童委員に渡す分は、別の行として「他の行政機関等への提供」（又は"
                      "「庁内利用」）で記録し、民間（自主防災組織など）に渡す分と分けてください。"
                      + _CONFIRM_JA,
                      "Record what goes to the commissioners as a separate use with flow "
                      "provision to another public body (or internal use), apart from what goes "
                      "to private parties (voluntary disaster-prevention groups …). "
                      + _CONFIRM_EN, field=u.field("flow"))


#: Flows by which data regularly leaves the body that holds it (a 経常的提供先).
_PROVISION = frozenset({Flow.PROVIDE_PUBLIC_BODY, Flow.PROVIDE_PRIVATE})
_NEW_FILE = frozenset({Purpose.NEW_PURPOSE, Purpose.CHANGED})


@rule("PRV017", Severity.INFO,
      title_ja="個人情報ファイル簿の作成・更新が必要になり得る個人情報（新たな取得・利用目的の"
               "変更・外部への提供）",
      title_en="Personal data for which the personal information file register may need "
               "creating or updating (new collection, changed purpose, regular provision)",
      # Art. 74 is the national 行政機関's prior notice to the PPC; only its items (74(1))
      # and exemptions (74(2), via 75(2)(i)) reach local governments, through Art. 75.
      reference_ja=f"{APPI_JA} 第75条（個人情報ファイル簿の作成及び公表。記載事項は第74条第1項"
                   "各号、除外されるファイルは第75条第2項）、同法施行令第20条（個人情報ファイル簿の"
                   "作成及び公表）",
      reference_en=f"{APPI_EN} Art. 75 (register of personal information files; its items are "
                   "those of Art. 74(1), the exempt files those of Art. 75(2)); APPI Enforcement "
                   "Order Art. 20",
      fix_ja="保有課と個人情報保護担当で、個人情報ファイル簿の作成・記載事項（利用目的、"
             "経常的提供先など）の更新を確認してください。",
      fix_en="With the holding department and the data protection office, create or update the "
             "register entry (purpose, regular recipients …).")
def file_register(g: PlanGraph) -> Iterator[Hit]:
    """One reminder listing the personal data whose 個人情報ファイル簿 entry the plan touches.

    A municipality publishes a register of its personal information files (Art. 75) stating
    each file's purpose and regular recipients (経常的提供先). A measure that collects data for
    a new purpose, changes the purpose, or provides data to others creates or changes such an
    entry. Small files are exempt (the Enforcement Order sets the number), which the plan
    cannot tell, so this is advice (info), listed once for the plan.
    """
    touched: list[tuple[str, str, str]] = []
    for d in g.sources_in(PERSONAL_CATEGORIES):
        uses = g.uses_of(d.id)
        why: list[tuple[str, str]] = []
        if any(u.use.purpose == Purpose.NEW_PURPOSE for u in uses):
            why.append(("新たな取得", "new collection"))
        if any(u.use.purpose == Purpose.CHANGED for u in uses):
            why.append(("利用目的の変更", "changed purpose"))
        if any(u.use.flow in _PROVISION for u in uses):
            why.append(("外部への提供", "provision to others"))
        if why:
            touched.append((d.id, f"{names.bare_ja(d)}（{'・'.join(w[0] for w in why)}）",
                            f"{names.bare_en(d)} ({', '.join(w[1] for w in why)})"))
    if not touched:
        return
    yield Hit(tuple(t[0] for t in touched),
              "次の個人情報は、施策によって個人情報ファイルを新たに作るか、利用目的や経常的な"
              f"提供先が変わります: {names.join_ja([t[1] for t in touched])}。個人情報ファイル簿"
              "は、ファイルの利用目的や経常的提供先などを記載して公表するものです（第75条）。",
              "The measures create personal information files or change their purpose or "
              f"regular recipients for: {names.join_en([t[2] for t in touched])}. The register "
              "of personal information files states each file's purpose and regular recipients "
              "and is published (APPI Art. 75).",
              "保有課と個人情報保護担当で、個人情報ファイル簿を作成又は更新する必要があるか"
              "（本人の数が政令で定める数に満たないファイルなどは除かれます）を確認し、施策の"
              "開始までに公表してください。" + _CONFIRM_JA,
              "With the holding departments and the data protection office, check whether each "
              "register entry must be created or updated (small files and some others are "
              "exempt) and publish it before the measure starts. " + _CONFIRM_EN)


@rule("PRV018", Severity.WARNING,
      title_ja="特定個人情報の委託に、番号法第19条の根拠又は委託契約の記載がない",
      title_en="Specific personal information outsourced without a My Number Act Art. 19 basis "
               "or a recorded contract",
      reference_ja="番号法 第9条第1項後段（委託先での利用）・第10条（再委託）・第11条（委託先の"
                   "監督）・第19条（特定個人情報の提供の制限。委託に伴う提供の号）",
      reference_en=f"{MYNA_EN} Art. 9(1) second sentence (use by the contractor), Art. 10 "
                   "(subcontracting), Art. 11 (supervision) and Art. 19 (restriction of "
                   "provision; the case of outsourcing)",
      fix_ja="「法的根拠」を「番号法第19条各号」にし、委託契約の名称を「協定・契約」に記入して"
             "ください。",
      fix_en="Set the legal basis to My Number Act Art. 19 and record the contract.")
def specific_personal_outsourced(g: PlanGraph) -> Iterator[Hit]:
    """My Number data handed to a contractor without the basis or the contract recorded.

    Handing specific personal information to a contractor is a provision that only the
    outsourcing case of 番号法 Art. 19 allows; the contractor may then use the numbers (Art.
    9(1), second sentence), may subcontract only with the municipality's permission (Art. 10),
    and must be supervised (Art. 11). The 号 of Art. 19 changed with the 2023 amendment, so
    the message names the case, not its number.
    """
    for u in g.all_uses():
        if u.data is None or u.data.category != Category.SPECIFIC_PERSONAL:
            continue
        if u.use.flow != Flow.OUTSOURCE:
            continue
        no_basis = u.use.legal_basis != LegalBasis.MYNUMBER_ART19
        no_contract = not (u.data.agreement or "").strip()
        if not (no_basis or no_contract):
            continue
        missing_ja = "・".join(m for m, on in (("番号法第19条の根拠", no_basis),
                                               ("委託契約", no_contract)) if on)
        missing_en = " and ".join(m for m, on in (("a My Number Act Art. 19 basis", no_basis),
                                                  ("a contract", no_contract)) if on)
        yield Hit((u.measure.id, u.data.id),
                  f"{names.ja(u.measure)}は{names.data_ja(u.data)}を委託先に取り扱わせるとして"
                  f"いますが、{missing_ja}が記載されていません。特定個人情報を委託先に渡すことは"
                  "提供に当たり、番号法第19条の委託に伴う提供を定める号によって認められます。"
                  "委託先は委託された事務の範囲で個人番号を利用でき（第9条第1項後段）、再委託には"
                  "委託元の自治体の許諾が必要で（第10条）、自治体は委託先を監督しなければなりません（第11条）。",
                  f"{names.en(u.measure)} has a contractor handle {names.data_en(u.data)}, but "
                  f"{missing_en} is not recorded. Handing specific personal information to a "
                  "contractor is a provision, allowed by the outsourcing case of My Number Act "
                  "Art. 19; the contractor may use the numbers for the outsourced tasks (Art. "
                  "9(1)), may subcontract only with the municipality's permission (Art. 10), and "
                  "must be supervised (Art. 11).",
                  "「法的根拠」を「番号法第19条各号」にし、「理由・説明」に委託に伴う提供である"
                  "ことを書いてください（令和5年改正で号番号が変わっているため、現行の条文で号を"
                  "確認してください）。委託契約には安全管理措置、再委託の許諾、事故時の報告、"
                  "返却・消去を定め、その名称を「協定・契約」に記入してください。特定個人情報"
                  "保護評価書の委託の記載も確認してください。" + _CONFIRM_JA,
                  "Set the legal basis to My Number Act Art. 19 and say in the rationale that it "
                  "is provision for outsourcing (the numbering of Art. 19 changed in 2023: check "
                  "the current text for the case). Put safeguards, permission for "
                  "subcontracting, incident reporting and return or deletion in the contract, "
                  "record its name under agreement, and check the privacy impact assessment's "
                  "entry on outsourcing. " + _CONFIRM_EN,
                  field=u.field("legal_basis") if no_basis else u.field("rationale"))


@rule("PRV019", Severity.INFO,
      title_ja="特定個人情報を新たに取得し又は利用目的を変える施策（特定個人情報保護評価の"
               "実施・見直し）",
      title_en="A measure that newly collects specific personal information or changes its "
               "purpose (privacy impact assessment to carry out or review)",
      reference_ja="番号法 第28条（特定個人情報保護評価）、特定個人情報保護評価指針",
      reference_en=f"{MYNA_EN} Art. 28 (specific personal information protection assessment); "
                   "PPC assessment guidelines",
      fix_ja="特定個人情報保護評価の実施、又は評価書の見直し（重要な変更）が必要か、個人情報"
             "保護担当と確認してください。",
      fix_en="Check with the data protection office whether an assessment, or a review of the "
             "existing one (significant change), is needed.")
def specific_personal_assessment(g: PlanGraph) -> Iterator[Hit]:
    """Specific personal information collected for a new purpose or re-purposed by a measure.

    Before holding a 特定個人情報ファイル, or on a significant change to one, the municipality
    carries out a 特定個人情報保護評価 (番号法 Art. 28; thresholds and what counts as
    significant are in the PPC's rules and guidelines), which the plan cannot decide.
    """
    for u in g.all_uses():
        if u.data is None or u.data.category != Category.SPECIFIC_PERSONAL:
            continue
        if u.use.purpose not in _NEW_FILE:
            continue
        yield Hit((u.measure.id, u.data.id),
                  f"{names.ja(u.measure)}は{names.data_ja(u.data)}を"
                  + ("新たな利用目的で取得する" if u.use.purpose == Purpose.NEW_PURPOSE
                     else "利用目的を変更して利用する")
                  + "としています。特定個人情報ファイルを新たに保有するとき、又は重要な変更を"
                  "加えるときは、事前に特定個人情報保護評価を実施することとされています"
                  "（番号法第28条）。",
                  f"{names.en(u.measure)} "
                  + ("collects " if u.use.purpose == Purpose.NEW_PURPOSE else "re-purposes ")
                  + f"{names.data_en(u.data)}. Before holding a new specific personal "
                  "information file, or making a significant change to one, a privacy impact "
                  "assessment is carried out (My Number Act Art. 28).",
                  "評価の対象となるか（対象人数などによる）、既存の評価書の重要な変更に当たるかを"
                  "個人情報保護担当と確認し、必要なら施策の開始前に評価を実施してください。"
                  + _CONFIRM_JA,
                  "Check with the data protection office whether the file falls under the "
                  "assessment (it depends on the number of people and more) or is a significant "
                  "change to an existing one, and carry it out before the measure starts if so. "
                  + _CONFIRM_EN, field=u.field("purpose"))


#: Personal data whose out-of-purpose use needs a written reason (APPI Art. 69, and 番号法
#: Art. 30(1) for specific personal information).
_REASONED = ART69_CATEGORIES | {Category.SPECIFIC_PERSONAL}


@rule("PRV020", Severity.WARNING,
      title_ja="目的外の利用・提供に理由（相当の理由・不当侵害のおそれがないこと）が書かれて"
               "いない",
      title_en="An out-of-purpose use with no written reason (considerable reason, no unjust "
               "harm)",
      reference_ja=f"{APPI_JA} 第69条第2項（各号及びただし書）、{_QA_JA} Q3-3-3（相当の理由）",
      reference_en=f"{APPI_EN} Art. 69(2) (its cases and proviso); {_QA_EN}, Q3-3-3 "
                   "(considerable reason)",
      fix_ja="「理由・説明」に、目的外とする理由、必要な限度、本人等の権利利益を不当に侵害する"
             "おそれがないと考える理由を書いてください。",
      fix_en="Write why the use goes beyond the purpose, its limits, and why it would not "
             "unjustly harm the person's or others' rights and interests.")
def out_of_purpose_without_reason(g: PlanGraph) -> Iterator[Hit]:
    """Out-of-purpose uses of personal data that say nothing about why.

    The cases of Art. 69(2) need a 「相当の理由」 that is objectively reasonable, not the
    department's say-so (PPC Q&A 3-3-3), and the proviso bars any use that would unjustly harm
    the person or a third party; a reviewer cannot confirm either without the reason written.
    """
    for u in g.all_uses():
        if u.data is None or u.data.category not in _REASONED:
            continue
        if u.use.purpose != Purpose.OUT_OF_PURPOSE or (u.use.rationale or "").strip():
            continue
        f_ja, f_en = _flow(u)
        if u.use.legal_basis == LegalBasis.LAW and u.data.category != Category.SPECIFIC_PERSONAL:
            # 69(1): the law itself is the reason; neither 相当の理由 nor the 69(2) proviso applies.
            yield Hit((u.measure.id, u.data.id),
                      f"{names.ja(u.measure)}による{names.data_ja(u.data)}の目的外の{f_ja}は"
                      "「法令に基づく」としていますが、根拠となる法令の条項が書かれていません"
                      "（第69条第1項）。",
                      f"The out-of-purpose {f_en} of {names.data_en(u.data)} by "
                      f"{names.en(u.measure)} is recorded as required by law, but the law and "
                      "its article are not named (APPI Art. 69(1)).",
                      "「理由・説明」に、利用・提供を定める法令の名称と条項を書いてください。"
                      + _CONFIRM_JA,
                      "Under rationale, name the law and the article that provide for the use. "
                      + _CONFIRM_EN, field=u.field("rationale"))
            continue
        yield Hit((u.measure.id, u.data.id),
                  f"{names.ja(u.measure)}による{names.data_ja(u.data)}の目的外の{f_ja}に、理由が"
                  "書かれていません。第69条第2項第2号・第3号の「相当の理由」は、社会通念上、客観的に"
                  "みて合理的な理由であることが求められ（個人情報保護委員会Q&A 3-3-3）、各号に当たる"
                  "場合でも本人又は第三者の権利利益を不当に侵害するおそれがあるときは利用・提供"
                  "できません（同項ただし書）。",
                  f"The out-of-purpose {f_en} of {names.data_en(u.data)} by "
                  f"{names.en(u.measure)} gives no reason. The considerable reason of APPI Art. "
                  "69(2)(ii) and (iii) must be objectively reasonable (PPC Q&A 3-3-3), and even then the use "
                  "is not allowed if it would unjustly harm the rights and interests of the "
                  "person or a third party (proviso to Art. 69(2)).",
                  "「理由・説明」に、なぜ利用目的の範囲外で使う必要があるか、利用する項目と範囲の"
                  "限度、本人や第三者の権利利益を不当に侵害するおそれがないと考える理由を書いて"
                  "ください。" + _CONFIRM_JA,
                  "Under rationale, write why the use must go beyond the purpose, which items "
                  "and how far, and why it would not unjustly harm the rights and interests of "
                  "the person or others. " + _CONFIRM_EN, field=u.field("rationale"))


_COUNCIL = re.compile(r"審議会|審査会")
_CONSULT = re.compile(r"諮問|意見を聴|意見を聞")


@rule("PRV021", Severity.INFO,
      title_ja="個人情報保護審議会等への諮問を、特に必要な場合に限らず予定している",
      title_en="The plan promises to consult the council on personal information beyond where "
               "it is especially necessary",
      reference_ja=f"{APPI_JA} 第129条（地方公共団体に置く審議会等への諮問）",
      reference_en=f"{APPI_EN} Art. 129 (consulting councils set up by local governments)",
      fix_ja="審議会等への諮問は、専門的な知見に基づく意見を聴くことが特に必要であると認めるとき"
             "に限られることが分かるよう書き直してください。",
      fix_en="Reword it so that the council is consulted only where expert advice is "
             "especially necessary.")
def council_overpromised(g: PlanGraph) -> Iterator[Hit]:
    """Chapter text that promises to consult a council (審議会) without the Art. 129 limit.

    Since 2023 a local government may consult its council only where it finds expert advice
    「特に必要」 (Art. 129), and individual handling decisions follow the PPC's guidelines;
    a plan that promises consultation 「必要に応じて」 or as a matter of course says more than
    the article allows. Text that already says 特に必要 is left alone, and so is a sentence
    about 審査請求, whose consultation of the 審査会 Art. 105 requires.
    """
    sections = g.plan.plan.sections
    for key in ("current_state", "purpose", "positioning", "organization", "basic_policy",
                "security"):
        text = getattr(sections, key, None) or ""
        for sentence in re.split(r"(?<=。)", text):
            if not (_COUNCIL.search(sentence) and _CONSULT.search(sentence)):
                continue
            # A 審査請求 must go to the 審査会 (Art. 105, read by 105(3) for local bodies):
            # that consultation is a duty, not the optional one of Art. 129.
            if "特に必要" in sentence or "審査請求" in sentence:
                continue
            quoted = sentence.strip()
            quoted = quoted if len(quoted) <= 60 else quoted[:59] + "…"
            yield Hit((),
                      f"計画の本文に「{quoted}」とあります。個人情報の取扱いについて審議会等に"
                      "諮問できるのは、条例で定めるところにより、専門的な知見に基づく意見を聴くこと"
                      "が特に必要であると認めるときです（第129条）。",
                      "The plan's text promises to consult a council on personal information "
                      f"(「{quoted}」). A local government may consult its council, as its "
                      "ordinance provides, only where it finds expert advice especially "
                      "necessary (APPI Art. 129).",
                      "「専門的な知見に基づく意見を聴くことが特に必要な場合は、個人情報保護審議会に"
                      "諮問します」のように、諮問する場合を限って書いてください。個別の取扱いの判断"
                      "は、個人情報保護委員会のガイドライン等に従います。" + _CONFIRM_JA,
                      "Limit the promise to where expert advice is especially necessary; "
                      "individual handling decisions follow the PPC's guidelines. " + _CONFIRM_EN,
                      field=f"plan.sections.{key}")
            break  # one finding per chapter


_JOINERS = re.compile(r"及び|並びに|又は|若しくは|[、。，．・\s（）()「」『』]")
#: A 法 that is not part of an ordinance's name (…法施行条例) within one cited name.
_STATUTE = re.compile(r"法(?!.*条例)")


def _ordinance_only(text: str) -> bool:
    """True when the text cites an ordinance (条例) and no statute (…法, 法律, 法令)."""
    if "条例" not in text:
        return False
    return not any(_STATUTE.search(name) for name in _JOINERS.split(text))


@rule("PRV022", Severity.INFO,
      title_ja="条例だけを根拠に「法令に基づく」目的外利用・提供としている",
      title_en="An out-of-purpose use recorded as \"required by law\" on the strength of an "
               "ordinance alone",
      reference_ja=f"{APPI_JA} 第69条第1項（法令に基づく場合）・第61条第1項（「法令（条例を含む。"
                   "…）」とする規定）",
      reference_en=f"{APPI_EN} Art. 69(1) (where laws require it) and Art. 61(1) (the provisions "
                   "in which \"laws\" include ordinances)",
      fix_ja="条例のみを根拠とする場合に第69条第1項の「法令に基づく場合」に当たるかを、法務担当に"
             "確認してください。",
      fix_en="Have the legal department decide whether an ordinance alone makes it a case of "
             "Art. 69(1).")
def ordinance_as_law(g: PlanGraph) -> Iterator[Hit]:
    """Out-of-purpose uses whose basis is "law" but whose reason cites only an ordinance.

    APPI Art. 61(1) lists the provisions in which 「法令」 includes 条例; whether Art. 69(1)'s
    「法令に基づく場合」 covers an ordinance alone is a judgement for the legal department, so the
    finding asks rather than decides.
    """
    for u in g.all_uses():
        if u.data is None or u.data.category not in _REASONED:
            continue
        if u.use.purpose != Purpose.OUT_OF_PURPOSE or u.use.legal_basis != LegalBasis.LAW:
            continue
        if not _ordinance_only(u.use.rationale or ""):
            continue
        yield Hit((u.measure.id, u.data.id),
                  f"{names.ja(u.measure)}は{names.data_ja(u.data)}の目的外の利用・提供を「法令に"
                  "基づく」としていますが、「理由・説明」には条例だけが挙がっています。個人情報"
                  "保護法は、第61条第1項の括弧書きで「法令」に条例を含む規定を挙げており、条例だけで"
                  "第69条第1項の「法令に基づく場合」に当たるかは判断を要します。",
                  f"{names.en(u.measure)} records the out-of-purpose use of "
                  f"{names.data_en(u.data)} as required by law, but its rationale cites only an "
                  "ordinance. APPI Art. 61(1) lists the provisions in which \"laws\" include "
                  "ordinances; whether an ordinance alone makes a case of Art. 69(1) needs a "
                  "legal judgement.",
                  "根拠となる法律の規定があれば「理由・説明」に書き加えてください。条例だけが根拠"
                  "なら、第69条第1項に当たるか、又は第2項各号のどれに当たるかを法務担当に確認し、"
                  "「法的根拠」を選び直してください。" + _CONFIRM_JA,
                  "If a statute provides for it, add it to the rationale; if only the ordinance "
                  "does, ask the legal department whether Art. 69(1) or which case of Art. 69(2) "
                  "applies, and record that. " + _CONFIRM_EN, field=u.field("legal_basis"))


@rule("PRV023", Severity.INFO,
      title_ja="「非識別加工情報」は令和5年4月から地方公共団体では使われない用語",
      title_en="\"Non-identifying information\" is a term local governments no longer use "
               "since April 2023",
      reference_ja=f"{APPI_JA} 第60条第3項（行政機関等匿名加工情報）。令和3年改正"
                   "（地方公共団体は令和5年4月1日施行）で非識別加工情報の制度は行政機関等匿名"
                   "加工情報に改められた",
      reference_en=f"{APPI_EN} Art. 60(3) (anonymized information of public bodies); "
                   "the 2021 reform (in force for local governments on 2023-04-01) replaced the "
                   "non-identifying regime",
      fix_ja="データの実態に合わせて、種類を「個人情報」又は「行政機関等匿名加工情報」に改めて"
             "ください。",
      fix_en="Change the category to what the data is: personal information, or anonymized "
             "information of a public body.")
def legacy_non_identifying(g: PlanGraph) -> Iterator[Hit]:
    """Every source still filed under the old category 非識別加工情報."""
    for d in g.sources_in({Category.NON_IDENTIFYING}):
        yield Hit((d.id,),
                  f"{names.data_ja(d)}の種類「非識別加工情報」は旧制度の用語です。令和3年の個人情報"
                  "保護法改正により、地方公共団体には令和5年4月1日から行政機関等匿名加工情報の制度"
                  "が適用されています。",
                  f"The category of {names.data_en(d)}, non-identifying information, is a term of "
                  "the former regime; since 2023-04-01 local governments apply the APPI's "
                  "regime of anonymized information of public bodies (2021 reform).",
                  "作成元の個人情報と照合できる状態で庁内で持っているなら「個人情報」に、個人情報"
                  "保護法第109条以下の手続で提供するために加工したものなら「行政機関等匿名加工"
                  "情報」に改め、必要がなければ保存期間に従って消去してください。" + _CONFIRM_JA,
                  "If the municipality keeps it where it can be matched with the personal "
                  "information it came from, call it personal information; if it was processed "
                  "for provision under APPI Art. 109 ff., call it anonymized information of a "
                  "public body; if it is no longer needed, delete it as its retention period "
                  "says. " + _CONFIRM_EN, field="category")

