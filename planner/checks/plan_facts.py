"""PLN: facts of the plan itself and entries that cannot be right as written."""

from __future__ import annotations

from collections.abc import Iterator

from planner.checks import names
from planner.checks.finding import Severity
from planner.checks.registry import Hit, rule
from planner.plan.graph import PlanGraph
from planner.plan.model import (
    ARTICLE_NUMBERS,
    Acquisition,
    Actual,
    Flow,
    Kpi,
    Measurement,
    Milestone,
)

_CODE_REF_JA = "全国地方公共団体コード（総務省。6桁目は検査数字）"
_CODE_REF_EN = "Local Government Code (MIC; the sixth digit is a check digit)"


def check_digit(first_five: str) -> int:
    """The 全国地方公共団体コード check digit for five digits abcde."""
    weights = (6, 5, 4, 3, 2)
    total = sum(w * int(c) for w, c in zip(weights, first_five, strict=True))
    return (11 - total % 11) % 10


@rule("PLN001", Severity.WARNING,
      title_ja="全国地方公共団体コードが6桁でない、又は検査数字が合わない",
      title_en="The local government code is not 6 digits or its check digit is wrong",
      reference_ja=_CODE_REF_JA, reference_en=_CODE_REF_EN,
      fix_ja="総務省の全国地方公共団体コード一覧で6桁（検査数字付き）のコードを確認してください。",
      fix_en="Look the 6-digit code (with check digit) up in MIC's local government code list.")
def municipality_code(g: PlanGraph) -> Iterator[Hit]:
    """A code that is not 6 digits, or whose sixth digit is not the check digit."""
    code = g.plan.plan.municipality_code
    if code is None or code == "":
        return
    if len(code) == 5 and code.isascii() and code.isdigit():
        full = code + str(check_digit(code))
        yield Hit((), f"全国地方公共団体コード「{code}」は5桁です。"
                      "検査数字を付けた6桁で記入します。",
                  f'The local government code "{code}" has 5 digits; the plan uses the 6-digit '
                  "form with its check digit.",
                  f"「{full}」で正しいか確認して記入してください。",
                  f'Check that "{full}" is right and enter it.', field="plan.municipality_code")
    elif len(code) != 6 or not (code.isascii() and code.isdigit()):
        yield Hit((), f"全国地方公共団体コード「{code}」は6桁の数字ではありません。",
                  f'The local government code "{code}" is not six digits.',
                  "総務省の一覧で6桁のコードを確認して記入してください。",
                  "Enter the 6-digit code from MIC's list.", field="plan.municipality_code")
    elif int(code[5]) != check_digit(code[:5]):
        full = code[:5] + str(check_digit(code[:5]))
        yield Hit((), f"全国地方公共団体コード「{code}」の検査数字（6桁目）が合いません。"
                  "入力の誤りと思われます。",
                  f'The check digit (sixth digit) of the local government code "{code}" is wrong; '
                  "it is probably a typo.",
                  f"総務省の一覧でコードを確認してください（先頭5桁が正しければ「{full}」です）。",
                  "Check the code in MIC's list (if the first five digits are right it is "
                  f'"{full}").',
                  field="plan.municipality_code")


@rule("PLN002", Severity.WARNING,
      title_ja="計画期間が未記入、又は終了年度が開始年度より前",
      title_en="The plan period is missing, or ends before it starts",
      reference_ja="官民データ活用推進基本法 第9条（都道府県官民データ活用推進計画等）、"
                   "市町村（都道府県）官民データ活用推進計画策定の手引",
      reference_en="Basic Act on the Advancement of Public and Private Sector Data Utilization "
                   "Art. 9 (prefectural and municipal plans); Guides to drafting municipal (prefectural) public-private data utilization plans",
      fix_ja="計画期間の開始年度と終了年度を記入してください。",
      fix_en="Enter the first and last fiscal year of the plan.")
def plan_period(g: PlanGraph) -> Iterator[Hit]:
    """A plan without both ends of its period, or with them the wrong way round."""
    period = g.plan.plan.period
    start = period.start_fy if period else None
    end = period.end_fy if period else None
    if start is None or end is None:
        yield Hit((), "計画期間（開始年度・終了年度）が記入されていません。KPIの目標年度や施策の"
                  "スケジュールが計画期間内かどうかを確認できません。",
                  "The plan period (first and last fiscal year) is not filled in, so KPI target "
                  "years and measure schedules cannot be checked against it.",
                  "計画期間の開始年度と終了年度を記入してください（例: 2026年度〜2030年度）。",
                  "Enter the first and last fiscal year (e.g. FY2026 to FY2030).",
                  field="plan.period")
    elif end < start:
        yield Hit((), f"計画期間の終了年度（{end}年度）が開始年度（{start}年度）より前です。",
                  f"The plan period ends (FY{end}) before it starts (FY{start}).",
                  "開始年度と終了年度を確認し、正しい順に直してください。",
                  "Check both years and put them in the right order.", field="plan.period.end_fy")


