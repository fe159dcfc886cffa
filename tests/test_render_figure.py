"""The relationship figure: deterministic, readable, split when the plan is large."""

from __future__ import annotations

import io
from dataclasses import replace

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


def test_one_measure_with_hundreds_of_kpis_still_fits_a_page():
    """Splitting stops at a single measure; its column is capped with 「ほか N 件」 instead
    of becoming an image taller than any page (10,000 KPIs once made a 640,000-px PNG)."""
    plan = small_plan()
    first = plan.kpis[0]
    plan.kpis = [replace(first, id=f"K-{n}", title=f"指標{n}") for n in range(600)]
    plan.measures[1].addresses = plan.measures[0].addresses  # one issue, two measures
    ctx = build_context(plan)
    figures = relationship_figures(ctx, HEADERS)
    row_px = 2 * 26 + 30
    assert all(f.height < (MAX_ROWS + 4) * row_px * 2 for f in figures)
    assert len(figures) <= 3
