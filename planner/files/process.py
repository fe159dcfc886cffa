"""Who this process is, and whether another process still lives.

Shared by the recovery store and the lock files. Qt-free and dependency-free: on Windows
it asks kernel32 through ctypes, on Linux it reads ``/proc``; elsewhere it falls back to
``os.kill(pid, 0)``. A process id alone can be reused by the system, so each record also
carries the process's start time where the platform tells it, and a live pid with a
different start time counts as gone.
"""

from __future__ import annotations

import getpass
import os
import socket
import sys
from pathlib import Path


def current_user() -> str:
    """The login name of the person running planner (``getpass.getuser``)."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some service accounts
        return os.environ.get("USERNAME") or os.environ.get("USER") or "unknown"


def current_host() -> str:
    """This PC's network name."""
    return socket.gethostname() or "unknown"


def process_start_time(pid: int) -> float | None:
    """An opaque start-time stamp of ``pid``, or None where the platform hides it."""
    if sys.platform.startswith("linux"):
        return _linux_start_time(pid)
    if sys.platform == "win32":
        return _windows_start_time(pid)
    return None


def _linux_start_time(pid: int) -> float | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # The command name may hold spaces and parentheses: fields start after the last ')'.
    fields = stat[stat.rfind(")") + 2 :].split()
    try:
        return float(fields[19])  # starttime, clock ticks since boot
    except (IndexError, ValueError):
        return None


def _windows_start_time(pid: int) -> float | None:  # pragma: no cover - Windows only
    if sys.platform != "win32":  # (called on Windows only; mypy checks the rest for it)
        return None
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return None
    try:
        times = [wintypes.FILETIME() for _ in range(4)]
        if not kernel32.GetProcessTimes(handle, *[ctypes.byref(t) for t in times]):
            return None
        created = times[0]
        return float((created.dwHighDateTime << 32) | created.dwLowDateTime)
    finally:
        kernel32.CloseHandle(handle)


def pid_alive(pid: int) -> bool:
    """True if some process with this id runs on this PC now."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _windows_start_time(pid) is not None or _windows_pid_exists(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return False
    return not _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    """A process that exited but was not reaped yet still answers kill(0): it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False  # no /proc (macOS): trust kill(0)
    return stat.rpartition(")")[2].split()[:1] == ["Z"]


def _windows_pid_exists(pid: int) -> bool:  # pragma: no cover - Windows only
    if sys.platform != "win32":  # (called on Windows only; mypy checks the rest for it)
        raise OSError("Windows only")
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    handle = kernel32.OpenProcess(0x1000, False, pid)
    if handle:
        kernel32.CloseHandle(handle)
        return True
    return ctypes.get_last_error() == 5  # ERROR_ACCESS_DENIED: exists, not ours


def process_gone(pid: int, started: float | None) -> bool:
    """True if the process recorded as (``pid``, ``started``) no longer runs on this PC."""
    if not pid_alive(pid):
        return True
    if started is None:
        return False
    now_started = process_start_time(pid)
    # A different start time means the id was reused by an unrelated process.
    return now_started is not None and now_started != started
