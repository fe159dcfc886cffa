"""GAP: breaks in the chain issue → measure → data → KPI that a committee would send back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import pairwise

from planner.checks import names
from planner.checks.finding import Severity
from planner.checks.registry import Hit, rule
from planner.plan.graph import PlanGraph
from planner.plan.model import (
    PERSONAL_CATEGORIES,
    Direction,
    FiscalYearRange,
    Kpi,
    Measurement,
    Milestone,
    Pillar,
)

_GUIDE_JA = "市町村（都道府県）官民データ活用推進計画策定の手引（地域課題・施策・KPIの対応）"
_GUIDE_EN = "Guides to drafting municipal (prefectural) public-private data utilization plans (issues, measures, KPIs)"
_KPI_JA = "市町村（都道府県）官民データ活用推進計画策定の手引（KPIの設定）、EBPM（証拠に基づく政策立案）"
_KPI_EN = "Guides to drafting municipal (prefectural) public-private data utilization plans (setting KPIs); EBPM (evidence-based policy making)"


def _period(g: PlanGraph) -> tuple[int | None, int | None]:
    period = g.plan.plan.period
    return (period.start_fy, period.end_fy) if period else (None, None)


@rule("GAP001", Severity.WARNING,
      title_ja="どの施策も対応していない地域課題", title_en="An issue that no measure addresses",
      reference_ja=_GUIDE_JA, reference_en=_GUIDE_EN,
      fix_ja="課題に対応する施策を追加するか、既存の施策の「対応する地域課題」に加えてください。",
      fix_en="Add a measure for the issue, or add it to an existing measure's issues.")
def issue_without_measure(g: PlanGraph) -> Iterator[Hit]:
    """Issues no measure lists in ``addresses``."""
    for i in g.plan.issues:
        if not g.measures_addressing(i.id):
            yield Hit((i.id,), f"{names.ja(i)}に対応する施策がありません。",
                      f"No measure addresses {names.en(i)}.",
                      "この課題に取り組む施策を追加するか、既存の施策の「対応する地域課題」に"
                      f"{i.id}を加えてください。計画で扱わない課題なら削除してください。",
                      f"Add a measure for this issue, or add {i.id} to an existing measure's "
                      "issues addressed; delete the issue if the plan does not take it up.")


@rule("GAP002", Severity.WARNING,
      title_ja="どの地域課題にも対応していない施策", title_en="A measure that addresses no issue",
      reference_ja=_GUIDE_JA, reference_en=_GUIDE_EN,
      fix_ja="施策が解決を目指す課題に「対応する地域課題」でチェックを付けてください。",
      fix_en="Choose the issue(s) the measure answers.")
def measure_without_issue(g: PlanGraph) -> Iterator[Hit]:
    """Measures that address no issue, neither themselves nor through their pillars (broken
    ids are REF001's). Measures of one pillar are one finding on the pillar (§2.4): a plan
    written in pillar style sets the issues on the pillar, not on every measure."""
    by_pillar: dict[str, list] = {}
    for m in g.plan.measures:
        if m.addresses or g.pillars.issue_ids(m.pillar):
            continue
        pillar = g.pillar_of(m)
        if pillar is not None:
            by_pillar.setdefault(pillar.id, []).append(m)
            continue
        yield Hit((m.id,), f"{names.ja(m)}が、どの地域課題に対応するのか示されていません。",
                  f"{names.en(m)} does not say which issue it addresses.",
                  "この施策で解決を目指す課題に「対応する地域課題」でチェックを付けてください。該当する課題が"
                  "なければ、先に地域課題として追加してください。",
                  "Choose the issue(s) this measure answers; if none fits, add the issue "
                  "first.",
                  field="addresses")
    for pillar_id, measures in by_pillar.items():
        pillar = g.pillars.by_id[pillar_id]
        shown_ja = names.join_ja([names.bare_ja(m) for m in measures])
        shown_en = names.join_en([names.bare_en(m) for m in measures])
        yield Hit((pillar_id, *(m.id for m in measures)),
                  f"{_pillar_ja(g, pillar)}とその施策（{shown_ja}）が、どの地域課題に対応するのか"
                  "示されていません。",
                  f"{_pillar_en(g, pillar)} and its measures ({shown_en}) do not say which issue "
                  "they address.",
                  "施策体系の項目（基本目標・基本施策）の「対応する地域課題」に課題を選ぶと、"
                  "その項目に属する施策すべてが対応することになります。施策ごとに選ぶこともできます。",
                  "Choose the issues on the pillar (goal or policy): every measure in it then "
                  "addresses them. You can also choose them per measure.",
                  field="addresses")


@rule("GAP003", Severity.WARNING,
      title_ja="評価するKPIがない施策", title_en="A measure that no KPI evaluates",
      reference_ja=_KPI_JA, reference_en=_KPI_EN,
      fix_ja="施策の進捗や効果を測るKPIを追加し、KPIの「施策」でこの施策にチェックを付けてください。",
      fix_en="Add a KPI that measures the measure's progress or effect and link it.")
def measure_without_kpi(g: PlanGraph) -> Iterator[Hit]:
    """Measures that no KPI lists in ``measures``.

    A plan with no KPI at all gets RDY001 for that one omission, not one GAP003 per measure.
    """
    if not g.plan.kpis:
        return
    for m in g.plan.measures:
        if not g.kpis_evaluating(m.id):
            yield Hit((m.id,), f"{names.ja(m)}を評価するKPIがありません。",
                      f"No KPI evaluates {names.en(m)}.",
                      "この施策の進捗や効果を測るKPIを追加するか、既存のKPIの「評価する施策と出典」"
                      f"で{m.id}にチェックを付けてください。",
                      "Add a KPI that measures this measure's progress or effect and select "
                      f"{m.id} under measures evaluated.")


@rule("GAP004", Severity.WARNING,
      title_ja="測定に用いるデータがないKPI", title_en="A KPI with no source data",
      reference_ja=_KPI_JA, reference_en=_KPI_EN,
      fix_ja="KPIの値をどのデータから測るかを「出典データ」で選んでください。",
      fix_en="Choose the data source the KPI is measured from.")
def kpi_without_source(g: PlanGraph) -> Iterator[Hit]:
    """KPIs with no ``source`` (broken ids are REF001's)."""
    for k in g.plan.kpis:
        if not k.source:
            yield Hit((k.id,), f"{names.ja(k)}の値をどのデータから測るのかが示されていません。",
                      f"{names.en(k)} does not say which data it is measured from.",
                      "KPIの「出典データ」でデータを選んでください。計画にまだないデータなら、"
                      "先にデータとして追加してから選んでください。",
                      "Choose the source data; if it is not in the plan yet, add it as a data "
                      "source first.", field="source")


def _missing(m: Measurement | None, qualitative: bool = False) -> list[str]:
    if m is None:
        return ["value", "fy"]
    missing = [k for k in ("value", "fy") if getattr(m, k) is None or getattr(m, k) == ""]
    if qualitative and m.text and "value" in missing:  # a qualitative target in words
        missing.remove("value")
    return missing


def _gap_words(key: str, missing: list[str]) -> tuple[str, str]:
    """基準値 / 基準値（値） / 基準値の年度, and English, for what ``key`` lacks."""
    ja, en = {"baseline": ("基準値", "baseline"), "target": ("目標値", "target")}[key]
    if missing == ["value", "fy"]:
        return ja, en
    return (f"{ja}（値）", f"{en} value") if missing == ["value"] else (f"{ja}の年度", f"{en} year")


@rule("GAP005", Severity.WARNING,
      title_ja="基準値又は目標値（値・年度）"
               "がないKPI", title_en="A KPI with no baseline or no target",
      reference_ja=_KPI_JA, reference_en=_KPI_EN,
      fix_ja="基準値と目標値を、それぞれの年度とともに記入してください。",
      fix_en="Enter the baseline and the target, each with its fiscal year.")
def kpi_without_values(g: PlanGraph) -> Iterator[Hit]:
    """KPIs missing the value or year of their baseline or target."""
    for k in g.plan.kpis:
        gaps = {key: _missing(getattr(k, key), k.quantitative is False)
                for key in ("baseline", "target")}
        gaps = {key: parts for key, parts in gaps.items() if parts}
        if not gaps:
            continue
        words = [_gap_words(key, parts) for key, parts in gaps.items()]
        key = next(iter(gaps))
        yield Hit((k.id,), f"{names.ja(k)}に{'・'.join(w[0] for w in words)}がありません。"
                  "達成度を評価できません。",
                  f"{names.en(k)} has no {' and no '.join(w[1] for w in words)}, so progress "
                  "cannot be judged.",
                  "「基準値・年度」に現状の値とその年度を、「目標値・年度」に計画期間内に目指す値と"
                  "その年度を記入してください。"
                  "定性的なKPIでも、目指す状態を目標値として書いてください。",
                  "Enter the current baseline and its year and a target within the plan period "
                  "with its year; for a qualitative KPI, describe the target state.",
                  field=f"{key}.{gaps[key][0]}")


@rule("GAP006", Severity.WARNING,
      title_ja="KPIの目標年度が計画期間外、又は基準年度が目標年度より後",
      title_en="A KPI target year outside the plan period, or a baseline year after the target",
      reference_ja=_KPI_JA, reference_en=_KPI_EN,
      fix_ja="目標年度を計画期間内に、基準年度を目標年度より前にしてください。",
      fix_en="Put the target year inside the plan period and the baseline year before it.")
def kpi_years(g: PlanGraph) -> Iterator[Hit]:
    """Target years outside the plan period; baselines after targets. Each is its own finding.

    A period with only one end known still judges the target against that end.
    """
    start, end = _period(g)
    for k in g.plan.kpis:
        base = k.baseline.fy if k.baseline else None
        target = k.target.fy if k.target else None
        if target is not None and ((start is not None and target < start)
                                   or (end is not None and target > end)):
            span_ja = f"{start or '?'}年度〜{end or '?'}年度"
            span_en = f"FY{start or '?'}–FY{end or '?'}"
            usual_ja = f"（通常は最終年度の{end}年度）" if end is not None else ""
            usual_en = f" (usually its last year, FY{end})" if end is not None else ""
            yield Hit((k.id,), f"{names.ja(k)}の目標年度（{target}年度）が計画期間"
                      f"（{span_ja}）の外にあります。計画期間内に達成を評価できません。",
                      f"The target year of {names.en(k)} (FY{target}) lies outside the plan "
                      f"period ({span_en}), so its achievement cannot be judged within the plan.",
                      f"「目標値・年度」で、計画期間内の年度{usual_ja}を目標年度にしてください。"
                      "期間後を見据えた目標は、中間目標を期間内に置いたうえで説明に書いてください。",
                      f"Under target value and year, set a year within the plan period{usual_en}; "
                      "for a longer-term goal, set an interim target within the period and "
                      "explain it in the rationale.",
                      field="target.fy")
        if base is not None and target is not None and base > target:
            yield Hit((k.id,), f"{names.ja(k)}の基準年度（{base}年度）が目標年度（{target}年度）"
                      "より後になっています。",
                      f"The baseline year of {names.en(k)} (FY{base}) is after its target year "
                      f"(FY{target}).",
                      "基準値は計画策定時点の実績、目標値は計画期間内に目指す値です。"
                      "「基準値・年度」と「目標値・年度」の年度を確認してください。",
                      "The baseline is the value when the plan is made and the target the value "
                      "to reach within the plan period; check both years.",
                      field="baseline.fy")


@rule("GAP007", Severity.INFO,
      title_ja="どの施策も利用せず、どのKPIの測定にも使われないデータ",
      title_en="A data source that no measure uses and no KPI is measured from",
      reference_ja="市町村（都道府県）官民データ活用推進計画策定の手引（データの棚卸し）",
      reference_en="Guides to drafting municipal (prefectural) public-private data utilization plans (data inventory)",
      fix_ja="活用する施策かKPIと結び付けるか、計画に載せる必要がなければ削除してください。",
      fix_en="Link it to a measure or KPI, or remove it if the plan does not need it.")
def unused_data(g: PlanGraph) -> Iterator[Hit]:
    """Data sources nothing in the plan refers to."""
    for d in g.plan.data_sources:
        if g.is_used(d.id):
            continue
        personal = d.category in PERSONAL_CATEGORIES
        yield Hit((d.id,), f"{names.ja(d)}は、どの施策でも利用されず、どのKPIの測定にも"
                  "使われていません。",
                  f"{names.en(d)} is used by no measure and no KPI is measured from it.",
                  "このデータを活用する施策の「利用するデータ」に加えるか、KPIの「出典データ」に"
                  "選んでください。"
                  + ("個人情報を含むデータは利用目的の達成に必要な範囲でしか保有できないため"
                     "（個人情報保護法第61条第2項）、使う予定がなければ保有の必要性と保存期間を"
                     "見直してください。" if personal else
                     "棚卸しとして載せているだけなら、このままでも構いません。"),
                  "Add it to the data used by a measure or make it a KPI's source data. "
                  + ("Personal information may be held only as far as its purpose requires "
                     "(APPI Art. 61(2)); if nothing will use it, review whether to keep it and "
                     "its retention." if personal else
                     "If it is listed only as an inventory entry, it can stay as it is."))


def _outside(schedule: FiscalYearRange, start: int, end: int) -> bool:
    s, e = schedule.start_fy, schedule.end_fy
    return (s is not None and not start <= s <= end) or (e is not None and not start <= e <= end)


@rule("GAP008", Severity.WARNING,
      title_ja="施策のスケジュールが計画期間外（又は終了年度が開始年度より前）",
      title_en="A measure's schedule outside the plan period (or ending before it starts)",
      reference_ja=_GUIDE_JA, reference_en=_GUIDE_EN,
      fix_ja="スケジュールを計画期間内の年度に直してください。",
      fix_en="Move the schedule inside the plan period.")
def schedule_outside_period(g: PlanGraph) -> Iterator[Hit]:
    """Schedules reaching outside the plan period, or running backwards."""
    start, end = _period(g)
    for m in g.plan.measures:
        sch = m.schedule
        if sch is None:
            continue
        if sch.start_fy is not None and sch.end_fy is not None and sch.end_fy < sch.start_fy:
            yield Hit((m.id,), f"{names.ja(m)}のスケジュールの終了年度（{sch.end_fy}年度）が"
                      f"開始年度（{sch.start_fy}年度）より前です。",
                      f"The schedule of {names.en(m)} ends (FY{sch.end_fy}) before it starts "
                      f"(FY{sch.start_fy}).",
                      "開始年度と終了年度を確認してください。", "Check both years.",
                      field="schedule.end_fy")
        elif start is not None and end is not None and _outside(sch, start, end):
            yield Hit((m.id,), f"{names.ja(m)}のスケジュール（{sch.start_fy or '?'}年度〜"
                      f"{sch.end_fy or '?'}年度）が計画期間（{start}年度〜{end}年度）を"
                      "はみ出しています。",
                      f"The schedule of {names.en(m)} (FY{sch.start_fy or '?'}–"
                      f"FY{sch.end_fy or '?'}) reaches outside the plan period "
                      f"(FY{start}–FY{end}).",
                      "計画期間内に実施する範囲に直してください。期間後も続ける取組は、"
                      "次期計画で位置付けることを説明に書いてください。",
                      "Limit it to the plan period; say in the description that work continuing "
                      "afterwards belongs to the next plan.", field="schedule")


@rule("GAP009", Severity.INFO,
      title_ja="根拠（統計・データ）が書かれていない地域課題",
      title_en="An issue with no evidence (EBPM)",
      reference_ja="EBPM（証拠に基づく政策立案）、市町村（都道府県）官民データ活用推進計画策定の手引（現状及び課題）",
      reference_en="EBPM (evidence-based policy making); Guides to drafting municipal (prefectural) public-private data utilization plans "
                   "(current state and issues)",
      fix_ja="課題の根拠となる統計やデータを「根拠」に書いてください。",
      fix_en="Write the statistics or data that show the issue under evidence.")
def issue_without_evidence(g: PlanGraph) -> Iterator[Hit]:
    """Issues whose evidence is empty."""
    for i in g.plan.issues:
        if not (i.evidence or "").strip():
            yield Hit((i.id,), f"{names.ja(i)}の根拠となる統計・データが書かれていません。",
                      f"{names.en(i)} gives no statistics or data as evidence.",
                      "課題の大きさや傾向を示す統計・データ（出典と年度）を「根拠」に書いてください"
                      "（例: 国勢調査、住民アンケート、庁内の業務統計）。",
                      "Under evidence, cite statistics or data (with source and year) that show "
                      "the size or trend of the issue (census, resident survey, service "
                      "statistics).",
                      field="evidence")


@rule("GAP010", Severity.WARNING,
      title_ja="データを一つも利用しない施策",
      title_en="A measure that uses no data at all",
      reference_ja="官民データ活用推進基本法 第9条（都道府県官民データ活用推進計画等）、"
                   "市町村（都道府県）官民データ活用推進計画策定の手引",
      reference_en="Basic Act Art. 9 (prefectural and municipal plans); "
                   "Guides to drafting municipal (prefectural) public-private data utilization plans",
      fix_ja="施策で利用するデータを「利用するデータ」に追加してください。",
      fix_en="Add the data the measure uses.")
def measure_without_data(g: PlanGraph) -> Iterator[Hit]:
    """Measures with no uses: a data-utilization measure without data.

    When no measure names any data (a plan transcribed without its data lists), that one
    omission is one finding naming every measure, not one finding per measure.
    """
    bare = [m for m in g.plan.measures if not m.uses]
    if len(bare) > 1 and len(bare) == len(g.plan.measures):
        listed_ja = "、".join(names.ja(m) for m in bare)
        listed_en = ", ".join(names.en(m) for m in bare)
        yield Hit(tuple(m.id for m in bare),
                  f"どの施策にも利用するデータが示されていません（{listed_ja}）。"
                  "官民データ活用推進計画の施策としては、活用するデータを示す必要があります。",
                  f"No measure says which data it uses ({listed_en}); the measures of a data "
                  "utilization plan should say which data they use.",
                  "施策ごとに、利用・提供・公開するデータを「利用するデータ」に追加し、"
                  "「流れ」と「目的との関係」を選んでください。",
                  "For each measure, add the data it uses, provides or publishes, with its flow "
                  "and its relation to the original purpose.", field="uses")
        return
    for m in bare:
        yield Hit((m.id,), f"{names.ja(m)}は、どのデータも利用していません。"
                  "官民データ活用推進計画の施策としては、活用するデータを示す必要があります。",
                  f"{names.en(m)} uses no data; a measure of a data utilization plan should "
                  "say which data it uses.",
                  "施策で利用・提供・公開するデータを「利用するデータ」に追加し、"
                  "「流れ」と「目的との関係」を選んでください。",
                  "Add the data the measure uses, provides or publishes, with its flow and "
                  "its relation to the original purpose.", field="uses")


@rule("GAP011", Severity.WARNING,
      title_ja="どの施策も評価していないKPI", title_en="A KPI that evaluates no measure",
      reference_ja=_KPI_JA, reference_en=_KPI_EN,
      fix_ja="KPIの「施策」で、このKPIで評価する施策にチェックを付けてください。",
      fix_en="Select the measure(s) the KPI evaluates.")
def kpi_without_measure(g: PlanGraph) -> Iterator[Hit]:
    """KPIs with an empty ``measures`` list (broken ids are REF001's)."""
    for k in g.plan.kpis:
        if not k.measures:
            yield Hit((k.id,), f"{names.ja(k)}が、どの施策を評価するのか示されていません。"
                      "施策の進捗や効果と結び付かない指標は、計画の点検に使えません。",
                      f"{names.en(k)} does not say which measure it evaluates; an indicator tied "
                      "to no measure cannot show the plan's progress.",
                      "「評価する施策と出典」の「施策」で、このKPIで進捗や効果を測る施策にチェックを"
                      "付けてください。対応する施策がなければ、KPIを削除するか施策を追加してください。",
                      "Under measures evaluated, select the measure(s) whose progress or effect "
                      "this KPI shows; if there is none, delete the KPI or add the measure.",
                      field="measures")


# --- the 施策体系 (pillars, domain.md §2.4) -------------------------------------------------

_PILLAR_JA = "市町村（都道府県）官民データ活用推進計画策定の手引（施策の体系）"
_PILLAR_EN = "Guides to drafting municipal (prefectural) plans (structure of measures)"


def _pillar_ja(g: PlanGraph, pillar: Pillar) -> str:
    number = g.pillar_number(pillar.id)
    return f"施策体系{' ' + number if number else ''}『{pillar.title}』（{pillar.id}）"


def _pillar_en(g: PlanGraph, pillar: Pillar) -> str:
    number = g.pillar_number(pillar.id)
    return f'pillar{" " + number if number else ""} "{pillar.title}" ({pillar.id})'


@rule("GAP012", Severity.WARNING,
      title_ja="施策が一つも属していない施策体系の項目", title_en="A pillar with no measure",
      reference_ja=_PILLAR_JA, reference_en=_PILLAR_EN,
      fix_ja="この項目に属する施策の「施策体系」にこの項目を選ぶか、不要な項目なら削除してください。",
      fix_en="Put the measures that belong to it in the pillar, or delete the pillar.")
def pillar_without_measure(g: PlanGraph) -> Iterator[Hit]:
    """Pillars no measure belongs to, directly or through a pillar below them."""
    for p in g.pillars.by_id.values():
        if g.measures_in(p.id):
            continue
        yield Hit((p.id,), f"{_pillar_ja(g, p)}に属する施策がありません。計画書の施策体系に"
                  "中身のない項目が残ります。",
                  f"No measure belongs to {_pillar_en(g, p)}, so the plan's structure shows an "
                  "empty heading.",
                  "この項目で取り組む施策の「施策体系」にこの項目を選んでください。取り組む施策が"
                  "まだなければ追加し、この計画期間で扱わないなら項目を削除してください。",
                  "Choose this pillar on the measures that carry it out; add them if there are "
                  "none yet, or delete the pillar if the plan does not take it up.")


@rule("GAP013", Severity.WARNING,
      title_ja="施策体系があるのに、どの項目にも属していない（又は最も下の階層にない）施策",
      title_en="A measure outside any pillar, or not in a lowest-level one, when the plan has pillars",
      reference_ja=_PILLAR_JA, reference_en=_PILLAR_EN,
      fix_ja="施策の「施策体系」で、属する最も下の階層の項目を選んでください。",
      fix_en="Choose the lowest-level pillar the measure belongs to.")
def measure_outside_pillars(g: PlanGraph) -> Iterator[Hit]:
    """With pillars, measures whose ``pillar`` is empty or has pillars below it.

    A measure belongs to its lowest pillar (domain.md §2.4): one placed on a pillar that has
    sub-pillars would be numbered 施策1-1 beside the sub-pillar 1-1. Broken ids are REF001's.
    """
    if not g.plan.pillars:
        return
    has_children = g.pillars.children
    for m in g.plan.measures:
        if not m.pillar:
            yield Hit((m.id,), f"{names.ja(m)}が施策体系のどの項目にも属していません。"
                      "計画書の第6章で、体系の外に置かれます。",
                      f"{names.en(m)} belongs to no pillar, so chapter 6 lists it outside the "
                      "plan's structure.",
                      "「施策体系」で、この施策が属する最も下の階層の項目（基本施策など）を"
                      "選んでください。",
                      "Choose the lowest-level pillar (policy) the measure belongs to.",
                      field="pillar")
        elif m.pillar in has_children:
            yield Hit((m.id,), f"{names.ja(m)}は、下に階層のある施策体系の項目に属しています。"
                      "計画書の番号が下の階層の項目と紛らわしくなります。",
                      f"{names.en(m)} sits on a pillar that has pillars below it, so its number "
                      "in the document reads like theirs.",
                      "「施策体系」で、この施策が属する最も下の階層の項目を選んでください。",
                      "Choose the lowest-level pillar the measure belongs to.",
                      field="pillar")


# --- KPI milestones and deferred targets ----------------------------------------------------

def _number(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _steps(k: Kpi) -> list[tuple[int, float, str]]:
    """(fy, value, field) of baseline, milestones and target that have both, by year."""
    slots: list[tuple[str, Measurement | Milestone | None]] = [
        ("baseline.value", k.baseline),
        *((f"milestones[{i}].value", ms) for i, ms in enumerate(k.milestones)),
        ("target.value", k.target)]
    points: list[tuple[int, float, str]] = []
    for field, holder in slots:
        if holder is not None and holder.fy is not None:
            value = _number(holder.value)
            if value is not None:
                points.append((holder.fy, value, field))
    return sorted(points, key=lambda p: p[0])


#: A KPI without a direction (None) has no "backwards".
_AGAINST: dict[Direction | None, tuple[str, str, Callable[[float, float], bool]]] = {
    Direction.INCREASE: ("増えて", "rises", lambda a, b: b < a),
    Direction.DECREASE: ("減って", "falls", lambda a, b: b > a)}


@rule("GAP014", Severity.WARNING,
      title_ja="KPIの年度別目標が計画期間の外にある、又は目標の方向と逆に動いている",
      title_en="A KPI milestone outside the plan period, or moving against the KPI's direction",
      reference_ja=_KPI_JA, reference_en=_KPI_EN,
      fix_ja="年度別目標の年度を計画期間内にし、値が基準値から目標値へ向かうようにしてください。",
      fix_en="Put milestone years inside the plan period and make the values lead from the "
             "baseline to the target.")
def milestones(g: PlanGraph) -> Iterator[Hit]:
    """Milestone years outside the period; values that go back against ``direction``."""
    start, end = _period(g)
    for k in g.plan.kpis:
        for i, ms in enumerate(k.milestones):
            if ms.fy is not None and ((start is not None and ms.fy < start)
                                      or (end is not None and ms.fy > end)):
                yield Hit((k.id,), f"{names.ja(k)}の年度別目標（{ms.fy}年度）が計画期間"
                          f"（{start or '?'}年度〜{end or '?'}年度）の外にあります。",
                          f"A milestone of {names.en(k)} (FY{ms.fy}) lies outside the plan "
                          f"period (FY{start or '?'}–FY{end or '?'}).",
                          "年度別目標は計画期間内の年度に置いてください。期間後の見通しは"
                          "「目標値設定の考え方」に書いてください。",
                          "Set milestones within the plan period; describe the outlook beyond "
                          "it in the rationale.", field=f"milestones[{i}].fy")
        against = _AGAINST.get(k.direction)
        if against is None:
            continue
        word_ja, word_en, backwards = against
        points = _steps(k)
        for (fy_a, a, _), (fy_b, b, field) in pairwise(points):
            if backwards(a, b):
                yield Hit((k.id,), f"{names.ja(k)}は値が{word_ja}いくことを目指す指標ですが、"
                          f"{fy_b}年度の値（{b:g}）が{fy_a}年度（{a:g}）と逆に動いています。",
                          f"{names.en(k)} should move the other way: its value {word_en} over "
                          f"the plan, but FY{fy_b} ({b:g}) goes back from FY{fy_a} ({a:g}).",
                          "基準値・年度別目標・目標値の値と年度、又は目標の方向（以上・以下・維持）"
                          "を確認してください。",
                          "Check the values and years of baseline, milestones and target, or "
                          "the direction (increase, decrease, maintain).", field=field)
                break


@rule("GAP015", Severity.WARNING,
      title_ja="計画期間の終了後に目標値を定めることにしているKPI",
      title_en="A KPI whose target is to be set after the plan period ends",
      reference_ja=_KPI_JA, reference_en=_KPI_EN,
      fix_ja="計画期間内に目標値（又は目標値を定める年度）を置いてください。",
      fix_en="Set the target, or the year it will be set, within the plan period.")
def deferred_target(g: PlanGraph) -> Iterator[Hit]:
    """A target stated only in words, for a year past the end of the plan period."""
    _, end = _period(g)
    if end is None:
        return
    for k in g.plan.kpis:
        t = k.target
        if t is None or not t.text or t.value not in (None, "") or t.fy is None or t.fy <= end:
            continue
        yield Hit((k.id,), f"{names.ja(k)}の目標は「{t.text}」（{t.fy}年度）で、計画期間"
                  f"（{end}年度まで）の間に目標値がありません。計画期間内に達成を評価できません。",
                  f"The target of {names.en(k)} is \u201c{t.text}\u201d (FY{t.fy}), after the plan "
                  f"period ends (FY{end}), so nothing can be judged within the plan.",
                  "計画期間内に目標値を設定するか、目標値を定める年度を期間内にしてください。",
                  "Set a target value within the plan period, or decide the target within it.",
                  field="target.fy")
