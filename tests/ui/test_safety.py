"""Autosave, recovery after a hard kill, lock conflicts and guarded saves, from the app side."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.files.locking import FileStamp, acquire_lock, lock_path_for, read_lock
from planner.files.planfile import dumps_plan, load_plan
from planner.files.recovery import RecoveryStore, backup_dir_for
from planner.ui.commands import set_plan_field
from planner.ui.document import PlanDocument
from planner.ui.guard import DocumentGuard
from planner.ui.prompts import Choice, ScriptedPrompts
from planner.ui.safety import (
    AutosaveController,
    SaveResult,
    guarded_save,
    lock_for_opening,
    offer_recovery,
    restore,
)
from tests.ui.plans import small_plan

DRIVER = Path(__file__).with_name("crash_driver.py")


def _edit(doc: PlanDocument, title: str) -> None:
    doc.undo_stack.push(set_plan_field(doc, "title", title, merge=False))


# -- autosave -----------------------------------------------------------------------------------


def test_autosave_writes_only_while_modified(qtbot, planner_home: Path, plan_file: Path) -> None:
    doc = PlanDocument(load_plan(plan_file), plan_file)
    store = RecoveryStore(planner_home)
    autosave = AutosaveController(doc, store, interval_s=0.05)
    qtbot.wait(150)
    assert store.entries() == []  # nothing unsaved: nothing written
    _edit(doc, "自動保存される編集")
    with qtbot.waitSignal(autosave.saved, timeout=2000):
        pass
    [entry] = store.entries()
    assert store.load(entry).plan.title == "自動保存される編集"
    assert entry.original_path == plan_file.resolve()
    assert not autosave.save_now()  # no new edit since the copy: no rewrite


def test_saving_or_undoing_to_clean_removes_copy(qtbot, planner_home: Path, plan_file: Path) -> None:
    doc = PlanDocument(load_plan(plan_file), plan_file)
    store = RecoveryStore(planner_home)
    autosave = AutosaveController(doc, store, interval_s=0)
    _edit(doc, "編集")
    assert autosave.save_now() and len(store.entries()) == 1
    doc.undo_stack.undo()  # back to what the file holds
    assert store.entries() == []
    doc.undo_stack.redo()
    assert autosave.save_now()
    doc.mark_saved()
    assert store.entries() == []


def test_normal_close_removes_copy(qtbot, planner_home: Path, plan_file: Path) -> None:
    doc = PlanDocument(load_plan(plan_file), plan_file)
    store = RecoveryStore(planner_home)
    autosave = AutosaveController(doc, store, interval_s=0)
    _edit(doc, "閉じる前の編集")
    autosave.save_now()
    autosave.close()
    assert store.entries() == []


def test_autosave_failure_is_reported_not_raised(qtbot, tmp_path: Path, plan_file: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    doc = PlanDocument(load_plan(plan_file), plan_file)
    autosave = AutosaveController(doc, RecoveryStore(blocker), interval_s=0)
    _edit(doc, "編集")
    with qtbot.waitSignal(autosave.failed) as failed:
        assert not autosave.save_now()
    assert "復旧用コピー" in failed.args[0]


# -- kill mid-edit and recover --------------------------------------------------------------


def test_killed_mid_edit_then_recovered(qtbot, planner_home: Path, plan_file: Path) -> None:
    """A real process edits, autosaves and is SIGKILLed; the next start gets the edits back."""
    env = dict(os.environ, PLANNER_HOME=str(planner_home), QT_QPA_PLATFORM="offscreen")
    child = subprocess.run([sys.executable, str(DRIVER), str(plan_file)], env=env,
                           capture_output=True, text=True, timeout=60, check=False)
    assert "autosaved" in child.stdout, child.stdout + child.stderr
    assert child.returncode != 0  # it died; no close handler ran
    assert load_plan(plan_file).plan.title == small_plan().plan.title  # file untouched

    # The next start: offer, recover, and find the edits as unsaved changes of that file.
    store = RecoveryStore(planner_home)
    prompts = ScriptedPrompts(recover=Choice.RECOVER)
    recovered = offer_recovery(store, prompts)
    assert recovered is not None
    [(question, description)] = prompts.asked
    assert question == "recover" and "計画.yaml" in description and "に保存された" in description
    doc = PlanDocument()
    autosave = AutosaveController(doc, store, interval_s=0)
    restore(doc, autosave, recovered)
    assert doc.plan.plan.title == "クラッシュ直前の編集"
    assert [i.title for i in doc.plan.issues][-1] == "保存されていない課題"
    assert doc.path == plan_file.resolve() and doc.is_modified()
    assert store.leftovers() == []  # now owned by this session, not offered twice
    assert len(store.entries()) == 1
    autosave.close()
    assert store.entries() == []


def test_declined_recovery_discards_or_keeps(qtbot, planner_home: Path, plan_file: Path) -> None:
    store = RecoveryStore(planner_home)
    store.save("1-dead", small_plan(), plan_file)
    _orphan(store, "1-dead")
    assert offer_recovery(store, ScriptedPrompts(recover=Choice.LATER)) is None
    assert len(store.leftovers()) == 1
    assert offer_recovery(store, ScriptedPrompts(recover=Choice.DISCARD)) is None
    assert store.entries() == []


def _orphan(store: RecoveryStore, slot: str) -> None:
    import json

    file = store.root / f"{slot}.json"
    record = json.loads(file.read_text(encoding="utf-8"))
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    record.update(pid=proc.pid, started=None)
    file.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


# -- locks when opening -----------------------------------------------------------------------


def test_open_unlocked_takes_lock(plan_file: Path) -> None:
    grant = lock_for_opening(plan_file, ScriptedPrompts())
    assert grant is not None and not grant.read_only and grant.lock.still_ours()
    grant.lock.release()


def test_open_locked_offers_read_only_or_cancel(plan_file: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         ("import sys,time; sys.path.insert(0, sys.argv[2]);"
          "from planner.files.locking import acquire_lock; acquire_lock(sys.argv[1]);"
          "print('locked', flush=True); time.sleep(60)"),
         str(plan_file), str(Path(__file__).resolve().parents[2])],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        prompts = ScriptedPrompts(locked=Choice.TAKE_OVER)  # not offered for live locks
        grant = lock_for_opening(plan_file, prompts)
        assert grant.read_only and grant.lock is None
        assert prompts.asked[0][1][1] is False  # asked as a live (not stale) lock
        assert read_lock(plan_file).pid == holder.pid
        assert lock_for_opening(plan_file, ScriptedPrompts(locked=Choice.CANCEL)) is None
    finally:
        holder.kill()
        holder.wait()


def test_stale_lock_taken_over_after_confirming(plan_file: Path) -> None:
    lock_path_for(plan_file).write_text('{"user": "x"}', encoding="utf-8")  # junk = stale
    prompts = ScriptedPrompts(locked=Choice.TAKE_OVER)
    grant = lock_for_opening(plan_file, prompts)
    assert prompts.asked[0][1][1] is True
    assert not grant.read_only and read_lock(plan_file).pid == os.getpid()
    grant.lock.release()


# -- guarded save -----------------------------------------------------------------------------


def test_save_refuses_to_overwrite_a_file_changed_on_disk(qtbot, plan_file: Path) -> None:
    doc = PlanDocument(load_plan(plan_file), plan_file)
    stamp = FileStamp.of(plan_file)
    _edit(doc, "私の編集")
    theirs = plan_file.read_text(encoding="utf-8").replace("テスト市官民", "他の人の")
    plan_file.write_text(theirs, encoding="utf-8")
    prompts = ScriptedPrompts(changed=Choice.SAVE_AS)
    result, _ = guarded_save(doc, plan_file, prompts, stamp=stamp)
    assert result is SaveResult.SAVE_AS
    assert plan_file.read_text(encoding="utf-8") == theirs  # their work is intact
    assert doc.is_modified() and doc.plan.plan.title == "私の編集"  # and so is ours
    result, stamp2 = guarded_save(doc, plan_file, ScriptedPrompts(changed=Choice.OVERWRITE),
                                  stamp=stamp)
    assert result is SaveResult.SAVED and load_plan(plan_file).plan.title == "私の編集"
    assert stamp2.changed_on_disk() is None and not doc.is_modified()


def test_save_with_lost_lock_asks_for_save_as(qtbot, plan_file: Path) -> None:
    doc = PlanDocument(load_plan(plan_file), plan_file)
    lock = acquire_lock(plan_file)
    lock_path_for(plan_file).unlink()  # someone removed our lock and
    acquire_lock(plan_file).info  # noqa: B018 - …another session took it
    _edit(doc, "編集")
    prompts = ScriptedPrompts()
    result, _ = guarded_save(doc, plan_file, prompts, stamp=FileStamp.of(plan_file), lock=lock)
    assert result is SaveResult.SAVE_AS and prompts.asked[0][0] == "error"
    assert load_plan(plan_file).plan.title != "編集"


@pytest.mark.parametrize("cause", ["missing_folder", "target_is_folder", "name_too_long"])
def test_save_failure_keeps_plan_and_recovery_copy(qtbot, planner_home: Path, plan_file: Path,
                                                   cause: str) -> None:
    doc = PlanDocument(load_plan(plan_file), plan_file)
    store = RecoveryStore(planner_home)
    autosave = AutosaveController(doc, store, interval_s=0)
    _edit(doc, "失いたくない編集")
    autosave.save_now()
    target = {
        "missing_folder": plan_file.parent / "消えたフォルダ" / "計画.yaml",
        "target_is_folder": plan_file.parent,
        "name_too_long": plan_file.parent / ("長" * 200 + ".yaml"),
    }[cause]
    prompts = ScriptedPrompts(save_failed=Choice.SAVE_AS)
    result, _ = guarded_save(doc, target, prompts, stamp=None)
    assert result is SaveResult.SAVE_AS
    [(question, message)] = prompts.asked
    assert question == "save_failed" and message and "Traceback" not in message
    assert doc.is_modified() and doc.plan.plan.title == "失いたくない編集"
    [entry] = store.entries()
    assert store.load(entry).plan.title == "失いたくない編集"


@pytest.mark.parametrize("where", ["beside", "app_data"])
def test_saves_keep_the_last_n_versions(qtbot, planner_home: Path, plan_file: Path,
                                        where: str) -> None:
    doc = PlanDocument(load_plan(plan_file), plan_file)
    backup_dir = backup_dir_for(plan_file, planner_home) if where == "app_data" else None
    stamp = FileStamp.of(plan_file)
    for n in range(5):
        _edit(doc, f"版{n}")
        result, stamp = guarded_save(doc, plan_file, ScriptedPrompts(), stamp=stamp,
                                     backups=3, backup_dir=backup_dir)
        assert result is SaveResult.SAVED
    if backup_dir is None:
        copies = sorted(plan_file.parent.glob("計画.yaml.bak*"))
    else:
        copies = sorted(backup_dir.glob("計画.*.yaml"))
        assert backup_dir.parent == planner_home / "backups"
    assert len(copies) == 3
    titles = {load_plan(c).plan.title for c in copies}
    assert titles == {"版1", "版2", "版3"}  # the three versions before the current one


def test_backup_folders_of_same_named_plans_differ(tmp_path: Path) -> None:
    a = backup_dir_for(tmp_path / "企画課" / "計画.yaml", tmp_path)
    b = backup_dir_for(tmp_path / "情報政策課" / "計画.yaml", tmp_path)
    assert a != b and a.parent == b.parent == tmp_path / "backups"


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 256 KiB tmpfs (needs root and mount rights; skipped elsewhere)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("cannot mount tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True, check=False)


def _fill(folder: Path) -> None:
    fd = os.open(folder / "filler.bin", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass  # the disk is full now
    finally:
        os.close(fd)


@pytest.mark.parametrize("cause", ["disk_full", "read_only"])
def test_save_on_full_or_read_only_disk(qtbot, planner_home: Path, small_disk: Path,
                                        cause: str) -> None:
    plan_path = small_disk / "計画.yaml"
    plan_path.write_text(dumps_plan(small_plan()), encoding="utf-8")
    before = plan_path.read_bytes()
    doc = PlanDocument(load_plan(plan_path), plan_path)
    store = RecoveryStore(planner_home)
    autosave = AutosaveController(doc, store, interval_s=0)
    _edit(doc, "失いたくない編集" * 200)  # bigger than the space left
    autosave.save_now()
    if cause == "disk_full":
        _fill(small_disk)
    else:
        subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    prompts = ScriptedPrompts(save_failed=Choice.SAVE_AS)
    result, _ = guarded_save(doc, plan_path, prompts, stamp=FileStamp.of(plan_path), backups=1)
    assert result is SaveResult.SAVE_AS
    [(question, message)] = prompts.asked
    expected = "空き容量" if cause == "disk_full" else "読み取り専用"
    assert question == "save_failed" and expected in message, message
    assert plan_path.read_bytes() == before  # old file intact, no half-written file
    assert doc.is_modified() and doc.plan.plan.title.startswith("失いたくない編集")
    [entry] = store.entries()
    assert store.load(entry).plan.title == doc.plan.plan.title


def test_document_guard_open_save_as_and_release(qtbot, plan_file: Path) -> None:
    doc = PlanDocument(load_plan(plan_file), plan_file)
    guard = DocumentGuard(doc, ScriptedPrompts())
    assert guard.acquire(plan_file) and not guard.read_only
    guard.opened(plan_file)
    _edit(doc, "別名の計画")
    other = plan_file.with_name("別名.yaml")
    assert guard.save(other) is SaveResult.SAVED
    assert read_lock(other).pid == os.getpid() and read_lock(plan_file) is None
    guard.release()
    assert read_lock(other) is None


def test_document_guard_read_only_refuses_overwrite(qtbot, plan_file: Path) -> None:
    lock_path_for(plan_file).write_text("{}", encoding="utf-8")  # stale junk lock
    doc = PlanDocument(load_plan(plan_file), plan_file)
    prompts = ScriptedPrompts(locked=Choice.READ_ONLY)
    guard = DocumentGuard(doc, prompts)
    assert guard.acquire(plan_file) and guard.read_only
    guard.opened(plan_file)
    before = plan_file.read_bytes()
    _edit(doc, "読み取り専用なのに編集")
    assert guard.save(plan_file) is SaveResult.SAVE_AS
    assert plan_file.read_bytes() == before


def test_save_as_onto_a_plan_someone_has_open_is_refused(qtbot, plan_file: Path) -> None:
    other = plan_file.with_name("他の人の計画.yaml")
    other.write_text(dumps_plan(small_plan()), encoding="utf-8")
    theirs = acquire_lock(other)  # held by a live process (this one, another session)
    doc = PlanDocument(load_plan(plan_file), plan_file)
    _edit(doc, "上書きしてはいけない")
    prompts = ScriptedPrompts()
    result, _ = guarded_save(doc, other, prompts, stamp=None)
    assert result is SaveResult.SAVE_AS and prompts.asked[0][0] == "error"
    assert load_plan(other).plan.title == small_plan().plan.title
    theirs.release()