@rule("PLN003", Severity.WARNING,
      title_ja="施策が基本法第10条〜第19条以外の条を挙げている",
      title_en="A measure cites an article outside Basic Act Arts. 10–19",
      reference_ja="官民データ活用推進基本法 第3章（第10条〜第19条）",
      reference_en="Basic Act Chapter 3 (Arts. 10–19)",
      fix_ja="基本法第3章の基本的施策（第10条〜第19条）から選び直してください。",
      fix_en="Choose from the basic measures of Chapter 3 (Arts. 10–19).")
def article_range(g: PlanGraph) -> Iterator[Hit]:
    """Article numbers a measure lists that are not Chapter 3 basic measures."""
    for m in g.plan.measures:
        for key in ("primary", "related"):
            for j, n in enumerate(getattr(m.articles, key)):
                if n in ARTICLE_NUMBERS:
                    continue
                yield Hit((m.id,),
                          f"{names.ja(m)}が基本法第{n}条を挙げていますが、計画で整理する基本的施策は"
                          "第10条〜第19条です。",
                          f"{names.en(m)} cites Basic Act Art. {n}; the basic measures a plan "
                          "sorts its measures by are Arts. 10–19.",
                          f"第{n}条を外し、第10条〜第19条のうち該当する条を選んでください。",
                          f"Remove Art. {n} and choose the matching article among Arts. 10–19.",
                          field=f"articles.{key}[{j}]")


@rule("PLN004", Severity.WARNING,
      title_ja="自治体が自ら保有・収集するデータの利用方法が「受領」になっている",
      title_en="A use of data the municipality holds or collects itself has flow \"receive\"",
      reference_ja="総務省「地方公共団体におけるデータ利活用ガイドブック」Ver.2.0（データの取得経路の整理）",
      reference_en="MIC, Data utilization guidebook for local governments, Ver. 2.0 (acquisition routes)",
      fix_ja="庁内利用・提供など、施策が実際に行う利用方法を選び直してください。",
      fix_en="Choose what the measure actually does with the data (internal use, provision …).")
def receive_own_data(g: PlanGraph) -> Iterator[Hit]:
    """Flow ``receive`` on statutory or self-collected data, which nobody hands over."""
    own = {Acquisition.STATUTORY, Acquisition.SELF_COLLECTED}
    for u in g.all_uses():
        if u.use.flow != Flow.RECEIVE or u.data is None or u.data.acquisition not in own:
            continue
        how_ja = {Acquisition.STATUTORY: "法定事務で取得した既存データ",
                  Acquisition.SELF_COLLECTED: "自治体が自ら収集するデータ"}[u.data.acquisition]
        how_en = {Acquisition.STATUTORY: "held under a statutory duty",
                  Acquisition.SELF_COLLECTED: "collected by the municipality"}[u.data.acquisition]
        yield Hit((u.measure.id, u.data.id),
                  f"{names.ja(u.measure)}は{names.ja(u.data)}を「受領」するとしていますが、"
                  f"このデータは{how_ja}で、自治体が既に保有しています。",
                  f"{names.en(u.measure)} says it receives {names.en(u.data)}, but that data is "
                  f"{how_en}, so the municipality already holds it.",
                  "「流れ」を「庁内利用」など実際の使い方に直すか、外部から受け取るデータなら"
                  "データの「取得経路」を直してください。",
                  "Set the flow to what the measure does (e.g. internal use), or correct the data "
                  "source's acquisition if it really comes from outside.",
                  field=u.field("flow"))


@rule("PLN005", Severity.WARNING,
      title_ja="データ利用の行でデータが選ばれていない",
      title_en="A data use names no data source",
      reference_ja="計画の内部整合性（施策とデータの対応関係）",
      reference_en="Internal consistency of the plan (measure–data links)",
      fix_ja="利用するデータを選ぶか、不要な行を削除してください。",
      fix_en="Choose the data source, or delete the empty use.")
def use_without_data(g: PlanGraph) -> Iterator[Hit]:
    """A use row whose data source is not chosen yet."""
    for u in g.all_uses():
        if u.use.data is None or u.use.data == "":
            yield Hit((u.measure.id,),
                      f"{names.ja(u.measure)}の{u.index + 1}番目のデータ利用で、データが選ばれて"
                      "いません。",
                      f"Use no. {u.index + 1} of {names.en(u.measure)} names no data source.",
                      "利用するデータを選んでください。不要な行なら削除してください。",
                      "Choose the data source it uses, or delete the row.",
                      field=u.field("data"))


