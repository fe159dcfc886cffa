"""A committee-ready document: only what the plan says, a visible draft, right 和暦, front matter.

Each generated sentence that states a fact is tested where the plan says it is true,
where it says otherwise, and where the plan does not say (a placeholder, never a guess).
"""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from docx.oxml.ns import qn
from render_helpers import body_text, small_plan

from planner.files.paths import sample_plan_path
from planner.files.planfile import load_plan, loads_plan
from planner.plan.model import Articles, Category, DataUse, Measure, PlanKind
from planner.render import NotFinalError, define_the_act, render_document, render_plan
from planner.render.marks import PLACEHOLDER_FILL
from planner.render.starter import starter_text
from planner.render.text import Block

#: Sentences the document used to write in the municipality's voice without the plan saying so.
INVENTED = (
    "を記載します", "対応する施策を定めていません", "国の動向等を踏まえ",
    "個人情報を含むデータを利用するものはありません", "担当課は、評価指標（KPI）の実績値を毎年度",
    "遅滞なくこれを公表します", "見直しを行います", "情報セキュリティポリシーに基づく対策を徹底",
    "未定", "planner",
)


def _text(document) -> str:
    parts = [body_text(document)]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs]
    return "\n".join(parts)


def _header(document) -> str:
    return " ".join(p.text for p in document.sections[-1].header.paragraphs)


@pytest.fixture(scope="module")
def new_plan_doc():
    return render_document(loads_plan(starter_text()))


@pytest.fixture(scope="module")
def sample_doc():
    return render_document(load_plan(sample_plan_path()), include_checks=True)


# --- item 1: nothing the plan does not say ----------------------------------------------

def test_a_new_plan_renders_placeholders_and_no_invented_sentence(new_plan_doc):
    text = _text(new_plan_doc)
    assert text.count("【未記入：") >= 8
    for phrase in INVENTED:
        assert phrase not in text, phrase


def test_placeholders_are_shaded_runs(new_plan_doc):
    shaded = [r for r in new_plan_doc.element.body.iter(qn("w:r"))
              if r.find(f"{qn('w:rPr')}/{qn('w:shd')}") is not None
              and "".join(t.text or "" for t in r.iter(qn("w:t"))).startswith("【未記入：")]
    assert len(shaded) >= 8
    assert all(r.find(f"{qn('w:rPr')}/{qn('w:shd')}").get(qn("w:fill")) == PLACEHOLDER_FILL
               for r in shaded)


def test_the_sample_says_nothing_it_does_not_say(sample_doc):
    text = _text(sample_doc)
    assert "【未記入：" not in text
    for phrase in ("を記載します", "対応する施策を定めていません", "国の動向等を踏まえ", "未定"):
        assert phrase not in text, phrase


def _render(plan):
    return body_text(render_document(plan))


def test_legal_basis_sentence_follows_the_plan_kind():
    plan = small_plan()
    plan.plan.kind = PlanKind.MUNICIPALITY
    assert "第9条第3項に規定する市町村官民データ活用推進計画です" in _render(plan)
    plan.plan.kind = PlanKind.PREFECTURE
    text = _render(plan)
    assert "第9条第1項の規定に基づく都道府県官民データ活用推進計画" in text
    assert "第9条第3項" not in text
    plan.plan.kind = None
    text = _render(plan)
    assert "第9条第3項" not in text and "第9条第1項" not in text
    assert "【未記入：計画の区分" in text


def test_articles_without_measures_sentence_true_false_unknown():
    plan = small_plan()  # M-1 ◎11 ○10,15; M-2 ◎11
    text = _render(plan)
    line = next(t for t in text.split("\n") if t.startswith("本計画の施策には、"))
    assert "第12条" in line and "第16条" in line  # true: no measure serves them
    assert "第11条" not in line and "第10条" not in line  # false: served
    assert "第19条" not in line  # addressed to the state, never listed
    plan.measures[1].articles = Articles()  # unknown: M-2 might serve any article
    text = _render(plan)
    assert not any(t.startswith("本計画の施策には、") for t in text.split("\n"))
    assert "【未記入：基本法の条項（◎・○）が未設定の施策があるため" in text


