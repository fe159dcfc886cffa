"""Text from a file goes into Qt as plain text (docs/security.md T4).

Qt guesses whether a string is rich text (``Qt.mightBeRichText``) for message boxes,
labels and tooltips: a plan title, an id, a lock holder's name or an error quoting a file
that starts with a tag would be shown as HTML, with links and colours someone else chose.
Message boxes and labels that can carry such text are set to plain text; tooltips, which
have no format setting, are given as escaped rich text when Qt would guess "rich".
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMessageBox


def plain_box(box: QMessageBox) -> QMessageBox:
    """Show ``box``'s text and informative text literally."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    for name in ("qt_msgbox_label", "qt_msgbox_informativelabel"):
        label = box.findChild(QLabel, name)
        if label is not None:
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setOpenExternalLinks(False)  # and nothing to click, whatever the text
    return box


def plain_label(label: QLabel) -> QLabel:
    """Show ``label``'s text literally."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_tip(text: str | None) -> str:
    """``text`` for a tooltip, shown literally even if it looks like HTML."""
    if not text:
        return ""
    if not GuiQt.mightBeRichText(text) and "<" not in text:
        return text
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"
