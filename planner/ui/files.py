"""File handling for the main window: new, open, save, save as, recent files.

Every question goes through the prompts object; every failure becomes a message with
what to do, never a traceback, and a file that fails to load never replaces the plan.
Opening locks the file (``DocumentGuard``: who has it, read-only, stale take-over) and
saving goes through the guard (changed on disk? lock still ours? failure → Save As).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from planner.files.appdirs import app_data_dir
from planner.files.locking import FileStamp
from planner.files.recovery import backup_dir_for
from planner.io.problems import Problem
from planner.plan.model import Plan, PlanInfo
from planner.ui import settings
from planner.ui.document import PlanDocument
from planner.ui.guard import DocumentGuard, is_bundled
from planner.ui.i18n import fill, lang, translate
from planner.ui.prompts import AppPrompts, Choice, SaveAnswer
from planner.ui.safety import SaveResult


def empty_plan() -> Plan:
    """A new, empty plan with a placeholder title the user will overwrite."""
    return Plan(plan=PlanInfo(title=translate("ui", "新しい官民データ活用推進計画")))


class FileController(QObject):
    """New / Open / Save / Save As / recent files over one PlanDocument."""

    recent_changed = Signal()

    def __init__(self, doc: PlanDocument, prompts: AppPrompts,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc, self.prompts = doc, prompts
        # Set when the open file is in an older schema_version: (version, notices), asked
        # about before the first save over it (planner.files.planfile.LoadedPlan).
        self.upgrade: tuple[int, list[Problem]] | None = None
        self.guard = DocumentGuard(doc, prompts, lang(), parent=self)

    # -- guarding unsaved work --------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask before losing unsaved changes; False means "stop, keep the plan open"."""
        if not self.doc.is_modified():
            return True
        name = self.doc.display_name() or self.doc.plan.plan.title or translate("ui", "無題")
        answer = self.prompts.ask_save_changes(name)
        if answer is SaveAnswer.SAVE:
            return self.save()
        return answer is SaveAnswer.DISCARD

    # -- new / open ------------------------------------------------------------------
    def new_plan(self) -> bool:
        """Start an empty plan."""
        if not self.maybe_save():
            return False
        self.doc.replace(empty_plan())
        self.guard.release()
        self.upgrade = None
        return True

    def new_from_template(self) -> bool:
        """Start from a template pack's starter plan (unsaved, untitled)."""
        from planner.render.packs import list_packs
        from planner.render.starter import load_starter

        packs = [p for p in list_packs() if p.starter_plan_path.is_file()]
        if not packs:
            self.prompts.show_error(translate("ui", "テンプレート"), translate("ui", "使えるテンプレートがありません。"))
            return False
        choice = self.prompts.choose_template([p.title(lang()) for p in packs])
        if choice is None or not self.maybe_save():
            return False
        try:  # confined to the pack and checked as a plan, like `planner new`
            plan = load_starter(packs[choice])
        except Exception as exc:  # noqa: BLE001 - a broken pack must not crash the app
            self._report_load_error(str(packs[choice].starter_plan_path), exc)
            return False
        self.doc.replace(plan)
        self.guard.release()
        self.upgrade = None
        return True

    def open_dialog(self) -> bool:
        """Ask for a file and open it."""
        if not self.maybe_save():
            return False
        path = self.prompts.choose_open_path(str(settings.default_folder()))
        return path is not None and path != "" and self.open_path(path, ask=False)

    def open_path(self, path: str | Path, ask: bool = True) -> bool:
        """Open ``path``; on failure show the loader's messages and keep the current plan."""
        from planner.files.planfile import loads_document

        if ask and not self.maybe_save():
            return False
        path = Path(path)
        if path.is_symlink():
            # Work on the file the link names: a save then updates that file and leaves the
            # link a link (a rename onto the link's name would replace it by a copy), and
            # everyone who opens the plan, by the link or not, meets the same lock file.
            path = path.resolve()
        try:
            data, stamp = FileStamp.read(path)  # read once: the stamp is of these bytes
            loaded = loads_document(data, str(path))
            plan = loaded.plan
        except Exception as exc:  # noqa: BLE001 - every failure becomes a dialog
            self._report_load_error(str(path), exc)
            return False
        if not self.guard.acquire(path):  # someone has it and the user cancelled
            return False
        self.doc.replace(plan, path)
        self.guard.opened(path, stamp)
        migrated_from = loaded.migrated_from  # (None: the file is in the current version)
        self.upgrade = (migrated_from, loaded.notices) if migrated_from is not None else None
        self._remember(path)
        return True

    def _report_load_error(self, path: str, exc: BaseException) -> None:
        from planner.errors import user_error_message
        from planner.files.planfile import PlanFileError

        if isinstance(exc, PlanFileError):
            # The dialog names the file once; each line says where in it and what to fix.
            messages = [_located(p) for p in exc.problems] or [str(exc)]
        else:
            messages = [user_error_message(exc, lang()) or str(exc)]
        self.prompts.show_load_errors(path, messages)

    # -- save ------------------------------------------------------------------------
    def save(self) -> bool:
        """Save to the current file; ask where for a new or read-only plan."""
        if self.doc.path is None or self.guard.read_only:
            return self.save_as()
        if self.upgrade is not None:
            choice = self._confirm_upgrade(*self.upgrade)
            if choice is Choice.SAVE_AS:  # a copy in the new format; the old file stays
                return self.save_as()
            if choice is not Choice.OVERWRITE:
                return False
        result = self._write(self.doc.path)
        return self.save_as() if result is SaveResult.SAVE_AS else result is SaveResult.SAVED

    def save_as(self) -> bool:
        """Ask for a file name and save there; asked again if that place fails."""
        while True:
            path = self.prompts.choose_save_path(str(self._suggested_path()))
            if not path:
                return False
            result = self._write(Path(path))
            if result is not SaveResult.SAVE_AS:
                return result is SaveResult.SAVED

    def _suggested_path(self) -> Path:
        folder = settings.default_folder()
        current = self.doc.path
        if current is None:
            return folder / f"{self.doc.plan.plan.title or 'plan'}.yaml"
        if self.guard.read_only:  # not the file someone else has open
            stem = fill(translate("ui", "%1のコピー"), current.stem)
            base = folder if is_bundled(current) else current.parent  # not Program Files
            return base / f"{stem}{current.suffix}"
        return current

    def _write(self, path: Path) -> SaveResult:
        backup_dir = None
        if settings.get("files/backup_location") == "app_data":
            backup_dir = backup_dir_for(path, app_data_dir())
        result = self.guard.save(path, backups=max(0, settings.get("files/backups")),
                                 backup_dir=backup_dir)
        if result is SaveResult.SAVED:
            self._remember(path)
            self.upgrade = None  # the file (or its copy) is now in the current version
        return result

    def _confirm_upgrade(self, version: int, notices: list[Problem]) -> Choice:
        """Before the first save over a file of an older version: say what changes."""
        from planner.files.planfile import SUPPORTED_SCHEMA_VERSION

        message = fill(translate("ui", "この計画ファイルは以前の形式（schema_version %1）で書かれています。"
                                 "保存すると新しい形式（schema_version %2）で書き込まれ、以前の planner では"
                                 "開けなくなります。保存前のファイルはバックアップに残ります。"),
                       version, SUPPORTED_SCHEMA_VERSION)
        details = [_located(n) for n in notices if n.code != "migrated"]
        return self.prompts.confirm_upgrade(message, details)

    # -- recent files ------------------------------------------------------------------
    def _remember(self, path: Path) -> None:
        settings.add_recent(str(path.resolve()))
        if not is_bundled(path):  # the install folder is no place to suggest saving in
            settings.set("files/last_dir", str(path.resolve().parent))
        self.recent_changed.emit()

    def recent(self) -> list[str]:
        """Recent files that still exist, newest first."""
        return [p for p in settings.get("files/recent") if Path(p).is_file()]


def _located(problem: Problem) -> str:
    """``8行目: 施策 M-1『…』: message`` (the file is already in the dialog's text)."""
    if problem.line is None:
        return problem.text(lang())
    return fill(translate("ui", "%1行目: %2"), problem.line, problem.text(lang()))
