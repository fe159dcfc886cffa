#!/usr/bin/env python3
"""Screenshots of every step at 1366×768 (offscreen, Noto CJK), for docs/gallery.md.

    python tools/screenshots.py [OUTDIR]

Opens the bundled sample plan, visits each step of the guided flow, and also shows a new
empty plan and the export dialog, so the gallery shows what a newcomer sees.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PLANNER_HOME", tempfile.mkdtemp(prefix="planner-shots-"))
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QElapsedTimer
from PySide6.QtWidgets import QApplication

from planner.paths import sample_plan_path
from planner.ui.app import create_application
from planner.ui.interaction import ScriptedPrompts

SIZE = (1366, 768)
SHOTS = [  # file name, step, caption
    ("01-basic-info.png", 0, "1. 基本情報 — 計画の名称・自治体・計画期間（和暦つき）と各章の本文"),
    ("02-issues.png", 1, "2. 地域課題 — 一覧（追加・複製・削除・並べ替え・絞り込み）とフォーム"),
    ("03-measures.png", 2, "3. 施策 — 対応する課題、基本法の条項（◎/○）、重点分野"),
    ("04-measure-uses.png", 2, "3. 施策 — 利用するデータの表と、選んだ流れ・目的・法的根拠の説明"),
    ("05-data.png", 3, "4. データ — 取得経路・種類（説明つき）と個人情報の取扱い"),
    ("06-kpis.png", 4, "5. KPI — 種別、基準値・目標値（年度は和暦つき）、評価する施策と出典"),
    ("07-check.png", 5, "6. 点検 — 重要度・ルール・内容・根拠・対処。ダブルクリックで該当箇所へ"),
    ("08-export.png", 6, "7. 出力 — 計画書（.docx）の出力"),
]


def settle(app: QApplication, ms: int = 400) -> None:
    """Let timers (the debounced check) and layouts run."""
    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < ms:
        app.processEvents()


def main(out: Path) -> None:
    """Write every screenshot and docs/gallery.md."""
    out.mkdir(parents=True, exist_ok=True)
    app = create_application(["screenshots"])
    from planner.ui.main_window import MainWindow

    window = MainWindow(prompts=ScriptedPrompts())
    window.resize(*SIZE)
    window.show()
    shots = [("00-new-plan.png", "新しい計画 — 最初に開く画面（基本情報から始める）")]
    settle(app)
    window.grab().save(str(out / shots[0][0]))
    window.files.open_path(sample_plan_path(), ask=False)
    for name, step, caption in SHOTS:
        window.go_to_step(step)
        if name == "04-measure-uses.png":
            editor = window.pages[2].editor
            uses = editor.form.uses
            uses.table.selectRow(1)
            editor.scroll.ensureWidgetVisible(uses.explain)
        if name == "05-data.png":
            window.pages[3].editor.select_item(_personal_source(window))
        settle(app)
        window.grab().save(str(out / name))
        shots.append((name, caption))
    window.go_to_step(6)
    window.export_document()
    settle(app)
    dialog = window.export_dialog
    dialog.grab().save(str(out / "09-export-dialog.png"))
    shots.append(("09-export-dialog.png", "出力ダイアログ — テンプレートと保存先、点検結果を付けるか"))
    dialog.close()
    _gallery(out, shots)
    window.doc.undo_stack.setClean()
    window.close()


def _personal_source(window) -> str:
    source = next((d for d in window.doc.plan.data_sources if d.is_personal),
                  window.doc.plan.data_sources[0])
    return source.id


def _gallery(out: Path, shots: list[tuple[str, str]]) -> None:
    rel = os.path.relpath(out, ROOT / "docs")
    lines = ["# 画面ギャラリー / Screen gallery", "",
             "1366×768（ノートPCの一般的な解像度）で、同梱のサンプル計画を開いた画面です。",
             "`python tools/screenshots.py` で作り直せます。", ""]
    for name, caption in shots:
        lines += [f"## {caption}", "", f"![{caption}]({rel}/{name})", ""]
    (ROOT / "docs" / "gallery.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
