"""Recovery copies: written atomically to app data, found after a crash, loaded, discarded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from planner.files.appdirs import app_data_dir
from planner.files.recovery import RecoveryError, RecoveryStore
from planner.plan.model import Issue, Plan, PlanInfo


def _plan(title: str = "テスト市官民データ活用推進計画") -> Plan:
    return Plan(plan=PlanInfo(title=title), issues=[Issue(id="I-1", title="高齢者の移動手段")])


def _dead_pid() -> int:
    """The pid of a process that has certainly exited."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _pretend_owner(store: RecoveryStore, slot: str, pid: int) -> None:
    file = store.root / f"{slot}.json"
    record = json.loads(file.read_text(encoding="utf-8"))
    record["pid"] = pid
    record["started"] = None
    file.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def test_copy_goes_to_app_data_folder(planner_home: Path) -> None:
    store = RecoveryStore(app_data_dir())
    written = store.save(store.new_slot(), _plan(), None)
    assert written.parent == planner_home / "recovery"


def test_app_data_folder_is_not_the_temp_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """Disk cleanup empties %TEMP%; the recovery copies must live elsewhere."""
    monkeypatch.delenv("PLANNER_HOME")
    temp = Path(tempfile.gettempdir()).resolve()
    assert temp not in app_data_dir().resolve().parents


def test_round_trip_keeps_edits_and_metadata(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    slot = store.new_slot()
    original = tmp_path / "計画.yaml"
    store.save(slot, _plan("編集後のタイトル"), original)
    [entry] = store.entries()
    assert entry.slot == slot
    assert entry.original_path == original.resolve()
    assert entry.pid == os.getpid()
    assert entry.title == "編集後のタイトル"
    assert store.load(entry).plan.title == "編集後のタイトル"
    assert "復旧用コピー" in entry.describe("ja") and "計画.yaml" in entry.describe("ja")
    assert "copy made" in entry.describe("en")


def test_copies_of_a_live_process_are_not_leftovers(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.save(store.new_slot(), _plan(), None)
    assert store.leftovers() == []


def test_copies_of_a_dead_process_are_leftovers(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    slot = store.new_slot()
    store.save(slot, _plan(), None)
    _pretend_owner(store, slot, _dead_pid())
    assert [e.slot for e in store.leftovers()] == [slot]


def test_reused_pid_counts_as_gone(tmp_path: Path) -> None:
    """Our own pid with another start time: the id was reused, the owner is gone."""
    if not sys.platform.startswith("linux"):
        pytest.skip("start time check exercised on Linux")
    store = RecoveryStore(tmp_path)
    slot = store.new_slot()
    store.save(slot, _plan(), None)
    file = store.root / f"{slot}.json"
    record = json.loads(file.read_text(encoding="utf-8"))
    record["started"] = 1.0
    file.write_text(json.dumps(record), encoding="utf-8")
    assert [e.slot for e in store.leftovers()] == [slot]


def test_discard_removes_only_that_copy(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    a, b = store.new_slot(), store.new_slot()
    store.save(a, _plan("A"), None)
    store.save(b, _plan("B"), None)
    store.discard(a)
    store.discard(a)  # twice is harmless
    assert [e.title for e in store.entries()] == ["B"]


def test_damaged_copy_is_a_clear_error(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    slot = store.new_slot()
    store.save(slot, _plan(), None)
    file = store.root / f"{slot}.json"
    record = json.loads(file.read_text(encoding="utf-8"))
    record["plan_yaml"] = record["plan_yaml"].replace("I-1", "I-9")
    file.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    [entry] = store.entries()
    with pytest.raises(RecoveryError) as err:
        store.load(entry)
    assert "壊れて" in err.value.message("ja")


def test_garbage_files_are_ignored(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.root.mkdir(parents=True)
    (store.root / "junk.json").write_text("{not json", encoding="utf-8")
    (store.root / "other.json").write_text('{"format": "else"}', encoding="utf-8")
    assert store.entries() == []


def test_failed_write_keeps_previous_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash (here: an error) while replacing the copy leaves the old one whole."""
    store = RecoveryStore(tmp_path)
    slot = store.new_slot()
    store.save(slot, _plan("first"), None)

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("planner.files.process.os.replace", boom)
    with pytest.raises(OSError, match="No space left"):
        store.save(slot, _plan("second"), None)
    monkeypatch.undo()
    [entry] = store.entries()
    assert store.load(entry).plan.title == "first"
    assert [p.name for p in store.root.iterdir()] == [f"{slot}.json"]  # no temp left over


def test_adopt_moves_copy_to_new_owner(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    old = store.new_slot()
    store.save(old, _plan("救出"), tmp_path / "p.yaml")
    _pretend_owner(store, old, _dead_pid())
    [entry] = store.leftovers()
    new = store.new_slot()
    store.adopt(entry, new)
    assert store.leftovers() == []
    [mine] = store.entries()
    assert mine.slot == new and mine.pid == os.getpid()
    assert mine.original_path == (tmp_path / "p.yaml").resolve()


def test_bad_slot_names_are_refused(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    for bad in ("", "../x", "a/b", ".hidden"):
        with pytest.raises(ValueError, match="bad recovery slot"):
            store.save(bad, _plan(), None)


def test_a_prefecture_scale_copy_round_trips(tmp_path):
    """Recovery copies are compact JSON (fast enough for the GUI thread) that the plan
    loader reads back to the very same plan."""
    from tests.support.plans import generate_plan

    plan = generate_plan()
    store = RecoveryStore(tmp_path)
    slot = store.new_slot()
    store.save(slot, plan, tmp_path / "県計画.yaml")
    [entry] = store.entries()
    assert store.load(entry) == plan
