"""Screen readers (NVDA, Narrator) see Qt widgets through UI Automation by their accessible
names: every input on every step has one, and the whole plan can be made by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QHeaderView, QWidget

from planner.files.paths import sample_plan_path
from planner.files.planfile import load_plan
from planner.ui.editors.form_builder import INPUT_TYPES
from tests.ui.helpers import open_window, replace_plan


def _name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def _inner(widget: QWidget) -> bool:
    """A part of another input (a spin box's line edit, a combo's list, a table's headers
    and corner button): named by it."""
    if isinstance(widget, QHeaderView) or widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox)):
            return True
        parent = parent.parentWidget()
    return False


def _unnamed(window, step: int) -> list[str]:
    window.go_to_step(step)
    page = window.pages[step]
    return [f"{type(widget).__name__} {widget.objectName()} {widget.toolTip()[:30]}"
            for widget in page.findChildren(QWidget)
            if (isinstance(widget, INPUT_TYPES) and widget.isVisibleTo(window)
                and not _inner(widget) and not _name(widget))]


def test_every_input_of_every_step_has_an_accessible_name(qtbot):
    window = open_window(qtbot)
    replace_plan(qtbot, window, load_plan(sample_plan_path()))
    # Select a measure with data uses, so the table's cells are there too.
    measures = window.pages[2].editor
    measures.select_item(next(m.id for m in window.doc.plan.measures if m.uses))
    missing = {step: _unnamed(window, step) for step in range(len(window.pages))}
    missing = {step: names for step, names in missing.items() if names}
    assert not missing, "\n".join(f"{s}: {n}" for s, n in missing.items())


def _key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """One key, to whichever widget has the keyboard focus (as a keyboard user types)."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the focus"
    qtbot.keyClick(target, key, modifier)


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def _add(qtbot, step_key, title: str) -> None:
    _key(qtbot, step_key, Qt.KeyboardModifier.ControlModifier)   # Ctrl+2 … Ctrl+5
    _key(qtbot, Qt.Key.Key_N, CTRL_SHIFT)                          # 追加
    _type(qtbot, title)                                            # over the selected title
    _key(qtbot, Qt.Key.Key_Tab)


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def test_an_empty_plan_to_an_exported_document_by_keyboard_alone(qtbot, tmp_path):
    window = open_window(qtbot)
    window.show_start_page()
    _key(qtbot, Qt.Key.Key_Return)                 # 新しい計画 has the focus
    assert window.views.currentIndex() == 0
    _key(qtbot, Qt.Key.Key_T, ALT)                 # 計画の名称(&T)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type(qtbot, "Keyboard plan")
    _add(qtbot, Qt.Key.Key_2, "Issue one")
    _add(qtbot, Qt.Key.Key_3, "Measure one")
    _key(qtbot, Qt.Key.Key_I, ALT)                 # 課題(&I): tick the issue
    _key(qtbot, Qt.Key.Key_Down)
    _key(qtbot, Qt.Key.Key_Space)
    _add(qtbot, Qt.Key.Key_4, "Data one")
    _add(qtbot, Qt.Key.Key_5, "KPI one")
    _key(qtbot, Qt.Key.Key_M, ALT)                 # 施策(&M): tick the measure
    _key(qtbot, Qt.Key.Key_Down)
    _key(qtbot, Qt.Key.Key_Space)
    plan = window.doc.plan
    assert plan.plan.title == "Keyboard plan"
    assert [i.title for i in plan.issues] == ["Issue one"]
    assert plan.measures[0].addresses == [plan.issues[0].id]
    assert plan.kpis[0].measures == [plan.measures[0].id]
    _key(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)   # 計画書を出力
    dialog = window.export_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=10000)
    out = tmp_path / "keyboard.docx"
    # What a window manager does for a new dialog (the offscreen platform has none).
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_S, ALT)  # 保存先(&S)
    assert dialog.focusWidget() is dialog.path_edit
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.path_edit, str(out))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        qtbot.keyClick(dialog.path_edit, Qt.Key.Key_E, ALT)  # 出力(&E)
    assert out.is_file() and out.stat().st_size > 5000
    dialog.close()
