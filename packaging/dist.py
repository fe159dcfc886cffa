"""``python3 dev.py dist``: freeze planner into a one-folder bundle, then the Windows installers.

Standard library only (it runs before anything is installed). Steps:

1. ``build/dist-venv``: a virtual environment with exactly the hash-locked packages of
   ``packaging/requirements-dist.txt`` (``pip install --require-hashes``), refreshed
   whenever that file changes. planner itself is not installed: PyInstaller reads it from
   this source tree, and the spec copies the data folders.
2. PyInstaller with ``packaging/planner.spec`` → ``dist/planner/`` (``planner`` windowed,
   ``planner-cli`` console, ``_internal/``), for the platform this runs on.
3. Installers (``packaging/installers.py``), where ``makensis`` and ``wixl`` are installed:
   from a Windows bundle (built here on Windows, or passed with ``--windows-bundle DIR``)
   into ``dist/``; on Linux without one, only compiled around a placeholder payload into
   ``build/installer-check/`` to prove the scripts build (not for distribution).

Signing: set ``PLANNER_SIGN_PFX`` to a PKCS#12 certificate file (see packaging/README.md).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LOCK = HERE / "requirements-dist.txt"
SPEC = HERE / "planner.spec"
BUILD = ROOT / "build"
DIST = ROOT / "dist"
VENV = BUILD / "dist-venv"


def version() -> str:
    """planner's version, read from the source without importing it."""
    text = (ROOT / "planner" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if not match:
        raise SystemExit("planner/__init__.py has no __version__")
    return match.group(1)


def _venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_build_venv() -> Path:
    """The build environment with exactly the locked, hash-checked packages."""
    stamp = VENV / ".locked"
    wanted = hashlib.sha256(LOCK.read_bytes() + sys.version.encode()).hexdigest()
    if stamp.is_file() and stamp.read_text() == wanted and _venv_python().exists():
        return _venv_python()
    print("Creating build/dist-venv from packaging/requirements-dist.txt …", flush=True)
    shutil.rmtree(VENV, ignore_errors=True)
    venv.EnvBuilder(with_pip=True).create(VENV)
    subprocess.run([str(_venv_python()), "-m", "pip", "install", "-q",
                    "--disable-pip-version-check", "--require-hashes", "--only-binary=:all:",
                    "-r", str(LOCK)], check=True)
    stamp.write_text(wanted)
    return _venv_python()


def freeze(python: Path) -> Path:
    """Run PyInstaller; returns the bundle folder ``dist/planner``."""
    print("Freezing planner with PyInstaller …", flush=True)
    started = time.monotonic()
    subprocess.run([str(python), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
                    str(SPEC)], cwd=ROOT, check=True)
    bundle = DIST / "planner"
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"Bundle: {bundle} ({size / 2**20:.0f} MiB) in {time.monotonic() - started:.0f} s",
          flush=True)
    return bundle


def build_installers(bundle: Path) -> list[Path]:
    """The NSIS and MSI installers, where makensis and wixl are installed."""
    sys.path.insert(0, str(HERE))
    import installers

    missing = installers.missing_tools()
    if missing:
        print(f"Installers skipped: {', '.join(missing)} not installed.", flush=True)
        return []
    if installers.is_windows_bundle(bundle):
        made = installers.build_all(bundle, DIST, version())
        for path in made:
            print(f"Installer: {path}", flush=True)
        return made
    check = BUILD / "installer-check"
    made = installers.build_all(installers.placeholder_bundle(check / "payload"), check,
                                version())
    print("No Windows bundle here: the installer scripts were compiled around a placeholder "
          f"payload in {check} (not for distribution).", flush=True)
    return made


def main(argv: list[str] | None = None) -> int:
    """Build the bundle for this platform, then whichever installers can be built."""
    parser = argparse.ArgumentParser(prog="dev.py dist", description=__doc__.splitlines()[0])
    parser.add_argument("--windows-bundle", type=Path, default=None,
                        help="a Windows dist/planner folder to package (skips freezing)")
    parser.add_argument("--no-installers", action="store_true",
                        help="only the bundle, no installers")
    args = parser.parse_args(argv)

    if args.windows_bundle is not None:
        bundle = args.windows_bundle.resolve()
    else:
        bundle = freeze(ensure_build_venv())
    if not args.no_installers:
        build_installers(bundle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
