"""Lock files and recovery copies are input someone else may have written.

security.md T3 (forged records: never a crash, odd means "unknown holder" and a takeover
offer) and T7 (file names that are not valid Unicode).
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from planner.files import locking
from planner.files.locking import (
    LockedError,
    acquire_lock,
    lock_path_for,
    read_lock,
    take_over_lock,
)
from planner.files.recovery import RecoveryStore, backup_dir_for
from planner.plan import model as m

NOW = datetime.now(UTC)
GOOD = {"app": "planner 1", "user": "suzuki", "host": "PC-1", "pid": 4242, "started": 1.0,
        "since": NOW.isoformat(), "heartbeat": NOW.isoformat(), "token": "abcd"}

FORGED = {
    "naive since": {"since": "2026-04-01T10:00:00"},
    "naive heartbeat": {"heartbeat": "2026-04-01T10:00:00"},
    "pid 10**30": {"pid": 10**30},
    "pid negative": {"pid": -5},
    "pid as text": {"pid": "4242"},
    "pid as bool": {"pid": True},
    "pid as float": {"pid": 4242.0},
    "started NaN": {"started": float("nan")},
    "started text": {"started": "yesterday"},
    "heartbeat in 9999": {"heartbeat": "9999-12-31T23:59:59+00:00"},
    "heartbeat min offset": {"heartbeat": "0001-01-01T00:00:00+14:00"},
    "since a number": {"since": 1700000000},
    "user a list": {"user": ["a", "b"]},
    "user missing": {"user": None},
    "host an object": {"host": {"x": 1}},
    "token a number": {"token": 7},
    "huge time string": {"since": "2026-04-01T10:00:00+00:00" + " " * 10000},
}


def write_lock(plan: Path, record) -> None:
    data = record if isinstance(record, bytes) else json.dumps(record).encode("utf-8")
    lock_path_for(plan).write_bytes(data)


@pytest.fixture
def plan(tmp_path) -> Path:
    path = tmp_path / "計画.yaml"
    path.write_text("schema_version: 1\nplan:\n  title: x\n", encoding="utf-8")
    return path


def test_a_well_formed_lock_still_names_its_holder(plan):
    write_lock(plan, GOOD)
    info = read_lock(plan)
    assert not info.unknown and info.user == "suzuki" and info.pid == 4242


@pytest.mark.parametrize("change", FORGED.values(), ids=FORGED.keys())
def test_a_forged_lock_field_makes_an_unknown_holder_that_may_be_taken_over(plan, change):
    """security.md T3: every field is validated; nothing raises; a takeover is offered."""
    write_lock(plan, {**GOOD, **change})
    info = read_lock(plan)
    assert info.unknown and info.is_stale()
    assert "不明" in info.describe("ja") and "unknown" in info.describe("en")
    with pytest.raises(LockedError) as caught:
        acquire_lock(plan)
    assert caught.value.stale
    lock = take_over_lock(plan, caught.value.info)
    assert lock.still_ours()
    lock.release()


@pytest.mark.parametrize("raw", [b"", b"\xff\xfe", b"[1, 2]", b"null", b"[" * 100000,
                                 json.dumps({**GOOD, "pad": "x" * 70000}).encode()],
                         ids=["empty", "not utf-8", "array", "null", "deep nesting", "too big"])
def test_a_damaged_lock_file_is_an_unknown_holder(plan, raw):
    """security.md T3."""
    write_lock(plan, raw)
    assert read_lock(plan).unknown


def test_control_and_bidi_characters_in_a_name_are_dropped(plan):
    """security.md T3, T4: a forged name cannot fake message lines or reverse text."""
    write_lock(plan, {**GOOD, "user": "a\n\nウイルスが検出されました\x1b[2J\u202etxt.exe",
                      "host": "h" * 500})
    info = read_lock(plan)
    assert "\n" not in info.user and "\x1b" not in info.user and "\u202e" not in info.user
    assert len(info.host) <= locking.MAX_NAME_CHARS


@pytest.mark.skipif(os.name != "posix", reason="links and FIFOs")
def test_a_lock_that_is_a_link_is_not_followed(plan, tmp_path):
    """security.md T1, T3: a link to someone's live lock elsewhere proves nothing."""
    other = tmp_path / "elsewhere.json"
    other.write_text(json.dumps(GOOD), encoding="utf-8")
    lock_path_for(plan).symlink_to(other)
    assert read_lock(plan).unknown
    with pytest.raises(LockedError) as caught:
        acquire_lock(plan)
    lock = take_over_lock(plan, caught.value.info)
    assert not lock_path_for(plan).is_symlink()  # the link was replaced, not written through
    assert json.loads(other.read_text(encoding="utf-8")) == GOOD
    lock.release()


