"""ExportDialog: write the plan document (.docx) in the background, and the check report.

The planner picks a template pack, where to save and whether to include the check results
(別表3); rendering runs on a worker thread behind a busy bar, so the window never freezes.
Afterwards the dialog offers to open the document or its folder, and any error is shown in
the dialog in plain words. A second action writes the check report (CSV for Excel, JSON or
text). File dialogs and opening files go through injectable callables, so tests need no
patching.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.checks import run_checks
from planner.checks.finding import Finding
from planner.checks.report import format_csv, format_json, format_text
from planner.errors import PlannerError, user_error_message
from planner.files.atomic import atomic_write
from planner.plan.bilingual import Text
from planner.plan.model import Plan, PlanKind
from planner.render.packs import list_packs, skipped_packs_message
from planner.ui import settings
from planner.ui.guard import is_bundled
from planner.ui.plain import plain_label, plain_tip

#: (parent, caption, suggested path, filter) → chosen path, '' when cancelled.
AskSavePath = Callable[[QWidget, str, str, str], str]
#: Opens a file or folder URL with the system's application.
OpenUrl = Callable[[QUrl], bool]


# The pack's description as written (the tooltip role holds it escaped for display).
_DESCRIPTION_ROLE = Qt.ItemDataRole.UserRole + 1


def default_ask_save_path(parent: QWidget, caption: str, suggested: str, filters: str) -> str:
    """The platform's save dialog."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return path


# The CSV report (planner.checks.report: cells made inert for spreadsheets).
findings_csv = format_csv


def findings_report(findings: list[Finding], suffix: str, lang: str = "ja") -> tuple[str, str]:
    """(text, encoding) of the report for a file suffix: .csv, .json or .txt."""
    suffix = suffix.lower()
    if suffix == ".csv":
        return findings_csv(findings, lang), "utf-8-sig"  # BOM: Excel on Japanese Windows
    if suffix == ".json":
        return format_json(findings, lang=lang), "utf-8"
    return format_text(findings, lang=lang), "utf-8"


class _Relay(QObject):
    """Brings the worker's outcome back to the GUI thread."""

    done = Signal(str, str)  # path, notices (what was removed from the pack's Word file)
    failed = Signal(str)


class _RenderTask(QRunnable):
    """Render one snapshot of the plan to ``out`` on a pool thread."""

    def __init__(self, plan: Plan, out: Path, template: str | None, include_checks: bool,
                 relay: _Relay, lang: str, final: bool = False) -> None:
        super().__init__()
        self._args = (plan, out, template, include_checks)
        self._relay, self._lang, self._final = relay, lang, final

    def run(self) -> None:
        """Render; report the path or a message people can act on."""
        plan, out, template, include_checks = self._args
        try:
            # Built-in packs in-process; anyone else's in the limited sandbox process.
            from planner.sandbox.parent import render_safely
            notices: list[tuple[str, str]] = []
            render_safely(plan, out, template=template, include_checks=include_checks,
                          lang=self._lang, notices=notices, final=self._final)
        except Exception as exc:  # noqa: BLE001 (every failure becomes a message)
            message = exc.message(self._lang) if isinstance(exc, PlannerError) else \
                user_error_message(exc, self._lang)
            self._relay.failed.emit(message or str(exc))
            return
        said = "\n".join(Text(*notice).get(self._lang) for notice in notices)
        self._relay.done.emit(str(out), said)


