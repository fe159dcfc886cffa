"""Child process for the kill-mid-edit test: open a plan, edit it, autosave, die hard.

Usage: python crash_driver.py PLAN_FILE. PLANNER_HOME must point at the test's folder.
Prints "autosaved <path>" once the recovery copy is on disk, then kills itself without
any cleanup, as a power cut or a crash would. Never returns normally.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from planner.files.appdirs import app_data_dir
from planner.files.planfile import load_plan
from planner.files.recovery import RecoveryStore
from planner.ui.commands import add_command, set_plan_field
from planner.ui.document import PlanDocument
from planner.ui.safety import AutosaveController
from tests.support.crash import die

EDITED_TITLE = "クラッシュ直前の編集"
ADDED_ISSUE = "保存されていない課題"


def main(plan_path: str) -> None:
    """Open, edit, wait for the autosave, then die."""
    app = QApplication([])
    path = Path(plan_path)
    document = PlanDocument(load_plan(path), path)
    autosave = AutosaveController(document, RecoveryStore(app_data_dir()), interval_s=0.2)

    def after_autosave(written: str) -> None:
        print(f"autosaved {written}", flush=True)
        die()

    autosave.saved.connect(after_autosave)
    document.undo_stack.push(set_plan_field(document, "title", EDITED_TITLE, merge=False))
    document.undo_stack.push(add_command(document, "issues", ADDED_ISSUE))
    QTimer.singleShot(20_000, lambda: (print("no autosave", flush=True), app.exit(3)))
    sys.exit(app.exec())


if __name__ == "__main__":
    main(sys.argv[1])
