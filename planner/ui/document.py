"""PlanDocument: the open plan, its undo stack, its file, and the signals views follow.

Widgets never change the plan directly: they push commands (``commands.py``), and the
commands call the mutators here, which emit a signal per change. Views listen to these
signals only, so undo and redo can never leave a view stale (orange-canvas-core's rule).
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import pickle
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from planner.plan.graph import PlanGraph
from planner.plan.model import DataSource, Issue, ItemKind, Kpi, Measure, Pillar, Plan
from planner.ui import fieldpath

#: The pseudo-kind of the plan's own facts (``plan:`` in the file).
PLAN = "plan"

Item = Issue | Measure | DataSource | Kpi | Pillar


def kind_of(item: Any) -> ItemKind:
    """The kind of an item, which is also its list key (``measures`` for a Measure)."""
    kind = ItemKind.of(item)
    if kind is None:
        raise KeyError(f"not a plan item: {type(item).__name__}")
    return kind


def connect_while(owner: QObject, signal: Any, slot: Any) -> None:
    """Connect ``slot`` (a lambda, or a method of a non-Qt object) to ``signal`` for as
    long as ``owner`` lives.

    Why: Qt disconnects a slot when its QObject goes, but a lambda has no QObject; once
    the window rebuilds its pages (a change of language) the document's signals would
    call into deleted widgets.
    """
    connection = signal.connect(slot)

    def drop(*_args: object) -> None:
        # When the window closes the document may go first, taking the connection with
        # it; PySide then warns instead of raising.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(connection)

    owner.destroyed.connect(drop)


class PlanDocument(QObject):
    """The Plan being edited, with a QUndoStack, a file path and change signals."""

    #: kind, item id, row — after an item was inserted.
    item_added = Signal(str, str, int)
    #: kind, item id, row — after an item was removed.
    item_removed = Signal(str, str, int)
    #: kind, item id, old row, new row — after an item moved.
    item_moved = Signal(str, str, int, int)
    #: kind (``plan`` for the plan's facts), item id ('' for the plan), field path.
    item_changed = Signal(str, str, str)
    #: the whole plan was replaced (new or opened file).
    plan_replaced = Signal()
    #: the file path changed (Save As, Open).
    path_changed = Signal()
    #: any change at all, for views that simply redraw (graph, checks).
    changed = Signal()
    #: modified flag flipped (not undo_stack.isClean()).
    modified_changed = Signal(bool)
    #: after an undo or redo: kind, item id ('' for the plan), field path ('' for a whole
    #: item), and whether the item is gone — so the window can show what changed.
    stepped = Signal(str, str, str, bool)

    def __init__(self, plan: Plan | None = None, path: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan = plan if plan is not None else Plan()
        self.path: Path | None = Path(path) if path else None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._merge_serial = 0
        self._trail: list[tuple[str, str, str, bool]] | None = None  # changes of one undo
        self._graph: PlanGraph | None = None  # built on first use after each change
        # Copy-on-write snapshots (``snapshot``): id(object) → (object, its frozen copy),
        # and the ids of objects edited since their copy was made.
        self._frozen: dict[int, tuple[Any, Any]] = {}
        self._edited: set[int] = set()

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    # -- state ---------------------------------------------------------------------
    def is_modified(self) -> bool:
        """True when there are edits not yet saved."""
        return not self.undo_stack.isClean()

    def mark_saved(self, path: Path | None = None) -> None:
        """Record that the plan was written (to ``path`` if given): clean undo state."""
        if path is not None and Path(path) != self.path:
            self.path = Path(path)
            self.path_changed.emit()
        self.undo_stack.setClean()

    def replace(self, plan: Plan, path: Path | None = None) -> None:
        """Start over with another plan (New, Open): clears the undo history."""
        self.undo_stack.clear()
        self.plan = plan
        self._frozen.clear()
        self._edited.clear()
        self.path = Path(path) if path else None
        self.undo_stack.setClean()
        self.plan_replaced.emit()
        self.path_changed.emit()
        self.modified_changed.emit(False)
        self.changed.emit()

    @property
    def graph(self) -> PlanGraph:
        """The plan's PlanGraph, built once per change and shared by whoever reads the
        plan's relations (graph view, checks, undo cascade); every mutator drops it."""
        if self._graph is None or self._graph.plan is not self.plan:
            self._graph = PlanGraph(self.plan)
        return self._graph

    def display_name(self) -> str:
        """The file name, or '' for a plan never saved."""
        return self.path.name if self.path else ""

    # -- merging of consecutive text edits ---------------------------------------------
    def merge_serial(self) -> int:
        """Edits with the same serial to the same field merge into one undo step."""
        return self._merge_serial

    def seal(self) -> None:
        """End the current run of merging edits (an editor lost focus or was committed)."""
        self._merge_serial += 1

    # -- undo and redo that show what they change -------------------------------------
    def undo(self) -> None:
        """Undo one step, then say where it changed the plan (``stepped``)."""
        self._step(self.undo_stack.canUndo(), self.undo_stack.undo)

    def redo(self) -> None:
        """Redo one step, then say where it changed the plan (``stepped``)."""
        self._step(self.undo_stack.canRedo(), self.undo_stack.redo)

    def _step(self, possible: bool, action: Callable[[], None]) -> None:
        if not possible:
            return
        self.seal()  # typing after an undo starts a new step, never joins an older one
        self._trail = []
        try:
            action()
            trail = self._trail
        finally:
            self._trail = None
        # A removal's undo re-inserts the item and then its links: the item is the news.
        spot = next((t for t in trail if not t[2]), trail[0] if trail else None)
        if spot is not None:
            self.stepped.emit(*spot)

    def _record(self, kind: str, item_id: str, path: str, gone: bool = False) -> None:
        self._graph = None  # every mutator records its change, before any signal
        if self._trail is not None:
            self._trail.append((kind, item_id, path, gone))

    # -- reading --------------------------------------------------------------------
    def snapshot(self, plan: Plan | None = None) -> Plan:
        """A copy of the plan that no later edit changes, for a check on another thread
        (``plan``, if given, must be this document's: the CheckRunner's ``freeze``).

        Copy on write: items not edited since the previous snapshot are shared with it
        (nothing ever writes a frozen copy), so a keystroke costs one item's copy, not
        the whole plan's (a 4x prefecture plan: 20 ms pickled, 90 ms deep-copied).
        """
        if plan is not None and plan is not self.plan:
            return copy.deepcopy(plan)  # not ours: no record of its edits
        plan = self.plan
        frozen, edited = self._frozen, self._edited
        names = [f.name for f in dataclasses.fields(plan)
                 if isinstance(getattr(plan, f.name), list)]
        objects = [plan.plan, *(item for name in names for item in getattr(plan, name))]
        stale = [obj for obj in objects
                 if id(obj) in edited or frozen.get(id(obj), (None, None))[0] is not obj]
        # One pickle round trip for all that need copying: the first snapshot copies the
        # whole plan, about five times faster than copy.deepcopy does.
        fresh = pickle.loads(pickle.dumps(stale, protocol=pickle.HIGHEST_PROTOCOL))  # noqa: S301
        used = {id(obj): (obj, twin) for obj, twin in zip(stale, fresh, strict=True)}
        for obj in objects:
            if id(obj) not in used:
                used[id(obj)] = frozen[id(obj)]
        copies = iter([used[id(obj)][1] for obj in objects])
        info = next(copies)
        lists: dict[str, Any] = {name: [next(copies) for _ in getattr(plan, name)] for name in names}
        self._frozen, self._edited = used, set()  # removed items' copies are let go
        return dataclasses.replace(plan, plan=info, **lists)

    def items(self, kind: str) -> list[Item]:
        """The live list of ``kind`` items (do not mutate: push commands)."""
        return getattr(self.plan, kind)

    def find(self, item_id: str) -> Item | None:
        """The first item with this id, or None."""
        return self.plan.find(item_id)

    def target(self, kind: str, item_id: str) -> Any:
        """The object a field path starts from: the PlanInfo or an item."""
        return self.plan.plan if kind == PLAN else self.find(item_id)

    def row_of(self, item: Item) -> int:
        """The row of ``item`` in its list, by identity; -1 when absent."""
        return next((i for i, x in enumerate(self.items(kind_of(item))) if x is item), -1)

    def new_id(self, kind: str) -> str:
        """An unused id with the kind's usual prefix (M-4 after M-1…M-3)."""
        prefix = ItemKind(kind).prefix + "-"
        used = {item.id for item in self.plan.items()}
        numbers = [int(i[len(prefix):]) for i in used
                   if i.startswith(prefix) and i[len(prefix):].isdigit()]
        n = max(numbers, default=0) + 1
        while f"{prefix}{n}" in used:
            n += 1
        return f"{prefix}{n}"

    # -- mutators (called by commands only) -----------------------------------------------
    def insert_item(self, kind: str, row: int, item: Item) -> None:
        """Insert ``item`` at ``row`` of its list."""
        self.items(kind).insert(row, item)
        self._record(kind, item.id, "")
        self.item_added.emit(kind, item.id, row)
        self.changed.emit()

    def remove_item(self, kind: str, row: int) -> Item:
        """Remove and return the item at ``row``."""
        item = self.items(kind).pop(row)
        self._record(kind, item.id, "", gone=True)
        self.item_removed.emit(kind, item.id, row)
        self.changed.emit()
        return item

    def move_item(self, kind: str, old: int, new: int) -> None:
        """Move the item at ``old`` to ``new``."""
        items = self.items(kind)
        item = items.pop(old)
        items.insert(new, item)
        self._record(kind, item.id, "")
        self.item_moved.emit(kind, item.id, old, new)
        self.changed.emit()

    def set_field(self, kind: str, target: Any, path: str, value: Any) -> None:
        """Set field ``path`` of ``target`` (an item or the PlanInfo)."""
        fieldpath.set_value(target, path, value)
        self._edited.add(id(target))
        self._record(kind, "" if kind == PLAN else target.id, path)
        self.item_changed.emit(kind, "" if kind == PLAN else target.id, path)
        self.changed.emit()
