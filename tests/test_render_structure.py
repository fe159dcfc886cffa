"""The document side of schema v2: 施策体系 in 第6章, KPI wording, cover, 第3章, appendices.

Every test reads the written .docx back.
"""

from __future__ import annotations

import docx
import pytest

from planner.files.planfile import loads_plan
from planner.render import render_plan

V2_PLAN = """
schema_version: 2
plan:
  title: 桜川市官民データ活用推進計画
  municipality: 桜川市
  kind: municipality
  department: 企画部企画課
  contact: 企画課 電話 0000-00-0000 kikaku@example.lg.jp
  period: {start_fy: 2026, end_fy: 2030}
  adopted_on: "2026-03"
  related_plans:
    - {title: 第6次桜川市総合計画, relation: parent}
    - {title: 桜川市情報化計画, relation: serves_as}
    - {title: 桜川市DX推進計画, relation: aligned}
  history:
    - {date: "2026-02-10", event: パブリックコメント（2月10日〜3月9日）}
    - {date: "2026-03", event: 計画の策定}
  glossary:
    - {term: オープンデータ, definition: 誰もが自由に利用できる形で公開されたデータ}
  extra_sections:
    - {title: はじめに, after: cover, text: "市長のあいさつです。"}
    - {title: 計画の背景, after: purpose, text: "背景の説明です。"}
  sections:
    current_state: 現状です。
    purpose: 目的です。
    organization: 体制です。
    basic_policy: 方針です。
    security: 方針です。
pillars:
  - {id: P-1, title: 誰もが便利に暮らせるまち, addresses: [I-1]}
  - {id: P-1-1, title: 移動の利便性向上, parent: P-1}
  - {id: P-2, title: データで支える行政}
issues:
  - {id: I-1, title: 移動手段の確保, evidence: 調査}
measures:
  - {id: M-1, title: デマンド交通, pillar: P-1-1, owner: 交通政策課, cooperating: [福祉課, 企画課],
     articles: {primary: [11]}, schedule: {start_fy: 2026, end_fy: 2028}}
  - {id: M-2, title: バス停の案内, pillar: P-1-1, owner: 交通政策課, articles: {primary: [10]},
     schedule: {start_fy: 2026, end_fy: 2028}}
  - {id: M-3, title: 窓口のオンライン化, pillar: P-2, owner: 市民課, articles: {primary: [10]},
     schedule: {start_fy: 2026, end_fy: 2028}}
data_sources: []
kpis:
  - id: K-1
    title: 月間利用者数
    type: effect
    quantitative: true
    unit: 人/月
    direction: increase
    baseline: {value: 1200, fy: 2025, estimated: true}
    milestones: [{fy: 2027, value: 1500}, {fy: 2028, value: 1700}]
    target: {value: 2000, fy: 2030}
    measures: [M-1]
    rationale: 年10%増
  - id: K-2
    title: 教室の参加者数
    type: progress
    quantitative: true
    unit: 人
    cumulative: true
    direction: maintain
    baseline: {value: 0, fy: 2025}
    target: {value: 500, fy: 2030}
    measures: [M-2]
    rationale: 毎年100人
  - id: K-3
    title: 満足度
    type: effect
    quantitative: false
    target: {text: 令和9年度を目途に目標値を設定, fy: 2027}
    measures: [M-3]
    rationale: 調査を始める
"""


def _render(tmp_path, text=V2_PLAN, name="v2.docx"):
    out = tmp_path / name
    render_plan(loads_plan(text), out)
    return docx.Document(str(out))


@pytest.fixture(scope="module")
def v2_doc(tmp_path_factory):
    return _render(tmp_path_factory.mktemp("v2"))


def _paragraphs(document):
    return [(p.style.name, p.text) for p in document.paragraphs]


def _chapter(document, start: str, stop: str | None = None):
    """(style, text) of the body paragraphs from heading ``start`` up to the next Heading 1."""
    out, inside = [], False
    for style, text in _paragraphs(document):
        if style == "Heading 1":
            if inside:
                break
            inside = text.startswith(start)
            continue
        if inside:
            out.append((style, text))
    return out


def test_chapter_6_follows_the_pillars_with_derived_numbers(v2_doc):
    headings = [(s, t) for s, t in _chapter(v2_doc, "第6章") if s.startswith("Heading")]
    assert headings == [
        ("Heading 2", "1　誰もが便利に暮らせるまち"),
        ("Heading 3", "1-1　移動の利便性向上"),
        ("Heading 4", "施策1-1-1　デマンド交通"),
        ("Heading 4", "施策1-1-2　バス停の案内"),
        ("Heading 2", "2　データで支える行政"),
        ("Heading 3", "施策2-1　窓口のオンライン化"),
    ]


