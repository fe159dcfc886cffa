"""docs/templates.md followed step by step, as a consultant reusing packs across municipalities.

Each test is one stretch of the documented flow: list packs, copy a built-in pack to the
user folder and rename it, reword chapter 3 with the doc's own example, restyle
reference.docx the way Word would (heading colour and font, cover text split over runs, a
cover text box, header, footer, a changed logo), render the bundled sample through the
command line, start a plan for another town, and the mistakes a consultant makes (an
unknown name, a broken tag, a deleted or renamed style, a file saved in Shift_JIS). The
documents are read back with python-docx; no LibreOffice here.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import RGBColor
from PIL import Image

from planner.cli import main
from planner.files.appdirs import user_templates_dir
from planner.files.paths import sample_plan_path, templates_dir
from planner.files.planfile import load_plan
from planner.render import render_plan
from planner.render.packs import PackError, find_pack

DOC = Path(__file__).resolve().parent.parent / "docs" / "templates.md"
RED = RGBColor(0x8B, 0x1A, 0x1A)
PERIOD = "令和8年度（2026年度）〜令和12年度（2030年度）"


def _templates_listing(capsys) -> list[list[str]]:
    assert main(["templates"]) == 0
    return [line.split("\t") for line in capsys.readouterr().out.splitlines()]


def _make_acme(capsys) -> Path:
    """Steps 1–4 of 'Making your own pack': copy, rename the folder, edit pack.yaml."""
    builtin = {row[0]: Path(row[3]) for row in _templates_listing(capsys)}["municipal"]
    user_templates_dir().mkdir(parents=True, exist_ok=True)
    acme = user_templates_dir() / "acme"
    shutil.copytree(builtin, acme)
    manifest = acme / "pack.yaml"
    text = manifest.read_text(encoding="utf-8")
    text = text.replace("name: municipal", "name: acme").replace(
        "ja: 市町村計画（標準）", "ja: アクメ総研 標準様式")
    manifest.write_text(text, encoding="utf-8")
    return acme


def _doc_example_chapter3() -> str:
    """The chapter-3 example block of docs/templates.md, exactly as printed there."""
    text = DOC.read_text(encoding="utf-8")
    after = text[text.index("例：第3章"):]
    match = re.search(r"```\n(.*?)```", after, re.DOTALL)
    assert match, "docs/templates.md lost its chapter-3 example"
    return match.group(1)


def _reword_chapter3(pack: Path) -> None:
    """Replace the top of positioning.md.j2 by the doc's example, as the doc says."""
    path = pack / "sections" / "positioning.md.j2"
    rest = path.read_text(encoding="utf-8").split("## 法的な位置付け\n", 1)[1]
    path.write_text(_doc_example_chapter3() + rest, encoding="utf-8")


def _logo_png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (40, 40), (139, 26, 26)).save(buf, "PNG")
    return buf.getvalue()


TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:rect style="width:200pt;height:30pt">'
    '<v:textbox><w:txbxContent><w:p><w:r><w:t>{{ plan.municipality }}　DX推進本部</w:t></w:r>'
    '</w:p></w:txbxContent></v:textbox></v:rect></w:pict></w:r>'
)


def _restyle_like_word(reference: Path, logo: bytes) -> None:
    """What a consultant changes in Word: heading look, cover, header, footer, logo."""
    d = docx.Document(str(reference))
    for name in ("Heading 1", "Heading 2"):  # 書式 → フォント: colour and 日本語用のフォント
        style = d.styles[name]
        style.font.color.rgb = RED
        style.element.rPr.rFonts.set(qn("w:eastAsia"), "BIZ UDPゴシック")
    subtitle = next(p for p in d.paragraphs if "plan.period" in p.text)
    for run in subtitle.runs[1:]:
        run._r.getparent().remove(run._r)
    subtitle.runs[0].text = "計画期間：{{ plan."  # Word splits what one types over runs
    subtitle.add_run("period }}")
    d.paragraphs[2]._p.append(parse_xml(TEXT_BOX))  # a text box on the cover
    body = d.sections[1]
    body.header.paragraphs[0].runs[0].text = "{{ plan.municipality }}｜{{ plan.title }}"
    body.footer.paragraphs[0].insert_paragraph_before("アクメ総研 標準様式")
    slot = next(p for p in d.paragraphs if p.style.name == "Cover Logo")  # the empty logo slot
    slot.add_run().add_picture(io.BytesIO(logo))  # 挿入 → 画像
    d.save(str(reference))


