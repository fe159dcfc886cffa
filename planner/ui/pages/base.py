"""A step page: the step's name, one sentence on what to do, then its editor.

Each step's page is a subclass that names what it exposes to the window as typed
attributes (``form``, ``editor``, ``panel`` …); ``planner.ui.steps`` lists the steps.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStyle, QVBoxLayout, QWidget

from planner.ui.editors.binding import BoundForm
from planner.ui.editors.entity_editor import EntityEditor
from planner.ui.i18n import fill, translate

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


class StepPage(QWidget):
    """Heading (with the way on to the next step) + instruction line above the editor."""

    def __init__(self, number: int, title: str, instruction: str, body: QWidget) -> None:
        super().__init__()
        self.title, self.body = title, body
        heading = QLabel(f"{number}. {title}")
        heading.setObjectName("stepHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        heading.setFont(font)
        # Why: a newcomer at the end of a step must see where to go next without
        # guessing that the numbered list on the left is the way on.
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextStep")
        self.next_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        self.next_button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # icon after text
        self.next_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.next_button.hide()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.next_button)
        self.instruction = QLabel(instruction)
        self.instruction.setObjectName("stepInstruction")
        self.instruction.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 4)
        layout.addLayout(top)
        layout.addWidget(self.instruction)
        layout.addWidget(body, 1)

    def set_next(self, number: int, title: str, go: Callable[[], None]) -> None:
        """Offer a 「次へ」 button that goes to step ``number`` (``title``)."""
        self.next_button.setText(fill(translate("ui", "次へ：%1. %2"), str(number), title))
        self.next_button.setToolTip(fill(translate("ui", "次のステップ（Ctrl+%1）"), str(number)))
        self.next_button.clicked.connect(go)
        self.next_button.show()

    def first_field(self) -> QWidget:
        """Where the cursor goes on entering the step."""
        return self


class ListPage(StepPage):
    """A step that lists one kind of item, with the selected one's form beside the list."""

    editor: EntityEditor

    def __init__(self, number: int, title: str, instruction: str, editor: EntityEditor,
                 body: QWidget | None = None) -> None:
        super().__init__(number, title, instruction, body or editor)
        self.editor = editor
        # 「地域課題の一覧」 for screen readers
        editor.view.setAccessibleName(fill(translate("ui", "%1の一覧"), title))

    def first_field(self) -> QWidget:
        """The list."""
        return self.editor.view


def list_page(kind: str, form: Callable[..., BoundForm], new_item: Callable[[], str],
              instruction: Callable[[], str]) -> type[ListPage]:
    """The page class of a step that lists ``kind`` beside its ``form`` and nothing more
    (地域課題, データ, KPI), built as ``Step.page`` builds a page: ``(number, title, window)``.

    ``new_item`` titles an added item; the words are asked for when the page is built, in
    the UI language of the moment.
    """

    class Page(ListPage):
        def __init__(self, number: int, title: str, window: MainWindow) -> None:
            editor = EntityEditor(window.doc, kind, form(window.doc), new_item(), window.prompts)
            super().__init__(number, title, instruction(), editor)

    Page.__name__ = Page.__qualname__ = f"ListPage[{kind}]"
    return Page
