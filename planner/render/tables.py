"""The document's tables as data: headers, relative column widths and cleaned cell text.

Templates ask for a table by name (``{{ table("kpis") }}``); this module builds it from the
context, and the Word writer lays it out to the page width.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from planner.errors import PlannerError
from planner.plan.bilingual import Text


@dataclass
class Column:
    """A column: header text, relative width, and whether its cells are centred."""

    header: str
    width: float
    center: bool = False


@dataclass
class TableSpec:
    """A table ready to lay out; ``small`` tables use the compact font size."""

    columns: list[Column]
    rows: list[list[str]] = field(default_factory=list)
    small: bool = False
    empty_text: str = ""


def _t(lang: str, ja: str, en: str) -> str:
    return Text(ja, en).get(lang)


def _value_with_year(value: str, year: str) -> str:
    """「1,200人/月」 over 「令和7年度」 over 「（2025年度）」: narrow cells never break a year."""
    if not value:
        return "—"
    return f"{value}\n{year.replace('（', chr(10) + '（', 1)}" if year else value


def _kpi_type(label: str) -> str:
    """「効果」 for 「KPI（効果）」: the column is headed 種別, and the short word never wraps."""
    match = re.fullmatch(r"KPI（(.+)）", label or "")
    return match.group(1) if match else (label or "—")


def articles_table(ctx: dict[str, Any], _key: str | None) -> TableSpec:
    """第5章: one row per measure, one column per article 10–19, ◎ primary / ○ related."""
    lang = ctx["lang"]
    arts = ctx["articles"]
    cols = [Column(_t(lang, "施策　＼　基本法の条", "Measure / Article"), 34)]
    cols += [Column(str(a["number"]), 5.6, True) for a in arts]
    marks: dict[tuple[str, int], str] = {}
    for a in arts:
        for m in a["primary"]:
            marks[(m["id"], a["number"])] = "◎"
        for m in a["related"]:
            marks.setdefault((m["id"], a["number"]), "○")
    rows = [[m["label"], *(marks.get((m["id"], a["number"]), "") for a in arts)]
            for m in ctx["measures"]]
    return TableSpec(cols, rows, small=True,
                     empty_text=_t(lang, "施策がまだありません。", "No measures yet."))


def measure_summary_table(ctx: dict[str, Any], key: str | None) -> TableSpec:
    """第6章: a measure's issues, articles, fields, schedule and owner as label/value rows."""
    lang = ctx["lang"]
    m = _measure(ctx, key)
    issue_word = _t(lang, "課題", "Issue ")
    rows = [
        [_t(lang, "対応する地域課題", "Issues addressed"),
         "\n".join(f"{issue_word}{i['number']} {i['title']}" for i in m["issues"]) or "—"],
        [_t(lang, "基本法の条項", "Basic Act articles"), _articles_text(m)],
        [_t(lang, "重点分野", "Priority fields"), "、".join(m["fields"]) or "—"],
        [_t(lang, "実施期間", "Schedule"), m["schedule"] or "—"],
        [_t(lang, "担当課", "Owner"), m.get("owner_line") or m["owner"] or "—"],
    ]
    return TableSpec([Column(_t(lang, "項目", "Item"), 22), Column(_t(lang, "内容", "Detail"), 78)],
                     rows)


def _articles_text(m: dict[str, Any]) -> str:
    parts = [f"◎ {a}" for a in m["articles_primary"]] + [f"○ {a}" for a in m["articles_related"]]
    return "\n".join(parts) or "—"


def measure_data_table(ctx: dict[str, Any], key: str | None) -> TableSpec:
    """第6章: the data a measure uses and how, in plain words."""
    lang = ctx["lang"]
    m = _measure(ctx, key)
    rows = [[u["data_title"], u["category"] or "—", u["how"], u["rationale"] or "—"]
            for u in m["uses"]]
    return TableSpec(
        [Column(_t(lang, "データ", "Data"), 24), Column(_t(lang, "区分", "Category"), 18),
         Column(_t(lang, "活用の方法", "How it is used"), 24),
         Column(_t(lang, "活用の内容", "What for"), 34)],
        rows, empty_text=_t(lang, "活用するデータは未設定です。", "No data set for this measure."))


