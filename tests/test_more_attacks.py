"""Attacks tried beyond issue 10's list (file side); each held. See docs/security.md.

Each test names the threat it belongs to. POSIX only where links, FIFOs or sparse files
are needed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.files.atomic import clean_stale_temps
from planner.files.locking import (
    LockedError,
    LockUnavailableError,
    acquire_lock,
    lock_path_for,
    read_lock,
    take_over_lock,
)
from planner.files.planfile import PlanFileError, load_plan, save_plan
from planner.files.recovery import RecoveryStore
from planner.plan import model as m

ROOT = Path(__file__).resolve().parents[1]
posix_only = pytest.mark.skipif(os.name != "posix", reason="links, FIFOs, sparse files")


def plan(folder: Path, title: str = "x") -> Path:
    path = folder / "plan.yaml"
    save_plan(m.Plan(plan=m.PlanInfo(title=title), issues=[m.Issue(id="I-1", title=title)]),
              path, backups=0)
    return path


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "planner", *args], cwd=ROOT, timeout=60,
                          capture_output=True, text=True, encoding="utf-8", check=False)


@posix_only
@pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
def test_a_lock_linked_to_a_device_or_fifo_is_read_as_unknown_at_once(tmp_path, target):
    """security.md T3, T6."""
    path = plan(tmp_path)
    if target == "fifo":
        os.mkfifo(tmp_path / "f")
        target = str(tmp_path / "f")
    lock_path_for(path).symlink_to(target)
    assert read_lock(path).unknown


def test_a_folder_as_the_lock_falls_back_to_read_only(tmp_path):
    """security.md T3: the takeover cannot write there, and says so."""
    path = plan(tmp_path)
    lock_path_for(path).mkdir()
    with pytest.raises(LockedError) as caught:
        acquire_lock(path)
    with pytest.raises(LockUnavailableError):
        take_over_lock(path, caught.value.info)


def test_a_lock_time_at_the_edge_of_the_calendar_does_not_crash_the_description(tmp_path):
    """security.md T3: year 1 with +14:00 overflows when shown in local time."""
    path = plan(tmp_path)
    lock_path_for(path).write_text(json.dumps({
        "user": "u", "host": "h", "pid": 5, "since": "0001-01-01T00:00:00+14:00",
        "heartbeat": "2026-01-01T00:00:00+00:00", "token": "t"}), encoding="utf-8")
    info = read_lock(path)
    assert info.describe("ja") and info.is_stale()


def test_a_pid_of_five_thousand_digits_is_unknown(tmp_path):
    """security.md T3: Python refuses to parse it; that is caught too."""
    path = plan(tmp_path)
    lock_path_for(path).write_text('{"user":"u","host":"h","pid":' + "9" * 5000
                                   + ',"since":"x","heartbeat":"y"}', encoding="utf-8")
    assert read_lock(path).unknown


@posix_only
def test_recovery_copies_that_are_links_or_fifos_are_skipped_without_hanging(tmp_path):
    """security.md T3, T6."""
    store = RecoveryStore(tmp_path)
    store.root.mkdir(parents=True)
    (store.root / "a.json").symlink_to("/dev/zero")
    os.mkfifo(store.root / "b.json")
    assert store.entries() == []


@posix_only
def test_a_plan_linked_to_a_device_is_refused(tmp_path):
    """security.md T6."""
    (tmp_path / "p.yaml").symlink_to("/dev/zero")
    with pytest.raises(PlanFileError) as info:
        load_plan(tmp_path / "p.yaml")
    assert info.value.problems[0].code == "not_regular"


@posix_only
def test_a_sparse_ten_gigabyte_plan_is_refused_before_reading(tmp_path):
    """security.md T6 (A3): refused on its size, not read."""
    huge = tmp_path / "p.yaml"
    huge.write_bytes(b"")
    os.truncate(huge, 10 * 1024**3)
    with pytest.raises(PlanFileError) as info:
        load_plan(huge)
    assert info.value.problems[0].code == "too_large"


def test_a_backup_hard_linked_to_an_outside_file_leaves_that_file_alone(tmp_path):
    """security.md T1: the backup name is replaced by rename, never written in place."""
    outside, share = tmp_path / "home", tmp_path / "share"
    outside.mkdir()
    share.mkdir()
    victim = outside / "victim"
    victim.write_text("keep", encoding="utf-8")
    path = share / "plan.yaml"
    save_plan(m.Plan(plan=m.PlanInfo(title="a")), path, backups=1)
    os.link(victim, share / "plan.yaml.bak")
    save_plan(m.Plan(plan=m.PlanInfo(title="b")), path, backups=1)
    assert victim.read_text(encoding="utf-8") == "keep"


@posix_only
def test_saving_onto_a_planted_link_replaces_the_link_not_its_target(tmp_path):
    """security.md T1: Save As onto a name that is a link to someone's file."""
    victim = tmp_path / "victim"
    victim.write_text("keep", encoding="utf-8")
    (tmp_path / "plan.yaml").symlink_to(victim)
    save_plan(m.Plan(plan=m.PlanInfo(title="b")), tmp_path / "plan.yaml", backups=0)
    assert victim.read_text(encoding="utf-8") == "keep"
    assert not (tmp_path / "plan.yaml").is_symlink()


