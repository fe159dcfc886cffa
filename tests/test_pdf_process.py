"""The PDF converter's processes never outlive the conversion (LibreOffice starts a second
process; a hung one used to stay behind after the time limit, holding the files)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from planner.render import pdf

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell stands in for soffice")


def _fake_soffice(folder: Path, pids: Path, *, hang: bool) -> None:
    """An ``soffice`` on PATH that starts a grandchild (as soffice starts soffice.bin)."""
    script = folder / "soffice"
    script.write_text("#!/bin/sh\n"
                      f"sleep 300 &\necho $! >> '{pids}'\n"
                      + ("sleep 300\n" if hang else "exit 0\n"), encoding="utf-8")
    script.chmod(0o755)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its exit status is left


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("hang", [True, False], ids=["timed-out", "finished"])
def test_no_converter_process_is_left_running(tmp_path, monkeypatch, hang):
    bin_dir, pids = tmp_path / "bin", tmp_path / "pids"
    bin_dir.mkdir()
    _fake_soffice(bin_dir, pids, hang=hang)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(pdf, "TIMEOUT_S", 2)
    docx = tmp_path / "plan.docx"
    docx.write_bytes(b"PK")
    with pytest.raises(pdf.PdfError) as err:
        pdf.docx_to_pdf(docx, tmp_path / "plan.pdf")
    assert ("2秒で終わりませんでした" in err.value.message("ja")) is hang
    started = [int(line) for line in pids.read_text().split()]
    deadline = time.monotonic() + 10  # SIGKILL is sent at once, but lands in its own time
    while [pid for pid in started if _alive(pid)] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert started and not [pid for pid in started if _alive(pid)]
