#!/usr/bin/env python3
"""Screenshots of every step at 1366×768 (offscreen, Noto CJK), for docs/gallery.md.

    python tools/screenshots.py                 # the gallery: docs/screenshots + docs/gallery.md
    python tools/screenshots.py OUTDIR --lang en --scale 2   # one variant, no gallery

The gallery run opens the bundled sample plan, visits each step of the guided flow, and
also shows a new empty plan and the export dialog, so the gallery shows what a newcomer
sees; then it adds two steps in the English UI and one at 200 % display scaling (each
variant in its own process: Qt reads QT_SCALE_FACTOR once, at start-up). The window is
always 1366×768 logical pixels; at 200 % the image is 2732×1536, as on a 2732×1536 screen.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SIZE = (1366, 768)
#: file name, step, caption (ja), caption (en)
SHOTS = [
    ("00-start.png", 0, "スタートページ — 新しい計画・テンプレートから・開く・サンプルを見る・最近使ったファイル",
     "The start page: new plan, from a template, open, the sample, recent files"),
    ("00-new-plan.png", 0, "新しい計画 — 最初に開く画面（基本情報から始める）",
     "A new plan: the first screen, starting from the basic information"),
    ("01-basic-info.png", 0, "1. 基本情報 — 計画の名称・自治体・計画期間（和暦つき）と各章の本文",
     "1. Basic information: title, municipality, plan period (with era years), chapter texts"),
    ("02-issues.png", 1, "2. 地域課題 — 一覧（追加・複製・削除・並べ替え・絞り込み）とフォーム",
     "2. Local issues: the list (add, duplicate, delete, reorder, filter) and the form"),
    ("03-measures.png", 2, "3. 施策 — 対応する課題、基本法の条項（◎/○）、重点分野",
     "3. Measures: issues addressed, Basic Act articles (◎/○), priority fields"),
    ("04-measure-uses.png", 2, "3. 施策 — 利用するデータの表と、選んだ流れ・目的・法的根拠の説明",
     "3. Measures: the data-use table and what the chosen flow, purpose and legal basis mean"),
    ("05-data.png", 3, "4. データ — 取得経路・種類（説明つき）と個人情報の取扱い",
     "4. Data: acquisition and category (explained) and the handling of personal information"),
    ("06-kpis.png", 4, "5. KPI — 種別、基準値・目標値（年度は和暦つき）、評価する施策と出典",
     "5. KPIs: type, baseline and target (with era years), measures evaluated, source data"),
    ("07-check.png", 5, "6. 点検 — 重要度・ルール・対象・内容。選んだ指摘の根拠と対処は下に。ダブルクリックで該当箇所へ",
     ("6. Check: severity, rule, item, finding; the chosen finding's reference and what to do"
      " below; double-click goes to the item")),
    ("08-export.png", 6, "7. 出力 — 計画書（.docx）の出力",
     "7. Export: writing the plan document (.docx)"),
    ("09-export-dialog.png", 6, "出力ダイアログ — テンプレートと保存先、点検結果を付けるか",
     "The export dialog: template, where to save, whether to attach the check results"),
]
#: Variants shown in the gallery besides the Japanese UI at 100 %: (lang, scale, shots).
VARIANTS = [("en", "1", ("03-measures.png", "07-check.png")), ("ja", "2", ("04-measure-uses.png",))]


def variant_name(name: str, lang: str, scale: str) -> str:
    """03-measures.png → 03-measures-en.png / 03-measures-200.png."""
    stem = name.removesuffix(".png")
    suffix = ("-en" if lang == "en" else "") + (f"-{round(float(scale) * 100)}"
                                                  if float(scale) != 1 else "")
    return f"{stem}{suffix}.png"


def take(out: Path, lang: str, scale: str, only: set[str] | None = None) -> list[Path]:
    """Take the screenshots in this process (environment already set up); return the files."""
    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtWidgets import QApplication

    from planner.files.paths import sample_plan_path
    from planner.ui import settings
    from planner.ui.app import create_application
    from planner.ui.prompts import ScriptedPrompts

    settings.set("ui/language", lang)
    app = create_application(["screenshots"])
    from planner.ui.main_window import MainWindow

    def settle(ms: int = 400) -> None:
        """Let timers (the debounced check) and layouts run."""
        timer = QElapsedTimer()
        timer.start()
        while timer.elapsed() < ms:
            QApplication.processEvents()

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(widget, name: str) -> None:
        path = out / variant_name(name, lang, scale)
        widget.grab().save(str(path))
        written.append(path)

    window = MainWindow(prompts=ScriptedPrompts())
    window.resize(*SIZE)
    window.show()
    # Every step with the relation graph open beside it, as at 1366×768 it fits.
    window.graph_dock.show()
    settle()
    wanted = [s for s in SHOTS if only is None or s[0] in only]
    if any(s[0] == "00-start.png" for s in wanted):
        window.show_start_page()
        settle()
        save(window, "00-start.png")
        window.show_editor()
    if any(s[0] == "00-new-plan.png" for s in wanted):
        save(window, "00-new-plan.png")
    # A copy, as a user's own plan: the bundled file itself opens with a read-only banner.
    # (A fixed folder, so the path the export dialog shows is the same on every run.)
    plan = Path(tempfile.gettempdir()) / "planner-gallery" / "みどり野市" / "計画.yaml"
    plan.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(sample_plan_path(), plan)
    window.files.open_path(str(plan), ask=False)
    for name, step, _ja, _en in wanted:
        if name in ("00-start.png", "00-new-plan.png", "09-export-dialog.png"):
            continue
        window.go_to_step(step)
        _prepare(window, name)
        settle()
        save(window, name)
    if any(s[0] == "09-export-dialog.png" for s in wanted):
        window.go_to_step(6)
        window.export_document()
        settle()
        save(window.export_dialog, "09-export-dialog.png")
        window.export_dialog.close()
    window.doc.undo_stack.setClean()
    window.close()
    app.processEvents()
    return written


def _prepare(window, name: str) -> None:
    """Put the step in the state its caption describes."""
    if name == "04-measure-uses.png":
        editor = window.pages[2].editor
        uses = editor.form.uses
        uses.table.selectRow(1)
        uses.table.setFocus()
        editor.form_area.ensureWidgetVisible(uses.explain)
    elif name == "05-data.png":
        source = next((d for d in window.doc.plan.data_sources if d.is_personal),
                      window.doc.plan.data_sources[0])
        window.pages[3].editor.select_item(source.id)
    elif name == "07-check.png":
        panel = window.pages[5].panel
        panel.table.selectRow(0)  # the details pane below shows the first finding
        panel.table.setFocus()


def _run_variant(out: Path, lang: str, scale: str, only: tuple[str, ...]) -> None:
    """Take a variant in a fresh process (QT_SCALE_FACTOR is read once per process)."""
    env = dict(os.environ, QT_SCALE_FACTOR=scale)
    args = [sys.executable, __file__, str(out), "--lang", lang, "--scale", scale]
    for name in only:
        args += ["--only", name]
    subprocess.run(args, check=True, env=env)


_INTRO = """# 画面ギャラリー / Screen gallery

