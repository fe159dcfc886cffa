"""Fields that do not apply are disabled with a reason, come back, and lose nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from planner.files.planfile import load_plan, save_plan
from planner.plan.model import (
    Category,
    DataSource,
    DataUse,
    Flow,
    Kpi,
    Measure,
    Measurement,
    OpenData,
    Plan,
    PlanInfo,
    Purpose,
)
from planner.ui.editors.fields import CodeCombo
from tests.ui.helpers import choose, open_window, replace_plan, step_page, type_into


def _form_of(qtbot, step: int, key: str, item):
    """A window on a plan holding only ``item`` (in its list ``key``), its form on ``step``."""
    window = open_window(qtbot)
    replace_plan(qtbot, window, Plan(plan=PlanInfo(title="t"), **{key: [item]}))
    editor = step_page(window, step).editor
    editor.select_item(item.id)
    return window, editor.form


def _data_form(qtbot, source: DataSource):
    return _form_of(qtbot, 3, "data_sources", source)


def test_non_personal_data_folds_the_personal_fields_and_keeps_what_was_typed(qtbot):
    source = DataSource("D-1", "運行記録", category=Category.PERSONAL, retention="5年")
    window, form = _data_form(qtbot, source)
    retention = form.binding("retention").widget
    assert retention.isEnabled() and not form.personal_note.isVisibleTo(form)
    category = form.binding("category").widget
    assert isinstance(category, CodeCombo)
    choose(qtbot, category.combo, "non_personal")
    assert not retention.isEnabled() and not form.binding("safety_measures").widget.isEnabled()
    assert form.personal_note.isVisibleTo(form) and "非パーソナルデータ" in form.personal_note.text()
    assert window.doc.plan.data_sources[0].retention == "5年"  # nothing entered is lost
    choose(qtbot, category.combo, "personal")
    assert retention.isEnabled() and retention.text() == "5年"
    assert not form.personal_note.isVisibleTo(form)


def test_not_publishing_folds_the_open_data_fields(qtbot):
    source = DataSource("D-1", "観光施設一覧", category=Category.NON_PERSONAL,
                        open_data=OpenData(publish=True, url="https://example.jp/a.csv"))
    window, form = _data_form(qtbot, source)
    url = form.binding("open_data.url").widget
    assert url.isEnabled() and not form.open_note.isVisibleTo(form)
    choose(qtbot, form.binding("open_data.publish").widget, False)
    assert not url.isEnabled() and form.open_note.isVisibleTo(form)
    assert not form.binding("open_data.integrity").widget.isEnabled()
    assert window.doc.plan.data_sources[0].open_data.url == "https://example.jp/a.csv"
    choose(qtbot, form.binding("open_data.publish").widget, True)
    assert url.isEnabled() and url.text() == "https://example.jp/a.csv"


def test_the_minimum_cell_size_is_for_statistics_only(qtbot):
    _window, form = _data_form(qtbot, DataSource("D-1", "人口", category=Category.STATISTICAL))
    assert form.binding("min_cell_size").widget.isEnabled()
    choose(qtbot, form.binding("category").widget.combo, "non_personal")
    assert not form.binding("min_cell_size").widget.isEnabled()
    # An unknown category decides nothing: every field stays open.
    choose(qtbot, form.binding("category").widget.combo, None)
    assert form.binding("min_cell_size").widget.isEnabled()
    assert form.binding("retention").widget.isEnabled()


def _kpi_form(qtbot, kpi: Kpi):
    return _form_of(qtbot, 4, "kpis", kpi)


def test_a_qualitative_kpi_folds_unit_direction_and_cumulative(qtbot):
    kpi = Kpi("K-1", "満足度", quantitative=True, unit="%", cumulative=True,
              target=Measurement(80, 2030))
    window, form = _kpi_form(qtbot, kpi)
    unit, cumulative = form.binding("unit").widget, form.binding("cumulative").widget
    assert unit.isEnabled() and cumulative.isEnabled()
    assert not form.qualitative_note.isVisibleTo(form)
    choose(qtbot, form.binding("quantitative").widget, False)
    assert not unit.isEnabled() and not cumulative.isEnabled()
    assert not form.binding("direction").widget.isEnabled()
    assert form.qualitative_note.isVisibleTo(form) and "定性" in form.qualitative_note.text()
    # A qualitative KPI states its target in words: 目標（文章） opens.
    assert form.binding("target.text").widget.isEnabled()
    assert window.doc.plan.kpis[0].unit == "%" and window.doc.plan.kpis[0].cumulative is True
    choose(qtbot, form.binding("quantitative").widget, None)  # undecided: nothing folds
    assert unit.isEnabled() and unit.text() == "%" and cumulative.isChecked()
    assert not form.qualitative_note.isVisibleTo(form)


def test_target_in_words_is_for_qualitative_or_a_target_not_yet_set(qtbot):
    kpi = Kpi("K-1", "利用者数", quantitative=True, target=Measurement(None, 2030))
    window, form = _kpi_form(qtbot, kpi)
    words, value = form.binding("target.text").widget, form.binding("target.value").widget
    assert words.isEnabled()  # no value yet: 「令和9年度を目途に目標値を設定」 may be written
    type_into(qtbot, words, "R9 mokuto")
    type_into(qtbot, value, "2000")
    assert window.doc.plan.kpis[0].target.value == 2000
    assert not words.isEnabled() and form.text_note.isVisibleTo(form)
    assert "目標値が入っている" in form.text_note.text()
    assert window.doc.plan.kpis[0].target.text == "R9 mokuto"  # kept, not erased
    value.setFocus()
    value.selectAll()
    qtbot.keyClick(value, Qt.Key.Key_Delete)  # the value is cleared: to be set later
    assert words.isEnabled() and words.text() == "R9 mokuto"
    assert not form.text_note.isVisibleTo(form)
    window.doc.undo()
    assert not words.isEnabled()  # undo brings the value, and the fold, back


def test_switching_items_refolds_the_form(qtbot):
    window = open_window(qtbot)
    replace_plan(qtbot, window, Plan(plan=PlanInfo(title="t"), kpis=[
        Kpi("K-1", "a", quantitative=False), Kpi("K-2", "b", quantitative=True)]))
    editor = step_page(window, 4).editor
    editor.select_item("K-1")
    assert not editor.form.binding("unit").widget.isEnabled()
    editor.select_item("K-2")
    assert editor.form.binding("unit").widget.isEnabled()


@pytest.mark.parametrize("loaded", [None, False, True])
def test_the_cumulative_flag_keeps_what_the_user_set_through_the_file(qtbot, tmp_path, loaded):
    window, form = _kpi_form(qtbot, Kpi("K-1", "a", quantitative=True, cumulative=loaded))
    check = form.binding("cumulative").widget
    path = tmp_path / "plan.yaml"
    save_plan(window.doc.plan, path)
    assert load_plan(path).kpis[0].cumulative is loaded  # untouched: as it was read
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(6, check.height() // 2))
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(6, check.height() // 2))
    assert check.isChecked() is bool(loaded)
    save_plan(window.doc.plan, path)
    # Ticked and unticked: the user said "not cumulative"; the file says so too.
    assert load_plan(path).kpis[0].cumulative is bool(loaded)
    if not loaded:
        assert "cumulative: false" in path.read_text(encoding="utf-8")


def test_the_pillar_choice_waits_for_a_pillar_structure(qtbot):
    window = open_window(qtbot)
    replace_plan(qtbot, window, Plan(plan=PlanInfo(title="t"),
                                     measures=[Measure("M-1", "施策")]))
    page = step_page(window, 2)
    page.editor.select_item("M-1")
    form = page.editor.form
    combo = form.binding("pillar").widget
    assert not combo.isEnabled() and form.pillar_note.isVisibleTo(form)
    assert "施策体系" in form.pillar_note.text()
    page.show_pillars()
    qtbot.mouseClick(page.pillars.buttons["add"], Qt.MouseButton.LeftButton)
    assert window.doc.plan.pillars
    assert combo.isEnabled() and not form.pillar_note.isVisibleTo(form)
    assert combo.count() == 2  # （施策体系に入れない） and the new one


def test_occasional_is_asked_only_for_a_use_outside_the_purpose(qtbot):
    plan = Plan(plan=PlanInfo(title="t"),
                measures=[Measure("M-1", "施策", uses=[
                    DataUse("D-1", Flow.INTERNAL_USE, Purpose.OUT_OF_PURPOSE, occasional=True)])],
                data_sources=[DataSource("D-1", "台帳", category=Category.PERSONAL)])
    window = open_window(qtbot)
    replace_plan(qtbot, window, plan)
    editor = step_page(window, 2).editor
    editor.select_item("M-1")
    uses = editor.form.uses
    uses.table.setCurrentCell(0, 0)
    assert uses.occasional.isEnabled() and uses.occasional.currentData() is True
    choose(qtbot, uses.table.cellWidget(0, 2), "within")
    assert not uses.occasional.isEnabled()
    assert "目的外利用ではない" in uses.occasional_note.text()
    assert window.doc.plan.measures[0].uses[0].occasional is True  # kept
    choose(qtbot, uses.table.cellWidget(0, 2), "out_of_purpose")
    assert uses.occasional.isEnabled() and uses.occasional.currentData() is True
    assert "69条2項" in uses.occasional_note.text()
