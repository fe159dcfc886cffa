"""Template packs and the one-issue plan the pack and sandbox tests render."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planner.files.paths import templates_dir
from planner.plan.model import Issue, Plan, PlanInfo


def copy_pack(folder: Path, name: str | None = None) -> Path:
    """A user's copy of the built-in municipal pack at ``folder``, as one would arrive.

    With ``name``, its pack.yaml names it so (a renamed pack, not the built-in one).
    """
    shutil.copytree(templates_dir() / "municipal", folder)
    if name is not None:
        manifest = folder / "pack.yaml"
        text = manifest.read_text(encoding="utf-8")
        manifest.write_text(text.replace("name: municipal", f"name: {name}"), encoding="utf-8")
    return folder


def one_issue_plan() -> Plan:
    """The smallest plan a pack has something to print for: a title and one issue."""
    return Plan(plan=PlanInfo(title="テスト市官民データ活用推進計画", municipality="テスト市"),
                issues=[Issue(id="I-1", title="高齢者の移動手段", evidence="統計")])


def link_purpose_to(pack: Path, target: Path) -> Path:
    """Make the pack's chapter 2 template a symbolic link to ``target``, as an attacker's
    pack would (the test is skipped where links cannot be made). Returns the link."""
    link = pack / "sections" / "purpose.md.j2"
    link.unlink()
    try:
        link.symlink_to(target)
    except OSError:
        pytest.skip("cannot create symlinks here")
    return link
