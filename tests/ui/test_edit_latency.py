"""A keystroke touches only what it changes (issue 9, edit latency), and every view still
shows the current plan: the graph relabels one box for a title and re-lays out (once, a
moment later, while shown) for a link; the link pickers relabel one entry; the check
reads a copy-on-write snapshot; the problems table is not reset when nothing changed."""

from __future__ import annotations

import copy
import gc

import pytest
from PySide6.QtCore import Qt

from planner.checks.finding import Finding, Severity
from planner.plan.bilingual import Text
from planner.plan.model import Kpi, Measure, Pillar
from planner.ui import graph_view as graph_module
from planner.ui.check_runner import CheckRunner
from planner.ui.commands import add_command, remove_command, set_item_field, set_plan_field
from planner.ui.document import PlanDocument
from planner.ui.graph_view import GraphView
from planner.ui.main_window import settle_heap
from planner.ui.problems_panel import ProblemsPanel
from tests.test_layout import chain_plan
from tests.ui.helpers import open_window, replace_plan, step_page


@pytest.fixture
def followed(qtbot, monkeypatch) -> tuple[PlanDocument, GraphView, list[int]]:
    """A shown GraphView following a document of the chain plan; counts its layouts
    (1) and its walks over the whole plan's links (0)."""
    doc = PlanDocument(chain_plan())
    view = GraphView()
    qtbot.addWidget(view)
    view.resize(1000, 600)
    layouts: list[int] = []

    def counting(name: str, mark: int) -> None:
        real = getattr(graph_module, name)

        def counted(*args, **kwargs):
            layouts.append(mark)
            return real(*args, **kwargs)

        monkeypatch.setattr(graph_module, name, counted)

    counting("layered_layout", 1)
    counting("plan_edges", 0)
    view.follow(doc)
    view.show()
    qtbot.waitExposed(view)
    layouts.clear()
    return doc, view, layouts


def push(doc: PlanDocument, item, path: str, value) -> None:
    doc.undo_stack.push(set_item_field(doc, item, path, value))


def test_a_title_edit_relabels_its_box_without_a_layout(followed, qtbot) -> None:
    doc, view, layouts = followed
    before = view._layout
    push(doc, doc.plan.measures[0], "title", "デマンド交通")
    assert view._nodes["M-1"].content.title == "デマンド交通"
    assert "デマンド交通" in view._nodes["M-1"].toolTip()
    assert not view.is_stale()
    qtbot.wait(graph_module.RELAYOUT_DELAY_MS + 50)
    assert layouts == [] and view._layout is before
    doc.undo()
    assert view._nodes["M-1"].content.title == "交通"


def test_a_field_the_graph_does_not_draw_schedules_nothing(followed, qtbot) -> None:
    doc, view, _layouts = followed
    push(doc, doc.plan.measures[0], "description", "説明")
    assert not view.is_stale()


def test_a_link_edit_relayouts_once_a_moment_later(followed, qtbot) -> None:
    doc, view, layouts = followed
    push(doc, doc.plan.measures[3], "addresses", ["I-3"])
    push(doc, doc.plan.kpis[2], "source", "D-3")
    assert view.is_stale() and ("I-3", "M-4", "addresses") not in view._edges
    qtbot.waitUntil(lambda: not view.is_stale())
    assert layouts == [0, 1]  # two edits, one walk over the links, one layout
    assert ("I-3", "M-4", "addresses") in view._edges
    assert ("D-3", "K-3", "measured_from") in view._edges
    assert view._nodes["I-3"].content.gap == "" and view._nodes["M-4"].content.gap == ""
    doc.undo()
    doc.undo()
    qtbot.waitUntil(lambda: not view.is_stale())
    assert ("I-3", "M-4", "addresses") not in view._edges
    assert view._nodes["I-3"].content.gap != ""


