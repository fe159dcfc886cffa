"""Driving the main window as a user would: steps, list buttons, typing into fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from planner.ui.main_window import MainWindow
from planner.ui.prompts import ScriptedPrompts


def open_window(qtbot, prompts: ScriptedPrompts | None = None) -> MainWindow:
    """A shown main window at 1366×768 with scripted prompts."""
    window = MainWindow(prompts=prompts or ScriptedPrompts())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitExposed(window):
        window.show()
    _activate(qtbot, window)
    return window


def _activate(qtbot, window: MainWindow) -> None:
    """Make ``window`` the active one, as clicking on it would (shortcuts need that)."""
    if not window.isActiveWindow():
        with qtbot.waitActive(window):
            window.activateWindow()


def ime_type(widget, text: str) -> None:
    """Type Japanese as Microsoft IME delivers it: a preedit, then the committed string.

    (QTest.keyClicks only knows ASCII keys; real Japanese input arrives this way.)
    """
    QApplication.sendEvent(widget, QInputMethodEvent(text, []))  # 変換中 (preedit)
    commit = QInputMethodEvent()
    commit.setCommitString(text)
    QApplication.sendEvent(widget, commit)


def type_into(qtbot, widget: QLineEdit, text: str) -> None:
    """Select all, type ``text`` (ASCII as keys, Japanese via the IME), then press Tab."""
    widget.setFocus()
    widget.selectAll()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        ime_type(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def choose(qtbot, combo: QComboBox, code) -> None:
    """Pick the entry whose data is ``code`` the way a user does (activated signal)."""
    index = combo.findData(code)
    assert index >= 0, code
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def step_page(window: MainWindow, n: int):
    """Click step ``n`` (0-based) in the navigator and return its page."""
    window.navigator.setCurrentRow(n)
    return window.pages[n]


def add_item(qtbot, window: MainWindow, step: int, title: str):
    """Go to an entity step, click 追加, type the title; returns the editor."""
    editor = step_page(window, step).editor
    qtbot.mouseClick(editor.tool_buttons["add"], Qt.MouseButton.LeftButton)
    type_into(qtbot, editor.form.binding("title").widget, title)
    return editor


def press(qtbot, window: MainWindow, widget, key: Qt.Key,
          modifier=Qt.KeyboardModifier.ControlModifier) -> None:
    """Press a shortcut with the focus in ``widget`` of the (re-activated) window."""
    _activate(qtbot, window)
    widget.setFocus()
    qtbot.keyClick(widget, key, modifier)


def replace_plan(qtbot, window: MainWindow, plan) -> None:
    """Put ``plan`` in ``window`` and wait for *its* check (the checker's own signal).

    Why not wait on ``window.findings``: right after a replace it may still hold (or be
    refilled by) a check of the previous plan; only ``findings_ready`` after the replace
    is about this one.
    """
    with qtbot.waitSignal(window.checks.findings_ready, timeout=10000):
        window.doc.replace(plan)


def wrapped_lines(label) -> list[str]:
    """The lines a word-wrapping rich-text QLabel shows at its current width (word
    joiners and no-break spaces read as nothing and plain spaces)."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setHtml(label.text())
    document.setDocumentMargin(0)
    document.setTextWidth(label.contentsRect().width())
    document.size()  # lays the text out
    lines, block = [], document.begin()
    while block.isValid():
        layout = block.layout()
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            text = block.text()[line.textStart():line.textStart() + line.textLength()]
            lines.append(text.replace("\u2060", "").replace("\u00a0", " "))
        block = block.next()
    return lines


def broken_legend_entries(window, entries: list[str]) -> list[str]:
    """The graph legend's entries that no single line shows whole."""
    from PySide6.QtWidgets import QLabel

    lines = wrapped_lines(window.graph.findChild(QLabel, "graph_legend"))
    return [entry for entry in entries if not any(entry in line for line in lines)]
