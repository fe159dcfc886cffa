"""Rendering template packs from other people in a separate, limited process.

Three walls stand between a template pack someone sent and the planner's PC:

1. jinja2's ImmutableSandboxedEnvironment with a loader confined to the pack's folders
   (the renderer's, ``planner.render.packs``): no Python internals, no absolute or ``..``
   template names.
2. This module: the pack renders in a child process with a wall-clock timeout and, on
   POSIX, ``RLIMIT_AS`` (memory) and ``RLIMIT_CPU``, which the child sets on itself first
   thing (``preexec_fn`` is unsafe in a threaded Qt app). A runaway loop or a huge string
   kills only the child; the app stays alive and says why. (``*``, ``**`` and ``range``
   are size-checked before they allocate by the pack's environment itself, in every
   process: ``planner.render.packs.PackEnvironment``.)
3. Inside the child, after everything it needs is imported, an audit hook refuses new
   processes, network, ctypes, writes outside the work folder and reads outside the
   folders a render legitimately reads (Python, planner, the pack, fonts).

The parent never compiles a pack's templates: it only writes the job (plan text and
options) into a fresh work folder, waits, and moves the finished document into place.

Windows has no ``setrlimit``: there the child is put into a Job Object with a per-process
memory cap that is killed with its handle (``planner.sandbox.winjob``), and memory is also polled
when ``psutil`` happens to be installed. See docs/it-guide.md.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from planner.errors import PlannerError
from planner.files.atomic import ReadOnlyFileError, atomic_write, check_target
from planner.files.planfile import dumps_plan
from planner.plan.model import Plan
from planner.sandbox import winjob

FROZEN_CHILD_FLAG = "--planner-sandbox-child"
_PKG_PARENT = Path(__file__).resolve().parents[2]  # the folder that holds planner/


class SandboxError(PlannerError):
    """A template pack was stopped; ``kind`` is timeout, memory, refused, template or crashed."""

    def __init__(self, kind: str, message_ja: str, message_en: str) -> None:
        super().__init__(message_ja, message_en)
        self.kind = kind


def refuse_output(output: Path, inputs: Iterable[str | Path | None] = ()) -> None:
    """PlannerError if ``output`` is a FIFO, device, socket or folder, a read-only file, or
    one of ``inputs`` (same file, hard and symbolic links included): checked before any
    rendering starts (security.md T6, T9), by the command line and the export dialog."""
    for source in inputs:
        try:
            same = source is not None and os.path.samefile(source, output)
        except OSError:
            same = False
        if same:
            raise PlannerError(
                f"{output}: 出力先が入力の計画ファイルと同じです。計画を上書きしないよう、別の名前を指定してください。",
                f"{output}: The output is the input plan itself. Give another name, so "
                "the plan is not overwritten.")
    try:
        check_target(output)
    except ReadOnlyFileError:
        raise PlannerError(
            f"{output}: 出力先のファイルは読み取り専用です。別の名前を指定してください。",
            f"{output}: The output file is read-only. Give another name.") from None
    except IsADirectoryError:
        raise PlannerError(
            f"{output}: 出力先はフォルダーです。出力するファイルの名前を指定してください。",
            f"{output}: The output is a folder. Give the name of the file to write.") from None
    except OSError:
        raise PlannerError(
            f"{output}: 出力先は通常のファイルではありません（名前付きパイプや装置など）。別の名前を指定してください。",
            f"{output}: The output is not a regular file (a pipe, a device …). "
            "Give another name.") from None


def needs_sandbox(template: str | Path | None) -> bool:
    """True unless ``template`` names a built-in pack (only those run in-process)."""
    from planner.render.packs import find_pack

    return find_pack(template).origin != "builtin"


def render_safely(plan: Plan, out: str | Path, template: str | Path | None = None,
                  include_checks: bool = False, lang: str = "ja", timeout_s: float = 60,
                  memory_mb: int = 1024, notices: list[tuple[str, str]] | None = None,
                  final: bool = False) -> Path:
    """Render with a built-in pack in-process, with any other pack in the sandbox.

    A drop-in for ``planner.render.render_plan`` for the CLI and the export dialog. What the
    user must be told (what was removed from the pack's Word file) is appended to
    ``notices`` as (Japanese, English) messages.
    """
    if Path(out).suffix.lower() == ".pdf":  # the .docx first (maybe sandboxed), then the PDF
        return _render_pdf(plan, Path(out), template, include_checks, lang, timeout_s,
                           memory_mb, notices, final)
    if needs_sandbox(template):
        return render_in_sandbox(plan, out, template, include_checks, lang, timeout_s, memory_mb,
                                 notices, final)
    from planner.render import render_plan

    said = render_plan(plan, Path(out), template, include_checks, lang, final)
    if notices is not None:
        notices.extend(said)
    return Path(out)


def _render_pdf(plan: Plan, out: Path, template: str | Path | None, include_checks: bool,
                lang: str, timeout_s: float, memory_mb: int,
                notices: list[tuple[str, str]] | None, final: bool) -> Path:
    """The document as a PDF: rendered as .docx like any other, converted outside the child
    (the converter is a program the sandbox rightly may not start)."""
    from planner.render.pdf import converter, no_converter_error, write_pdf

    if converter() is None:  # say so before spending the render
        raise no_converter_error()
    work = Path(tempfile.mkdtemp(prefix="planner-pdf-"))
    try:
        docx = work / "plan.docx"
        render_safely(plan, docx, template, include_checks, lang, timeout_s, memory_mb,
                      notices, final)
        write_pdf(docx.read_bytes(), out)
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def render_in_sandbox(
    plan: Plan,
    out: str | Path,
    template: str | Path | None = None,
    include_checks: bool = False,
    lang: str = "ja",
    timeout_s: float = 60,
    memory_mb: int = 1024,
    notices: list[tuple[str, str]] | None = None,
    final: bool = False,
) -> Path:
    """Render ``plan`` with ``template`` to ``out`` in a limited child process.

    Returns ``out``. Raises SandboxError when the pack runs out of time or memory, tries
    something it may not, fails, or the child dies; ``out`` is then left untouched.
    The child's notices for the user are appended to ``notices``.
    """
    out = Path(out)
    work = Path(tempfile.mkdtemp(prefix="planner-render-"))
    try:
        job = {
            "template": _template_for_child(template),
            "include_checks": bool(include_checks),
            "lang": lang,
            "timeout_s": timeout_s,
            "memory_mb": memory_mb,
            "allowed_read": _allowed_read_roots(template),
            "final": bool(final),
        }
        (work / "plan.yaml").write_text(dumps_plan(plan), encoding="utf-8")
        (work / "job.json").write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
        returncode, timed_out, over_memory = _run_child(work, timeout_s, memory_mb)
        result = _read_result(work)
        _raise_for(result, returncode, timed_out, over_memory, timeout_s, memory_mb)
        produced = work / "out.docx"
        if not produced.is_file():
            raise _crashed(returncode, "no output")
        if notices is not None and result is not None:
            notices.extend(_notices(result))
        out.parent.mkdir(parents=True, exist_ok=True)
        _move_into_place(produced, out)
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _notices(result: dict) -> list[tuple[str, str]]:
    """The child's (ja, en) notices, as plain strings whatever it wrote."""
    found = result.get("notices")
    if not isinstance(found, list):
        return []
    return [(str(n[0]), str(n[1])) for n in found[:20]
            if isinstance(n, list | tuple) and len(n) == 2]


def _template_for_child(template: str | Path | None) -> str:
    """The pack as the child must name it: a folder made absolute (the child runs elsewhere)."""
    from planner.render.packs import find_pack

    # Always the resolved folder: the child then loads that one pack and never lists (or
    # reads) the other packs in the user's templates folder.
    return str(find_pack(template).path.resolve())


def _allowed_read_roots(template: str | Path | None) -> list[str]:
    """Folders the child may read besides Python and planner: only its own pack."""
    from planner.render.packs import find_pack

    with contextlib.suppress(PlannerError):
        return [str(find_pack(template).path.resolve())]
    return []


def _child_command(work: Path) -> list[str]:
    if getattr(sys, "frozen", False):  # a bundled app: the executable dispatches the flag
        return [sys.executable, FROZEN_CHILD_FLAG, str(work)]
    boot = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "from planner.sandbox.parent import child_main; child_main(sys.argv[2])"
    )
    # -I: no user site-packages, no PYTHON* variables, no current folder on sys.path.
    return [sys.executable, "-I", "-X", "utf8", "-c", boot, str(_PKG_PARENT), str(work)]


