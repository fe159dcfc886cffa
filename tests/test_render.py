"""The plan document's outline, content and Japanese conventions, read back with python-docx."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from render_helpers import body_text, small_plan

from planner.render import OUTLINE, render_plan

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The small plan rendered once with the default pack and the findings appendix."""
    out = tmp_path_factory.mktemp("doc") / "plan.docx"
    render_plan(small_plan(), out, include_checks=True)
    return docx.Document(str(out))


def _headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def test_chapters_follow_the_official_outline(rendered):
    chapters = _headings(rendered, 1)
    expected = ["第1章", "第2章", "第3章", "第4章", "第5章", "第6章", "第7章",
                "別表1", "別表2", "別図", "別表3"]
    assert [c.split("　")[0] for c in chapters] == expected
    assert "KPI一覧" in chapters[7] and "データ一覧" in chapters[8]
    # 資料 (history, glossary) and 問い合わせ先 follow only when the plan gives them.
    assert OUTLINE[-3:] == ("appendix_history", "appendix_glossary", "contact")


def test_cover_placeholders_are_filled(rendered):
    text = body_text(rendered)
    assert "{{" not in text and "{%" not in text
    cover = [p.text for p in rendered.paragraphs[:30]]
    assert "テスト市官民データ活用推進計画" in cover
    assert "令和8年3月27日（2026年3月27日）策定" in cover
    header = rendered.sections[-1].header.paragraphs[0].text
    assert header == "テスト市官民データ活用推進計画"


def test_years_print_in_wareki_with_western_year(rendered):
    text = body_text(rendered)
    assert "令和8年度（2026年度）から令和12年度（2030年度）までの5年間" in text
    assert "令和7年度（2025年度）" in text  # KPI baseline year


def test_articles_table_marks_primary_and_related(rendered):
    table = next(t for t in rendered.tables if t.rows[0].cells[1].text == "10")
    header = [c.text for c in table.rows[0].cells]
    assert header[1:] == [str(n) for n in range(10, 20)]
    row = [c.text for c in table.rows[1].cells]
    assert row[0].endswith("デマンド交通の運行最適化")
    assert row[header.index("11")] == "◎"
    assert row[header.index("10")] == "○" and row[header.index("15")] == "○"
    assert row[header.index("12")] == ""


def test_each_measure_has_its_section_with_data_kpis_schedule_owner(rendered):
    # under its 取組 (基本法第11条), with a full-width space
    assert _headings(rendered, 3).count("施策1　デマンド交通の運行最適化") == 1
    text = body_text(rendered)
    for expected in ("課題1 高齢者の移動手段の確保", "交通政策課",
                     "令和8年度（2026年度）〜令和10年度（2028年度）",
                     "保有目的の範囲内で庁内で利用します。", "乗降実績を分析する",
                     "1,200人/月", "2,000人/月"):
        assert expected in text, expected


def test_security_chapter_lists_personal_uses_with_legal_basis(rendered):
    table = next(t for t in rendered.tables if t.rows[0].cells[-1].text == "根拠")
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert len(rows) == 1  # only 住民基本台帳 is personal
    assert rows[0][1] == "住民基本台帳"
    assert "第69条第2項第2号" in rows[0][4]


def test_appendix_tables_have_the_required_columns(rendered):
    headers = [[c.text for c in t.rows[0].cells] for t in rendered.tables]
    assert ["指標", "種別", "基準値（年度）", "目標値（年度）", "出典", "目標値設定の考え方"] in headers
    assert ["データ名", "取得経路", "区分", "保有課", "形式", "5つ星", "オープンデータ化"] in headers
    data = next(t for t in rendered.tables if t.rows[0].cells[0].text == "データ名")
    shelter = next(r for r in data.rows if r.cells[0].text == "指定緊急避難場所一覧")
    assert shelter.cells[5].text == "★★★"
    assert "標準DS 03" in shelter.cells[6].text


def test_articles_without_measures_are_named_once_not_one_section_each(rendered):
    texts = [p.text for p in rendered.paragraphs]
    unserved = [t for t in texts if t.startswith("本計画の施策には、")]
    assert len(unserved) == 1
    assert unserved[0].startswith("本計画の施策には、基本法第12条（本人関与のデータ活用）、基本法第13条")
    assert unserved[0].endswith("に該当するものはありません。")
    assert "基本法第11条" not in unserved[0]  # served by M-1 and M-2
    assert "第19条" not in unserved[0]  # addressed to the state: never a gap of a local plan
    assert not any("国の動向等を踏まえ" in t for t in texts)  # no promise the plan did not make


def test_checks_appendix_names_items_by_title(rendered):
    table = next(t for t in rendered.tables if t.rows[0].cells[0].text == "重要度")
    targets = [r.cells[2].text for r in table.rows[1:]]
    assert "防災情報の伝達（I-2）" in targets  # GAP009: no evidence
    assert "計画全体" in targets  # plan-wide findings such as COV001


def test_data_published_by_a_measure_counts_as_published(tmp_path):
    """A `publish` flow publishes the source even without an open_data block (domain §1)."""
    plan = small_plan()
    plan.measures[0].uses.append(plan.measures[1].uses[0].__class__(
        data="D-1", flow="publish", purpose="within"))
    out = tmp_path / "flow.docx"
    render_plan(plan, out)
    data = next(t for t in docx.Document(str(out)).tables if t.rows[0].cells[0].text == "データ名")
    row = next(r for r in data.rows if r.cells[0].text == "デマンド交通乗降データ")
    assert row.cells[6].text.startswith("公開")


def test_relationship_figure_is_embedded(rendered):
    blips = rendered.element.body.findall(".//{*}blip")
    assert len(blips) >= 1  # at least one figure; the cover has an empty logo slot
    assert any(p.text.startswith("別図1") for p in rendered.paragraphs)


