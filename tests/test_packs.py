"""Template packs: built-in and user packs are found, described and used without code."""

from __future__ import annotations

import shutil

import docx
import pytest
from render_helpers import body_text, small_plan

from planner.files.appdirs import app_data_dir, user_templates_dir
from planner.files.paths import templates_dir
from planner.render import render_plan
from planner.render.packs import PackError, find_pack, list_packs, load_pack
from tests.support.packs import copy_pack


@pytest.fixture
def home(tmp_path, monkeypatch):
    """An empty application-data folder for the test."""
    monkeypatch.setenv("PLANNER_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def _one_section_pack(pack_dir, purpose: str):
    """A pack of its own manifest and chapter 2 only (the rest comes from the built-in pack)."""
    (pack_dir / "sections").mkdir(parents=True)
    (pack_dir / "pack.yaml").write_text(f"name: {pack_dir.name}\n", encoding="utf-8")
    (pack_dir / "sections" / "purpose.md.j2").write_text(purpose, encoding="utf-8")
    return pack_dir


def test_app_data_dir_honours_planner_home(home):
    assert app_data_dir() == home
    assert user_templates_dir() == home / "templates"


def test_builtin_packs_are_listed_with_metadata(home):
    packs = {p.name: p for p in list_packs()}
    assert {"municipal", "prefecture"} <= set(packs)
    municipal = packs["municipal"]
    assert municipal.origin == "builtin" and municipal.origin_label("ja") == "組み込み"
    assert municipal.origin_label("en") == "built-in"
    assert municipal.title("ja") == "市町村計画（標準）" and municipal.title("en")
    assert municipal.description("en") and municipal.version and municipal.language == "ja"
    for pack in packs.values():
        assert pack.reference_docx.is_file() and pack.starter_plan_path.is_file()
        assert pack.reference_docx.parent == pack.path


def test_builtin_reference_files_carry_styles_cover_and_footer():
    for name in ("municipal", "prefecture"):
        document = docx.Document(str(templates_dir() / name / "reference.docx"))
        names = {s.name for s in document.styles}
        assert {"Heading 1", "Body Text", "Caption", "Plan Table", "Table Text",
                "TOC Heading", "toc 1"} <= names
        assert "{{ plan.title }}" in body_text(document)
        assert "{{ content }}" in body_text(document)
        assert len(document.sections) == 2  # cover without page number, body with


def test_user_pack_is_found_by_name_and_listed(home):
    shutil.copytree(templates_dir() / "prefecture", user_templates_dir() / "mine")
    (user_templates_dir() / "mine" / "pack.yaml").write_text(
        "name: mine\ntitle: {ja: 自分のパック, en: My pack}\nversion: '2'\nlanguage: ja\n",
        encoding="utf-8")
    pack = find_pack("mine")
    assert pack.origin == "user" and pack.origin_label("ja") == "ユーザー"
    assert pack.title("en") == "My pack"
    assert "mine" in [p.name for p in list_packs()]


def test_user_pack_renamed_only_in_its_manifest_is_found(home):
    """docs/templates.md: copy a built-in pack's folder, then change `name` in pack.yaml."""
    copy_pack(user_templates_dir() / "municipal", "consultant-a")
    pack = find_pack("consultant-a")
    assert pack.origin == "user" and pack.path == user_templates_dir() / "municipal"
    # The renamed copy must not replace the built-in pack its folder is still named after.
    assert find_pack("municipal").origin == "builtin"
    assert find_pack(None).origin == "builtin"
    assert [p.name for p in list_packs()].count("municipal") == 1


def test_user_pack_with_a_builtin_name_replaces_it_once_in_the_list(home):
    shutil.copytree(templates_dir() / "municipal", user_templates_dir() / "municipal")
    assert find_pack("municipal").origin == "user"
    listed = [p for p in list_packs() if p.name == "municipal"]
    assert [p.origin for p in listed] == ["user"]  # one entry: the one the name renders with


def test_folder_name_finds_a_pack_whose_manifest_names_it_otherwise(home):
    shutil.copytree(templates_dir() / "prefecture", user_templates_dir() / "folder-a")
    manifest = user_templates_dir() / "folder-a" / "pack.yaml"
    manifest.write_text("name: other-name\n", encoding="utf-8")
    assert find_pack("folder-a").name == "other-name"


def test_unknown_pack_mentions_a_user_pack_whose_manifest_is_broken(home):
    bad = user_templates_dir() / "acme"
    bad.mkdir(parents=True)
    (bad / "pack.yaml").write_text("name: acme\ntitle: {ja: A: B}\n", encoding="utf-8")
    with pytest.raises(PackError) as err:
        find_pack("acme-typo")
    assert "acme" in err.value.message("ja") and "pack.yaml" in err.value.message("ja")
    with pytest.raises(PackError) as err:  # by folder name: the manifest's own error
        find_pack("acme")
    assert str(bad / "pack.yaml") in err.value.message("en")


def test_user_pack_with_one_reworded_section(home, tmp_path):
    pack_dir = _one_section_pack(tmp_path / "reworded",
                                 "# 第2章　計画のねらい\n{{ plan.municipality }}独自の文言です。\n")
    pack = find_pack(str(pack_dir))
    assert pack.origin == "path" and pack.origin_label("en") == "by path"
    out = tmp_path / "out.docx"
    render_plan(small_plan(), out, template=str(pack_dir))
    text = body_text(docx.Document(str(out)))
    assert "第2章　計画のねらい" in text and "テスト市独自の文言です。" in text
    assert "第6章　個別施策" in text  # other chapters come from the built-in pack


def test_fy_function_follows_the_document_language(home, tmp_path):
    pack_dir = _one_section_pack(tmp_path / "years", "# Purpose\nFrom {{ fy(2026) }}.\n")
    for lang, expected in (("en", "From FY2026."), ("ja", "From 令和8年度（2026年度）.")):
        out = tmp_path / f"{lang}.docx"
        render_plan(small_plan(), out, template=str(pack_dir), lang=lang)
        assert expected in body_text(docx.Document(str(out)))


def test_restyled_reference_changes_the_output(home, tmp_path):
    pack_dir = tmp_path / "green"
    shutil.copytree(templates_dir() / "municipal", pack_dir)
    reference = docx.Document(str(pack_dir / "reference.docx"))
    reference.styles["Heading 1"].font.size = docx.shared.Pt(20)
    reference.save(str(pack_dir / "reference.docx"))
    out = tmp_path / "out.docx"
    render_plan(small_plan(), out, template=pack_dir)
    assert docx.Document(str(out)).styles["Heading 1"].font.size == docx.shared.Pt(20)


def test_unknown_pack_lists_the_available_ones(home):
    with pytest.raises(PackError) as err:
        find_pack("nope")
    assert "municipal" in err.value.message("ja") and "nope" in err.value.message("en")
    with pytest.raises(PackError):
        find_pack("/no/such/folder")


def test_broken_manifest_is_reported_and_skipped_in_the_list(home):
    bad = user_templates_dir() / "bad"
    bad.mkdir(parents=True)
    (bad / "pack.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(PackError) as err:
        load_pack(bad, "user")
    assert "pack.yaml" in err.value.message("ja")
    assert "bad" not in [p.name for p in list_packs()]
    (bad / "pack.yaml").write_text("name: bad\ncolour: red\n", encoding="utf-8")
    with pytest.raises(PackError) as err:
        load_pack(bad, "user")
    assert "colour" in err.value.message("en")


def test_cli_templates_lists_packs(home, capsys):
    from planner.cli import main

    assert main(["templates"]) == 0
    captured = capsys.readouterr()
    assert "municipal\t市町村計画（標準）\t組み込み" in captured.out and "prefecture" in captured.out
    assert all(line.count("\t") == 3 for line in captured.out.splitlines())
    assert str(user_templates_dir()) in captured.err  # where a consultant puts a pack


def test_word_curly_quotes_in_a_template_are_explained(home, tmp_path):
    pack_dir = _one_section_pack(tmp_path / "quotes",
                                 "# 第2章\n{% if plan.version == “1.0” %}初版{% endif %}\n")
    with pytest.raises(PackError) as err:
        render_plan(small_plan(), tmp_path / "x.docx", template=pack_dir)
    assert "purpose.md.j2:2" in err.value.message("ja") and "半角" in err.value.message("ja")
    assert "straight quotes" in err.value.message("en")


def test_reference_made_from_a_blank_document_borrows_the_styles_it_lacks(home, tmp_path):
    pack_dir = tmp_path / "blank"
    pack_dir.mkdir()
    (pack_dir / "pack.yaml").write_text("name: blank\n", encoding="utf-8")
    blank = docx.Document()  # python-docx's own template: no Plan Table, toc 1, Figure …
    blank.add_paragraph("{{ plan.title }}", style="Title")
    blank.add_paragraph("{{ content }}")
    blank.save(str(pack_dir / "reference.docx"))
    out = tmp_path / "out.docx"
    render_plan(small_plan(), out, template=pack_dir)
    result = docx.Document(str(out))
    names = {s.name for s in result.styles}
    assert {"Plan Table", "Table Text", "Table Heading", "toc 1", "Figure"} <= names
    assert result.paragraphs[0].text == "テスト市官民データ活用推進計画"
    ids = [s.style_id for s in result.styles]
    assert len(ids) == len(set(ids))
