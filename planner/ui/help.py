"""ヘルプ: the glossary, the rule reference, the keyboard shortcuts and the bundled
documents, all built from what the app ships (vocabularies, the rule registry, the
window's own actions, docs/*.md), so they work offline and never drift from the app.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from planner.files.paths import data_dir, resources_dir
from planner.plan import vocab
from planner.ui.i18n import fill, lang, translate

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow

#: Vocabularies in the glossary, in the order a plan is written.
GLOSSARY_KINDS = ("acquisition", "category", "flow", "purpose", "legal_basis",
                  "safety_measure", "license", "integrity", "format", "update_frequency",
                  "kpi_type")


def _kind_titles() -> dict[str, str]:
    return {
        "acquisition": translate("help", "取得経路（データをどこから得るか）"),
        "category": translate("help", "データの種類（個人情報かどうか）"),
        "flow": translate("help", "流れ（施策がデータをどう扱うか）"),
        "purpose": translate("help", "目的との関係"),
        "legal_basis": translate("help", "法的根拠"),
        "safety_measure": translate("help", "安全管理措置"),
        "license": translate("help", "ライセンス"),
        "integrity": translate("help", "改ざん対策"),
        "format": translate("help", "形式"),
        "update_frequency": translate("help", "更新頻度"),
        "kpi_type": translate("help", "KPIの種別"),
    }


def _field_terms() -> list[tuple[str, str]]:
    """Words of the forms that are not codes of a vocabulary."""
    return [
        (translate("help", "最小セル数"), translate(
            "help", "統計情報を公開するとき、表の中で最も人数の少ない区分（セル）の人数。"
            "3未満だと、少人数の区分から個人が特定されるおそれがあります（点検 OPN007）。")),
        (translate("help", "標準データセット"), translate(
            "help", "デジタル庁の「自治体標準オープンデータセット」。番号（01 公共施設一覧、"
            "05 子育て施設一覧 など）を付けて公開すると、他の自治体のデータと一緒に使えます。"
            "一覧はこの用語集の最後にあります。")),
        (translate("help", "保有目的"), translate(
            "help", "データを取得・保有している本来の目的。これと違う目的で使うと"
            "「目的外利用」になります。")),
        (translate("help", "KPI"), translate(
            "help", "重要業績評価指標。施策の進み具合（進捗）や成果（効果）を数値で測る指標です。")),
    ]


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td valign='top'><b>{html.escape(a)}</b></td>"
                    f"<td valign='top'>{html.escape(b)}</td></tr>" for a, b in rows)
    return f"<table cellspacing='0' cellpadding='4' border='0'>{cells}</table>"


def glossary_html() -> str:
    """用語集: every code's label and meaning, the forms' own words, the standard datasets."""
    language = lang()
    parts = [_heading(translate("help", "用語集"), 2),
             _heading(translate("help", "入力画面のことば")), _table(_field_terms())]
    titles = _kind_titles()
    for kind in GLOSSARY_KINDS:
        rows = [(t.label(language), t.label(language, "help")) for t in vocab.terms(kind)]
        parts += [_heading(titles[kind]), _table(rows)]
    parts.append(_heading(translate("help", "官民データ活用推進基本法の条項")))
    parts.append(_table([(fill(translate("help", "第%1条"), str(a.number)),
                          a.title.get(language)) for a in vocab.articles()]))
    parts.append(_heading(translate("help", "自治体標準オープンデータセット")))
    parts.append(_table([(t.code, t.label(language)) for t in vocab.standard_datasets()]))
    return "".join(parts)


def _heading(text: str, level: int = 3) -> str:
    return f"<h{level}>{html.escape(text)}</h{level}>"


def rules_html() -> str:
    """ルール一覧: every rule of the checker with its severity, what it finds, its basis
    and how to fix it (from the registry the checker runs)."""
    from planner.checks.registry import registered
    from planner.ui.severity import severity_label

    language = lang()
    severity_head, reference_head, fix_head = (
        translate("help", "重要度："), translate("help", "根拠："), translate("help", "対処："))
    parts = [_heading(translate("help", "点検ルール一覧"), 2),
             "<p>" + html.escape(translate(
                 "help", "点検の各行の「ルール」欄の記号です。法令に関する指摘は根拠条文を示します。"
                 "最終的な判断は法務担当部署に確認してください。")) + "</p>"]
    for rule in registered():
        parts.append(
            f"<h3><a name='{rule.id}'></a>{html.escape(rule.id)}　"
            f"{html.escape(rule.title(language))}</h3>"
            f"<p><b>{html.escape(severity_head)}</b>"
            f"{html.escape(severity_label(str(rule.severity)))}<br>"
            f"<b>{html.escape(reference_head)}</b>{html.escape(rule.reference(language))}<br>"
            f"<b>{html.escape(fix_head)}</b>{html.escape(rule.fix(language))}</p>")
    return "".join(parts)


def _widget_shortcuts() -> list[tuple[str, str]]:
    """Shortcuts that belong to widgets, not to menu actions (entity_editor, graph_view)."""
    return [
        ("Ctrl+Shift+N", translate("help", "一覧に項目を追加")),
        ("Ctrl+D", translate("help", "選んだ項目を複製")),
        ("Delete", translate("help", "選んだ項目を削除（一覧で）")),
        ("Alt+↑ / Alt+↓", translate("help", "選んだ項目を上へ／下へ")),
        ("Ctrl+F", translate("help", "一覧の絞り込み・点検の検索")),
        ("Tab / Shift+Tab", translate("help", "次の欄へ／前の欄へ")),
        ("Enter", translate("help", "点検の行から直す項目へ移動")),
        ("+ / − / 0", translate("help", "関係図の拡大／縮小／全体表示")),
    ]


#: A Japanese menu text's access key, 「(&E)」, which is noise in a list of shortcuts.
_MNEMONIC = re.compile(r"\(&[^)]\)")


def shortcuts_html(window: MainWindow) -> str:
    """キーボードショートカット: the window's menu actions with their keys, then the rest."""
    rows: list[tuple[str, str]] = []
    for action in window.findChildren(type(window.action_new)):
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        # 「計画書を出力(&E)」 reads 「計画書を出力」 here: the (E) is the menu's access key
        text = _MNEMONIC.sub("", action.text()).replace("&", "").split("：")[0].rstrip("…")
        if keys and text and (" / ".join(keys), text) not in rows:
            rows.append((" / ".join(keys), text))
    rows.sort(key=lambda row: row[0])
    return (_heading(translate("help", "キーボードショートカット"), 2)
            + _table(rows + _widget_shortcuts()))