def test_no_personal_data_sentence_true_false_unknown():
    plan = small_plan()
    text = _render(plan)  # false: 住民基本台帳 is used
    assert "個人情報（要配慮個人情報及び特定個人情報を含む。）を含むものはありません" not in text
    assert "表7-1" in text
    plan.measures[0].uses = [u for u in plan.measures[0].uses if u.data != "D-2"]
    text = _render(plan)  # true: every use names a non-personal source with a category
    assert "本計画の施策が利用するデータ（2件）には、個人情報" in text
    assert "表7-1" not in text
    plan.measures.append(Measure("M-3", "窓口", addresses=["I-1"], owner="市民課",
                                 articles=Articles([10])))  # unknown: a measure without data
    text = _render(plan)
    assert "を含むものはありません" not in text
    assert "【未記入：個人情報を含むデータの利用の有無" in text and "窓口" in text
    plan.measures.pop()
    plan.data_sources[0].category = None  # unknown: a source without a category
    assert "【未記入：個人情報を含むデータの利用の有無" in _render(plan)


def test_period_sentence_true_and_unknown():
    plan = small_plan()
    assert "計画期間は、令和8年度（2026年度）から令和12年度（2030年度）までの5年間です" in \
        _render(plan)
    plan.plan.period = None
    assert "【未記入：計画期間" in _render(plan)


def test_missing_schedule_owner_rationale_and_basis_are_placeholders():
    plan = small_plan()
    plan.measures[0].schedule = None
    plan.measures[0].owner = None
    plan.kpis[0].rationale = None
    plan.measures[0].uses[1] = DataUse("D-2", "internal_use", "out_of_purpose")
    text = _render(plan)
    for gap in ("【未記入：実施期間】", "【未記入：担当課】", "【未記入：目標値設定の考え方】",
                "【未記入：根拠】"):
        assert gap in text, gap


# --- item 2: draft and final ------------------------------------------------------------

def test_a_draft_is_marked_on_the_cover_header_and_properties(new_plan_doc):
    assert new_plan_doc.paragraphs[
        next(i for i, p in enumerate(new_plan_doc.paragraphs) if p.style.name == "Title")
    ].text.endswith("（案）")
    assert _header(new_plan_doc).endswith("（案）")
    assert new_plan_doc.core_properties.title.endswith("（案）")


def test_the_sample_is_final(sample_doc):
    assert "（案）" not in _header(sample_doc)
    assert not any(p.text.endswith("（案）") for p in sample_doc.paragraphs)


def test_final_refuses_while_errors_or_placeholders_remain_saying_which(tmp_path):
    out = tmp_path / "final.docx"
    with pytest.raises(NotFinalError) as err:
        render_plan(loads_plan(starter_text()), out, final=True)
    message = err.value.message("ja")
    assert "RDY001" in message and "【未記入：計画の目的を記入してください】" in message
    assert "第2章" in message
    assert not out.exists()
    plan = small_plan()
    plan.kpis[0].rationale = None
    with pytest.raises(NotFinalError, match="目標値設定の考え方"):
        render_plan(plan, out, final=True)
    render_plan(load_plan(sample_plan_path()), out, final=True)
    assert out.is_file()


def test_a_pack_without_the_draft_field_still_marks_a_draft(tmp_path):
    pack = tmp_path / "bare"
    pack.mkdir()
    (pack / "pack.yaml").write_text("name: bare\n", encoding="utf-8")
    ref = docx.Document()
    ref.add_paragraph("{{ plan.title }}", style="Title")
    ref.sections[0].header.paragraphs[0].text = "{{ plan.municipality }}"
    ref.add_paragraph("{{ content }}")
    ref.save(str(pack / "reference.docx"))
    document = render_document(loads_plan(starter_text()), template=pack)
    assert document.paragraphs[0].text.endswith("（案）")
    assert _header(document).endswith("（案）")


# --- item 5: 和暦 in the document --------------------------------------------------------

def test_a_2019_plan_prints_heisei_throughout():
    plan = small_plan()
    plan.plan.adopted_on = "2019-03-29"
    plan.plan.period.start_fy, plan.plan.period.end_fy = 2019, 2023
    document = render_document(plan)
    text = _text(document)
    assert "平成31年3月29日（2019年3月29日）策定" in text
    assert "平成31年度（2019年度）〜平成35年度（2023年度）" in text
    assert "令和元年" not in text and "令和5年度" not in text  # one era form per period


def test_a_month_only_adoption_date_prints_the_month():
    plan = small_plan()
    plan.plan.adopted_on = "2019-03"
    assert "平成31年3月（2019年3月）策定" in _text(render_document(plan))


