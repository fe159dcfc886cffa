"""docs/rules.md is generated from the registry and must never drift from the code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from planner.checks import rules
from planner.checks.docs import generate

ROOT = Path(__file__).resolve().parents[2]


def test_docs_rules_md_is_up_to_date():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == generate(), (
        "docs/rules.md is stale: run `python -m planner.checks.docs > docs/rules.md`")


def test_reference_lists_every_rule_with_its_severity():
    text = generate()
    for r in rules():
        row = next(line for line in text.splitlines() if line.startswith(f"| {r.id}"))
        assert f"| {r.severity.value}（" in row
        assert r.reference("ja").replace("|", "\\|") in row


def test_module_prints_utf8():
    out = subprocess.run([sys.executable, "-m", "planner.checks.docs"], cwd=ROOT,
                         capture_output=True, check=True, env={"PYTHONIOENCODING": "cp932",
                                                               "PATH": ""})
    assert out.stdout.decode("utf-8") == generate()
