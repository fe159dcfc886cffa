"""What the first-user walkthrough found: each step says how to go on, nothing is a dead end."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from planner.ui import settings
from planner.ui.prompts import ScriptedPrompts
from tests.ui.helpers import add_item, open_window, step_page


def test_every_step_but_the_last_has_a_next_button_that_goes_on(qtbot):
    window = open_window(qtbot)
    for step in range(len(window.pages) - 1):
        page = step_page(window, step)
        assert page.next_button.isVisible(), step
        assert f"{step + 2}." in page.next_button.text()
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
        assert window.current_step() == step + 1
    assert not window.pages[-1].next_button.isVisible()


def test_an_empty_list_says_how_to_add_the_first_item(qtbot):
    window = open_window(qtbot)
    editor = step_page(window, 1).editor
    assert "追加" in editor.view.placeholder
    image = editor.view.viewport().grab().toImage()
    dark = sum(1 for x in range(0, image.width(), 2) for y in range(0, 60, 2)
               if image.pixelColor(x, y).lightness() < 200)
    assert dark > 20  # the placeholder text is painted, not a blank box
    add_item(qtbot, window, 1, "移動手段")
    assert editor.model.rowCount() == 1


def test_the_data_use_table_says_where_data_comes_from_when_there_is_none(qtbot):
    window = open_window(qtbot)
    editor = add_item(qtbot, window, 2, "デマンド交通")
    uses = editor.form.uses
    assert uses.no_data.isVisible()
    add_item(qtbot, window, 3, "運行記録")
    step_page(window, 2)
    assert not uses.no_data.isVisible()


def test_the_plan_form_says_which_chapters_are_written_for_you(qtbot):
    from PySide6.QtWidgets import QLabel

    window = open_window(qtbot)
    texts = [label.text() for label in window.pages[0].form.findChildren(QLabel)]
    assert any(t.startswith("第6章") and "自動" in t for t in texts)


def test_new_files_are_suggested_in_documents_not_the_home_folder(qtbot, tmp_path,
                                                                   monkeypatch):
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(settings.QStandardPaths, "writableLocation",
                        lambda _location: str(documents))
    prompts = ScriptedPrompts()
    window = open_window(qtbot, prompts)
    assert Path(window.files._suggested_path()).parent == documents
    window.export_document()
    assert Path(window.export_dialog.output_path()).parent == documents
    settings.set("files/last_dir", str(tmp_path))
    assert settings.default_folder() == tmp_path


def test_choosing_a_code_does_not_move_the_fields_below(qtbot):
    """The explanation line under a code list is there before a choice too, so the form
    does not jump under the pointer when one is made."""
    from planner.ui.editors.fields import CodeCombo

    widget = CodeCombo("category")
    qtbot.addWidget(widget)
    widget.resize(600, widget.sizeHint().height())
    widget.show()
    before = widget.help.isVisibleTo(widget), widget.help.text()
    widget.set_code("non_personal")
    assert before[0] and widget.help.isVisibleTo(widget)
    assert before[1] and before[1] != widget.help.text()
