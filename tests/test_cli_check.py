"""planner check: exit codes 0/1, the §6 JSON shape, --lang en, colour only on a terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import main
from planner.files.paths import sample_plan_path

ROOT = Path(__file__).resolve().parents[1]

BROKEN = """\
schema_version: 1
plan:
  title: 点検テスト計画
  municipality_code: "131017"
  period: {start_fy: 2026, end_fy: 2030}
issues:
  - id: I-1
    title: 高齢者の移動手段の確保
    evidence: 国勢調査
measures:
  - id: M-1
    title: デマンド交通の運行最適化
    addresses: [I-1, I-9]
    articles: {primary: [11], related: [10, 13, 14, 15]}
    uses:
      - {data: D-1, flow: internal_use, purpose: out_of_purpose}
data_sources:
  - id: D-1
    title: 介護保険情報
    acquisition: statutory
    category: special_care
    retention: 5年
kpis:
  - id: K-1
    title: 見守り件数
    measures: [M-1]
    source: D-1
    baseline: {value: 10, fy: 2025}
    target: {value: 20, fy: 2030}
"""


@pytest.fixture
def broken(tmp_path) -> Path:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    return path


def test_sample_plan_exits_0_and_reports_in_japanese(capsys):
    assert main(["check", str(sample_plan_path())]) == 0
    out = capsys.readouterr().out
    assert out.startswith("点検結果: エラー 0件、警告 1件、情報 7件\n")
    assert "■ 警告（1件）" in out and "■ 情報（助言）（7件）" in out
    assert "\033[" not in out  # not a terminal: no colour
    assert out.endswith("\n")


def test_errors_exit_1_grouped_by_severity_and_item_with_line(broken, capsys):
    assert main(["check", str(broken)]) == 1
    out = capsys.readouterr().out
    assert out.index("■ エラー") < out.index("■ 警告") < out.index("■ 情報")
    line = BROKEN.splitlines().index("  - id: M-1") + 1
    assert f"施策『デマンド交通の運行最適化』（M-1）  {broken}:{line}" in out
    assert "[PRV001]" in out and "[REF001]" in out
    assert "根拠: 個人情報の保護に関する法律 第69条" in out
    assert "修正箇所: uses[0].legal_basis" in out


def test_json_shape_is_exactly_section_6(broken, capsys):
    assert main(["check", str(broken), "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) == {"findings", "summary"}
    assert set(doc["summary"]) == {"error", "warning", "info"}
    for f in doc["findings"]:
        assert set(f) == {"rule", "severity", "nodes", "message", "reference", "fix"}
        assert f["severity"] in {"error", "warning", "info"} and isinstance(f["nodes"], list)
    assert doc["summary"]["error"] == sum(f["severity"] == "error" for f in doc["findings"])
    first = doc["findings"][0]
    assert first["severity"] == "error" and "法的根拠" in first["message"]


def test_lang_en(broken, capsys):
    assert main(["check", str(broken), "--format", "json", "--lang", "en"]) == 1
    doc = json.loads(capsys.readouterr().out)
    prv = next(f for f in doc["findings"] if f["rule"] == "PRV001")
    assert prv["reference"] == "APPI Art. 69 (restriction of use and provision)"
    assert prv["message"].startswith('Measure "デマンド交通の運行最適化" (M-1) handles')
    assert main(["check", str(broken), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Check result: 2 error(s)")
    assert "■ Errors (2)" in out and "Reference: " in out


def test_unusable_file_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nplan: [\n", encoding="utf-8")
    assert main(["check", str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and str(bad) in captured.err


def _run(args: list[str], **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "cp932"}  # a console that is not UTF-8
    return subprocess.run([sys.executable, "-m", "planner", *args], cwd=ROOT, env=env, check=False,
                          capture_output=True, **kw)


def test_piped_output_is_utf8_whatever_the_console_code_page():
    out = _run(["check", str(sample_plan_path())])
    assert out.returncode == 0
    text = out.stdout.decode("utf-8")  # no mojibake, no '?' replacement
    assert "点検結果" in text and "『デジタルデバイドの解消』" in text
    assert "\033[" not in text


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_colour_only_on_a_terminal(broken):
    import pty

    main_fd, sub_fd = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {"TERM": "xterm"}
    proc = subprocess.Popen([sys.executable, "-m", "planner", "check", str(broken)], cwd=ROOT,
                            env=env, stdout=sub_fd, stderr=subprocess.DEVNULL)
    os.close(sub_fd)
    chunks = []
    while True:
        try:
            chunk = os.read(main_fd, 65536)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main_fd)
    assert proc.wait(timeout=30) == 1
    text = b"".join(chunks).decode("utf-8")
    assert "\033[1;31m■ エラー" in text
    no_colour = _run(["check", str(broken), "--no-color"])
    assert b"\033[" not in no_colour.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_no_color_environment_variable_wins_even_on_a_terminal(monkeypatch):
    import pty

    from planner.checks.report import supports_color

    main_fd, sub_fd = pty.openpty()
    with os.fdopen(sub_fd, "w") as tty:
        monkeypatch.delenv("NO_COLOR", raising=False)
        monkeypatch.setenv("TERM", "xterm")
        assert supports_color(tty)
        monkeypatch.setenv("NO_COLOR", "1")
        assert not supports_color(tty)
    os.close(main_fd)


_WITH_ATEXIT = ("import atexit, sys\n"
                "atexit.register(lambda: print('TORN DOWN', file=sys.stderr))\n"
                "sys.argv[0] = 'planner'\n"
                "from planner.cli import run\n"
                "run()\n")


def test_a_one_shot_command_ends_at_once_with_all_its_output(broken):
    """check and render end without tearing the interpreter down (0.07 s of a render),
    yet print everything and keep their exit code; other commands end the ordinary way."""
    quick = subprocess.run([sys.executable, "-c", _WITH_ATEXIT, "check", str(broken),
                            "--format", "json"], cwd=ROOT, capture_output=True, check=False)
    assert quick.returncode == 1
    assert json.loads(quick.stdout)["summary"]["error"] == 2
    assert b"TORN DOWN" not in quick.stderr
    ordinary = subprocess.run([sys.executable, "-c", _WITH_ATEXIT, "--version"], cwd=ROOT,
                              capture_output=True, check=False)
    assert ordinary.returncode == 0 and b"planner" in ordinary.stdout
    assert b"TORN DOWN" in ordinary.stderr