def test_a_flow_or_category_edit_restyles_after_the_timer(followed, qtbot) -> None:
    doc, view, _layouts = followed
    uses = copy.deepcopy(doc.plan.measures[1].uses)
    uses[0].flow = "provide_private"
    push(doc, doc.plan.measures[1], "uses", uses)
    push(doc, doc.plan.data_sources[0], "category", "personal")
    qtbot.waitUntil(lambda: not view.is_stale())
    assert view._edges[("M-2", "D-2", "uses")].edge.flow == "provide_private"
    assert view._nodes["D-1"].content.personal_tag == "個人"


def test_items_added_and_removed_appear_after_the_timer_and_stay_selected(followed,
                                                                          qtbot) -> None:
    doc, view, _layouts = followed
    command = add_command(doc, "measures", "新しい施策")
    doc.undo_stack.push(command)
    view.select(command.item.id)  # as the window does right after 追加
    qtbot.waitUntil(lambda: not view.is_stale())
    assert command.item.id in view._nodes and view.selected() == command.item.id
    doc.undo_stack.push(remove_command(doc, doc.plan.issues[0]))
    qtbot.waitUntil(lambda: not view.is_stale())
    assert "I-1" not in view._nodes and ("I-1", "M-1", "addresses") not in view._edges


def test_a_hidden_graph_draws_structural_edits_when_shown(followed, qtbot) -> None:
    doc, view, layouts = followed
    view.hide()
    push(doc, doc.plan.measures[3], "addresses", ["I-3"])
    qtbot.wait(graph_module.RELAYOUT_DELAY_MS + 50)
    assert layouts == [] and view.is_stale()
    view.show()
    assert not view.is_stale() and ("I-3", "M-4", "addresses") in view._edges


def test_a_replaced_plan_is_drawn_at_once(followed) -> None:
    doc, view, _layouts = followed
    plan = chain_plan()
    plan.issues.append(type(plan.issues[0])("I-9", "新しい課題"))
    doc.replace(plan)
    assert "I-9" in view._nodes and not view.is_stale()


def test_the_window_graph_follows_typing_and_links(qtbot) -> None:
    window = open_window(qtbot)
    replace_plan(qtbot, window, chain_plan())
    window.graph_dock.show()
    window.go_to_item("M-1", "title")
    field = step_page(window, 2).editor.form.binding("title").widget
    layout = window.graph._layout
    field.end(False)
    qtbot.keyClicks(field, "X")
    assert window.graph._nodes["M-1"].content.title == "交通X"
    assert window.graph._layout is layout and not window.graph.is_stale()
    ticks = step_page(window, 2).editor.form.binding("addresses").widget
    row = next(ticks.item(n) for n in range(ticks.count())
               if ticks.item(n).data(Qt.ItemDataRole.UserRole) == "I-3")
    row.setCheckState(Qt.CheckState.Checked)
    assert window.doc.plan.measures[0].addresses == ["I-1", "I-3"]
    qtbot.waitUntil(lambda: ("I-3", "M-1", "addresses") in window.graph._edges)


# --- link pickers ----------------------------------------------------------------------

def _kpi_pickers(window):
    form = step_page(window, 4).editor.form
    return form.binding("measures").widget, form.binding("source").widget


def test_link_pickers_relabel_one_entry_for_a_title_edit(qtbot) -> None:
    window = open_window(qtbot)
    replace_plan(qtbot, window, chain_plan())
    window.go_to_item("K-2")
    measures, source = _kpi_pickers(window)
    marked = measures.item(1)
    marked.setData(Qt.ItemDataRole.UserRole + 7, "same row")
    doc = window.doc
    push(doc, doc.plan.measures[1], "title", "防災情報の公開")
    row = measures.item(1)
    assert row.text() == "防災情報の公開" and "M-2" in row.toolTip()
    assert row.data(Qt.ItemDataRole.UserRole + 7) == "same row"  # relabelled, not rebuilt
    assert row.checkState() == Qt.CheckState.Checked
    push(doc, doc.plan.data_sources[1], "title", "避難所一覧")
    assert source.itemText(source.findData("D-2")) == "避難所一覧"
    assert source.currentText() == "避難所一覧"


