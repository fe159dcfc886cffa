"""Binding one widget to one field path of the selected item, both ways.

A form owns bindings; when the user edits, a binding pushes a SetField command; when the
document says a field changed (an edit, undo, redo), the form reloads the bindings of
that field. Widgets therefore never write the plan and never go stale.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from planner.ui import fieldpath
from planner.ui.commands import SetField
from planner.ui.document import PLAN, PlanDocument
from planner.ui.jump_marker import centre_in_view


class Binding:
    """Connects ``widget`` (shown by ``show``) to field ``path`` of the form's target."""

    def __init__(self, form: BoundForm, path: str, widget: QWidget,
                 show: Callable[[Any], None]) -> None:
        self.form, self.path, self.widget, self._show = form, path, widget, show
        self.loading = False
        #: The field's name as the form shows it (undo texts, screen readers); the form
        #: builder fills it from the row's label unless a field factory set it.
        self.label: str | None = None
        #: The widget names fiscal years in the plan's document era (its 策定日's): it
        #: reloads when 策定日 changes, whichever form it is on.
        self.follows_era = False

    def load(self) -> None:
        """Show the target's current value (without echoing it back as an edit)."""
        target = self.form.target
        self.loading = True
        try:
            self._show(fieldpath.get_value(target, self.path) if target is not None else None)
        finally:
            self.loading = False
        self.widget.setEnabled(target is not None)

    def commit(self, value: Any, merge: bool = False) -> None:
        """Push an edit of this field, unless it is the form itself showing a value."""
        target = self.form.target
        if self.loading or target is None:
            return
        if fieldpath.get_value(target, self.path) == value:
            return
        doc = self.form.doc
        doc.undo_stack.push(SetField(doc, self.form.kind, target, self.path, value, merge=merge,
                                     label=self.label))

    def seal(self) -> None:
        """End a typing run, so the next edit of this field is a new undo step."""
        self.form.doc.seal()


@dataclass
class Fold:
    """Fields that do not apply to some items (a qualitative KPI's 単位): while ``applies``
    says no, they are disabled and ``note`` says why in one line. Their values stay in the
    plan, so nothing entered is lost and it comes back when they apply again."""

    paths: tuple[str, ...]
    applies: Callable[[Any], bool]
    reason: Callable[[Any], str]
    note: QLabel | None = None


class BoundForm(QWidget):
    """A form over one target (an item of ``kind``, or the plan's facts for PLAN)."""

    def __init__(self, doc: PlanDocument, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.kind = doc, kind
        self.target: Any = doc.plan.plan if kind == PLAN else None
        self.bindings: list[Binding] = []
        self.folds: list[Fold] = []
        doc.item_changed.connect(self._on_item_changed)
        doc.plan_replaced.connect(self._on_plan_replaced)

    def add_binding(self, binding: Binding) -> Binding:
        """Register a binding (the field factories call this)."""
        self.bindings.append(binding)
        binding.load()
        return binding

    def set_target(self, target: Any) -> None:
        """Show another item (None: nothing selected, every field disabled)."""
        self.target = target
        self.reload()

    def reload(self) -> None:
        """Reload every field from the target."""
        for binding in self.bindings:
            binding.load()
        self.apply_folds()

    def fold(self, fold: Fold) -> Fold:
        """Register fields that apply only to some items (see ``Fold``)."""
        self.folds.append(fold)
        self.apply_folds()
        return fold

    def applies(self, path: str) -> bool:
        """Whether field ``path`` means something for the item shown."""
        if self.target is None:
            return False
        return all(f.applies(self.target) for f in self.folds if path in f.paths)

    def apply_folds(self) -> None:
        """Disable the fields that do not apply and show why; enable the others."""
        for fold in self.folds:
            folded = self.target is not None and not fold.applies(self.target)
            for binding in self.bindings:
                if binding.path in fold.paths:
                    binding.widget.setEnabled(self.applies(binding.path))
            if fold.note is not None:
                fold.note.setText(fold.reason(self.target) if folded else "")
                fold.note.setVisible(folded)

    def binding(self, path: str) -> Binding | None:
        """The binding of field ``path``, else of its nearest bound parent or first child.

        Findings name the exact key (``articles.related[1]``, ``uses[0].legal_basis``,
        ``period``) while a widget may edit a whole record or list, or one part of it.
        """
        for candidate in fieldpath.parents(path):
            found = next((b for b in self.bindings if b.path == candidate), None) or next(
                (b for b in self.bindings if b.path.startswith(candidate + ".")), None)
            if found is not None:
                return found
        return None

    def focus_field(self, path: str) -> QWidget | None:
        """Put the keyboard focus on the widget editing ``path``, scrolled to the middle of
        the view; that widget, or None if none edits ``path``.

        A widget editing a list or record (the data-use table, the articles grid) may
        offer ``focus_part(rest, value)`` to put the cursor on the row or cell meant.
        """
        binding = self.binding(path)
        if binding is None:
            return None
        widget: QWidget = binding.widget
        rest = path[len(binding.path):] if path.startswith(binding.path) else ""
        focus_part = getattr(widget, "focus_part", None)
        if rest and callable(focus_part) and self.target is not None:
            widget = focus_part(rest, fieldpath.get_value(self.target, binding.path)) or widget
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        centre_in_view(widget)
        return widget

    def _on_item_changed(self, kind: str, item_id: str, path: str) -> None:
        if kind == PLAN and path == "adopted_on":
            for b in self.bindings:
                if b.follows_era and b.path != path:
                    b.load()
        if self.target is None or kind != self.kind:
            return
        if kind != PLAN and getattr(self.target, "id", None) != item_id:
            return
        for b in self.bindings:
            if b.path == path or b.path.startswith(path + ".") or path.startswith(b.path + "."):
                b.load()
        self.apply_folds()

    def _on_plan_replaced(self) -> None:
        self.set_target(self.doc.plan.plan if self.kind == PLAN else None)

