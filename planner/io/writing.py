"""Saving: deterministic, readable YAML, written atomically with a backup.

The text: UTF-8, Japanese as is, keys in schema order, block style with lists indented
under their key, lines never folded,
multi-line text as ``|`` blocks, and any string that could read back as another type
(under this loader's rules *or* YAML 1.1's, so other tools read it right too) quoted.

The file: written with :func:`planner.files.atomic.atomic_write` (a temporary file in the same
folder, fsynced, put in place with ``os.replace``, retried briefly on Windows). Just before
the replace the old file is copied to a backup:
``plan.yaml.bak`` (then ``.bak2``, ``.bak3`` … for more) beside it, or timestamped copies
``plan.20260327-101500-123456.yaml`` in ``backup_dir``. A failed save leaves the old file
as it was, removes the temporary file and raises SaveError saying why.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

import yaml

from planner.errors import PlannerError
from planner.files import atomic
from planner.io.problems import FileChangedError
from planner.io.yamlparse import RESOLVERS

#: Characters YAML readers may treat as line breaks or strip; such strings are double-quoted.
_AWKWARD = frozenset("\r\x85\u2028\u2029\ufeff")


class PlanDumper(yaml.SafeDumper):
    """SafeDumper that indents lists under their key and quotes anything our loader or a
    YAML 1.1 reader would not read as text.

    The pure-Python emitter (not libyaml's) is used because only it can indent lists the
    way the sample plan and people write them; it costs ~0.4 s on a 1 MB prefecture plan,
    ~20 ms on a typical one, and gives the same bytes on every platform.
    """

    # PyYAML reads this from the class; its stubs call it an instance variable
    yaml_implicit_resolvers: ClassVar[dict[Any, list[Any]]] = {  # type: ignore[misc]
        k: list(v) for k, v in yaml.SafeDumper.yaml_implicit_resolvers.items()}

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        """Indent block sequences inside mappings (``  - id: I-1``), as the sample does."""
        super().increase_indent(flow, False)


for _tag, _regexp, _first in RESOLVERS:
    PlanDumper.add_implicit_resolver(_tag, _regexp, _first)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None
    if _AWKWARD.intersection(value):
        style = '"'
    elif "\n" in value:
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


PlanDumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    """``data`` as deterministic block-style YAML."""
    return yaml.dump(data, Dumper=PlanDumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1_000_000, indent=2)


class SaveError(PlannerError):
    """The plan could not be saved; the file on disk is unchanged."""


def save_error(exc: BaseException, path: Path) -> SaveError:
    """A SaveError naming the cause of ``exc`` in words a planner can act on."""
    code = getattr(exc, "errno", None)
    winerror = getattr(exc, "winerror", None)
    if winerror in (32, 33):  # sharing / lock violation
        ja, en = ("ほかのアプリ（Excel、ウイルス対策、同期ソフトなど）がファイルを使用中です。閉じてからもう一度保存してください。",
                  ("Another program (an editor, antivirus or a sync client) is using the file. "
                  "Close it and save again."))
    elif isinstance(exc, atomic.ReadOnlyFileError):
        ja, en = ("ファイルが読み取り専用に設定されています。別名で保存するか、読み取り専用を解除してください。",
                  "The file is set read-only. Save under another name, or clear its read-only flag.")
    elif isinstance(exc, atomic.NotRegularFileError):
        ja, en = ("保存先は通常のファイルではありません（名前付きパイプや装置など）。別の名前で保存してください。",
                  "The target is not a regular file (a pipe, a device …). Save under another name.")
    elif isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        ja, en = ("書き込む権限がありません。保存先のフォルダーとファイルのアクセス権、読み取り専用でないかを確認してください。",
                  ("Permission denied. Check that you may write to the folder and file and "
                  "that they are not read-only."))
    elif code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        ja, en = ("ディスクの空き容量が足りません。不要なファイルを削除してから保存してください。",
                  "The disk is full. Free some space and save again.")
    elif code == errno.ENAMETOOLONG or winerror == 206:
        ja, en = ("ファイルのパスが長すぎます。短いフォルダー名・ファイル名の場所に保存してください。",
                  "The path is too long. Save under a shorter folder or file name.")
    elif code == errno.EROFS:
        ja, en = ("読み取り専用の場所には保存できません。", "The location is read-only.")
    elif code == errno.ENOENT:
        ja, en = ("保存先のフォルダーがありません。", "The folder does not exist.")
    elif code == errno.ENOTDIR:  # a file stands where a folder of the path should be
        ja, en = ("保存先のフォルダーがありません（同じ名前のファイルがあります）。",
                  "The folder does not exist (a file has its name).")
    elif code == errno.EISDIR or isinstance(exc, IsADirectoryError):
        ja, en = ("同じ名前のフォルダーがあります。別のファイル名で保存してください。",
                  "A folder has this name. Save under another file name.")
    else:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        ja, en = (f"保存できませんでした（{reason}）。", f"Could not save ({reason}).")
    return SaveError(f"{path}: {ja} 元のファイルは変更されていません。",
                     f"{path}: {en} The previous file is unchanged.")


def _open_current(path: Path) -> tuple[int, os.stat_result] | None:
    """A read descriptor on the file about to be replaced, if it is a regular file.

    Non-blocking, so a FIFO planted in its place cannot hang the save (T6)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        return None
    return fd, st


def _copy_from(fd: int, st: os.stat_result) -> Callable[[BinaryIO], None]:
    """Content for atomic.write_temp: the bytes behind ``fd``, written with os.write so a
    short write or ENOSPC part-way surfaces here (and the temporary file is dropped)."""

    def copy(handle: BinaryIO) -> None:
        handle.flush()
        out = handle.fileno()
        while chunk := os.read(fd, 1 << 20):
            view = memoryview(chunk)
            while view:
                view = view[os.write(out, view):]

    return copy


def _finish_copy(tmp: Path, st: os.stat_result) -> None:
    """Give the backup the original's permissions and times, as a copy would have."""
    with contextlib.suppress(OSError):
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
    with contextlib.suppress(OSError):
        os.utime(tmp, ns=(st.st_atime_ns, st.st_mtime_ns))


def _clear_slot(name: Path) -> None:
    """Make ``name`` hold a regular file or nothing: a link (dangling or not), FIFO or socket
    planted there is removed without being followed (T1); a folder stops the save."""
    try:
        st = os.lstat(name)
    except FileNotFoundError:
        return
    if stat.S_ISREG(st.st_mode):
        return
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(name))
    name.unlink()


