"""Reading a template pack's own files: inside the pack, regular files, bounded, never blocking.

A pack arrives from someone else on a shared drive, so every file in it may be a link out of
the pack, a FIFO that blocks whoever opens it, a device or something huge. Every read of a
pack file (``pack.yaml``, ``reference.docx``, ``starter.yaml``, ``sections/*.md.j2``) goes
through :func:`read_pack_file`, in the app, the command line and the sandbox child alike.
See docs/security.md, "Template packs".
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

from planner.errors import PlannerError

#: pack.yaml is a few hundred bytes; a manifest over this is not a manifest.
MAX_MANIFEST = 64 * 1024
#: A chapter's wording is a few KB.
MAX_SECTION = 1024 * 1024
#: A starter plan is well under 1 MB.
MAX_STARTER = 5 * 1024 * 1024
#: A reference Word file with a logo is well under 5 MB; pictures may make it larger.
MAX_REFERENCE = 50 * 1024 * 1024


class PackError(PlannerError):
    """A template pack cannot be found, read or rendered."""


class PackRefused(PackError):
    """A pack file is refused outright: outside the pack, not a regular file, too large."""


def check_relative_name(name: str, manifest: Path, key: str) -> str:
    """``name`` (from ``key`` in pack.yaml) if it names a file inside the pack folder.

    Absolute paths, drive letters, UNC paths and ``..`` are refused with a message naming
    the manifest and the key, so a pack can never point planner at a file elsewhere.
    """
    posix, windows = PurePosixPath(name), PureWindowsPath(name)
    outside = (not name.strip() or posix.is_absolute() or windows.is_absolute()
               or bool(windows.drive) or name.startswith(("/", "\\"))
               or ".." in posix.parts or ".." in windows.parts)
    if outside:
        raise PackRefused(
            f"{manifest}: {key}: {name!r} はパックのフォルダの外を指しています。"
            f"パックのフォルダの中のファイル名（例 {key}.{'docx' if key == 'reference' else 'yaml'}）"
            "を書いてください。",
            f"{manifest}: {key}: {name!r} points outside the pack folder. Give the name of a "
            "file inside the pack folder.")
    return name


def is_inside(path: Path, root: Path) -> bool:
    """True if ``path``, links resolved, is ``root`` or inside it (links resolved too)."""
    real, base = os.path.realpath(path), os.path.realpath(root)
    real, base = os.path.normcase(real), os.path.normcase(base)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def _refused(path: Path, ja: str, en: str) -> PackRefused:
    return PackRefused(f"{path}: {ja}", f"{path}: {en}")


def read_pack_file(path: Path, root: Path, limit: int) -> bytes:
    """The bytes of ``path``, a file of the pack in ``root``; PackRefused or PackError if not.

    Refused: a path (or link) leading outside ``root``, anything but a regular file (a FIFO
    is opened non-blocking and refused, never read), more than ``limit`` bytes.
    FileNotFoundError is raised as is, for callers that fall back to the built-in pack.
    """
    real = os.path.realpath(path)
    if not is_inside(path, root):
        raise _refused(path, f"パックのフォルダの外（{real}）を指しているため読みません。"
                       "パックのフォルダの中に実際のファイルを置いてください。",
                       f"refused: it leads outside the pack folder (to {real}). Put the "
                       "real file inside the pack folder.")
    _require_regular(path, os.stat(real).st_mode)  # FileNotFoundError passes through
    flags = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
             | getattr(os, "O_BINARY", 0))
    try:
        fd = os.open(real, flags)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise PackError(f"{path}: 読み込めません（{exc.strerror or exc}）。",
                        f"{path}: cannot be read ({exc.strerror or exc}).") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        _require_regular(path, info.st_mode)  # swapped for a FIFO since the stat above
        if info.st_size > limit:
            raise _too_large(path, info.st_size, limit)
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise _too_large(path, len(data), limit)
    return data


def _require_regular(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise _refused(path, "フォルダです。ファイルを置いてください。",
                       "this is a folder, not a file.")
    if not stat.S_ISREG(mode):
        raise _refused(path, "通常のファイルではない（名前付きパイプ・デバイスなど）ため読みません。",
                       "refused: not a regular file (a named pipe, a device or the like).")


def _too_large(path: Path, size: int, limit: int) -> PackRefused:
    return _refused(path, f"大きすぎます（{size:,} バイト、上限 {limit:,} バイト）。",
                    f"too large ({size:,} bytes; at most {limit:,}).")


def read_pack_text(path: Path, root: Path, limit: int) -> str:
    """:func:`read_pack_file` decoded as UTF-8 (a BOM is dropped); UnicodeDecodeError if not."""
    return read_pack_file(path, root, limit).decode("utf-8-sig")
