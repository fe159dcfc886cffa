"""Child process for the app-level kill test: the REAL ``planner gui PLAN``, edited, then killed.

Usage: python app_kill_driver.py PLAN_FILE (PLANNER_HOME set, autosave interval set small
in its settings.ini by the test). The app starts through ``planner.cli.main(["gui", …])``,
exactly as ``python -m planner gui PLAN`` does; the only addition is a timer, queued before
the app starts, that edits the open plan through the window's document once the event
loop runs. When the autosave has written its copy the process SIGKILLs itself.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.support.crash import die

EDITED_TITLE = "強制終了の直前に入力した計画名"
ADDED_ISSUE = "保存前に追加した地域課題"


def _drive(app) -> None:
    from planner.ui.commands import add_command, set_plan_field

    window = next(w for w in app.topLevelWidgets() if w.objectName() == "MainWindow")
    doc = window.doc
    print(f"opened {doc.path} read_only={window.files.guard.read_only}", flush=True)
    window.autosave.saved.connect(lambda written: (print(f"autosaved {written}", flush=True),
                                                   die()))
    doc.undo_stack.push(set_plan_field(doc, "title", EDITED_TITLE, merge=False))
    doc.undo_stack.push(add_command(doc, "issues", ADDED_ISSUE))


def main(plan_path: str) -> int:
    """Queue the edit, then run the app's own command line."""
    from PySide6.QtCore import QTimer

    from planner.cli import main as cli_main
    from planner.ui.app import create_application

    app = create_application()  # run() reuses it
    QTimer.singleShot(0, lambda: _drive(app))
    QTimer.singleShot(20_000, lambda: (print("no autosave", flush=True), app.exit(3)))
    return cli_main(["gui", plan_path])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
