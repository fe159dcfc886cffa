"""点検 at 1366×768 with the graph open: every finding readable without sideways scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from planner.files.paths import sample_plan_path
from planner.files.planfile import load_plan
from planner.ui.main_window import CHECK_STEP
from planner.ui.problems_panel import COL_FIX, COL_MESSAGE, COL_REFERENCE
from tests.ui.helpers import open_window, replace_plan


def _check_page(qtbot, width, height):
    window = open_window(qtbot)
    replace_plan(qtbot, window, load_plan(sample_plan_path()))
    window.resize(width, height)
    window.graph_dock.show()
    window.go_to_step(CHECK_STEP)
    qtbot.wait(20)
    return window, window.pages[CHECK_STEP].panel


@pytest.mark.parametrize("width, height", [(1366, 728), (1280, 680)])
def test_the_findings_table_needs_no_sideways_scrolling(qtbot, width, height):
    _window, panel = _check_page(qtbot, width, height)
    table = panel.table
    assert table.model().rowCount() > 0
    assert not table.horizontalScrollBar().isVisible()
    header = table.horizontalHeader()
    shown = [c for c in range(header.count()) if not table.isColumnHidden(c)]
    assert sum(header.sectionSize(c) for c in shown) <= table.viewport().width()
    assert header.sectionSize(COL_MESSAGE) >= table.fontMetrics().horizontalAdvance("M") * 12
    # 根拠 and 対処 of the selected finding are read whole in the details pane.
    table.selectRow(0)
    finding = panel.current_finding()
    details = panel.details.toPlainText()
    assert finding.reference("ja") in details and finding.fix("ja") in details
    # Hovering the 内容 shows the whole finding too.
    tip = table.model().index(0, COL_MESSAGE).data(Qt.ItemDataRole.ToolTipRole)
    assert "対処" in tip and "根拠" in tip


def test_the_header_menu_brings_back_the_reference_and_fix_columns(qtbot):
    _window, panel = _check_page(qtbot, 1366, 728)
    table = panel.table
    assert table.isColumnHidden(COL_REFERENCE) and table.isColumnHidden(COL_FIX)
    actions = table.horizontalHeader().actions()
    assert [a.text() for a in actions] == ["「根拠」の列を表示", "「対処」の列を表示"]
    for action in actions:
        action.trigger()
    qtbot.wait(10)
    assert not table.isColumnHidden(COL_REFERENCE) and not table.isColumnHidden(COL_FIX)
    assert not table.horizontalScrollBar().isVisible()  # they share the width, elided
    actions[1].trigger()
    assert table.isColumnHidden(COL_FIX)