def _backup(path: Path, backups: int, backup_dir: Path | None) -> None:
    """Copy the current file to the backup set, keeping the newest ``backups`` copies.

    The copy is written completely (temporary file, fsync) *before* anything is rotated,
    and put in place by rename: a full disk leaves the old backups as they were (T8), and
    no backup name is ever written through (T1).
    """
    if backups <= 0:
        return
    current = _open_current(path)
    if current is None:
        return
    fd, st = current
    try:
        if backup_dir is None:
            names = [path.with_name(path.name + ".bak")]
            names += [path.with_name(f"{path.name}.bak{n}") for n in range(2, backups + 1)]
            target = names[0]
        else:
            backup_dir.mkdir(parents=True, exist_ok=True)
            stamp = datetime.datetime.now().astimezone().strftime("%Y%m%d-%H%M%S-%f")  # local
            names = []
            target = backup_dir / f"{path.stem}.{stamp}{path.suffix}"
        tmp = atomic.write_temp(target, _copy_from(fd, st))
    finally:
        os.close(fd)
    try:
        _finish_copy(tmp, st)
        for name in names:
            _clear_slot(name)
        for older, newer in zip(reversed(names[1:]), reversed(names[:-1]), strict=True):
            if os.path.lexists(newer):
                os.replace(newer, older)
        _clear_slot(target)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if backup_dir is not None:
        kept = sorted(backup_dir.glob(f"{path.stem}.????????-??????-??????{path.suffix}"))
        for old in kept[:-backups]:
            old.unlink(missing_ok=True)


#: ``expected_sha256`` value meaning "no check": overwrite whatever is there.
ANY = "any"


def atomic_write(path: str | Path, text: str, *, backups: int = 1,
                 backup_dir: str | Path | None = None,
                 retry_delays: Sequence[float] | None = None,
                 expected_sha256: str | None = ANY) -> None:
    """Replace ``path`` by ``text`` (UTF-8) atomically, after backing up the old file.

    ``expected_sha256`` is the digest of the file the caller opened (None: it expects no
    file): if the file on disk is something else at the moment of the replace, nothing is
    written and FileChangedError is raised (docs/security.md T2).
    """
    path = Path(path)
    folder = Path(backup_dir) if backup_dir is not None else None

    def back_up(_tmp: Path) -> None:  # permissions are planner.files.atomic's business
        _backup(path, backups, folder)

    expect = None if expected_sha256 == ANY else atomic.sha256_matches(expected_sha256)
    try:
        atomic.atomic_write(path, text.encode("utf-8"), before_replace=back_up,
                            retry_delays=retry_delays, expect=expect)
    except atomic.ChangedOnDiskError:
        kind = "modified" if os.path.lexists(path) else "deleted"
        raise FileChangedError(path, kind) from None
    except OSError as exc:
        raise save_error(exc, path) from exc
