"""Every question the app asks the user, behind one injectable object (git-cola style).

The window and its helpers call ``prompts.ask_save_changes(...)``, ``prompts.ask_locked(...)``
and friends; the app passes ``Prompts`` (real dialogs, parented to the main window) and
tests and screenshot scripts pass ``ScriptedPrompts`` (answers given in advance, questions
recorded), so no test needs to patch QMessageBox. Only the questions live here; the logic
that asks them lives with what it guards (``planner.ui.files``, ``planner.ui.safety``,
``planner.ui.guard``, the editors).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from planner.ui.i18n import fill, translate
from planner.ui.plain import plain_box

_MB = QMessageBox.StandardButton


def _plan_filter() -> str:
    return translate("ui", "計画ファイル (*.yaml *.yml);;すべてのファイル (*)")


class SaveAnswer(Enum):
    """Answer to "save changes before closing?"."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Choice(Enum):
    """Answers to the safety questions."""

    RECOVER = "recover"
    DISCARD = "discard"
    LATER = "later"
    READ_ONLY = "read_only"
    TAKE_OVER = "take_over"
    OVERWRITE = "overwrite"
    SAVE_AS = "save_as"
    CANCEL = "cancel"


class SafetyPrompts(Protocol):
    """The questions the file-safety logic asks (``planner.ui.safety``, ``planner.ui.guard``)."""

    def ask_recover(self, description: str) -> Choice: ...  # RECOVER | DISCARD | LATER
    def ask_locked(self, message: str, stale: bool) -> Choice: ...  # TAKE_OVER | READ_ONLY | CANCEL
    def ask_changed_on_disk(self, message: str) -> Choice: ...  # SAVE_AS | OVERWRITE | CANCEL
    def ask_save_failed(self, message: str) -> Choice: ...  # SAVE_AS | CANCEL
    def show_error(self, title: str, message: str) -> None: ...