def _all_xml(document) -> str:
    parts = [document.element.xml]
    for section in document.sections:
        parts += [section.header._element.xml, section.footer._element.xml]
    return "".join(parts)


def test_copy_and_rename_makes_a_new_pack_and_leaves_the_builtin_alone(capsys):
    listing = _templates_listing(capsys)
    assert [row[:3] for row in listing] == [["municipal", "市町村計画（標準）", "組み込み"],
                                          ["prefecture", "都道府県計画", "組み込み"]]
    acme = _make_acme(capsys)
    rows = {row[0]: row for row in _templates_listing(capsys)}
    assert rows["acme"][1:] == ["アクメ総研 標準様式", "ユーザー", str(acme)]
    assert rows["municipal"][2] == "組み込み"
    assert find_pack(None).origin == "builtin"  # plans without --template are unchanged


def test_documented_flow_renders_the_sample_with_the_restyled_pack(capsys, tmp_path):
    acme = _make_acme(capsys)
    _reword_chapter3(acme)
    logo = _logo_png()
    _restyle_like_word(acme / "reference.docx", logo)
    out = tmp_path / "plan.docx"
    code = main(["render", str(sample_plan_path()), "-o", str(out), "--template", "acme"])
    assert code == 0, capsys.readouterr().err
    d = docx.Document(str(out))

    heading = d.styles["Heading 1"]
    assert heading.font.color.rgb == RED
    assert heading.element.rPr.rFonts.get(qn("w:eastAsia")) == "BIZ UDPゴシック"
    paragraphs = [(p.style.name, p.text) for p in d.paragraphs]
    assert ("Heading 1", "第3章　本計画の位置付けと期間") in paragraphs
    assert ("Body Text", (f"本計画は、みどり野市が{PERIOD}に取り組む官民データ活用の道筋を"
            "示すものです。")) in paragraphs
    assert ("Subtitle", f"計画期間：{PERIOD}") in paragraphs
    assert "みどり野市　DX推進本部" in d.element.xml  # the text box was filled too
    body = d.sections[-1]
    assert body.header.paragraphs[0].text == "みどり野市｜みどり野市官民データ活用推進計画"
    assert "アクメ総研 標準様式" in [p.text for p in body.footer.paragraphs]
    assert "PAGE" in body.footer._element.xml  # the page number field survived
    blip = d.element.body.xpath(".//a:blip")[0]  # the cover's picture comes first
    assert d.part.related_parts[blip.get(qn("r:embed"))].blob == logo
    assert "{{" not in _all_xml(d) and "{%" not in _all_xml(d)


