"""Untrusted template packs: known sandbox escapes are refused, runaway packs are stopped.

Each payload goes into a copy of the built-in pack, as a consultant's pack would arrive,
and is rendered through ``render_in_sandbox``. Every one must end in a clear SandboxError
(never a traceback, never executed), the output file must stay untouched, and this test
process (standing in for the app) must stay alive and responsive throughout.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from planner.errors import PlannerError
from planner.sandbox.parent import SandboxError, needs_sandbox, render_in_sandbox
from tests.support.packs import copy_pack, link_purpose_to, one_issue_plan

ROOT = Path(__file__).resolve().parent.parent
SECRET = "TOP-SECRET-CONTENT-42"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A user's copy of the built-in municipal pack."""
    return copy_pack(tmp_path / "packs" / "consultant", "consultant")


def _with_payload(pack: Path, payload: str) -> Path:
    (pack / "sections" / "purpose.md.j2").write_text(payload + "\n", encoding="utf-8")
    return pack


def _render(pack: Path, out: Path, timeout_s: float = 20) -> Path:
    return render_in_sandbox(one_issue_plan(), out, pack, timeout_s=timeout_s, memory_mb=768)


def test_user_pack_renders_in_sandbox(pack: Path, tmp_path: Path) -> None:
    out = _render(pack, tmp_path / "計画.docx")
    assert out.read_bytes()[:2] == b"PK"  # a .docx is a zip
    assert needs_sandbox(pack) and not needs_sandbox("municipal")


ESCAPES = {
    "globals_via_cycler": ("{{ cycler.__init__.__globals__ }}", "refused"),
    "subclasses": ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "refused"),
    "attr_format": ("{{ ('{0.__class__.__mro__}'|attr('format'))(1) }}", "refused"),
    "format_method": ("{{ '{0.__class__.__mro__}'.format(1) }}", "refused"),
    "huge_string": ("{{ 'a' * 10**10 }}", "refused"),
    "huge_power": ("{{ 9 ** 999999999 }}", "refused"),
    "huge_range": ("{% for i in range(10**12) %}{{ i }}{% endfor %}", "refused"),
    "huge_ljust": ("{{ 'a'.ljust(3000000000) }}", "refused"),  # width checked first
    # Each piece within the limits, the whole past the child's memory cap.
    "huge_output": ("{% for i in range(100000) %}{{ 'a' * 4000000 }}{% endfor %}", "memory"),
    "include_absolute": ("{% include '/etc/passwd' %}", "refused"),
    "include_parent": ("{% include '../../../../../../../etc/passwd' %}", "refused"),
    "import_os": ("{% import 'os' as os %}{{ os.system('touch /tmp/pwned') }}", "template"),
    "lipsum_globals": ("{{ lipsum.__globals__['os'].system('id') }}", "refused"),
    "request_like": ("{{ self._TemplateReference__context.cycler.__init__ }}", "refused"),
}


@pytest.mark.parametrize("name", sorted(ESCAPES))
def test_escape_is_refused(pack: Path, tmp_path: Path, name: str) -> None:
    payload, kind = ESCAPES[name]
    out = tmp_path / "計画.docx"
    out.write_bytes(b"previous document")
    with pytest.raises(SandboxError) as err:
        _render(_with_payload(pack, payload), out)
    assert err.value.kind == kind, err.value.message("en")
    assert err.value.message("ja") and "Traceback" not in err.value.message("ja")
    assert out.read_bytes() == b"previous document"  # nothing half-written


def test_runaway_loop_times_out_and_app_stays_responsive(pack: Path, tmp_path: Path) -> None:
    payload = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    _with_payload(pack, payload)
    caught: list[BaseException] = []

    def work() -> None:
        try:
            _render(pack, tmp_path / "out.docx", timeout_s=2)
        except PlannerError as exc:
            caught.append(exc)

    started = time.monotonic()
    worker = threading.Thread(target=work)
    worker.start()
    ticks = 0
    while worker.is_alive():  # the "event loop" of the app keeps turning meanwhile
        time.sleep(0.01)
        ticks += 1
    elapsed = time.monotonic() - started
    assert isinstance(caught[0], SandboxError) and caught[0].kind == "timeout"
    assert "2 秒" in caught[0].message("ja")
    assert elapsed < 8
    assert ticks > elapsed / 0.01 * 0.25  # the parent was never blocked for long (loose: shared CI)