# --- item 6: front matter ---------------------------------------------------------------

def test_no_placeholder_logo_and_an_empty_documented_slot(sample_doc):
    cover = []
    for p in sample_doc.paragraphs:
        if p.style.name == "TOC Heading":
            break
        cover.append(p)
    assert not any(p._p.xpath(".//w:drawing") for p in cover)
    assert any(p.style.name == "Cover Logo" for p in cover)


def test_a_packs_logo_png_fills_the_slot(tmp_path):
    import io
    import shutil

    from PIL import Image

    from planner.files.paths import templates_dir

    pack = tmp_path / "town"
    shutil.copytree(templates_dir() / "municipal", pack)
    (pack / "pack.yaml").write_text("name: town\n", encoding="utf-8")
    buf = io.BytesIO()
    Image.new("RGB", (30, 30), (10, 80, 20)).save(buf, "PNG")
    (pack / "logo.png").write_bytes(buf.getvalue())
    document = render_document(small_plan(), template=pack)
    slot = next(p for p in document.paragraphs if p.style.name == "Cover Logo")
    assert slot._p.xpath(".//w:drawing")
    (doc_pr,) = slot._p.xpath(".//wp:docPr")
    assert doc_pr.get("descr")


def test_version_prints_as_written_or_not_at_all():
    plan = small_plan()
    plan.plan.version = "第2版"
    texts = [p.text for p in render_document(plan).paragraphs]
    assert "第2版" in texts and "第第2版版" not in texts
    plan.plan.version = None
    assert not any("版" in t for t in [p.text for p in render_document(plan).paragraphs][:30])


def test_core_properties_say_whose_plan_and_when(sample_doc):
    props = sample_doc.core_properties
    assert props.title == "みどり野市官民データ活用推進計画"
    assert props.author.startswith("みどり野市")
    assert props.language == "ja-JP"
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    for stamp in (props.created, props.modified):
        assert abs((stamp.replace(tzinfo=None) - now).total_seconds()) < 600


def test_measure_headings_use_a_full_width_space(sample_doc):
    headings = [p.text for p in sample_doc.paragraphs if p.style.name.startswith("Heading")]
    measures = [h for h in headings if h[:2] == "施策" and h[2:3].isdigit()]
    assert measures and all(h.split("　", 1)[0][2:].isdigit() for h in measures)
    assert not any(" " in h.split("　", 1)[0] for h in measures)


def test_a_heading_keeps_with_what_follows_it(sample_doc):
    body = list(sample_doc.element.body.iterchildren())
    for n, el in enumerate(body[:-2]):
        if el.tag != qn("w:p") or not el.xpath("./w:pPr/w:pStyle[starts-with(@w:val,'Heading')]"):
            continue
        nxt = body[n + 1]
        if nxt.tag == qn("w:p") and body[n + 2].tag == qn("w:tbl"):
            # heading → short description → table: the description keeps with the table
            assert nxt.xpath("./w:pPr/w:keepNext"), "".join(nxt.itertext())[:40]


def test_checks_appendix_is_worded_for_a_committee(sample_doc):
    text = body_text(sample_doc)
    intro = next(t for t in text.split("\n") if t.startswith("本表は、"))
    assert "planner" not in intro and "自動点検" not in intro
    assert "法的な判断を示すものではありません" in intro


# --- item 8: accessible .docx -----------------------------------------------------------

def test_every_picture_has_alternative_text(sample_doc):
    doc_prs = sample_doc.element.body.xpath(".//wp:docPr")
    assert doc_prs
    assert all((d.get("descr") or "").strip() for d in doc_prs)
    assert any("関係図" in d.get("descr") for d in doc_prs)


def test_every_heading_uses_a_heading_style(sample_doc):
    for p in sample_doc.paragraphs:
        if p.style.name.startswith("toc"):
            continue  # the table of contents lists them
        if p.text.startswith(("第1章", "第6章", "別表1", "施策1　")):
            assert p.style.name.startswith("Heading"), p.text


def test_every_table_marks_its_header_row(sample_doc):
    for table in sample_doc.tables:
        first = table._tbl.tr_lst[0]
        assert first.xpath("./w:trPr/w:tblHeader"), table.rows[0].cells[0].text