def _run_child(work: Path, timeout_s: float, memory_mb: int) -> tuple[int | None, bool, bool]:
    """Run the child; return (exit code, timed out, over memory)."""
    flags = 0
    if sys.platform == "win32":  # (the constant exists only there)
        flags = subprocess.CREATE_NO_WINDOW
    with open(work / "child.log", "wb") as log:
        proc = subprocess.Popen(
            _child_command(work),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            cwd=work,
            creationflags=flags,
        )
        # Windows: a Job Object is the hard memory cap that setrlimit gives on POSIX.
        job = winjob.limit_memory(int(getattr(proc, "_handle", 0) or 0), memory_mb)
        try:
            return _wait(proc, timeout_s, memory_mb)
        finally:
            winjob.close(job)


def _wait(proc: subprocess.Popen, timeout_s: float, memory_mb: int) -> tuple[int | None, bool, bool]:
    deadline = time.monotonic() + timeout_s
    watcher = _memory_watcher(proc.pid)
    while True:
        try:
            return proc.wait(timeout=0.1), False, False
        except subprocess.TimeoutExpired:
            pass
        if time.monotonic() > deadline:
            _kill(proc)
            return proc.returncode, True, False
        if watcher is not None and watcher() > memory_mb * 1024 * 1024:
            _kill(proc)
            return proc.returncode, False, True


