"""Field widgets bound to a form: the right control for every kind of field.

Text → line or multi-line edit (edits merge into one undo step per typing run); codes →
combo boxes with Japanese labels and the explanation below; fiscal years → 和暦 spin
boxes; numbers → spin boxes; sets of codes → check boxes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.plan import vocab, wareki
from planner.ui.editors.binding import Binding, BoundForm
from planner.ui.editors.context_menu import use_plan_undo
from planner.ui.editors.fyspin import FiscalYearSpinBox, plan_era
from planner.ui.i18n import lang, translate


def explanation(text: str = "") -> QLabel:
    """A small grey, wrapping label that says what a choice means."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("explanation")
    label.setStyleSheet("color: palette(placeholder-text);")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _none_if_blank(text: str) -> str | None:
    return text if text.strip() else None


def line_edit(form: BoundForm, path: str, placeholder: str = "",
              parse: Callable[[str], Any] = _none_if_blank,
              show: Callable[[Any], str] = lambda v: "" if v is None else str(v)) -> QLineEdit:
    """One line of text; every keystroke updates the plan, one undo step per typing run."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    def shown(value: Any) -> None:
        # Why: reloading after the user's own edit must not reformat what they are typing
        # (a trailing "、" in tags, "1." in a number).
        if parse(edit.text()) != value:
            _set_text(edit, show(value))

    binding = Binding(form, path, edit, shown)
    edit.textEdited.connect(lambda text: binding.commit(parse(text), merge=True))
    edit.editingFinished.connect(binding.seal)
    use_plan_undo(edit, form.doc)
    form.add_binding(binding)
    return edit


def _set_text(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:  # keep the cursor where it is while the user types
        edit.setText(text)


class PlainText(QPlainTextEdit):
    """A multi-line edit where Tab moves on (keyboard users) and leaving ends the undo run."""

    def __init__(self, lines: int = 4) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)  # one history: the plan's (Ctrl+Z anywhere)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * lines + 12)
        self.setMaximumHeight(self.fontMetrics().lineSpacing() * (lines + 4) + 12)
        self.on_focus_out: Callable[[], None] = lambda: None

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Seal the typing run."""
        self.on_focus_out()
        super().focusOutEvent(event)


def text_edit(form: BoundForm, path: str, placeholder: str = "", lines: int = 4) -> PlainText:
    """Several lines of prose."""
    edit = PlainText(lines)
    edit.setPlaceholderText(placeholder)

    def show(value: Any) -> None:
        text = value or ""
        if edit.toPlainText() != text:
            edit.setPlainText(text)

    binding = Binding(form, path, edit, show)
    edit.textChanged.connect(lambda: binding.commit(_none_if_blank(edit.toPlainText()), True))
    edit.on_focus_out = binding.seal
    use_plan_undo(edit, form.doc)
    form.add_binding(binding)
    return edit


def add_terms(combo: QComboBox, vocab_kind: str) -> None:
    """Offer every code of ``vocab_kind``: its label shown, the code as data, its meaning as
    the item's tooltip."""
    for term in vocab.terms(vocab_kind):
        combo.addItem(term.label(lang()), term.code)
        combo.setItemData(combo.count() - 1, term.label(lang(), "help"), Qt.ItemDataRole.ToolTipRole)


class CodeCombo(QWidget):
    """A code list as a combo box of labels, with the chosen code's explanation below."""

    def __init__(self, vocab_kind: str, unset_label: str | None = None) -> None:
        super().__init__()
        self.combo = QComboBox()
        self.help = explanation()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.combo)
        layout.addWidget(self.help)
        self.combo.addItem(unset_label or translate("ui", "（未選択）"), None)
        add_terms(self.combo, vocab_kind)
        self.combo.currentIndexChanged.connect(self._show_help)
        self.setFocusProxy(self.combo)
        self._show_help()

    def code(self) -> str | None:
        """The chosen code, or None."""
        return self.combo.currentData()

    def set_code(self, code: Any) -> None:
        """Select ``code`` (None: unset)."""
        index = self.combo.findData(None if code is None else str(code))
        self.combo.setCurrentIndex(max(index, 0))
        self._show_help()

    def _show_help(self) -> None:
        # Never hide the line: fields below would jump as soon as something is chosen.
        tip = self.combo.currentData(Qt.ItemDataRole.ToolTipRole) or translate(
            "ui", "選ぶと、その意味がここに表示されます。")
        self.help.setText(tip)


