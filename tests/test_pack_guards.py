"""Template packs: size guards in the environment itself, honest include errors, and the
front doors (``planner render``, a frozen app's child flag) that send user packs to the sandbox.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from pathlib import Path

import docx
import pytest
from jinja2.exceptions import SecurityError

from planner.cli import main
from planner.files.planfile import save_plan
from planner.render import render_plan
from planner.render.packs import PackEnvironment, PackError, PackRefused, find_pack
from planner.sandbox.parent import FROZEN_CHILD_FLAG, SandboxError, render_in_sandbox
from tests.support.packs import copy_pack, link_purpose_to, one_issue_plan

ROOT = Path(__file__).resolve().parent.parent
SECRET = "SECRET-OUTSIDE-THE-PACK-7"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return copy_pack(tmp_path / "packs" / "consultant")


def _payload(pack: Path, text: str) -> Path:
    (pack / "sections" / "purpose.md.j2").write_text(text + "\n", encoding="utf-8")
    return pack


@pytest.mark.parametrize("expr", ["'a' * 10**10", "10**10 * 'a'", "[0] * 10**9",
                                  "9 ** 999999999", "range(10**12) | list"])
def test_the_environment_itself_refuses_huge_values(expr: str) -> None:
    started = time.monotonic()
    with pytest.raises(SecurityError):
        PackEnvironment().from_string("{{ " + expr + " }}").render()
    assert time.monotonic() - started < 1  # refused before allocating anything
    assert PackEnvironment().from_string("{{ 'ab' * 3 }}{{ 2 ** 10 }}").render() == "ababab1024"


def test_built_in_packs_render_in_process_with_the_guarded_environment(pack: Path,
                                                                        tmp_path: Path) -> None:
    assert isinstance(find_pack("municipal").environment, PackEnvironment)
    started = time.monotonic()
    with pytest.raises(PackError) as err:  # in-process: no child to kill, so it must refuse
        render_plan(one_issue_plan(), tmp_path / "out.docx", _payload(pack, "{{ 9 ** 999999999 }}"))
    assert time.monotonic() - started < 10
    assert "purpose.md.j2:1" in err.value.message("ja") and "exponent" in err.value.message("en")


def test_missing_include_inside_a_section_is_not_a_missing_section(pack: Path,
                                                                   tmp_path: Path) -> None:
    _payload(pack, "第1行\n{% include 'parts/missing.md.j2' %}")
    with pytest.raises(PackError) as err:
        render_plan(one_issue_plan(), tmp_path / "out.docx", pack)
    message = err.value.message("ja")
    assert "purpose.md.j2:2" in message and "parts/missing.md.j2" in message, message
    assert "セクションのテンプレート" not in message
    with pytest.raises(SandboxError) as err:  # the same, from the sandbox child
        render_in_sandbox(one_issue_plan(), tmp_path / "out.docx", pack, timeout_s=30)
    assert err.value.kind == "template" and "parts/missing.md.j2" in err.value.message("ja")


def test_a_section_file_really_missing_is_said_so() -> None:
    with pytest.raises(PackError) as err:
        find_pack("municipal").render_section("no_such_section", {})
    assert "セクションのテンプレート no_such_section.md.j2 がありません" in err.value.message("ja")


def _symlinked_secret(pack: Path, tmp_path: Path) -> None:
    secret = tmp_path / "private" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    link_purpose_to(pack, secret)


def _document_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_cli_render_sends_user_packs_to_the_sandbox(pack: Path, tmp_path: Path, capsys) -> None:
    """A link out of the pack is refused by the pack loader itself (in-process too, security.md
    "Template packs"), and the CLI reports it as a refusal from the sandbox."""
    _symlinked_secret(pack, tmp_path)
    plan_file = tmp_path / "計画.yaml"
    save_plan(one_issue_plan(), plan_file)
    with pytest.raises(PackRefused) as err:
        render_plan(one_issue_plan(), tmp_path / "in-process.docx", pack)
    assert "secret.txt" in err.value.message("en") and SECRET not in err.value.message("en")
    assert not (tmp_path / "in-process.docx").exists()
    out = tmp_path / "出力.docx"
    assert main(["render", str(plan_file), "-o", str(out), "--template", str(pack)]) == 2
    assert "許可されていない操作" in capsys.readouterr().err and not out.exists()
    assert main(["render", str(plan_file), "-o", str(out)]) == 0  # built-in: in-process
    assert "テスト市" in _document_text(out)


def test_a_frozen_app_runs_the_sandbox_child_through_its_own_entry_point(
        pack: Path, tmp_path: Path, monkeypatch) -> None:
    """Bundled apps start ``<app> --planner-sandbox-child WORK``; the CLI must dispatch it."""
    if os.name != "posix":
        pytest.skip("the stand-in executable is a shell script")
    exe = tmp_path / "planner-app"
    exe.write_text(f'#!/bin/sh\ncd "{ROOT}" && exec "{sys.executable}" -m planner "$@"\n',
                   encoding="utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    out = render_in_sandbox(one_issue_plan(), tmp_path / "計画.docx", pack, timeout_s=30)
    assert "テスト市" in _document_text(out)
    with pytest.raises(SandboxError) as err:
        render_in_sandbox(one_issue_plan(), tmp_path / "b.docx", _payload(pack, "{{ 'a' * 10**10 }}"),
                          timeout_s=30)
    assert err.value.kind == "refused"
    assert FROZEN_CHILD_FLAG == "--planner-sandbox-child"  # the literal planner.cli checks
