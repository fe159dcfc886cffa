"""Every user setting in one table: key, type, default, what it does.

Stored with QSettings in an INI file under the app-data folder (``PLANNER_HOME``
overrides it), read when asked and never at import time (orange-canvas-core
``config.py``). Add a row here to add a setting; nothing else names keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QStandardPaths

from planner.files.appdirs import app_data_dir


@dataclass(frozen=True)
class Setting:
    """One setting: its key, Python type, default and a line of documentation."""

    key: str
    type: type
    default: Any
    doc: str


SETTINGS: tuple[Setting, ...] = (
    Setting("ui/language", str, "ja", "UI language: ja (default) or en."),
    Setting("files/recent", list, [], "Recently opened plan files, newest first."),
    Setting("files/recent_max", int, 8, "How many recent files the File menu lists."),
    Setting("files/last_dir", str, "", "Folder of the last Open / Save As dialog."),
    Setting("files/backups", int, 5, "How many previous versions saving keeps (0: none)."),
    Setting("files/backup_location", str, "beside",
            "Where backups go: beside (next to the plan) or app_data (app-data folder)."),
    # float: tests and the kill test use sub-second intervals; users think in seconds.
    Setting("files/autosave_seconds", float, 60.0,
            "Seconds between recovery copies while there are unsaved edits (0: off)."),
    Setting("export/last_template", str, "", "Template pack chosen in the last export."),
    Setting("export/include_checks", bool, False, "Add 別表3 点検結果 to the document."),
    Setting("window/geometry", bytes, b"", "Main window geometry, restored at start."),
    Setting("window/state", bytes, b"", "Main window docks and toolbars."),
    Setting("window/show_graph", bool, True, "Show the relation graph beside the editors."),
)

_BY_KEY = {s.key: s for s in SETTINGS}


def _store() -> QSettings:
    """The settings file, looked up on every call so tests can point PLANNER_HOME elsewhere."""
    return QSettings(str(app_data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def _coerce(setting: Setting, raw: Any) -> Any:
    """INI files give strings back; turn them into the setting's type."""
    if raw is None:
        return setting.default
    try:
        if setting.type is bool:
            return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
        if setting.type is list:
            return [raw] if isinstance(raw, str) else list(raw)
        if setting.type is bytes:
            return bytes(raw)
        return setting.type(raw)
    except (TypeError, ValueError):
        return setting.default


def get(key: str) -> Any:
    """The stored value of ``key``, or its default."""
    setting = _BY_KEY[key]
    return _coerce(setting, _store().value(key))


def set(key: str, value: Any) -> None:  # noqa: A001 (settings.get / settings.set)
    """Store ``value`` for ``key``."""
    if key not in _BY_KEY:
        raise KeyError(key)
    store = _store()
    store.setValue(key, value)
    store.sync()


def add_recent(path: str) -> list[str]:
    """Put ``path`` first in the recent-files list; returns the new list."""
    recent = [p for p in get("files/recent") if p != path]
    recent = [path, *recent][: get("files/recent_max")]
    set("files/recent", recent)
    return recent


def default_folder() -> Path:
    """Where a new file is first suggested: the folder used last, else Documents (ドキュメント).

    Why not the home folder: on Windows that is C:\\Users\\name, where officers never look.
    """
    last = get("files/last_dir")
    if last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()