def measure_kpis_table(ctx: dict[str, Any], key: str | None) -> TableSpec:
    """第6章: a measure's KPIs with 基準値 and 目標値."""
    lang = ctx["lang"]
    m = _measure(ctx, key)
    rows = [[k["title"], _kpi_type(k["type"]), _value_with_year(k["baseline"], k["baseline_fy"]),
             _value_with_year(k["target"], k["target_fy"])] for k in m["kpis"]]
    cols = [Column(_t(lang, "指標", "Indicator"), 38), Column(_t(lang, "種別", "Type"), 14, True),
            Column(_t(lang, "基準値（年度）", "Baseline (FY)"), 24),
            Column(_t(lang, "目標値（年度）", "Target (FY)"), 24)]
    if any(k.get("milestones_text") for k in m["kpis"]):  # 年度別目標 only where a KPI has them
        cols.insert(3, Column(_t(lang, "年度別目標", "Milestones"), 22))
        for row, k in zip(rows, m["kpis"], strict=True):
            row.insert(3, k.get("milestones_text") or "—")
    return TableSpec(cols, rows,
                     empty_text=_t(lang, "評価指標は未設定です。", "No KPI set for this measure."))


def personal_uses_table(ctx: dict[str, Any], _key: str | None) -> TableSpec:
    """第7章: every use of personal-category data and its legal basis."""
    lang = ctx["lang"]
    rows = [[u["measure"]["label"], u["data_title"], u["category"],
             "\n".join(x for x in (u["flow"], u["purpose"]) if x) or "—", u["legal_basis"]]
            for u in ctx["personal_uses"]]
    return TableSpec(
        [Column(_t(lang, "施策", "Measure"), 22), Column(_t(lang, "データ", "Data"), 18),
         Column(_t(lang, "区分", "Category"), 16),
         Column(_t(lang, "利用の形態・目的", "Flow and purpose"), 20),
         Column(_t(lang, "根拠", "Legal basis"), 24)],
        rows, small=True,
        empty_text=_t(lang, "個人情報を利用する施策はありません。",
                      "No measure uses personal information."))


def kpis_table(ctx: dict[str, Any], _key: str | None) -> TableSpec:
    """別表1 KPI一覧."""
    lang = ctx["lang"]
    rows = [[k["title"], _kpi_type(k["type"]), _value_with_year(k["baseline"], k["baseline_fy"]),
             _value_with_year(k["target"], k["target_fy"]), k["source"] or "—",
             k["rationale"] or "—"] for k in ctx["kpis"]]
    cols = [Column(_t(lang, "指標", "Indicator"), 19), Column(_t(lang, "種別", "Type"), 10, True),
            Column(_t(lang, "基準値（年度）", "Baseline (FY)"), 16),
            Column(_t(lang, "目標値（年度）", "Target (FY)"), 16),
            Column(_t(lang, "出典", "Source"), 15),
            Column(_t(lang, "目標値設定の考え方", "Why this target"), 24)]
    if any(k.get("milestones_text") for k in ctx["kpis"]):  # 年度別目標 only where given
        cols.insert(3, Column(_t(lang, "年度別目標", "Milestones"), 15))
        for row, k in zip(rows, ctx["kpis"], strict=True):
            row.insert(3, k.get("milestones_text") or "—")
    return TableSpec(cols, rows, small=True,
                     empty_text=_t(lang, "KPIがまだありません。", "No KPIs yet."))


def data_table(ctx: dict[str, Any], _key: str | None) -> TableSpec:
    """別表2 データ一覧（データ棚卸し）."""
    lang = ctx["lang"]
    rows = [[d["title"], d["acquisition"] or "—", d["category"] or "—", d["holder"] or "—",
             d["format"] or "—", d["stars"], d["open_data"]] for d in ctx["data_sources"]]
    return TableSpec(
        [Column(_t(lang, "データ名", "Data"), 17), Column(_t(lang, "取得経路", "Acquisition"), 15),
         Column(_t(lang, "区分", "Category"), 13), Column(_t(lang, "保有課", "Holder"), 11),
         Column(_t(lang, "形式", "Format"), 14, True),  # 「Excel（xlsx）」「データベース」 unbroken
         Column(_t(lang, "5つ星", "5-star"), 9, True),
         Column(_t(lang, "オープンデータ化", "Open data"), 21)],
        rows, small=True, empty_text=_t(lang, "データがまだありません。", "No data yet."))


