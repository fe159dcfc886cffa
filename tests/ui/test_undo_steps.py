"""Undo that surprises no one: steps by typing burst, named by the field, shown where."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.ui import commands
from tests.ui.helpers import open_window, press, replace_plan, step_page
from tests.ui.plans import small_plan


def _chapter(window):
    step_page(window, 0)
    return window.pages[0].form.binding("sections.positioning").widget


def test_pasting_a_sentence_then_typing_undoes_only_the_typing(qtbot):
    window = open_window(qtbot)
    edit = _chapter(window)
    edit.setFocus()
    sentence = "本計画は、総合計画の分野別計画として位置付ける。"
    edit.insertPlainText(sentence)  # a paste arrives as one change
    qtbot.keyClicks(edit, "abc")
    assert window.doc.plan.plan.sections.positioning == sentence + "abc"
    press(qtbot, window, edit, Qt.Key.Key_Z)
    assert window.doc.plan.plan.sections.positioning == sentence
    assert edit.toPlainText() == sentence
    press(qtbot, window, edit, Qt.Key.Key_Z)
    assert window.doc.plan.plan.sections.positioning is None


def test_a_pause_in_typing_starts_a_new_step(qtbot, monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(commands, "_now", lambda: clock[0])
    window = open_window(qtbot)
    edit = _chapter(window)
    edit.setFocus()
    qtbot.keyClicks(edit, "ab")
    clock[0] += commands.BURST_SECONDS + 0.5
    qtbot.keyClicks(edit, "cd")
    press(qtbot, window, edit, Qt.Key.Key_Z)
    assert window.doc.plan.plan.sections.positioning == "ab"


def test_each_word_is_a_step_of_its_own(qtbot):
    window = open_window(qtbot)
    edit = _chapter(window)
    edit.setFocus()
    qtbot.keyClicks(edit, "open data plan")
    press(qtbot, window, edit, Qt.Key.Key_Z)
    assert window.doc.plan.plan.sections.positioning == "open data"
    press(qtbot, window, edit, Qt.Key.Key_Z)
    assert window.doc.plan.plan.sections.positioning == "open"


def _evidence_typed(qtbot, issue_id: str, text: str):
    """A window on ``small_plan()`` after typing ``text`` into the evidence of ``issue_id``."""
    window = open_window(qtbot)
    replace_plan(qtbot, window, small_plan())
    editor = step_page(window, 1).editor
    editor.select_item(issue_id)
    edit = editor.form.binding("evidence").widget
    edit.setFocus()
    qtbot.keyClicks(edit, text)
    return window, editor, edit


def test_undo_texts_name_the_field_as_the_form_labels_it(qtbot):
    window, _, _ = _evidence_typed(qtbot, "I-1", "x")
    assert window.action_undo.text() == "元に戻す：「根拠」の変更"
    chapter = _chapter(window)
    chapter.setFocus()
    qtbot.keyClicks(chapter, "y")
    assert window.action_undo.text() == "元に戻す：「第3章 計画の位置付け」の変更"
    window.action_undo.trigger()
    assert window.action_redo.text() == "やり直し：「第3章 計画の位置付け」の変更"


def test_every_bound_field_has_a_label_for_its_undo_text(qtbot):
    window = open_window(qtbot)
    forms = [window.pages[0].form] + [window.pages[s].editor.form for s in (1, 2, 3, 4)]
    for form in forms:
        for binding in form.bindings:
            assert binding.label and "." not in binding.label, binding.path


def test_undo_from_another_step_goes_to_the_field_it_changes(qtbot):
    window, editor, edit = _evidence_typed(qtbot, "I-2", "survey")
    step_page(window, 4)  # on to the KPIs, out of sight of the issue
    window.action_undo.trigger()
    assert window.doc.plan.issues[1].evidence is None
    assert window.current_step() == 1
    assert editor.current_item().id == "I-2"
    assert QApplication.focusWidget() is edit
    step_page(window, 3)
    window.action_redo.trigger()
    assert window.current_step() == 1 and window.doc.plan.issues[1].evidence == "survey"


def test_undoing_a_removal_shows_the_item_again(qtbot):
    window = open_window(qtbot)
    replace_plan(qtbot, window, small_plan())
    editor = step_page(window, 3).editor
    editor.select_item("D-2")
    editor.delete()
    step_page(window, 0)
    window.action_undo.trigger()
    assert window.current_step() == 3 and editor.current_item().id == "D-2"
    step_page(window, 0)
    window.action_redo.trigger()  # removed again: its list is shown
    assert window.current_step() == 3 and window.doc.find("D-2") is None
