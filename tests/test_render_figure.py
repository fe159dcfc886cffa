"""The relationship figure: deterministic, readable, split when the plan is large."""

from __future__ import annotations

import io

from PIL import Image
from render_helpers import big_plan, small_plan

from planner.render.context import build_context
from planner.render.figure import MAX_ROWS, relationship_figures

HEADERS = ["地域課題", "施策", "データ", "評価指標（KPI）"]


def test_small_plan_is_one_deterministic_figure():
    ctx = build_context(small_plan())
    first = relationship_figures(ctx, HEADERS)
    second = relationship_figures(ctx, HEADERS)
    assert len(first) == 1 and first[0].part == ""
    assert first[0].png == second[0].png
    image = Image.open(io.BytesIO(first[0].png))
    assert image.size == (first[0].width, first[0].height)


def test_large_plan_is_split_into_readable_parts():
    ctx = build_context(big_plan(issues=12, measures=60, data=80, kpis=90))
    figures = relationship_figures(ctx, HEADERS)
    assert len(figures) > 1
    assert all(f.part.startswith("課題") for f in figures)
    # Each part is short enough that, scaled to A4 text width, text stays legible.
    row_px = 2 * 26 + 30
    assert all(f.height < (MAX_ROWS + 4) * row_px * 2 for f in figures)
