"""Stage 1, read: bytes from disk to text, refusing what is too big or not UTF-8."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from planner.io.problems import PlanFileError, Problem

#: A real plan is well under 2 MB; anything over this is not a plan file.
MAX_BYTES = 20 * 1024 * 1024

_BOM_UTF8 = b"\xef\xbb\xbf"
_FIX_ENCODING_JA = "テキストエディタ（メモ帳など）で開き、文字コード「UTF-8」を選んで保存し直してください。"
_FIX_ENCODING_EN = "Open it in a text editor (e.g. Notepad) and save it again as UTF-8."


def _fail(filename: str, code: str, ja: str, en: str,
          line: int | None = None, column: int | None = None) -> PlanFileError:
    return PlanFileError([Problem(filename, line, column, ja, en, code)])


def read_file(path: str | Path) -> bytes:
    """The bytes of ``path``, or PlanFileError saying why they cannot be read."""
    name = str(path)
    try:
        # Non-blocking: a FIFO or device in the plan's place is refused, not waited on
        # (docs/security.md T6); for a regular file the flag changes nothing.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if stat.S_ISDIR(st.st_mode):
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), name)
            if not stat.S_ISREG(st.st_mode):
                raise not_regular(name)
            if st.st_size > MAX_BYTES:
                raise too_large(name, st.st_size)
            # Read one byte more than allowed: files that grow or lie about their size.
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _fail(name, "not_found", "ファイルが見つかりません。保存場所とファイル名を確認してください。",
                    "File not found. Check the folder and the file name.") from None
    except IsADirectoryError:
        raise _fail(name, "is_directory", "これはフォルダーです。計画ファイル（.yaml）を指定してください。",
                    "This is a folder. Give a plan file (.yaml).") from None
    except PermissionError:
        if os.path.isdir(path):  # Windows reports opening a folder as "permission denied"
            raise _fail(name, "is_directory", "これはフォルダーです。計画ファイル（.yaml）を指定してください。",
                        "This is a folder. Give a plan file (.yaml).") from None
        raise _fail(name, "read_error", "ファイルを開く権限がありません。ほかのアプリで開いていないか、"
                    "アクセス権を確認してください。", "Permission denied. Check that no other program "
                    "holds the file and that you may read it.") from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket, or a device with nothing behind it
            raise not_regular(name) from None
        if exc.errno == errno.EISDIR:
            raise _fail(name, "is_directory", "これはフォルダーです。計画ファイル（.yaml）を指定してください。",
                        "This is a folder. Give a plan file (.yaml).") from None
        reason = exc.strerror or str(exc)
        raise _fail(name, "read_error", f"ファイルを読めません（{reason}）。",
                    f"The file cannot be read ({reason}).") from None
    if len(data) > MAX_BYTES:
        raise too_large(name, len(data))
    return data


def not_regular(filename: str) -> PlanFileError:
    """The error for a FIFO, device or socket given as a file to read."""
    return _fail(filename, "not_regular",
                 "通常のファイルではありません（名前付きパイプや装置など）。計画ファイル（.yaml）を指定してください。",
                 "This is not a regular file (a pipe, a device …). Give a plan file (.yaml).")


def too_large(filename: str, size: int) -> PlanFileError:
    """The error for a file over MAX_BYTES."""
    mb = size / (1024 * 1024)
    limit = MAX_BYTES // (1024 * 1024)
    return _fail(filename, "too_large",
                 f"ファイルが大きすぎます（{mb:.1f} MB、上限 {limit} MB）。計画ファイルを指定しているか確認してください。",
                 f"The file is too large ({mb:.1f} MB; the limit is {limit} MB). "
                 "Check that this is a plan file.")


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters, best effort) of byte ``offset``."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return line, column


def decode(data: bytes, filename: str) -> str:
    """UTF-8 text (BOM optional) from ``data``; other encodings get a message saying how to fix."""
    if len(data) > MAX_BYTES:
        raise too_large(filename, len(data))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(filename, "encoding", "ファイルが UTF-16 で保存されています。" + _FIX_ENCODING_JA,
                    "The file is saved as UTF-16. " + _FIX_ENCODING_EN, 1, 1)
    data = data.removeprefix(_BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_col(data, exc.start)
        if _looks_like_cp932(data):
            raise _fail(filename, "encoding",
                        "ファイルが Shift_JIS（CP932）で保存されているようです。" + _FIX_ENCODING_JA,
                        "The file seems to be saved as Shift_JIS (CP932). " + _FIX_ENCODING_EN,
                        line, column) from None
        raise _fail(filename, "encoding",
                    "ファイルが UTF-8 ではありません（文字として読めないバイトがあります）。" + _FIX_ENCODING_JA,
                    "The file is not UTF-8 (it has bytes that are not text). " + _FIX_ENCODING_EN,
                    line, column) from None


def _looks_like_cp932(data: bytes) -> bool:
    """True if the bytes decode as CP932 and hold Japanese characters."""
    try:
        text = data.decode("cp932")
    except UnicodeDecodeError:
        return False
    if any(ch < " " and ch not in "\t\r\n" for ch in text):
        return False  # binary, not text in another encoding
    japanese = sum("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)
    return japanese >= 2
