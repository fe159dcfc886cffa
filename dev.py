#!/usr/bin/env python3
"""Set up and run planner from a fresh clone, on Windows, macOS or Linux.

    python3 dev.py app     # open the desktop app on the bundled sample plan
    python3 dev.py test    # run every test (after ruff, the import contracts and mypy)
    python3 dev.py bench   # run the benchmarks under bench/
    python3 dev.py dist    # freeze planner into dist/planner (+ Windows installers)

Each command first makes (or refreshes) a private virtual environment in ``.venv``
with planner and its test tools installed, so nothing else needs to be set up by hand.
``dist`` uses its own, hash-locked environment instead (packaging/README.md).
It is standard-library only on purpose: it must run before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".planner-installed"
SAMPLE = ROOT / "resources" / "samples" / "sample-plan.yaml"


def _bin(name: str) -> Path:
    folder = "Scripts" if os.name == "nt" else "bin"
    suffix = ".exe" if os.name == "nt" else ""
    return VENV / folder / f"{name}{suffix}"


def _wanted_stamp() -> str:
    """Reinstall when the declared dependencies change."""
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_venv() -> None:
    """Create .venv and install planner (editable) with its test extras when needed."""
    if not _bin("python").exists():
        print("Creating .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if STAMP.exists() and STAMP.read_text() == _wanted_stamp():
        return
    print("Installing planner and its dependencies into .venv …", flush=True)
    pip = [str(_bin("python")), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f"{ROOT}[test]"], check=True)
    STAMP.write_text(_wanted_stamp())


def run(args: list[str]) -> int:
    """Run a command from .venv in the repository folder; return its exit code."""
    return subprocess.run(args, cwd=ROOT, check=False).returncode


def cmd_app(extra: list[str]) -> int:
    """Open the desktop app on the sample plan (or the plan named after ``app``)."""
    plan = extra[0] if extra else str(SAMPLE)
    return run([str(_bin("planner")), "gui", plan])


def cmd_test(extra: list[str]) -> int:
    """Lint, the import contracts, the type check, then the whole pytest suite."""
    for gate in (["ruff", "check", "."], ["lint-imports"], ["mypy"]):
        code = run([str(_bin(gate[0])), *gate[1:]])
        if code != 0:
            return code
    return run([str(_bin("python")), "-m", "pytest", *extra])


def cmd_bench(extra: list[str]) -> int:
    """Every benchmark script under bench/, one after the other."""
    code = 0
    for script in sorted((ROOT / "bench").glob("bench_*.py")):
        print(f"\n== {script.name} ==", flush=True)
        code |= run([str(_bin("python")), str(script), *extra])
    return code


def cmd_dist(extra: list[str]) -> int:
    """The frozen one-folder bundle for this platform, then the installers (packaging/)."""
    sys.path.insert(0, str(ROOT / "packaging"))
    import dist

    return dist.main(extra)


COMMANDS = {"app": cmd_app, "test": cmd_test, "bench": cmd_bench, "dist": cmd_dist}


def main() -> int:
    """Dispatch ``dev.py COMMAND [ARGS…]``."""
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        return 2
    if sys.argv[1] != "dist":  # dist builds in its own locked environment
        ensure_venv()
    return COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
