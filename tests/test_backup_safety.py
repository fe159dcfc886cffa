"""Backups and temporary files beside a plan, where others can plant links and files.

security.md T1 (planted links), T8 (full disk), T10 (crash leftovers).
"""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from planner.files import atomic
from planner.files.atomic import clean_stale_temps, temp_pattern
from planner.files.planfile import SaveError, load_plan, save_plan
from planner.plan import model as m

posix_only = pytest.mark.skipif(os.name != "posix", reason="symbolic links need privileges on Windows")


def plan(title: str) -> m.Plan:
    return m.Plan(plan=m.PlanInfo(title=title))


def saved_twice(folder: Path, backups: int = 3) -> Path:
    path = folder / "plan.yaml"
    save_plan(plan("v1"), path, backups=backups)
    save_plan(plan("v2"), path, backups=backups)
    return path


@posix_only
@pytest.mark.parametrize("name, backups", [("plan.yaml.bak", 1), ("plan.yaml.bak", 3),
                                               ("plan.yaml.bak2", 3), ("plan.yaml.bak3", 3)])
def test_a_backup_link_to_an_outside_file_is_replaced_not_written_through(tmp_path, name, backups):
    """security.md T1: `plan.yaml.bak → ~/.ssh/authorized_keys` must not receive the plan."""
    folder, outside = tmp_path / "share", tmp_path / "home"
    folder.mkdir()
    outside.mkdir()
    victim = outside / "authorized_keys"
    victim.write_text("ssh-ed25519 AAAA the user's own key\n", encoding="utf-8")
    path = saved_twice(folder, backups)
    (folder / name).unlink(missing_ok=True)
    (folder / name).symlink_to(victim)
    for title in ("v3", "v4", "v5"):
        save_plan(plan(title), path, backups=backups)
    assert victim.read_text(encoding="utf-8") == "ssh-ed25519 AAAA the user's own key\n"
    assert sorted(p.name for p in outside.iterdir()) == ["authorized_keys"]
    names = ["plan.yaml.bak", "plan.yaml.bak2", "plan.yaml.bak3"][:backups]
    assert not any((folder / backup).is_symlink() for backup in names)
    assert [load_plan(folder / b).plan.title for b in names] == ["v4", "v3", "v2"][:backups]


@posix_only
@pytest.mark.parametrize("name, backups", [("plan.yaml.bak", 1), ("plan.yaml.bak", 2),
                                               ("plan.yaml.bak2", 2)])
def test_a_dangling_backup_link_creates_nothing_outside_and_is_removed(tmp_path, name, backups):
    """security.md T1: a dangling link would create its target; it is dropped instead."""
    folder, outside = tmp_path / "share", tmp_path / "home"
    folder.mkdir()
    outside.mkdir()
    path = saved_twice(folder, backups=backups)
    (folder / name).unlink(missing_ok=True)
    (folder / name).symlink_to(outside / "created-by-save")
    save_plan(plan("v3"), path, backups=backups)
    assert list(outside.iterdir()) == []
    assert not any(p.is_symlink() for p in folder.iterdir())
    assert load_plan(folder / "plan.yaml.bak").plan.title == "v2"


@posix_only
def test_backups_in_the_app_data_folder_do_not_follow_links_either(tmp_path):
    """security.md T1: the timestamped backup name is replaced, never written through."""
    path, backups = tmp_path / "plan.yaml", tmp_path / "backups"
    save_plan(plan("v1"), path, backups=2, backup_dir=backups)
    save_plan(plan("v2"), path, backups=2, backup_dir=backups)
    victim = tmp_path / "victim"
    victim.write_text("keep", encoding="utf-8")
    (backups / "plan.29991231-235959-999999.yaml").symlink_to(victim)
    save_plan(plan("v3"), path, backups=2, backup_dir=backups)
    assert victim.read_text(encoding="utf-8") == "keep"


@posix_only
def test_a_fifo_planted_as_a_backup_does_not_hang_the_save(tmp_path):
    """security.md T1, T6: a FIFO in the backup set is removed, never opened."""
    path = saved_twice(tmp_path, backups=2)
    os.mkfifo(tmp_path / "plan.yaml.bak2")
    save_plan(plan("v3"), path, backups=2)
    assert load_plan(tmp_path / "plan.yaml.bak2").plan.title == "v1"


