"""File handling for the main window: new, open, save, save as, recent files.

Every question goes through the prompts object; every failure becomes a message with
what to do, never a traceback, and a file that fails to load never replaces the plan.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from planner.errors import PlannerError
from planner.model import Plan, PlanInfo
from planner.ui import settings
from planner.ui.document import PlanDocument
from planner.ui.i18n import lang, translate
from planner.ui.interaction import SaveAnswer


def empty_plan() -> Plan:
    """A new, empty plan with a placeholder title the user will overwrite."""
    return Plan(plan=PlanInfo(title=translate("ui", "新しい官民データ活用推進計画")))


class FileController(QObject):
    """New / Open / Save / Save As / recent files over one PlanDocument."""

    recent_changed = Signal()

    def __init__(self, doc: PlanDocument, prompts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc, self.prompts = doc, prompts

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
        return True

    def new_from_template(self) -> bool:
        """Start from a template pack's starter plan (unsaved, untitled)."""
        from planner.planfile import load_plan
        from planner.render.packs import list_packs

        packs = [p for p in list_packs() if p.starter_plan_path.is_file()]
        if not packs:
            self.prompts.show_error(translate("ui", "テンプレート"), translate("ui", "使えるテンプレートがありません。"))
            return False
        choice = self.prompts.choose_template([p.title(lang()) for p in packs])
        if choice is None or not self.maybe_save():
            return False
        try:
            plan = load_plan(packs[choice].starter_plan_path)
        except Exception as exc:  # noqa: BLE001 - a broken pack must not crash the app
            self._report_load_error(str(packs[choice].starter_plan_path), exc)
            return False
        self.doc.replace(plan)
        return True

    def open_dialog(self) -> bool:
        """Ask for a file and open it."""
        if not self.maybe_save():
            return False
        path = self.prompts.choose_open_path(settings.get("files/last_dir"))
        return bool(path) and self.open_path(path, ask=False)

    def open_path(self, path: str | Path, ask: bool = True) -> bool:
        """Open ``path``; on failure show the loader's messages and keep the current plan."""
        from planner.planfile import load_plan

        if ask and not self.maybe_save():
            return False
        try:
            plan = load_plan(path)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a dialog
            self._report_load_error(str(path), exc)
            return False
        self.doc.replace(plan, Path(path))
        self._remember(Path(path))
        return True

    def _report_load_error(self, path: str, exc: BaseException) -> None:
        from planner.errors import user_error_message
        from planner.planfile import PlanFileError

        if isinstance(exc, PlanFileError):
            messages = [p.format(lang()) for p in exc.problems] or [str(exc)]
        else:
            messages = [user_error_message(exc, lang()) or str(exc)]
        self.prompts.show_load_errors(path, messages)

    # -- save ------------------------------------------------------------------------
    def save(self) -> bool:
        """Save to the current file, or ask where for a new plan."""
        if self.doc.path is None:
            return self.save_as()
        return self._write(self.doc.path)

    def save_as(self) -> bool:
        """Ask for a file name and save there."""
        folder = Path(settings.get("files/last_dir") or Path.home())
        suggested = self.doc.path or folder / f"{self.doc.plan.plan.title or 'plan'}.yaml"
        path = self.prompts.choose_save_path(str(suggested))
        return bool(path) and self._write(Path(path))

    def _write(self, path: Path) -> bool:
        from planner.errors import user_error_message
        from planner.planfile import save_plan

        try:
            save_plan(self.doc.plan, path, backups=settings.get("files/backups"))
        except (OSError, PlannerError) as exc:
            self.prompts.show_error(translate("ui", "保存できませんでした"),
                                    user_error_message(exc, lang()) or str(exc))
            return False
        self.doc.mark_saved(path)
        self._remember(path)
        return True

    # -- recent files ------------------------------------------------------------------
    def _remember(self, path: Path) -> None:
        settings.add_recent(str(path.resolve()))
        settings.set("files/last_dir", str(path.resolve().parent))
        self.recent_changed.emit()

    def recent(self) -> list[str]:
        """Recent files that still exist, newest first."""
        return [p for p in settings.get("files/recent") if Path(p).is_file()]
