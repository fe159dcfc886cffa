"""The mouse wheel scrolls the form; it never changes a field the cursor is not in.

Why: Qt's spin boxes and combo boxes take wheel turns whenever the pointer is over
them. Scrolling a long form (施策, データ) with the wheel then silently changes a fiscal
year or a choice the pointer passes over (終了年度 2028 → 1998 in the walkthrough).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget


class WheelGuard(QObject):
    """Application-wide filter: a wheel turn over an unfocused choice scrolls its parent."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Pass wheel turns over unfocused spin boxes and combo boxes on to the parent."""
        kind = event.type()
        if kind not in (QEvent.Type.Wheel, QEvent.Type.Polish):
            return False
        if not isinstance(obj, (QAbstractSpinBox, QComboBox)):
            return False
        if kind == QEvent.Type.Polish:
            _no_wheel_focus(obj)
            return False
        if obj.hasFocus():
            return False
        if isinstance(event, QWheelEvent):  # (a Wheel event is one)
            _offer_to_parents(obj, event)
        event.accept()  # handled here: Qt must not offer it to the parents a second time
        return True


def _no_wheel_focus(widget: QWidget) -> None:
    """Click or Tab focuses ``widget``, a wheel turn does not.

    Why: with Qt's default (WheelFocus) the turn itself focuses the field first, so the
    guard would see a focused field and let the turn change it.
    """
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def _offer_to_parents(widget: QWidget, event: QWheelEvent) -> None:
    """Offer the turn to each parent in turn until one uses it (a scroll area that moves).

    Done here rather than by Qt's own propagation, which synthesized events skip.
    """
    pos = event.position()
    parent = widget.parentWidget()
    while not widget.isWindow() and parent is not None:
        pos = widget.mapToParent(pos)
        widget = parent
        parent = widget.parentWidget()
        copy = QWheelEvent(pos, event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                           event.buttons(), event.modifiers(), event.phase(), event.inverted(),
                           event.source())
        QApplication.sendEvent(widget, copy)
        if copy.isAccepted():
            return


def install(app: QApplication) -> WheelGuard:
    """Install the guard once for the whole application; returns it."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
    # Widgets already polished (built before the guard) never send Polish again.
    for widget in app.allWidgets():
        if isinstance(widget, (QAbstractSpinBox, QComboBox)):
            _no_wheel_focus(widget)
    return guard
