"""The lock, heartbeat and on-disk stamp of the one file a PlanDocument is bound to.

The file controller's single point of contact with ``planner.ui.safety``: it decides
whether a plan is editable or read-only, and why (the window shows that in its title and
a banner), and every save of the window goes through :meth:`DocumentGuard.save`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from planner.files.atomic import clean_stale_temps, is_read_only
from planner.files.locking import FileStamp, LockError, PlanLock, acquire_lock
from planner.ui.document import PlanDocument
from planner.ui.i18n import translate
from planner.ui.prompts import SafetyPrompts
from planner.ui.safety import LockHeartbeat, SaveResult, guarded_save, lock_for_opening


class DocumentGuard(QObject):
    """Lock, heartbeat and on-disk stamp for the file a PlanDocument is bound to.

    The file controller loads a plan, then calls :meth:`acquire` (which may ask who has
    it), :meth:`opened` once it shows it, :meth:`save` instead of ``save_plan``, and
    :meth:`release` on New / close. ``read_only`` plans are only ever saved elsewhere.
    """

    #: our lock was taken over by someone else (message).
    lock_lost = Signal(str)
    #: read-only state or ``notice`` changed (the window updates title and banner).
    changed = Signal()

    def __init__(self, document: PlanDocument, prompts: SafetyPrompts, lang: str = "ja",
                 parent: QObject | None = None) -> None:
        super().__init__(parent or document)
        self.document, self.prompts, self.lang = document, prompts, lang
        self._notice: Callable[[], str] | None = None
        self.lock: PlanLock | None = None
        self.stamp: FileStamp | None = None
        self.path: Path | None = None
        self.read_only = False
        #: why the plan is read-only, in the UI language ('' when editable).
        self.notice = ""
        self._heartbeat: LockHeartbeat | None = None

    def acquire(self, path: str | Path) -> bool:
        """Lock ``path`` before showing it; False if the user cancels (nothing changes)."""
        path = Path(path)
        if self.lock is not None and _same_file(self.lock.plan_path, path):
            return True  # opening the file we already hold again
        if is_bundled(path):
            # The sample ships inside the program folder: never lock it, never overwrite it.
            self.release()
            self._set(path, None, True, lambda: translate(
                "safety", "これは planner に同梱のサンプルです。"
                "編集した内容は「名前を付けて保存」で保存してください。"))
            return True
        if is_read_only(path):
            # Set read-only on purpose (0444, Windows' read-only flag): never written, and
            # no lock either, as nobody may write it (security.md T9).
            self.release()
            self._set(path, None, True, lambda: translate(
                "safety", "このファイルは読み取り専用に設定されています。") + " " + translate(
                "safety", "変更は「名前を付けて保存」で別のファイルに保存できます。"))
            return True
        grant = lock_for_opening(path, self.prompts, self.lang)
        if grant is None:
            return False
        self.release()  # only now: a cancelled open keeps the current plan's lock
        notice = ""
        if grant.read_only:
            notice = " ".join(grant.messages) + " " + translate(
                "safety", "変更は「名前を付けて保存」で別のファイルに保存できます。")
        self._set(path, grant.lock, grant.read_only, notice.strip())
        if grant.lock is not None:  # the holder tidies what a killed save left (T10)
            with contextlib.suppress(OSError):
                clean_stale_temps(path)
        return True

    def hold_read_only(self, path: str | Path, notice: str) -> None:
        """Bind to ``path`` without a lock: the plan may only be saved elsewhere."""
        self.release()
        self._set(Path(path), None, True, notice)

    def opened(self, path: str | Path, stamp: FileStamp | None = None) -> None:
        """Remember the file as loaded (``stamp`` taken before reading it, if given)."""
        if stamp is None:
            with contextlib.suppress(OSError):
                stamp = FileStamp.of(path)
        self.stamp = stamp

    def save(self, path: str | Path, backups: int = 1,
             backup_dir: Path | None = None) -> SaveResult:
        """Save through :func:`guarded_save`; a read-only plan is only saved elsewhere."""
        path = Path(path)
        if self.read_only and self.path is not None and _same_file(self.path, path):
            self.prompts.show_error(translate("safety", "読み取り専用"), translate(
                "safety", "この計画は読み取り専用で開いています。別名で保存してください。"))
            return SaveResult.SAVE_AS
        result, stamp = guarded_save(self.document, path, self.prompts, stamp=self.stamp,
                                     lock=self.lock, backups=backups, backup_dir=backup_dir,
                                     lang=self.lang)
        if result is SaveResult.SAVED:
            self._moved_to(path)
            self.stamp = stamp
        return result

    def _moved_to(self, path: Path) -> None:
        """After a save: hold the saved file's lock and let go of the old one."""
        if self.lock is not None and self.lock.plan_path == path:
            return
        new_lock = None
        with contextlib.suppress(LockError, OSError):
            new_lock = acquire_lock(path)
        self.release()
        self._set(path, new_lock, False, "")

    def _set(self, path: Path, lock: PlanLock | None, read_only: bool,
             notice: str | Callable[[], str]) -> None:
        # A notice given as a function is said again in a new UI language (``retranslate``).
        self._notice = notice if callable(notice) else None
        self.path, self.lock, self.read_only = path, lock, read_only
        self.notice = notice() if callable(notice) else notice
        if lock is not None:
            self._heartbeat = LockHeartbeat(lock, self, self.lang)
            self._heartbeat.lost.connect(self._on_lost)
        self.changed.emit()

    def retranslate(self, lang: str) -> None:
        """Use ``lang`` from now on, and say the notice again in it where possible."""
        self.lang = lang
        if self._notice is not None:
            self.notice = self._notice()
            self.changed.emit()

    def _on_lost(self, message: str) -> None:
        # From now on Save means Save As: the file belongs to whoever took the lock.
        self.read_only, self.notice, self._notice = True, message, None
        self.lock_lost.emit(message)
        self.changed.emit()

    def release(self) -> None:
        """Let go of the file (New, Open another, close)."""
        if self._heartbeat is not None:
            self._heartbeat.release()
            self._heartbeat.deleteLater()
        elif self.lock is not None:
            with contextlib.suppress(OSError):
                self.lock.release()
        was = (self.path, self.read_only, self.notice)
        self.lock, self._heartbeat, self.stamp, self.path = None, None, None, None
        self.read_only, self.notice, self._notice = False, "", None
        if was != (None, False, ""):
            self.changed.emit()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


def is_bundled(path: str | Path) -> bool:
    """True for files shipped with planner (the sample plan, template starters)."""
    from planner.files.paths import resources_dir, templates_dir

    try:
        real = Path(path).resolve()
        return any(real.is_relative_to(d.resolve()) for d in (resources_dir(), templates_dir()))
    except OSError:
        return False
