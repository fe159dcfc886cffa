"""docs/it-guide.md, claim by claim: what IT departments are told must be what the code does.

The guide is believed literally (network, files, locks, backups, template packs), so each
checkable statement is tied to the code here: an offline audit of the command line in a
child process, the exact files it leaves, and the numbers and names the guide quotes.
The desktop app's session is audited in tests/ui/test_it_guide_app.py.
"""

from __future__ import annotations

import ast
import contextlib
import inspect
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "docs" / "it-guide.md").read_text(encoding="utf-8")
GUIDE_JA, GUIDE_EN = GUIDE.split('<a id="english"></a>')
SAMPLE = ROOT / "resources" / "samples" / "sample-plan.yaml"


def said(text: str, guide: str = GUIDE) -> bool:
    """True if the guide says ``text``, however its lines happen to be wrapped."""
    return re.sub(r"\s+", "", text) in re.sub(r"\s+", "", guide)

#: Installed first thing in an audited child: records every network attempt (at the
#: Python level: sockets, DNS, urllib, http, ftp, mail, browser) and every program started.
AUDIT_HOOK = r'''
import json, os, sys, threading
EVENTS = []
ON_LAUNCH = []
_NET = ("socket.", "urllib.Request", "http.client.", "ftplib.", "smtplib.", "imaplib.",
        "poplib.", "nntplib.", "telnetlib.", "webbrowser.")
_LOCAL = {"socket.gethostname"}  # the PC name for lock files: a local system call
_PROC = ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn",
         "os.startfile", "os.fork", "pty.spawn")
_busy = threading.local()

def _hook(event, args):
    if getattr(_busy, "on", False):
        return
    _busy.on = True
    try:
        if event.startswith(_NET) and event not in _LOCAL:
            EVENTS.append(["network", event, repr(args)[:300]])
        elif event.startswith(_PROC):
            argv = [str(a) for a in args[1]] if event == "subprocess.Popen" else repr(args)[:300]
            EVENTS.append(["process", event, argv])
            for callback in ON_LAUNCH:
                callback()
    finally:
        _busy.on = False

sys.addaudithook(_hook)

def tree(root):
    """Every file and folder under root, relative, folders ending in '/'."""
    found = []
    for folder, dirs, files in os.walk(root):
        rel = os.path.relpath(folder, root)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        found += [prefix + d + "/" for d in dirs] + [prefix + f for f in files]
    return sorted(found)
'''

_CLI_DRIVER = r'''
root, result_file, plans, tmp, home = sys.argv[1:6]
sys.path.insert(0, root)
from planner.cli import main

during_launch = []
ON_LAUNCH.append(lambda: during_launch.append(tree(tmp)))
sample = os.path.join(root, "resources", "samples", "sample-plan.yaml")
steps = [
    ("new", ["new", "-o", os.path.join(plans, "新計画.yaml"), "--municipality", "みどり野市"]),
    ("check", ["check", sample, "--format", "json"]),
    ("check_new", ["check", os.path.join(plans, "新計画.yaml")]),
    ("render_builtin", ["render", sample, "-o", os.path.join(plans, "組込み.docx")]),
    ("render_user", ["render", sample, "-o", os.path.join(plans, "利用者.docx"),
                     "--template", "mypack"]),
]
codes = {}
for name, argv in steps:
    mark = len(EVENTS)
    codes[name] = main(argv)
    for event in EVENTS[mark:]:
        event.append(name)
json.dump({"codes": codes, "events": EVENTS, "during_launch": during_launch,
           "plans": tree(plans), "tmp": tree(tmp), "home": tree(home)},
          open(result_file, "w", encoding="utf-8"), ensure_ascii=False)
'''