def test_link_pickers_rebuild_when_the_list_changes(qtbot) -> None:
    window = open_window(qtbot)
    replace_plan(qtbot, window, chain_plan())
    window.go_to_item("K-2")
    measures, source = _kpi_pickers(window)
    doc = window.doc
    doc.undo_stack.push(add_command(doc, "measures", "追加した施策"))
    assert [measures.item(n).text() for n in range(measures.count())][-1] == "追加した施策"
    doc.undo_stack.push(remove_command(doc, doc.plan.measures[0]))
    assert "交通" not in [measures.item(n).text() for n in range(measures.count())]
    # A repeated id: each row shows its own item's title (rebuilt, not guessed).
    doc.undo_stack.push(add_command(doc, "data_sources", "重複"))
    push(doc, doc.plan.data_sources[-1], "id", "D-2")
    push(doc, doc.plan.data_sources[-1], "title", "重複した避難所")
    texts = [source.itemText(n) for n in range(source.count())]
    assert "避難所" in texts and "重複した避難所" in texts


def test_link_list_ticks_follow_undo_without_a_rebuild(qtbot) -> None:
    window = open_window(qtbot)
    replace_plan(qtbot, window, chain_plan())
    window.go_to_item("K-2")
    measures, _source = _kpi_pickers(window)
    measures.item(0).setData(Qt.ItemDataRole.UserRole + 7, "same row")
    measures.item(0).setCheckState(Qt.CheckState.Checked)
    assert window.doc.plan.kpis[1].measures == ["M-1", "M-2", "M-4"]
    window.doc.undo()
    window.go_to_item("K-2")
    assert measures.item(0).checkState() == Qt.CheckState.Unchecked
    assert measures.item(0).data(Qt.ItemDataRole.UserRole + 7) == "same row"


def test_uses_table_relabels_its_data_choice(qtbot) -> None:
    window = open_window(qtbot)
    replace_plan(qtbot, window, chain_plan())
    window.go_to_item("M-1")
    uses = step_page(window, 2).editor.form.uses
    doc = window.doc
    push(doc, doc.plan.data_sources[0], "title", "運行記録（全便）")
    combo = uses.table.cellWidget(0, 0)
    assert combo.currentText() == "運行記録（全便）"


def test_pillar_tree_relabels_in_place_keeping_numbers(qtbot) -> None:
    window = open_window(qtbot)
    plan = chain_plan()
    plan.pillars = [Pillar("P-1", "移動"), Pillar("P-1-1", "公共交通", parent="P-1")]
    plan.measures[0].pillar = "P-1-1"
    replace_plan(qtbot, window, plan)
    page = step_page(window, 2)
    tree = page.pillars
    measure_item = tree.item_for("measure", "M-1")
    number = measure_item.text(0).split(" ")[0]
    doc = window.doc
    push(doc, doc.plan.measures[0], "title", "オンデマンド交通")
    assert tree.item_for("measure", "M-1") is measure_item
    assert measure_item.text(0) == f"{number} オンデマンド交通"
    pillar_item = tree.item_for("pillar", "P-1-1")
    doc.undo_stack.push(set_item_field(doc, doc.plan.pillars[1], "title", "交通網"))
    assert tree.item_for("pillar", "P-1-1") is pillar_item
    assert pillar_item.text(0) == "1-1 交通網" and pillar_item.toolTip(0) == "1-1 交通網"
    outside = tree.item_for("measure", "M-2")
    push(doc, doc.plan.measures[1], "title", "防災アプリ")
    assert outside.text(0) == "防災アプリ"
    push(doc, doc.plan.measures[1], "pillar", "P-1")  # structural: rebuilt
    assert tree.item_for("measure", "M-2").text(0).endswith("防災アプリ")
    assert tree.item_for("measure", "M-2").parent() is tree.item_for("pillar", "P-1")


# --- the check's snapshot ------------------------------------------------------------------

