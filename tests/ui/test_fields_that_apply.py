"""Fields that do not apply are disabled with a reason, come back, and lose nothing."""

from __future__ import annotations

from planner.plan.model import Category, DataSource, OpenData, Plan, PlanInfo
from planner.ui.editors.fields import CodeCombo
from tests.ui.helpers import choose, open_window, replace_plan, step_page


def _data_form(qtbot, source: DataSource):
    window = open_window(qtbot)
    replace_plan(qtbot, window, Plan(plan=PlanInfo(title="t"), data_sources=[source]))
    editor = step_page(window, 3).editor
    editor.select_item(source.id)
    return window, editor.form


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
