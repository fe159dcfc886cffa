"""The Windows memory cap for the sandbox child (Job Object), as far as it can be checked here.

The kernel32 calls only run on Windows; the structure layout is the same on every 64-bit
platform, so a wrong field type or order fails here too.
"""

from __future__ import annotations

import ctypes
import sys

import pytest

from planner.sandbox import winjob


@pytest.mark.skipif(ctypes.sizeof(ctypes.c_void_p) != 8, reason="layout checked for 64-bit")
def test_structures_have_the_windows_x64_sizes():
    assert ctypes.sizeof(winjob.BasicLimitInformation) == 64
    assert ctypes.sizeof(winjob.IoCounters) == 48
    assert ctypes.sizeof(winjob.ExtendedLimitInformation) == 144
    assert winjob.ExtendedLimitInformation.ProcessMemoryLimit.offset == 112


def test_limits_cap_each_process_and_kill_with_the_job():
    info = winjob.limits(1024)
    flags = info.BasicLimitInformation.LimitFlags
    assert flags & winjob.JOB_OBJECT_LIMIT_PROCESS_MEMORY
    assert flags & winjob.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
    assert info.ProcessMemoryLimit == 1024 * 1024 * 1024


@pytest.mark.skipif(sys.platform == "win32", reason="elsewhere than Windows")
def test_elsewhere_it_declines_quietly_and_posix_limits_apply():
    assert winjob.limit_memory(0, 512) is None
    winjob.close(None)
