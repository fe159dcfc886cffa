"""Replacing a file atomically: readers see the old file or the new one, never half of either.

The one way planner writes a file in place (plan files, recovery copies, lock files, plan
documents, check reports, new plans). The bytes go to a temporary file in the same folder
(so the final rename never crosses a drive), are flushed and fsynced, and the temporary
file is moved over the target with ``os.replace``, retried briefly on Windows, where
antivirus, search indexers or sync clients hold a new file for a moment. On POSIX the
folder is then fsynced so the rename itself survives a power cut. On any failure the
temporary file is removed and the target is left as it was.

Standard library only: the lock files and recovery copies use it too.

Files beside a plan on a shared drive are written by others too (docs/security.md T1, T6,
T9): the temporary file is created with ``O_EXCL`` (never through a planted link), the
rename replaces whatever name stands at the target (a link is replaced, never written
through), and a target that is a FIFO, device, socket, folder or read-only file is refused.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import stat
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

#: A temporary file of ours this much older than now was left by a killed save (T10).
STALE_TEMP_S = 15 * 60
#: The random part ``tempfile.mkstemp`` puts in a name.
_RANDOM_PART = r"[a-z0-9_]{8}"


class NotRegularFileError(OSError):
    """The target exists as a FIFO, device or socket: writing there would hang or damage it."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(errno.EINVAL, "not a regular file (a FIFO, device or socket)", str(path))


class ReadOnlyFileError(PermissionError):
    """The target is a file without write permission bits (set read-only on purpose).

    Checked on the mode bits, not with ``os.access``: for root (and for a rename, which
    only needs the folder) the bits are not enforced, but they still say "do not write".
    """

    def __init__(self, path: str | Path) -> None:
        super().__init__(errno.EACCES, "the file is read-only", str(path))


class ChangedOnDiskError(Exception):
    """The file to be replaced is not the one expected: someone else wrote it meanwhile."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(str(path))
        self.path = Path(path)


def check_target(path: str | Path) -> None:
    """Refuse to replace a FIFO, device, socket, folder or read-only file at ``path``.

    A symbolic link is fine: the rename replaces the link itself, never what it points to.
    """
    try:
        st = os.lstat(path)
    except OSError:
        return  # absent (or unreachable: the write itself will say why)
    mode = st.st_mode
    if stat.S_ISLNK(mode):
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not stat.S_ISREG(mode):
        raise NotRegularFileError(path)
    if not mode & 0o222:
        raise ReadOnlyFileError(path)


def is_read_only(path: str | Path) -> bool:
    """True if ``path`` is a regular file without any write permission bit (0444, or the
    read-only flag on Windows). The bits, not ``os.access``: root may write anything, but a
    file set read-only was set so on purpose."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and not st.st_mode & 0o222


def temp_pattern(name: str) -> re.Pattern[str]:
    """Names of planner's temporary files for a file called ``name``: its own, its backups'
    and its lock file's (``.<name>.xxxxxxxx.tmp``, ``.<name>.bak.xxxxxxxx.tmp``,
    ``..~lock.<name>#.xxxxxxxx.tmp``)."""
    stem = re.escape(name)
    return re.compile(rf"\.(?:{stem}|{stem}\.bak\d*|\.~lock\.{stem}#)\.{_RANDOM_PART}\.tmp")


def clean_stale_temps(path: str | Path, older_than_s: float = STALE_TEMP_S) -> list[Path]:
    """Remove temporary files a killed save of ``path`` left beside it; return them.

    Only exactly planner's names for this file (``temp_pattern``), only regular files
    (a link of that name is left alone, never followed) and only those untouched for
    ``older_than_s`` (a save in progress elsewhere takes seconds).
    """
    path = Path(path)
    pattern = temp_pattern(path.name)
    removed: list[Path] = []
    now = time.time()
    try:
        names = os.listdir(path.parent)
    except OSError:
        return removed
    for name in names:
        if not pattern.fullmatch(name):
            continue
        candidate = path.parent / name
        try:
            st = os.lstat(candidate)
            if not stat.S_ISREG(st.st_mode) or now - st.st_mtime < older_than_s:
                continue
            candidate.unlink()
        except OSError:
            continue
        removed.append(candidate)
    return removed


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


