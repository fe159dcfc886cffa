"""A step page: the step's name, one sentence on what to do, then its editor."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class StepPage(QWidget):
    """Heading + instruction line above the step's editor."""

    def __init__(self, number: int, title: str, instruction: str, body: QWidget) -> None:
        super().__init__()
        self.title, self.body = title, body
        heading = QLabel(f"{number}. {title}")
        heading.setObjectName("stepHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        heading.setFont(font)
        self.instruction = QLabel(instruction)
        self.instruction.setObjectName("stepInstruction")
        self.instruction.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 4)
        layout.addWidget(heading)
        layout.addWidget(self.instruction)
        layout.addWidget(body, 1)
