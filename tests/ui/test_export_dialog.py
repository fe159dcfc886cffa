"""ExportDialog: real background export to .docx, errors in the dialog, the check report."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QUrl

from planner.checks import run_checks
from planner.plan.bilingual import Text
from planner.plan.model import Issue, PlanKind
from planner.ui.export_dialog import ExportDialog, findings_csv
from tests.ui.plans import small_plan


class Asker:
    """Stands in for the save dialog: answers with a prepared path, records the question."""

    def __init__(self, answer: Path | str) -> None:
        self.answer, self.asked = str(answer), []

    def __call__(self, parent, caption: str, suggested: str, filters: str) -> str:
        self.asked.append((caption, suggested, filters))
        return self.answer


@pytest.fixture
def opened() -> list[QUrl]:
    return []


def make_dialog(qtbot, tmp_path: Path, opened: list[QUrl], answer: Path | str = "",
                plan=None) -> ExportDialog:
    plan_path = tmp_path / "計画.yaml"
    dialog = ExportDialog(plan or small_plan(), plan_path, ask_save_path=Asker(answer),
                          open_url=lambda url: opened.append(url) or True)
    qtbot.addWidget(dialog)
    return dialog


def test_defaults_next_to_the_plan_with_the_matching_pack(qtbot, tmp_path, opened) -> None:
    from planner.render.packs import list_packs
    dialog = make_dialog(qtbot, tmp_path, opened)
    assert dialog.output_path() == tmp_path / "計画.docx"
    names = [dialog.pack_combo.itemData(i) for i in range(dialog.pack_combo.count())]
    assert names == [p.name for p in list_packs()]
    assert dialog.pack_combo.currentData() == "municipal"
    assert dialog.pack_description.text()
    assert not dialog.open_button.isVisible()
    prefecture = small_plan()
    prefecture.plan.kind = PlanKind.PREFECTURE
    other = make_dialog(qtbot, tmp_path, opened, plan=prefecture)
    assert other.pack_combo.currentData() == "prefecture"


def test_the_bundled_sample_is_never_exported_into_the_install_folder(
        qtbot, tmp_path, opened) -> None:
    from planner.files.paths import sample_plan_path
    from planner.ui import settings

    settings.set("files/last_dir", str(tmp_path))
    dialog = ExportDialog(small_plan(), sample_plan_path(), ask_save_path=Asker(""),
                          open_url=lambda url: opened.append(url) or True)
    qtbot.addWidget(dialog)
    assert dialog.output_path().parent == tmp_path


def test_browse_uses_the_injected_file_dialog(qtbot, tmp_path, opened) -> None:
    dialog = make_dialog(qtbot, tmp_path, opened, answer=tmp_path / "別名")
    dialog.browse_button.click()
    assert dialog.output_path() == tmp_path / "別名.docx"  # .docx added
    assert dialog._ask_save_path.asked[0][1] == str(tmp_path / "計画.docx")


def test_real_export_in_the_background_then_open(qtbot, tmp_path, opened) -> None:
    import docx
    dialog = make_dialog(qtbot, tmp_path, opened)
    dialog.include_checks.setChecked(True)
    dialog.show()
    with qtbot.waitSignal(dialog.exported, timeout=60000) as blocker:
        dialog.export_button.click()
        assert dialog.is_busy() and dialog.progress.isVisible()
        assert not dialog.export_button.isEnabled()
    out = Path(blocker.args[0])
    assert out == tmp_path / "計画.docx" and out.is_file()
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "テスト市" in text
    assert not dialog.is_busy() and not dialog.progress.isVisible()
    assert dialog.open_button.isVisible() and dialog.folder_button.isVisible()
    dialog.open_button.click()
    dialog.folder_button.click()
    assert [u.toLocalFile() for u in opened] == [str(out), str(tmp_path)]


def test_errors_are_shown_in_the_dialog(qtbot, tmp_path, opened) -> None:
    dialog = make_dialog(qtbot, tmp_path, opened)
    dialog.path_edit.setText(str(tmp_path / "存在しないフォルダ" / "計画.docx"))
    with qtbot.waitSignal(dialog._relay.failed, timeout=60000):
        dialog.start_export()
    dialog.wait_done()
    assert "出力できませんでした" in dialog.status.text()
    assert "存在しないフォルダ" in dialog.status.text()
    assert "b71c1c" in dialog.status.styleSheet()
    assert dialog.export_button.isEnabled() and not dialog.open_button.isVisible()
    assert not (tmp_path / "存在しないフォルダ").exists()


def test_empty_path_is_refused_before_rendering(qtbot, tmp_path, opened) -> None:
    dialog = make_dialog(qtbot, tmp_path, opened)
    dialog.path_edit.setText("  ")
    dialog.start_export()
    assert not dialog.is_busy() and "ファイル名" in dialog.status.text()


def test_cannot_close_while_rendering(qtbot, tmp_path, opened) -> None:
    dialog = make_dialog(qtbot, tmp_path, opened)
    dialog.show()
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        dialog.start_export()
        dialog.reject()
        assert dialog.isVisible()
    dialog.reject()
    assert not dialog.isVisible()


def test_check_report_csv_opens_in_excel(qtbot, tmp_path, opened) -> None:
    plan = small_plan()
    plan.issues.append(Issue("I-9", "どの施策も答えない課題"))
    target = tmp_path / "点検.csv"
    dialog = make_dialog(qtbot, tmp_path, opened, answer=target, plan=plan)
    with qtbot.waitSignal(dialog.report_written):
        dialog.report_button.click()
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel on Japanese Windows reads UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["重要度", "ルール", "対象", "内容", "根拠", "対処", "項目"]
    assert len(rows) == 1 + len(run_checks(plan))
    assert "点検.csv" in dialog.status.text()
    assert dialog._ask_save_path.asked[0][1].endswith("計画_点検結果.csv")


def test_check_report_json_has_the_cli_shape(qtbot, tmp_path, opened) -> None:
    target = tmp_path / "点検.json"
    dialog = make_dialog(qtbot, tmp_path, opened, answer=target)
    dialog.report_button.click()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert set(data) == {"findings", "summary"}
    assert set(data["summary"]) == {"error", "warning", "info"}


def test_cancelled_report_writes_nothing(qtbot, tmp_path, opened) -> None:
    dialog = make_dialog(qtbot, tmp_path, opened, answer="")
    dialog.report_button.click()
    assert list(tmp_path.iterdir()) == []


def test_csv_quotes_commas_and_newlines() -> None:
    from planner.checks.finding import Finding, Severity
    f = Finding("X001", Severity.ERROR, ("A", "B"), Text("一行目\n二行目, 続き", "m"), Text("r", "r"),
                Text("f", "f"), "uses[0].flow")
    rows = list(csv.reader(findings_csv([f]).splitlines(keepends=True)))
    assert rows[1] == ["エラー", "X001", "A B", "一行目\n二行目, 続き", "r", "f", "uses[0].flow"]


def test_final_export_refuses_a_draft_and_says_which(qtbot, tmp_path, opened) -> None:
    dialog = make_dialog(qtbot, tmp_path, opened)  # small_plan has no chapter prose
    dialog.final_check.setChecked(True)
    with qtbot.waitSignal(dialog._relay.failed, timeout=60000):
        dialog.export_button.click()
    dialog.wait_done()
    assert "確定版としては出力できません" in dialog.status.text()
    assert "【未記入：" in dialog.status.text()
    assert not (tmp_path / "計画.docx").exists()
    dialog.final_check.setChecked(False)  # a draft is always possible
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        dialog.export_button.click()
    assert (tmp_path / "計画.docx").is_file()


def test_choosing_pdf_switches_the_file_name_and_the_browse_filter(qtbot, tmp_path, opened):
    dialog = make_dialog(qtbot, tmp_path, opened, answer=tmp_path / "別名")
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(".pdf"))
    assert dialog.output_path() == tmp_path / "計画.pdf"
    dialog.browse_button.click()
    assert "*.pdf" in dialog._ask_save_path.asked[0][2]
    assert dialog.output_path() == tmp_path / "別名.pdf"
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(".docx"))
    assert dialog.output_path() == tmp_path / "別名.docx"


def test_pdf_is_greyed_out_where_nothing_can_make_one(qtbot, tmp_path, opened, monkeypatch):
    from planner.render import pdf

    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    monkeypatch.setattr(pdf, "has_word", lambda: False)
    dialog = make_dialog(qtbot, tmp_path, opened)
    item = dialog.format_combo.model().item(dialog.format_combo.findData(".pdf"))
    assert not item.isEnabled() and "LibreOffice" in item.toolTip()
    monkeypatch.setattr(pdf, "find_soffice", lambda: "/usr/bin/soffice")
    other = make_dialog(qtbot, tmp_path, opened)
    assert other.format_combo.model().item(other.format_combo.findData(".pdf")).isEnabled()


def test_the_open_plan_and_special_files_are_refused_before_anything_is_written(
        qtbot, tmp_path, opened) -> None:
    """As ``planner render`` does (security.md T6, T9): a plan named like a report (計画.json
    here), reached again by a hard link, or a folder, is never written over."""
    plan_file = tmp_path / "計画.json"
    plan_file.write_text("the plan", encoding="utf-8")
    os.link(plan_file, tmp_path / "別名.json")
    dialog = ExportDialog(small_plan(), plan_file, ask_save_path=Asker(tmp_path / "別名.json"),
                          open_url=lambda url: opened.append(url) or True)
    qtbot.addWidget(dialog)
    dialog.report_button.click()
    assert "入力の計画ファイルと同じ" in dialog.status.text()
    assert plan_file.read_text(encoding="utf-8") == "the plan"
    (tmp_path / "フォルダ.docx").mkdir()
    dialog.path_edit.setText(str(tmp_path / "フォルダ.docx"))
    dialog.start_export()
    assert not dialog.is_busy() and "フォルダー" in dialog.status.text()
