"""The 施策体系 (pillars) of step 3: a tree of 基本目標 → 基本施策 → 取組 with their measures.

Pillars are added, renamed, moved (re-parented, at most three levels, never under
themselves), reordered among their siblings and deleted; a measure is put into a pillar
by dragging it onto the pillar (or by the 施策体系 choice in its form). Every change is
one undo step. Numbering (1, 1-2, 1-2-3) is derived from the order, never stored.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QDropEvent, QFont, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.plan.graph import EdgeKind
from planner.plan.model import MAX_PILLAR_DEPTH, Measure, Pillar
from planner.plan.pillars import measure_numbers
from planner.ui import icons
from planner.ui.commands import Composite, InsertItem, MoveItem, RemoveItem, SetField
from planner.ui.document import PlanDocument, connect_while
from planner.ui.editors import fields
from planner.ui.editors.binding import BoundForm
from planner.ui.editors.fields import explanation
from planner.ui.editors.form_builder import FormBuilder
from planner.ui.editors.links import link_list
from planner.ui.editors.master_detail import list_beside_form
from planner.ui.i18n import fill, translate
from planner.ui.prompts import AppPrompts

#: Tree item data: ("pillar" | "measure" | "outside", id).
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
PILLAR, MEASURE, OUTSIDE = "pillar", "measure", "outside"


def pillar_label(doc: PlanDocument, pillar: Pillar) -> str:
    """「1-2 移動の利便性向上」: the derived number, then the title."""
    number = doc.graph.pillars.numbers.get(pillar.id, "")
    return f"{number} {pillar.title}".strip()


def pillar_choices(doc: PlanDocument) -> list[tuple[str, str]]:
    """(label, id) of every pillar in tree order, indented by level, for a measure's combo."""
    tree = doc.graph.pillars
    out: list[tuple[str, str]] = []

    def walk(parent: str | None, depth: int) -> None:
        for pillar in tree.children.get(parent, []):
            out.append(("\u3000" * depth + f"{tree.numbers.get(pillar.id, '')} {pillar.title}",
                        pillar.id))
            if depth < MAX_PILLAR_DEPTH:
                walk(pillar.id, depth + 1)

    walk(None, 0)
    return out


# -- rules ---------------------------------------------------------------------------
def move_problem(doc: PlanDocument, pillar: Pillar, new_parent: str | None) -> str | None:
    """Why ``pillar`` cannot go under ``new_parent`` (None: it can)."""
    if new_parent is None:
        return None
    tree = doc.graph.pillars
    if new_parent == pillar.id or new_parent in {p.id for p in tree.descendants(pillar.id)}:
        return fill(translate("ui", "「%1」を自分自身やその下の施策体系の下には移動できません。"),
                    pillar.title)
    height = 1 + max((tree.level(p.id) - tree.level(pillar.id)
                      for p in tree.descendants(pillar.id)), default=0)
    if tree.level(new_parent) + height > MAX_PILLAR_DEPTH:
        return fill(translate("ui", "施策体系は3階層（基本目標・基本施策・取組）までです。"
                              "「%1」をここに移動すると%2階層目ができます。"),
                    pillar.title, tree.level(new_parent) + height)
    return None


def new_pillar_id(doc: PlanDocument, parent: Pillar | None) -> str:
    """P-3 at the top, P-1-2 under P-1 (an id only; numbering stays derived)."""
    used = {p.id for p in doc.plan.pillars} | {item.id for item in doc.plan.items()}
    prefix = f"{parent.id}-" if parent is not None else "P-"
    n = 1
    while f"{prefix}{n}" in used:
        n += 1
    return f"{prefix}{n}"


def _end_of_subtree(doc: PlanDocument, pillar: Pillar | None) -> int:
    """The row after ``pillar`` and everything under it (the end for None)."""
    pillars = doc.plan.pillars
    if pillar is None:
        return len(pillars)
    ids = {pillar.id, *(p.id for p in doc.graph.pillars.descendants(pillar.id))}
    return max(n for n, p in enumerate(pillars) if p.id in ids) + 1