def audited_env(tmp_path: Path) -> tuple[dict[str, str], dict[str, Path]]:
    """An environment whose every writable place is a fresh folder under ``tmp_path``."""
    places = {name: tmp_path / name for name in ("home", "userhome", "tmp", "plans")}
    for folder in places.values():
        folder.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("XDG_", "PLANNER_", "PYTHON")) and k not in ("TEMP", "TMP")}
    env.update(PLANNER_HOME=str(places["home"]), HOME=str(places["userhome"]),
               TMPDIR=str(places["tmp"]), TEMP=str(places["tmp"]), TMP=str(places["tmp"]),
               PYTHONDONTWRITEBYTECODE="1")
    return env, places


def user_pack(home: Path, name: str = "mypack") -> Path:
    """A copy of the built-in municipal pack installed as the user's own pack ``name``."""
    pack = home / "templates" / name
    shutil.copytree(ROOT / "templates" / "municipal", pack)
    manifest = pack / "pack.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8")
                        .replace("name: municipal", f"name: {name}"), encoding="utf-8")
    return pack


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory) -> tuple[dict, dict[str, Path]]:
    """Run new, check, render (built-in pack and a user pack) in one audited child."""
    tmp_path = tmp_path_factory.mktemp("cli")
    env, places = audited_env(tmp_path)
    user_pack(places["home"])
    before_home = sorted(p.relative_to(places["home"]).as_posix() + ("/" if p.is_dir() else "")
                         for p in places["home"].rglob("*"))
    result_file = tmp_path / "result.json"
    child = subprocess.run(
        [sys.executable, "-c", AUDIT_HOOK + _CLI_DRIVER, str(ROOT), str(result_file),
         str(places["plans"]), str(places["tmp"]), str(places["home"])],
        env=env, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
    assert child.returncode == 0 and result_file.is_file(), child.stdout + child.stderr
    result = json.loads(result_file.read_text(encoding="utf-8"))
    result["home_before"] = before_home
    return result, places


# -- §2 offline ------------------------------------------------------------------------------


def test_command_line_never_touches_the_network(cli_run):
    result, _places = cli_run
    # A new plan still holds the starter's instructions: its check reports errors (exit 1).
    assert result["codes"] == {"new": 0, "check": 0, "check_new": 1, "render_builtin": 0,
                               "render_user": 0}
    assert [e for e in result["events"] if e[0] == "network"] == []


def test_only_a_user_pack_starts_a_program_and_it_is_planners_own_sandbox(cli_run):
    """§5: exactly one child, for the user pack: the same Python, isolated (-I), and
    `planner-render-*` in the temp folder exists only while it runs."""
    result, places = cli_run
    launches = [e for e in result["events"] if e[0] == "process"]
    assert [(e[1], e[3]) for e in launches] == [("subprocess.Popen", "render_user")]
    argv = launches[0][2]
    assert argv[0] == sys.executable and argv[1:3] == ["-I", "-X"] and "-c" in argv
    work = Path(argv[-1])
    assert work.parent == places["tmp"] and work.name.startswith("planner-render-")
    [during] = result["during_launch"]
    assert during == [f"{work.name}/", f"{work.name}/child.log", f"{work.name}/job.json",
                      f"{work.name}/plan.yaml"]
    assert result["tmp"] == []  # removed afterwards


def test_command_line_writes_only_the_files_asked_for(cli_run):
    """§1: no lock, temp, backup or settings files are left by the command line."""
    result, _places = cli_run
    assert result["plans"] == ["利用者.docx", "新計画.yaml", "組込み.docx"]
    assert result["home"] == result["home_before"]  # app data: nothing added
    assert result["tmp"] == []


_HOOK_SELF_TEST = r'''
import socket, subprocess, urllib.request
socket.gethostname()
for attempt in (lambda: socket.getaddrinfo("localhost", 9),
                lambda: socket.create_connection(("127.0.0.1", 9), timeout=1),
                lambda: urllib.request.urlopen("http://127.0.0.1:9/", timeout=1)):
    try:
        attempt()
    except OSError:
        pass
subprocess.run([sys.executable, "-c", "pass"], check=True)
print(json.dumps(EVENTS))
'''


def test_the_audit_hook_is_not_blind():
    """The offline tests prove something only if the hook sees what they look for."""
    child = subprocess.run([sys.executable, "-c", AUDIT_HOOK + _HOOK_SELF_TEST],
                           capture_output=True, text=True, timeout=60, check=True)
    seen = {(kind, name) for kind, name, _args in json.loads(child.stdout)}
    assert {("network", "socket.getaddrinfo"), ("network", "socket.connect"),
            ("network", "urllib.Request"), ("network", "http.client.connect"),
            ("process", "subprocess.Popen")} <= seen
    assert not any(name == "socket.gethostname" for _kind, name in seen)


def test_documents_hold_no_links_to_outside_files_or_the_web(cli_run):
    """§2: nothing in the .docx makes Word fetch anything (built-in and user pack alike)."""
    import zipfile

    _result, places = cli_run
    for name in ("組込み.docx", "利用者.docx"):
        with zipfile.ZipFile(places["plans"] / name) as docx:
            for part in docx.namelist():
                if part.endswith((".rels", ".xml")):
                    text = docx.read(part).decode("utf-8", errors="replace")
                    assert 'TargetMode="External"' not in text, (name, part)
                    assert not re.search(r"INCLUDE(TEXT|PICTURE)|\bLINK\b|DDEAUTO", text)


# -- §2 no network code at all ------------------------------------------------------------------

_NETWORK_MODULES = {"socket", "ssl", "urllib", "http", "ftplib", "smtplib", "imaplib", "poplib",
                    "requests", "httpx", "aiohttp", "webbrowser", "xmlrpc", "asyncio",
                    "telnetlib", "nntplib", "PySide6.QtNetwork", "PySide6.QtWebEngineCore"}


def _imports(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
    return names


def test_no_module_imports_network_code_except_the_pc_name():
    """'It has no network code': the only network-module import is socket, for gethostname."""
    found = {}
    for file in sorted((ROOT / "planner").rglob("*.py")):
        hits = {name for name in _imports(file.read_text(encoding="utf-8"))
                if name in _NETWORK_MODULES or name.split(".")[0] in _NETWORK_MODULES - {"PySide6"}}
        if hits:
            found[file.relative_to(ROOT).as_posix()] = hits
    assert found == {"planner/files/process.py": {"socket"}}
    source = (ROOT / "planner" / "files" / "process.py").read_text(encoding="utf-8")
    assert set(re.findall(r"\bsocket\.(\w+)", source)) == {"gethostname"}


# -- §1, §3, §4 names, numbers and contents ----------------------------------------------------


def test_lock_file_name_and_contents_are_as_documented(tmp_path):
    from planner.files.locking import acquire_lock, lock_path_for

    plan = tmp_path / "計画.yaml"
    plan.write_text("x", encoding="utf-8")
    assert lock_path_for(plan).name == ".~lock.計画.yaml#"
    assert said("`.~lock.計画.yaml#`", GUIDE_JA) and said("`.~lock.plan.yaml#`", GUIDE_EN)
    lock = acquire_lock(plan)
    record = json.loads(lock_path_for(plan).read_text(encoding="utf-8"))
    # The guide lists: login name, PC, process id and start time, opened, heartbeat, app, token.
    assert set(record) == {"user", "host", "pid", "started", "since", "heartbeat", "app", "token"}
    for word in ("プロセスの起動時刻", "ランダムな識別子"):
        assert said(word, GUIDE_JA)
    lock.release()
    assert list(tmp_path.iterdir()) == [plan]


def test_heartbeat_and_stale_times_are_the_documented_ones():
    from planner.files.locking import HEARTBEAT_S, STALE_AFTER_S

    assert said(f"{HEARTBEAT_S // 60} 分ごと", GUIDE_JA)
    assert said(f"every {HEARTBEAT_S // 60} minutes", GUIDE_EN)
    assert said(f"{STALE_AFTER_S // 60} 分を超えて", GUIDE_JA)
    assert said(f"more than {STALE_AFTER_S // 60} minutes old", GUIDE_EN)


def _stale_lock(plan: Path):
    from planner.files.locking import acquire_lock, lock_path_for, read_lock

    acquire_lock(plan)
    record = json.loads(lock_path_for(plan).read_text(encoding="utf-8"))
    record.update(host="OTHER-PC", heartbeat="2000-01-01T00:00:00+00:00")
    lock_path_for(plan).write_text(json.dumps(record), encoding="utf-8")
    return read_lock(plan)


def test_of_several_people_taking_over_at_the_same_moment_only_one_wins(tmp_path):
    """§3 'only one gets the lock', with real threads racing (no ordering imposed)."""
    from planner.files.locking import LockError, take_over_lock, takeover_claim_path

    for trial in range(25):
        plan = tmp_path / f"{trial}.yaml"
        plan.write_text("x", encoding="utf-8")
        stale = _stale_lock(plan)
        start, winners = threading.Barrier(4), []

        def take(plan=plan, stale=stale, start=start, winners=winners) -> None:
            start.wait()
            with contextlib.suppress(LockError):
                winners.append(take_over_lock(plan, stale))

        threads = [threading.Thread(target=take) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(winners) == 1, f"trial {trial}: {len(winners)} winners"
        assert winners[0].still_ours() and not takeover_claim_path(plan).exists()


def test_a_takeover_left_half_done_by_a_crash_does_not_block_forever(tmp_path):
    from planner.files.locking import (
        CLAIM_ABANDONED_S,
        LockedError,
        take_over_lock,
        takeover_claim_path,
    )

    plan = tmp_path / "計画.yaml"
    plan.write_text("x", encoding="utf-8")
    stale = _stale_lock(plan)
    claim = takeover_claim_path(plan)
    claim.write_bytes(b"")
    with pytest.raises(LockedError):  # someone is taking over right now
        take_over_lock(plan, stale)
    old = claim.stat().st_mtime - CLAIM_ABANDONED_S - 5
    os.utime(claim, (old, old))
    assert take_over_lock(plan, stale).still_ours()
    assert not claim.exists()


def test_temporary_file_is_named_as_documented_and_removed_on_failure(tmp_path):
    from planner.files.atomic import atomic_write

    target = tmp_path / "計画.yaml"
    seen = []

    def fail(tmp: Path) -> None:
        seen.append(tmp.name)
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        atomic_write(target, b"new", before_replace=fail)
    [name] = seen
    assert re.fullmatch(r"\.計画\.yaml\.\w+\.tmp", name)
    assert list(tmp_path.iterdir()) == []
    assert said("`.計画.yaml.xxxx.tmp`", GUIDE_JA) and said("`.plan.yaml.xxxx.tmp`", GUIDE_EN)


def test_documented_temporary_names_are_exactly_those_cleaned_after_a_crash(tmp_path):
    """§1, §4: every temporary name in the guide is planner's, and the cleanup age is right."""
    from planner.files.atomic import STALE_TEMP_S, temp_pattern

    for documented, guide in (("計画.yaml", GUIDE_JA), ("plan.yaml", GUIDE_EN)):
        for name in (f".{documented}.xxxx.tmp", f".{documented}.bak.xxxx.tmp",
                     f"..~lock.{documented}#.xxxx.tmp"):
            assert said(f"`{name}`", guide), name
            assert temp_pattern(documented).fullmatch(name.replace("xxxx", "ab_12cd3"))
    assert said(f"{STALE_TEMP_S // 60} 分以上更新されていない", GUIDE_JA)
    assert said(f"have not changed for {STALE_TEMP_S // 60} minutes", GUIDE_EN)


def test_lock_names_are_cut_as_documented():
    """§3: names from a lock file are shown up to the documented length."""
    from planner.files.locking import MAX_NAME_CHARS, clean_name

    assert said(f"{MAX_NAME_CHARS} 文字まで", GUIDE_JA)
    assert said(f"up to {MAX_NAME_CHARS} characters", GUIDE_EN)
    assert len(clean_name("x" * 500)) == MAX_NAME_CHARS


def test_backups_beside_the_plan_are_bak_to_bak5(tmp_path):
    from planner.files.planfile import load_plan, save_plan

    plan = load_plan(SAMPLE)
    path = tmp_path / "計画.yaml"
    for n in range(8):
        plan.plan.title = f"版{n}"
        save_plan(plan, path, backups=5)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["計画.yaml", "計画.yaml.bak", "計画.yaml.bak2", "計画.yaml.bak3",
                     "計画.yaml.bak4", "計画.yaml.bak5"]
    assert load_plan(tmp_path / "計画.yaml.bak").plan.title == "版6"  # newest
    assert load_plan(tmp_path / "計画.yaml.bak5").plan.title == "版2"
    assert said("`計画.yaml.bak5`", GUIDE_JA) and said("`plan.yaml.bak5`", GUIDE_EN)


def test_backups_in_app_data_are_one_folder_per_plan_folder(tmp_path):
    from planner.files.planfile import load_plan, save_plan
    from planner.files.recovery import backup_dir_for

    plan, home = load_plan(SAMPLE), tmp_path / "home"
    for dept in ("企画課", "情報課"):
        (tmp_path / dept).mkdir()
        for _ in range(3):
            save_plan(plan, tmp_path / dept / "計画.yaml", backups=5,
                      backup_dir=backup_dir_for(tmp_path / dept / "計画.yaml", home))
    folders = sorted(p.name for p in (home / "backups").iterdir())
    assert len(folders) == 2 and all(re.fullmatch(r"(企画課|情報課)-[0-9a-f]{10}", f)
                                     for f in folders)
    for folder in (home / "backups").iterdir():
        names = [p.name for p in folder.iterdir()]
        assert len(names) == 2  # the first save had nothing to back up
        assert all(re.fullmatch(r"計画\.\d{8}-\d{6}-\d{6}\.yaml", n) for n in names)


def test_recovery_copy_holds_what_the_guide_says(tmp_path):
    from planner.files.planfile import load_plan
    from planner.files.recovery import RecoveryStore

    store = RecoveryStore(tmp_path)
    written = store.save(store.new_slot(), load_plan(SAMPLE), tmp_path / "計画.yaml", "ab")
    assert written.parent == tmp_path / "recovery" and written.suffix == ".json"
    record = json.loads(written.read_text(encoding="utf-8"))
    assert {"plan_yaml", "original_path", "original_sha256", "saved_at", "host", "user", "pid",
            "started", "title"} <= set(record)


def test_app_data_folder_is_the_documented_one(monkeypatch, tmp_path):
    from planner.files.appdirs import app_data_dir, user_templates_dir

    monkeypatch.setenv("PLANNER_HOME", str(tmp_path / "portable"))
    assert app_data_dir() == tmp_path / "portable"
    assert user_templates_dir() == tmp_path / "portable" / "templates"
    monkeypatch.delenv("PLANNER_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "u"))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert app_data_dir() == tmp_path / "u" / ".local" / "share" / "planner"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert app_data_dir() == tmp_path / "u" / "Library" / "Application Support" / "planner"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", r"C:\Users\tanaka\AppData\Roaming")
    assert str(app_data_dir()).replace("/", "\\") == r"C:\Users\tanaka\AppData\Roaming\planner"
    for text in ("`%APPDATA%\\planner`", "`~/.local/share/planner`",
                 "`~/Library/Application Support/planner`", "`PLANNER_HOME`"):
        assert said(text, GUIDE_JA) and said(text, GUIDE_EN)


# -- §5 template packs ----------------------------------------------------------------------------


def test_sandbox_limits_and_child_command_are_the_documented_ones(tmp_path):
    from planner.render.packs import list_packs
    from planner.sandbox import parent

    defaults = inspect.signature(parent.render_safely).parameters
    assert defaults["timeout_s"].default == 60 and defaults["memory_mb"].default == 1024
    assert said("時間（既定 60 秒）とメモリ（既定 1024 MB）", GUIDE_JA)
    assert said("(default 60 s) and a memory limit (default 1024 MB)", GUIDE_EN)
    command = parent._child_command(tmp_path)
    assert command[0] == sys.executable and command[1] == "-I" and "-c" in command
    assert said(f"`{parent.FROZEN_CHILD_FLAG} <", GUIDE_JA)
    assert said(f"`{parent.FROZEN_CHILD_FLAG} <", GUIDE_EN)
    builtin = sorted(p.name for p in list_packs() if p.origin == "builtin")
    assert builtin == ["municipal", "prefecture"]
    assert said("（`municipal`、`prefecture`）", GUIDE_JA)
    assert said("(`municipal`, `prefecture`)", GUIDE_EN)
    assert not parent.needs_sandbox("municipal") and not parent.needs_sandbox(None)


def test_the_guide_is_the_one_the_code_points_to():
    """sandbox/parent.py sends readers here; the guide must keep both languages."""
    assert "docs/it-guide.md" in (ROOT / "planner" / "sandbox" / "parent.py").read_text(encoding="utf-8")
    assert GUIDE_JA.count("### ") == GUIDE_EN.count("### ")


def test_a_packs_outside_references_are_removed_and_said_as_the_guide_promises(tmp_path):
    """§2 and §5: what a pack's Word file carries outward is removed, the user is told, the
    fields left are the ones the guide names; security.md "What leaves in the document"."""
    from planner.files.planfile import load_plan
    from planner.render import render_plan
    from planner.render.docx_safety import ALLOWED_FIELDS, audit_docx
    from tests.test_reference_safety import attached_template, fields, hostile_pack

    def both(parts):
        attached_template(parts)
        fields(parts)

    out = tmp_path / "計画.docx"
    [(ja, en)] = render_plan(load_plan(SAMPLE), out, hostile_pack(tmp_path, both))
    assert "取り除きました" in ja and "INCLUDEPICTURE" in ja and "attached template" in en
    assert audit_docx(out.read_bytes()) == []
    assert said("何を取り除いたかを表示します", GUIDE_JA)
    assert said("planner says what it removed", GUIDE_EN)
    assert said("外部への参照が一つでも残っていれば書き出しません", GUIDE_JA)
    assert said("it is not written if any outside reference remains", GUIDE_EN)
    assert {"TOC", "PAGE", "NUMPAGES"} <= ALLOWED_FIELDS
    assert said("（TOC、PAGE、NUMPAGES など）", GUIDE_JA) and said("(TOC, PAGE, NUMPAGES", GUIDE_EN)
    for name in ("INCLUDEPICTURE", "INCLUDETEXT", "DDEAUTO", "LINK"):
        assert name not in ALLOWED_FIELDS and said(name, GUIDE_JA) and said(name, GUIDE_EN)


def test_an_unreadable_pack_is_left_out_of_the_lists_as_the_guide_says(capsys):
    """§5 'stop or hang planner': an alias-bomb manifest is refused, the list still works."""
    import shutil

    from planner.cli import main
    from planner.files.appdirs import user_templates_dir

    folder = user_templates_dir() / "bomb"
    shutil.copytree(ROOT / "templates" / "municipal", folder)
    (folder / "pack.yaml").write_text("name: &a bomb\ntitle: [*a, *a]\n", encoding="utf-8")
    assert main(["templates"]) == 0
    out, err = capsys.readouterr()
    assert "municipal\t" in out and "bomb" not in out and "bomb" in err
    assert said("別名（エイリアス）などは拒否します", GUIDE_JA)
    assert said("so aliases and the like are refused", GUIDE_EN)
    assert said("`reference:`・`starter:` に書けるのもパックの中のファイル名だけです", GUIDE_JA)
    assert said("`reference:` / `starter:` in `pack.yaml` may only name files inside the pack",
                GUIDE_EN)