def _kill(proc: subprocess.Popen) -> None:
    proc.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)


def _memory_watcher(pid: int) -> Callable[[], int] | None:
    """On Windows, a second guard: the child's memory in bytes, if psutil is installed."""
    if os.name == "posix":
        return None  # RLIMIT_AS already holds the child
    try:
        import psutil  # optional; untyped (pyproject: [[tool.mypy.overrides]])
    except ImportError:
        return None
    try:
        process = psutil.Process(pid)
    except psutil.Error:
        return None

    def rss() -> int:
        try:
            return int(process.memory_info().rss)
        except psutil.Error:
            return 0

    return rss


def _read_result(work: Path) -> dict | None:
    try:
        result = json.loads((work / "result.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return result if isinstance(result, dict) else None


def _raise_for(result: dict | None, returncode: int | None, timed_out: bool,
               over_memory: bool, timeout_s: float, memory_mb: int) -> None:
    """Turn what the child left behind into one clear SandboxError (or nothing if it worked)."""
    if timed_out:
        raise _timeout(timeout_s)
    if over_memory:
        raise _memory(memory_mb)
    if result is None:
        if returncode is not None and returncode < 0 and -returncode == _SIGXCPU:
            raise _timeout(timeout_s)
        raise _crashed(returncode, "no result")
    if result.get("ok"):
        return
    kind = str(result.get("kind") or "template")
    if kind == "memory":
        raise _memory(memory_mb)
    ja, en = str(result.get("message_ja") or ""), str(result.get("message_en") or "")
    if kind == "refused":
        raise SandboxError(
            "refused",
            f"テンプレートパックが許可されていない操作をしようとしたため、中止しました（{ja}）。"
            "このパックは使わず、作成者に確認してください。",
            f"The template pack tried something it is not allowed to do and was stopped ({en}). "
            "Do not use this pack; check with whoever made it.",
        )
    raise SandboxError("template", ja, en)


_SIGXCPU = 24


def _timeout(timeout_s: float) -> SandboxError:
    return SandboxError(
        "timeout",
        f"テンプレートパックの処理が {timeout_s:g} 秒以内に終わらなかったため中止しました。"
        "無限ループなどの誤りがないか、パックの作成者に確認してください。計画は変更されていません。",
        f"The template pack did not finish within {timeout_s:g} seconds and was stopped. "
        "Ask its author to check for a runaway loop. Your plan is unchanged.",
    )


def _memory(memory_mb: int) -> SandboxError:
    return SandboxError(
        "memory",
        f"テンプレートパックが上限（{memory_mb} MB）を超えるメモリを使おうとしたため中止しました。"
        "計画は変更されていません。",
        f"The template pack tried to use more than {memory_mb} MB of memory and was stopped. "
        "Your plan is unchanged.",
    )


def _crashed(returncode: int | None, detail: str) -> SandboxError:
    return SandboxError(
        "crashed",
        f"テンプレートパックの処理が異常終了しました（終了コード {returncode}、{detail}）。"
        "計画は変更されていません。",
        f"Rendering with the template pack ended abnormally (exit code {returncode}, {detail}). "
        "Your plan is unchanged.",
    )


def _move_into_place(produced: Path, out: Path) -> None:
    """Copy the child's document over ``out`` atomically (a rename would fail when the
    temp folder is on another drive than ``out``, and would skip the fsync)."""
    with open(produced, "rb") as source:
        atomic_write(out, lambda target: shutil.copyfileobj(source, target))


def child_main(work_dir: str) -> None:
    """Entry point of the child process (also for a frozen app's FROZEN_CHILD_FLAG)."""
    from planner.sandbox import child

    child.main(Path(work_dir))
