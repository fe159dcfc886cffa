"""What a committee member saw on the rendered pages (the docreview pass), read back from the .docx.

The municipal sample, the prefecture sample and a fresh ``planner new`` plan are rendered once;
each test names the page defect it guards against.
"""

from __future__ import annotations

import re

import pytest
from docx.oxml.ns import qn
from render_helpers import body_text

from planner.files.paths import resources_dir, sample_plan_path
from planner.files.planfile import load_plan, loads_plan
from planner.render import render_document
from planner.render.starter import starter_text

V2_CONTACT = """
schema_version: 2
plan:
  title: 桜川市官民データ活用推進計画
  municipality: 桜川市
  kind: municipality
  department: {department}
  contact: {contact}
  period: {{start_fy: 2026, end_fy: 2030}}
issues: []
measures: []
data_sources: []
kpis: []
"""


@pytest.fixture(scope="module")
def documents():
    return {
        "municipal": render_document(load_plan(sample_plan_path())),
        "prefecture": render_document(
            load_plan(resources_dir() / "samples" / "prefecture-plan.yaml"), "prefecture"),
        "new": render_document(loads_plan(starter_text())),
    }


def _all_text(document) -> str:
    parts = [body_text(document)]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs]
    return "\n".join(parts)


def _chapter(document, start: str) -> list[str]:
    out, inside = [], False
    for p in document.paragraphs:
        if p.style.name == "Heading 1":
            if inside:
                break
            inside = p.text.startswith(start)
            continue
        if inside:
            out.append(p.text)
    return out


@pytest.mark.parametrize("name", ["municipal", "prefecture", "new"])
def test_no_half_width_colon_or_raw_code_in_japanese_text(documents, name):
    """「（連携: 市町村課）」「判断できない項目: …」 read as English punctuation in Japanese."""
    text = _all_text(documents[name])
    jp = r"[\u3040-\u30ff\u4e00-\u9fff\u3000-\u303f\uff08\uff09]"
    assert not re.findall(jp + r"[:;] ?", text)
    assert not re.search(r"[\uff66-\uff9f]", text)  # half-width katakana
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text)  # codes like internal_use


def test_cooperating_departments_use_a_full_width_colon(documents):
    text = body_text(documents["prefecture"])
    assert "デジタル政策課（連携：市町村課）" in text


def test_no_chapter_starts_after_a_blank_page(documents):
    """A table ending at a page foot pushed its empty spacer onto a page before 第5章."""
    for name, document in documents.items():
        body = document.element.body
        for p in body.iter(qn("w:p")):
            style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            if style is None or style.get(qn("w:val")) != "Heading1":
                continue
            before = p.getprevious()
            assert not (before is not None and before.tag == qn("w:p") and len(before) == 0), \
                (name, "".join(t.text or "" for t in p.iter(qn("w:t"))))


def test_a_plan_with_nothing_to_draw_has_no_empty_figure(documents):
    new = documents["new"]
    graph = _chapter(new, "別図")
    assert any(t.startswith("【未記入：") for t in graph)
    assert not new.inline_shapes
    assert len(documents["municipal"].inline_shapes) >= 1  # a real plan still draws it


def test_contact_names_the_department_once_when_the_contact_says_it(documents):
    contact = ("みどり野市 総務部DX推進課（〒999-0000 みどり野市中央1-1-1） 電話 0000-00-0000 "
               "dx@city.midorino.example.jp")
    assert _chapter(documents["municipal"], "問い合わせ先") == [contact]
    text = V2_CONTACT.format(department="企画部　企画課", contact="桜川市 企画部 企画課 電話 0000")
    assert _chapter(render_document(loads_plan(text)), "問い合わせ先") == ["桜川市 企画部 企画課 電話 0000"]
    text = V2_CONTACT.format(department="企画部企画課", contact="電話 0000-00-0000")
    assert _chapter(render_document(loads_plan(text)), "問い合わせ先") == ["企画部企画課", "電話 0000-00-0000"]