def test_snapshot_equals_the_plan_and_copies_only_edited_items(qtbot) -> None:
    doc = PlanDocument(chain_plan())
    first = doc.snapshot()
    assert first == doc.plan
    assert all(a is not b for a, b in zip(first.measures, doc.plan.measures, strict=True))
    push(doc, doc.plan.measures[1], "title", "変更")
    doc.undo_stack.push(add_command(doc, "kpis", "新KPI"))
    doc.undo_stack.push(remove_command(doc, doc.plan.data_sources[2]))
    doc.undo_stack.push(set_item_field(doc, doc.plan.kpis[0], "target.value", 10))
    second = doc.snapshot()
    assert second == doc.plan
    assert first.measures[1].title == "防災"  # an earlier snapshot never changes
    assert second.measures[0] is first.measures[0]  # unchanged: shared
    assert second.measures[1] is not first.measures[1]
    assert second.kpis[0] is not first.kpis[0]
    assert second.kpis[-1] is not doc.plan.kpis[-1]
    for _ in range(4):
        doc.undo()
    assert doc.snapshot() == doc.plan == chain_plan()
    doc.undo_stack.push(set_plan_field(doc, "title", "計画名"))
    assert doc.snapshot().plan.title == "計画名"
    other = chain_plan()
    assert doc.snapshot(other) == other and doc.snapshot(other) is not other


def test_check_runner_checks_the_frozen_copy(qtbot) -> None:
    doc = PlanDocument(chain_plan())
    seen = []

    def check(plan):
        seen.append(plan)
        return []

    runner = CheckRunner(threaded=True, check=check, freeze=doc.snapshot)
    with qtbot.waitSignal(runner.findings_ready, timeout=5000):
        runner.run_now(doc.plan)
    assert seen[0] == doc.plan and seen[0] is not doc.plan
    assert all(a is not b for a, b in zip(seen[0].kpis, doc.plan.kpis, strict=True))


# --- problems panel --------------------------------------------------------------------------

def test_problems_table_is_reset_only_when_its_rows_change(qtbot) -> None:
    plan = chain_plan()
    panel = ProblemsPanel()
    qtbot.addWidget(panel)
    found = [Finding("GAP001", Severity.WARNING, ("I-3",), Text("m", "m"), Text("r", "r"),
                     Text("f", "f"))]
    panel.set_findings(found, plan)
    resets = []
    panel.model.modelReset.connect(lambda: resets.append(1))
    panel.set_findings(list(found), plan)
    assert resets == []
    plan.issues[2].title = "改題した課題"
    panel.set_findings(list(found), plan)
    assert resets == [1]
    assert "改題した課題" in panel.model.data(panel.model.index(0, 2))


# --- garbage collector -------------------------------------------------------------------------

def test_settle_heap_freezes_and_lets_an_old_plan_go() -> None:
    try:
        settle_heap(True)
        assert gc.get_freeze_count() > 0
        junk = [Measure("M-x", "x"), Kpi("K-x", "x")]
        junk.append(junk)  # a cycle only the collector can free
        settle_heap(False)
        frozen = gc.get_freeze_count()
        del junk
        settle_heap(True)  # a new plan: everything is looked at again
        assert gc.get_freeze_count() < frozen
    finally:
        gc.unfreeze()


def test_the_window_settles_its_heap_after_opening_and_pauses(qtbot) -> None:
    window = open_window(qtbot)
    window._heap_timer.setInterval(20)
    try:
        replace_plan(qtbot, window, chain_plan())
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0)
        assert not window._heap_everything
        gc.unfreeze()
        push(window.doc, window.doc.plan.measures[0], "title", "再凍結")
        assert window._heap_timer.isActive()
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0)
    finally:
        gc.unfreeze()


def test_refresh_now_draws_a_pending_edit_at_once(followed) -> None:
    doc, view, layouts = followed
    view.refresh_now()  # nothing pending: nothing done
    assert layouts == []
    push(doc, doc.plan.measures[3], "addresses", ["I-3"])
    view.refresh_now()
    assert not view.is_stale() and ("I-3", "M-4", "addresses") in view._edges


def test_with_a_cheap_snapshot_checks_always_run_on_the_worker(qtbot) -> None:
    doc = PlanDocument(chain_plan())
    assert CheckRunner(freeze=doc.snapshot).uses_thread()
    assert not CheckRunner().uses_thread()  # without one, only once checks are slow
    assert not CheckRunner(freeze=doc.snapshot, threaded=False).uses_thread()
