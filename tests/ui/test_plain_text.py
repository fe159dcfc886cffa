"""What a file says reaches the screen as text, never as markup; odd files open safely.

security.md T4 (rich text from files), T3 (forged locks in the app), T9 (read-only plans),
T7 (autosave failures are always said).
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from planner.files import recovery
from planner.files.locking import LockedError, acquire_lock, lock_path_for, read_lock
from planner.files.planfile import load_plan
from planner.files.process import current_host
from planner.files.recovery import RecoveryStore
from planner.plan.model import Issue
from planner.ui.commands import set_plan_field
from planner.ui.document import PlanDocument
from planner.ui.models import ItemListModel
from planner.ui.plain import plain_tip
from planner.ui.prompts import Choice, Prompts, ScriptedPrompts
from planner.ui.safety import AutosaveController
from tests.ui.helpers import open_window
from tests.ui.plans import small_plan

FORGED_USER = ('<font color=red size=7>ウイルスが検出されました</font>'
               '<a href="http://evil.example/fix">今すぐ修復</a>')


def _forge_lock(plan: Path, **fields) -> None:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    record = {"app": "planner", "user": FORGED_USER, "host": "PC-9", "pid": 4242,
              "started": None, "since": now, "heartbeat": now, "token": "theirs", **fields}
    lock_path_for(plan).write_text(json.dumps(record), encoding="utf-8")


def _labels(box: QMessageBox) -> list[QLabel]:
    found = [box.findChild(QLabel, n) for n in ("qt_msgbox_label", "qt_msgbox_informativelabel")]
    return [label for label in found if label is not None]


def test_a_forged_lock_holder_name_is_shown_literally(qtbot, plan_file):
    """security.md T4: the holder's HTML name shows as text, with no link to click."""
    _forge_lock(plan_file)
    with pytest.raises(LockedError) as caught:
        acquire_lock(plan_file)
    dialogs = Prompts()
    dialogs.build_only = True
    dialogs.ask_locked(caught.value.message("ja"), caught.value.stale)
    label = dialogs.last_box.findChild(QLabel, "qt_msgbox_label")
    qtbot.addWidget(dialogs.last_box)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert FORGED_USER[:50] in label.text()  # literally (and cut short)
    assert not label.openExternalLinks()


def test_error_boxes_show_file_text_literally(qtbot):
    """security.md T4: errors quote file names and contents."""
    dialogs = Prompts()
    dialogs.build_only = True
    dialogs.show_error("t", f"{FORGED_USER}: 保存できませんでした")
    qtbot.addWidget(dialogs.last_box)
    assert all(lb.textFormat() == Qt.TextFormat.PlainText for lb in _labels(dialogs.last_box))


def _inspect_next_box(found: list) -> None:
    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, look)
            return
        found.append([(lb.textFormat(), lb.text()) for lb in _labels(box)])
        box.reject()
    QTimer.singleShot(0, look)


@pytest.mark.parametrize("ask", ["save_changes", "confirm_removal", "load_errors"])
def test_the_app_questions_show_titles_and_errors_literally(qtbot, ask):
    """security.md T4: plan titles, item titles and load errors in the app's questions."""
    prompts, found = Prompts(), []
    _inspect_next_box(found)
    if ask == "save_changes":
        prompts.ask_save_changes(FORGED_USER)
    elif ask == "confirm_removal":
        prompts.confirm_removal(FORGED_USER, [FORGED_USER])
    else:
        prompts.show_load_errors(FORGED_USER, [f"3行目: {FORGED_USER}"])
    qtbot.waitUntil(lambda: bool(found), timeout=3000)
    [labels] = found
    assert all(fmt == Qt.TextFormat.PlainText for fmt, _ in labels)
    assert any(FORGED_USER in text for _, text in labels)


def test_tooltips_show_titles_literally(qtbot):
    """security.md T4: a title that looks like HTML is escaped for the tooltip."""
    plan = small_plan()
    plan.issues.append(Issue(id="I-99", title="<img src=x><b>太字</b>"))
    model = ItemListModel(PlanDocument(plan), "issues")
    tips = [model.data(model.index(r, 0), Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())]
    tip = next(t for t in tips if "I-99" in t)
    assert "&lt;img src=x&gt;&lt;b&gt;太字&lt;/b&gt;" in tip
    assert plain_tip("ふつうの題名") == "ふつうの題名"


def test_a_forged_lock_in_the_app_offers_a_takeover_and_never_crashes(qtbot, plan_file):
    """security.md T3: naive timestamps once raised TypeError and the GUI exited."""
    _forge_lock(plan_file, since="2026-04-01T10:00:00", heartbeat="2026-04-01T10:00:00",
                pid=10**30, host=current_host())
    prompts = ScriptedPrompts(locked=Choice.TAKE_OVER)
    window = open_window(qtbot, prompts)
    assert window.files.open_path(plan_file)
    [(message, stale)] = [a for q, a in prompts.asked if q == "locked"]
    assert stale and "不明" in message
    assert not window.files.guard.read_only
    assert read_lock(plan_file).token == window.files.guard.lock.info.token


@pytest.mark.skipif(os.name != "posix", reason="POSIX mode bits")
def test_a_read_only_plan_opens_read_only_with_the_banner_and_is_never_written(qtbot, plan_file):
    """security.md T9: 0444 by mode bits, so it holds for root too (who may write anything)."""
    before = plan_file.read_bytes()
    plan_file.chmod(0o444)
    prompts = ScriptedPrompts(save_path=[])
    window = open_window(qtbot, prompts)
    assert window.files.open_path(plan_file)
    assert window.files.guard.read_only
    assert not window.banner.isHidden() and "読み取り専用に設定" in window.banner_text.text()
    assert not lock_path_for(plan_file).exists()
    window.doc.undo_stack.push(set_plan_field(window.doc, "title", "上書きしたい", merge=False))
    assert not window.files.save()
    assert [q for q, _ in prompts.asked if q == "save_path"]  # straight to Save As
    assert plan_file.read_bytes() == before
    window.files.guard.save(plan_file)  # even asked directly, the guard refuses
    assert plan_file.read_bytes() == before


def test_any_autosave_failure_is_said(qtbot, planner_home, plan_file, monkeypatch):
    """security.md T7: a UnicodeEncodeError (not an OSError) once ended autosave silently."""
    doc = PlanDocument(load_plan(plan_file), plan_file)
    autosave = AutosaveController(doc, RecoveryStore(planner_home), interval_s=0)
    doc.undo_stack.push(set_plan_field(doc, "title", "編集", merge=False))

    def fails(*_args):  # fault injection: the encoder refuses a name
        raise UnicodeEncodeError("utf-8", "\udcff", 0, 1, "surrogates not allowed")
    monkeypatch.setattr(recovery, "encode_record", fails)
    with qtbot.waitSignal(autosave.failed, timeout=1000) as signal:
        assert not autosave.save_now()
    assert "復旧用コピーを保存できません" in signal.args[0]
