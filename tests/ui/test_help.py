"""Help inside the app: start page, sample, glossary, rules, shortcuts, documents."""

from __future__ import annotations

from PySide6.QtCore import Qt

from planner.checks.registry import registered
from planner.files.paths import sample_plan_path
from planner.plan import vocab
from planner.ui import app as ui_app
from planner.ui import help as helps
from planner.ui.prompts import ScriptedPrompts
from tests.ui.helpers import open_window


def test_the_app_starts_on_the_start_page_when_there_is_nothing_to_open(qtbot):
    window = ui_app.start(prompts=ScriptedPrompts())
    qtbot.addWidget(window)
    assert window.views.currentWidget() is window.start_page
    assert {"new", "template", "open", "sample"} <= set(window.start_page.buttons)
    window.doc.undo_stack.setClean()


def test_new_plan_from_the_start_page_shows_the_steps(qtbot):
    window = open_window(qtbot)
    window.show_start_page()
    qtbot.mouseClick(window.start_page.buttons["new"], Qt.MouseButton.LeftButton)
    assert window.views.currentIndex() == 0 and window.current_step() == 0


def test_recent_files_open_from_the_start_page(qtbot, tmp_path):
    window = open_window(qtbot)
    plan = tmp_path / "計画.yaml"
    plan.write_bytes(sample_plan_path().read_bytes())
    window.files.open_path(plan)
    window.show_start_page()
    recent = window.start_page.recent
    assert recent.count() == 1 and recent.item(0).toolTip() == str(plan.resolve())
    recent.itemActivated.emit(recent.item(0))
    assert window.views.currentIndex() == 0 and window.doc.path == plan.resolve()


def test_the_sample_opens_read_only_from_the_start_page(qtbot):
    window = open_window(qtbot)
    window.show_start_page()
    qtbot.mouseClick(window.start_page.buttons["sample"], Qt.MouseButton.LeftButton)
    assert window.views.currentIndex() == 0
    assert window.doc.path == sample_plan_path() and window.files.guard.read_only
    assert window.banner.isVisibleTo(window)


def test_the_glossary_explains_the_words_a_newcomer_asked_about(qtbot):
    text = helps.glossary_html()
    for word in ("最小セル数", "チェックサム", "05 子育て施設一覧", "行政機関等匿名加工情報",
                 "匿名加工情報"):
        assert word in text, word
    for kind in helps.GLOSSARY_KINDS:
        for term in vocab.terms(kind):
            assert term.label("ja") in text, (kind, term.code)


def test_the_rule_reference_lists_every_rule_the_checker_runs():
    text = helps.rules_html()
    for rule in registered():
        assert rule.id in text and rule.title("ja")[:10] in text, rule.id


def test_the_shortcut_list_names_the_keys_of_the_menus(qtbot):
    window = open_window(qtbot)
    text = helps.shortcuts_html(window)
    for key, what in (("Ctrl+Z", "元に戻す"), ("Ctrl+E", "計画書を出力"), ("Ctrl+G", "関係図"),
                      ("Ctrl+Shift+N", "追加")):
        assert key in text and what in text, key


def test_every_help_entry_opens_a_readable_window(qtbot):
    window = open_window(qtbot)
    for action in (window.action_glossary, window.action_rules, window.action_shortcuts):
        action.trigger()
        dialog = window.help_dialog
        assert dialog.isVisible() and len(dialog.browser.toPlainText()) > 200
        assert dialog.width() <= 1366 and dialog.height() <= 768
        dialog.close()
    documents = helps.bundled_documents()
    assert any(path.name == "README.md" for _title, path in documents)


def test_the_help_menu_offers_the_sample(qtbot):
    window = open_window(qtbot)
    window.action_sample.trigger()
    assert window.doc.path == sample_plan_path() and window.files.guard.read_only


def test_the_shortcut_list_drops_the_menus_access_keys(qtbot):
    """「計画書を出力(E)」「終了(X)」 beside Ctrl+E and Ctrl+Q read as if E and X were keys."""
    window = open_window(qtbot)
    text = helps.shortcuts_html(window)
    assert "計画書を出力" in text and "終了" in text
    assert "(E)" not in text and "(X)" not in text and "(&" not in text


def test_recent_files_of_the_same_name_show_their_folders(qtbot, tmp_path):
    """The walkthrough's start page listed 「prefecture-plan.yaml」 twice, alike."""
    from planner.ui.start_page import StartPage
    page = StartPage()
    qtbot.addWidget(page)
    first, second, other = (str(tmp_path / "a" / "plan.yaml"), str(tmp_path / "b" / "plan.yaml"),
                            str(tmp_path / "a" / "other.yaml"))
    page.set_recent([first, second, other])
    texts = [page.recent.item(i).text() for i in range(page.recent.count())]
    assert texts[0] != texts[1]
    assert texts[0].startswith("plan.yaml") and str(tmp_path / "a") in texts[0]
    assert str(tmp_path / "b") in texts[1]
    assert texts[2] == "other.yaml"  # a unique name stays short
