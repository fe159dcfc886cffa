"""GraphView: the plan as a picture, issues → measures → data → KPIs in four columns.

Boxes are coloured by kind, carry a badge where findings are, and items with a missing
link (an issue no measure answers, a measure no KPI evaluates…) get a red dashed frame, so
gaps show at a glance. Clicking a box (or Enter on it) emits ``node_activated``. Layout is
computed by :mod:`planner.ui.layout`; after an edit that keeps the structure, only texts and
badges change, so the view keeps up with typing even on a prefecture's plan.

Following a document (``follow``), the view never walks the whole plan for a keystroke: a
title edit relabels its one box; an edit of a link (or an item added, removed or moved)
asks for a re-layout that runs once, a moment later, for any number of such edits, and
only while the view is shown; other fields do not concern the picture at all.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QShowEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.checks.finding import Finding
from planner.plan import vocab
from planner.plan.graph import PlanGraph
from planner.plan.model import Category, ItemKind, Plan
from planner.ui.document import connect_while
from planner.ui.graph_items import (
    FLOW_PENS,
    GAP_COLOR,
    KIND_COLORS,
    EdgeItem,
    NodeContent,
    NodeItem,
)
from planner.ui.i18n import lang, translate
from planner.ui.layout import (
    EDGE_EVALUATES,
    KINDS,
    GroupBox,
    Layout,
    gaps_of,
    layered_layout,
    plan_edges,
    structure_from,
)
from planner.ui.plain import plain_tip
from planner.ui.severity import worst

if TYPE_CHECKING:
    from planner.ui.document import PlanDocument

_MIN_SCALE, _MAX_SCALE, _STEP = 0.01, 4.0, 1.25
#: Item fields the picture draws besides the title: boxes, lines, their flow, the personal
#: tag, gap marks and the pillar bands. An edit of any other field leaves the graph as is.
GRAPH_FIELDS = frozenset({"id", "addresses", "uses", "measures", "source", "pillar", "parent",
                          "category"})
#: How long structural edits are gathered before the one re-layout they cause (ms).
RELAYOUT_DELAY_MS = 120
#: The smallest zoom the automatic fits use across: titles stay about 9 px or more.
READABLE_ZOOM = 0.75


def _personal_tags() -> dict[str, str]:
    # Spelled out as translate("GraphView", …) so pyside6-lupdate extracts each string.
    return {
        Category.PERSONAL: translate("GraphView", "個人"),
        Category.SPECIAL_CARE: translate("GraphView", "要配慮"),
        Category.SPECIFIC_PERSONAL: translate("GraphView", "特定個人"),
        Category.NON_IDENTIFYING: translate("GraphView", "非識別"),
    }


def _gap_texts() -> dict[str, str]:
    return {
        "unaddressed_issue": translate("GraphView", "この課題に対応する施策がありません"),
        "measure_no_issue": translate("GraphView", "この施策が対応する課題がありません"),
        "measure_no_kpi": translate("GraphView", "この施策を評価するKPIがありません"),
        "kpi_no_source": translate("GraphView", "このKPIの測定元データがありません"),
        "unused_data": translate("GraphView", "このデータを使う施策・KPIがありません"),
    }


def _group_key(plan: Plan) -> object:
    """What the pillar bands depend on: the pillars and which measure is in which."""
    return (tuple((p.id, p.title, p.parent) for p in plan.pillars),
            tuple((m.id, m.pillar) for m in plan.measures))



#: The legend's sample of each pen style.
_LINE_GLYPHS = {"solid": "━", "dash": "┅", "dot": "┈"}

class _Canvas(QGraphicsView):
    """The scrolling, zooming view: sticky column headers, Ctrl+wheel zoom, arrow keys."""

    clicked = Signal(str)
    key_move = Signal(int, int)  # column delta, row delta
    key_activate = Signal()
    fit_requested = Signal()
    resized = Signal()

    def __init__(self, scene: QGraphicsScene, parent: QWidget) -> None:
        super().__init__(scene, parent)
        self.headers: list[tuple[float, float, str, str]] = []  # x, width, text, colour
        self.user_zoomed = False
        self._zoom = 1.0
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundBrush(QColor("#fbfbfb"))

    def scale_factor(self) -> float:
        """Current vertical zoom (1.0 = 100 %)."""
        return self._zoom

    def width_scale(self) -> float:
        """The zoom at which the four columns fill the viewport's width (at most 100 %),
        never below ``READABLE_ZOOM``: a narrow view scrolls sideways instead of shrinking
        the titles to 7 px."""
        rect = self.sceneRect()
        if rect.width() <= 0:
            return 1.0
        return max(min((self.viewport().width() - 4) / rect.width(), 1.0), READABLE_ZOOM)

    def set_zoom(self, zoom: float) -> None:
        """Zoom vertically to ``zoom``; horizontally never below the width fit.

        Zoomed out past the width fit, a tall prefecture plan is squeezed only vertically,
        so the whole plan fits as an overview of coloured bars with the columns readable.
        """
        self._zoom = min(max(zoom, _MIN_SCALE), _MAX_SCALE)
        horizontal = max(self._zoom, min(self.width_scale(), self._zoom * 40))
        self.setTransform(QTransform.fromScale(horizontal, self._zoom))

    def zoom_by(self, factor: float) -> None:
        """Zoom in or out by ``factor``."""
        self.set_zoom(self._zoom * factor)
        self.user_zoomed = True

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms; the plain wheel scrolls."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(_STEP if event.angleDelta().y() > 0 else 1 / _STEP)
            event.accept()
        else:
            super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click on a box selects it; elsewhere it starts a drag to pan."""
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, NodeItem) and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(item.node_id)
            event.accept()
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrows move between boxes, Enter opens, +/- zoom, 0 fits."""
        moves: dict[int, tuple[int, int]] = {Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1), Qt.Key.Key_Left: (-1, 0),
                 Qt.Key.Key_Right: (1, 0)}
        key = event.key()
        if key in moves:
            self.key_move.emit(*moves[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.key_activate.emit()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / _STEP)
        elif key == Qt.Key.Key_0:
            self.fit_requested.emit()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Tell the owner, which keeps its fit."""
        super().resizeEvent(event)
        self.resized.emit()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        """Repaint all so the sticky headers do not smear when scrolling."""
        super().scrollContentsBy(dx, dy)
        self.viewport().update()

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """Column headers pinned to the top of the viewport, whatever the scroll."""
        if not self.headers:
            return
        painter.save()
        painter.resetTransform()
        metrics = painter.fontMetrics()
        band = metrics.height() + 10
        painter.fillRect(0, 0, self.viewport().width(), band, QColor(255, 255, 255, 230))
        for x, width, text, colour in self.headers:
            left = self.mapFromScene(QPointF(x, 0)).x()
            right = self.mapFromScene(QPointF(x + width, 0)).x()
            header = QRectF(left, 0, max(right - left, metrics.horizontalAdvance(text) + 8), band)
            painter.fillRect(header.adjusted(0, band - 3, 0, 0), QColor(colour))
            painter.setPen(QColor("#222222"))
            painter.drawText(header, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class GraphView(QWidget):
    """The plan graph with zoom controls; emits ``node_activated(id)`` on click or Enter."""

    node_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene = QGraphicsScene(self)
        self._canvas = _Canvas(self._scene, self)
        self._layout: Layout | None = None
        self._nodes: dict[str, NodeItem] = {}
        self._edges: dict[tuple[str, str, str], EdgeItem] = {}
        self._contents: dict[str, NodeContent] = {}
        self._titles: dict[str, str] = {}
        self._badges: dict[str, tuple[int, str]] = {}
        self._finding_text: dict[str, list[str]] = {}
        self._selected: str | None = None
        self._node_font = QFont(self.font())
        self._plan: Plan | None = None
        self._group_key: object = None  # what the pillar bands depend on, when grouped
        self._group_items: list[QGraphicsRectItem] = []
        self._doc: PlanDocument | None = None  # the document followed (``follow``), if any
        self._stale = False  # a structural edit not yet drawn (the view was hidden)
        self._wanted: tuple[str, bool] | None = None  # select once its box is drawn
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(RELAYOUT_DELAY_MS)
        self._relayout_timer.timeout.connect(self._refresh_if_shown)
        self._build_ui()
        self._canvas.clicked.connect(self._on_clicked)
        self._canvas.key_move.connect(self._on_key_move)
        self._canvas.key_activate.connect(self._on_key_activate)
        self._canvas.fit_requested.connect(self.fit)
        self._canvas.resized.connect(self._on_resized)

    # --- public API -----------------------------------------------------------------

    def follow(self, doc: PlanDocument) -> None:
        """Keep showing ``doc``'s plan (a PlanDocument) as it is edited, undone, replaced.

        A new plan is drawn at once; edits are applied by what they change (module doc).
        """
        self._doc = doc
        doc.item_changed.connect(self._on_item_changed)
        # Tied to this view: a change of UI language replaces it while the document stays.
        for signal in (doc.item_added, doc.item_removed, doc.item_moved):
            connect_while(self, signal, lambda *_: self.refresh_later())
        connect_while(self, doc.plan_replaced, lambda: self.set_plan(doc.plan, doc.graph))
        self.set_plan(doc.plan, doc.graph)

    def refresh_later(self) -> None:
        """Bring the picture up to date with the plan soon, once for a burst of edits."""
        self._relayout_timer.start()

    def refresh_now(self) -> None:
        """Draw a pending edit at once, rather than when the timer fires."""
        if self._relayout_timer.isActive():
            self._relayout_timer.stop()
            self._refresh_if_shown()

    def is_stale(self) -> bool:
        """True while an edit is not drawn yet (a re-layout is pending or the view hidden)."""
        return self._stale or self._relayout_timer.isActive()

    def set_plan(self, plan: Plan, graph: PlanGraph | None = None) -> None:
        """Show ``plan`` (``graph``: its PlanGraph, when the caller has it); re-lays out
        only when ids or links changed."""
        self._relayout_timer.stop()
        self._stale = False
        self._plan = plan
        graph = graph if graph is not None else PlanGraph(plan)
        self._update_group_button(plan)
        grouped = self._grouped()
        group_key = _group_key(plan) if grouped else None
        columns, edges = plan_edges(plan, graph)
        if (self._layout is None or structure_from(columns, edges) != self._layout.structure
                or group_key != self._group_key):
            self._group_key = group_key
            self._apply_layout(layered_layout(plan, previous=self._layout,
                                              edges_of_plan=(columns, edges), graph=graph,
                                              group_by_pillar=grouped))
        for edge in edges:  # a flow change restyles in place
            item = self._edges[edge.key]
            if item.edge.flow != edge.flow:
                item.restyle(edge)
        self._titles = {item.id: item.title for item in plan.items()}
        gap_codes, gap_texts = gaps_of(graph, columns), _gap_texts()
        tags, personal = _personal_tags(), {
            d.id: str(d.category) for d in plan.data_sources if d.is_personal}
        for node_id, node in self._nodes.items():
            count, severity = self._badges.get(node_id, (0, ""))
            content = NodeContent(
                self._titles.get(node_id, ""), tags.get(personal.get(node_id, ""), ""),
                gap_texts.get(gap_codes.get(node_id, ""), ""), count, severity)
            if node.set_content(content):
                self._refresh_tooltip(node)
        if self._wanted is not None:  # selected while its box was not drawn yet
            wanted, self._wanted = self._wanted, None
            self.select(*wanted)

    def set_findings(self, findings: list[Finding]) -> None:
        """Put a badge (count, worst severity) on every box a finding concerns."""
        severities: dict[str, list[str]] = defaultdict(list)
        texts: dict[str, list[str]] = defaultdict(list)
        for f in findings:
            for node_id in dict.fromkeys(f.nodes):
                severities[node_id].append(str(f.severity))
                texts[node_id].append(f"[{f.rule}] {f.message(lang())}")
        old_badges, old_texts = self._badges, self._finding_text
        self._badges = {n: (len(s), worst(s)) for n, s in severities.items()}
        self._finding_text = dict(texts)
        # Only the boxes whose badge or finding texts differ: a keystroke's check changes
        # a few, and a prefecture plan has a thousand boxes.
        for node_id in old_badges.keys() | self._badges.keys():
            node = self._nodes.get(node_id)
            if node is None or (old_badges.get(node_id) == self._badges.get(node_id)
                                and old_texts.get(node_id) == self._finding_text.get(node_id)):
                continue
            count, severity = self._badges.get(node_id, (0, ""))
            node.set_content(replace(node.content, badge_count=count, badge_severity=severity))
            self._refresh_tooltip(node)

    def select(self, item_id: str | None, centre: bool = True) -> None:
        """Highlight ``item_id`` and its links and bring it into view (None clears)."""
        if self._selected in self._nodes:
            self._nodes[self._selected].set_selected(False)
            self._highlight_edges(self._selected, False)
        self._selected = item_id if item_id in self._nodes else None
        # An item just added has no box until the pending re-layout: select it then.
        self._wanted = (item_id, centre) if (
            self._selected is None and item_id is not None and self.is_stale()) else None
        if self._selected is None:
            return
        node = self._nodes[self._selected]
        node.set_selected(True)
        self._highlight_edges(self._selected, True)
        if centre:
            self._canvas.centerOn(node)

    def selected(self) -> str | None:
        """The highlighted item's id."""
        return self._selected

    def zoom_in(self) -> None:
        """Zoom in one step."""
        self._canvas.zoom_by(_STEP)

    def zoom_out(self) -> None:
        """Zoom out one step."""
        self._canvas.zoom_by(1 / _STEP)

    def fit(self) -> None:
        """Show the whole graph (a tall plan is squeezed vertically into an overview)."""
        rect = self._scene.sceneRect()
        if rect.isEmpty():
            return
        viewport = self._canvas.viewport().size()
        self._canvas.set_zoom(min(viewport.height() / rect.height(),
                                  self._canvas.width_scale()))
        self._canvas.centerOn(rect.center())
        self._show_first_column()
        self._canvas.user_zoomed = True

    def fit_width(self) -> None:
        """Fit the four columns' width (titles stay readable); scroll to the top."""
        rect = self._scene.sceneRect()
        if rect.isEmpty():
            return
        self._canvas.set_zoom(self._canvas.width_scale())
        self._canvas.centerOn(rect.center().x(), rect.top())
        self._show_first_column()
        self._canvas.user_zoomed = True

    def _show_first_column(self) -> None:
        """When the columns are wider than a narrow view (a docked graph at 1366 px), start
        at 地域課題 rather than centred on 施策 and データ with issues and KPIs cut off."""
        bar = self._canvas.horizontalScrollBar()
        bar.setValue(bar.minimum())

    def scale_factor(self) -> float:
        """Current zoom (1.0 = 100 %)."""
        return self._canvas.scale_factor()

    def node_rect(self, item_id: str) -> QRectF | None:
        """Where a box is in the viewport (for tests and tours), or None."""
        node = self._nodes.get(item_id)
        if node is None:
            return None
        polygon = self._canvas.mapFromScene(node.sceneBoundingRect())
        return QRectF(polygon.boundingRect())

    def canvas(self) -> QGraphicsView:
        """The QGraphicsView inside (for focus chains and tests)."""
        return self._canvas

    def group_button(self) -> QToolButton:
        """The 「施策体系でまとめる」 toggle (for tests)."""
        return self._group_button

    def group_labels(self) -> list[str]:
        """The pillar bands' headers shown, top to bottom (empty when not grouped)."""
        return [item.data(0) for item in self._group_items]

    # --- building ---------------------------------------------------------------------

    def _build_ui(self) -> None:
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        for text, tip, slot in (
            (self.tr("拡大"), self.tr("拡大（Ctrl+ホイール、＋キー）"), self.zoom_in),
            (self.tr("縮小"), self.tr("縮小（Ctrl+ホイール、－キー）"), self.zoom_out),
            (self.tr("全体表示"), self.tr("全体を表示（0キー）"), self.fit),
            (self.tr("幅に合わせる"), self.tr("列の幅に合わせて表示"), self.fit_width),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            bar.addWidget(button)
        self._group_button = QToolButton(self)
        self._group_button.setText(self.tr("施策体系でまとめる"))
        self._group_button.setAccessibleName(self._group_button.text())
        self._group_button.setCheckable(True)
        self._group_button.setEnabled(False)
        self._group_button.setToolTip(self.tr("この計画には施策体系がありません"))
        self._group_button.toggled.connect(self._on_group_toggled)
        self._show_evaluates = QCheckBox(self.tr("評価の線を表示"), self)
        self._show_evaluates.setToolTip(self.tr("KPIがどの施策を評価するかを線で示します"))
        self._show_evaluates.toggled.connect(self._update_evaluates_visibility)
        bar.addStretch(1)
        # The check box and the legend go on a second row, the legend wrapping: on one
        # row they made the dock 785 px wide at least, wider than a laptop can spare.
        second = QHBoxLayout()
        second.setContentsMargins(4, 0, 4, 2)
        # The pillar toggle sits under the check box: beside it or on the first row,
        # English at 200 % widened the dock enough to make the forms scroll sideways.
        switches = QVBoxLayout()
        switches.setSpacing(2)
        switches.addWidget(self._show_evaluates)
        switches.addWidget(self._group_button, 0, Qt.AlignmentFlag.AlignLeft)
        switches.addStretch(1)
        second.addLayout(switches)
        second.addWidget(self._legend(), 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addLayout(second)
        layout.addWidget(self._canvas, 1)

    def legend_entries(self) -> list[str]:
        """The legend's words in the UI language: each flow's short label, then the gap mark."""
        return [*(vocab.label("flow", code, lang(), "short") for code in FLOW_PENS if code),
                self.tr("つながりの欠落")]

    def _legend(self) -> QLabel:
        def swatch(colour: str, text: str, style: str = "solid") -> str:
            # Why the word joiners: Japanese may break between any two characters, and
            # the wrapping legend split 「つながりの欠落」 mid-word; an entry now wraps whole.
            whole = "\u2060".join(text.replace(" ", "\u00a0"))
            return (f"<span style='color:{colour}; font-weight:bold'>"
                    f"{_LINE_GLYPHS[style]}</span>&nbsp;{whole}&nbsp; ")
        legend = QLabel(self)
        legend.setObjectName("graph_legend")
        legend.setWordWrap(True)
        legend.setTextFormat(Qt.TextFormat.RichText)
        # One swatch per flow in the pens' own colour and line, named as the data-use
        # table's cells name it (the vocabulary's ``short``); it listed four flows by hand.
        lines = {Qt.PenStyle.DashLine: "dash", Qt.PenStyle.DotLine: "dot"}
        pens = [(colour, lines.get(style, "solid"))
                for code, (colour, _width, style) in FLOW_PENS.items() if code is not None]
        pens.append((GAP_COLOR, "dash"))
        legend.setText("".join(swatch(colour, text, style)
                               for (colour, style), text in zip(pens, self.legend_entries(),
                                                                strict=True)))
        legend.setToolTip(self.tr("線の色はデータの流れ（利用・提供・公開）を表します"))
        return legend

    def _apply_layout(self, layout: Layout) -> None:
        """Reuse boxes that stay, add new ones, drop gone ones; re-route the edges of the
        boxes that moved.

        The scene's spatial index is switched off meanwhile and rebuilt once at the end:
        kept on, it was updated for every box and curve moved (a 4x plan: 2 s of 2.5).
        """
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        for gone in set(self._nodes) - set(layout.boxes):
            self._scene.removeItem(self._nodes.pop(gone))
        moved: set[str] = set()
        for node_id, box in layout.boxes.items():
            node = self._nodes.get(node_id)
            if node is None:
                node = self._nodes[node_id] = NodeItem(box, NodeContent(""), self._node_font)
                self._scene.addItem(node)
                moved.add(node_id)
            elif node.box != box:
                node.move_to(box)
                moved.add(node_id)
        keys = {e.key: e for e in layout.edges}
        for gone_edge in set(self._edges) - set(keys):
            self._scene.removeItem(self._edges.pop(gone_edge))
        for key, edge in keys.items():
            item = self._edges.get(key)
            if item is None:
                item = self._edges[key] = EdgeItem(edge)
                self._scene.addItem(item)
            elif edge.source not in moved and edge.target not in moved:
                continue
            item.route(layout.boxes[edge.source], layout.boxes[edge.target])
        self._layout = layout
        self._draw_groups(layout.groups)
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self._scene.setSceneRect(QRectF(0, 0, layout.width, layout.height))
        self._canvas.headers = self._headers(layout)
        self._canvas.viewport().update()  # the pinned headers' counts change with the layout
        self._update_evaluates_visibility()
        if self._selected is not None:
            self.select(self._selected, centre=False)
        if not self._canvas.user_zoomed:
            self._auto_fit()

    def _draw_groups(self, groups: list[GroupBox]) -> None:
        """A tinted band per pillar behind its measures, its number and title on top."""
        for item in self._group_items:
            self._scene.removeItem(item)
        self._group_items = []
        font = QFont(self._node_font)
        font.setBold(True)
        for group in groups:
            band = QGraphicsRectItem(group.x, group.y, group.width, group.height)
            band.setBrush(QBrush(QColor("#eef3f8")))
            band.setPen(QColor("#9fb3c8"))
            band.setZValue(-2)  # behind the links and the boxes
            band.setData(0, group.label)
            band.setToolTip(plain_tip(group.label))
            text = QGraphicsSimpleTextItem(band)
            text.setFont(font)
            text.setBrush(QColor("#2c3e50"))
            text.setText(QFontMetricsF(font).elidedText(
                group.label, Qt.TextElideMode.ElideRight, group.width - 12))
            text.setPos(group.x + 6, group.y + 4)
            self._scene.addItem(band)
            self._group_items.append(band)

    def _grouped(self) -> bool:
        return self._group_button.isEnabled() and self._group_button.isChecked()

    def _update_group_button(self, plan: Plan) -> None:
        has_pillars = bool(plan.pillars)
        if has_pillars == self._group_button.isEnabled():
            return
        self._group_button.setEnabled(has_pillars)
        self._group_button.setToolTip(
            self.tr("施策を施策体系の順に並べ、体系ごとに枠で囲みます") if has_pillars
            else self.tr("この計画には施策体系がありません"))

    def _on_group_toggled(self) -> None:
        """Re-lay out from scratch, so that off gives exactly the ungrouped layout."""
        if self._plan is None:
            return
        grouped = self._grouped()
        self._group_key = _group_key(self._plan) if grouped else None
        self._apply_layout(layered_layout(self._plan, group_by_pillar=grouped))

    def _headers(self, layout: Layout) -> list[tuple[float, float, str, str]]:
        names = (self.tr("地域課題"), self.tr("施策"), self.tr("データ"), self.tr("KPI"))
        geometry = layout.geometry
        return [(geometry.column_x(c), geometry.node_width,
                 self.tr("{0}（{1}）").format(names[c], len(layout.order[c])),
                 KIND_COLORS[KINDS[c]][1]) for c in range(len(KINDS))]

    def _auto_fit(self) -> None:
        """Whole graph if it stays readable, else fit the width (until the user zooms)."""
        rect = self._scene.sceneRect()
        viewport = self._canvas.viewport().size()
        if rect.isEmpty() or viewport.width() < 50:
            return
        if viewport.height() / rect.height() >= self._canvas.width_scale():
            self.fit()  # the whole plan fits, readable
        elif viewport.height() / rect.height() >= 0.25 * self._canvas.width_scale():
            self.fit_width()  # a town's plan: readable boxes, scroll down
        else:
            self.fit()  # a prefecture's plan: the overview first, zoom in to read
        self._canvas.user_zoomed = False

    def _on_resized(self) -> None:
        """Keep the automatic fit until the user zooms; keep the width fit anyway."""
        if self._layout is not None and not self._canvas.user_zoomed:
            self._auto_fit()
        else:
            self._canvas.set_zoom(self._canvas.scale_factor())

    def showEvent(self, event: QShowEvent) -> None:
        """Fit once the viewport has its real size; draw edits made while hidden."""
        super().showEvent(event)
        if self._stale and self._plan is not None:
            self._redraw()
        if self._layout is not None and not self._canvas.user_zoomed:
            self._auto_fit()

    # --- following a document ------------------------------------------------------------

    def _on_item_changed(self, kind: str, item_id: str, path: str) -> None:
        """A title relabels one box; a link or tag re-lays out later; the rest is not drawn."""
        field = path.split(".", 1)[0].split("[", 1)[0]
        if kind == "pillars" or field in GRAPH_FIELDS:  # pillars: the bands' order, labels
            self.refresh_later()
        elif field == "title" and self._doc is not None:
            self._relabel(item_id)

    def _relabel(self, item_id: str) -> None:
        node = self._nodes.get(item_id)
        if node is None:  # a box not drawn yet (a re-layout is coming)
            return
        if self._doc is None:
            return
        # The last item of a repeated id, as ``set_plan`` labels it (REF002 reports those).
        item = next((i for i in reversed(self._doc.plan.items()) if i.id == item_id), None)
        if item is None:
            return
        self._titles[item_id] = item.title
        if node.set_content(replace(node.content, title=item.title)):
            self._refresh_tooltip(node)

    def _redraw(self) -> None:
        """Draw the plan followed as it is now (with the document's shared PlanGraph)."""
        if self._doc is not None:
            self.set_plan(self._doc.plan, self._doc.graph)
        elif self._plan is not None:
            self.set_plan(self._plan)

    def _refresh_if_shown(self) -> None:
        if self._plan is None:
            return
        if self.isVisible():
            self._redraw()
        else:  # nobody looks: draw it when the view is shown again
            self._stale = True

    # --- interaction ------------------------------------------------------------------

    def _refresh_tooltip(self, node: NodeItem) -> None:
        kinds: dict[str, str] = {ItemKind.ISSUE: self.tr("地域課題"),
                                 ItemKind.MEASURE: self.tr("施策"),
                                 ItemKind.DATA: self.tr("データ"), ItemKind.KPI: self.tr("KPI")}
        kind = kinds[node.kind]
        lines = [f"{node.content.title}", f"{kind}  {node.node_id}"]
        if node.content.gap:
            lines.append("⚠ " + node.content.gap)
        found = self._finding_text.get(node.node_id, [])
        lines += found[:6] + ([self.tr("…ほか{0}件").format(len(found) - 6)] if len(found) > 6
                              else [])
        node.setToolTip(plain_tip("\n".join(lines)))

    def _highlight_edges(self, node_id: str, on: bool) -> None:
        for key, item in self._edges.items():
            if node_id in (key[0], key[1]):
                item.set_highlighted(on)
                if key[2] == EDGE_EVALUATES:
                    item.setVisible(on or self._show_evaluates.isChecked())

    def _update_evaluates_visibility(self) -> None:
        show = self._show_evaluates.isChecked()
        for key, item in self._edges.items():
            if key[2] == EDGE_EVALUATES:
                item.setVisible(show or item.highlighted)

    def _on_clicked(self, node_id: str) -> None:
        self.select(node_id, centre=False)
        self.node_activated.emit(node_id)

    def _on_key_activate(self) -> None:
        if self._selected is not None:
            self.node_activated.emit(self._selected)

    def _on_key_move(self, dcol: int, drow: int) -> None:
        if self._layout is None or not self._nodes:
            return
        order = self._layout.order
        if self._selected is None:
            first = next((ids[0] for ids in order if ids), None)
            self.select(first)
            return
        boxes = self._layout.boxes
        box = boxes[self._selected]
        column = box.column + dcol
        while 0 <= column < len(order) and not order[column]:
            column += dcol  # skip empty columns
        if not 0 <= column < len(order):
            return
        if dcol:  # the box in that column nearest in height
            target = min(order[column], key=lambda n: abs(boxes[n].y - box.y))
        else:
            row = min(max(box.row + drow, 0), len(order[column]) - 1)
            target = order[column][row]
        self.select(target)
