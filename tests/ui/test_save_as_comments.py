"""Save As and comments (red team): the comments a saved file keeps are those of the file the
plan was opened from, never those of an unrelated file the Save As replaces."""

from __future__ import annotations

from pathlib import Path

from planner.files.planfile import dumps_plan, load_plan, save_plan
from planner.ui.document import PlanDocument
from planner.ui.prompts import ScriptedPrompts
from planner.ui.safety import SaveResult, guarded_save
from tests.ui.plans import small_plan


def _commented(path: Path, note: str) -> None:
    text = dumps_plan(small_plan())
    first_measure = text.index("  - id: M-")
    path.write_text(text[:first_measure] + f"  # {note}\n" + text[first_measure:], encoding="utf-8")


def test_save_as_over_another_plan_does_not_take_its_comments(qtbot, tmp_path: Path) -> None:
    other = tmp_path / "他の計画.yaml"
    _commented(other, "他の計画: この施策は廃止予定")
    doc = PlanDocument(small_plan(), None)  # a new plan, saved over an existing file
    result, _ = guarded_save(doc, other, ScriptedPrompts(), stamp=None)
    assert result is SaveResult.SAVED
    text = other.read_text(encoding="utf-8")
    assert "廃止予定" not in text and load_plan(other) == small_plan()


def test_save_as_keeps_the_comments_of_the_file_the_plan_came_from(qtbot, tmp_path: Path) -> None:
    mine, theirs, copy = tmp_path / "mine.yaml", tmp_path / "theirs.yaml", tmp_path / "copy.yaml"
    _commented(mine, "私のメモ")
    _commented(theirs, "他人のメモ")
    doc = PlanDocument(load_plan(mine), mine)
    for target in (theirs, copy):
        result, _ = guarded_save(doc, target, ScriptedPrompts(), stamp=None)
        assert result is SaveResult.SAVED
        text = target.read_text(encoding="utf-8")
        assert "# 私のメモ\n  - id: M-" in text and "他人のメモ" not in text


def test_the_core_can_be_told_the_plan_has_no_source_file(tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    _commented(other, "無関係")
    save_plan(small_plan(), other, comments_from=False)
    assert "無関係" not in other.read_text(encoding="utf-8")
    save_plan(small_plan(), other)  # by default: the comments of the file being replaced
    _commented(other, "残す")
    save_plan(small_plan(), other)
    assert "# 残す" in other.read_text(encoding="utf-8")
