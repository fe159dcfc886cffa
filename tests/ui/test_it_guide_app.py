"""docs/it-guide.md for the desktop app: a whole session, audited, and the settings table.

One child process runs the real start-up (``planner.ui.app.start``) offscreen with an
audit hook (tests/test_it_guide.py) and every writable place pointed at a fresh folder:
open the bundled sample, edit, check, export the document and the check report, save to
a new folder, edit and save again, edit, close. It records what was on disk after each
step, so the tests below can hold the guide's promises against it: nothing sent
anywhere, and exactly the documented files, each only while the guide says.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_it_guide import AUDIT_HOOK, GUIDE_EN, GUIDE_JA, ROOT, SAMPLE, audited_env, said

_APP_DRIVER = r'''
root, result_file, plans, places_json = sys.argv[1:5]
places = json.loads(places_json)
sys.path.insert(0, root)
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from planner.ui.app import start
from planner.ui.commands import set_plan_field
from planner.ui.export_dialog import ExportDialog
from planner.ui.prompts import SaveAnswer, ScriptedPrompts

snapshots = {}
def snap(step):
    snapshots[step] = {name: tree(path) for name, path in places.items()}

def wait_for(signal, ms=20000):
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()

def edit(window, title):
    window.doc.undo_stack.push(set_plan_field(window.doc, "title", title, merge=False))

sample = Path(root) / "resources" / "samples" / "sample-plan.yaml"
plan_path = str(Path(plans) / "計画.yaml")
prompts = ScriptedPrompts(save_path=plan_path, save_answer=SaveAnswer.DISCARD)
window = start(str(sample), prompts=prompts)
read_only_sample = window.files.guard.read_only
snap("opened_sample")

window.autosave.set_interval(0.05)
edit(window, "編集した計画")
wait_for(window.autosave.saved)
snap("unsaved_edit")

window.checks.run_now(window.doc.plan)
window.checks.wait_idle(20000)
opened_urls = []
dialog = ExportDialog(window.doc.plan, None, window, open_url=opened_urls.append,
                      ask_save_path=lambda *a: str(Path(plans) / "点検結果.csv"))
dialog.path_edit.setText(str(Path(plans) / "計画.docx"))
dialog.start_export()
wait_for(dialog.exported)
dialog.export_report()
dialog.open_document()
dialog.close()
snap("exported")

saved_as = window.files.save()
snap("saved_as")
edit(window, "二回目の保存")
saved_again = window.files.save()
snap("saved_again")
edit(window, "閉じる前の編集")
wait_for(window.autosave.saved)
snap("edited_again")
window.close()
snap("closed")
settings_ini = (Path(places["home"]) / "settings.ini").read_text(encoding="utf-8")

# Below the surface Python's hook sees: is Qt's network library even loaded, any socket open?
native = {"qt_network_module": "PySide6.QtNetwork" in sys.modules}
if os.path.exists("/proc/self/maps"):
    maps = open("/proc/self/maps", encoding="utf-8", errors="replace").read()
    native["qt_network_library"] = "Qt6Network" in maps
    links = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            links.append(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            pass  # the descriptor listdir itself used, closed again
    native["sockets"] = [link for link in links if link.startswith("socket:")]

# What Qt's own file dialog leaves behind (the guide's note on the registry).
import shiboken6
from PySide6.QtWidgets import QFileDialog
shiboken6.delete(QFileDialog(None, "x", plans))  # what every Open / Save As dialog does
snap("file_dialog")

json.dump({"events": EVENTS, "snapshots": snapshots, "read_only_sample": read_only_sample,
           "saved_as": saved_as, "saved_again": saved_again,
           "opened_urls": [u.toString() for u in opened_urls], "native": native,
           "settings_ini": settings_ini},
          open(result_file, "w", encoding="utf-8"), ensure_ascii=False)
'''


@pytest.fixture(scope="module")
def session(tmp_path_factory) -> dict:
    """The audited app session's record (events, and the folders' contents step by step)."""
    tmp_path = tmp_path_factory.mktemp("app")
    env, places = audited_env(tmp_path)
    env["QT_QPA_PLATFORM"] = "offscreen"
    result_file = tmp_path / "result.json"
    child = subprocess.run(
        [sys.executable, "-c", AUDIT_HOOK + _APP_DRIVER, str(ROOT), str(result_file),
         str(places["plans"]), json.dumps({**{k: str(v) for k, v in places.items()},
                                           "samples": str(SAMPLE.parent)})],
        env=env, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
    assert child.returncode == 0 and result_file.is_file(), child.stdout + child.stderr
    return json.loads(result_file.read_text(encoding="utf-8"))


SAMPLES = sorted(p.name for p in SAMPLE.parent.iterdir())
PLAN_FOLDER_AFTER_EXPORT = ["点検結果.csv", "計画.docx"]
LOCK = ".~lock.計画.yaml#"


def _expected(home, plans):
    return {"home": home, "plans": plans, "userhome": [], "tmp": [], "samples": SAMPLES}


def _recovery_copy(snapshot) -> list[str]:
    names = [n for n in snapshot["home"] if n.startswith("recovery/") and n != "recovery/"]
    assert all(re.fullmatch(r"recovery/\d+-[0-9a-f]{8}\.json", n) for n in names), names
    return names


# -- §2 offline --------------------------------------------------------------------------------


def test_a_whole_app_session_sends_nothing_and_starts_no_program(session):
    """Open, edit, check, export (built-in pack), save, close: no network, no child process."""
    assert session["events"] == []
    assert session["opened_urls"] and session["opened_urls"][0].startswith("file:///")
    native = session["native"]
    assert native["qt_network_module"] is False
    if "sockets" in native:  # Linux: the library is not even loaded, no socket is open
        assert native["qt_network_library"] is False and native["sockets"] == []


# -- §1, §3, §4 files, step by step ----------------------------------------------------------------


def test_the_bundled_sample_opens_read_only_and_nothing_is_written_beside_it(session):
    assert session["read_only_sample"]
    snap = session["snapshots"]["opened_sample"]
    # Opening records the file in the recent list: settings.ini, nothing else anywhere.
    assert snap == _expected(["settings.ini"], [])
    assert all(s["samples"] == SAMPLES for s in session["snapshots"].values())


def test_recovery_copy_exists_only_while_there_are_unsaved_changes(session):
    snaps = session["snapshots"]
    [copy] = _recovery_copy(snaps["unsaved_edit"])
    assert snaps["unsaved_edit"] == _expected(["recovery/", copy, "settings.ini"], [])
    assert _recovery_copy(snaps["exported"]) == [copy]
    assert _recovery_copy(snaps["saved_as"]) == []  # saved: removed
    assert _recovery_copy(snaps["saved_again"]) == []
    assert _recovery_copy(snaps["edited_again"]) == [copy]  # unsaved again: back
    assert _recovery_copy(snaps["closed"]) == []  # normal exit: removed


def test_exports_write_only_the_chosen_files(session):
    snap = session["snapshots"]["exported"]
    [copy] = _recovery_copy(snap)
    assert snap == _expected(["recovery/", copy, "settings.ini"], PLAN_FOLDER_AFTER_EXPORT)


def test_lock_lives_while_open_backups_appear_on_overwrite_and_close_tidies_up(session):
    snaps = session["snapshots"]
    assert session["saved_as"] and session["saved_again"]
    assert snaps["saved_as"] == _expected(
        ["recovery/", "settings.ini"], sorted([LOCK, *PLAN_FOLDER_AFTER_EXPORT, "計画.yaml"]))
    assert snaps["saved_again"] == _expected(
        ["recovery/", "settings.ini"],
        sorted([LOCK, *PLAN_FOLDER_AFTER_EXPORT, "計画.yaml", "計画.yaml.bak"]))
    [copy] = _recovery_copy(snaps["edited_again"])
    assert snaps["edited_again"] == _expected(
        ["recovery/", copy, "settings.ini"],
        sorted([LOCK, *PLAN_FOLDER_AFTER_EXPORT, "計画.yaml", "計画.yaml.bak"]))
    assert snaps["closed"] == _expected(
        ["recovery/", "settings.ini"],
        sorted([*PLAN_FOLDER_AFTER_EXPORT, "計画.yaml", "計画.yaml.bak"]))
    assert "[files]" in session["settings_ini"] and "recent=" in session["settings_ini"]


def test_qt_file_dialog_remembers_folders_where_the_guide_says(session):
    """The note under §1: Qt's own dialog state, NativeFormat (the registry on Windows)."""
    before, after = session["snapshots"]["closed"], session["snapshots"]["file_dialog"]
    assert before["userhome"] == []
    assert after["userhome"] == [".config/", ".config/QtProject.conf"]
    assert {k: v for k, v in after.items() if k != "userhome"} == \
        {k: v for k, v in before.items() if k != "userhome"}
    assert said("`~/.config/QtProject.conf`", GUIDE_JA) and said("`~/.config/QtProject.conf`",
                                                                  GUIDE_EN)
    key = "`HKEY_CURRENT_USER\\Software\\QtProject\\OrganizationDefaults\\FileDialog`"
    assert said(key, GUIDE_JA) and said(key, GUIDE_EN)


