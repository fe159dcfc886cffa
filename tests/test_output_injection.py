"""Our outputs must not attack their reader: spreadsheets and terminals.

security.md T5. A plan is someone else's text; its titles and ids reach the CSV report,
the check report on a terminal (or a pipe later shown on one) and ``planner templates``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from planner.checks import run_checks
from planner.checks.report import csv_cell, format_csv, format_json, format_text, terminal_safe
from planner.cli import main
from planner.files.planfile import dumps_plan, load_document
from planner.plan import model as m

#: What the red team printed: clear screen, a fake clean summary, OSC 52 clipboard write,
#: a C1 CSI, a bidi override, a hyperlink (OSC 8) and a bell.
HOSTILE = ("\x1b[2J\x1b[H点検結果: エラー 0件\x1b]52;c;ZWNobyBwd25lZAo=\x07\x9b31m"
           "\u202etxt.exe\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\\x07")
#: Anything a terminal would act on, in any output.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hostile_plan(tmp_path: Path) -> Path:
    plan = m.Plan(plan=m.PlanInfo(title=HOSTILE), issues=[
        m.Issue(id="I-1", title=HOSTILE),
        m.Issue(id="I-2", title="=HYPERLINK(\"http://evil.example\",\"詳細\")")])
    path = tmp_path / "plan.yaml"
    path.write_text(dumps_plan(plan), encoding="utf-8")
    return path


def test_terminal_safe_shows_every_control_as_visible_text():
    """security.md T5."""
    assert terminal_safe("a\x1b[2Jb\x9bc\u202ed\n") == "a\\x1b[2Jb\\x9bc\\u202ed\\x0a"
    assert terminal_safe("ふつうの文字 (ok)") == "ふつうの文字 (ok)"


@pytest.mark.parametrize("color", [False, True])
def test_check_text_output_carries_no_raw_control_sequence(tmp_path, color):
    """security.md T5: piped or on a terminal, coloured or not."""
    doc = load_document(hostile_plan(tmp_path))
    text = format_text(run_checks(doc.plan), document=doc, color=color)
    ours = re.sub(r"\x1b\[[0-9;]*m", "", text) if color else text  # our own colours only
    assert not RAW_CONTROL.search(ours.replace("\n", "")), repr(ours[:400])
    assert "\\x1b[2J" in text  # shown, so the reader sees something odd is in the plan
    assert ours.count("\n") == text.count("\n")


def test_planner_check_command_output_is_clean_and_json_stays_valid(tmp_path, capsys):
    """security.md T5: the command, both formats; the exit code is still the truth."""
    path = hostile_plan(tmp_path)
    code = main(["check", str(path)])
    out = capsys.readouterr().out
    assert not RAW_CONTROL.search(out.replace("\n", "").replace("\t", ""))
    assert main(["check", str(path), "--format", "json"]) == code
    out = capsys.readouterr().out
    assert not RAW_CONTROL.search(out.replace("\n", ""))
    doc = json.loads(out)
    assert any(HOSTILE in text for text in _strings(doc))  # the data itself is unchanged


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [s for v in value for s in _strings(v)] if isinstance(value, list) else []


def test_format_json_is_the_same_value_with_escapes(tmp_path):
    doc = load_document(hostile_plan(tmp_path))
    findings = run_checks(doc.plan)
    plain = json.loads(format_json(findings))
    assert plain == {"findings": [f.to_json("ja") for f in findings],
                     "summary": json.loads(format_json(findings))["summary"]}


def test_templates_listing_of_a_hostile_pack_is_clean(tmp_path, monkeypatch, capsys):
    """security.md T5: a pack's title is someone else's text too."""
    root = Path(__file__).resolve().parents[1]
    home = tmp_path / "home"
    pack = home / "templates" / "evil"
    shutil.copytree(root / "templates" / "municipal", pack)
    manifest = pack / "pack.yaml"
    text = manifest.read_text(encoding="utf-8").replace("name: municipal", "name: evil")
    text = re.sub(r"(?m)^(\s*ja:\s*).*$", lambda mm: mm.group(1) + json.dumps(HOSTILE), text, count=1)
    manifest.write_text(text, encoding="utf-8")
    monkeypatch.setenv("PLANNER_HOME", str(home))
    assert main(["templates"]) == 0
    captured = capsys.readouterr()
    for stream in (captured.out, captured.err):
        assert not RAW_CONTROL.search(stream.replace("\n", "").replace("\t", "")), repr(stream)
    assert all(line.count("\t") == 3 for line in captured.out.splitlines())


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx",
                                   "=HYPERLINK(\"http://evil.example\",\"x\")"])
def test_a_formula_start_is_made_inert(value):
    """security.md T5 (OWASP CSV injection)."""
    assert csv_cell(value) == "'" + value
    assert csv_cell("I-1 ふつう") == "I-1 ふつう"


def test_the_csv_report_holds_no_cell_a_spreadsheet_would_run(tmp_path):
    """security.md T5: an id or title `=HYPERLINK(…)` in the exported report."""
    doc = load_document(hostile_plan(tmp_path))
    rows = list(csv.reader(io.StringIO(format_csv(run_checks(doc.plan)))))
    assert len(rows) > 1
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert any(c.startswith("'=HYPERLINK") or "=HYPERLINK" in c for c in cells)