def test_a_folder_planted_as_a_backup_stops_the_save_with_the_plan_unchanged(tmp_path):
    """security.md T1: nothing is moved into or over a folder."""
    path = saved_twice(tmp_path, backups=2)
    before = path.read_bytes()
    (tmp_path / "plan.yaml.bak2").mkdir()
    with pytest.raises(SaveError) as info:
        save_plan(plan("v3"), path, backups=2)
    assert "フォルダー" in info.value.message("ja")
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@posix_only
def test_the_temporary_file_is_never_a_planted_link(tmp_path, monkeypatch):
    """security.md T1: even a link with the exact next temporary name is not written through."""
    victim = tmp_path / "victim"
    victim.write_text("keep", encoding="utf-8")
    names = iter(["aaaaaaaa", "bbbbbbbb"])
    monkeypatch.setattr(atomic.tempfile, "_get_candidate_names", lambda: names)
    (tmp_path / ".plan.yaml.aaaaaaaa.tmp").symlink_to(victim)
    save_plan(plan("v1"), tmp_path / "plan.yaml", backups=0)
    assert victim.read_text(encoding="utf-8") == "keep"
    assert load_plan(tmp_path / "plan.yaml").plan.title == "v1"


def _disk_fills_after(monkeypatch, allowed: int) -> None:
    """Fault injection of the OS call: os.write stores ``allowed`` bytes, then ENOSPC."""
    real_write, left = os.write, [allowed]

    def write(fd, data):
        if left[0] <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        n = real_write(fd, bytes(data[: left[0]]))
        left[0] -= n
        return n

    monkeypatch.setattr(os, "write", write)


@pytest.mark.parametrize("backup_dir", [None, "backups"])
def test_a_full_disk_never_leaves_a_truncated_backup_or_rotates_history_away(
        tmp_path, monkeypatch, backup_dir):
    """security.md T8: the backup is complete before any rotation, or nothing happens."""
    folder = tmp_path / backup_dir if backup_dir else None
    path = tmp_path / "plan.yaml"
    big = m.Plan(plan=m.PlanInfo(title="v"), issues=[
        m.Issue(id=f"I-{n}", title=f"課題 {n}", description="説明" * 200) for n in range(1, 40)])
    for title in ("v1", "v2", "v3"):
        big.plan.title = title
        save_plan(big, path, backups=3, backup_dir=folder)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    _disk_fills_after(monkeypatch, 4096)
    big.plan.title = "v4"
    with pytest.raises(SaveError) as info:
        save_plan(big, path, backups=3, backup_dir=folder)
    assert "空き容量" in info.value.message("ja")
    monkeypatch.undo()
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before  # nothing rotated, nothing truncated, no temporary file left


def _old(file: Path, seconds: float = 3600) -> Path:
    past = time.time() - seconds
    os.utime(file, (past, past))
    return file


def test_stale_temporaries_of_our_naming_are_cleaned_and_nothing_else(tmp_path):
    """security.md T10: only exactly our names, only regular files, only old ones."""
    ours = [tmp_path / n for n in (".plan.yaml.abcd1234.tmp", ".plan.yaml.bak.x_y9zz00.tmp",
                                   "..~lock.plan.yaml#.q1w2e3r4.tmp")]
    for f in ours:
        f.write_text("a whole plan")
        _old(f)
    fresh = tmp_path / ".plan.yaml.fresh123.tmp"
    fresh.write_text("a save in progress")
    others = [tmp_path / n for n in (".plan.yaml.ABCD1234.tmp", ".other.yaml.abcd1234.tmp",
                                     ".plan.yaml.abcd12345.tmp", "plan.yaml.abcd1234.tmp",
                                     ".plan.yaml.abcd1234.tmp.keep", "notes.tmp")]
    for f in others:
        f.write_text("not ours")
        _old(f)
    removed = clean_stale_temps(tmp_path / "plan.yaml")
    assert sorted(removed) == sorted(ours)
    assert fresh.exists() and all(f.exists() for f in others)


@posix_only
def test_a_link_named_like_our_temporary_file_is_neither_followed_nor_removed(tmp_path):
    """security.md T10: cleaning never acts on links."""
    target = tmp_path / "target"
    target.write_text("keep")
    link = tmp_path / ".plan.yaml.abcd1234.tmp"
    link.symlink_to(target)
    os.utime(link, (0, 0), follow_symlinks=False)
    assert clean_stale_temps(tmp_path / "plan.yaml") == []
    assert link.is_symlink() and target.read_text() == "keep"


def test_temp_pattern_matches_what_a_save_really_creates(tmp_path, monkeypatch):
    seen: list[str] = []
    real = atomic.write_temp

    def spy(path, content):
        tmp = real(path, content)
        seen.append(tmp.name)
        return tmp

    monkeypatch.setattr(atomic, "write_temp", spy)
    path = saved_twice(tmp_path, backups=2)
    assert seen and all(temp_pattern(path.name).fullmatch(n) for n in seen), seen
