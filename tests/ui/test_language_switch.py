"""Switching 日本語⇄English in the menu retranslates the whole window at once, keeping the
plan, its undo history, the step, the selection and the scroll position."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTabBar,
)

from planner.files.planfile import save_plan
from planner.plan.model import Issue, Kpi, Measure, Measurement, Plan, PlanInfo
from planner.ui import i18n, settings
from tests.ui.helpers import open_window, replace_plan, step_page, type_into

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# Never translated on purpose: the way back for whoever switched by mistake.
BOTH = {"言語 / Language (&L)", "日本語"}


def _english_plan() -> Plan:
    """A plan whose own words are English, so any Japanese left on screen is the UI's."""
    kpis = [Kpi(f"K-{n}", f"Indicator {n}", quantitative=True, unit="people",
                baseline=Measurement(10, 2025), target=Measurement(20, 2030))
            for n in range(1, 4)]
    return Plan(plan=PlanInfo(title="Sample plan", municipality="Sample City"),
                issues=[Issue("I-1", "Mobility"), Issue("I-2", "Disaster information")],
                measures=[Measure("M-1", "On-demand bus", addresses=["I-1"])],
                kpis=kpis)


def _menu_texts(window) -> list[str]:
    texts = []
    for menu_action in window.menuBar().actions():
        texts.append(menu_action.text())
        menu = menu_action.menu()
        for action in menu.actions() if menu else []:
            texts.append(action.text())
            if action.menu():
                texts += [a.text() for a in action.menu().actions()]
    return texts


def _shown_texts(window) -> list[str]:
    """Every text a user sees on the current step: labels, buttons, tabs, headers,
    combo boxes, the step list, the dock's title, the menus and the window title."""
    texts = [window.windowTitle()]
    texts += [widget.text() for widget in
              window.findChildren(QLabel) + window.findChildren(QAbstractButton)
              if widget.isVisibleTo(window)]
    texts += [box.title() for box in window.findChildren(QGroupBox) if box.isVisibleTo(window)]
    for bar in window.findChildren(QTabBar):
        if bar.isVisibleTo(window):
            texts += [bar.tabText(n) for n in range(bar.count())]
    for header in window.findChildren(QHeaderView):
        if header.isVisibleTo(window) and header.model() is not None:
            texts += [str(header.model().headerData(n, header.orientation()) or "")
                      for n in range(header.count())]
    for combo in window.findChildren(QComboBox):
        if combo.isVisibleTo(window):
            texts.append(combo.currentText())
    texts += [window.navigator.item(n).text() for n in range(window.navigator.count())]
    texts += [dock.windowTitle() for dock in window.findChildren(QDockWidget)]
    return texts + _menu_texts(window)


def _japanese_left(window) -> dict[int, list[str]]:
    left = {}
    for step in range(len(window.pages)):
        window.go_to_step(step)
        found = sorted({t for t in _shown_texts(window)
                        if JAPANESE.search(_quoted(t)) and t not in BOTH})
        if found:
            left[step] = found
    return left


def _quoted(text: str) -> str:
    """``text`` without the document's own words it quotes: （案） is what a draft is
    marked with in the .docx, in either UI language."""
    return re.sub(r"[（(]案[)）]", "", text)


def _switch(qtbot, window, label: str) -> None:
    action = next(a for a in window.language_menu.actions() if a.text() == label)
    action.trigger()
    qtbot.wait(20)


@pytest.fixture
def restore_japanese(qapp):
    yield
    i18n.install(qapp, "ja")


def test_switching_to_english_retranslates_everything_and_keeps_the_work(
        qtbot, restore_japanese):
    window = open_window(qtbot)
    replace_plan(qtbot, window, _english_plan())
    window.graph_dock.show()
    plan, doc = window.doc.plan, window.doc
    kpis = step_page(window, 4).editor
    kpis.select_item("K-2")
    type_into(qtbot, kpis.form.binding("unit").widget, "visits")
    assert plan.kpis[1].unit == "visits" and doc.undo_stack.count() == 1
    form_scroll = [a for a in window.pages[4].findChildren(QAbstractScrollArea)
                   if a.verticalScrollBar().maximum() > 0]
    assert form_scroll, "the KPI form scrolls at 1366×768"
    form_scroll[-1].verticalScrollBar().setValue(60)
    values = [a.verticalScrollBar().value() for a in window.pages[4].findChildren(
        QAbstractScrollArea)]

    _switch(qtbot, window, "English")

    assert i18n.lang() == "en"
    assert window.doc is doc and window.doc.plan is plan  # the same plan, not a copy
    assert window.current_step() == 4
    assert window.pages[4].editor.current_item().id == "K-2"
    assert [a.verticalScrollBar().value() for a in window.pages[4].findChildren(
        QAbstractScrollArea)] == values
    assert window.graph_dock.isVisible()
    assert "Undo" in window.action_undo.text() and "Unit" in window.action_undo.text()
    assert _japanese_left(window) == {}
    window.show_start_page()
    assert [t for t in _shown_texts(window) if JAPANESE.search(_quoted(t)) and t not in BOTH] \
        == []
    window.show_editor()
    window.go_to_step(4)
    # The undo history survived, and undo still reaches the field it changes.
    window.action_undo.trigger()
    assert plan.kpis[1].unit == "people"
    assert window.pages[4].editor.form.binding("unit").widget.text() == "people"
    # Adding an item reaches only the rebuilt views (nothing calls into deleted ones).
    qtbot.mouseClick(window.pages[4].editor.tool_buttons["add"], Qt.MouseButton.LeftButton)
    assert len(plan.kpis) == 4
    window.graph.refresh_now()
    assert window.doc.undo_stack.count() == 1  # the undone edit gave way to the addition
    assert not JAPANESE.search(_quoted(window.action_undo.text().replace("New KPI", "")))


def test_switching_back_to_japanese_and_the_menu_names_both(qtbot, restore_japanese,
                                                            tmp_path):
    window = open_window(qtbot)
    replace_plan(qtbot, window, _english_plan())
    assert window.language_menu.title() == "言語 / Language (&L)"
    panel = step_page(window, 5).panel
    assert panel.table.model().rowCount() >= 2
    panel.table.selectRow(1)
    chosen = panel.current_finding().rule
    panel.set_severity_shown("info", False)
    _switch(qtbot, window, "English")
    panel = window.pages[5].panel
    assert window.current_step() == 5 and panel.current_finding().rule == chosen
    assert not panel.severity_button("info").isChecked()  # still hidden, and says so
    assert "hidden" in panel.severity_button("info").text().lower()
    assert window.navigator.item(0).text() == "Basic information" or not JAPANESE.search(
        window.navigator.item(0).text())
    assert window.language_menu.title() == "言語 / Language (&L)"
    _switch(qtbot, window, "日本語")
    assert i18n.lang() == "ja"
    assert window.navigator.item(0).text() == "基本情報"
    assert [a.isChecked() for a in window.language_menu.actions()] == [True, False]
    # From the start page: it stays, with its recent files.
    plan_file = tmp_path / "plan.yaml"
    save_plan(_english_plan(), plan_file)
    settings.add_recent(str(plan_file))
    window.show_start_page()
    assert window.start_page.recent.count() == 1
    _switch(qtbot, window, "English")
    assert window.views.currentWidget() is window.start_page
    assert window.start_page.recent.count() == 1
    # Shortcuts still work once (no duplicate actions left from the old menus).
    shortcuts = [a.shortcut().toString() for a in window.findChildren(type(window.action_undo))
                 if a.shortcut().toString()]
    assert len(shortcuts) == len(set(shortcuts)), shortcuts
