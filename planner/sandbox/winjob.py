"""A Windows Job Object that caps a child process's memory (Windows has no setrlimit).

The sandbox puts the template-rendering child into a job with
``JOB_OBJECT_LIMIT_PROCESS_MEMORY`` (allocations past the cap fail, so Python raises
MemoryError in the child) and ``JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE`` (the child dies with
the job handle, even if planner itself crashes). Everything here is ctypes against
kernel32; on other systems, or if any call fails, :func:`limit_memory` returns None and
the sandbox falls back to its timeout.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys
from typing import Any

JOB_OBJECT_LIMIT_PROCESS_MEMORY = 0x00000100
JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x00002000
JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS = 9  # JobObjectExtendedLimitInformation


class BasicLimitInformation(ctypes.Structure):
    """JOBOBJECT_BASIC_LIMIT_INFORMATION (winnt.h)."""

    _fields_ = [
        ("PerProcessUserTimeLimit", ctypes.c_int64),
        ("PerJobUserTimeLimit", ctypes.c_int64),
        ("LimitFlags", ctypes.c_uint32),
        ("MinimumWorkingSetSize", ctypes.c_size_t),
        ("MaximumWorkingSetSize", ctypes.c_size_t),
        ("ActiveProcessLimit", ctypes.c_uint32),
        ("Affinity", ctypes.c_size_t),  # ULONG_PTR
        ("PriorityClass", ctypes.c_uint32),
        ("SchedulingClass", ctypes.c_uint32),
    ]


class IoCounters(ctypes.Structure):
    """IO_COUNTERS (winnt.h)."""

    _fields_ = [(name, ctypes.c_uint64) for name in (
        "ReadOperationCount", "WriteOperationCount", "OtherOperationCount",
        "ReadTransferCount", "WriteTransferCount", "OtherTransferCount")]


class ExtendedLimitInformation(ctypes.Structure):
    """JOBOBJECT_EXTENDED_LIMIT_INFORMATION (winnt.h); 144 bytes on 64-bit Windows."""

    _fields_ = [
        ("BasicLimitInformation", BasicLimitInformation),
        ("IoInfo", IoCounters),
        ("ProcessMemoryLimit", ctypes.c_size_t),
        ("JobMemoryLimit", ctypes.c_size_t),
        ("PeakProcessMemoryUsed", ctypes.c_size_t),
        ("PeakJobMemoryUsed", ctypes.c_size_t),
    ]


def limits(memory_mb: int) -> ExtendedLimitInformation:
    """The limit block: at most ``memory_mb`` MiB per process, kill on close."""
    info = ExtendedLimitInformation()
    info.BasicLimitInformation.LimitFlags = (
        JOB_OBJECT_LIMIT_PROCESS_MEMORY | JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE)
    info.ProcessMemoryLimit = memory_mb * 1024 * 1024
    return info


def limit_memory(process_handle: int, memory_mb: int) -> Any | None:
    """Put the process into a new memory-capped job; the job handle, or None if not possible.

    Keep the handle until the child has ended, then pass it to :func:`close`.
    """
    return _job(process_handle, limits(memory_mb))


def kill_on_close(process_handle: int) -> Any | None:
    """Put the process into a new job whose closing kills it and every process it started
    (LibreOffice's soffice.exe starts soffice.bin, which ``Popen.kill`` would leave running).
    The job handle, or None if not possible; pass it to :func:`close` when done.
    """
    info = ExtendedLimitInformation()
    info.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
    return _job(process_handle, info)


def _job(process_handle: int, info: ExtendedLimitInformation) -> Any | None:
    if sys.platform != "win32":
        return None
    try:  # pragma: no cover - Windows only
        from ctypes import wintypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.CreateJobObjectW.restype = wintypes.HANDLE
        kernel32.CreateJobObjectW.argtypes = (ctypes.c_void_p, wintypes.LPCWSTR)
        kernel32.SetInformationJobObject.argtypes = (
            wintypes.HANDLE, ctypes.c_int, ctypes.c_void_p, wintypes.DWORD)
        kernel32.AssignProcessToJobObject.argtypes = (wintypes.HANDLE, wintypes.HANDLE)
        job = kernel32.CreateJobObjectW(None, None)
        if not job:
            return None
        ok = kernel32.SetInformationJobObject(
            job, JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS, ctypes.byref(info),
            ctypes.sizeof(info)) and kernel32.AssignProcessToJobObject(job, process_handle)
        if not ok:
            kernel32.CloseHandle(job)
            return None
        return job
    except (OSError, AttributeError):
        return None


def close(job: Any | None) -> None:
    """Close a job handle from :func:`limit_memory` (kills the child if still running)."""
    if job is None or sys.platform != "win32":
        return
    with contextlib.suppress(OSError):  # pragma: no cover - Windows only
        ctypes.WinDLL("kernel32").CloseHandle(job)