class Prompts:
    """Real dialogs, parented to the main window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    #: Set by screenshot scripts to see each box instead of running it.
    build_only = False

    def _ask(self, icon: QMessageBox.Icon, title: str, text: str,
             buttons: list[tuple[str, Choice, QMessageBox.ButtonRole]]) -> Choice:
        box = plain_box(QMessageBox(icon, title, text, _MB.NoButton, self.parent))
        mapping: dict[QPushButton, Choice] = {}
        for label, choice, role in buttons:
            mapping[box.addButton(label, role)] = choice
        box.setDefaultButton(next(iter(mapping)))
        if self.build_only:
            self.last_box = box
            return Choice.CANCEL
        box.exec()
        clicked = box.clickedButton()
        return mapping.get(clicked, Choice.CANCEL) if isinstance(clicked, QPushButton) else Choice.CANCEL

    def ask_recover(self, description: str) -> Choice:
        """Offer a recovery copy left by a crash."""
        role = QMessageBox.ButtonRole
        return self._ask(QMessageBox.Icon.Question, translate("safety", "保存されていない変更の復旧"),
                         translate("safety", "前回、planner が正常に終了しませんでした。次の復旧用コピーがあります。")
                         + "\n\n" + description,
                         [(translate("safety", "復旧する(&R)"), Choice.RECOVER, role.AcceptRole),
                          (translate("safety", "あとで(&L)"), Choice.LATER, role.RejectRole),
                          (translate("safety", "破棄する(&D)"), Choice.DISCARD, role.DestructiveRole)])

    def ask_locked(self, message: str, stale: bool) -> Choice:
        """Someone holds the plan: read-only, take over (stale only), or cancel."""
        role = QMessageBox.ButtonRole
        buttons = [(translate("safety", "読み取り専用で開く(&R)"), Choice.READ_ONLY, role.AcceptRole)]
        if stale:
            buttons.append((translate("safety", "ロックを引き継いで編集する(&T)"), Choice.TAKE_OVER,
                            role.DestructiveRole))
        buttons.append((translate("safety", "キャンセル"), Choice.CANCEL, role.RejectRole))
        return self._ask(QMessageBox.Icon.Warning, translate("safety", "使用中の計画ファイル"), message, buttons)

    def ask_changed_on_disk(self, message: str) -> Choice:
        """The file changed since it was opened: Save As, overwrite, or cancel."""
        role = QMessageBox.ButtonRole
        return self._ask(QMessageBox.Icon.Warning, translate("safety", "ファイルが変更されています"), message,
                         [(translate("safety", "別名で保存(&A)"), Choice.SAVE_AS, role.AcceptRole),
                          (translate("safety", "上書きする(&O)"), Choice.OVERWRITE, role.DestructiveRole),
                          (translate("safety", "キャンセル"), Choice.CANCEL, role.RejectRole)])

    def ask_save_failed(self, message: str) -> Choice:
        """Saving failed: offer Save As."""
        role = QMessageBox.ButtonRole
        return self._ask(QMessageBox.Icon.Critical, translate("safety", "保存できませんでした"), message,
                         [(translate("safety", "別名で保存(&A)"), Choice.SAVE_AS, role.AcceptRole),
                          (translate("safety", "キャンセル"), Choice.CANCEL, role.RejectRole)])

    def show_error(self, title: str, message: str) -> None:
        """Tell the user something failed and what to do."""
        box = plain_box(QMessageBox(QMessageBox.Icon.Critical, title, message, _MB.Ok, self.parent))
        if self.build_only:
            self.last_box = box
            return
        box.exec()

    def ask_save_changes(self, name: str) -> SaveAnswer:
        """Ask whether to save unsaved changes to ``name``."""
        box = plain_box(QMessageBox(QMessageBox.Icon.Warning, translate("ui", "保存されていない変更"),
                                    fill(translate("ui", "「%1」への変更を保存しますか？"), name),
                                    _MB.Save | _MB.Discard | _MB.Cancel, self.parent))
        box.button(_MB.Save).setText(translate("ui", "保存する(&S)"))
        box.button(_MB.Discard).setText(translate("ui", "保存しない(&N)"))
        box.button(_MB.Cancel).setText(translate("ui", "キャンセル"))
        box.setInformativeText(translate("ui", "保存しないと、変更は失われます。"))
        box.setDefaultButton(_MB.Save)
        answer = box.exec()
        return {_MB.Save: SaveAnswer.SAVE, _MB.Discard: SaveAnswer.DISCARD}.get(
            _MB(answer), SaveAnswer.CANCEL)

    def confirm_removal(self, title: str, effects: list[str]) -> bool:
        """Confirm removing ``title``, listing the links that go with it."""
        text = fill(translate("ui", "「%1」を削除しますか？"), title)
        box = plain_box(QMessageBox(QMessageBox.Icon.Question, translate("ui", "削除の確認"), text,
                                    _MB.Yes | _MB.No, self.parent))
        box.button(_MB.Yes).setText(translate("ui", "削除する"))
        box.button(_MB.No).setText(translate("ui", "やめる"))
        if effects:
            box.setInformativeText(translate("ui", "次のつながりも外れます（元に戻す［Ctrl+Z］で戻せます）：")
                                   + "\n・" + "\n・".join(effects))
        box.setDefaultButton(_MB.No)
        return box.exec() == _MB.Yes

    def confirm_upgrade(self, message: str, details: list[str]) -> Choice:
        """Before the first save over a file of an older format: OVERWRITE it in the new
        format, SAVE_AS a copy in the new format (the old file stays as it is), or CANCEL."""
        box = plain_box(QMessageBox(QMessageBox.Icon.Question, translate("ui", "新しい形式で保存"),
                                    message, _MB.Save | _MB.Cancel, self.parent))
        box.button(_MB.Save).setText(translate("ui", "新しい形式で保存する(&S)"))
        copy = box.addButton(translate("ui", "別名で保存（元のファイルは残す）(&A)…"),
                             QMessageBox.ButtonRole.AcceptRole)
        box.button(_MB.Cancel).setText(translate("ui", "キャンセル"))
        if details:
            box.setInformativeText(translate("ui", "読み込み時に次の点を変換しました。確認してください：")
                                   + "\n・" + "\n・".join(details))
        box.setDefaultButton(_MB.Save)
        box.exec()
        if box.clickedButton() is copy:
            return Choice.SAVE_AS
        return Choice.OVERWRITE if box.clickedButton() is box.button(_MB.Save) else Choice.CANCEL

    def show_load_errors(self, path: str, messages: list[str]) -> None:
        """Explain why a plan file could not be opened, with every problem and line."""
        box = plain_box(QMessageBox(
            QMessageBox.Icon.Critical, translate("ui", "計画ファイルを開けません"),
            fill(translate("ui", "「%1」を開けませんでした。次の点を直してから開き直してください。"),
                 path), _MB.Ok, self.parent))
        if len(messages) > 8:  # 詳細を表示 only when it shows more than the box does
            box.setDetailedText("\n".join(messages))
        box.setInformativeText("\n".join(messages[:8]) + ("\n…" if len(messages) > 8 else ""))
        box.exec()

    def choose_open_path(self, folder: str) -> str | None:
        """Ask for a plan file to open."""
        path, _ = QFileDialog.getOpenFileName(self.parent, translate("ui", "計画ファイルを開く"), folder,
                                              _plan_filter())
        return path or None

    def choose_template(self, titles: list[str]) -> int | None:
        """Ask which template pack's starter plan to start from; its index or None."""
        from planner.ui.dialogs import choose_from_list

        return choose_from_list(self.parent, translate("ui", "テンプレートから新規作成"),
                                translate("ui", "もとにするテンプレート："), titles)

    def choose_save_path(self, suggested: str) -> str | None:
        """Ask where to save the plan."""
        path, _ = QFileDialog.getSaveFileName(self.parent, translate("ui", "名前を付けて保存"), suggested,
                                              _plan_filter())
        if path and not path.lower().endswith((".yaml", ".yml")):
            path += ".yaml"
        return path or None


