"""Longer explanations of a data use's choices, shown beside the data-use table.

The vocabulary gives each code a one-line meaning; here the choices that carry legal
weight get what a planning officer needs to decide: what it means and when it is allowed.
"""

from __future__ import annotations

import html

from planner.plan import vocab
from planner.plan.model import DataUse, Plan
from planner.ui.i18n import lang, translate


def _notes() -> dict[tuple[str, str], str]:
    """Extra guidance per (vocabulary kind, code); looked up at call time so it translates."""
    return {
        ("purpose", "out_of_purpose"): translate("ui", 
            "目的外利用・提供とは、データを保有している目的（例：住民基本台帳なら住民の居住関係の"
            "公証）以外のために利用・提供することです。個人情報保護法第69条第1項により原則として"
            "禁止されますが、法令に基づく場合（同項）、または第69条第2項各号（本人の同意、所掌事務に"
            "必要で相当な理由のある内部利用、他の行政機関等への提供、統計作成・学術研究など）に"
            "当たる場合に限り認められます。「法的根拠」で該当するものを選び、「理由・説明」に"
            "相当の理由（客観的に見て合理的な理由）と、本人又は第三者の権利利益を不当に侵害する"
            "おそれがないと考える理由を書いてください。第69条第2項は臨時的な利用のための規定です。"
            "毎年度続けるなど恒常的に利用するなら、利用目的として定める（第61条第1項）か、利用目的を"
            "変更する（第61条第3項）必要があります（個人情報保護委員会Q&A 3-3-2）。"),
        ("purpose", "changed"): translate("ui", 
            "利用目的の変更は、変更前の目的と相当の関連性を有すると合理的に認められる範囲に"
            "限られます（個人情報保護法第61条第3項）。毎年度続ける利用など、恒常的な目的外利用は"
            "この方法によります。変更した利用目的は個人情報ファイル簿に反映して公表します"
            "（第75条）。"),
        ("purpose", "statistics_only"): translate("ui", 
            "個人が識別できない統計情報に加工してから使う場合は、個人情報としての制約を受けません。"
            "公開するときは、少人数のセル（3未満など）が個人の特定につながらないか確認します。"),
        ("flow", "publish"): translate("ui", 
            "公開（オープンデータ）は誰でも二次利用できる形で公開することです。個人情報を含むデータは"
            "オープンデータの対象外です。公開は提供に当たり、利用目的以外の目的であれば個人情報保護法第69条の"
            "制限を受けます"
            "（特定個人情報は番号法第19条）。統計情報に集計してから公開してください。"),
        ("flow", "provide_private"): translate("ui", 
            "民間への提供では、提供先での取扱い（目的、安全管理、再提供の制限など）を協定・契約で"
            "定めるのが通例です（個人情報保護法第70条の措置要求）。データの「協定・契約」欄に名称を"
            "記入してください。民生委員・児童委員は特別職の地方公務員なので、名簿などを渡すのは"
            "民間への提供ではありません（個人情報保護委員会Q&A 3-3-3）。"),
        ("flow", "internal_use"): translate("ui", 
            "庁内利用は、データを保有する機関の中での利用です。市長部局から教育委員会、選挙管理委員会、"
            "農業委員会など同じ自治体の別の機関に渡す場合は、庁内利用ではなく他の行政機関等への提供"
            "です（個人情報保護法第2条第11項、第69条第2項第3号）。民生委員・児童委員に目的外で"
            "利用させる・提供する場合は、関係に応じて同項第2号又は第3号によります（個人情報保護"
            "委員会Q&A 3-3-3）。"),
        ("flow", "provide_public_body"): translate("ui", 
            "他の行政機関等には、国や他の自治体のほか、同じ自治体の別の機関（教育委員会、選挙管理"
            "委員会など）も含まれます（個人情報保護法第2条第11項）。目的外の提供なら、提供先が法令の"
            "定める事務に必要な限度で利用し、相当の理由があるとき（第69条第2項第3号）などに限られ"
            "ます。民生委員・児童委員（特別職の地方公務員）に名簿などを渡す場合も、民間への提供では"
            "なく、この流れか庁内利用を選びます（個人情報保護委員会Q&A 3-3-3）。"),
        ("flow", "outsource"): translate("ui", 
            "委託先に個人情報を取り扱わせる場合、自治体は安全管理措置の一つとして委託先を監督します"
            "（個人情報保護法第66条第1項）。委託先も同じ安全管理措置を講じる義務を負います"
            "（同条第2項第1号）。契約に安全管理措置、再委託の制限、事故時の報告を定めます。"
            "特定個人情報の委託では、委託先の監督（番号法第11条）に加え、再委託には委託元の"
            "自治体の許諾が必要です（同法第10条）。"),
        ("legal_basis", "mynumber_art19"): translate("ui", 
            "特定個人情報（マイナンバーを含む）の提供は、番号法第19条各号に当たる場合に限られます。"
            "目的外利用は番号法第30条により原則できません。"),
    }


def describe_use(use: DataUse, plan: Plan) -> str:
    """What the chosen flow, purpose and basis of ``use`` mean, as rich text."""
    parts: list[str] = []
    source = plan.find(use.data) if use.data else None
    if source is not None and getattr(source, "category", None) is not None:
        parts.append(translate("ui", "<b>データの種類：</b>%1 — %2")
                     .replace("%1", vocab.label("category", source.category, lang()))
                     .replace("%2", _help("category", source.category)))
    for kind, code, heading in (("flow", use.flow, translate("ui", "流れ")),
                                ("purpose", use.purpose, translate("ui", "目的との関係")),
                                ("legal_basis", use.legal_basis, translate("ui", "法的根拠"))):
        if code is None:
            continue
        text = translate("ui", "<b>%1：</b>%2 — %3").replace("%1", heading) \
            .replace("%2", vocab.label(kind, code, lang())).replace("%3", _help(kind, code))
        note = _notes().get((kind, str(code)))
        parts.append(text + (f"<br>{note}" if note else ""))
    if use.rationale:  # the table's cell is narrow: the whole text reads here
        parts.append(translate("ui", "<b>理由・説明：</b>%1")
                     .replace("%1", html.escape(use.rationale)))
    if not parts:
        return translate("ui", "行を選ぶと、選んだ流れ・目的・法的根拠の意味がここに表示されます。")
    return "<br>".join(parts)


def _help(kind: str, code) -> str:
    term = vocab.term(kind, str(code))
    return term.help(lang()) if term else ""
