"""Issue 6 in the running app: locks, read-only, guarded saves, backups, autosave, recovery.

Every test drives MainWindow (or the real start-up, ``planner.ui.app.start`` / the
``planner gui`` command in a child process) with scripted prompts; nothing is patched.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from planner.files.locking import lock_path_for, read_lock
from planner.files.planfile import dumps_plan, load_plan
from planner.files.process import current_host, current_user
from planner.files.recovery import RecoveryStore, backup_dir_for
from planner.ui import settings
from planner.ui.commands import set_plan_field
from planner.ui.prompts import Choice, ScriptedPrompts
from tests.support.packs import copy_pack, link_purpose_to
from tests.ui.helpers import open_window
from tests.ui.plans import small_plan

ROOT = Path(__file__).resolve().parents[2]
KILL_DRIVER = Path(__file__).with_name("app_kill_driver.py")
ORIGINAL_TITLE = small_plan().plan.title


def _edit(window, title: str) -> None:
    window.doc.undo_stack.push(set_plan_field(window.doc, "title", title, merge=False))


def _asked(prompts: ScriptedPrompts, kind: str) -> list:
    return [answer for question, answer in prompts.asked if question == kind]


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _write_lock(plan: Path, user: str, pid: int) -> None:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    lock_path_for(plan).write_text(json.dumps({
        "app": "planner 0.1.0", "user": user, "host": current_host(), "pid": pid,
        "started": None, "since": now, "heartbeat": now, "token": "theirs"}), encoding="utf-8")


# -- locks -------------------------------------------------------------------------------------


def test_a_plan_opened_through_a_link_is_saved_into_the_linked_file(qtbot, plan_file, tmp_path):
    link = tmp_path / "近道.yaml"
    link.symlink_to(plan_file)
    window = open_window(qtbot)
    assert window.files.open_path(link)
    assert window.doc.path == plan_file
    assert lock_path_for(plan_file).exists() and not lock_path_for(link).exists()
    _edit(window, "リンク経由")
    assert window.files.save()
    assert link.is_symlink() and link.resolve() == plan_file  # the link is still a link
    assert load_plan(plan_file).plan.title == "リンク経由"


def test_opening_writes_a_lock_beside_the_plan_and_closing_removes_it(qtbot, plan_file):
    window = open_window(qtbot)
    assert window.files.open_path(plan_file)
    lock = read_lock(plan_file)
    assert lock_path_for(plan_file).parent == plan_file.parent
    assert (lock.user, lock.host, lock.pid) == (current_user(), current_host(), os.getpid())
    assert not window.files.guard.read_only and not window.banner.isVisible()
    window.close()
    assert not lock_path_for(plan_file).exists()


def test_second_window_is_told_who_has_it_and_opens_read_only(qtbot, plan_file, tmp_path):
    first = open_window(qtbot)
    assert first.files.open_path(plan_file)
    prompts = ScriptedPrompts(locked=Choice.READ_ONLY, save_path=[str(plan_file)])
    second = open_window(qtbot, prompts)
    assert second.files.open_path(plan_file)
    [(message, stale)] = _asked(prompts, "locked")
    assert "あなた自身" in message and not stale  # the same user on the same PC: "you"
    assert second.files.guard.read_only
    assert "[読み取り専用]" in second.windowTitle() and second.banner.isVisible()
    assert "読み取り専用" in second.banner_text.text()
    before = plan_file.read_bytes()
    _edit(second, "二人目の編集")
    second.action_save.trigger()  # Save is Save As; choosing the locked file is refused
    assert _asked(prompts, "save_path")[0].endswith("計画のコピー.yaml")
    assert _asked(prompts, "error") and _asked(prompts, "save_path")[1:]
    assert plan_file.read_bytes() == before and second.isWindowModified()
    assert read_lock(plan_file).pid == os.getpid() and first.files.guard.lock is not None
    # Save As somewhere else: that file is theirs to edit, and the banner goes.
    prompts.save_path = [str(tmp_path / "私の案.yaml")]
    assert second.files.save()
    assert load_plan(tmp_path / "私の案.yaml").plan.title == "二人目の編集"
    assert not second.files.guard.read_only and not second.banner.isVisible()
    assert read_lock(tmp_path / "私の案.yaml") is not None
    assert plan_file.read_bytes() == before


def test_a_locked_plan_can_be_left_alone(qtbot, plan_file):
    first = open_window(qtbot)
    first.files.open_path(plan_file)
    prompts = ScriptedPrompts(locked=Choice.CANCEL)
    second = open_window(qtbot, prompts)
    before = second.doc.plan
    assert not second.files.open_path(plan_file)
    assert second.doc.plan is before and second.doc.path is None


def test_stale_lock_is_taken_over_only_after_confirming(qtbot, plan_file):
    _write_lock(plan_file, "suzuki", _dead_pid())  # same PC, process gone: a crash
    declined = ScriptedPrompts(locked=Choice.READ_ONLY)
    window = open_window(qtbot, declined)
    assert window.files.open_path(plan_file)
    assert _asked(declined, "locked")[0][1] is True and window.files.guard.read_only
    assert read_lock(plan_file).user == "suzuki"  # not taken without a yes
    window.close()
    assert read_lock(plan_file).user == "suzuki"  # and never removed by the reader
    confirmed = ScriptedPrompts(locked=Choice.TAKE_OVER)
    window = open_window(qtbot, confirmed)
    assert window.files.open_path(plan_file)
    assert "suzuki" in _asked(confirmed, "locked")[0][0]
    assert not window.files.guard.read_only
    assert read_lock(plan_file).pid == os.getpid()


def test_live_lock_is_never_taken_over(qtbot, plan_file):
    _write_lock(plan_file, "tanaka", os.getpid())  # a live process on this PC
    prompts = ScriptedPrompts(locked=Choice.TAKE_OVER)
    window = open_window(qtbot, prompts)
    assert window.files.open_path(plan_file)
    assert window.files.guard.read_only and read_lock(plan_file).user == "tanaka"


def test_a_lock_taken_over_by_someone_else_turns_the_window_read_only(qtbot, plan_file):
    prompts = ScriptedPrompts(save_path=[])
    window = open_window(qtbot, prompts)
    window.files.open_path(plan_file)
    _write_lock(plan_file, "sato", os.getpid())  # someone took the lock over meanwhile
    window.files.guard._heartbeat.beat()  # the next heartbeat notices
    assert window.files.guard.read_only and window.banner.isVisible()
    assert "sato" in window.banner_text.text() and "sato" in window.statusBar().currentMessage()
    before = plan_file.read_bytes()
    _edit(window, "ロックを失った後の編集")
    assert not window.files.save() and _asked(prompts, "save_path")  # Save As, not over theirs
    assert plan_file.read_bytes() == before
    window.close()
    assert read_lock(plan_file).user == "sato"  # their lock is not ours to remove


# -- guarded save ------------------------------------------------------------------------------


def test_save_warns_when_the_file_changed_on_disk(qtbot, plan_file):
    prompts = ScriptedPrompts(changed=Choice.SAVE_AS, save_path=[])
    window = open_window(qtbot, prompts)
    window.files.open_path(plan_file)
    _edit(window, "私の編集")
    theirs = plan_file.read_text(encoding="utf-8").replace(ORIGINAL_TITLE, "他の人の編集")
    plan_file.write_text(theirs, encoding="utf-8")
    window.action_save.trigger()
    assert "他の人またはプログラム" in _asked(prompts, "changed")[0]
    assert _asked(prompts, "save_path")  # Save As was offered
    assert plan_file.read_text(encoding="utf-8") == theirs
    assert window.isWindowModified() and window.doc.plan.plan.title == "私の編集"


@pytest.fixture
def unwritable_dir(tmp_path: Path):
    """A folder holding 計画.yaml that nobody may write to: chmod for a normal user, a
    tmpfs remounted read-only for root (who ignores permissions)."""
    folder = tmp_path / "読み取り専用"
    folder.mkdir()
    root = os.name == "posix" and os.geteuid() == 0
    if root:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)],
                              capture_output=True, check=False)
        if done.returncode != 0:
            pytest.skip("root ignores permissions and cannot mount a read-only folder here")
    (folder / "計画.yaml").write_text(dumps_plan(small_plan()), encoding="utf-8")
    if root:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    else:
        folder.chmod(0o555)
    try:
        yield folder
    finally:
        if root:
            subprocess.run(["umount", str(folder)], capture_output=True, check=False)
        else:
            folder.chmod(0o755)


@pytest.mark.parametrize("cause", ["unwritable_folder", "name_too_long", "not_a_folder"])
def test_failed_save_names_the_cause_offers_save_as_and_keeps_everything(
        qtbot, request, planner_home, tmp_path, cause):
    target = {
        "unwritable_folder": lambda: request.getfixturevalue("unwritable_dir") / "新しい計画.yaml",
        "name_too_long": lambda: tmp_path / ("長" * 200 + ".yaml"),
        "not_a_folder": lambda: (tmp_path / "ファイル").write_text("x") and
        tmp_path / "ファイル" / "計画.yaml",
    }[cause]()
    prompts = ScriptedPrompts(save_failed=Choice.SAVE_AS, save_path=[str(target)])
    window = open_window(qtbot, prompts)
    _edit(window, "失いたくない編集")
    assert window.autosave.save_now()
    assert not window.files.save()
    [message] = _asked(prompts, "save_failed")
    expected = {"unwritable_folder": ("読み取り専用", "権限"), "name_too_long": ("長すぎ",),
                "not_a_folder": ("フォルダー",)}[cause]
    assert any(word in message for word in expected), message
    assert "Traceback" not in message
    assert len(_asked(prompts, "save_path")) == 2  # asked again: Save As
    assert window.isWindowModified() and window.doc.plan.plan.title == "失いたくない編集"
    store = RecoveryStore(planner_home)
    [entry] = store.entries()
    assert store.load(entry).plan.title == "失いたくない編集"


def test_opening_from_a_folder_without_write_access_is_read_only(qtbot, unwritable_dir):
    prompts = ScriptedPrompts(save_path=[])
    window = open_window(qtbot, prompts)
    plan = unwritable_dir / "計画.yaml"
    assert window.files.open_path(plan)
    [(_title, message)] = _asked(prompts, "error")
    assert "ロックファイルを作れません" in message
    assert window.files.guard.read_only and "ロックファイル" in window.banner_text.text()
    _edit(window, "編集")
    assert not window.files.save() and _asked(prompts, "save_path")  # straight to Save As


@pytest.mark.parametrize("where", ["beside", "app_data"])
def test_backups_follow_the_settings(qtbot, planner_home, plan_file, where):
    settings.set("files/backups", 2)
    settings.set("files/backup_location", where)
    window = open_window(qtbot)
    window.files.open_path(plan_file)
    for n in range(4):
        _edit(window, f"版{n}")
        assert window.files.save()
    if where == "beside":
        copies = sorted(plan_file.parent.glob("計画.yaml.bak*"))
        assert not (planner_home / "backups").exists()
    else:
        folder = backup_dir_for(plan_file, planner_home)
        copies = sorted(folder.glob("計画.*.yaml"))
        assert not list(plan_file.parent.glob("*.bak*"))
    assert {load_plan(c).plan.title for c in copies} == {"版1", "版2"}


def test_default_settings_match_the_it_guide():
    assert settings.get("files/autosave_seconds") == 60
    assert settings.get("files/backups") == 5
    assert settings.get("files/backup_location") == "beside"
    guide = (ROOT / "docs" / "it-guide.md").read_text(encoding="utf-8")
    for row in ("| `files/autosave_seconds` | 60 |", "| `files/backups` | 5 |",
                "| `files/backup_location` | `beside` |"):
        assert row in guide


# -- autosave and recovery -----------------------------------------------------------------------


def test_autosave_goes_to_app_data_never_temp_and_a_normal_close_removes_it(
        qtbot, monkeypatch, tmp_path, planner_home, plan_file):
    temp = tmp_path / "temp"
    temp.mkdir()
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    settings.set("files/autosave_seconds", 0.05)
    window = open_window(qtbot)
    window.files.open_path(plan_file)
    qtbot.wait(150)
    assert not (planner_home / "recovery").exists()  # nothing unsaved, nothing written
    _edit(window, "自動保存される編集")
    with qtbot.waitSignal(window.autosave.saved, timeout=3000) as saved:
        pass
    written = Path(saved.args[0])
    assert written.parent == planner_home / "recovery"
    assert json.loads(written.read_text(encoding="utf-8"))["original_path"] == str(plan_file)
    assert list(temp.iterdir()) == []
    window.close()  # scripted answer to "save changes?": discard
    assert list((planner_home / "recovery").iterdir()) == []
    assert not lock_path_for(plan_file).exists()


def test_session_end_writes_the_recovery_copy_at_once(qtbot, planner_home, plan_file):
    """Windows shutdown asks the app to commit its data; the last edits must not wait for
    the next autosave tick, which may never come."""
    from PySide6.QtGui import QGuiApplication

    settings.set("files/autosave_seconds", 3600)
    window = open_window(qtbot)
    window.files.open_path(plan_file)
    _edit(window, "終了直前の編集")
    assert not (planner_home / "recovery").exists()
    app = QGuiApplication.instance()
    assert app.receivers("2commitDataRequest(QSessionManager&)") >= 1
    assert window.save_recovery_copy_now()
    [entry] = RecoveryStore(planner_home).entries()
    assert RecoveryStore(planner_home).load(entry).plan.title == "終了直前の編集"


def test_killed_app_offers_its_edits_back_at_the_next_start(qtbot, planner_home, plan_file):
    """The real ``planner gui PLAN`` is edited, autosaves and is SIGKILLed; the next start
    says when the copy was made and brings the edits back as unsaved changes of PLAN."""
    from planner.ui.app import start
    from tests.ui.app_kill_driver import ADDED_ISSUE, EDITED_TITLE

    settings.set("files/autosave_seconds", 0.2)
    env = dict(os.environ, PLANNER_HOME=str(planner_home), QT_QPA_PLATFORM="offscreen")
    child = subprocess.run([sys.executable, str(KILL_DRIVER), str(plan_file)], env=env,
                           capture_output=True, text=True, timeout=60, check=False)
    assert "autosaved" in child.stdout, child.stdout + child.stderr
    assert f"opened {plan_file} read_only=False" in child.stdout
    assert child.returncode == -9  # killed: no close handler ran
    assert load_plan(plan_file).plan.title == ORIGINAL_TITLE  # the file is untouched
    assert read_lock(plan_file) is not None  # and the crash left its lock behind
    [entry] = RecoveryStore(planner_home).leftovers()

    prompts = ScriptedPrompts(recover=Choice.RECOVER, locked=Choice.TAKE_OVER)
    window = start(str(plan_file), prompts=prompts)
    qtbot.addWidget(window)
    [offer] = _asked(prompts, "recover")
    assert entry.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S") in offer
    assert "計画.yaml" in offer
    assert _asked(prompts, "locked")[0][1] is True  # the crashed session's lock: stale
    assert window.doc.plan.plan.title == EDITED_TITLE
    assert window.doc.plan.issues[-1].title == ADDED_ISSUE
    assert window.doc.path == plan_file.resolve() and window.isWindowModified()
    assert not window.files.guard.read_only and read_lock(plan_file).pid == os.getpid()
    assert RecoveryStore(planner_home).leftovers() == []  # adopted, not offered twice
    assert window.files.save()
    assert load_plan(plan_file).plan.title == EDITED_TITLE
    assert RecoveryStore(planner_home).entries() == []


def test_recovered_edits_never_overwrite_a_change_made_on_disk_after_the_crash(
        qtbot, planner_home, plan_file):
    """The copy remembers which file the edits were based on; a colleague's save made
    between the crash and the recovery is noticed like any other change on disk."""
    import hashlib

    from planner.ui.safety import Recovered

    crashed = open_window(qtbot, ScriptedPrompts())
    crashed.files.open_path(plan_file)
    _edit(crashed, "私の編集")
    assert crashed.autosave.save_now()
    crashed.files.guard.release()  # as a crash would leave it: nobody holds the file
    [entry] = RecoveryStore(planner_home).entries()
    assert entry.original_sha256 == hashlib.sha256(plan_file.read_bytes()).hexdigest()

    theirs = plan_file.read_text(encoding="utf-8").replace(ORIGINAL_TITLE, "他の人の編集")
    plan_file.write_text(theirs, encoding="utf-8")
    prompts = ScriptedPrompts(changed=Choice.SAVE_AS, save_path=[])
    window = open_window(qtbot, prompts)
    store = RecoveryStore(planner_home)
    window.recover(Recovered(store.load(entry), plan_file, entry))
    window.action_save.trigger()
    assert _asked(prompts, "changed")
    assert plan_file.read_text(encoding="utf-8") == theirs
    assert window.doc.plan.plan.title == "私の編集"


# -- untrusted template packs --------------------------------------------------------------------


def test_export_dialog_renders_user_packs_in_the_sandbox(qtbot, planner_home, tmp_path):
    """A user pack whose section links to a private file: only the sandbox child refuses it."""
    from planner.ui.export_dialog import ExportDialog

    pack = copy_pack(planner_home / "templates" / "evil", "evil")
    secret = tmp_path / "private" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("SECRET-7", encoding="utf-8")
    link_purpose_to(pack, secret)
    out = tmp_path / "計画.docx"
    dialog = ExportDialog(small_plan(), tmp_path / "計画.yaml", open_url=lambda url: True)
    qtbot.addWidget(dialog)
    dialog.pack_combo.setCurrentIndex(dialog.pack_combo.findData("evil"))
    dialog.path_edit.setText(str(out))
    with qtbot.waitSignal(dialog._relay.failed, timeout=60000):
        dialog.start_export()
    dialog.wait_done()
    assert "許可されていない操作" in dialog.status.text() and not out.exists()
