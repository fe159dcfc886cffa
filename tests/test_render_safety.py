"""Rendering never corrupts a document, never half-writes a file, and explains every failure."""

from __future__ import annotations

import os
import shutil
import sys

import docx
import pytest
from render_helpers import body_text, small_plan

from planner.cli import main
from planner.errors import PlannerError
from planner.files.paths import templates_dir
from planner.files.planfile import save_plan
from planner.render import render_plan
from planner.render.packs import PackError
from planner.render.text import clean_text, parse_blocks


@pytest.mark.parametrize("bad", ["\x01", "\x0b", "\ufffe", "\x00", "\ud800"])
def test_control_characters_in_plan_text_never_corrupt_the_document(tmp_path, bad):
    plan = small_plan()
    plan.plan.title = f"テスト{bad}市計画"
    plan.issues[0].title = f"課題{bad}名"
    plan.measures[0].description = f"説明{bad}です"
    out = tmp_path / "ctrl.docx"
    render_plan(plan, out)
    text = body_text(docx.Document(str(out)))  # python-docx re-parses the XML
    assert "テスト市計画" in text and "課題名" in text and "説明です" in text


def test_clean_text_strips_only_what_xml_cannot_hold():
    assert clean_text("a\x01b\x0bc\ufffe\uffffd\te\nf") == "abcd\te\nf"
    assert clean_text(None) == "" and clean_text(12) == "12"


def test_plan_text_cannot_change_document_structure(tmp_path):
    plan = small_plan()
    plan.plan.sections.purpose = "# 偽の章\n- 偽の箇条書き\n\x01table\tkpis"
    out = tmp_path / "inject.docx"
    render_plan(plan, out)
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "偽の章" not in headings and "# 偽の章" in body_text(document)


def test_markup_parser_reads_template_lines_only():
    blocks = parse_blocks("# 章\n\x00# 本文\n- 箇条\n\n\x01table\tkpis\t\n")
    assert [(b.kind, b.text) for b in blocks[:3]] == [
        ("heading1", "章"), ("paragraph", "# 本文"), ("bullet", "箇条")]
    assert blocks[3].kind == "table" and blocks[3].args[0] == "kpis"


def _user_pack(tmp_path, section: str, body: str):
    pack = tmp_path / "mypack"
    (pack / "sections").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: mypack\nversion: '1'\nlanguage: ja\n", encoding="utf-8")
    (pack / "sections" / f"{section}.md.j2").write_text(body, encoding="utf-8")
    return pack


def test_template_error_names_file_and_line(tmp_path):
    pack = _user_pack(tmp_path, "purpose", "# 第2章\n本文\n{{ plan.no_such_key }}\n")
    with pytest.raises(PackError) as err:
        render_plan(small_plan(), tmp_path / "x.docx", template=pack)
    assert "purpose.md.j2:3" in err.value.message("ja")
    assert "purpose.md.j2:3" in err.value.message("en")


def test_template_syntax_error_names_file_and_line(tmp_path):
    pack = _user_pack(tmp_path, "purpose", "# 第2章\n{% if %}\n")
    with pytest.raises(PackError) as err:
        render_plan(small_plan(), tmp_path / "x.docx", template=pack)
    assert "purpose.md.j2:2" in err.value.message("en")


def test_templates_run_sandboxed(tmp_path):
    pack = _user_pack(tmp_path, "purpose", "{{ plan.__class__.__mro__ }}\n{{ issues.append(1) }}\n")
    with pytest.raises(PackError):
        render_plan(small_plan(), tmp_path / "x.docx", template=pack)


def test_error_leaves_existing_output_untouched(tmp_path):
    out = tmp_path / "plan.docx"
    out.write_bytes(b"previous version")
    pack = _user_pack(tmp_path, "measures", "{{ missing }}\n")
    with pytest.raises(PlannerError):
        render_plan(small_plan(), out, template=pack)
    assert out.read_bytes() == b"previous version"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".plan.docx")] == []


def test_missing_destination_folder_is_a_clear_error(tmp_path):
    with pytest.raises(PlannerError) as err:
        render_plan(small_plan(), tmp_path / "nope" / "plan.docx")
    assert "書き込めません" in err.value.message("ja")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="permission bits are not enforced here")
def test_unwritable_destination_exits_2_and_keeps_the_old_file(tmp_path, capsys):
    plan_file = tmp_path / "plan.yaml"
    save_plan(small_plan(), plan_file)
    locked = tmp_path / "locked"
    locked.mkdir()
    out = locked / "plan.docx"
    out.write_bytes(b"old")
    locked.chmod(0o500)
    try:
        assert main(["render", str(plan_file), "-o", str(out)]) == 2
    finally:
        locked.chmod(0o700)
    assert out.read_bytes() == b"old"
    assert "書き込めません" in capsys.readouterr().err


def test_cli_render_exit_codes(tmp_path, capsys):
    plan_file = tmp_path / "plan.yaml"
    save_plan(small_plan(), plan_file)
    out = tmp_path / "out.docx"
    assert main(["render", str(plan_file), "-o", str(out), "--include-checks"]) == 0
    assert out.stat().st_size > 10_000
    assert main(["render", str(plan_file), "-o", str(tmp_path), "--lang", "en"]) == 2
    assert "folder" in capsys.readouterr().err
    assert main(["render", str(plan_file), "-o", str(out), "--template", "no-such-pack"]) == 2


def test_damaged_reference_docx_is_a_pack_error(tmp_path):
    pack = tmp_path / "broken"
    shutil.copytree(templates_dir() / "municipal", pack)
    (pack / "reference.docx").write_bytes(b"not a zip")
    with pytest.raises(PackError) as err:
        render_plan(small_plan(), tmp_path / "x.docx", template=pack)
    assert "reference.docx" in err.value.message("ja")


def test_destination_under_a_file_exits_2(tmp_path, capsys):
    plan_file = tmp_path / "plan.yaml"
    save_plan(small_plan(), plan_file)
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    assert main(["render", str(plan_file), "-o", str(blocker / "plan.docx")]) == 2
    assert "書き込めません" in capsys.readouterr().err
    assert blocker.read_text() == "x"
