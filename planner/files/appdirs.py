"""Where planner keeps the user's own files (template packs, settings, autosaves).

Qt-free on purpose: the command line and the core need the same folder as the app.
``PLANNER_HOME`` overrides it, so tests and portable installs never touch the real one.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "planner"


def app_data_dir() -> Path:
    """The per-user application-data folder (not created here)."""
    override = os.environ.get("PLANNER_HOME")
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_NAME


def user_templates_dir() -> Path:
    """Folder where the user's own template packs live (one sub-folder per pack)."""
    return app_data_dir() / "templates"