1366×768（ノートPCの一般的な解像度）で、同梱のサンプル計画（架空のみどり野市）を開いた画面です。
Screens at 1366×768 (a common laptop resolution) with the bundled sample plan (the fictional
city of Midorino) open.

作り直すには / to regenerate: `python tools/screenshots.py`
（関係図・点検パネルの views-*.png は `python bench/bench_ui.py --screenshots docs/screenshots`）
"""
_ENGLISH = """## 英語表示 / English UI

表示 → 言語 / Language → English で、その場で切り替わります（開いている計画・元に戻す履歴・
選択中の項目はそのまま）。
View → 言語 / Language → English switches at once (the open plan, its undo history and the
selected item stay).
"""
_SCALED = """## 200 % 表示 / 200 % display scaling

Windows の表示スケール 200 %（2732×1536 の画面）。文字もアイコンも拡大され、切れや重なりはありません。
Windows display scaling at 200 % (a 2732×1536 screen): text and icons scale, nothing is clipped.
"""
_VIEWS = """## 関係図と点検パネル / Relation graph and problems panel

![関係図（サンプル計画）](screenshots/views-graph-sample.png)

関係図：地域課題 → 施策 → データ → KPI。赤い破線はつながりの欠落です。
The relation graph: issues → measures → data → KPIs; a red dashed frame marks a missing link.

![関係図（都道府県規模、全体表示）](screenshots/views-graph-prefecture-fit.png)

都道府県規模の計画（950項目）の全体表示。
A prefecture-size plan (950 items) as an overview.
"""


def _gallery(out: Path) -> None:
    rel = os.path.relpath(out, DOCS).replace(os.sep, "/")
    captions = {name: (ja, en) for name, _step, ja, en in SHOTS}
    lines = [_INTRO]
    for name, (ja, en) in captions.items():
        lines += [f"## {ja}", "", f"*{en}*", "", f"![{ja}]({rel}/{name})", ""]
    lines.append(_ENGLISH)
    for name in VARIANTS[0][2]:
        en = captions[name][1]
        lines += [f"![{en}]({rel}/{variant_name(name, 'en', '1')})", "", f"*{en}*", ""]
    lines.append(_SCALED)
    for name in VARIANTS[1][2]:
        ja = captions[name][0]
        lines += [f"![{ja}（200 %）]({rel}/{variant_name(name, 'ja', '2')})", ""]
    lines.append(_VIEWS)
    (DOCS / "gallery.md").write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    """Parse the arguments; take one variant, or the whole gallery."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", nargs="?", type=Path, default=DOCS / "screenshots")
    parser.add_argument("--lang", choices=("ja", "en"))
    parser.add_argument("--scale", help="QT_SCALE_FACTOR, e.g. 1.5 or 2")
    parser.add_argument("--only", action="append", help="file name of a shot (repeatable)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["PLANNER_HOME"] = tempfile.mkdtemp(prefix="planner-shots-")
    sys.path.insert(0, str(ROOT))
    if args.lang or args.scale:  # one variant, in this process
        if args.scale:
            os.environ["QT_SCALE_FACTOR"] = args.scale
        for path in take(args.outdir, args.lang or "ja", args.scale or "1",
                         set(args.only) if args.only else None):
            print(path)
        return
    _run_variant(args.outdir, "ja", "1", ())
    for lang, scale, only in VARIANTS:
        _run_variant(args.outdir, lang, scale, only)
    if args.outdir.resolve() == (DOCS / "screenshots").resolve():
        _gallery(args.outdir)


if __name__ == "__main__":
    main()
