"""Thin item models over the plan's lists, following PlanDocument signals (napari style).

Each model keeps its own list of item references, changed only between Qt's
begin/end calls, so views and QAbstractItemModelTester always see a consistent model.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from planner.ui.document import Item, PlanDocument
from planner.ui.i18n import translate
from planner.ui.plain import plain_tip

ItemRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex


class ItemListModel(QAbstractListModel):
    """The items of one kind (issues, measures, data_sources, kpis), titles for display."""

    def __init__(self, doc: PlanDocument, kind: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc, self.kind = doc, kind
        self._items: list[Item] = list(doc.items(kind))
        doc.item_added.connect(self._on_added)
        doc.item_removed.connect(self._on_removed)
        doc.item_moved.connect(self._on_moved)
        doc.item_changed.connect(self._on_changed)
        doc.plan_replaced.connect(self._on_replaced)

    # -- Qt model interface ------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of items (a flat list has no children)."""
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Title for display, id as tooltip, the item itself under ItemRole."""
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.title or translate("ui", "（無題）")
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(f"{item.id}: {item.title}")
        if role == IdRole:
            return item.id
        if role == ItemRole:
            return item
        return None

    # -- helpers -----------------------------------------------------------------------
    def item_at(self, row: int) -> Item | None:
        """The item at ``row``, or None."""
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, item: Item | None) -> int:
        """The row showing ``item`` (by identity), -1 if none."""
        return next((i for i, x in enumerate(self._items) if x is item), -1)

    # -- document signals --------------------------------------------------------------
    def _on_added(self, kind: str, _id: str, row: int) -> None:
        if kind != self.kind:
            return
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.insert(row, self.doc.items(kind)[row])
        self.endInsertRows()

    def _on_removed(self, kind: str, _id: str, row: int) -> None:
        if kind != self.kind:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._items[row]
        self.endRemoveRows()

    def _on_moved(self, kind: str, _id: str, old: int, new: int) -> None:
        if kind != self.kind or old == new:
            return
        # Qt counts the destination before the move: moving down targets new + 1.
        self.beginMoveRows(QModelIndex(), old, old, QModelIndex(), new + 1 if new > old else new)
        self._items.insert(new, self._items.pop(old))
        self.endMoveRows()

    def _on_changed(self, kind: str, item_id: str, path: str) -> None:
        if kind != self.kind or path not in ("title", "id"):
            return
        for row, item in enumerate(self._items):
            if item.id == item_id:
                index = self.index(row)
                self.dataChanged.emit(index, index)

    def _on_replaced(self) -> None:
        self.beginResetModel()
        self._items = list(self.doc.items(self.kind))
        self.endResetModel()


class TitleFilterModel(QSortFilterProxyModel):
    """Filters a list by a fragment of title or id, ignoring case."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterRole(Qt.ItemDataRole.ToolTipRole)  # "id: title" matches both
