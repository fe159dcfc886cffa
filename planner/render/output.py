"""Writing a finished document: atomically, or a RenderError saying why not.

Below ``planner.render`` so that its helpers (``pdf``) can write without importing the
package that imports them.
"""

from __future__ import annotations

from pathlib import Path

from planner.errors import PlannerError
from planner.files.atomic import Content, atomic_write


class RenderError(PlannerError):
    """The document could not be written."""


def write_atomically(out: Path, content: Content) -> None:
    """Replace ``out`` atomically by ``content`` (bytes, or a function writing to a binary
    file); RenderError, with ``out`` untouched, when it cannot be written."""
    if out.is_dir():
        raise RenderError(f"{out} はフォルダです。出力するファイルの名前を指定してください。",
                          f"{out} is a folder. Give the name of the file to write.")
    try:
        atomic_write(out, content)
    except OSError as exc:
        raise _unwritable(out, exc) from None


def _unwritable(out: Path, exc: OSError) -> RenderError:
    reason = exc.strerror or str(exc)
    return RenderError(
        f"{out} に書き込めません（{reason}）。フォルダが存在し書き込めるか、"
        "ファイルがWordなどで開かれていないか確認してください。既存のファイルは変更していません。",
        f"Cannot write {out} ({reason}). Check that the folder exists and is writable and that "
        "the file is not open in Word. Any existing file was left unchanged.",
    )
