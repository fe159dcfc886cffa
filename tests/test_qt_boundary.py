"""The core must work where Qt is not installed: nothing outside planner.ui imports it.

Besides the import-linter contract in pyproject.toml (static), this runs the core in a
child process where importing PySide6 fails, as it would on a server without Qt.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BLOCK_QT = textwrap.dedent(
    """
    import importlib.abc, sys

    class NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {"PySide6", "shiboken6", "pytestqt"}:
                raise ImportError(f"Qt is not available here: {name}")
            return None

    sys.meta_path.insert(0, NoQt())
    """
)


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCK_QT + textwrap.dedent(code)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )


def test_the_blocker_really_blocks_qt() -> None:
    result = _run("import PySide6.QtCore")
    assert result.returncode != 0
    assert "Qt is not available here" in result.stderr


def test_every_core_module_imports_without_qt() -> None:
    result = _run(
        """
        import importlib, pkgutil, planner
        names = [m.name for m in pkgutil.walk_packages(planner.__path__, "planner.")
                 if not m.name.startswith("planner.ui")]
        for name in names:
            importlib.import_module(name)
        print(len(names))
        """
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 8


def test_check_runs_on_the_sample_without_qt() -> None:
    result = _run(
        """
        import sys
        from planner.cli import main
        sys.exit(main(["check", "resources/samples/sample-plan.yaml", "--format", "json"]))
        """
    )
    assert result.returncode in (0, 1), result.stderr
    assert '"summary"' in result.stdout
