"""The second bundled sample: a prefecture plan in the shape of published ones (issue 11.8)."""

from __future__ import annotations

from collections import Counter

import docx
import pytest
from render_helpers import body_text

from planner.checks import Severity, run_checks
from planner.files.paths import resources_dir
from planner.files.planfile import load_document, load_plan, save_plan
from planner.plan.graph import PlanGraph
from planner.render import render_plan

PATH = resources_dir() / "samples" / "prefecture-plan.yaml"


@pytest.fixture(scope="module")
def plan():
    return load_plan(PATH)


def test_it_is_a_current_prefecture_plan(plan):
    loaded = load_document(PATH)
    assert not loaded.migrated and loaded.comment_lines > 5
    assert plan.plan.kind == "prefecture" and plan.schema_version == 2
    assert plan.plan.adopted_date.month_only


def test_it_has_the_shape_of_a_published_prefecture_plan(plan):
    g = PlanGraph(plan)
    levels = Counter(g.pillars.level(p.id) for p in plan.pillars)
    assert levels[1] == 3 and levels[2] >= 8  # 基本目標 3, 基本施策 8+
    assert len(plan.measures) >= 25
    assert all(m.pillar and g.pillars.level(m.pillar) == 2 for m in plan.measures)
    assert sum(bool(m.cooperating) for m in plan.measures) >= 20
    with_milestones = [k for k in plan.kpis if k.milestones]
    assert len(with_milestones) >= 20 and all(k.unit for k in with_milestones)
    assert any(k.cumulative for k in plan.kpis) and any(k.baseline.estimated for k in plan.kpis)
    assert any(k.quantitative is False and k.target.text for k in plan.kpis)
    info = plan.plan
    assert info.department and info.contact and len(info.glossary) >= 5
    assert {r.relation for r in info.related_plans} == {"parent", "serves_as", "aligned"}
    assert len(info.history) >= 4 and info.extra_sections
    catalogue = plan.find("D-19").open_data
    assert catalogue.dataset_count == 480 and len(catalogue.standard_datasets) >= 5


def test_numbering_is_derived_from_the_pillars(plan):
    g = PlanGraph(plan)
    assert [g.pillar_number(p) for p in ("P-1", "P-1-1", "P-2-4", "P-3-3")] == ["1", "1-1", "2-4", "3-3"]


def test_check_gives_no_error_and_only_the_findings_on_purpose(plan):
    findings = run_checks(plan)
    assert not [f for f in findings if f.severity == Severity.ERROR]
    assert sorted((f.rule, f.nodes) for f in findings) == [
        ("COV002", ()), ("GAP005", ("K-13",)), ("OPN008", ("D-17",))]
    readme = (PATH.parent / "README.md").read_text(encoding="utf-8")
    for rule in ("GAP005", "OPN008", "COV002"):
        assert f"| {rule} |" in readme.split("みずほ県官民データ活用推進計画")[1]


def test_it_saves_and_loads_back_keeping_its_comments(plan, tmp_path):
    copy = tmp_path / "pref.yaml"
    copy.write_bytes(PATH.read_bytes())
    save_plan(plan, copy)
    assert load_plan(copy) == plan
    saved = copy.read_text(encoding="utf-8")
    assert "# みずほ県は架空の県です。" in saved


def test_it_renders_through_the_prefecture_pack(plan, tmp_path):
    out = tmp_path / "pref.docx"
    render_plan(plan, out, template="prefecture")
    text = body_text(docx.Document(str(out)))
    assert "みずほ県官民データ活用推進計画（第2期）" in text
    assert "県の行政手続のオンライン化の拡大" in text and "令和12年度" in text


def test_the_app_opens_and_saves_it(qtbot, plan, tmp_path):
    from tests.ui.helpers import open_window

    copy = tmp_path / "pref.yaml"
    copy.write_bytes(PATH.read_bytes())
    window = open_window(qtbot)
    assert window.files.open_path(copy)
    assert window.doc.plan == plan
    window.doc.plan.measures[0].cooperating.append("財政課")  # as a form edit would
    window.doc.changed.emit()
    assert window.files.save()
    again = load_plan(copy)
    assert again.measures[0].cooperating[-1] == "財政課" and again.pillars == plan.pillars
    window.close()