def code_combo(form: BoundForm, path: str, vocab_kind: str, enum: type | None = None,
               unset_label: str | None = None) -> CodeCombo:
    """A code field (category, flow, licence…) with labels and explanations."""
    widget = CodeCombo(vocab_kind, unset_label)
    binding = Binding(form, path, widget, widget.set_code)

    def chosen(_index: int) -> None:
        code = widget.code()
        binding.commit(enum(code) if enum and code is not None else code)

    widget.combo.activated.connect(chosen)
    form.add_binding(binding)
    return widget


def fy_spin(form: BoundForm, path: str) -> FiscalYearSpinBox:
    """A fiscal year shown with its 和暦, in the era of the plan's document."""
    spin = FiscalYearSpinBox()

    def show(value: Any) -> None:
        spin.set_era(plan_era(form.doc))
        spin.set_year(value)

    binding = Binding(form, path, spin, show)
    binding.follows_era = True
    spin.valueChanged.connect(lambda _v: binding.commit(spin.year(), merge=True))
    spin.editingFinished.connect(binding.seal)
    use_plan_undo(spin, form.doc)
    form.add_binding(binding)
    return spin


def int_spin(form: BoundForm, path: str, maximum: int = 10**9, suffix: str = "") -> QSpinBox:
    """A whole number; the lowest position means "not set"."""
    spin = QSpinBox()
    spin.setRange(-1, maximum)
    spin.setSpecialValueText(translate("ui", "（未設定）"))
    spin.setSuffix(suffix)
    binding = Binding(form, path, spin, lambda v: spin.setValue(-1 if v is None else int(v)))
    spin.valueChanged.connect(
        lambda v: binding.commit(None if v < 0 else v, merge=True))
    spin.editingFinished.connect(binding.seal)
    use_plan_undo(spin, form.doc)
    form.add_binding(binding)
    return spin


def choice_combo(form: BoundForm, path: str, choices: list[tuple[str, Any]]) -> QComboBox:
    """A small fixed choice (quantitative: 定量/定性), first entry usually "not set"."""
    combo = QComboBox()
    for label, value in choices:
        combo.addItem(label, value)

    def show(value: Any) -> None:
        index = next((i for i, (_l, v) in enumerate(choices) if v == value and
                      type(v) is type(value)), 0)
        combo.setCurrentIndex(index)

    binding = Binding(form, path, combo, show)
    combo.activated.connect(lambda i: binding.commit(choices[i][1]))
    form.add_binding(binding)
    return combo


def check_set(form: BoundForm, path: str, vocab_kind: str, enum: type,
              columns: int = 2) -> QWidget:
    """A set of codes as check boxes with labels and tooltips (安全管理措置, 重点分野)."""
    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    checks: list[tuple[QCheckBox, Any]] = []
    for n, term in enumerate(vocab.terms(vocab_kind)):
        check = QCheckBox(term.label(lang()))
        check.setToolTip(term.label(lang(), "help"))
        grid.addWidget(check, n // columns, n % columns)
        checks.append((check, enum(term.code)))

    def show(values: Any) -> None:
        for check, code in checks:
            check.setChecked(code in (values or []))

    binding = Binding(form, path, box, show)
    for check, _code in checks:
        check.toggled.connect(
            lambda _on: binding.commit([c for chk, c in checks if chk.isChecked()]))
    if checks:
        box.setFocusProxy(checks[0][0])
    form.add_binding(binding)
    return box


def date_edit(form: BoundForm, path: str) -> QWidget:
    """An optional date (策定日): a check box to set it, a calendar, and the 和暦 beside."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    enabled = QCheckBox(translate("ui", "設定する"))
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    era = explanation()
    row.addWidget(enabled)
    row.addWidget(edit)
    row.addWidget(era, 1)

    def show(value: Any) -> None:
        date = QDate.fromString(value or "", "yyyy-MM-dd")
        enabled.setChecked(date.isValid())
        edit.setEnabled(date.isValid())
        # Unset: the calendar waits on today, not on Qt's 2000-01-01, for when it is set.
        edit.setDate(date if date.isValid() else QDate.currentDate())
        era.setText(wareki.date(value, lang()) if date.isValid() else "")

    def changed() -> None:
        binding.commit(edit.date().toString("yyyy-MM-dd") if enabled.isChecked() else None)

    binding = Binding(form, path, box, show)
    enabled.toggled.connect(lambda _on: changed())
    edit.dateChanged.connect(lambda _d: changed())
    use_plan_undo(edit, form.doc)
    box.setFocusProxy(enabled)
    form.add_binding(binding)
    return box
