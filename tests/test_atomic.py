"""planner.files.atomic: every in-place write, and the permissions its results get."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from planner.files.atomic import atomic_write

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_a_new_file_gets_the_users_usual_permissions_not_owner_only(tmp_path: Path):
    """Colleagues on a shared folder must be able to open a new plan or document."""
    old = os.umask(0o022)
    try:
        target = tmp_path / "計画.docx"
        atomic_write(target, b"PK")
        assert _mode(target) == 0o644
    finally:
        os.umask(old)


@posix_only
def test_replacing_a_file_keeps_its_permissions(tmp_path: Path):
    target = tmp_path / "計画.yaml"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new" and _mode(target) == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path: Path):
    target = tmp_path / "計画.yaml"
    target.write_bytes(b"old")

    def broken(handle):
        handle.write(b"half")
        raise RuntimeError("disk went away")

    with pytest.raises(RuntimeError):
        atomic_write(target, broken)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["計画.yaml"]