# -- §6 settings --------------------------------------------------------------------------------------


def _table(guide: str, header: str) -> dict[str, list[str]]:
    """Rows of the Markdown table under ``header``: first cell (without backticks) → cells."""
    rows, inside = {}, False
    for line in guide.splitlines():
        if line.startswith(header):
            inside = True
        elif inside and line.startswith("|") and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            for key in re.findall(r"`([^`]+)`", cells[0]):
                rows[key] = cells[1:]
        elif inside and rows and not line.startswith("|"):
            break
    return rows


@pytest.mark.parametrize("guide, header", [(GUIDE_JA, "| 設定 | 既定 |"),
                                           (GUIDE_EN, "| Key | Default |")])
def test_the_defaults_table_is_the_code(guide, header):
    from planner.ui.settings import SETTINGS

    table = _table(guide, header)
    assert set(table) == {"files/autosave_seconds", "files/backups", "files/backup_location"}
    defaults = {s.key: s.default for s in SETTINGS}
    for key, (default, *_rest) in table.items():
        assert str(default).strip("`") == str(defaults[key]).removesuffix(".0"), key


@pytest.mark.parametrize("guide, header", [(GUIDE_JA, "| 設定 | 内容 |"),
                                           (GUIDE_EN, "| Key | Meaning |")])
