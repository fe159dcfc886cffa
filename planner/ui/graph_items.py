"""The graph view's scene items: one box per plan item, one curve per link.

Boxes paint themselves by level of detail: zoomed out to see a whole prefecture's plan
they are plain coloured bars (gaps in red, findings as a coloured tick), zoomed in they
show the title, id, personal-data tag and a findings badge.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from planner.plan.model import ItemKind
from planner.ui.layout import EDGE_EVALUATES, EDGE_USES, GraphEdge, NodeBox
from planner.ui.severity import severity_color

#: Fill and border colour per kind (issue orange, measure blue, data green, KPI purple).
KIND_COLORS: dict[str, tuple[str, str]] = {  # (by ItemKind, a str: a layout box's kind)
    ItemKind.ISSUE: ("#fde3cc", "#d9782d"),
    ItemKind.MEASURE: ("#d8e7f8", "#2f6db5"),
    ItemKind.DATA: ("#dcefd6", "#3e8e41"),
    ItemKind.KPI: ("#ece0f6", "#7b4fa8"),
}
GAP_COLOR = "#d32f2f"
SELECT_COLOR = "#0b3d91"

#: Pen per data-use flow: (colour, width, style).
FLOW_PENS = {
    "internal_use": ("#7f8c8d", 1.3, Qt.PenStyle.SolidLine),
    "provide_public_body": ("#1f77b4", 1.8, Qt.PenStyle.SolidLine),
    "provide_private": ("#e67e22", 2.0, Qt.PenStyle.SolidLine),
    "outsource": ("#7f8c8d", 1.5, Qt.PenStyle.DashLine),
    "publish": ("#27ae60", 2.0, Qt.PenStyle.SolidLine),
    "receive": ("#8e44ad", 1.5, Qt.PenStyle.DotLine),
    None: ("#b0b0b0", 1.2, Qt.PenStyle.DotLine),
}
EDGE_PENS = {
    "addresses": ("#9a9a9a", 1.3, Qt.PenStyle.SolidLine),
    "measured_from": ("#9a9a9a", 1.3, Qt.PenStyle.SolidLine),
    "evaluates": ("#a98cc9", 1.2, Qt.PenStyle.DashDotLine),
}

_BADGE_RADIUS = 10.0
_DETAIL_LOD = 0.45  # below this zoom, text is unreadable: paint bars only


@dataclass(frozen=True)
class NodeContent:
    """What a box shows besides its position; compared to skip needless repaints."""

    title: str
    personal_tag: str = ""  # 個人 / 要配慮 / 特定個人 / 非識別 on personal data
    gap: str = ""  # explanation of a missing link, '' when none
    badge_count: int = 0
    badge_severity: str = ""


class NodeItem(QGraphicsItem):
    """A plan item drawn as a rounded box in its column."""

    def __init__(self, box: NodeBox, content: NodeContent, font: QFont) -> None:
        super().__init__()
        self.node_id = box.id
        self.kind = box.kind
        self.box = box
        self.content = content
        self.selected_ = False
        self._font = font
        self._small = QFont(font)
        self._small.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
        self._elided = ""
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(1)
        self.move_to(box)
        self.set_content(content, force=True)

    def move_to(self, box: NodeBox) -> None:
        """Place the box where the layout says."""
        if (box.width, box.height) != (self.box.width, self.box.height):
            self.prepareGeometryChange()
        self.box = box
        self.setPos(box.x, box.y)

    def set_content(self, content: NodeContent, force: bool = False) -> bool:
        """Show new content; True when something changed (and a repaint was asked)."""
        if content == self.content and not force:
            return False
        if force or content.title != self.content.title:
            width = self.box.width - 16
            self._elided = QFontMetricsF(self._font).elidedText(
                content.title, Qt.TextElideMode.ElideRight, width)
        self.content = content
        self.update()
        return True

    def set_selected(self, on: bool) -> None:
        """Draw or remove the selection frame."""
        if on != self.selected_:
            self.selected_ = on
            self.setZValue(2 if on else 1)
            self.update()

    def boundingRect(self) -> QRectF:
        """The box plus room for the badge and a thick frame."""
        pad = _BADGE_RADIUS + 2
        return QRectF(-4, -pad, self.box.width + pad + 4, self.box.height + pad + 4)

    def shape(self) -> QPainterPath:
        """Clicks hit the box itself."""
        path = QPainterPath()
        path.addRect(QRectF(0, 0, self.box.width, self.box.height))
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        """Bars when zoomed out, full boxes when the text can be read."""
        transform = painter.worldTransform()
        sx, sy = abs(transform.m11()), abs(transform.m22())
        # Squeezed vertically (the overview of a tall plan), text would be distorted: bars.
        if min(sx, sy) < _DETAIL_LOD or sy < 0.95 * sx:
            self._paint_bar(painter)
        else:
            self._paint_box(painter)

    def _paint_bar(self, painter: QPainter) -> None:
        border = KIND_COLORS[self.kind][1]
        rect = QRectF(0, 0, self.box.width, self.box.height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(GAP_COLOR if self.content.gap else border))
        painter.drawRect(rect)
        if self.content.badge_count:
            painter.setBrush(QColor(severity_color(self.content.badge_severity)))
            # Outside the box, so an amber warning never blends into an orange issue.
            painter.drawRect(QRectF(self.box.width + 2, 0, _BADGE_RADIUS, rect.height()))
        if self.selected_:
            painter.setPen(QPen(QColor(SELECT_COLOR), 0))  # cosmetic: visible at any zoom
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(-6, -6, 6, 6))

    def _paint_box(self, painter: QPainter) -> None:
        fill, border = KIND_COLORS[self.kind]
        rect = QRectF(0, 0, self.box.width, self.box.height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.selected_:
            pen = QPen(QColor(SELECT_COLOR), 3.5)
        elif self.content.gap:
            pen = QPen(QColor(GAP_COLOR), 2.2, Qt.PenStyle.DashLine)
        else:
            pen = QPen(QColor(border), 1.2)
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor("#fff1f0" if self.content.gap else fill)))
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(QColor("#1a1a1a"))
        painter.setFont(self._font)
        painter.drawText(QRectF(8, 3, rect.width() - 16, rect.height() / 2),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._elided)
        self._paint_id_line(painter, rect)
        if self.content.badge_count:
            self._paint_badge(painter)

    def _paint_id_line(self, painter: QPainter, rect: QRectF) -> None:
        painter.setFont(self._small)
        line = QRectF(8, rect.height() / 2, rect.width() - 16, rect.height() / 2 - 3)
        x = line.left()
        if self.content.personal_tag:
            metrics = QFontMetricsF(self._small)
            tag_w = metrics.horizontalAdvance(self.content.personal_tag) + 8
            tag = QRectF(x, line.center().y() - metrics.height() / 2, tag_w, metrics.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#b71c1c"))
            painter.drawRoundedRect(tag, 3, 3)
            painter.setPen(QColor("white"))
            painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, self.content.personal_tag)
            x += tag_w + 6
        painter.setPen(QColor("#555555"))
        painter.drawText(QRectF(x, line.top(), line.right() - x, line.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.node_id)

    def _paint_badge(self, painter: QPainter) -> None:
        centre = QPointF(self.box.width - 2, 0)
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(QColor(severity_color(self.content.badge_severity)))
        painter.drawEllipse(centre, _BADGE_RADIUS, _BADGE_RADIUS)
        painter.setPen(QColor("white"))
        font = QFont(self._small)
        font.setBold(True)
        painter.setFont(font)
        text = str(self.content.badge_count) if self.content.badge_count < 100 else "99+"
        painter.drawText(QRectF(centre.x() - _BADGE_RADIUS, -_BADGE_RADIUS, 2 * _BADGE_RADIUS,
                                2 * _BADGE_RADIUS), Qt.AlignmentFlag.AlignCenter, text)


class EdgeItem(QGraphicsPathItem):
    """A link drawn as a curve from the right side of one box to the left of another."""

    def __init__(self, edge: GraphEdge) -> None:
        super().__init__()
        self.edge = edge
        self.highlighted = False
        self.setZValue(-1 if edge.kind == EDGE_EVALUATES else 0)
        self.restyle(edge)

    def restyle(self, edge: GraphEdge) -> None:
        """Apply the pen for the edge's kind and flow."""
        self.edge = edge
        if edge.kind == EDGE_USES:
            color, width, style = FLOW_PENS.get(edge.flow, FLOW_PENS[None])
        else:
            color, width, style = EDGE_PENS[edge.kind]
        if self.highlighted:
            color, width = SELECT_COLOR, width + 1.5
        pen = QPen(QColor(color), width, style)
        self.setPen(pen)

    def set_highlighted(self, on: bool) -> None:
        """Emphasise the edge when one of its ends is selected."""
        if on != self.highlighted:
            self.highlighted = on
            self.setZValue(0.5 if on else (-1 if self.edge.kind == EDGE_EVALUATES else 0))
            self.restyle(self.edge)

    def route(self, source: NodeBox, target: NodeBox) -> None:
        """Curve between the two boxes' facing sides."""
        start = QPointF(source.x + source.width, source.y + source.height / 2)
        end = QPointF(target.x, target.y + target.height / 2)
        bend = (end.x() - start.x()) / 2
        if self.edge.kind == EDGE_EVALUATES:
            bend = 60.0  # long edges leave and arrive flat, so they read as passing behind
        path = QPainterPath(start)
        path.cubicTo(QPointF(start.x() + bend, start.y()), QPointF(end.x() - bend, end.y()), end)
        self.setPath(path)