def add_command(doc: PlanDocument, parent: Pillar | None, title: str) -> InsertItem:
    """A new pillar at the end of ``parent``'s children (None: a new 基本目標)."""
    pillar = Pillar(id=new_pillar_id(doc, parent), title=title,
                    parent=parent.id if parent is not None else None)
    return InsertItem(doc, pillar, _end_of_subtree(doc, parent))


def reparent_command(doc: PlanDocument, pillar: Pillar, new_parent: str | None) -> Composite:
    """Move ``pillar`` (with what is under it) under ``new_parent`` as its last child
    (check ``move_problem`` first). The row moves too, since order among siblings is
    what numbers them."""
    tree = doc.graph.pillars
    moving = {pillar.id, *(p.id for p in tree.descendants(pillar.id))}
    pillars = doc.plan.pillars
    if new_parent is None:
        last = len(pillars) - 1
    else:
        subtree = {new_parent, *(p.id for p in tree.descendants(new_parent))} - moving
        last = max(n for n, p in enumerate(pillars) if p.id in subtree)
    old = doc.row_of(pillar)
    children: list = [SetField(doc, "pillars", pillar, "parent", new_parent, merge=False,
                               label=translate("ui", "上位の施策体系"))]
    new = last if old <= last else last + 1
    if new != old:
        children.append(MoveItem(doc, pillar, new))
    title = pillar.title
    return Composite(lambda: fill(translate("ui", "「%1」の移動"), title), children)


def assign_command(doc: PlanDocument, measure: Measure, pillar_id: str | None) -> SetField:
    """Put ``measure`` into the pillar (None: out of the 施策体系)."""
    return SetField(doc, "measures", measure, "pillar", pillar_id, merge=False,
                    label=translate("ui", "施策体系"))


def delete_command(doc: PlanDocument, pillar: Pillar) -> tuple[Composite, list[str]]:
    """Remove ``pillar`` and the pillars under it; their measures stay, out of the 施策体系.
    Returns the command and what it does to other items, for the confirmation."""
    graph = doc.graph
    gone = [pillar, *graph.pillars.descendants(pillar.id)]
    children: list = []
    effects: list[str] = []
    for measure in graph.measures_in(pillar.id):
        children.append(assign_command(doc, measure, None))
        effects.append(fill(translate("ui", "施策「%1」は施策体系から外れます（施策の内容はそのまま）"), measure.title))
    for sub in gone[1:]:
        effects.append(fill(translate("ui", "下の施策体系「%1」も削除されます"), sub.title))
    children += [RemoveItem(doc, p) for p in reversed(gone)]
    title = pillar.title
    cmd = Composite(lambda: fill(translate("ui", "「%1」の削除"), title), children)
    return cmd, effects


class PillarForm(BoundForm):
    """One pillar: its derived number, title, description and the issues it addresses."""

    def __init__(self, doc: PlanDocument) -> None:
        super().__init__(doc, "pillars")
        b = FormBuilder(self)
        b.section(translate("ui", "施策体系"))
        self.number = QLabel()
        b.row(translate("ui", "番号"), self.number,
              translate("ui", "番号は並び順から自動で付きます（1、1-1、1-1-1）。"))
        b.row(translate("ui", "名称(&T)"), fields.line_edit(self, "title",
                                                   translate("ui", "例：誰もが便利に暮らせるまち")))
        b.row(translate("ui", "説明"), fields.text_edit(self, "description", "", 3))
        b.row(translate("ui", "対応する課題"), link_list(self, "addresses", "issues"),
              translate("ui", "この施策体系の施策はここで選んだ課題に対応するものとみなされます。"))
        self.measures = explanation()
        b.row(translate("ui", "属する施策"), self.measures)
        b.finish()

    def reload(self) -> None:
        """Reload the fields, the number and the measures in it."""
        super().reload()
        pillar = self.target
        if pillar is None:
            self.number.setText("")
            self.measures.setText("")
            return
        self.number.setText(self.doc.graph.pillars.numbers.get(pillar.id, ""))
        inside = [m.title for m in self.doc.graph.referrers(pillar.id, EdgeKind.IN_PILLAR)]
        self.measures.setText("、".join(inside) if inside else translate(
            "ui", "まだありません。左の一覧で施策をこの施策体系の上にドラッグします。"))