def test_document_language_is_japanese(sample_doc):
    langs = sample_doc.styles.element.xpath(
        "./w:docDefaults/w:rPrDefault/w:rPr/w:lang")
    assert langs and langs[0].get(qn("w:val")) == "ja-JP"
    assert langs[0].get(qn("w:eastAsia")) == "ja-JP"


# --- item 9: wording a legal reviewer flagged -------------------------------------------

def test_anonymized_rows_are_not_called_personal_information():
    plan = small_plan()
    plan.data_sources[0].category = Category.ANONYMIZED
    document = render_document(plan)
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "データ名")
    row = next(r for r in table.rows if r.cells[0].text == "デマンド交通乗降データ")
    assert row.cells[6].text.startswith("公開対象外（") and "個人情報" not in row.cells[6].text
    personal = next(r for r in table.rows if r.cells[0].text == "住民基本台帳")
    assert personal.cells[6].text == "公開対象外（個人情報）"


def _basis_of_internal_use(purpose: str) -> str:
    """The 根拠 cell the uses table prints for an internal use of D-2 with ``purpose``."""
    plan = small_plan()
    plan.measures[0].uses[1] = DataUse("D-2", "internal_use", purpose)
    document = render_document(plan)
    table = next(t for t in document.tables if t.rows[0].cells[-1].text == "根拠")
    return table.rows[1].cells[-1].text


def test_new_purpose_cites_articles_61_and_62():
    cell = _basis_of_internal_use("new_purpose")
    assert "第61条第1項・第62条" in cell and "第69条" not in cell


def test_no_joint_use_term_of_the_business_chapter():
    plan = small_plan()
    plan.measures[0].uses[1] = DataUse("D-2", "provide_private", "within", "law")
    text = _render(plan)
    assert "民間事業者等への提供" in text
    assert "共同利用" not in text


def test_the_act_is_defined_where_first_named_even_in_the_plans_own_text():
    plan = small_plan()
    plan.plan.sections.purpose = "本計画は、基本法の趣旨を踏まえて策定する。"
    body = [p.text for p in render_document(plan).paragraphs
            if not p.style.name.startswith(("toc", "Heading", "TOC"))]
    first = next(t for t in body if "基本法" in t)
    assert first == ("本計画は、官民データ活用推進基本法（平成28年法律第103号。以下「基本法」という。）"
                     "の趣旨を踏まえて策定する。")
    assert sum(t.count("以下「基本法」という。") for t in body) == 1


def test_define_the_act_leaves_a_text_that_defines_it_alone():
    blocks = [Block("heading1", "第5章　基本法の条項"),
              Block("paragraph", "官民データ活用推進基本法（平成28年法律第103号。以下「基本法」という。）による。"),
              Block("paragraph", "基本法第11条")]
    assert define_the_act(blocks) == blocks
    out = define_the_act([Block("paragraph", "官民データ活用推進基本法第9条")])
    assert out[0].text == "官民データ活用推進基本法（平成28年法律第103号。以下「基本法」という。）第9条"


def test_cli_final_refuses_a_new_plan_and_writes_nothing(tmp_path, capsys):
    from planner.cli import main

    plan = tmp_path / "new.yaml"
    plan.write_text(starter_text(), encoding="utf-8")
    out = tmp_path / "final.docx"
    assert main(["render", str(plan), "-o", str(out), "--final"]) == 2
    err = capsys.readouterr().err
    assert "確定版としては出力できません" in err and "【未記入：" in err
    assert not out.exists()
    assert main(["render", str(plan), "-o", str(out)]) == 0  # a draft is always possible
    assert out.is_file()


def test_statistics_only_does_not_cite_69_1_as_if_it_allowed_it():
    """Making statistics is a use of the held data: 69(1) does not permit it; 69(2) may."""
    cell = _basis_of_internal_use("statistics_only")
    assert "第69条第1項" not in cell and "第69条第2項" in cell


def test_a_draft_says_so_where_the_user_reads_the_result(tmp_path):
    """The CLI and the export dialog print render_plan's notices: a draft must be named."""
    draft = render_plan(loads_plan(starter_text("municipal"), "new.yaml"), tmp_path / "new.docx")
    assert any("（案）として出力" in ja and "draft" in en for ja, en in draft)
    final = render_plan(load_plan(sample_plan_path()), tmp_path / "sample.docx")
    assert not any("（案）" in ja for ja, _en in final)