def test_without_pillars_measures_group_under_the_five_core_articles(tmp_path):
    text = V2_PLAN.split("pillars:")[0] + "issues:" + V2_PLAN.split("issues:")[1]
    text = text.replace("pillar: P-1-1, ", "").replace("pillar: P-2, ", "")
    text = text.replace("articles: {primary: [10]},\n     schedule", "articles: {primary: [16]},\n     schedule", 1)
    headings = [(s, t) for s, t in _chapter(_render(tmp_path, text), "第6章")
                if s.startswith("Heading")]
    assert headings == [
        ("Heading 2", "手続における情報通信技術の利用等（オンライン化）（基本法第10条）"),
        ("Heading 3", "施策1　窓口のオンライン化"),
        ("Heading 2", "官民データの容易な利用等（オープンデータ）（基本法第11条）"),
        ("Heading 3", "施策2　デマンド交通"),
        ("Heading 2", "その他の施策"),
        ("Heading 3", "施策3　バス停の案内"),
    ]


def _table(document, first_header: str, contains: str | None = None):
    for t in document.tables:
        head = [c.text for c in t.rows[0].cells]
        if head[0] == first_header and (contains is None or contains in head):
            return t
    raise AssertionError(first_header)


def test_kpi_unit_direction_cumulative_estimate_and_milestones_in_appendix_1(v2_doc):
    table = _table(v2_doc, "指標", "出典")
    head = [c.text for c in table.rows[0].cells]
    assert "年度別目標" in head
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    k1 = rows["月間利用者数"]
    assert k1[head.index("基準値（年度）")].startswith("1,200人/月（見込）")
    assert k1[head.index("目標値（年度）")].startswith("2,000人/月以上")
    assert k1[head.index("年度別目標")] == "令和9年度\n1,500人/月\n令和10年度\n1,700人/月"
    k2 = rows["教室の参加者数"]
    assert k2[head.index("目標値（年度）")].startswith("累計500人（維持）")
    k3 = rows["満足度"]
    assert k3[head.index("目標値（年度）")].startswith("令和9年度を目途に目標値を設定")


def test_kpi_wording_in_chapter_6_too(v2_doc):
    table = _table(v2_doc, "指標", "年度別目標")
    texts = [c.text for r in table.rows for c in r.cells]
    assert any(t.startswith("2,000人/月以上") for t in texts)


def test_cover_names_the_department_and_the_month(v2_doc):
    cover = []
    for style, text in _paragraphs(v2_doc):
        if style == "TOC Heading":
            break
        cover.append(text)
    assert "企画部企画課" in cover
    assert "令和8年3月（2026年3月）策定" in cover


def test_chapter_3_states_the_related_plans_from_the_data(v2_doc):
    texts = [t for _, t in _chapter(v2_doc, "第3章")]
    assert "本計画は、第6次桜川市総合計画を上位計画とする計画です。" in texts
    assert "本計画は、桜川市情報化計画を兼ねるものです。" in texts
    assert "本計画は、桜川市DX推進計画と整合を図るものです。" in texts


def test_related_plans_section_absent_when_the_plan_names_none(tmp_path):
    text = V2_PLAN.replace("  related_plans:\n", "  related_plans: []\n  x_related:\n")
    text = "\n".join(line for line in text.splitlines()
                     if "x_related" not in line and "relation:" not in line)
    texts = [t for _, t in _chapter(_render(tmp_path, text), "第3章")]
    assert "関連する計画" not in texts and not any("上位計画" in t for t in texts)


def test_history_glossary_and_contact_at_the_end(v2_doc):
    h1 = [t for s, t in _paragraphs(v2_doc) if s == "Heading 1"]
    assert h1[-3:] == ["資料1　策定の経過", "資料2　用語集", "問い合わせ先"]
    history = _table(v2_doc, "年月日")
    assert [c.text for c in history.rows[1].cells] == ["令和8年2月10日（2026年2月10日）",
                                                      "パブリックコメント（2月10日〜3月9日）"]
    assert history.rows[2].cells[0].text == "令和8年3月（2026年3月）"
    glossary = _table(v2_doc, "用語")
    assert glossary.rows[1].cells[0].text == "オープンデータ"
    contact = [t for _, t in _chapter(v2_doc, "問い合わせ先")]
    assert contact == ["企画部企画課", "企画課 電話 0000-00-0000 kikaku@example.lg.jp"]


def test_extra_sections_go_where_after_says(v2_doc):
    h1 = [t for s, t in _paragraphs(v2_doc) if s == "Heading 1"]
    assert h1[0] == "はじめに"  # after the cover, before the first chapter
    assert h1.index("計画の背景") == h1.index("第2章　計画の目的") + 1
    assert [t for _, t in _chapter(v2_doc, "はじめに")] == ["市長のあいさつです。"]


def test_cooperating_departments_beside_the_owner(v2_doc):
    summary = next(t for t in v2_doc.tables if t.rows[0].cells[0].text == "項目")
    owner = next(r.cells[1].text for r in summary.rows if r.cells[0].text == "担当課")
    assert owner == "交通政策課（連携：福祉課、企画課）"


def test_measures_inherit_the_issues_their_pillar_addresses(v2_doc):
    summary = next(t for t in v2_doc.tables if t.rows[0].cells[0].text == "項目")
    issues = next(r.cells[1].text for r in summary.rows if r.cells[0].text == "対応する地域課題")
    assert issues == "課題1 移動手段の確保"  # from P-1, two levels up
    texts = [t for _, t in _chapter(v2_doc, "第1章")]
    assert any(t.startswith("【対応する施策】施策1-1-1　デマンド交通、施策1-1-2　バス停の案内")
               for t in texts)