class PillarTreeWidget(QTreeWidget):
    """The tree; a drop asks the editor to move what was dragged (never moves rows itself)."""

    dropped = Signal(str, str, str, str)  # dragged kind, id; target kind, id ("" for none)

    def __init__(self) -> None:
        super().__init__()
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def dropEvent(self, event: QDropEvent) -> None:
        """Say what went where; the document's signals then rebuild the tree."""
        dragged = self.currentItem()
        target = self.itemAt(event.position().toPoint())
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if dragged is None:
            return
        kind, item_id = dragged.data(0, KEY_ROLE)
        to_kind, to_id = target.data(0, KEY_ROLE) if target is not None else ("", "")
        self.dropped.emit(kind, item_id, to_kind, to_id)

    def drop_at(self, dragged: QTreeWidgetItem, target: QTreeWidgetItem | None) -> None:
        """Drop ``dragged`` on ``target`` as a mouse would (tests, keyboard-free scripts)."""
        self.setCurrentItem(dragged)
        point = self.visualItemRect(target).center() if target is not None else \
            self.viewport().rect().bottomLeft()
        mime = self.mimeData([dragged])
        event = QDropEvent(QPointF(point), Qt.DropAction.MoveAction, mime,
                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        self.dropEvent(event)


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    kids = (item.child(n) for n in range(item.childCount()))
    return [kid for kid in kids if kid is not None]


class PillarEditor(QWidget):
    """The 施策体系 tree with its buttons on the left, the selected pillar's form on the right."""

    def __init__(self, doc: PlanDocument, prompts: AppPrompts) -> None:
        super().__init__()
        self.doc, self.prompts = doc, prompts
        self.tree = PillarTreeWidget()
        self.tree.setAccessibleName(translate("ui", "施策体系"))
        self.tree.currentItemChanged.connect(lambda *_: self._show_current())
        self.tree.dropped.connect(self._dropped)
        self.form = PillarForm(doc)
        self.message = explanation()
        self.message.setObjectName("pillarMessage")
        self.message.setStyleSheet("QLabel#pillarMessage { color: palette(highlight); }")
        left = QWidget()
        col = QVBoxLayout(left)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.tree, 1)
        col.addLayout(self._buttons())
        col.addWidget(self.message)
        list_beside_form(self, left, self.form, 22, 600)

        def on_list_changed(kind: str, *_: object) -> None:
            if kind in ("pillars", "measures"):
                self.rebuild()

        for signal in (doc.item_added, doc.item_removed, doc.item_moved):
            connect_while(self, signal, on_list_changed)
        doc.item_changed.connect(self._on_changed)
        doc.plan_replaced.connect(self.rebuild)
        self.rebuild()

    def _buttons(self) -> QVBoxLayout:
        specs = [
            ("add", icons.add(), translate("ui", "基本目標を追加"),
             translate("ui", "いちばん上の階層（基本目標）を追加します"), self.add_top),
            ("add_child", icons.add(), translate("ui", "下に追加"),
             translate("ui", "選んだ施策体系の下の階層を追加します（3階層まで）"), self.add_child),
            ("delete", icons.delete(), translate("ui", "削除"),
             translate("ui", "選んだ施策体系を削除します（施策は残り、施策体系から外れます）"), self.delete),
            ("up", icons.up(), "", translate("ui", "同じ階層の中で上へ"), lambda: self.reorder(-1)),
            ("down", icons.down(), "", translate("ui", "同じ階層の中で下へ"), lambda: self.reorder(1)),
            ("outdent", None, "←", translate("ui", "一つ上の階層へ移動"), self.outdent),
            ("indent", None, "→", translate("ui", "一つ上の項目の下の階層へ移動"), self.indent),
        ]
        self.buttons: dict[str, QToolButton] = {}
        rows = [QHBoxLayout(), QHBoxLayout()]
        for n, (name, icon, text, tip, slot) in enumerate(specs):
            button = QToolButton()
            if icon is not None:
                button.setIcon(icon)
            button.setToolTip(tip)
            button.setAccessibleName(text.strip("←→") or tip)
            if text:
                button.setText(text)
                if icon is not None:
                    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            if text in ("←", "→"):
                button.setAccessibleName(tip)
            button.clicked.connect(slot)
            rows[0 if n < 3 else 1].addWidget(button)
            self.buttons[name] = button
        box = QVBoxLayout()
        for row in rows:
            row.addStretch(1)
            box.addLayout(row)
        return box

    # -- showing -------------------------------------------------------------------------
    def _on_changed(self, kind: str, item_id: str, path: str) -> None:
        if path == "title" and kind in ("pillars", "measures") and self._retitle(kind, item_id):
            return
        if (kind == "pillars" and path in ("title", "parent", "id")) or (
                kind == "measures" and path in ("title", "pillar", "id")):
            self.rebuild()

    def _retitle(self, kind: str, item_id: str) -> bool:
        """Relabel one entry after a title edit (numbers do not depend on titles); False
        when that is not enough (an id used twice, an entry not shown)."""
        key = (PILLAR if kind == "pillars" else MEASURE, item_id)
        found = [x for x in self.doc.items(kind) if x.id == item_id]
        entry = self._entries.get(key)
        if len(found) != 1 or entry is None:
            return False
        item, number = entry
        title = found[0].title
        label = f"{number or ''} {title}".strip()
        item.setText(0, label if number is not None or kind == "pillars" else title)
        if kind == "pillars":
            item.setToolTip(0, label)
        elif number is not None:
            item.setToolTip(0, title + "\n" + fill(translate(
                "ui", "施策 %1（ドラッグして施策体系を変えられます）"), item_id))
        return True

    def rebuild(self) -> None:
        """Redraw the tree from the plan, keeping the selection and what was open."""
        current = self.current_key()
        self.tree.blockSignals(True)
        self.tree.clear()
        # (kind, id) → (its tree item, its number; None outside the pillars), for
        # relabelling in place; an id shown twice is left out (rebuilt instead).
        entries: dict[tuple[str, str], tuple[QTreeWidgetItem, str | None]] = {}
        twice: set[tuple[str, str]] = set()

        def remember(key: tuple[str, str], item: QTreeWidgetItem, number: str | None) -> None:
            if key in entries:
                twice.add(key)
            entries[key] = (item, number)

        graph = self.doc.graph
        tree = graph.pillars
        numbers = measure_numbers(self.doc.plan)
        placed: dict[str, QTreeWidgetItem] = {}
        italic = QFont(self.tree.font())
        italic.setItalic(True)

        def add_measures(parent_item: QTreeWidgetItem, pillar_id: str) -> None:
            for measure in graph.referrers(pillar_id, EdgeKind.IN_PILLAR):
                item = QTreeWidgetItem(parent_item, [
                    f"{numbers.get(measure.id, '')} {measure.title}".strip()])
                item.setData(0, KEY_ROLE, (MEASURE, measure.id))
                remember((MEASURE, measure.id), item, numbers.get(measure.id, ""))
                item.setToolTip(0, measure.title + "\n" + fill(translate(
                    "ui", "施策 %1（ドラッグして施策体系を変えられます）"), measure.id))
                item.setFont(0, italic)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)

        def walk(parent: str | None, parent_item: QTreeWidgetItem | None) -> None:
            for pillar in tree.children.get(parent, []):
                if pillar.id in placed:
                    continue
                label = f"{tree.numbers.get(pillar.id, '')} {pillar.title}".strip()
                item = QTreeWidgetItem(parent_item or self.tree, [label])
                item.setData(0, KEY_ROLE, (PILLAR, pillar.id))
                remember((PILLAR, pillar.id), item, tree.numbers.get(pillar.id, ""))
                item.setToolTip(0, label)  # the whole title where the tree cuts it
                placed[pillar.id] = item
                walk(pillar.id, item)
                add_measures(item, pillar.id)

        walk(None, None)
        outside = [m for m in self.doc.plan.measures if graph.pillar_of(m) is None]
        if outside:
            group = QTreeWidgetItem(self.tree, [translate("ui", "施策体系に入っていない施策")])
            group.setData(0, KEY_ROLE, (OUTSIDE, ""))
            group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
            group.setFont(0, italic)
            for measure in outside:
                item = QTreeWidgetItem(group, [measure.title])
                item.setData(0, KEY_ROLE, (MEASURE, measure.id))
                remember((MEASURE, measure.id), item, None)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
        self._entries = {key: entry for key, entry in entries.items() if key not in twice}
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if current is not None:
            self.select(*current)
        elif (first := self.tree.topLevelItem(0)) is not None:
            self.tree.setCurrentItem(first)
        self._show_current()

    def item_for(self, kind: str, item_id: str) -> QTreeWidgetItem | None:
        """The tree item of a pillar or a measure."""
        for item in self._all_items():
            if item.data(0, KEY_ROLE) == (kind, item_id):
                return item
        return None

    def _all_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = _children(self.tree.invisibleRootItem())  # the top-level items
        while stack:
            item = stack.pop(0)
            out.append(item)
            stack[:0] = _children(item)
        return out

    def select(self, kind: str, item_id: str) -> bool:
        """Select a pillar or a measure in the tree."""
        item = self.item_for(kind, item_id)
        if item is not None:
            self.tree.setCurrentItem(item)
        return item is not None

    def current_key(self) -> tuple[str, str] | None:
        """(kind, id) of the selected tree item."""
        item = self.tree.currentItem()
        return tuple(item.data(0, KEY_ROLE)) if item is not None else None

    def current_pillar(self) -> Pillar | None:
        """The selected pillar (None when a measure or nothing is selected)."""
        key = self.current_key()
        if key is None or key[0] != PILLAR:
            return None
        return self.doc.graph.pillars.by_id.get(key[1])

    def _show_current(self) -> None:
        pillar = self.current_pillar()
        if pillar is not self.form.target:
            self.form.set_target(pillar)
        else:
            self.form.reload()
        for name in ("add_child", "delete", "up", "down", "outdent", "indent"):
            self.buttons[name].setEnabled(pillar is not None)

    def say(self, text: str) -> None:
        """Tell the user why something was refused (beside the tree, not a dialog)."""
        self.message.setText(text)

    # -- actions ---------------------------------------------------------------------------
    def _push(self, cmd: QUndoCommand) -> None:
        self.say("")
        self.doc.undo_stack.push(cmd)

    def add_top(self) -> None:
        """Add a 基本目標 at the end and select it."""
        self._add(None, translate("ui", "新しい基本目標"))

    def add_child(self) -> None:
        """Add a pillar under the selected one (refused below the third level)."""
        parent = self.current_pillar()
        if parent is None:
            return
        if self.doc.graph.pillars.level(parent.id) >= MAX_PILLAR_DEPTH:
            self.say(translate("ui", "施策体系は3階層（基本目標・基本施策・取組）までです。"
                               "この下には追加できません。"))
            return
        self._add(parent, translate("ui", "新しい施策体系"))

    def _add(self, parent: Pillar | None, title: str) -> None:
        """Add a pillar titled ``title`` under ``parent`` (None: at the top), select it and
        put the cursor in its title."""
        cmd = add_command(self.doc, parent, title)
        self._push(cmd)
        self.select(PILLAR, cmd.item.id)
        self.form.focus_field("title")

    def delete(self) -> None:
        """Delete the selected pillar (and those under it) after confirming."""
        pillar = self.current_pillar()
        if pillar is None:
            return
        cmd, effects = delete_command(self.doc, pillar)
        if not self.prompts.confirm_removal(pillar.title, effects):
            return
        self._push(cmd)

    def _siblings(self, pillar: Pillar) -> list[Pillar]:
        tree = self.doc.graph.pillars
        parent = pillar.parent if pillar.parent in tree.by_id else None
        return tree.children.get(parent, [])

    def reorder(self, step: int) -> None:
        """Move the selected pillar before its previous / after its next sibling."""
        pillar = self.current_pillar()
        if pillar is None:
            return
        siblings = self._siblings(pillar)
        n = next(i for i, p in enumerate(siblings) if p is pillar) + step
        if not 0 <= n < len(siblings):
            return
        self._push(MoveItem(self.doc, pillar, self.doc.row_of(siblings[n])))
        self.select(PILLAR, pillar.id)

    def move_under(self, pillar: Pillar, new_parent: str | None) -> bool:
        """Re-parent with the checks; False (and a message) when refused."""
        if (pillar.parent or None) == new_parent:
            return False
        problem = move_problem(self.doc, pillar, new_parent)
        if problem:
            self.say(problem)
            return False
        self._push(reparent_command(self.doc, pillar, new_parent))
        self.select(PILLAR, pillar.id)
        return True

    def outdent(self) -> None:
        """The selected pillar moves up a level (after its parent's siblings' order)."""
        pillar = self.current_pillar()
        if pillar is None or pillar.parent is None:
            return
        parent = self.doc.graph.pillars.by_id.get(pillar.parent)
        self.move_under(pillar, parent.parent if parent is not None else None)

    def indent(self) -> None:
        """The selected pillar goes under its previous sibling."""
        pillar = self.current_pillar()
        if pillar is None:
            return
        siblings = self._siblings(pillar)
        n = next(i for i, p in enumerate(siblings) if p is pillar)
        if n == 0:
            self.say(translate("ui", "上に同じ階層の項目がないため、下の階層へは移動できません。"))
            return
        self.move_under(pillar, siblings[n - 1].id)

    def _dropped(self, kind: str, item_id: str, to_kind: str, to_id: str) -> None:
        if kind == MEASURE:
            measure = next((m for m in self.doc.plan.measures if m.id == item_id), None)
            if measure is None:
                return
            target = to_id if to_kind == PILLAR else None
            if to_kind == MEASURE:  # dropped on a measure: join that measure's pillar
                other = next((m for m in self.doc.plan.measures if m.id == to_id), None)
                target = other.pillar if other is not None else None
            if measure.pillar != target:
                self._push(assign_command(self.doc, measure, target))
            self.select(MEASURE, measure.id)
        elif kind == PILLAR:
            pillar = self.doc.graph.pillars.by_id.get(item_id)
            if pillar is None or to_kind == MEASURE:
                return
            self.move_under(pillar, to_id if to_kind == PILLAR else None)


