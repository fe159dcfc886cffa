"""Entry point of the frozen (bundled) planner: ``planner`` (windowed) and ``planner-cli``.

PyInstaller freezes this file, not ``planner.cli``, because two things must happen before
anything else is imported:

1. **Windows version.** Qt 6.11 needs Windows 10 version 1903 (build 18362) or newer; on
   Windows 10 LTSC 2019 or Server 2019 it dies without a window or a message. So an older
   Windows gets a Japanese (and English) message box through ``MessageBoxW`` (ctypes,
   no Qt), and the program ends with exit code 2.
2. **Streams.** A windowed program has no console: ``sys.stdout`` and ``sys.stderr`` are
   None there, and the first ``print`` would fail. They become os.devnull instead.

Then the ordinary ``planner`` command line runs (``planner.cli.main``), which also
dispatches ``--planner-sandbox-child`` for the sandboxed template renderer. A plan file
given alone (dropped on the program or its shortcut) opens in the app.
Standard library only: this runs before planner is imported.
"""

from __future__ import annotations

import os
import sys

#: Windows 10 version 1903, the oldest Windows that Qt 6.11 supports.
MIN_WINDOWS_BUILD = 18362
EXIT_UNUSABLE = 2
TITLE = "planner"


def windows_build(version=None) -> tuple[int, int, int]:
    """(major, minor, build) of the running Windows, as the OS itself reports it.

    ``platform_version`` is the real version (from kernel32.dll), not the one an old
    compatibility mode would make the program believe.
    """
    version = version if version is not None else sys.getwindowsversion()
    real = getattr(version, "platform_version", None)
    if real and len(real) >= 3:
        return int(real[0]), int(real[1]), int(real[2])
    return int(version.major), int(version.minor), int(version.build)


def too_old(major: int, minor: int, build: int) -> bool:
    """True for anything older than Windows 10 build 18362 (1903)."""
    return (major, build) < (10, MIN_WINDOWS_BUILD) if major == 10 else major < 10


def too_old_message(major: int, minor: int, build: int) -> str:
    """What the person in front of an old PC is told (Japanese first, then English)."""
    return (
        "planner を使うには Windows 10 バージョン 1903（ビルド 18362）以降、"
        "または Windows 11 が必要です。\n"
        f"この PC の Windows は {major}.{minor}（ビルド {build}）のため、起動できません。\n"
        "Windows Update で更新するか、情報システム担当者にご相談ください。\n\n"
        "planner needs Windows 10 version 1903 (build 18362) or newer, or Windows 11. "
        f"This PC runs Windows {major}.{minor} (build {build}), so planner cannot start. "
        "Please update Windows or ask your IT department."
    )


def _show_message(text: str) -> None:
    """A plain Windows message box (no Qt), and the same text on stderr for a console."""
    print(text, file=sys.stderr)
    try:
        import ctypes

        MB_OK_ICONERROR = 0x10
        ctypes.windll.user32.MessageBoxW(None, text, TITLE, MB_OK_ICONERROR)
    except (OSError, AttributeError):  # no user32 (a service session): stderr only
        pass


def _ensure_streams() -> None:
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def main() -> int:
    """Check Windows, then run planner's own command line."""
    _ensure_streams()
    if sys.platform == "win32":
        version = windows_build()
        if too_old(*version):
            _show_message(too_old_message(*version))
            return EXIT_UNUSABLE
    from planner.cli import main as planner_main

    return planner_main(_plan_alone_opens_the_app(sys.argv[1:]))


def _plan_alone_opens_the_app(argv: list[str]) -> list[str]:
    """``planner 計画.yaml`` (a plan dropped on the program or its shortcut) → ``gui 計画.yaml``."""
    commands = {"gui", "check", "render", "new", "templates"}
    if len(argv) == 1 and argv[0] not in commands and not argv[0].startswith("-") \
            and os.path.isfile(argv[0]):
        return ["gui", argv[0]]
    return argv


if __name__ == "__main__":
    sys.exit(main())
