"""ProblemsPanel (点検): the checker's findings as a filterable table with details below.

Each row shows severity, rule, the items concerned, message, reference and fix. Toggle
buttons filter by severity (with counts), a search box filters by text, the selected
row's full text shows below, and double-click or Enter emits ``finding_activated`` with
the item id and the field to change, so the main window can jump there.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.checks.finding import Finding, Severity, summary
from planner.plan.model import Plan
from planner.ui.i18n import fill, translate
from planner.ui.plain import plain_tip
from planner.ui.severity import severity_color, severity_icon, severity_label

#: Column order of the table.
COL_SEVERITY, COL_RULE, COL_TARGET, COL_MESSAGE, COL_REFERENCE, COL_FIX = range(6)
#: Role giving the Finding of a row; the sort role of the severity column is its rank.
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def finding_key(finding: Finding) -> tuple[str, tuple[str, ...], str | None, str]:
    """What identifies a finding across re-checks (its text may change as the plan does)."""
    return (finding.rule, finding.nodes, finding.field, finding.message_text.ja)


class FindingsModel(QAbstractTableModel):
    """A thin table model over a list of findings, with item titles resolved once."""

    def __init__(self, parent: QWidget | None = None, lang: str = "ja") -> None:
        super().__init__(parent)
        self._lang = lang
        self._findings: list[Finding] = []
        self._targets: list[str] = []

    def set_findings(self, findings: list[Finding], plan: Plan | None) -> None:
        """Replace every row."""
        titles = {item.id: item.title for item in plan.items()} if plan is not None else {}
        findings = list(findings)
        whole, sep = self.tr("計画全体"), self.tr("、")  # the list separator, ", " in English
        targets = [sep.join(_target(n, titles) for n in f.nodes) or whole for f in findings]
        if findings == self._findings and targets == self._targets:
            return  # most keystrokes: the same rows (no reset, no re-sort, no repaint)
        self.beginResetModel()
        self._findings, self._targets = findings, targets
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        """The finding shown in ``row``."""
        return self._findings[row]

    def findings(self) -> list[Finding]:
        """Every finding, in model order."""
        return list(self._findings)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Findings count (a table: no children)."""
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Six columns."""
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles in Japanese first."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (self.tr("重要度"), self.tr("ルール"), self.tr("対象"), self.tr("内容"),
                 self.tr("根拠"), self.tr("対処"))
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, icon, tooltip and sort keys of a cell."""
        if not index.isValid() or not 0 <= index.row() < len(self._findings):
            return None
        f, column = self._findings[index.row()], index.column()
        if role == FINDING_ROLE:
            return f
        if role == SORT_ROLE:
            return Severity(f.severity).rank if column == COL_SEVERITY else self._text(f, index)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(f, index)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(f) if column == COL_MESSAGE else plain_tip(self._text(f, index)) or None
        if role == Qt.ItemDataRole.DecorationRole and column == COL_SEVERITY:
            return severity_icon(str(f.severity))
        return None

    def _tip(self, f: Finding) -> str:
        """The whole finding on hover over its 内容: the table shows it on one line."""
        parts = [html.escape(f.message(self._lang))]
        for head, text in ((self.tr("根拠："), f.reference(self._lang)),
                           (self.tr("対処："), f.fix(self._lang))):
            if text:
                parts.append(f"<b>{html.escape(head)}</b>{html.escape(text)}")
        return "".join(f"<p>{part}</p>" for part in parts)

    def _text(self, f: Finding, index: Index) -> str:
        column = index.column()
        if column == COL_SEVERITY:
            return severity_label(str(f.severity))
        if column == COL_RULE:
            return f.rule
        if column == COL_TARGET:
            return self._targets[index.row()]
        if column == COL_MESSAGE:
            return f.message(self._lang)
        if column == COL_REFERENCE:
            return f.reference(self._lang)
        return f.fix(self._lang)


def _target(node_id: str, titles: dict[str, str]) -> str:
    title = titles.get(node_id)
    if not title:
        return node_id
    return fill(translate("FindingsModel", "%1（%2）"), title, node_id)


