"""Lock files beside plans, stale-lock takeover, and the changed-on-disk check."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from planner.files.locking import (
    STALE_AFTER_S,
    FileChangedError,
    FileStamp,
    LockedError,
    LockInfo,
    LockLostError,
    LockUnavailableError,
    acquire_lock,
    lock_path_for,
    read_lock,
    take_over_lock,
)

HOLD_LOCK = """
import sys, time
sys.path.insert(0, sys.argv[2])
from planner.files.locking import acquire_lock
acquire_lock(sys.argv[1])
print("locked", flush=True)
time.sleep(60)
"""
_ROOT = str(Path(__file__).resolve().parent.parent)


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "計画.yaml"
    path.write_text("schema_version: 1\nplan: {title: テスト}\n", encoding="utf-8")
    return path


def _edit_lock(plan: Path, **changes: object) -> None:
    file = lock_path_for(plan)
    record = json.loads(file.read_text(encoding="utf-8"))
    record.update(changes)
    file.write_text(json.dumps(record), encoding="utf-8")


def test_lock_file_is_beside_plan_and_says_who(plan_file: Path) -> None:
    lock = acquire_lock(plan_file)
    file = plan_file.parent / ".~lock.計画.yaml#"
    assert lock.file == file and file.is_file()
    info = read_lock(plan_file)
    assert info is not None
    assert info.pid == os.getpid() and info.user and info.host and info.app.startswith("planner")
    lock.release()
    assert not file.exists()


def test_second_user_is_told_who_has_it(plan_file: Path) -> None:
    """Another live process holds the lock: not stale, message names user and PC."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(plan_file), _ROOT],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockedError) as err:
            acquire_lock(plan_file)
        assert not err.value.stale
        info = err.value.info
        assert info.pid == holder.pid
        # The holder is this user on this PC (another window): "you", not "root さん".
        assert "あなた自身" in err.value.message("ja") and "you, on this PC" in err.value.message("en")
        assert "読み取り専用" in err.value.message("ja")
        with pytest.raises(LockedError):  # a live lock cannot be taken over
            take_over_lock(plan_file, info)
        assert read_lock(plan_file).pid == holder.pid
    finally:
        holder.kill()
        holder.wait()


def test_a_colleagues_lock_names_them_and_their_pc() -> None:
    now = datetime.now(UTC)
    info = LockInfo(user="山田", host="PC-KIKAKU-07", pid=4242, started=None, since=now,
                    heartbeat=now, app="planner", token="t")
    assert not info.is_mine()
    assert "山田 さん" in info.describe("ja") and "PC-KIKAKU-07" in info.describe("ja")
    assert info.describe("en").startswith("山田 on PC-KIKAKU-07")


def test_lock_of_crashed_process_is_stale_and_can_be_taken_over(plan_file: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(plan_file), _ROOT],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    holder.kill()  # a crash: the lock file stays behind
    holder.wait()
    with pytest.raises(LockedError) as err:
        acquire_lock(plan_file)
    assert err.value.stale
    assert "異常終了" in err.value.message("ja")
    lock = take_over_lock(plan_file, err.value.info)
    assert read_lock(plan_file).pid == os.getpid()
    lock.release()


def test_lock_from_other_pc_is_stale_only_after_heartbeat_expires(plan_file: Path) -> None:
    acquire_lock(plan_file)
    recent = datetime.now(UTC) - timedelta(seconds=60)
    _edit_lock(plan_file, host="OTHER-PC", pid=1, heartbeat=recent.isoformat())
    assert not read_lock(plan_file).is_stale()
    old = datetime.now(UTC) - timedelta(seconds=STALE_AFTER_S + 60)
    _edit_lock(plan_file, heartbeat=old.isoformat())
    assert read_lock(plan_file).is_stale()


def test_takeover_race_only_one_wins(plan_file: Path) -> None:
    acquire_lock(plan_file)
    _edit_lock(plan_file, host="OTHER-PC", heartbeat="2000-01-01T00:00:00+00:00")
    stale = read_lock(plan_file)
    first = take_over_lock(plan_file, stale)
    with pytest.raises(LockedError):  # the second confirmer saw the old lock: refused
        take_over_lock(plan_file, stale)
    assert first.still_ours()


def test_heartbeat_and_lost_lock(plan_file: Path) -> None:
    lock = acquire_lock(plan_file)
    before = read_lock(plan_file).heartbeat
    _edit_lock(plan_file, heartbeat="2000-01-01T00:00:00+00:00")
    lock.refresh()
    assert read_lock(plan_file).heartbeat >= before
    _edit_lock(plan_file, token="someone-else")
    with pytest.raises(LockLostError):
        lock.refresh()
    lock.release()  # not ours any more: must stay
    assert lock_path_for(plan_file).exists()


def test_unreadable_lock_is_stale(plan_file: Path) -> None:
    lock_path_for(plan_file).write_bytes(b"\x00garbage")
    with pytest.raises(LockedError) as err:
        acquire_lock(plan_file)
    assert err.value.stale


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder_gives_clear_error(plan_file: Path) -> None:
    plan_file.parent.chmod(0o555)
    try:
        with pytest.raises(LockUnavailableError) as err:
            acquire_lock(plan_file)
        assert "読み取り専用" in err.value.message("ja")
    finally:
        plan_file.parent.chmod(0o755)


def test_unchanged_file_passes(plan_file: Path) -> None:
    stamp = FileStamp.of(plan_file)
    stamp.check_before_save()
    os.utime(plan_file, ns=(1, 1))  # touched but same bytes: not a change
    stamp.check_before_save()


def test_changed_file_warns_instead_of_overwriting(plan_file: Path) -> None:
    stamp = FileStamp.of(plan_file)
    plan_file.write_text("schema_version: 1\nplan: {title: 他の人の変更}\n", encoding="utf-8")
    with pytest.raises(FileChangedError) as err:
        stamp.check_before_save()
    assert err.value.kind == "modified"
    assert "別名で保存" in err.value.message("ja")


def test_same_size_same_mtime_edit_still_caught_when_mtime_moves(plan_file: Path) -> None:
    stamp = FileStamp.of(plan_file)
    data = plan_file.read_bytes()
    plan_file.write_bytes(data.replace("テスト".encode(), "テモト".encode()))  # same size
    st = plan_file.stat()
    os.utime(plan_file, ns=(st.st_atime_ns, stamp.mtime_ns + 1_000_000))
    assert stamp.changed_on_disk() == "modified"


def test_deleted_file_is_reported(plan_file: Path) -> None:
    stamp = FileStamp.of(plan_file)
    plan_file.unlink()
    with pytest.raises(FileChangedError) as err:
        stamp.check_before_save()
    assert err.value.kind == "deleted"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_crashed_but_unreaped_process_counts_as_gone():
    """A planner killed under a launcher that never reaps it stays a zombie; its lock is stale."""
    import time

    from planner.files.process import pid_alive

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        deadline = time.monotonic() + 10
        while pid_alive(child.pid) and time.monotonic() < deadline:
            time.sleep(0.05)  # exits, but is not waited for: a zombie
        assert not pid_alive(child.pid)
        assert Path(f"/proc/{child.pid}").exists()  # still in the process table
    finally:
        child.wait()