def pillar_combo(form: BoundForm) -> QComboBox:
    """A measure's 施策体系: a combo of pillars with their derived numbers (1-2 移動の…)."""
    from planner.ui.editors.binding import Binding

    combo = QComboBox()
    doc = form.doc

    def choose(value: str | None = None) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(translate("ui", "（施策体系に入れない）"), None)
        for label, pillar_id in pillar_choices(doc):
            combo.addItem(label, pillar_id)
        if value is not None and combo.findData(value) < 0:
            combo.addItem(fill(translate("ui", "（見つからないID：%1）"), value), value)
        combo.setCurrentIndex(max(0, combo.findData(value)) if value else 0)
        combo.blockSignals(False)

    binding = Binding(form, "pillar", combo, choose)
    combo.activated.connect(lambda _i: binding.commit(combo.currentData()))

    def on_list_changed(kind: str, *_: object) -> None:
        if kind == "pillars":
            binding.load()

    def on_changed(kind: str, _item: object, path: str) -> None:
        if kind == "pillars" and path in ("title", "parent"):
            binding.load()

    for signal in (doc.item_added, doc.item_removed, doc.item_moved):
        connect_while(combo, signal, on_list_changed)
    connect_while(combo, doc.item_changed, on_changed)
    form.add_binding(binding)
    return combo
