"""The child side of ``planner.sandbox.parent``: limit itself, render one job, report as JSON.

Runs in its own process only. Order matters: limits first (before the renderer is even
imported), then imports, then the audit hook, then the pack's templates.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path


class SandboxViolation(PermissionError):
    """Raised by the audit hook; a PermissionError so libraries treat it as 'cannot'."""


def main(work: Path) -> None:
    """Render the job in ``work`` and write ``work/result.json``; never raise."""
    job = json.loads((work / "job.json").read_text(encoding="utf-8"))
    _limit_self(float(job["timeout_s"]), int(job["memory_mb"]))
    sys.dont_write_bytecode = True  # no .pyc writes the audit hook would have to allow
    try:
        result = _render(work, job)
    except BaseException as exc:  # noqa: BLE001 - every failure becomes a JSON result
        result = _classify(exc)
    _write_result(work, result)
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown: nothing of the pack may run after this


def _limit_self(timeout_s: float, memory_mb: int) -> None:
    """POSIX: cap memory, CPU time, core dumps and file size for this process."""
    if os.name != "posix":
        return
    import resource

    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    cpu = int(timeout_s) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    size = 512 * 1024 * 1024  # a plan document is a few MB; the disk stays safe
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def _render(work: Path, job: dict) -> dict:
    from planner.files.planfile import load_plan
    from planner.render import render_plan

    plan = load_plan(work / "plan.yaml")
    guard = _Guard(work, [Path(p) for p in job.get("allowed_read", [])])
    sys.addaudithook(guard)
    notices = render_plan(plan, work / "out.docx", job.get("template"), job["include_checks"],
                          job["lang"], bool(job.get("final", False)))
    if guard.violations:  # blocked even if the renderer swallowed the error
        return _refused(guard.violations[0])
    return {"ok": True, "notices": [list(n) for n in notices]}


_BLOCKED_PREFIXES = (
    "subprocess.", "os.exec", "os.spawn", "os.posix_spawn", "os.fork", "os.system",
    "os.startfile", "os.kill", "os.putenv", "os.unsetenv", "pty.", "socket.", "ctypes.",
    "winreg.", "webbrowser.", "urllib.", "http.", "ftplib.", "smtplib.", "imaplib.",
    "poplib.", "telnetlib.", "nntplib.", "sys.remote_exec", "msvcrt.",
)
_PATH_EVENTS = {
    "os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.chmod", "os.chown", "os.truncate",
    "os.link", "os.symlink", "os.utime", "shutil.rmtree", "shutil.move", "shutil.copyfile",
    "shutil.copytree", "shutil.make_archive", "shutil.unpack_archive",
}
_LIST_EVENTS = {"os.listdir", "os.scandir", "glob.glob", "glob.glob/2"}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


class _Guard:
    """An audit hook: no processes, network or ctypes; files only where a render needs."""

    def __init__(self, work: Path, extra_read: list[Path]) -> None:
        self.work = _norm(work)
        roots: list[str | Path] = [work, sys.prefix, sys.base_prefix, sys.exec_prefix, *sys.path, *extra_read]
        roots += _font_dirs()
        self.read_roots = [_norm(r) for r in roots if r and os.path.isdir(r)] + _frozen_bundle()
        self.violations: list[str] = []
        self._inside = threading.local()

    def __call__(self, event: str, args: tuple) -> None:
        if getattr(self._inside, "on", False):
            return  # our own path checks must not recurse into the hook
        self._inside.on = True
        try:
            self._check(event, args)
        finally:
            self._inside.on = False

    def _check(self, event: str, args: tuple) -> None:
        if event.startswith(_BLOCKED_PREFIXES):
            self._deny(event)
        elif event == "open":
            self._check_open(args)
        elif event in _PATH_EVENTS:
            for arg in args:
                if isinstance(arg, str | bytes | os.PathLike) and not self._within_work(arg):
                    self._deny(f"{event}({arg!r})")
        elif event in _LIST_EVENTS and args and _is_path(args[0]) and not self._readable(args[0]):
            self._deny(f"{event}({args[0]!r})")

    def _check_open(self, args: tuple) -> None:
        path, mode, flags = [*args, None, None, None][:3]
        if not isinstance(path, str | bytes | os.PathLike):
            return  # a file descriptor already opened
        writing = bool(mode and any(c in str(mode) for c in "wax+"))
        writing = writing or bool(isinstance(flags, int) and flags & _WRITE_FLAGS)
        if writing and not self._within_work(path):
            self._deny(f"open({path!r}, write)")
        if not writing and not self._readable(path):
            real = _norm(path)
            shown = f"{path!r}" if real == os.path.normcase(os.fsdecode(path)) else f"{path!r} → {real!r}"
            self._deny(f"open({shown})")

    def _within_work(self, path: object) -> bool:
        return _under(_norm(path), [self.work])

    def _readable(self, path: object) -> bool:
        return _under(_norm(path), self.read_roots)

    def _deny(self, what: str) -> None:
        self.violations.append(what)
        raise SandboxViolation(f"blocked by planner's sandbox: {what}")


def _is_path(value: object) -> bool:
    return isinstance(value, str | bytes | os.PathLike)


def _norm(path: object) -> str:
    raw = os.fsdecode(path) if isinstance(path, bytes | os.PathLike) else str(path)
    return os.path.normcase(os.path.realpath(raw))


def _under(path: str, roots: list[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def _frozen_bundle() -> list[str]:
    """A bundled (PyInstaller) planner reads its own program file, which holds its Python
    modules, and its ``_internal`` folder: exactly these two, not the folder around them."""
    if not getattr(sys, "frozen", False):
        return []
    return [_norm(p) for p in (sys.executable, getattr(sys, "_MEIPASS", None)) if p]


def _font_dirs() -> list[str]:
    home = os.path.expanduser("~")
    windir = os.environ.get("WINDIR", r"C:\Windows")
    return [
        "/usr/share/fonts", "/usr/local/share/fonts", "/etc/fonts",
        os.path.join(home, ".fonts"), os.path.join(home, ".local", "share", "fonts"),
        os.path.join(windir, "Fonts"), "/System/Library/Fonts", "/Library/Fonts",
    ]


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    link: BaseException | None = exc
    while link is not None and link not in seen:
        seen.append(link)
        link = link.__cause__ or link.__context__
    return seen


def _classify(exc: BaseException) -> dict:
    """One JSON-able verdict for the parent: memory, refused or template (with messages).

    Decided by the exception types in the chain (the renderer keeps the cause), never by
    the wording of a message.
    """
    from jinja2 import TemplateNotFound
    from jinja2.exceptions import SecurityError

    from planner.errors import PlannerError
    from planner.render.packfiles import PackRefused

    chain = _chain(exc)
    if any(isinstance(e, MemoryError) for e in chain):
        return {"ok": False, "kind": "memory"}
    blocked = next((e for e in chain if isinstance(e, SecurityError | SandboxViolation)), None)
    if blocked is not None:
        return _refused(str(blocked))
    refused = next((e for e in chain if isinstance(e, PackRefused)), None)
    if refused is not None:  # a pack file outside the pack, a FIFO, a device, too large
        return {"ok": False, "kind": "refused", "message_ja": refused.message_ja,
                "message_en": refused.message_en}
    missing = next((e for e in chain if isinstance(e, TemplateNotFound)), None)
    if missing is not None and _outside_pack(str(missing.name)):
        return _refused(f"include of {missing.name!r}, which is outside the template pack")
    if isinstance(exc, PlannerError):  # the renderer's own message names file and line
        return {"ok": False, "kind": "template", "message_ja": exc.message_ja,
                "message_en": exc.message_en}
    detail = f"{type(exc).__name__}: {exc}"
    return {"ok": False, "kind": "template",
            "message_ja": f"テンプレートパックの処理中にエラーが発生しました（{detail}）。",
            "message_en": f"The template pack failed ({detail})."}


def _outside_pack(name: str) -> bool:
    """An absolute, drive or parent-folder template name: an attempt to leave the pack."""
    return name.startswith(("/", "\\")) or ".." in name or ":" in name


def _refused(what: str) -> dict:
    return {"ok": False, "kind": "refused", "message_ja": what, "message_en": what}


def _write_result(work: Path, result: dict) -> None:
    tmp = work / "result.json.tmp"
    tmp.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, work / "result.json")
