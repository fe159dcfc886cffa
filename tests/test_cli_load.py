"""`planner check` on files that cannot be used: exit 2, file:line:col messages, no traceback."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli import EXIT_UNUSABLE, main
from planner.files.paths import sample_plan_path

BAD = Path(__file__).parent / "data" / "bad"
ROOT = Path(__file__).resolve().parents[1]


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("name, where", [
    ("unknown_code.yaml", ":10:15: "), ("yaml_syntax.yaml", ":5:22: "),
    ("duplicate_key.yaml", ":6:3: "), ("type_list_at_top.yaml", ":2:1: "),
    ("encoding_shift_jis.yaml", ":1:3: "), ("alias_billion_laughs.yaml", ":7:12: "),
    ("empty.yaml", ": "), ("newer_version.yaml", ":2:17: "),
])
def test_bad_file_exits_2_with_located_japanese_message(name, where):
    code, out, err = _run("check", str(BAD / name))
    assert code == EXIT_UNUSABLE
    assert out == ""
    assert err.startswith(f"{BAD / name}{where}")
    assert any("\u3040" <= ch <= "\u30ff" for ch in err)  # Japanese by default
    assert "Traceback" not in err


def test_english_with_lang_en():
    code, _, err = _run("check", str(BAD / "unknown_key_misspelt.yaml"), "--lang", "en")
    assert code == EXIT_UNUSABLE
    assert "Did you mean “addresses”?" in err
    assert not any("\u3040" <= ch <= "\u30ff" for ch in err)


@pytest.mark.parametrize("lang, item", [
    ("ja", ":10:5: 施策 M-1『施策』: 「adresses」"), ("en", ':10:5: measure M-1 "施策": Unknown key'),
])
def test_problem_inside_an_item_names_the_item(lang, item):
    code, _, err = _run("check", str(BAD / "unknown_key_misspelt.yaml"), "--lang", lang)
    assert code == EXIT_UNUSABLE
    assert err.startswith(f"{BAD / 'unknown_key_misspelt.yaml'}{item}")


def test_json_format_still_reports_unusable_input_on_stderr():
    code, out, err = _run("check", str(BAD / "unknown_code.yaml"), "--format", "json")
    assert code == EXIT_UNUSABLE and out == "" and ":10:15:" in err


def test_every_problem_is_listed(tmp_path):
    code, _, err = _run("check", str(BAD / "many_problems.yaml"))
    assert code == EXIT_UNUSABLE
    assert len(err.strip().splitlines()) == 51 and "ほか 10 件" in err


@pytest.mark.parametrize("make", ["missing", "folder", "bytes", "empty", "list"])
def test_unusable_inputs(tmp_path, make):
    path = tmp_path / "plan.yaml"
    if make == "folder":
        path.mkdir()
    elif make == "bytes":
        path.write_bytes(bytes(range(256)))
    elif make == "empty":
        path.write_bytes(b"")
    elif make == "list":
        path.write_text("- a\n- b\n", encoding="utf-8")
    code, out, err = _run("check", str(path))
    assert code == EXIT_UNUSABLE
    assert err.startswith(str(path)) and "Traceback" not in err and out == ""


def test_sample_plan_is_usable():
    code, out, err = _run("check", str(sample_plan_path()), "--format", "json")
    assert code in (0, 1) and out.startswith("{") and err == ""


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=500) | st.text(max_size=200).map(str.encode))
def test_random_input_never_crashes_the_command(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "plan.yaml"
    path.write_bytes(data)
    code, out, err = _run("check", str(path), "--lang", "en")
    if code == EXIT_UNUSABLE:
        assert err.startswith(str(path)) and "Traceback" not in err and out == ""
    else:
        assert code in (0, 1) and "Traceback" not in err


def test_real_process_exits_2_without_traceback():
    bad = BAD / "tag_python_object.yaml"
    result = subprocess.run([sys.executable, "-m", "planner", "check", str(bad)],
                            check=False, capture_output=True, cwd=ROOT, timeout=60)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2
    assert f"{bad}:5:17: " in err and "!!python/object/apply:os.system" in err
    assert "Traceback" not in err and result.stdout == b""


def test_gui_without_a_display_says_what_to_use_instead(monkeypatch, capsys):
    """On a server, `planner` alone must not abort inside Qt."""
    import sys

    from planner.cli import main

    if sys.platform in ("win32", "darwin"):
        pytest.skip("Windows and macOS always have a display")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "planner check" in err and "Traceback" not in err
    assert main(["gui"]) == 2


def test_usage_errors_exit_2_with_a_japanese_line_first(capsys):
    from planner.cli import main

    with pytest.raises(SystemExit) as exited:
        main(["render", "plan.yaml"])  # no -o
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "コマンドの指定に誤りがあります" in err and "-o/--output" in err
    assert "planner render --help" in err
