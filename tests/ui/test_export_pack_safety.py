"""The export dialog with a hostile user pack (security.md, "Template packs" and "What leaves
in the document"): what was removed is said in the dialog, a broken pack is left out of the
list with a warning, and the list still works."""

from __future__ import annotations

import shutil
from pathlib import Path

from planner.files.appdirs import user_templates_dir
from planner.files.paths import templates_dir
from planner.ui.export_dialog import ExportDialog
from tests.test_reference_safety import _reference_parts, _zip, attached_template
from tests.ui.plans import small_plan


def _dialog(qtbot, tmp_path: Path) -> ExportDialog:
    dialog = ExportDialog(small_plan(), tmp_path / "計画.yaml", ask_save_path=lambda *a: "",
                          open_url=lambda url: True)
    qtbot.addWidget(dialog)
    return dialog


def _user_pack(name: str) -> Path:
    folder = user_templates_dir() / name
    shutil.copytree(templates_dir() / "municipal", folder)
    (folder / "pack.yaml").write_text(f"name: {name}\ntitle: {name}\n", encoding="utf-8")
    return folder


def test_the_dialog_says_what_was_removed_from_the_packs_word_file(qtbot, tmp_path) -> None:
    folder = _user_pack("consultant")
    parts = _reference_parts()
    attached_template(parts)
    (folder / "reference.docx").write_bytes(_zip(parts))
    dialog = _dialog(qtbot, tmp_path)
    dialog.pack_combo.setCurrentIndex(dialog.pack_combo.findData("consultant"))
    with qtbot.waitSignal(dialog.exported, timeout=90000):
        dialog.export_button.click()
    status = dialog.status.text()
    assert "出力しました" in status and "添付テンプレート" in status and "取り除きました" in status
    assert "b71c1c" not in dialog.status.styleSheet()


def test_a_broken_user_pack_is_left_out_with_a_warning(qtbot, tmp_path) -> None:
    _user_pack("good")
    (_user_pack("bomb") / "pack.yaml").write_text("name: &a bomb\ntitle: *a\n", encoding="utf-8")
    dialog = _dialog(qtbot, tmp_path)
    names = [dialog.pack_combo.itemData(i) for i in range(dialog.pack_combo.count())]
    assert "good" in names and "bomb" not in names and "municipal" in names
    assert "一覧に出していません" in dialog.status.text() and "bomb" in dialog.status.text()
    assert dialog.export_button.isEnabled()


def test_new_from_template_refuses_a_starter_linked_out_of_the_pack(qtbot, tmp_path) -> None:
    """The app's New from template reads the starter as `planner new` does (security.md P5)."""
    import pytest

    from planner.render.packs import list_packs
    from planner.ui.prompts import ScriptedPrompts
    from tests.ui.helpers import open_window

    folder = _user_pack("consultant")
    secret = tmp_path / "secret.yaml"
    secret.write_text("schema_version: 1\nplan: {title: SECRET-PLAN-TITLE}\n", encoding="utf-8")
    (folder / "starter.yaml").unlink()
    try:
        (folder / "starter.yaml").symlink_to(secret)
    except OSError:
        pytest.skip("cannot create symlinks here")
    names = [p.name for p in list_packs() if p.starter_plan_path.is_file()]
    prompts = ScriptedPrompts(template=names.index("consultant"))
    window = open_window(qtbot, prompts)
    assert not window.files.new_from_template()
    assert "SECRET-PLAN-TITLE" not in (window.doc.plan.plan.title or "")
    [(_kind, (_path, messages))] = [a for a in prompts.asked if a[0] == "load_errors"]
    assert "outside the pack folder" in " ".join(messages) or "パックのフォルダの外" in \
        " ".join(messages)
