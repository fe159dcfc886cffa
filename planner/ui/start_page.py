"""The start page: 新しい計画 / テンプレートから / 開く / サンプルを見る, and recent files.

Shown when the app starts with no file to open and nothing to recover, so a newcomer
sees where to begin instead of an untitled plan they did not ask for.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.ui import icons
from planner.ui.i18n import translate


class _Button(QPushButton):
    """Enter presses it too (outside a dialog Qt's buttons take only Space)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Return / Enter click the button."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)


class StartPage(QWidget):
    """Four ways in and the recent files; emits what the user chose."""

    new_requested = Signal()
    template_requested = Signal()
    open_requested = Signal()
    sample_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        heading = QLabel(translate("ui", "官民データ活用推進計画 作成支援"))
        heading.setObjectName("startHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(translate(
            "ui", "地域課題から施策・データ・KPIまでを順に入力すると、計画の抜け漏れや個人情報・"
            "オープンデータの決まりに照らした問題点を点検し、計画書（Word）を出力します。"))
        intro.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        specs = [
            ("new", icons.new(), translate("ui", "新しい計画(&N)"),
             translate("ui", "空の計画から始めます。"), self.new_requested),
            ("template", icons.new(), translate("ui", "テンプレートから(&T)"),
             translate("ui", "各章の書き方の手引き入りのひな形から始めます。"),
             self.template_requested),
            ("open", icons.open_(), translate("ui", "開く(&O)…"),
             translate("ui", "保存してある計画ファイル（.yaml）を開きます。"), self.open_requested),
            ("sample", icons.open_(), translate("ui", "サンプルを見る(&S)"),
             translate("ui", "架空の「みどり野市」の計画を読み取り専用で開きます。"),
             self.sample_requested),
        ]
        for row, (name, icon, text, hint, signal) in enumerate(specs):
            button = _Button(icon, text)
            button.setObjectName(f"start_{name}")
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance("M") * 14)
            button.clicked.connect(signal.emit)
            explanation = QLabel(hint)
            explanation.setWordWrap(True)
            grid.addWidget(button, row, 0)
            grid.addWidget(explanation, row, 1)
            self.buttons[name] = button
        grid.setColumnStretch(1, 1)
        recent_label = QLabel(translate("ui", "最近使ったファイル(&R)"))
        self.recent = QListWidget()
        self.recent.setObjectName("startRecent")
        self.recent.setAccessibleName(translate("ui", "最近使ったファイル"))
        recent_label.setBuddy(self.recent)
        self.recent.itemActivated.connect(
            lambda item: self.recent_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.no_recent = QLabel(translate("ui", "（まだありません）"))
        column = QVBoxLayout(self)
        em = self.fontMetrics().horizontalAdvance("M")
        column.setContentsMargins(em * 3, em * 2, em * 3, em * 2)
        column.addWidget(heading)
        column.addWidget(intro)
        column.addSpacing(em)
        column.addLayout(grid)
        column.addSpacing(em)
        column.addWidget(recent_label)
        column.addWidget(self.no_recent)
        column.addWidget(self.recent)
        # Everything at the top, as read: the walkthrough found the items spread over the
        # whole height with wide gaps between them when there were no recent files.
        column.addStretch(1)
        self.recent.setMaximumHeight(self.recent.fontMetrics().lineSpacing() * 10)

    def set_recent(self, paths: list[str]) -> None:
        """Show ``paths`` (newest first): the file name, the folder as tooltip; names that
        occur twice also show their folder (two 「prefecture-plan.yaml」 rows looked alike)."""
        self.recent.clear()
        names = [Path(path).name for path in paths]
        for path, name in zip(paths, names, strict=True):
            shown = f"{name}  —  {Path(path).parent}" if names.count(name) > 1 else name
            item = QListWidgetItem(shown)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.no_recent.setVisible(not paths)
        if paths:
            self.recent.setCurrentRow(0)
