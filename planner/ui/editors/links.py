"""Link pickers: choose issues, measures or data sources by title, never by typing ids."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from planner.plan import vocab
from planner.plan.model import ARTICLE_NUMBERS, Articles
from planner.ui.document import PlanDocument, connect_while
from planner.ui.editors.binding import Binding, BoundForm
from planner.ui.i18n import fill, lang, translate
from planner.ui.plain import plain_tip


def titles(doc: PlanDocument, kind: str) -> list[tuple[str, str]]:
    """(id, title) of every item of ``kind``, in plan order."""
    return [(item.id, item.title or translate("ui", "（無題）")) for item in doc.items(kind)]


def missing_id_label(item_id: str) -> str:
    """（見つからないID：D-9）: how a picker shows a reference to an id that does not exist."""
    return fill(translate("ui", "（見つからないID：%1）"), item_id)


def _tip(item_id: str, title: str) -> str:
    """A picker entry's tooltip: its whole title (the list may cut it) and its id."""
    return fill(translate("ui", "%1（%2）"), title, item_id)


def follow(doc: PlanDocument, kind: str, rebuild: Callable[[], object], owner: QObject,
           retitle: Callable[[str], bool] | None = None) -> None:
    """Rebuild a picker whenever the list it offers changes (while ``owner`` lives).

    ``retitle(item_id)``, when given, is tried first for a title edit: the picker relabels
    that one entry (typing a title must not rebuild a list of 800) and says True, or says
    False (a repeated id) and is rebuilt.
    """
    connect_while(owner, doc.item_added, lambda k, *_: k == kind and rebuild())
    connect_while(owner, doc.item_removed, lambda k, *_: k == kind and rebuild())
    connect_while(owner, doc.item_moved, lambda k, *_: k == kind and rebuild())
    connect_while(owner, doc.item_changed, lambda k, i, p: k == kind and p in ("title", "id") and (
        (retitle is not None and p == "title" and retitle(i)) or rebuild()))
    connect_while(owner, doc.plan_replaced, rebuild)


def shown_title(doc: PlanDocument, kind: str, item_id: str) -> str | None:
    """What a picker shows for ``item_id``; None unless exactly one item has that id."""
    found = [x for x in doc.items(kind) if x.id == item_id]
    return found[0].title or translate("ui", "（無題）") if len(found) == 1 else None


class LinkList(QListWidget):
    """Check the items this one links to (a measure's issues, a KPI's measures)."""

    def __init__(self, doc: PlanDocument, kind: str) -> None:
        super().__init__()
        self.doc, self.kind = doc, kind
        self._entries: list[tuple[str, str]] = []  # (id, text) of the rows shown
        self.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)

    def retitle(self, item_id: str) -> bool:
        """Show the new title of ``item_id`` in its row; False if that needs a rebuild."""
        title = shown_title(self.doc, self.kind, item_id)
        n = next((r for r, (i, _t) in enumerate(self._entries) if i == item_id), None)
        if title is None or n is None:
            return False
        self._entries[n] = (item_id, title)
        row = self.item(n)
        self.blockSignals(True)
        row.setText(title)
        row.setToolTip(plain_tip(_tip(item_id, title)))
        self.blockSignals(False)
        return True

    def rebuild(self, checked: list[str]) -> None:
        """Offer every item of the kind, ticking ``checked`` (unknown ids shown too)."""
        known = titles(self.doc, self.kind)
        ids = {k for k, _ in known}
        entries = known + [(i, missing_id_label(i)) for i in checked if i not in ids]
        if entries and entries == self._entries:  # the same list: only the ticks change
            self.blockSignals(True)
            wanted = set(checked)
            for r in range(self.count()):
                row = self.item(r)
                state = (Qt.CheckState.Checked if row.data(Qt.ItemDataRole.UserRole) in wanted
                         else Qt.CheckState.Unchecked)
                if row.checkState() != state:
                    row.setCheckState(state)
            self.blockSignals(False)
            return
        self._entries = entries
        self.blockSignals(True)
        self.clear()
        for item_id, title in entries:
            row = QListWidgetItem(title)
            row.setData(Qt.ItemDataRole.UserRole, item_id)
            row.setToolTip(plain_tip(_tip(item_id, title)))  # the whole title where the row cuts it
            row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                         | Qt.ItemFlag.ItemIsSelectable)
            row.setCheckState(Qt.CheckState.Checked if item_id in checked
                              else Qt.CheckState.Unchecked)
            self.addItem(row)
        if not entries:
            placeholder = QListWidgetItem(translate("ui", "（まだありません。前のステップで追加してください）"))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(placeholder)
        self.blockSignals(False)

    def checked_ids(self) -> list[str]:
        """Ids ticked, in list order."""
        return [self.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.count())
                if self.item(r).checkState() == Qt.CheckState.Checked]


def link_list(form: BoundForm, path: str, kind: str) -> LinkList:
    """A list field of ids (addresses, kpis.measures) edited by ticking titles."""
    widget = LinkList(form.doc, kind)
    binding = Binding(form, path, widget, lambda v: widget.rebuild(list(v or [])))
    widget.itemChanged.connect(lambda _i: binding.commit(widget.checked_ids()))
    follow(form.doc, kind, binding.load, widget, widget.retitle)
    form.add_binding(binding)
    return widget


