"""Every §2.4 key through the app: open a plan holding them all, edit one field of each kind
through the widgets, save, reload with the core loader; every key survives with the edits."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from planner.files.planfile import load_plan, loads_plan
from planner.plan import model as m
from planner.ui.commands import set_plan_field
from tests.test_schema_v2 import EVERY_V2_KEY
from tests.ui.helpers import choose, open_window, step_page, type_into


def _tick(qtbot, check) -> None:
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(6, check.height() // 2))


def _open_every_v2_key(qtbot, tmp_path):
    """A window on a saved plan holding every §2.4 key: (window, its file, the plan as loaded)."""
    path = tmp_path / "plan.yaml"
    path.write_text(EVERY_V2_KEY, encoding="utf-8")
    window = open_window(qtbot)
    assert window.files.open_path(path)
    return window, path, loads_plan(EVERY_V2_KEY)


def test_the_app_keeps_every_v2_key_through_open_edit_undo_and_save(qtbot, tmp_path):
    """Keys no form shows must be carried unchanged through an edit, undo, redo and save."""
    window, path, expected = _open_every_v2_key(qtbot, tmp_path)
    window.doc.undo_stack.push(set_plan_field(window.doc, "title", "改訂版", merge=False))
    window.doc.undo_stack.undo()
    window.doc.undo_stack.redo()
    assert window.files.save()
    again = load_plan(path)
    assert again.plan.title == "改訂版"
    again.plan.title = expected.plan.title
    assert again == expected
    window.close()


def test_every_v2_key_round_trips_through_the_forms_with_edits(qtbot, tmp_path):
    window, path, expected = _open_every_v2_key(qtbot, tmp_path)

    # 基本情報: a text field, a month-only date, a list cell and a list choice
    form = step_page(window, 0).form
    type_into(qtbot, form.binding("department").widget, "somubu")
    expected.plan.department = "somubu"
    date = form.binding("adopted_on").widget
    assert date.precision.currentData() == "month"
    choose(qtbot, date.precision, "day")
    expected.plan.adopted_on = "2019-03-01"
    form.binding("glossary").widget.table.item(0, 1).setText("再利用できる公開データ")
    expected.plan.glossary[0].definition = "再利用できる公開データ"
    choose(qtbot, form.binding("related_plans").widget.table.cellWidget(2, 1), m.Relation.PARENT)
    expected.plan.related_plans[2].relation = m.Relation.PARENT
    form.binding("history").widget.table.item(1, 0).setText("2026-03-27")
    expected.plan.history[1].date = "2026-03-27"
    choose(qtbot, form.binding("extra_sections").widget.table.cellWidget(0, 1),
           m.OutlineId.PURPOSE)
    expected.plan.extra_sections[0].after = m.OutlineId.PURPOSE

    # 施策: a pillar renamed in the tree's form, a new pillar, cooperating, occasional
    page = step_page(window, 2)
    page.show_pillars()
    page.pillars.select("pillar", "P-1-1")
    type_into(qtbot, page.pillars.form.binding("title").widget, "idou")
    expected.pillars[1].title = "idou"
    page.pillars.select("pillar", "P-1")
    qtbot.mouseClick(page.pillars.buttons["add_child"], Qt.MouseButton.LeftButton)
    expected.pillars.append(m.Pillar("P-1-2", "新しい施策体系", parent="P-1"))
    page.pillars.tree.drop_at(page.pillars.item_for("measure", "M-1"),
                              page.pillars.item_for("pillar", "P-1-2"))
    expected.measures[0].pillar = "P-1-2"
    page.editor.select_item("M-1")
    assert page.editor.form.binding("pillar").widget.currentData() == "P-1-2"
    page.editor.form.binding("cooperating").widget.table.item(1, 0).setText("福祉政策課")
    expected.measures[0].cooperating[1] = "福祉政策課"
    uses = page.editor.form.uses
    uses.table.setCurrentCell(0, 0)
    assert uses.occasional.currentData() is True
    choose(qtbot, uses.occasional, False)
    expected.measures[0].uses[0].occasional = False

    # データ: the standard datasets and the catalogue's count
    data = step_page(window, 3).editor
    data.select_item("D-4")
    box = data.form.binding("open_data.standard_datasets").widget
    checks = {c.text()[:2]: c for c in box.findChildren(type(date.enabled))}
    assert checks["01"].isChecked() and checks["05"].isChecked()
    _tick(qtbot, checks["03"])
    expected.data_sources[3].open_data.standard_datasets = ["01", "03", "05"]
    data.form.binding("open_data.dataset_count").widget.setValue(531)
    expected.data_sources[3].open_data.dataset_count = 531

    # KPI: direction, cumulative, estimate, a milestone cell, the deferred target's words
    kpis = step_page(window, 4).editor
    kpis.select_item("K-1")
    kform = kpis.form
    assert kform.binding("baseline.estimated").widget.isChecked()
    choose(qtbot, kform.binding("direction").widget, m.Direction.DECREASE)
    expected.kpis[0].direction = m.Direction.DECREASE
    _tick(qtbot, kform.binding("cumulative").widget)
    expected.kpis[0].cumulative = True
    _tick(qtbot, kform.binding("target.estimated").widget)
    expected.kpis[0].target.estimated = True
    kform.binding("milestones").widget.table.item(1, 1).setText("1800")
    expected.kpis[0].milestones[1].value = 1800
    type_into(qtbot, kform.binding("unit").widget, "nin")
    expected.kpis[0].unit = "nin"
    kpis.select_item("K-2")
    type_into(qtbot, kform.binding("target.text").widget, "R10")
    expected.kpis[1].target.text = "R10"

    assert window.files.save()
    again = load_plan(path)
    assert again == expected
    text = path.read_text(encoding="utf-8")
    for key in ("department:", "contact:", "related_plans:", "history:", "glossary:",
                "extra_sections:", "pillars:", "pillar:", "cooperating:", "occasional:",
                "standard_datasets:", "dataset_count:", "unit:", "direction:", "cumulative:",
                "estimated:", "milestones:", "text:"):
        assert key in text, key
    window.close()
