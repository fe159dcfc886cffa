"""Step 7 出力: write the plan document (.docx) and the check report."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from planner.ui import icons
from planner.ui.i18n import translate
from planner.ui.pages.base import StepPage


def title() -> str:
    """Navigator label."""
    return translate("ui", "出力")


def build(number: int, window) -> StepPage:
    """A short explanation and the button that opens the export dialog."""
    body = QWidget()
    col = QVBoxLayout(body)
    col.setContentsMargins(0, 6, 0, 0)  # aligned with the heading and instruction above
    text = QLabel(translate("ui", 
        "計画書（Word形式 .docx）を作ります。テンプレート（市町村用・都道府県用など）を選び、"
        "点検結果を別表3として付けるかどうかを決めます。出力したファイルはWordで仕上げられます。"))
    text.setWordWrap(True)
    button = QPushButton(icons.export(), translate("ui", "計画書を出力(&X)…"))
    button.setObjectName("exportButton")
    button.clicked.connect(window.export_document)
    summary = QLabel()
    summary.setWordWrap(True)
    col.addWidget(text)
    col.addWidget(summary)
    col.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)  # a button, not a page-wide bar
    col.addStretch(1)
    page = StepPage(number, title(), translate("ui", 
        "点検でエラーがないことを確かめてから、計画書を出力します。"), body)
    page.summary, page.button = summary, button
    return page
