"""Undo commands: each a few lines that call PlanDocument mutators, nothing else.

A removal that would leave dangling links (a KPI naming a removed measure) is one
command whose children first unlink, then remove; undo replays them backwards, so
the plan comes back exactly (orange-canvas-core ``document/commands.py``).
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.plan.graph import EdgeKind
from planner.plan.model import ItemKind, Kpi, Measure, Pillar
from planner.ui import fieldpath
from planner.ui.document import PLAN, Item, PlanDocument, kind_of
from planner.ui.i18n import fill, translate

#: QUndoCommand.id() of field edits, so consecutive edits of one field merge.
SET_FIELD_ID = 1001
# A pause longer than this (seconds) between keystrokes starts a new undo step.
BURST_SECONDS = 1.5
# Typing one of these after a word starts a new undo step (word by word, as in Word).
_BOUNDARIES = frozenset(" \t\n\u3000。、，．,.;:!?！？「」（）()")


def _now() -> float:
    """The clock typing bursts are measured with (tests replace it)."""
    return time.monotonic()


def typed_char(old: Any, new: Any) -> str | None:
    """The character a keystroke typed (over a selection too) or deleted between two
    texts; None for anything bigger (a paste, an IME conversion committed) or non-text."""
    a, b = old or "", new or ""
    if not (isinstance(a, str) and isinstance(b, str)) or a == b:
        return None
    head = next((n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                min(len(a), len(b)))
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    deleted, inserted = a[head:len(a) - tail], b[head:len(b) - tail]
    if len(inserted) == 1:
        return inserted
    return deleted if not inserted and len(deleted) == 1 else None




def say(command: QUndoCommand, text: Callable[[], str]) -> None:
    """Name ``command`` (in the Edit menu) by ``text``, kept so that a change of UI
    language can name it again (``retranslate_history``)."""
    command.retext = text  # type: ignore[attr-defined]
    command.setText(text())


def retranslate_history(stack: QUndoStack,
                        label_of: Callable[[str, str], str | None]) -> None:
    """Name every step of ``stack`` again in the current UI language; ``label_of(kind,
    path)`` gives a field's label as the (rebuilt) forms now show it."""
    for n in range(stack.count()):
        command = stack.command(n)
        if isinstance(command, SetField):
            command.label = label_of(command.kind, command.path) or command.label
        retext = getattr(command, "retext", None)
        if retext is not None:
            command.setText(retext())