@dataclass
class ScriptedPrompts:
    """Answers decided in advance, for tests and screenshot scripts; records every question.

    ``save_path`` is one answer given every time, or a list answered in order (then None),
    for a Save As that is asked again after a failure.
    """

    save_answer: SaveAnswer = SaveAnswer.DISCARD
    confirm: bool = True
    open_path: str | None = None
    save_path: str | list[str] | None = None
    template: int | None = 0
    recover: Choice = Choice.RECOVER
    locked: Choice = Choice.READ_ONLY
    changed: Choice = Choice.SAVE_AS
    save_failed: Choice = Choice.SAVE_AS
    upgrade: Choice = Choice.OVERWRITE
    asked: list[tuple[str, object]] = field(default_factory=list)

    def ask_save_changes(self, name: str) -> SaveAnswer:
        """Record and answer ``save_answer``."""
        self.asked.append(("save_changes", name))
        return self.save_answer

    def confirm_removal(self, title: str, effects: list[str]) -> bool:
        """Record and answer ``confirm``."""
        self.asked.append(("confirm_removal", (title, list(effects))))
        return self.confirm

    def confirm_upgrade(self, message: str, details: list[str]) -> Choice:
        """Record and answer ``upgrade``."""
        self.asked.append(("upgrade", (message, list(details))))
        return self.upgrade

    def show_load_errors(self, path: str, messages: list[str]) -> None:
        """Record the messages."""
        self.asked.append(("load_errors", (path, list(messages))))

    def choose_open_path(self, folder: str) -> str | None:
        """Answer ``open_path``."""
        self.asked.append(("open_path", folder))
        return self.open_path

    def choose_template(self, titles: list[str]) -> int | None:
        """Answer ``template``."""
        self.asked.append(("template", list(titles)))
        return self.template

    def choose_save_path(self, suggested: str) -> str | None:
        """Answer ``save_path`` (the next one, if it is a list)."""
        self.asked.append(("save_path", suggested))
        if isinstance(self.save_path, list):
            return self.save_path.pop(0) if self.save_path else None
        return self.save_path

    def ask_recover(self, description: str) -> Choice:
        """Record and answer ``recover``."""
        self.asked.append(("recover", description))
        return self.recover

    def ask_locked(self, message: str, stale: bool) -> Choice:
        """Record and answer ``locked``."""
        self.asked.append(("locked", (message, stale)))
        return self.locked

    def ask_changed_on_disk(self, message: str) -> Choice:
        """Record and answer ``changed``."""
        self.asked.append(("changed", message))
        return self.changed

    def ask_save_failed(self, message: str) -> Choice:
        """Record and answer ``save_failed``."""
        self.asked.append(("save_failed", message))
        return self.save_failed

    def show_error(self, title: str, message: str) -> None:
        """Record the error."""
        self.asked.append(("error", (title, message)))


#: What the window and its controllers ask through: real dialogs, or answers given in advance.
AppPrompts = Prompts | ScriptedPrompts
