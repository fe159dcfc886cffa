"""A real published plan, transcribed (tests/data/realplans/fukuroi.yaml): load, check, render.

第3次袋井市ICT推進計画・官民データ活用推進計画 (2019年3月). The fixture's header cites the source
and says what was left out. Before the fixes that came with it, `planner check` gave 20
findings (1 error, 12 warnings, 7 info), 3 GAP003 and 3 GAP010 among them for two single
omissions (no KPI at all, no data named by any measure); now each omission is one finding,
15 in all (1 error, 7 warnings, 7 info).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from render_helpers import body_text

from planner.checks import run_checks
from planner.files.planfile import load_document
from planner.render import render_document

FUKUROI = Path(__file__).parent / "data" / "realplans" / "fukuroi.yaml"


def _plan():
    document = load_document(FUKUROI)
    # load_document raises PlanFileError on any problem; a current v2 file has no notices
    assert document.notices == [] and document.migrated_from is None
    return document.plan


def test_the_real_plan_loads_without_problems():
    plan = _plan()
    assert plan.plan.adopted_on is not None
    assert [m.pillar for m in plan.measures] == ["P-1"] * 3


def test_findings_per_rule():
    counts = Counter(f.rule for f in run_checks(_plan()))
    assert counts == Counter({
        "RDY001": 1,   # no KPI could be read from the source: one finding, no GAP003
        "GAP010": 1,   # no measure names data: one finding (was 3)
        "GAP009": 3, "RDY003": 1, "RDY004": 1, "RDY007": 1, "RDY008": 1, "PLN006": 1,
        "COV002": 1, "GAP007": 1, "OPN001": 1, "OPN003": 1, "OPN005": 1,
    })


def test_the_document_prints_heisei_and_numbers_the_pillar():
    text = body_text(render_document(_plan()))
    assert "平成31年3月（2019年3月）策定" in text
    assert "平成31年度（2019年度）〜平成35年度（2023年度）" in text
    assert "令和" not in text  # adopted before 令和 was announced: one era form only
    assert "1\u3000次世代ICT等の実装・利活用の促進" in text
    assert "施策1-1\u3000各政策分野におけるIoTの活用" in text