def test_symlink_out_of_pack_is_blocked_by_audit_hook(pack: Path, tmp_path: Path) -> None:
    """The third wall: a template file that is really a link to a secret is not read."""
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    link_purpose_to(pack, secret)
    out = tmp_path / "out.docx"
    with pytest.raises(SandboxError) as err:
        _render(pack, out)
    assert err.value.kind == "refused" and "secret.txt" in err.value.message("en")
    assert not out.exists()


def test_a_user_pack_cannot_read_another_users_pack(tmp_path: Path, monkeypatch) -> None:
    """Packs from two consultants sit side by side in the user's templates folder; one must
    not be able to pull the other's files (or the client's wording) into its document."""
    from planner.files.appdirs import user_templates_dir

    monkeypatch.setenv("PLANNER_HOME", str(tmp_path / "home"))
    packs = user_templates_dir()
    other = packs / "other" / "sections"
    other.mkdir(parents=True)
    (other / "purpose.md.j2").write_text(SECRET, encoding="utf-8")
    link_purpose_to(copy_pack(packs / "evil", "evil"), other / "purpose.md.j2")
    out = tmp_path / "out.docx"
    with pytest.raises(SandboxError) as err:
        render_in_sandbox(one_issue_plan(), out, "evil", timeout_s=20, memory_mb=768)
    assert err.value.kind == "refused" and not out.exists()


GUARD_SCRIPT = r"""
import json, os, sys, subprocess, socket, ctypes, shutil
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from planner.sandbox.child import _Guard
work, secret = Path(sys.argv[2]), sys.argv[3]
guard = _Guard(work, [])
sys.addaudithook(guard)
results = {}
def attempt(name, fn):
    try:
        fn()
        results[name] = "allowed"
    except PermissionError:
        results[name] = "blocked"
attempt("read_secret", lambda: open(secret).read())
attempt("write_outside", lambda: open(os.path.join(os.path.dirname(secret), "w.txt"), "w"))
attempt("os_open_write", lambda: os.open(os.path.join(os.path.dirname(secret), "x"), os.O_WRONLY | os.O_CREAT))
attempt("remove_outside", lambda: os.remove(secret))
attempt("subprocess", lambda: subprocess.run(["true"]))
attempt("os_system", lambda: os.system("true"))
attempt("socket", lambda: socket.create_connection(("127.0.0.1", 9)))
attempt("ctypes", lambda: ctypes.CDLL(None))
attempt("listdir_outside", lambda: os.listdir(os.path.dirname(secret)))
attempt("write_work", lambda: open(work / "ok.txt", "w").close())
attempt("read_stdlib", lambda: open(json.__file__).read())
print(json.dumps(results))
"""


def test_audit_hook_blocks_processes_network_ctypes_and_foreign_files(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    private = tmp_path / "private"
    private.mkdir()
    secret = private / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    done = subprocess.run([sys.executable, "-I", "-c", GUARD_SCRIPT, str(ROOT), str(work),
                           str(secret)], capture_output=True, text=True, timeout=60,
                          check=False)
    results = json.loads(done.stdout.strip().splitlines()[-1])
    allowed = {k for k, v in results.items() if v == "allowed"}
    assert allowed == {"write_work", "read_stdlib"}, results
    assert secret.read_text(encoding="utf-8") == SECRET


def test_broken_pack_is_a_clear_template_error(pack: Path, tmp_path: Path) -> None:
    with pytest.raises(SandboxError) as err:
        _render(_with_payload(pack, "{% if %}"), tmp_path / "out.docx")
    assert err.value.kind == "template" and "purpose.md.j2" in err.value.message("ja")


def test_render_safely_sends_user_packs_to_the_sandbox(pack: Path, tmp_path: Path) -> None:
    from planner.sandbox.parent import render_safely

    with pytest.raises(SandboxError):
        render_safely(one_issue_plan(), tmp_path / "a.docx", _with_payload(pack, "{{ 'a' * 10**10 }}"))
    assert render_safely(one_issue_plan(), tmp_path / "b.docx", "municipal").is_file()
