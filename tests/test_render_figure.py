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


def test_a_dense_plan_draws_each_measure_once():
    """Issue 10: every measure addressing every issue once made a figure per issue × measure
    pair (10 × 100 → over a thousand images). Each measure is now drawn once, with arrows
    from all its issues, so the figures grow with the plan, not with its relations."""
    from planner.render.figure import _groups, _Index
    from tests.support.plans import dense_plan

    plan = dense_plan(issues=10, measures=100)
    ctx = build_context(plan)
    drawn = [m["id"] for _issues, measures, _part in _groups(ctx, _Index(ctx))
             for m in measures]
    assert sorted(drawn) == sorted(m.id for m in plan.measures)  # each exactly once
    figures = relationship_figures(ctx, HEADERS)
    assert len(figures) <= len(plan.issues) + len(plan.measures) // MAX_ROWS + 1
    row_px = 2 * 26 + 30
    assert all(f.height < (MAX_ROWS + 4) * row_px * 2 for f in figures)


def test_a_measure_keeps_the_arrows_of_all_its_issues():
    """A measure drawn with its first issue also shows the other issues it addresses."""
    plan = big_plan(issues=12, measures=60, data=80, kpis=90)
    plan.measures[0].addresses = [plan.issues[0].id, plan.issues[-1].id]
    ctx = build_context(plan)
    from planner.render.figure import _graph, _groups, _Index

    index = _Index(ctx)
    issues, measures, _part = next(iter(_groups(ctx, index)))
    cols, edges = _graph(ctx, issues, measures, index, others=True)
    m1 = "M:" + plan.measures[0].id
    assert ("I:" + plan.issues[-1].id, m1) in edges
    assert ("I:" + plan.issues[-1].id) in [key for key, _label in cols[0]]


def test_figures_are_palette_images_with_smooth_text():
    """Drawn straight into palette indices: no RGB pass, text still anti-aliased."""
    [figure] = relationship_figures(build_context(small_plan()), HEADERS)
    image = Image.open(io.BytesIO(figure.png))
    assert image.mode == "P"
    used = [count for count, _index in image.getcolors(256)]
    assert len(used) > 40  # the column colours plus shades of text, not just flat fills


def test_the_number_of_figures_is_bounded(monkeypatch):
    """Past MAX_FIGURES, neighbouring groups share a figure: any plan stays bounded."""
    from planner.render import figure

    ctx = build_context(big_plan(issues=12, measures=60, data=80, kpis=90))
    unbounded = relationship_figures(ctx, HEADERS)
    monkeypatch.setattr(figure, "MAX_FIGURES", 2)
    bounded = relationship_figures(ctx, HEADERS)
    assert len(unbounded) > 2 and len(bounded) == 2
    assert bounded[0].part.startswith("課題1〜")
    assert all(f.height < (MAX_ROWS + 4) * (2 * 26 + 30) * 2 for f in bounded)
