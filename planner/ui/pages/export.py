"""Step 7 出力: write the plan document (.docx) and the check report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from planner.checks.readiness import readiness_line
from planner.ui import icons
from planner.ui.i18n import lang, translate
from planner.ui.pages.base import StepPage

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


class ExportPage(StepPage):
    """A short explanation, the readiness summary and the button that opens the export dialog."""

    summary: QLabel
    button: QPushButton

    def __init__(self, number: int, title: str, window: MainWindow) -> None:
        body = QWidget()
        col = QVBoxLayout(body)
        col.setContentsMargins(0, 6, 0, 0)  # aligned with the heading and instruction above
        text = QLabel(translate("ui",
            "計画書（Word形式 .docx 又は PDF）を作ります。テンプレート（市町村用・都道府県用など）を選び、"
            "点検結果を別表3として付けるかどうかを決めます。エラーや【未記入】が残っている間は、"
            "表紙とヘッダーに「（案）」が付きます。"))
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
        super().__init__(number, title, translate("ui",
            "点検でエラーと未記入がないことを確かめてから、計画書を出力します。"), body)
        self.summary, self.button = summary, button

    def first_field(self) -> QWidget:
        """The export button."""
        return self.button


def summary_text(findings: list) -> str:
    """Whether the plan is ready, in words (not ready while errors or unwritten parts remain),
    mentioning the warnings too."""
    return readiness_line(findings, lang())