class SetField(QUndoCommand):
    """Set one field of an item (or of the plan's facts) to a new value."""

    def __init__(self, doc: PlanDocument, kind: str, target: Any, path: str, value: Any,
                 merge: bool = True, parent: QUndoCommand | None = None,
                 label: str | None = None) -> None:
        super().__init__(parent)
        self.doc, self.kind, self.target, self.path = doc, kind, target, path
        self.old = copy.deepcopy(fieldpath.get_value(target, path))
        self.new = copy.deepcopy(value)
        self.merge = merge
        self.serial = doc.merge_serial()
        # A burst of typing: when it last grew, and the last character typed (None when
        # the edit was more than one character: a paste never merges with typing).
        self.last_time = _now()
        self.last_char = typed_char(self.old, self.new)
        # The field's label as the form shows it (「根拠」), never the key (evidence).
        self.label = label
        say(self, lambda: fill(translate("ui", "「%1」の変更"), self.label or self.path))
        # An edit that changes nothing is dropped by QUndoStack.push.
        self.setObsolete(self.new == self.old)

    def redo(self) -> None:
        """Apply the new value."""
        self.doc.set_field(self.kind, self.target, self.path, copy.deepcopy(self.new))

    def undo(self) -> None:
        """Restore the old value."""
        self.doc.set_field(self.kind, self.target, self.path, copy.deepcopy(self.old))

    def id(self) -> int:
        """Mergeable field edits share one id."""
        return SET_FIELD_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Fold a later edit of the same field into this one while it continues a burst of
        typing: one character at a time, no long pause, no new word begun.

        Why not the whole run of edits in a field: pasting a paragraph and typing "abc"
        was one step, and Ctrl+Z emptied the field.
        """
        if not (isinstance(other, SetField) and other.target is self.target
                and other.path == self.path and other.serial == self.serial and other.merge):
            return False
        if other.last_time - self.last_time > BURST_SECONDS:
            return False
        if isinstance(self.new, str) or isinstance(other.new, str):
            char = typed_char(self.new, other.new)
            if self.last_char is None or char is None:
                return False
            if char in _BOUNDARIES and self.last_char not in _BOUNDARIES:
                return False
            self.last_char = char
        self.new, self.last_time = other.new, other.last_time
        self.setObsolete(self.new == self.old)
        return True


class InsertItem(QUndoCommand):
    """Insert an item at a row of its list."""

    def __init__(self, doc: PlanDocument, item: Item, row: int,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(parent)
        self.doc, self.item, self.row, self.kind = doc, item, row, kind_of(item)
        title = item.title
        say(self, lambda: fill(translate("ui", "「%1」の追加"), title))


    def redo(self) -> None:
        """Insert."""
        self.doc.insert_item(self.kind, self.row, self.item)

    def undo(self) -> None:
        """Take it out again."""
        self.doc.remove_item(self.kind, self.row)


class RemoveItem(QUndoCommand):
    """Remove one item (its links must already be gone: see ``remove_command``)."""

    def __init__(self, doc: PlanDocument, item: Item, parent: QUndoCommand | None = None) -> None:
        super().__init__(parent)
        self.doc, self.item, self.kind = doc, item, kind_of(item)
        self.row = doc.row_of(item)


    def redo(self) -> None:
        """Remove."""
        self.row = self.doc.row_of(self.item)
        self.doc.remove_item(self.kind, self.row)

    def undo(self) -> None:
        """Put it back where it was."""
        self.doc.insert_item(self.kind, self.row, self.item)


class MoveItem(QUndoCommand):
    """Move an item within its list (reorder)."""

    def __init__(self, doc: PlanDocument, item: Item, new_row: int,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(parent)
        self.doc, self.kind = doc, kind_of(item)
        self.old, self.new = doc.row_of(item), new_row
        title = item.title
        say(self, lambda: fill(translate("ui", "「%1」の並べ替え"), title))


    def redo(self) -> None:
        """Move down/up."""
        self.doc.move_item(self.kind, self.old, self.new)

    def undo(self) -> None:
        """Move back."""
        self.doc.move_item(self.kind, self.new, self.old)


@dataclass(frozen=True)
class Effect:
    """One link a removal takes away: which item, which field, its value afterwards."""

    kind: str
    item: Item
    path: str
    value: Any
    description: str


def cascade_effects(doc: PlanDocument, item: Item) -> list[Effect]:
    """The links that go when ``item`` is removed, each as a field change on another item:
    the items that refer to it (its in-edges in the document's PlanGraph)."""
    graph, gone = doc.graph, item.id
    effects: list[Effect] = []
    kind = kind_of(item)
    if kind == ItemKind.ISSUE:
        holders = graph.referrers(gone, EdgeKind.ADDRESSES)
        for m in (h for h in holders if isinstance(h, Measure)):
            effects.append(Effect(ItemKind.MEASURE, m, "addresses",
                                  [x for x in m.addresses if x != gone],
                                  fill(translate("ui", "施策「%1」の対応する課題から外れます"), m.title)))
        for p in (h for h in holders if isinstance(h, Pillar)):  # 施策体系 (schema v2)
            effects.append(Effect(ItemKind.PILLAR, p, "addresses",
                                  [x for x in p.addresses if x != gone],
                                  fill(translate("ui", "施策体系「%1」の対応する課題から外れます"), p.title)))
    elif kind == ItemKind.MEASURE:
        for k in (h for h in graph.referrers(gone, EdgeKind.EVALUATES) if isinstance(h, Kpi)):
            effects.append(Effect(ItemKind.KPI, k, "measures", [x for x in k.measures if x != gone],
                                  fill(translate("ui", "KPI「%1」の評価対象から外れます"), k.title)))
    elif kind == ItemKind.DATA:
        for m in (h for h in graph.referrers(gone, EdgeKind.USES) if isinstance(h, Measure)):
            effects.append(Effect(ItemKind.MEASURE, m, "uses", [u for u in m.uses if u.data != gone],
                                  fill(translate("ui", "施策「%1」のデータ利用が削除されます"), m.title)))
        for k in (h for h in graph.referrers(gone, EdgeKind.MEASURED_FROM) if isinstance(h, Kpi)):
            effects.append(Effect(ItemKind.KPI, k, "source", None,
                                  fill(translate("ui", "KPI「%1」の出典データが空になります"), k.title)))
    return effects


class Composite(QUndoCommand):
    """Several commands as one undo step, undone in reverse order.

    Why not Qt's parent/child commands: PySide may collect the Python side of a child
    command that only its C++ parent references, and Qt would then call a dead override.
    """

    def __init__(self, text: str | Callable[[], str], children: list[QUndoCommand]) -> None:
        super().__init__()
        say(self, text if callable(text) else lambda: text)
        self.children_ = children

    def redo(self) -> None:
        """Redo every child in order."""
        for child in self.children_:
            child.redo()

    def undo(self) -> None:
        """Undo every child in reverse order."""
        for child in reversed(self.children_):
            child.undo()


def remove_command(doc: PlanDocument, item: Item) -> QUndoCommand:
    """One undo step removing ``item`` and every link to it."""
    children: list[QUndoCommand] = [
        SetField(doc, e.kind, e.item, e.path, e.value, merge=False)
        for e in cascade_effects(doc, item)
    ]
    children.append(RemoveItem(doc, item))
    title = item.title
    return Composite(lambda: fill(translate("ui", "「%1」の削除"), title), children)


def new_item(doc: PlanDocument, kind: str, title: str) -> Item:
    """A fresh item of ``kind`` with a new id (not yet in the plan)."""
    return ItemKind(kind).cls(id=doc.new_id(kind), title=title)


def add_command(doc: PlanDocument, kind: str, title: str, row: int | None = None) -> InsertItem:
    """Add a new item at ``row`` (default: the end)."""
    item = new_item(doc, kind, title)
    return InsertItem(doc, item, len(doc.items(kind)) if row is None else row)


def duplicate_command(doc: PlanDocument, item: Item) -> InsertItem:
    """A copy of ``item`` with a new id, right after it; links from others are not copied."""
    twin = copy.deepcopy(item)
    twin.id = doc.new_id(kind_of(item))
    twin.title = fill(translate("ui", "%1（コピー）"), item.title)
    cmd = InsertItem(doc, twin, doc.row_of(item) + 1)
    title = item.title
    say(cmd, lambda: fill(translate("ui", "「%1」の複製"), title))
    return cmd


def set_plan_field(doc: PlanDocument, path: str, value: Any, merge: bool = True) -> SetField:
    """A field edit of the plan's own facts (title, period…)."""
    return SetField(doc, PLAN, doc.plan.plan, path, value, merge=merge)


def set_item_field(doc: PlanDocument, item: Item, path: str, value: Any,
                   merge: bool = True) -> SetField:
    """A field edit of an issue, measure, data source or KPI."""
    return SetField(doc, kind_of(item), item, path, value, merge=merge)