def test_pack_by_relative_path_and_new_plan_for_another_town(capsys, tmp_path, monkeypatch):
    mypack = tmp_path / "mypack" / "sections"
    mypack.mkdir(parents=True)
    (mypack.parent / "pack.yaml").write_text("name: mypack\n", encoding="utf-8")
    (mypack / "positioning.md.j2").write_text(
        "# 第3章　計画の位置付け（{{ plan.municipality }}）\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # the rendering child runs elsewhere: ./mypack must still work
    assert main(["new", "-o", "kawakita.yaml", "--template", "./mypack",
                 "--municipality", "川北町"]) == 0
    plan = load_plan(tmp_path / "kawakita.yaml")
    assert plan.plan.municipality == "川北町" and plan.plan.title.startswith("川北町")
    code = main(["render", "kawakita.yaml", "-o", "kawakita.docx", "--template", "./mypack"])
    assert code == 0, capsys.readouterr().err
    texts = [p.text for p in docx.Document("kawakita.docx").paragraphs]
    assert "第3章　計画の位置付け（川北町）" in texts and "第2章　計画の目的" in texts


def _one_section_pack(tmp_path: Path, body: str, raw: bytes | None = None) -> Path:
    pack = tmp_path / "oops"
    (pack / "sections").mkdir(parents=True, exist_ok=True)
    (pack / "pack.yaml").write_text("name: oops\n", encoding="utf-8")
    (pack / "sections" / "positioning.md.j2").write_bytes(raw or body.encode("utf-8"))
    return pack


@pytest.mark.parametrize("body, line, words", [
    ("# 第3章\n本文\n{{ plan.municipalty }}\n", 3, "「municipality」か"),
    ("# 第3章\n{{ municipality }}です\n", 2, "「plan.municipality」"),
    ("# 第3章\n{% if plan.years %}\n{{ plan.years }}年\n", 3, "{% endif %}"),
    ("# 第3章\n{{ table(\"kpi\") }}\n", 2, "使えるもの: articles"),
])
def test_template_mistakes_name_file_line_and_what_to_do(tmp_path, body, line, words):
    pack = _one_section_pack(tmp_path, body)
    out = tmp_path / "plan.docx"
    out.write_bytes(b"previous")
    with pytest.raises(PackError) as err:
        render_plan(load_plan(sample_plan_path()), out, template=pack)
    message = err.value.message("ja")
    assert f"{pack / 'sections' / 'positioning.md.j2'}:{line}:" in message
    assert words in message and "該当行を直してください" in message
    assert out.read_bytes() == b"previous"


def test_cli_reports_a_template_mistake_with_exit_code_2(tmp_path, capsys):
    pack = _one_section_pack(tmp_path, "# 第3章\n{{ plan.mayor }}\n")
    out = tmp_path / "plan.docx"
    assert main(["render", str(sample_plan_path()), "-o", str(out), "--template",
                 str(pack)]) == 2
    err = capsys.readouterr().err
    assert "positioning.md.j2:2:" in err and "「mayor」という値はありません" in err
    assert "Traceback" not in err and not out.exists()


def test_notepad_files_bom_works_and_shift_jis_is_explained(tmp_path):
    text = "# 第3章　位置付け\r\n本文です。\r\n"
    pack = _one_section_pack(tmp_path, "", raw=b"\xef\xbb\xbf" + text.encode("utf-8"))
    out = tmp_path / "bom.docx"
    render_plan(load_plan(sample_plan_path()), out, template=pack)
    assert ("Heading 1", "第3章　位置付け") in [
        (p.style.name, p.text) for p in docx.Document(str(out)).paragraphs]
    _one_section_pack(tmp_path, "", raw=text.encode("cp932"))
    with pytest.raises(PackError) as err:
        render_plan(load_plan(sample_plan_path()), tmp_path / "sjis.docx", template=pack)
    assert "positioning.md.j2" in err.value.message("ja")
    assert "UTF-8" in err.value.message("ja") and "保存し直して" in err.value.message("ja")


def test_cover_and_header_mistakes_name_the_place_in_reference_docx(tmp_path):
    pack = tmp_path / "cover"
    shutil.copytree(templates_dir() / "municipal", pack)
    d = docx.Document(str(pack / "reference.docx"))
    d.sections[1].header.paragraphs[0].runs[0].text = "{{ plan.title }"
    d.save(str(pack / "reference.docx"))
    with pytest.raises(PackError) as err:
        render_plan(load_plan(sample_plan_path()), tmp_path / "x.docx", template=pack)
    message = err.value.message("ja")
    assert str(pack / "reference.docx") in message
    assert "ヘッダーの「{{ plan.title }」" in message and "Wordでこのファイルを開き" in message


def _delete_style_like_word(d, name: str) -> None:
    """Word's 'delete style': gone, and styles based on it now rest on its parent."""
    style = d.styles[name]
    parent = style.base_style
    for other in d.styles:
        if getattr(other, "base_style", None) is not None and other.base_style == style:
            other.base_style = parent
    style.element.getparent().remove(style.element)


def test_deleted_renamed_and_libreoffice_styles_fall_back_to_the_builtin_ones(tmp_path):
    pack = tmp_path / "styles"
    shutil.copytree(templates_dir() / "municipal", pack)
    d = docx.Document(str(pack / "reference.docx"))
    for name in ("Table Text", "Plan Table", "List Bullet"):
        _delete_style_like_word(d, name)
    d.styles["Heading 2"].element.find(qn("w:name")).set(qn("w:val"), "章見出し")  # renamed
    d.styles["toc 1"].element.find(qn("w:name")).set(qn("w:val"), "TOC 1")  # LibreOffice's
    d.save(str(pack / "reference.docx"))

    out = tmp_path / "plan.docx"
    render_plan(load_plan(sample_plan_path()), out, template=pack)
    result = docx.Document(str(out))  # opens: the package is sound
    ids = [s.style_id for s in result.styles]
    assert len(ids) == len(set(ids)), "a borrowed style must not reuse a style id"
    used = {p.style.name for p in result.paragraphs}
    assert {"Heading 2", "List Bullet", "toc 1"} <= used
    assert "章見出し" in [s.name for s in result.styles]  # the consultant's style is kept
    assert result.tables[0].style.name == "Plan Table"
    cells = {p.style.name for t in result.tables for c in t._cells for p in c.paragraphs}
    assert "Table Text" in cells
    bullet = result.styles["List Bullet"].element
    num_id = int(bullet.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val")))
    assert result.part.numbering_part.element.num_having_numId(num_id) is not None
