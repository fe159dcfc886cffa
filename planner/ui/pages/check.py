"""Step 6 点検: every finding, with what to fix and where; double-click jumps there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from planner.ui.i18n import translate
from planner.ui.pages.base import StepPage


def title() -> str:
    """Navigator label."""
    return translate("ui", "点検")


class _PanelPlaceholder(QWidget):
    """Stands in until planner.ui.problems_panel exists (built in parallel)."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.label)

    def set_findings(self, findings, plan) -> None:
        """List findings as plain text."""
        self.label.setText("\n".join(f"[{f.severity}] {f.rule} {f.message()}" for f in findings))


def make_panel() -> QWidget:
    """The colleague's ProblemsPanel, or the placeholder while it is missing."""
    try:
        from planner.ui.problems_panel import ProblemsPanel
    except ImportError:
        return _PanelPlaceholder()
    from planner.ui.i18n import lang

    return ProblemsPanel(lang=lang())


def build(number: int, window) -> StepPage:
    """The page around the problems panel; the window feeds it findings."""
    panel = make_panel()
    if hasattr(panel, "finding_activated"):
        panel.finding_activated.connect(window.go_to_item)
    page = StepPage(number, title(), translate("ui", 
        "計画の抜け漏れや、個人情報・オープンデータの決まりに反するおそれを一覧にします。"
        "行をダブルクリックすると、直す項目に移動します。"), panel)
    page.panel = panel
    return page
