"""A plan in the shape of a real published one (tests/data/real/): findings and 和暦.

The fixture's header says where it comes from. Before one-omission-one-finding, this plan
got 12 findings: 6 PLN006 (one per measure) and 5 COV001 (one per core article) for the one
choice of never setting articles, plus COV002. Now that choice is one finding.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from render_helpers import body_text

from planner.checks import run_checks
from planner.files.planfile import load_plan
from planner.render import render_document

REAL = Path(__file__).parent / "data" / "real" / "real-city-2019.yaml"


def test_one_omission_is_one_finding():
    findings = run_checks(load_plan(REAL))
    counts = Counter(f.rule for f in findings)
    assert counts["PLN006"] == 1 and counts["COV001"] == 0  # was 6 + 5
    (pln,) = [f for f in findings if f.rule == "PLN006"]
    assert len(pln.nodes) == 6
    assert counts == Counter({"PLN006": 1, "RDY004": 1, "RDY005": 1, "RDY008": 1, "COV002": 1})
    assert not any(f.severity == "error" for f in findings)


def test_a_plan_adopted_on_2019_03_29_prints_heisei():
    document = render_document(load_plan(REAL))
    text = body_text(document)
    assert "平成31年3月29日（2019年3月29日）策定" in text
    assert "平成31年度（2019年度）〜平成35年度（2023年度）" in text
    assert "令和" not in text  # the plan's own text says 平成31〜35年度: one era form only
    assert "第1版" in text and "第第1版" not in text