class LinkCombo(QComboBox):
    """Choose one item of a kind by title (a KPI's source data)."""

    def __init__(self, doc: PlanDocument, kind: str) -> None:
        super().__init__()
        self.doc, self.kind = doc, kind

    def rebuild(self, current: str | None) -> None:
        """Offer every item, selecting ``current``."""
        self.blockSignals(True)
        self.clear()
        self.addItem(translate("ui", "（未選択）"), None)
        for item_id, title in titles(self.doc, self.kind):
            self.addItem(title, item_id)
            self.setItemData(self.count() - 1, plain_tip(_tip(item_id, title)),
                             Qt.ItemDataRole.ToolTipRole)
        if current is not None and self.findData(current) < 0:
            self.addItem(missing_id_label(current), current)
        self.setCurrentIndex(max(0, self.findData(current)) if current is not None else 0)
        self.blockSignals(False)

    def retitle(self, item_id: str) -> bool:
        """Show the new title of ``item_id`` in its entry; False if that needs a rebuild."""
        title = shown_title(self.doc, self.kind, item_id)
        n = self.findData(item_id)
        if title is None or n < 0:
            return False
        self.setItemText(n, title)
        self.setItemData(n, plain_tip(_tip(item_id, title)), Qt.ItemDataRole.ToolTipRole)
        return True


def link_combo(form: BoundForm, path: str, kind: str) -> LinkCombo:
    """A single id field (kpis.source) chosen from titles."""
    combo = LinkCombo(form.doc, kind)
    binding = Binding(form, path, combo, combo.rebuild)
    combo.activated.connect(lambda _i: binding.commit(combo.currentData()))
    follow(form.doc, kind, binding.load, combo, combo.retitle)
    form.add_binding(binding)
    return combo


class ArticlesGrid(QWidget):
    """基本法 Arts. 10–19, each marked ◎ primary, ○ related or not served."""

    def __init__(self) -> None:
        super().__init__()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        self.combos: dict[int, QComboBox] = {}
        choices = [("—", None), (translate("ui", "◎ 主"), "primary"), (translate("ui", "○ 関連"), "related")]
        for n, number in enumerate(ARTICLE_NUMBERS):
            article = vocab.article(number)
            name = article.short.get(lang()) if article else ""
            combo = QComboBox()
            for label, value in choices:
                combo.addItem(label, value)
            combo.setToolTip(article.title.get(lang()) if article else "")
            combo.setAccessibleName(fill(translate("ui", "第%1条"), str(number)))
            row, col = n % 5, (n // 5) * 2
            grid.addWidget(_article_label(number, name), row, col)
            grid.addWidget(combo, row, col + 1)
            self.combos[number] = combo
        self.setFocusProxy(self.combos[ARTICLE_NUMBERS[0]])

    def show_articles(self, articles: Any) -> None:
        """Reflect a measure's Articles."""
        primary = set(getattr(articles, "primary", []) or [])
        related = set(getattr(articles, "related", []) or [])
        for number, combo in self.combos.items():
            combo.setCurrentIndex(1 if number in primary else 2 if number in related else 0)

    def focus_part(self, rest: str, articles: Any) -> QComboBox:
        """The choice a finding names (``.related[1]``: that article; ``.primary``: the
        first article marked ◎, else the first article)."""
        match = re.fullmatch(r"\.(primary|related)(?:\[(\d+)\])?", rest)
        if match is None:
            return self.combos[ARTICLE_NUMBERS[0]]
        key, index = match.group(1), match.group(2)
        numbers = list(getattr(articles, key, None) or [])
        if index is not None and int(index) < len(numbers) and numbers[int(index)] in self.combos:
            return self.combos[numbers[int(index)]]
        marked = [n for n, c in self.combos.items() if c.currentData() == key]
        return self.combos[(marked or ARTICLE_NUMBERS)[0]]

    def chosen(self) -> tuple[list[int], list[int]]:
        """(primary, related) article numbers."""
        primary = [n for n, c in self.combos.items() if c.currentData() == "primary"]
        related = [n for n, c in self.combos.items() if c.currentData() == "related"]
        return primary, related


def _article_label(number: int, name: str) -> QLabel:
    # Wraps rather than widening the form: English names made it scroll sideways at 1366 px.
    label = QLabel(fill(translate("ui", "第%1条 %2"), str(number), name))
    label.setWordWrap(True)
    return label


def articles_grid(form: BoundForm) -> ArticlesGrid:
    """A measure's articles {primary, related} as one grid of ◎/○ choices."""
    grid = ArticlesGrid()
    binding = Binding(form, "articles", grid, grid.show_articles)

    def changed(_i: int) -> None:
        primary, related = grid.chosen()
        binding.commit(Articles(primary=primary, related=related))

    for combo in grid.combos.values():
        combo.activated.connect(changed)
    form.add_binding(binding)
    return grid
