"""Replacing a file atomically: readers see the old file or the new one, never half of either.

The one way planner writes a file in place (plan files, recovery copies, lock files, plan
documents, check reports, new plans). The bytes go to a temporary file in the same folder
(so the final rename never crosses a drive), are flushed and fsynced, and the temporary
file is moved over the target with ``os.replace``, retried briefly on Windows, where
antivirus, search indexers or sync clients hold a new file for a moment. On POSIX the
folder is then fsynced so the rename itself survives a power cut. On any failure the
temporary file is removed and the target is left as it was.

Standard library only: the lock files and recovery copies use it too.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

#: Waits between retries of os.replace on Windows (seconds, about 2 s in all).
WINDOWS_RETRY_DELAYS: Sequence[float] = (0.05, 0.1, 0.2, 0.4, 0.6, 0.8)

#: What to write: the bytes themselves, or a function writing them to a binary file.
Content = bytes | Callable[[BinaryIO], object]


def replace_with_retry(src: str | Path, dst: str | Path,
                       delays: Sequence[float] | None = None) -> None:
    """``os.replace``, retried after each of ``delays`` while ``dst`` is briefly held.

    ``delays`` defaults to WINDOWS_RETRY_DELAYS on Windows and to none elsewhere (a
    PermissionError on POSIX is a real one, not a passing lock).
    """
    if delays is None:
        delays = WINDOWS_RETRY_DELAYS if sys.platform == "win32" else ()
    for delay in [*delays, None]:
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if delay is None:
                raise
            time.sleep(delay)


def fsync_dir(folder: str | Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_umask_lock = threading.Lock()


def _current_umask() -> int:
    """The process umask (reading it means setting it, so briefly and under a lock)."""
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def _give_usual_mode(tmp: Path, path: Path) -> None:
    """mkstemp makes the file owner-only (0600); the result must look like any file the user
    writes: the old file's permissions when replacing one, else 0666 less the umask, so
    colleagues on a shared folder can open a new plan or document."""
    try:
        mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_current_umask()
        os.chmod(tmp, mode)
    except OSError:
        pass  # a file system without POSIX modes: nothing to fix


def atomic_write(path: str | Path, content: Content, *,
                 before_replace: Callable[[Path], object] | None = None,
                 retry_delays: Sequence[float] | None = None) -> None:
    """Replace ``path`` by ``content`` atomically; OSError (target unchanged) on failure.

    ``before_replace(tmp)`` runs once the temporary file is complete and synced, just
    before it takes the target's place (to copy permissions or make a backup).
    """
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(content, bytes | bytearray):
                handle.write(content)
            else:
                content(handle)
            handle.flush()
            os.fsync(handle.fileno())
        _give_usual_mode(tmp, path)
        if before_replace is not None:
            before_replace(tmp)
        replace_with_retry(tmp, path, retry_delays)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)
