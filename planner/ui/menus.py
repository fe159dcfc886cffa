"""The main window's menus, actions and shortcuts (ファイル・編集・表示・ヘルプ)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from planner.ui import i18n, icons, settings
from planner.ui.document import connect_while
from planner.ui.i18n import fill, translate
from planner.ui.plain import plain_tip
from planner.ui.steps import STEPS

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow

#: What a QAction's shortcut can be given as.
_Keys = QKeySequence | QKeySequence.StandardKey | str


def _action(window: QWidget, text: str, slot: Callable[[], object], shortcut: _Keys | None = None,
            icon: QIcon | None = None) -> QAction:
    action = QAction(text, window)
    if icon is not None:
        action.setIcon(icon)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_menus(window: MainWindow) -> None:
    """Create every menu and toolbar action of ``window``."""
    files = window.files
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("ui", "ファイル(&F)"))
    window.action_new = _action(window, translate("ui", "新規(&N)"), files.new_plan,
                                QKeySequence.StandardKey.New, icons.new())
    window.action_new_template = _action(window, translate("ui", "テンプレートから新規(&T)…"),
                                         files.new_from_template)
    window.action_open = _action(window, translate("ui", "開く(&O)…"), files.open_dialog,
                                 QKeySequence.StandardKey.Open, icons.open_())
    window.action_save = _action(window, translate("ui", "上書き保存(&S)"), files.save,
                                 QKeySequence.StandardKey.Save, icons.save())
    window.action_save_as = _action(window, translate("ui", "名前を付けて保存(&A)…"), files.save_as,
                                    QKeySequence("Ctrl+Shift+S"))
    window.action_export = _action(window, translate("ui", "計画書を出力(&E)…"), window.export_document,
                                   QKeySequence("Ctrl+E"), icons.export())
    window.action_quit = _action(window, translate("ui", "終了(&X)"), window.close,
                                 QKeySequence("Ctrl+Q"))
    window.recent_menu = QMenu(translate("ui", "最近使ったファイル(&R)"), window)
    window.action_start_page = _action(window, translate("ui", "スタートページ(&P)"),
                                       window.show_start_page)
    file_menu.addActions([window.action_new, window.action_new_template, window.action_open])
    file_menu.addMenu(window.recent_menu)
    file_menu.addSeparator()
    file_menu.addActions([window.action_save, window.action_save_as])
    file_menu.addSeparator()
    file_menu.addAction(window.action_export)
    file_menu.addSeparator()
    file_menu.addAction(window.action_start_page)
    file_menu.addSeparator()
    file_menu.addAction(window.action_quit)
    window.recent_menu.aboutToShow.connect(lambda: _fill_recent(window))
    connect_while(window.recent_menu, files.recent_changed, lambda: _fill_recent(window))
    _fill_recent(window)

    edit_menu = bar.addMenu(translate("ui", "編集(&E)"))
    doc = window.doc
    window.action_undo = _undo_action(window, translate("ui", "元に戻す"), doc.undo,
                                      doc.undo_stack.canUndoChanged,
                                      doc.undo_stack.undoTextChanged, doc.undo_stack.canUndo,
                                      doc.undo_stack.undoText)
    window.action_undo.setShortcut(QKeySequence.StandardKey.Undo)
    window.action_undo.setIcon(icons.undo())
    window.action_redo = _undo_action(window, translate("ui", "やり直し"), doc.redo,
                                      doc.undo_stack.canRedoChanged,
                                      doc.undo_stack.redoTextChanged, doc.undo_stack.canRedo,
                                      doc.undo_stack.redoText)
    # Ctrl+Y is what Japanese Windows users expect; Ctrl+Shift+Z works too.
    window.action_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    window.action_redo.setIcon(icons.redo())
    edit_menu.addActions([window.action_undo, window.action_redo])

    view_menu = bar.addMenu(translate("ui", "表示(&V)"))
    window.step_actions = []
    for n, step in enumerate(STEPS):
        action = _action(window, fill(translate("ui", "%1. %2"), str(n + 1), step.title()),
                         partial(window.go_to_step, n), QKeySequence(f"Ctrl+{n + 1}"))
        view_menu.addAction(action)
        window.step_actions.append(action)
    view_menu.addSeparator()
    toggle = window.graph_dock.toggleViewAction()
    toggle.setText(translate("ui", "関係図(&G)"))
    toggle.setShortcut(QKeySequence("Ctrl+G"))
    view_menu.addAction(toggle)
    view_menu.addMenu(_language_menu(window))

    help_menu = bar.addMenu(translate("ui", "ヘルプ(&H)"))
    _fill_help(window, help_menu)

    toolbar = window.addToolBar(translate("ui", "基本操作"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    # Toolbar buttons show a short name: "新規", not the menu's "新規(N)".
    for action, short in ((window.action_new, translate("ui", "新規")),
                          (window.action_open, translate("ui", "開く")),
                          (window.action_save, translate("ui", "上書き保存")),
                          (window.action_undo, translate("ui", "元に戻す")),
                          (window.action_redo, translate("ui", "やり直し")),
                          (window.action_export, translate("ui", "計画書を出力")),
                          (toggle, translate("ui", "関係図"))):
        action.setIconText(short)
        key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(fill(translate("ui", "%1（%2）"), short, key)
                          if key else short)
    toolbar.addActions([window.action_new, window.action_open, window.action_save])
    toolbar.addSeparator()
    toolbar.addActions([window.action_undo, window.action_redo])
    toolbar.addSeparator()
    toolbar.addAction(window.action_export)
    toolbar.addAction(toggle)


def _undo_action(window: MainWindow, verb: str, slot: Callable[[], object],
                 can_changed: SignalInstance, text_changed: SignalInstance,
                 can: Callable[[], bool], text: Callable[[], str]) -> QAction:
    """元に戻す / やり直し, named after the step (「元に戻す：「根拠」の変更」).

    Why not QUndoStack.createUndoAction: its action calls the stack directly, and the
    document's undo also brings the user to the field it changes.
    """
    action = _action(window, verb, slot)

    def show_text(step: str) -> None:
        action.setText(fill(translate("ui", "%1：%2"), verb, step)
                       if step else verb)

    # The signals' own values, never a call back into a stack that may be going away.
    can_changed.connect(action.setEnabled)
    connect_while(action, text_changed, show_text)
    action.setEnabled(can())
    show_text(text())
    return action


def _fill_help(window: MainWindow, menu: QMenu) -> None:
    """ヘルプ: the sample, the glossary, the rules, the shortcuts, the bundled documents."""
    from planner.ui import help as helps

    window.action_sample = _action(window, translate("ui", "サンプルを見る(&S)"), window.open_sample)
    window.action_glossary = _action(
        window, translate("ui", "用語集(&G)"),
        lambda: helps.show_help(window, translate("ui", "用語集"), helps.glossary_html()),
        QKeySequence.StandardKey.HelpContents)
    window.action_rules = _action(
        window, translate("ui", "点検ルール一覧(&R)"),
        lambda: helps.show_help(window, translate("ui", "点検ルール一覧"), helps.rules_html()))
    window.action_shortcuts = _action(
        window, translate("ui", "キーボードショートカット(&K)"),
        lambda: helps.show_help(window, translate("ui", "キーボードショートカット"),
                                helps.shortcuts_html(window)))
    menu.addActions([window.action_sample, window.action_glossary, window.action_rules,
                     window.action_shortcuts])
    documents = menu.addMenu(translate("ui", "同梱の文書(&D)"))
    def show_document(title: str, path: Path) -> Callable[[], object]:
        return lambda: helps.show_help(window, title, markdown=path.read_text(encoding="utf-8"))

    for title, path in helps.bundled_documents():
        documents.addAction(_action(window, title, show_document(title, path)))
    documents.setEnabled(not documents.isEmpty())
    menu.addSeparator()
    menu.addAction(_action(window, translate("ui", "このアプリについて(&A)"), lambda: _about(window)))


def _fill_recent(window: MainWindow) -> None:
    menu = window.recent_menu
    menu.clear()
    recent = window.files.recent()
    for n, path in enumerate(recent, start=1):
        menu.addAction(_action(window, f"&{n} {Path(path).name}",
                               partial(window.files.open_path, path)))
        menu.actions()[-1].setToolTip(plain_tip(path))
    menu.setEnabled(bool(recent))


def _language_menu(window: MainWindow) -> QMenu:
    # Both languages, never translated: whoever switched by mistake must find the way back.
    menu = QMenu("言語 / Language (&L)", window)
    window.language_menu = menu
    group = QActionGroup(menu)
    current = i18n.lang()
    for code, label in (("ja", "日本語"), ("en", "English")):
        action = QAction(label, menu, checkable=True)
        action.setChecked(code == current)
        action.triggered.connect(lambda _c=False, code=code: _set_language(window, code))
        group.addAction(action)
        menu.addAction(action)
    return menu


def _set_language(window: MainWindow, code: str) -> None:
    """Switch at once (no restart, nothing to read in a language one may not read)."""
    settings.set("ui/language", code)
    if code != i18n.lang():
        window.retranslate(code)


def _about(window: MainWindow) -> None:
    from planner import __version__

    QMessageBox.about(window, translate("ui", "このアプリについて"), fill(translate("ui",
        "官民データ活用推進計画 作成支援 %1\n\n地域課題から施策・データ・KPIまでを順にたどって"
        "計画を作り、点検し、計画書（.docx）を出力します。点検結果は法務担当課と確認するための"
        "手がかりであり、法的助言ではありません。"), __version__))