@posix_only
def test_temporary_names_planted_as_a_folder_or_fifo_are_not_touched(tmp_path):
    """security.md T10: cleaning removes regular files only."""
    path = plan(tmp_path)
    folder, fifo = tmp_path / ".plan.yaml.abcdefgh.tmp", tmp_path / ".plan.yaml.bak.abcdefgh.tmp"
    folder.mkdir()
    os.mkfifo(fifo)
    for f in (folder, fifo):
        os.utime(f, (0, 0))
    assert clean_stale_temps(path) == []
    assert folder.is_dir() and fifo.exists()


@posix_only
def test_a_takeover_marker_planted_as_a_link_is_removed_not_followed(tmp_path):
    """security.md T1, T3."""
    path = plan(tmp_path)
    victim = tmp_path / "victim"
    victim.write_text("keep", encoding="utf-8")
    os.utime(victim, (0, 0))
    lock_path_for(path).write_text("garbage", encoding="utf-8")
    (tmp_path / ".~lock.plan.yaml#.takeover").symlink_to(victim)
    with pytest.raises(LockedError) as caught:
        acquire_lock(path)
    take_over_lock(path, caught.value.info).release()
    assert victim.read_text(encoding="utf-8") == "keep"


def test_a_yaml_error_quoting_an_escape_is_shown_visibly_on_stderr(tmp_path):
    """security.md T5: stderr carries file text too."""
    bad = tmp_path / "p.yaml"
    bad.write_bytes(b"schema_version: 1\nplan:\n  title: [\x1b[2J\n")
    done = cli("check", str(bad))
    assert done.returncode == 2 and "\x1b" not in done.stderr


@posix_only
def test_a_file_name_with_escapes_is_shown_visibly(tmp_path):
    """security.md T5: the path is in the check headings and in error messages."""
    path = tmp_path / "p\x1b]0;pwned\x07.yaml"
    save_plan(m.Plan(plan=m.PlanInfo(title="t"), issues=[m.Issue(id="I-1", title="t")]), path,
              backups=0)
    check, render = cli("check", str(path)), cli("render", str(path), "-o", str(path))
    assert render.returncode == 2
    assert "\x1b" not in check.stdout + check.stderr + render.stderr


def test_line_separators_and_bidi_in_json_are_escaped_and_valid(tmp_path):
    """security.md T5."""
    path = plan(tmp_path, "a\u2028b\u202ec")
    done = cli("check", str(path), "--format", "json")
    json.loads(done.stdout)
    assert "\u2028" not in done.stdout and "\u202e" not in done.stdout