def test_checks_appendix_only_when_asked(tmp_path):
    out = tmp_path / "plain.docx"
    render_plan(small_plan(), out)
    assert not any(h.startswith("別表3") for h in _headings(docx.Document(str(out)), 1))


# --- Japanese document conventions ------------------------------------------------------

def test_a4_portrait(rendered):
    for section in rendered.sections:
        assert abs(section.page_width - Mm(210)) < Mm(1)
        assert abs(section.page_height - Mm(297)) < Mm(1)


def test_every_style_has_an_east_asian_font(rendered):
    styles = rendered.styles.element
    for style in styles.findall(qn("w:style")):
        fonts = style.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert fonts is not None and fonts.get(qn("w:eastAsia")), style.get(qn("w:styleId"))
    assert rendered.styles["Normal"].element.find(f"{W}rPr/{W}rFonts") is not None
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert defaults.get(qn("w:eastAsia")) == "游明朝"
    heading = rendered.styles["Heading 1"].element.find(f"{W}rPr/{W}rFonts")
    assert heading.get(qn("w:eastAsia")) == "游ゴシック"


def test_font_table_declares_fallbacks(rendered):
    part = next(r.target_part for r in rendered.part.rels.values()
                if r.reltype.endswith("/fontTable"))
    blob = part.blob.decode("utf-8")
    assert 'w:name="游明朝"' in blob and "ＭＳ 明朝" in blob
    assert 'w:name="游ゴシック"' in blob and "ＭＳ ゴシック" in blob


def test_page_numbers_in_the_footer(rendered):
    footer = rendered.sections[-1].footer._element
    instr = "".join(t.text for t in footer.iter(qn("w:instrText")))
    assert "PAGE" in instr


def test_table_of_contents_field_updated_on_open(rendered):
    instr = "".join(t.text for t in rendered.element.body.iter(qn("w:instrText")))
    assert 'TOC \\o "1-2"' in instr
    assert rendered.settings.element.find(qn("w:updateFields")) is not None
    toc_lines = [p.text for p in rendered.paragraphs if p.style.name in ("toc 1", "toc 2")]
    assert "第6章　個別施策" in toc_lines


def test_table_header_rows_repeat_and_rows_do_not_split(rendered):
    assert rendered.tables
    for table in rendered.tables:
        first = table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
        for row in table.rows[1:]:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_short_tables_stay_on_one_page_long_ones_may_break(tmp_path):
    """A measure's 5-row overview torn across pages reads as two tables; a 400-row KPI list
    must still flow (its header repeats)."""
    from render_helpers import big_plan

    from planner.render.docx_writer import KEEP_TOGETHER_ROWS

    def kept(table) -> list[bool]:
        return [all(p.paragraph_format.keep_with_next for c in r.cells for p in c.paragraphs)
                for r in table.rows]

    out = tmp_path / "big.docx"
    render_plan(big_plan(3, 4, 5, KEEP_TOGETHER_ROWS + 5), out)
    tables = docx.Document(str(out)).tables
    short = next(t for t in tables if t.rows[0].cells[0].text == "項目")
    assert kept(short)[:-1] == [True] * (len(short.rows) - 1) and not kept(short)[-1]
    long = next(t for t in tables if t.rows[0].cells[0].text == "指標"
                and len(t.rows) > KEEP_TOGETHER_ROWS + 1)
    assert not any(kept(long)[1:])


def test_a_very_long_title_is_shortened_in_the_running_header(tmp_path):
    """The header repeats on every page; a 2,000-character title once filled two thirds
    of each page. The cover still carries the whole title."""
    from planner.render.docx_writer import RUNNING_LINE_MAX

    plan = small_plan()
    plan.plan.title = "あ" * 2000
    out = tmp_path / "long.docx"
    render_plan(plan, out)
    document = docx.Document(str(out))
    header = document.sections[-1].header.paragraphs[0].text
    assert len(header) == RUNNING_LINE_MAX and header.endswith("…")
    assert any(p.text == "あ" * 2000 for p in document.paragraphs[:30])


def test_kpi_cells_break_between_era_and_western_year_and_use_short_types(rendered):
    table = next(t for t in rendered.tables if [c.text for c in t.rows[0].cells][:2] == ["指標", "種別"])
    row = [c.text for c in table.rows[1].cells]
    assert row[1] == "効果"
    assert row[2].split("\n") == ["1,200人/月", "令和7年度", "（2025年度）"]


def test_tables_fit_the_text_width(rendered):
    section = rendered.sections[-1]
    text_width = (section.page_width - section.left_margin - section.right_margin) / 635
    for table in rendered.tables:
        tbl = table._tbl
        grid = sum(int(c.get(qn("w:w"))) for c in tbl.tblGrid.findall(qn("w:gridCol")))
        assert grid <= text_width + 1
        assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


def test_headings_keep_with_next(rendered):
    for level in (1, 2, 3):
        assert rendered.styles[f"Heading {level}"].paragraph_format.keep_with_next
    for p in rendered.paragraphs:
        if p.style.name.startswith("Heading"):
            assert p.paragraph_format.keep_with_next is not False


def test_prefecture_pack_renders_its_own_wording(tmp_path):
    plan = small_plan()
    plan.plan.kind = "prefecture"
    out = tmp_path / "pref.docx"
    render_plan(plan, out, template="prefecture")
    text = body_text(docx.Document(str(out)))
    assert "第9条第1項の規定に基づく都道府県官民データ活用推進計画" in text
    assert "第9条第3項" not in text and "市町村との連携" not in text  # nothing the plan did not say
