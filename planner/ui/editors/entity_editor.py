"""One entity's editor: a filterable list with add / duplicate / delete / reorder, and a form."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QPainter, QPaintEvent, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.ui import commands, icons
from planner.ui.document import Item, PlanDocument
from planner.ui.editors.binding import BoundForm
from planner.ui.editors.master_detail import list_beside_form
from planner.ui.i18n import translate
from planner.ui.models import ItemListModel, ItemRole, TitleFilterModel
from planner.ui.prompts import AppPrompts


class _ListView(QListView):
    """The item list; when empty it says how to add the first item (not a blank box)."""

    def __init__(self, placeholder: str) -> None:
        super().__init__()
        self.placeholder = placeholder

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the items, or the placeholder when there are none."""
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount():
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        margin = self.fontMetrics().horizontalAdvance("M")
        area = self.viewport().rect().adjusted(margin, margin, -margin, -margin)
        painter.drawText(area, int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter
                                   | Qt.TextFlag.TextWordWrap), self.placeholder)


class EntityEditor(QWidget):
    """List of ``kind`` items on the left, the selected item's form on the right."""

    def __init__(self, doc: PlanDocument, kind: str, form: BoundForm, new_title: str,
                 prompts: AppPrompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.kind, self.form, self.prompts = doc, kind, form, prompts
        self.new_title = new_title
        self.model = ItemListModel(doc, kind, self)
        self.proxy = TitleFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(translate("ui", "絞り込み（名前・ID）"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(translate("ui", "一覧の絞り込み"))
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = _ListView(translate(
            "ui", "まだ何もありません。\n下の「追加」ボタン（Ctrl+Shift+N）で最初の1件を作ります。"))
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(translate("ui", "一覧"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        # One elided line per item: without this, a changed title made the view measure
        # every row again (800 measures: ~7,000 model calls a keystroke).
        self.view.setUniformItemSizes(True)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.model.rowsRemoved.connect(lambda *_: self._show_current())
        self.model.modelReset.connect(self._select_first)
        self.buttons = self._buttons()
        left = QWidget()
        col = QVBoxLayout(left)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.filter)
        col.addWidget(self.view, 1)
        col.addLayout(self.buttons)
        self.form_area, self.splitter = list_beside_form(self, left, form, 18, 700)
        # Tab goes from the list's buttons straight into the form (the area scrolls to
        # whichever field has the focus), not to the scroll area itself.
        self.form_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._shortcuts()
        self._select_first()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        specs = [("add", icons.add(), translate("ui", "追加"), translate("ui", "新しい項目を追加（Ctrl+Shift+N）"), self.add),
                 ("duplicate", icons.duplicate(), translate("ui", "複製"), translate("ui", "選んだ項目を複製（Ctrl+D）"),
                  self.duplicate),
                 ("delete", icons.delete(), translate("ui", "削除"), translate("ui", "選んだ項目を削除（Delete）"),
                  self.delete),
                 ("up", icons.up(), "", translate("ui", "上へ移動（Alt+↑）"), lambda: self.move_selected(-1)),
                 ("down", icons.down(), "", translate("ui", "下へ移動（Alt+↓）"), lambda: self.move_selected(1))]
        self.tool_buttons: dict[str, QToolButton] = {}
        for name, icon, text, tip, slot in specs:
            button = QToolButton()
            button.setIcon(icon)
            button.setToolTip(tip)
            button.setAccessibleName(text or tip.split("（")[0])  # 上へ移動, not "Alt+↑"
            if text:
                button.setText(text)
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.tool_buttons[name] = button
        row.addStretch(1)
        return row

    def _shortcuts(self) -> None:
        keys = [("Ctrl+Shift+N", self.add, self), ("Ctrl+D", self.duplicate, self),
                ("Delete", self.delete, self.view), ("Alt+Up", lambda: self.move_selected(-1), self),
                ("Alt+Down", lambda: self.move_selected(1), self), ("Ctrl+F", self.filter.setFocus, self)]
        for key, slot, owner in keys:
            shortcut = QShortcut(QKeySequence(key), owner)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def needed_width(self) -> int:
        """The width at which the list and the whole form show without sideways scrolling
        (page margins and the form's scroll bar included)."""
        bar = self.form_area.verticalScrollBar().sizeHint().width()
        em = self.fontMetrics().horizontalAdvance("M")
        return (self.splitter.sizes()[0] + self.splitter.handleWidth()
                + self.form.minimumSizeHint().width() + bar + em * 3)

    # -- selection ---------------------------------------------------------------------
    def current_item(self) -> Item | None:
        """The item selected in the list."""
        index = self.view.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def select_item(self, item_id: str) -> bool:
        """Select the item with ``item_id`` (clearing the filter if it hides it)."""
        for row in range(self.model.rowCount()):
            item = self.model.item_at(row)
            if item is not None and item.id == item_id:
                if not self.proxy.mapFromSource(self.model.index(row)).isValid():
                    self.filter.clear()
                index = self.proxy.mapFromSource(self.model.index(row))
                self.view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                return True
        return False

    def _select_first(self) -> None:
        if self.proxy.rowCount():
            self.view.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._show_current()

    def _show_current(self) -> None:
        item = self.current_item()
        if item is not self.form.target:
            self.form.set_target(item)
        has = item is not None
        for name in ("duplicate", "delete", "up", "down"):
            self.tool_buttons[name].setEnabled(has)

    # -- actions -------------------------------------------------------------------------
    def add(self) -> None:
        """Add a new item after the selected one, select it and put the cursor in its title."""
        current = self.current_item()
        row = self.doc.row_of(current) + 1 if current is not None else None
        cmd = commands.add_command(self.doc, self.kind, self.new_title, row)
        self.filter.clear()
        self.doc.undo_stack.push(cmd)
        self.select_item(cmd.item.id)
        self.form.focus_field("title")
        title = self.form.binding("title")
        if title is not None and hasattr(title.widget, "selectAll"):
            title.widget.selectAll()

    def duplicate(self) -> None:
        """Duplicate the selected item."""
        item = self.current_item()
        if item is not None:
            cmd = commands.duplicate_command(self.doc, item)
            self.doc.undo_stack.push(cmd)
            self.select_item(cmd.item.id)

    def delete(self) -> None:
        """Delete the selected item after confirming which links go with it."""
        item = self.current_item()
        if item is None:
            return
        effects = [e.description for e in commands.cascade_effects(self.doc, item)]
        if not self.prompts.confirm_removal(item.title, effects):
            return
        self.doc.undo_stack.push(commands.remove_command(self.doc, item))
        self.view.setFocus()

    def move_selected(self, step: int) -> None:
        """Move the selected item up (-1) or down (+1)."""
        item = self.current_item()
        if item is None:
            return
        new = self.doc.row_of(item) + step
        if 0 <= new < len(self.doc.items(self.kind)):
            self.doc.undo_stack.push(commands.MoveItem(self.doc, item, new))
            self.select_item(item.id)