class ExportDialog(QDialog):
    """「文書を出力」: template pack, output file, options; renders without freezing."""

    exported = Signal(str)  # path of the written document
    report_written = Signal(str)

    def __init__(self, plan: Plan, plan_path: Path | None, parent: QWidget | None = None,
                 ask_save_path: AskSavePath = default_ask_save_path,
                 open_url: OpenUrl = QDesktopServices.openUrl, lang: str = "ja") -> None:
        super().__init__(parent)
        self._plan, self._plan_path, self._lang = plan, plan_path, lang
        self._ask_save_path, self._open_url = ask_save_path, open_url
        self._busy = False
        self._written: Path | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self.setWindowTitle(self.tr("文書を出力"))
        self._build_ui()
        self._load_packs()

    # --- building ---------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.pack_combo = QComboBox(self)
        self.pack_combo.currentIndexChanged.connect(self._show_pack_description)
        self.pack_description = plain_label(QLabel(self))
        self.pack_description.setWordWrap(True)
        self.path_edit = QLineEdit(str(self._default_output()), self)
        self.browse_button = QPushButton(self.tr("参照…"), self)
        self.browse_button.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        self.include_checks = QCheckBox(self.tr("点検結果を別表3として含める"), self)
        self.final_check = QCheckBox(self.tr("確定版として出力する（エラーや【未記入】が残っていれば出力しません）"),
                                     self)
        self.final_check.setToolTip(self.tr("確定版にしないときは、エラーや未記入が残っている間、表紙と"
                                            "ヘッダーに「（案）」が付きます。"))
        self.format_combo = QComboBox(self)
        self.format_combo.addItem(self.tr("Word 文書（.docx）"), ".docx")
        self.format_combo.addItem(self.tr("PDF（.pdf、目次にページ番号）"), ".pdf")
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self._offer_pdf_only_where_possible()
        form = QFormLayout()
        form.addRow(self.tr("テンプレート(&T)"), self.pack_combo)
        form.addRow("", self.pack_description)
        path_label = QLabel(self.tr("保存先(&S)"), self)
        path_label.setBuddy(self.path_edit)  # a layout cannot be a buddy: Alt+S → the field
        form.addRow(path_label, path_row)
        form.addRow(self.tr("形式"), self.format_combo)
        form.addRow(self.tr("オプション"), self.include_checks)
        form.addRow("", self.final_check)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy: rendering has no meaningful percentage
        self.progress.setTextVisible(False)
        # Keep the rows' space when hidden, so showing progress or an error never squeezes
        # the wrapped description (the dialog's size is fixed once shown).
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(policy)
        self.progress.hide()
        self.status = plain_label(QLabel(self))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setMinimumHeight(self.status.fontMetrics().lineSpacing() * 4)
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(self._buttons())
        self.setMinimumWidth(600)

    def _buttons(self) -> QHBoxLayout:
        self.export_button = QPushButton(self.tr("出力(&E)"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.report_button = QPushButton(self.tr("点検結果を出力(&R)…"), self)
        self.report_button.clicked.connect(self.export_report)
        self.open_button = QPushButton(self.tr("文書を開く(&O)"), self)
        self.open_button.clicked.connect(self.open_document)
        self.folder_button = QPushButton(self.tr("フォルダを開く(&F)"), self)
        self.folder_button.clicked.connect(self.open_folder)
        for button in (self.open_button, self.folder_button):
            button.hide()
        self.close_button = QPushButton(self.tr("閉じる"), self)
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.report_button)
        row.addStretch(1)
        for button in (self.open_button, self.folder_button, self.export_button,
                       self.close_button):
            row.addWidget(button)
        return row

    def _default_output(self) -> Path:
        # Beside the plan, unless the plan ships with planner (the sample): never suggest
        # writing into the install folder.
        if self._plan_path is not None and not is_bundled(self._plan_path):
            return Path(self._plan_path).with_suffix(".docx")
        name = (self._plan.plan.title or self.tr("計画")).strip()
        return settings.default_folder() / f"{_safe_name(name)}.docx"

    def _load_packs(self) -> None:
        problems: list = []
        try:
            packs = list_packs(problems)
        except PlannerError as exc:
            message = exc.message(self._lang)
            self._show_error(self.tr("テンプレートを読み込めません: {0}").format(message))
            self.export_button.setEnabled(False)
            return
        wanted = "prefecture" if self._plan.plan.kind == PlanKind.PREFECTURE else "municipal"
        for pack in packs:
            self.pack_combo.addItem(pack.title(self._lang), pack.name)
            self.pack_combo.setItemData(self.pack_combo.count() - 1,
                                        plain_tip(pack.description(self._lang)),
                                        Qt.ItemDataRole.ToolTipRole)
            self.pack_combo.setItemData(self.pack_combo.count() - 1, pack.description(self._lang),
                                        _DESCRIPTION_ROLE)
        found = self.pack_combo.findData(wanted)
        self.pack_combo.setCurrentIndex(max(found, 0))
        self._show_pack_description(self.pack_combo.currentIndex())
        self.export_button.setEnabled(bool(packs))
        if problems:  # a broken user pack is left out of the list; say which and why
            self._set_status(skipped_packs_message(problems, self._lang))

    def _show_pack_description(self, index: int) -> None:
        self.pack_description.setText(str(self.pack_combo.itemData(index, _DESCRIPTION_ROLE) or ""))

    # --- actions ----------------------------------------------------------------------

    def output_path(self) -> Path:
        """Where the document will be written (the chosen format's suffix added when missing)."""
        path = Path(self.path_edit.text().strip()).expanduser()
        suffix = self.format_combo.currentData() or ".docx"
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def _offer_pdf_only_where_possible(self) -> None:
        """PDF needs LibreOffice or Word: without either, the choice is shown, greyed, saying why."""
        from planner.render.pdf import converter

        if converter() is not None:
            return
        index = self.format_combo.findData(".pdf")
        model = self.format_combo.model()  # (a combo box's own model is a QStandardItemModel)
        item = model.item(index) if isinstance(model, QStandardItemModel) else None
        if item is None:
            return
        item.setEnabled(False)
        item.setToolTip(self.tr("PDFを作るには LibreOffice 又は Microsoft Word が必要です。"
                                ".docx で出力し、Word で PDF として保存することもできます。"))

    def _format_changed(self, _index: int) -> None:
        """Switch the file name's suffix with the format (plan.docx ↔ plan.pdf)."""
        text = self.path_edit.text().strip()
        suffix = self.format_combo.currentData() or ".docx"
        if text:
            path = Path(text)
            if path.suffix.lower() in (".docx", ".pdf"):
                self.path_edit.setText(str(path.with_suffix(suffix)))

    def is_busy(self) -> bool:
        """True while a document is being rendered."""
        return self._busy

    def start_export(self) -> None:
        """Render the document on a worker thread."""
        if self._busy:
            return
        if not self.path_edit.text().strip():
            self._show_error(self.tr("保存先のファイル名を入力してください。"))
            return
        out = self.output_path()
        if not self._may_write(out):
            return
        self._set_busy(True)
        self.status.setStyleSheet("")
        self._set_status(self.tr("出力しています…"))
        task = _RenderTask(copy.deepcopy(self._plan), out, self.pack_combo.currentData(),
                           self.include_checks.isChecked(), self._relay, self._lang,
                           self.final_check.isChecked())
        self._pool.start(task)

    def _may_write(self, out: Path) -> bool:
        """False, with the reason shown, for a place nothing may be written: the open plan
        itself, a folder, a read-only or special file (as ``planner render`` refuses)."""
        from planner.sandbox.parent import refuse_output

        try:
            refuse_output(out, (self._plan_path,))
        except PlannerError as exc:
            self._show_error(exc.message(self._lang))
            return False
        return True

    def wait_done(self, msecs: int = 60000) -> bool:
        """Block until the rendering thread ends (for tests and shutdown)."""
        return self._pool.waitForDone(msecs)

    def open_document(self) -> None:
        """Open the written document with the system's word processor."""
        if self._written is not None:
            self._open_url(QUrl.fromLocalFile(str(self._written)))

    def open_folder(self) -> None:
        """Open the folder holding the written document."""
        if self._written is not None:
            self._open_url(QUrl.fromLocalFile(str(self._written.parent)))

    def export_report(self) -> None:
        """Ask where, then write the check report (CSV, JSON or text by the chosen suffix)."""
        base = self._default_output()
        suggested = str(Path(base).with_name(Path(base).stem + self.tr("_点検結果") + ".csv"))
        filters = self.tr("CSV（Excel用） (*.csv);;JSON (*.json);;テキスト (*.txt)")
        chosen = self._ask_save_path(self, self.tr("点検結果の保存先"), suggested, filters)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() not in (".csv", ".json", ".txt"):
            path = path.with_name(path.name + ".csv")
        if not self._may_write(path):
            return
        try:
            text, encoding = findings_report(run_checks(self._plan), path.suffix, self._lang)
            atomic_write(path, text.encode(encoding))
        except OSError as exc:
            self._show_error(user_error_message(exc, self._lang) or str(exc))
            return
        self.status.setStyleSheet("")
        self._set_status(self.tr("点検結果を出力しました: {0}").format(path))
        self.report_written.emit(str(path))

    # --- outcomes ---------------------------------------------------------------------

    def _browse(self) -> None:
        pdf = self.format_combo.currentData() == ".pdf"
        filters = self.tr("PDF (*.pdf)") if pdf else self.tr("Word文書 (*.docx)")
        chosen = self._ask_save_path(self, self.tr("文書の保存先"), self.path_edit.text(), filters)
        if chosen:
            self.path_edit.setText(chosen)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        for widget in (self.export_button, self.report_button, self.pack_combo, self.path_edit,
                       self.browse_button, self.include_checks, self.final_check,
                       self.format_combo, self.close_button):
            widget.setEnabled(not busy)

    def _on_done(self, path: str, notices: str = "") -> None:
        self._set_busy(False)
        self._written = Path(path)
        self.status.setStyleSheet("")
        done = self.tr("出力しました: {0}").format(path)
        self._set_status(f"{done}\n{notices}" if notices else done)
        for button in (self.open_button, self.folder_button):
            button.show()
        self.open_button.setFocus()
        self.exported.emit(path)

    def _on_failed(self, message: str) -> None:
        self._set_busy(False)
        self._show_error(self.tr("出力できませんでした。{0}").format(message))

    def _show_error(self, message: str) -> None:
        self.status.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self._set_status(message)

    def _set_status(self, text: str) -> None:
        """Show ``text`` below the form and grow the dialog if it no longer fits."""
        self.status.setText(text)
        layout = self.layout()
        needed = layout.totalHeightForWidth(self.width()) \
            if layout is not None and layout.hasHeightForWidth() else self.sizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def reject(self) -> None:
        """Close, except while rendering (the worker still writes the file)."""
        if not self._busy:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Refuse to close mid-render."""
        if self._busy:
            event.ignore()
        else:
            super().closeEvent(event)


def _safe_name(name: str) -> str:
    """A file name without characters Windows refuses."""
    return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in name) or "plan"
