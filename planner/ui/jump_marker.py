"""The mark a jump leaves: the field framed for a moment, the finding's text beside it.

Why: after a jump from 点検 the focused combo had almost no highlight, often sat at the
bottom of the view, and the finding was no longer on screen to say what to change.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QScrollArea, QWidget

from planner.ui.app import application

#: How long the frame stays (ms); the note stays until the focus leaves the field.
FRAME_MS = 2500
NOTE_MS = 15000


class JumpMarker(QObject):
    """Frames one widget of ``window`` and shows a note under (or over) it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.frame = QFrame(window)
        self.frame.setObjectName("jumpFrame")
        self.frame.setStyleSheet("#jumpFrame { border: 3px solid #E8A400; border-radius: 4px;"
                                 " background: rgba(255, 213, 79, 40); }")
        self.frame.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.note = QLabel(window)
        self.note.setObjectName("jumpNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setStyleSheet("#jumpNote { background: #FFF4CE; color: #3B2E00;"
                                " border: 1px solid #E5C365; border-radius: 4px; padding: 6px; }")
        self.note.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.frame.hide()
        self.note.hide()
        self.target: QWidget | None = None
        self._frame_timer = _single_shot(self, FRAME_MS, self.frame.hide)
        self._note_timer = _single_shot(self, NOTE_MS, self.clear)
        application().focusChanged.connect(self._on_focus_changed)
        self._area: QScrollArea | None = None

    def show_at(self, widget: QWidget, text: str) -> None:
        """Frame ``widget`` and put ``text`` beside it (after layouts have settled)."""
        self.clear()
        self.target = widget
        self.note.setText(text)
        area = _scroll_area(widget)
        if area is not None:  # scrolling moves the field away from the mark: drop it
            area.verticalScrollBar().valueChanged.connect(self.clear)
            self._area = area
        application().installEventFilter(self)
        QTimer.singleShot(0, self._place)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A click anywhere but the marked field takes the mark away: a tool button such as
        例文を挿入 does not take the focus, and the note stayed over the next chapter's text
        the click had just filled."""
        if event.type() == QEvent.Type.MouseButtonPress and self.target is not None and \
                isinstance(watched, QWidget) and isinstance(event, QMouseEvent):
            # the widget clicked, not a parent the press propagated to
            pressed = QApplication.widgetAt(event.globalPosition().toPoint()) or watched
            if pressed is not self.target and not self.target.isAncestorOf(pressed):
                self.clear()
        return False

    def clear(self, *_args: object) -> None:
        """Take the mark away."""
        self.frame.hide()
        self.note.hide()
        self.target = None
        app = QApplication.instance()
        if app is not None:  # also called while the app shuts down
            app.removeEventFilter(self)
        if self._area is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # already gone
                self._area.verticalScrollBar().valueChanged.disconnect(self.clear)
            self._area = None

    def _place(self) -> None:
        widget = self.target
        if widget is None or not widget.isVisible():
            return
        rect = QRect(widget.mapTo(self.window, QPoint(0, 0)), widget.size()).adjusted(-4, -4, 4, 4)
        self.frame.setGeometry(rect)
        em = self.note.fontMetrics().horizontalAdvance("M")
        width = min(max(rect.width(), em * 26), em * 44, self.window.width() - 8)
        self.note.setFixedWidth(width)
        self.note.adjustSize()
        below = rect.bottom() + 4
        y = below if below + self.note.height() < self.window.height() - 30 else \
            rect.top() - 4 - self.note.height()
        x = max(4, min(rect.left(), self.window.width() - width - 4))
        self.note.move(x, max(4, y))
        for shown in (self.frame, self.note):
            shown.raise_()
            shown.show()
        self._frame_timer.start()
        self._note_timer.start()

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        target = self.target
        if target is None or new is None:
            return
        if new is not target and not target.isAncestorOf(new):
            self.clear()


def _single_shot(parent: QObject, msecs: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(msecs)
    timer.timeout.connect(slot)
    return timer


def _scroll_area(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def centre_in_view(widget: QWidget) -> None:
    """Scroll the form around ``widget`` so that it sits in the middle of the view."""
    area = _scroll_area(widget)
    inner = area.widget() if area is not None else None
    if area is None or inner is None:
        return
    layout = inner.layout()
    if layout is not None:
        layout.activate()  # a form just filled may not be laid out yet
    middle = widget.mapTo(inner, QPoint(0, widget.height() // 2)).y()
    area.verticalScrollBar().setValue(middle - area.viewport().height() // 2)
    area.ensureWidgetVisible(widget, 10, 10)