@rule("PLN006", Severity.WARNING,
      title_ja="施策に主に該当する基本法の条項（◎）がない",
      title_en="A measure with no primary Basic Act article (◎)",
      reference_ja="官民データ活用推進基本法 第3章（第10条〜第19条）、"
                   "市町村（都道府県）官民データ活用推進計画策定の手引（施策の基本的な方針）",
      reference_en="Basic Act Chapter 3 (Arts. 10–19); Guides to drafting municipal (prefectural) public-private data utilization plans (basic "
                   "policy on measures)",
      fix_ja="施策の「条項」で、主に該当する条（◎）を第10条〜第19条から選んでください。",
      fix_en="Choose the article the measure mainly serves (◎) among Arts. 10–19.")
def no_primary_article(g: PlanGraph) -> Iterator[Hit]:
    """Measures whose ``articles.primary`` is empty: chapter 5 cannot place them.

    When no measure has any article at all, that is one plan-level omission: one finding
    listing the measures (COV001 then stays silent), not one per measure.
    """
    measures = g.plan.measures
    if len(measures) > 1 and not any(m.articles.primary or m.articles.related
                                     for m in measures):
        shown = "、".join(names.ja(m) for m in measures[:5])
        more = f" ほか{len(measures) - 5}件" if len(measures) > 5 else ""
        yield Hit(tuple(m.id for m in measures),
                  f"どの施策にも基本法の条項（◎・○）が選ばれていません（{shown}{more}）。"
                  "計画書第5章の条項別の表を作れず、重点条項（第10条・第11条・第13条・第14条・"
                  "第15条）への対応も示せません。",
                  f"None of the {len(measures)} measures has a Basic Act article (◎ or ○), so "
                  "chapter 5 cannot place them and cannot show how the plan answers the core "
                  "articles (10, 11, 13, 14 and 15).",
                  "施策ごとに、主に該当する条（◎）を第10条〜第19条から選んでください。",
                  "Choose, for each measure, the article among Arts. 10–19 it mainly serves (◎).",
                  field="articles.primary")
        return
    for m in measures:
        if m.articles.primary:
            continue
        related = [n for n in m.articles.related if n in ARTICLE_NUMBERS]
        hint_ja = (f"関連条項（○）に挙げている第{related[0]}条が主な条項であれば、◎に変えて"
                   "ください。" if related else "")
        hint_en = (f" If Art. {related[0]}, now listed as related, is the main one, make it "
                   "primary." if related else "")
        yield Hit((m.id,),
                  f"{names.ja(m)}に、主に該当する基本法の条項（◎）が選ばれていません。計画書第5章"
                  "（施策の基本的な方針）の条項別の表で、この施策の位置付けを示せません。",
                  f"{names.en(m)} has no primary Basic Act article (◎), so the article table of "
                  "chapter 5 (basic policy) cannot place it.",
                  "施策の「条項」で、この施策が主に該当する条（◎）を第10条〜第19条から選んで"
                  "ください。" + hint_ja,
                  "Under articles, choose the article among Arts. 10–19 that the measure mainly "
                  "serves (◎)." + hint_en,
                  field="articles.primary")


def _kpi_text_values(k: Kpi) -> Iterator[tuple[str, str]]:
    """(field, text) of every value written as words in a KPI."""
    slots: list[tuple[str, Measurement | Milestone | Actual | None]] = [
        ("baseline.value", k.baseline), ("target.value", k.target)]
    slots += [(f"milestones[{i}].value", ms) for i, ms in enumerate(k.milestones)]
    slots += [(f"actuals[{i}].value", a) for i, a in enumerate(k.actuals)]
    for field, holder in slots:
        if holder is not None and isinstance(holder.value, str) and holder.value.strip():
            yield field, holder.value


@rule("PLN007", Severity.ERROR,
      title_ja="定量的なKPIの値が数値でなく文字で書かれている（「38.6%」など）",
      title_en="A quantitative KPI whose value is text (such as \"38.6%\")",
      reference_ja="市町村（都道府県）官民データ活用推進計画策定の手引（KPIの設定）",
      reference_en="Guides to drafting municipal (prefectural) plans (setting KPIs)",
      fix_ja="値は数値だけを書き、「%」「人」などの単位は「単位」に書いてください。",
      fix_en="Write the value as a number and put the unit (%, people …) in unit.")
def quantitative_value_as_text(g: PlanGraph) -> Iterator[Hit]:
    """Values of a KPI marked quantitative that are words: they cannot be compared."""
    for k in g.plan.kpis:
        if k.quantitative is not True:
            continue
        for field, text in _kpi_text_values(k):
            yield Hit((k.id,), f"{names.ja(k)}は定量的な指標ですが、値「{text}」が数値では"
                      "ありません。達成度を計算できません。",
                      f"{names.en(k)} is quantitative, but the value \u201c{text}\u201d is not a "
                      "number, so progress cannot be computed.",
                      "値には数値だけを書き（例: 38.6）、「%」「人」「件」などの単位は「単位」に"
                      "書いてください。文章で表す目標なら「定量的」を外してください。",
                      "Write the number alone (e.g. 38.6) and put %, people or cases in unit; "
                      "for a target in words, untick quantitative.", field=field)
            break