def test_data_appendix_format_column_holds_its_longest_label(documents):
    """「データベース」「Excel（xlsx）」 broke mid-word (データベー／ス, xls／x) in an 8 % column."""
    for table in documents["municipal"].tables:
        header = [c.text for c in table.rows[0].cells]
        if "形式" in header and "5つ星" in header:
            cell = table.rows[1].cells[header.index("形式")]
            width = int(cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w")))
            # six full-width characters at the small table text (8 pt = 160 twips) + margins
            assert width >= 6 * 160 + 200
            return
    pytest.fail("別表2 not found")


def test_figure_labels_never_end_a_line_with_an_opening_bracket():
    """別図 wrapped 「施策8　デジタル活用支援（／誰一人…」: the bracket belongs with what it opens."""
    from planner.render.figure import _char_width, _wrap, cjk_font

    font = cjk_font()
    head = "施策8　デジタル活用支援（"
    text = head + "誰一人取り残さないデジタル化）"
    lines = _wrap(text, font, int(sum(_char_width(font, c) for c in head)) + 1)
    assert lines[0] == "施策8　デジタル活用支援"
    assert lines[1].startswith("（誰一人")
    assert "".join(lines) == text


def test_table_7_1_basis_does_not_repeat_its_label(documents):
    """表7-1 read 「法令に基づく（法令に基づく場合（個人情報保護法第69条第1項））」."""
    from planner.render.context import legal_basis_text

    assert legal_basis_text("law", None, "ja") == "法令に基づく場合（個人情報保護法第69条第1項）"
    assert legal_basis_text("internal_considerable_reason", None, "ja").startswith(
        "所掌事務に必要で相当な理由あり（内部利用）：法令の定める")
    assert legal_basis_text("consent", None, "ja") == \
        "本人の同意があるとき、又は本人に提供するとき（第69条第2項第1号）"
    assert legal_basis_text("mynumber_art19", None, "ja") == \
        "番号法第19条各号（特定個人情報の提供は番号法第19条各号に該当する場合に限られる）"
    text = body_text(documents["municipal"])
    assert "法令に基づく場合（個人情報保護法第69条第1項）" in text
    assert "法令に基づく（法令に基づく" not in text and "（内部利用）（" not in text


def _cover_title(document) -> str:
    """The cover's title as laid out: a line break shows as a newline."""
    p = next(p for p in document.paragraphs if p.style.name == "Title")
    return "".join("\n" if el.tag == qn("w:br") else (el.text or "")
                   for el in p._p.iter(qn("w:t"), qn("w:br")))


def test_the_cover_title_never_wraps_inside_its_closing_brackets(documents):
    """The prefecture cover read 「…計画（第 / 2期）」: a title too long for one line now
    breaks before its 「（第2期）」; one that fits (the municipal sample) is left as it is."""
    assert _cover_title(documents["prefecture"]) == "みずほ県官民データ活用推進計画\n（第2期）"
    assert "\n" not in _cover_title(documents["municipal"])


def test_closing_brackets_move_to_the_next_line_only_when_the_line_is_full():
    from planner.render.text import keep_closing_brackets

    title = "みずほ県官民データ活用推進計画（第2期）"
    assert keep_closing_brackets(title, 17.3) == "みずほ県官民データ活用推進計画\n（第2期）"
    assert keep_closing_brackets(title + "（案）", 17.3) == \
        "みずほ県官民データ活用推進計画\n（第2期）（案）"
    assert keep_closing_brackets(title, 20.0) == title  # it fits
    assert keep_closing_brackets("架空県官民データ活用推進計画（案）", 17.3) == \
        "架空県官民データ活用推進計画（案）"  # 17 full-width characters fit 17.3
    assert keep_closing_brackets("官民データ活用推進計画", 5.0) == "官民データ活用推進計画"
    assert keep_closing_brackets(title, None) == title  # width unknown (a text box)


def test_chapter_3_does_not_repeat_the_legal_basis_or_period_the_plan_states(documents):
    """Both samples' own 第3章 text names 基本法第9条第1項/第3項 and the period
    (「計画期間は、令和8年度から令和12年度まで」): the template's sentences and their
    headings are left out instead of saying it all again below."""
    for name, article in (("municipal", "第9条第3項"), ("prefecture", "第9条第1項")):
        chapter = _chapter(documents[name], "第3章")
        assert "法的な位置付け" not in chapter and "計画期間" not in chapter
        assert sum(article in text for text in chapter) == 1  # the plan's own sentence
        assert any("計画期間は、令和8年度から令和12年度まで" in text for text in chapter)


def test_chapter_3_states_the_legal_basis_and_period_the_plan_does_not():
    plan = load_plan(sample_plan_path())
    plan.plan.sections.positioning = "本計画は、市の総合計画の分野別計画です。"
    chapter = _chapter(render_document(plan), "第3章")
    assert chapter[chapter.index("法的な位置付け") + 1] == \
        "本計画は、官民データ活用推進基本法第9条第3項に規定する市町村官民データ活用推進計画です。"
    assert chapter[chapter.index("計画期間") + 1] == \
        "本計画の計画期間は、令和8年度（2026年度）から令和12年度（2030年度）までの5年間です。"


def test_mentions_accepts_either_form_of_a_fiscal_year():
    from planner.render.text import mentions

    text = "計画期間は、令和８年度から2030年度 までの５年間とします。"
    assert mentions(text, "計画期間", "令和8年度（2026年度）", "令和12年度（2030年度）")
    assert not mentions(text, "計画期間", "令和8年度（2026年度）", "令和13年度（2031年度）")
    assert not mentions("", "計画期間") and not mentions(text, "")


def test_an_issue_with_only_a_title_keeps_its_heading_in_chapter_1():
    """A plan being written has issues with a title and nothing else yet: chapter 1 still
    lists them (their heading was dropped as 'a heading with nothing under it')."""
    plan = loads_plan(V2_CONTACT.format(department="企画課", contact="0000") .replace(
        "issues: []", "issues:\n  - {id: I-1, title: 買い物弱者の増加}\n"
                      "  - {id: I-2, title: 空き家の増加}"))
    chapter = _chapter(render_document(plan), "第1章")
    assert "課題1　買い物弱者の増加" in chapter and "課題2　空き家の増加" in chapter


def test_a_heading_with_nothing_under_it_is_left_out():
    from planner.render.text import Block, drop_empty_headings

    blocks = [Block("heading1", "第3章"), Block("heading2", "空"), Block("heading2", "表"),
              Block("table", args=("kpis",)), Block("heading2", "最後"), Block("heading1", "第4章")]
    assert [b.text or b.kind for b in drop_empty_headings(blocks)] == \
        ["第3章", "表", "table", "第4章"]
