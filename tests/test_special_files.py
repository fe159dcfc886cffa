"""FIFOs, devices, the input as output, read-only files: refused at once, nothing written.

security.md T6 (special files) and T9 (read-only plans). Commands run in a child process
with a timeout where a regression would hang forever.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import main
from planner.files.atomic import NotRegularFileError, ReadOnlyFileError, atomic_write
from planner.files.locking import FileStamp
from planner.files.planfile import PlanFileError, SaveError, dumps_plan, load_plan, save_plan
from planner.plan import model as m

ROOT = Path(__file__).resolve().parents[1]
posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs and mode bits are POSIX")


def planner(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """``python -m planner ARGS`` in a child: a hang fails the test instead of the suite."""
    return subprocess.run([sys.executable, "-m", "planner", *args], cwd=ROOT, timeout=timeout,
                          capture_output=True, text=True, encoding="utf-8", check=False)


@pytest.fixture
def plan(tmp_path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(dumps_plan(m.Plan(plan=m.PlanInfo(title="計画"))), encoding="utf-8")
    return path


@posix_only
def test_a_fifo_as_the_plan_is_refused_without_hanging(tmp_path):
    """security.md T6: `planner check FIFO` waited forever for a writer."""
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    done = planner("check", str(fifo), timeout=30)
    assert done.returncode == 2
    assert "通常のファイルではありません" in done.stderr
    with pytest.raises(PlanFileError) as info:
        load_plan(fifo)
    assert info.value.problems[0].code == "not_regular"
    with pytest.raises(OSError, match="not a regular file"):
        FileStamp.of(fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_as_the_plan_is_refused():
    """security.md T6: /dev/zero would be read up to the size limit."""
    with pytest.raises(PlanFileError) as info:
        load_plan("/dev/zero")
    assert info.value.problems[0].code == "not_regular"


@posix_only
@pytest.mark.parametrize("kind", ["fifo", "device", "socket"])
def test_render_onto_a_special_file_is_refused_and_leaves_it(tmp_path, plan, kind):
    """security.md T6: the output FIFO / device node was replaced (or hung the render)."""
    out = tmp_path / "out.docx"
    if kind == "fifo":
        os.mkfifo(out)
    elif kind == "device":
        if os.geteuid() != 0:
            pytest.skip("creating a device node needs root")
        os.mknod(out, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # like /dev/null
    else:
        import socket
        sock = socket.socket(socket.AF_UNIX)
        try:
            sock.bind(str(out))
        except OSError:
            pytest.skip("cannot bind a socket here")
    before = os.lstat(out)
    done = planner("render", str(plan), "-o", str(out), timeout=60)
    assert done.returncode == 2, done.stderr
    assert "通常のファイルではありません" in done.stderr
    after = os.lstat(out)
    assert (after.st_ino, stat.S_IFMT(after.st_mode)) == (before.st_ino, stat.S_IFMT(before.st_mode))


@pytest.mark.parametrize("how", ["same path", "hard link", "symbolic link"])
def test_render_onto_the_input_plan_is_refused(tmp_path, plan, capsys, how):
    """security.md T6: `render PLAN -o PLAN` destroyed the plan with no backup."""
    before = plan.read_bytes()
    out = plan
    if how == "hard link":
        out = tmp_path / "link.docx"
        os.link(plan, out)
    elif how == "symbolic link":
        if os.name != "posix":
            pytest.skip("symbolic links need privileges on Windows")
        out = tmp_path / "link.docx"
        out.symlink_to(plan)
    assert main(["render", str(plan), "-o", str(out)]) == 2
    assert "入力の計画ファイルと同じ" in capsys.readouterr().err
    assert plan.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        {"plan.yaml", out.name})


@posix_only
def test_new_onto_a_fifo_is_refused(tmp_path):
    fifo = tmp_path / "new.yaml"
    os.mkfifo(fifo)
    done = planner("new", "-o", str(fifo), "--force", timeout=30)
    assert done.returncode == 2 and stat.S_ISFIFO(os.lstat(fifo).st_mode)


@posix_only
def test_no_writer_of_planner_replaces_a_read_only_file(tmp_path, plan, capsys):
    """security.md T9: by mode bits, so it holds for root, for whom os.access says yes."""
    plan.chmod(0o444)
    before = plan.read_bytes()
    with pytest.raises(SaveError) as info:
        save_plan(m.Plan(plan=m.PlanInfo(title="上書き")), plan)
    assert "読み取り専用" in info.value.message("ja")
    with pytest.raises(ReadOnlyFileError):
        atomic_write(plan, b"x")
    assert main(["new", "-o", str(plan), "--force"]) == 2
    out = tmp_path / "out.docx"
    out.write_bytes(b"old document")
    out.chmod(0o444)
    assert main(["render", str(plan), "-o", str(out)]) == 2
    assert "読み取り専用" in capsys.readouterr().err
    assert plan.read_bytes() == before and out.read_bytes() == b"old document"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx", "plan.yaml"]


@posix_only
def test_atomic_write_refuses_a_fifo_target(tmp_path):
    """security.md T6: every writer (export dialog, sandbox, lock files) goes through here."""
    fifo = tmp_path / "x"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularFileError):
        atomic_write(fifo, b"data")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x"]