def bundled_documents() -> list[tuple[str, Path]]:
    """(title, path) of the documents shipped with the app that exist here."""
    docs = data_dir("docs")
    candidates = [
        (translate("help", "サンプル計画の説明"), resources_dir() / "samples" / "README.md"),
        (translate("help", "点検ルール（詳細）"), docs / "rules.md"),
        (translate("help", "テンプレートパックの作り方"), docs / "templates.md"),
        (translate("help", "情報システム担当者向けガイド"), docs / "it-guide.md"),
        (translate("help", "インストール"), docs / "install-ja.md"),
        (translate("help", "セキュリティ"), docs / "security.md"),
    ]
    return [(title, path) for title, path in candidates if path.is_file()]


class HelpDialog(QDialog):
    """One help text in a browser (links inside it work, nothing goes online)."""

    def __init__(self, parent: QWidget | None, title: str, html_text: str = "",
                 markdown: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(title)
        if markdown:
            self.browser.setMarkdown(markdown)
        else:
            self.browser.setHtml(html_text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(translate("help", "閉じる"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("M")
        screen = parent.screen().availableGeometry() if parent is not None else None
        width, height = em * 70, em * 50
        if screen is not None:  # never larger than a 1366×768 laptop's screen
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 80)
        self.resize(width, height)
        self.setWindowModality(Qt.WindowModality.NonModal)


def show_help(window: MainWindow, title: str, html_text: str = "", markdown: str = "") -> HelpDialog:
    """Open a help text beside the window (not modal: the user can keep working)."""
    dialog = HelpDialog(window, title, html_text, markdown)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    window.help_dialog = dialog  # for tests and screenshot scripts
    return dialog
