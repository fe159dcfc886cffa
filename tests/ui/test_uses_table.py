"""The data-use table at 1366×768: every choice reads whole, nothing is pushed off screen."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from planner.files.paths import sample_plan_path
from planner.plan import vocab
from planner.render.context import ContextBuilder
from planner.ui import i18n
from tests.ui.helpers import open_window, step_page, type_into


def _uses(qtbot):
    window = open_window(qtbot)
    window.files.open_path(sample_plan_path(), ask=False)
    editor = step_page(window, 2).editor
    measure = next(m for m in window.doc.plan.measures if len(m.uses) > 1)
    editor.select_item(measure.id)
    qtbot.waitUntil(lambda: editor.form.uses.table.rowCount() == len(measure.uses))
    return window, editor.form.uses


def test_every_choice_fits_its_cell_unclipped(qtbot):
    _window, uses = _uses(qtbot)
    table = uses.table
    combo = table.cellWidget(0, 1)
    metrics = combo.fontMetrics()
    for col, kind in enumerate(("flow", "purpose", "legal_basis"), start=1):
        cell = table.cellWidget(0, col)
        for term in vocab.terms(kind):
            cell.setCurrentIndex(cell.findData(term.code))
            # The arrow and frame take about two "M"s; the label must fit beside them.
            room = table.columnWidth(col) - metrics.horizontalAdvance("M") * 2
            assert metrics.horizontalAdvance(cell.shown_text()) <= room, (kind, term.code)
            # One name per choice: the list says what the cell says; the vocabulary's
            # full label and meaning are in the tooltip.
            assert cell.currentText() == cell.shown_text()
            assert term.label("ja") in cell.toolTip()
    widths = sum(table.columnWidth(c) for c in range(table.columnCount() - 1))
    rationale = table.viewport().width() - widths
    assert rationale >= metrics.horizontalAdvance("M") * 12, rationale


def test_the_rationale_reads_in_full_below_the_table(qtbot):
    _window, uses = _uses(qtbot)
    long = "利用登録時に利用目的を明示して取得し、運行計画の見直しに用いる。" * 3
    rationale = uses.table.cellWidget(1, 4)
    type_into(qtbot, rationale, long)
    uses.table.cellWidget(1, 0).setFocus()
    assert uses.table.currentRow() == 1
    assert long in uses.explain.text()
    assert rationale.width() < rationale.fontMetrics().horizontalAdvance(long)  # cell clips


def test_a_data_title_too_long_for_its_cell_shows_whole_in_the_tooltip(qtbot):
    _window, uses = _uses(qtbot)
    data = uses.table.cellWidget(0, 0)
    assert data.shown_text() == data.currentText() == data.toolTip()
    assert data.currentText() in [d.title for d in _window.doc.plan.data_sources]


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_app_and_the_document_name_every_flow_and_purpose_alike(qtbot, qapp, language):
    """One vocabulary entry per code: the data-use table's list and the document's data-use
    table print the same label, and the cell its short form (they once drifted apart:
    「民間への提供（共同利用を含む）」 in the app, 「民間事業者等への提供」 in the document)."""
    i18n.install(qapp, language)
    try:
        window, uses = _uses(qtbot)
        measure = next(m for m in window.doc.plan.measures if len(m.uses) > 1)
        document = ContextBuilder(window.doc.plan, language)
        for col, kind in ((1, "flow"), (2, "purpose")):
            cell = uses.table.cellWidget(0, col)
            for term in vocab.terms(kind):
                cell.setCurrentIndex(cell.findData(term.code))
                listed = cell.itemData(cell.currentIndex(), Qt.ItemDataRole.ToolTipRole)
                printed = document.use(dataclasses.replace(measure.uses[0], **{kind: term.code}))
                assert listed.split("\n")[0] == printed[kind] == term.label(language)
                assert cell.shown_text() == term.label(language, "short")
                assert term.label(language, "phrase") in printed["how"]
    finally:
        i18n.install(qapp, "ja")
