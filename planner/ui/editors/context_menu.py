"""Right-click menus of bound text fields with the plan's Undo/Redo, not the widget's own.

Why: QLineEdit's own undo changes its text without emitting ``textEdited``, so the field
would show something the plan does not hold. Every bound field's menu therefore offers the
document's undo stack instead (the same history as Ctrl+Z and the Edit menu).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QMenu, QPlainTextEdit, QWidget

from planner.ui.i18n import translate

if TYPE_CHECKING:
    from planner.ui.document import PlanDocument

#: objectName Qt gives the undo/redo actions of its standard text context menus.
_WIDGET_UNDO, _WIDGET_REDO = "edit-undo", "edit-redo"


def plan_context_menu(widget: QWidget, doc: PlanDocument, pos: QPoint | None = None) -> QMenu:
    """The standard edit menu of ``widget`` with its Undo/Redo swapped for the plan's."""
    if isinstance(widget, QPlainTextEdit):
        menu = widget.createStandardContextMenu(pos or QPoint())
    elif isinstance(widget, QAbstractSpinBox):
        menu = widget.lineEdit().createStandardContextMenu()
    elif isinstance(widget, QLineEdit):
        menu = widget.createStandardContextMenu()
    else:
        raise TypeError(f"no standard edit menu for a {type(widget).__name__}")
    stack = doc.undo_stack
    for action in list(menu.actions()):
        if action.objectName() == _WIDGET_UNDO:
            _swap(menu, action, translate("ui", "元に戻す"), QKeySequence.StandardKey.Undo,
                  stack.canUndo(), doc.undo)
        elif action.objectName() == _WIDGET_REDO:
            _swap(menu, action, translate("ui", "やり直し"), QKeySequence("Ctrl+Y"),
                  stack.canRedo(), doc.redo)
    return menu


def _swap(menu: QMenu, old: QAction, text: str, keys: QKeySequence | QKeySequence.StandardKey,
          enabled: bool, slot: Callable[[], None]) -> None:
    new = QAction(text, menu)
    new.setObjectName("plan-" + old.objectName())
    new.setShortcut(QKeySequence(keys))
    new.setEnabled(enabled)
    new.triggered.connect(lambda _checked=False: slot())
    menu.insertAction(old, new)
    menu.removeAction(old)


def use_plan_undo(widget: QWidget, doc: PlanDocument) -> None:
    """Give ``widget`` (line edit, plain text or spin box) the plan-undo context menu."""
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show(pos: QPoint) -> None:
        menu = plan_context_menu(widget, doc, pos)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        target = widget.viewport() if isinstance(widget, QPlainTextEdit) else widget
        menu.popup(target.mapToGlobal(pos))

    widget.customContextMenuRequested.connect(show)