def write_temp(path: Path, content: Content) -> Path:
    """A complete, fsynced temporary file beside ``path`` (``.<name>.xxxxxxxx.tmp``), created
    with O_EXCL so it is never a planted link; removed again if writing it fails."""
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
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def atomic_write(path: str | Path, content: Content, *,
                 before_replace: Callable[[Path], object] | None = None,
                 retry_delays: Sequence[float] | None = None,
                 expect: Callable[[Path], bool] | None = None) -> None:
    """Replace ``path`` by ``content`` atomically; OSError (target unchanged) on failure.

    ``before_replace(tmp)`` runs once the temporary file is complete and synced, just
    before it takes the target's place (to copy permissions or make a backup).
    ``expect(file)`` says whether ``file`` holds what the caller means to replace; when
    given, it is asked right before the replace and, where the platform can swap two
    files atomically, of the displaced file right after: a mismatch puts the other
    writer's file back and raises ChangedOnDiskError (docs/security.md T2).
    """
    path = Path(path)
    check_target(path)
    tmp = write_temp(path, content)
    try:
        _give_usual_mode(tmp, path)
        if expect is not None and not expect(path):
            raise ChangedOnDiskError(path)
        if before_replace is not None:
            before_replace(tmp)
        if expect is None:
            replace_with_retry(tmp, path, retry_delays)
        else:
            _checked_replace(tmp, path, expect, retry_delays)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def _checked_replace(tmp: Path, path: Path, expect: Callable[[Path], bool],
                     retry_delays: Sequence[float] | None) -> None:
    """Replace ``path`` by ``tmp`` only if ``path`` is as expected, as one step where possible."""
    if not expect(path):  # again, right before: the check above may be a backup copy old
        raise ChangedOnDiskError(path)
    if os.path.lexists(path) and exchange(tmp, path):
        # ``tmp`` now names what stood at ``path`` at the instant of the swap.
        if expect(tmp):
            with contextlib.suppress(OSError):
                tmp.unlink()
            return
        exchange(tmp, path)  # someone wrote in between: theirs goes back, ours is dropped
        raise ChangedOnDiskError(path)
    replace_with_retry(tmp, path, retry_delays)


def sha256_matches(digest: str | None) -> Callable[[Path], bool]:
    """An ``expect`` for atomic_write: the file holds bytes with this SHA-256 (None: absent)."""

    def check(file: Path) -> bool:
        try:
            fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:
            return digest is None
        except OSError:
            return False
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return False
            hasher = hashlib.sha256()
            while chunk := os.read(fd, 1 << 20):
                hasher.update(chunk)
        except OSError:
            return False
        finally:
            os.close(fd)
        return digest is not None and hasher.hexdigest() == digest

    return check


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # linux/fs.h
_renameat2: list = []  # [function or None], looked up once


def exchange(a: str | Path, b: str | Path) -> bool:
    """Swap the files named ``a`` and ``b`` in one atomic step (Linux ``renameat2``
    RENAME_EXCHANGE); False where the platform or file system cannot, OSError otherwise."""
    if not sys.platform.startswith("linux"):
        return False
    if not _renameat2:
        _renameat2.append(_find_renameat2())
    fn = _renameat2[0]
    if fn is None:
        return False
    import ctypes

    if fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOENT):
        return False  # not supported here (old kernel, some network file systems) or gone
    raise OSError(err, os.strerror(err), str(b))


def _find_renameat2() -> Callable[..., int] | None:  # pragma: no cover - depends on the C library
    try:
        import ctypes

        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError, ImportError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    return fn