class FindingsFilter(QSortFilterProxyModel):
    """Hides rows whose severity is switched off or that do not contain the search text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._severities = {str(s) for s in Severity}
        self._needle = ""
        self.setSortRole(SORT_ROLE)

    def set_severities(self, severities: set[str]) -> None:
        """Show only these severities."""
        self._refilter(lambda: setattr(self, "_severities", set(severities)))

    def set_search(self, text: str) -> None:
        """Show only rows containing ``text`` (case-insensitive) in any column."""
        self._refilter(lambda: setattr(self, "_needle", text.strip().casefold()))

    def _refilter(self, change: Callable[[], None]) -> None:
        """Apply ``change`` to the filter and re-filter rows (Qt ≥ 6.10 API when present)."""
        if hasattr(self, "endFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # older Qt: invalidateFilter, deprecated since 6.10
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        """Severity switched on and search text found."""
        model = self.sourceModel()
        finding = model.data(model.index(row, 0, parent), FINDING_ROLE)
        if finding is None or str(finding.severity) not in self._severities:
            return False
        if not self._needle:
            return True
        return any(self._needle in str(model.data(model.index(row, c, parent)) or "").casefold()
                   for c in range(model.columnCount()))


class _Table(QTableView):
    """Enter on a row activates it, as double-click does."""

    activated_row = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter/Return activates the current row; other keys as usual."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class ProblemsPanel(QWidget):
    """The 点検 panel; emits ``finding_activated(item_id, field)`` to jump to a problem.

    ``item_id`` is the finding's first node, or '' for a finding about the whole plan;
    ``field`` is the key to change (``uses[0].legal_basis``) or None.
    """

    finding_activated = Signal(str, object)
    # The whole Finding, for a jump that needs more than its first node (plan-wide rules).
    finding_opened = Signal(object)
    # The number of findings the severity buttons hide changed (for the status bar).
    hidden_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None, lang: str = "ja") -> None:
        super().__init__(parent)
        self._lang = lang
        self.model = FindingsModel(self, lang)
        self.proxy = FindingsFilter(self)
        self.proxy.setSourceModel(self.model)
        self._buttons: dict[str, QToolButton] = {}
        self._counts: dict[str, int] = summary([])
        self._build_ui()

    # --- public API -----------------------------------------------------------------

    def set_findings(self, findings: list[Finding], plan: Plan | None = None) -> None:
        """Show ``findings``; the selected finding stays selected if it is still there."""
        current = self.current_finding()
        self.model.set_findings(findings, plan)
        self._update_counts(findings)
        if current is not None:
            self._reselect(finding_key(current))
        self._show_details()

    def current_finding(self) -> Finding | None:
        """The finding of the selected row, or None."""
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isSelected(index):
            return None
        return self.proxy.data(index, FINDING_ROLE)

    def visible_findings(self) -> list[Finding]:
        """Findings passing the filters, in display order."""
        return [self.proxy.data(self.proxy.index(r, 0), FINDING_ROLE)
                for r in range(self.proxy.rowCount())]

    def set_severity_shown(self, severity: str, shown: bool) -> None:
        """Switch a severity's rows on or off (as its toggle button does)."""
        self._buttons[str(severity)].setChecked(shown)

    def search_box(self) -> QLineEdit:
        """The search field (for focus chains and tests)."""
        return self._search

    def severity_button(self, severity: str) -> QToolButton:
        """The toggle button of a severity (for tests)."""
        return self._buttons[str(severity)]

    # --- building ---------------------------------------------------------------------

    def _build_ui(self) -> None:
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        for severity in Severity:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setChecked(True)
            button.setIcon(severity_icon(str(severity)))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setToolTip(self.tr("この重要度の指摘を表示する／隠す"))
            button.setAccessibleName(severity_label(str(severity)))
            button.toggled.connect(self._on_filter_changed)
            self._buttons[str(severity)] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self._search = QLineEdit(self)
        self._search.setPlaceholderText(self.tr("検索（ルール・対象・内容）"))
        self._search.setClearButtonEnabled(True)
        self._search.setAccessibleName(self.tr("点検結果の検索"))
        self._search.textChanged.connect(self.proxy.set_search)
        em = self.fontMetrics().horizontalAdvance("M")  # widths follow the font, not pixels
        self._search.setMinimumWidth(em * 26)
        self._search.setMaximumWidth(em * 36)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._focus_search)
        bar.addWidget(self._search)
        self.table = self._make_table()
        self.details = QTextBrowser(self)
        self.details.setReadOnly(True)
        self.details.setOpenLinks(False)
        self.details.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.details.setPlaceholderText(self.tr("指摘を選ぶと、ここに詳細が表示されます"))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        # Even shares: the details carry 根拠 and 対処 (not in the table), a paragraph each.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self._search, self.table)
        self.setTabOrder(self.table, self.details)
        self._update_counts([])

    def _make_table(self) -> _Table:
        table = _Table(self)
        table.setModel(self.proxy)
        table.setAccessibleName(self.tr("点検結果"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # checker's order until clicked
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        # Compact rows: one line of text plus padding, at any display scaling.
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        # Readable without sideways scrolling at 1366 px: the long texts share the width
        # left by the short columns (elided, whole on hover), and 根拠 and 対処 — a
        # paragraph each — are read in the details below; the header's context menu
        # brings their columns back for whoever wants them in the table.
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        em = table.fontMetrics().horizontalAdvance("M")
        header.setMinimumSectionSize(em * 4)
        for column in (COL_SEVERITY, COL_RULE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TARGET, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_TARGET, em * 16)
        for column in (COL_MESSAGE, COL_REFERENCE, COL_FIX):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.column_actions: dict[int, QAction] = {}
        for column in (COL_REFERENCE, COL_FIX):
            action = QAction(self.tr("「{0}」の列を表示").format(
                self.model.headerData(column, Qt.Orientation.Horizontal)), header)
            action.setCheckable(True)
            action.toggled.connect(lambda on, c=column: table.setColumnHidden(c, not on))
            header.addAction(action)
            table.setColumnHidden(column, True)
            self.column_actions[column] = action
        table.doubleClicked.connect(self._activate)
        table.activated_row.connect(self._activate)
        table.selectionModel().selectionChanged.connect(self._show_details)
        return table

    # --- behaviour --------------------------------------------------------------------

    def hidden_count(self) -> int:
        """How many findings the severity buttons hide (the search box aside)."""
        return sum(n for s, n in self._counts.items() if not self._buttons[s].isChecked())

    def _update_counts(self, findings: list[Finding] | None = None) -> None:
        """Button texts: 「警告 3」 while shown, 「情報 15 件を非表示」 while hidden."""
        if findings is not None:
            self._counts = summary(findings)
        for severity, button in self._buttons.items():
            label, count = severity_label(severity), str(self._counts[severity])
            button.setText(self.tr("{0} {1}").format(label, count) if button.isChecked()
                           else self.tr("{0} {1} 件を非表示").format(label, count))
        self.hidden_changed.emit(self.hidden_count())

    def _focus_search(self) -> None:
        self._search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search.selectAll()

    def _on_filter_changed(self) -> None:
        self.proxy.set_severities({s for s, b in self._buttons.items() if b.isChecked()})
        self._update_counts()

    def reselect(self, key: tuple) -> None:
        """Select the finding with ``finding_key`` ``key`` again, if it is still shown."""
        self._reselect(key)

    def _reselect(self, key: tuple) -> None:
        for row in range(self.proxy.rowCount()):
            finding = self.proxy.data(self.proxy.index(row, 0), FINDING_ROLE)
            if finding_key(finding) == key:
                self.table.selectRow(row)
                self.table.scrollTo(self.proxy.index(row, 0))
                return

    def _show_details(self, *_args: object) -> None:
        finding = self.current_finding()
        if finding is None:
            self.details.clear()
            return
        row = self.table.currentIndex().row()
        target = self.proxy.data(self.proxy.index(row, COL_TARGET))
        colour = severity_color(str(finding.severity))
        head = (f"<b style='color:{colour}'>{html.escape(severity_label(finding.severity))}</b>"
                f"&nbsp; <b>{html.escape(finding.rule)}</b>&nbsp; {html.escape(target or '')}")
        # The colon is part of the text: full-width in Japanese, ": " in English.
        reference_head, fix_head = self.tr("根拠："), self.tr("対処：")
        reference = f"<b>{html.escape(reference_head)}</b>" + html.escape(
            finding.reference(self._lang))
        fix = f"<b>{html.escape(fix_head)}</b>" + html.escape(finding.fix(self._lang))
        parts = [f"<p>{p}</p>" for p in (head, html.escape(finding.message(self._lang)),
                                          reference, fix)]
        self.details.setHtml("".join(parts))

    def _activate(self, index: QModelIndex) -> None:
        finding = self.proxy.data(self.proxy.index(index.row(), 0), FINDING_ROLE)
        if finding is not None:  # '' names the plan itself (findings about no item)
            self.finding_activated.emit(finding.nodes[0] if finding.nodes else "", finding.field)
            self.finding_opened.emit(finding)
