"""Scrolling a form with the wheel never changes the fields the pointer passes over."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from planner.files.paths import sample_plan_path
from tests.ui.helpers import open_window, step_page


def _wheel(widget, notches: int = -3) -> None:
    """Turn the wheel over the middle of ``widget`` (negative: towards the user, down)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_an_unfocused_year_scrolls_the_form_instead(qtbot):
    window = open_window(qtbot)
    window.files.open_path(sample_plan_path(), ask=False)
    editor = step_page(window, 2).editor
    measure = editor.current_item()
    end = editor.form.binding("schedule.end_fy").widget
    before = measure.schedule.end_fy
    window.pages[2].editor.filter.setFocus()
    bar = editor.form_area.verticalScrollBar()
    assert bar.value() == 0 and bar.maximum() > 0
    _wheel(end)
    assert measure.schedule.end_fy == before
    assert bar.value() > 0  # the page scrolled instead
    combo = editor.form.uses.table.cellWidget(0, 1)
    flow = measure.uses[0].flow
    _wheel(combo)
    assert measure.uses[0].flow == flow


def test_the_wheel_still_changes_the_field_being_edited(qtbot):
    window = open_window(qtbot)
    window.files.open_path(sample_plan_path(), ask=False)
    editor = step_page(window, 2).editor
    end = editor.form.binding("schedule.end_fy").widget
    before = editor.current_item().schedule.end_fy
    end.setFocus()
    _wheel(end, 1)
    assert editor.current_item().schedule.end_fy != before


def test_no_field_takes_the_focus_from_a_wheel_turn(qtbot):
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

    window = open_window(qtbot)
    window.files.open_path(sample_plan_path(), ask=False)
    for step in range(5):
        step_page(window, step)
    qtbot.wait(10)
    fields = window.findChildren(QAbstractSpinBox) + window.findChildren(QComboBox)
    assert len(fields) > 30
    wheel_focus = [f for f in fields if f.focusPolicy() == Qt.FocusPolicy.WheelFocus]
    assert not wheel_focus, [type(f).__name__ for f in wheel_focus]