@pytest.mark.skipif(os.name != "posix", reason="FIFOs")
def test_a_lock_that_is_a_fifo_does_not_hang(plan):
    """security.md T3, T6."""
    os.mkfifo(lock_path_for(plan))
    assert read_lock(plan).unknown


def test_a_heartbeat_a_little_ahead_is_clock_skew_not_forgery(plan):
    write_lock(plan, {**GOOD, "heartbeat": (NOW + timedelta(hours=2)).isoformat()})
    assert not read_lock(plan).unknown


def test_a_heartbeat_days_ahead_is_forged(plan):
    """security.md T3: it would keep the lock alive for days."""
    write_lock(plan, {**GOOD, "heartbeat": (NOW + timedelta(days=2)).isoformat()})
    assert read_lock(plan).unknown


# -- recovery copies -------------------------------------------------------------------------


def copy_record(**change) -> dict:
    text = json.dumps({"schema_version": 1, "plan": {"title": "復旧"}}, ensure_ascii=False)
    import hashlib
    record = {"format": "planner-recovery", "format_version": 1, "app": "planner",
              "original_path": None, "original_sha256": None,
              "saved_at": NOW.isoformat(), "pid": 0, "started": None, "host": "elsewhere",
              "user": "u", "title": "復旧", "plan_yaml": text,
              "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}
    record.update(change)
    return record


@pytest.mark.parametrize("change", [
    {"saved_at": "2026-04-01T10:00:00"}, {"saved_at": "9999-12-31T23:59:59+00:00"},
    {"saved_at": 12}, {"pid": 10**30}, {"pid": "x"}, {"started": "x"}, {"title": ["x"]},
    {"host": None}, {"original_path": 5}, {"original_path": "a\0b"}, {"original_sha256": 3},
], ids=lambda c: ",".join(f"{k}={v!r}"[:30] for k, v in c.items()))
def test_a_recovery_copy_with_odd_details_is_still_offered_and_never_crashes(tmp_path, change):
    """security.md T3: a naive saved_at once made the app unable to start."""
    store = RecoveryStore(tmp_path)
    store.root.mkdir(parents=True)
    (store.root / "good.json").write_text(json.dumps(copy_record()), encoding="utf-8")
    (store.root / "odd.json").write_text(json.dumps(copy_record(**change)), encoding="utf-8")
    entries = store.leftovers()
    assert sorted(e.slot for e in entries) == ["good", "odd"]
    for entry in entries:
        assert entry.describe("ja") and entry.describe("en")
        assert store.load(entry).plan.title == "復旧"


def test_recovery_copies_that_are_not_ours_are_skipped(tmp_path):
    store = RecoveryStore(tmp_path)
    store.root.mkdir(parents=True)
    (store.root / "a.json").write_text("[1]", encoding="utf-8")
    (store.root / "b.json").write_bytes(b"\xff")
    (store.root / "c.json").write_text(json.dumps(copy_record(plan_yaml=None)), encoding="utf-8")
    assert store.entries() == []


@pytest.mark.skipif(os.name != "posix", reason="byte file names are a POSIX thing")
def test_a_plan_in_a_folder_whose_name_is_not_utf8_gets_a_recovery_copy(tmp_path):
    """security.md T7: this raised UnicodeEncodeError, and autosave died silently."""
    folder = tmp_path / os.fsdecode(b"\xff\xfe\x93\xfa\x96\x7b")  # Shift_JIS bytes
    folder.mkdir()
    original = folder / "計画.yaml"
    store = RecoveryStore(tmp_path / "home")
    store.save("s1", m.Plan(plan=m.PlanInfo(title="t")), original)
    (entry,) = store.entries()
    assert entry.original_path == original.resolve()
    assert os.fsencode(entry.original_path).startswith(os.fsencode(tmp_path.resolve()))
    assert backup_dir_for(original, tmp_path / "home").parent == tmp_path / "home" / "backups"


@pytest.mark.skipif(os.name != "posix", reason="byte file names are a POSIX thing")
def test_a_user_name_that_is_not_utf8_can_still_lock(plan, monkeypatch):
    """security.md T7."""
    monkeypatch.setattr(locking, "current_user", lambda: os.fsdecode(b"user\xff"))
    lock = acquire_lock(plan)
    assert read_lock(plan).token == lock.info.token
    lock.release()
