"""Small dialogs of the app's own (a choice from a list), sized for their text.

Why not ``QInputDialog.getItem``: it sizes itself to its combo box, so a dialog titled
「テンプレートから新規作成」 came up about 200 px wide with its title cut off.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from planner.ui.i18n import translate


class ListChoiceDialog(QDialog):
    """Choose one entry of ``titles``; double-click or Enter accepts."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str,
                 titles: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(prompt)
        self.list = QListWidget()
        self.list.addItems(titles)
        self.list.setCurrentRow(0)
        self.list.setAccessibleName(prompt.rstrip("：:"))
        for row, text in enumerate(titles):
            self.list.item(row).setToolTip(text)
        label.setBuddy(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("ui", "OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("ui", "キャンセル"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        em = metrics.horizontalAdvance("M")
        # Wide enough for the title (plus the title bar's buttons) and every entry.
        width = max([metrics.horizontalAdvance(title) + em * 12,
                     *(metrics.horizontalAdvance(t) + em * 4 for t in titles), em * 30])
        rows = min(max(len(titles), 3), 10)
        self.resize(width, metrics.lineSpacing() * (rows + 2) + em * 8)
        self.setMinimumWidth(min(width, em * 60))
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen(self) -> int | None:
        """The row chosen, or None."""
        row = self.list.currentRow()
        return row if row >= 0 else None


def choose_from_list(parent: QWidget | None, title: str, prompt: str,
                     titles: list[str]) -> int | None:
    """Ask for one of ``titles``; its index, or None when cancelled."""
    dialog = ListChoiceDialog(parent, title, prompt, titles)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