def findings_table(ctx: dict[str, Any], _key: str | None) -> TableSpec:
    """別表3 点検結果."""
    lang = ctx["lang"]
    rows = [[f["severity"], f["rule"], f["nodes"], f["message"], f["reference"], f["fix"]]
            for f in ctx["findings"]]
    return TableSpec(
        [Column(_t(lang, "重要度", "Severity"), 9, True), Column(_t(lang, "ルール", "Rule"), 9),
         Column(_t(lang, "対象", "Items"), 12), Column(_t(lang, "内容", "Finding"), 30),
         Column(_t(lang, "根拠", "Reference"), 18), Column(_t(lang, "対応", "Fix"), 22)],
        rows, small=True,
        empty_text=_t(lang, "点検で指摘された事項はありません。", "The check found nothing."))


def history_table(ctx: dict[str, Any], _key: str | None) -> TableSpec:
    """資料 策定の経過: date and event."""
    lang = ctx["lang"]
    rows = [[h["date"] or "—", h["event"] or "—"] for h in ctx.get("history", [])]
    return TableSpec([Column(_t(lang, "年月日", "Date"), 30),
                      Column(_t(lang, "内容", "Event"), 70)], rows,
                     empty_text=_t(lang, "策定の経過は記載されていません。", "No history given."))


def glossary_table(ctx: dict[str, Any], _key: str | None) -> TableSpec:
    """用語集: term and definition."""
    lang = ctx["lang"]
    rows = [[g["term"], g["definition"] or "—"] for g in ctx.get("glossary", [])]
    return TableSpec([Column(_t(lang, "用語", "Term"), 25),
                      Column(_t(lang, "説明", "Definition"), 75)], rows,
                     empty_text=_t(lang, "用語集は記載されていません。", "No glossary given."))


def owners_table(ctx: dict[str, Any], _key: str | None) -> TableSpec:
    """第4章: each owning department with the measures it runs."""
    lang = ctx["lang"]
    owners: dict[str, list[str]] = {}
    for m in ctx["measures"]:
        owners.setdefault(m["owner"] or _t(lang, "未定", "Not decided"), []).append(m["label"])
    rows = [[owner, "\n".join(labels)] for owner, labels in owners.items()]
    return TableSpec([Column(_t(lang, "担当課", "Department"), 28),
                      Column(_t(lang, "担当する施策", "Measures"), 72)], rows,
                     empty_text=_t(lang, "施策がまだありません。", "No measures yet."))


_MEASURE_INDEX = "_measure_index"


def _measure(ctx: dict[str, Any], key: str | None) -> dict[str, Any]:
    # An index kept beside the measures it was built from: a scan per measure table made
    # the measure chapters quadratic (three tables a measure, each built twice).
    measures = ctx["measures"]
    cached = ctx.get(_MEASURE_INDEX)
    if cached is None or cached[0] is not measures:
        index: dict[str, dict[str, Any]] = {}
        for m in measures:
            index.setdefault(m["id"], m)  # the first of an id, as the scan found it
        cached = ctx[_MEASURE_INDEX] = (measures, index)
    found = cached[1].get(key) if key is not None else None
    if found is None:
        raise PlannerError(f"table(…, \"{key}\"): その施策IDはありません。",
                           f"table(…, \"{key}\"): no measure has that id.")
    return found


BUILDERS = {
    "articles": articles_table,
    "owners": owners_table,
    "measure_summary": measure_summary_table,
    "measure_data": measure_data_table,
    "measure_kpis": measure_kpis_table,
    "personal_uses": personal_uses_table,
    "kpis": kpis_table,
    "data": data_table,
    "findings": findings_table,
    "history": history_table,
    "glossary": glossary_table,
}


def build_table(name: str, key: str | None, ctx: dict[str, Any]) -> TableSpec:
    """The table ``name`` (for measure tables, of measure ``key``)."""
    builder = BUILDERS.get(name)
    if builder is None:
        raise PlannerError(
            f"table(\"{name}\") という表はありません（使えるもの: {', '.join(BUILDERS)}）。",
            f"There is no table \"{name}\" (available: {', '.join(BUILDERS)}).")
    return builder(ctx, key)
