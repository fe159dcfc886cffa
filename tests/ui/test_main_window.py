"""Main window: title, files (open errors, unsaved changes, recent, template), steps, keys."""

from __future__ import annotations

from PySide6.QtCore import Qt

from planner.files.paths import sample_plan_path
from planner.ui import settings
from planner.ui.prompts import SaveAnswer, ScriptedPrompts
from tests.ui.helpers import open_window, press, type_into


def test_title_shows_plan_file_and_modified_mark(qtbot):
    window = open_window(qtbot)
    assert window.windowTitle().startswith("新しい官民データ活用推進計画 — 未保存[*]")
    assert window.files.open_path(sample_plan_path())
    assert "sample-plan.yaml" in window.windowTitle() and not window.isWindowModified()
    type_into(qtbot, window.pages[0].form.binding("version").widget, "2.0")
    assert window.isWindowModified()


def test_a_broken_file_shows_the_loaders_messages_and_keeps_the_plan(qtbot, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nplan:\n  title: [unclosed\n", encoding="utf-8")
    prompts = ScriptedPrompts()
    window = open_window(qtbot, prompts)
    before = window.doc.plan
    assert not window.files.open_path(bad)
    kind, (path, messages) = prompts.asked[-1]
    assert kind == "load_errors" and path == str(bad)
    assert any(m.startswith("4行目: ") for m in messages)  # the file is named once, above
    assert window.doc.plan is before


def test_load_errors_name_the_item_and_line_not_the_path_again(qtbot, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nplan:\n  title: t\nmeasures:\n  - id: M-1\n"
                   "    title: デマンド交通\n    adresses: [I-1]\n", encoding="utf-8")
    prompts = ScriptedPrompts()
    window = open_window(qtbot, prompts)
    assert not window.files.open_path(bad)
    _kind, (_path, messages) = prompts.asked[-1]
    assert messages[0].startswith("7行目: 施策 M-1『デマンド交通』: ")
    assert "adresses" in messages[0] and str(bad) not in messages[0]


def test_closing_with_unsaved_changes_asks_first(qtbot):
    prompts = ScriptedPrompts(save_answer=SaveAnswer.CANCEL)
    window = open_window(qtbot, prompts)
    type_into(qtbot, window.pages[0].form.binding("version").widget, "1.0")
    window.close()
    assert window.isVisible() and prompts.asked[-1][0] == "save_changes"
    prompts.save_answer = SaveAnswer.DISCARD
    assert window.close()


def test_opening_another_plan_with_unsaved_changes_asks(qtbot):
    prompts = ScriptedPrompts(save_answer=SaveAnswer.CANCEL)
    window = open_window(qtbot, prompts)
    type_into(qtbot, window.pages[0].form.binding("version").widget, "1.0")
    assert not window.files.open_path(sample_plan_path())
    assert window.doc.plan.plan.version == "1.0"


def test_recent_files_and_new_from_template(qtbot):
    window = open_window(qtbot)
    window.files.open_path(sample_plan_path())
    assert settings.get("files/recent")[0] == str(sample_plan_path().resolve())
    window.recent_menu.aboutToShow.emit()
    assert window.recent_menu.actions()[0].text().endswith("sample-plan.yaml")
    assert window.files.new_from_template()
    assert window.doc.path is None and window.doc.plan.plan.title  # a starter, untitled


def test_steps_by_keyboard_and_status_bar_jump(qtbot):
    window = open_window(qtbot)
    for n in range(7):
        press(qtbot, window, window.navigator, Qt.Key(Qt.Key.Key_1 + n))
        assert window.current_step() == n
    window.go_to_step(0)
    qtbot.mouseClick(window.problems_button, Qt.MouseButton.LeftButton)
    assert window.current_step() == 5


def test_jump_to_a_finding_focuses_the_field(qtbot):
    window = open_window(qtbot)
    window.files.open_path(sample_plan_path())
    measure = window.doc.plan.measures[1]
    window.go_to_item(measure.id, "owner")
    assert window.current_step() == 2
    assert window.pages[2].editor.current_item() is measure
    assert window.pages[2].editor.form.binding("owner").widget.hasFocus()


def test_english_is_selectable(qtbot, qapp):
    from planner.ui import i18n

    try:
        assert i18n.install(qapp, "en") == "en"
        window = open_window(qtbot)
        assert window.navigator.item(0).text() == "Basic information"
        assert window.menuBar().actions()[0].text() == "&File"
    finally:
        i18n.install(qapp, "ja")
    assert open_window(qtbot).navigator.item(0).text() == "基本情報"


def test_first_start_fills_a_laptop_screen_and_centres_on_a_large_one(qtbot):
    from PySide6.QtCore import QRect

    from planner.ui.main_window import MainWindow

    laptop = MainWindow(prompts=ScriptedPrompts())
    qtbot.addWidget(laptop)
    laptop.show_first_time(QRect(0, 0, 1366, 728))  # 1366×768 less the taskbar
    assert laptop.isMaximized()
    desktop = MainWindow(prompts=ScriptedPrompts())
    qtbot.addWidget(desktop)
    desktop.show_first_time(QRect(0, 0, 1920, 1040))
    assert not desktop.isMaximized() and desktop.size().width() == 1280
    assert abs(desktop.frameGeometry().center().x() - 960) <= 2


def test_the_graph_follows_the_item_chosen_in_a_list(qtbot):
    """In the walkthrough, choosing 施策 M-2 in its list left M-1 (reached by a jump)
    highlighted in the graph."""
    from planner.plan.model import Measure
    from tests.ui.helpers import replace_plan
    from tests.ui.plans import small_plan
    window = open_window(qtbot)
    plan = small_plan()
    plan.measures.append(Measure("M-2", "二つ目の施策"))
    replace_plan(qtbot, window, plan)
    first = plan.measures[0].id
    window.go_to_item(first)
    assert window.graph.selected() == first
    window.pages[2].editor.select_item("M-2")
    assert window.graph.selected() == "M-2"
    window.go_to_step(3)  # 4. データ: its list's current item, without choosing again
    assert window.graph.selected() == window.pages[3].editor.current_item().id