def test_the_other_recorded_settings_exist(guide, header):
    from planner.ui.settings import SETTINGS

    table = _table(guide, header)
    assert set(table) == {"ui/language", "files/recent", "files/last_dir", "window/geometry",
                          "window/show_graph"}
    assert set(table) <= {s.key for s in SETTINGS}
    assert said("（最大 `files/recent_max` 件、既定 8）", guide) or \
        said("(at most `files/recent_max`, default 8)", guide)
    assert {s.key: s.default for s in SETTINGS}["files/recent_max"] == 8


def test_settings_are_an_ini_file_in_app_data_never_the_registry(planner_home, monkeypatch,
                                                                 tmp_path):
    """An explicit file in IniFormat: QSettings only uses the registry for NativeFormat."""
    from PySide6.QtCore import QSettings

    from planner.ui import settings

    store = settings._store()
    assert store.format() == QSettings.Format.IniFormat
    assert Path(store.fileName()) == planner_home / "settings.ini"
    monkeypatch.delenv("PLANNER_HOME")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "u"))
    assert Path(settings._store().fileName()) == tmp_path / "u/.local/share/planner/settings.ini"


def test_the_example_settings_file_in_the_guide_is_read_as_written(planner_home):
    from planner.ui import settings

    for guide in (GUIDE_JA, GUIDE_EN):
        example = re.search(r"```ini\n(.*?)```", guide, re.DOTALL).group(1)
        edited = example.replace("=60", "=30").replace("=5", "=2").replace("=beside", "=app_data")
        (planner_home / "settings.ini").write_text(edited, encoding="utf-8")
        assert settings.get("files/autosave_seconds") == 30
        assert settings.get("files/backups") == 2
        assert settings.get("files/backup_location") == "app_data"
