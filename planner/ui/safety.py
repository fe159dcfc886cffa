"""Qt side of "never lose a planner's work": autosave, recovery offer, locks, guarded save.

The main window wires these in; they know PlanDocument's public API and nothing of the
window. Every question goes through a prompts object (``planner.ui.prompts``: real
dialogs in the app, scripted answers in tests); this module holds only the logic.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from planner.errors import PlannerError
from planner.files.locking import (
    HEARTBEAT_S,
    FileStamp,
    LockedError,
    LockError,
    LockUnavailableError,
    PlanLock,
    acquire_lock,
    read_lock,
    take_over_lock,
)
from planner.files.planfile import save_plan
from planner.files.recovery import RecoveryEntry, RecoveryError, RecoveryStore
from planner.io.problems import FileChangedError
from planner.io.writing import ANY
from planner.plan.bilingual import Text
from planner.plan.model import Plan
from planner.ui.document import PlanDocument
from planner.ui.i18n import fill, translate
from planner.ui.prompts import Choice, SafetyPrompts

# -- autosave -------------------------------------------------------------------------------


class AutosaveController(QObject):
    """Writes a recovery copy every ``interval_s`` seconds while the document has unsaved edits.

    The copy is removed when the document becomes clean (saved, or undone back to the
    saved state) and by :meth:`close` on a normal close; a crash leaves it for next start.
    """

    #: path of the recovery copy just written.
    saved = Signal(str)
    #: a recovery copy could not be written (message in the UI language).
    failed = Signal(str)

    def __init__(self, document: PlanDocument, store: RecoveryStore, interval_s: float,
                 parent: QObject | None = None, lang: str = "ja",
                 original_digest: Callable[[], str | None] | None = None) -> None:
        super().__init__(parent or document)
        self.document = document
        # The on-disk digest the session's edits are based on (from the file guard).
        self.original_digest = original_digest or (lambda: None)
        self.store = store
        self.slot = store.new_slot()
        self.lang = lang
        self._dirty = document.is_modified()
        self._has_copy = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.save_now)
        document.changed.connect(self._on_changed)
        document.modified_changed.connect(self._on_modified_changed)
        self.set_interval(interval_s)

    def set_interval(self, interval_s: float) -> None:
        """Change the interval; 0 or less turns autosave off."""
        self._timer.stop()
        if interval_s > 0:
            self._timer.start(int(interval_s * 1000))

    def _on_changed(self) -> None:
        self._dirty = True

    def _on_modified_changed(self, modified: bool) -> None:
        if not modified:
            self.discard()

    def save_now(self) -> bool:
        """Write the copy now if there are edits it does not hold yet; True if written."""
        if not (self.document.is_modified() and (self._dirty or not self._has_copy)):
            return False
        try:
            written = self.store.save(self.slot, self.document.plan, self.document.path,
                                      self.original_digest())
        except Exception as exc:  # noqa: BLE001 - any failure must be said (security.md T7)
            # Never interrupt typing with a dialog; the window shows this in its status bar.
            reason = (getattr(exc, "strerror", None) or str(exc) or type(exc).__name__)
            self.failed.emit(fill(translate("safety", "復旧用コピーを保存できません（%1）"), reason))
            return False
        self._dirty = False
        self._has_copy = True
        self.saved.emit(str(written))
        return True

    def adopt(self, entry: RecoveryEntry) -> None:
        """Take over a recovered copy so it lives on until this session saves or closes."""
        self.store.adopt(entry, self.slot)
        self._has_copy = True
        self._dirty = False

    def discard(self) -> None:
        """Remove this document's copy (its edits are saved, or were thrown away on purpose)."""
        self.store.discard(self.slot)
        self._has_copy = False

    def close(self) -> None:
        """A normal close: stop the timer and remove the copy."""
        self._timer.stop()
        self.discard()


# -- recovery at start ----------------------------------------------------------------------


@dataclass
class Recovered:
    """A plan brought back from a recovery copy, with the file it belongs to."""

    plan: Plan
    original_path: Path | None
    entry: RecoveryEntry


def offer_recovery(store: RecoveryStore, prompts: SafetyPrompts, lang: str = "ja") -> Recovered | None:
    """At start: offer each copy a crash left behind, newest first; return the one recovered."""
    for entry in store.leftovers():
        choice = prompts.ask_recover(entry.describe(lang))
        if choice is Choice.DISCARD:
            store.discard(entry.slot)
        elif choice is Choice.RECOVER:
            try:
                return Recovered(store.load(entry), entry.original_path, entry)
            except (RecoveryError, PlannerError) as exc:
                prompts.show_error(translate("safety", "復旧できません"), exc.message(lang))
        # LATER: keep it for the next start
    return None


def restore(document: PlanDocument, autosave: AutosaveController, recovered: Recovered) -> None:
    """Put the recovered plan in the document as *unsaved* edits of its original file."""
    document.replace(recovered.plan, recovered.original_path)
    document.undo_stack.resetClean()  # modified until saved; undo cannot make it "clean"
    autosave.adopt(recovered.entry)


# -- locks ------------------------------------------------------------------------------------


@dataclass
class OpenGrant:
    """How a plan may be opened: with our lock, or read-only."""

    lock: PlanLock | None
    read_only: bool
    messages: list[str] = field(default_factory=list)


def lock_for_opening(path: Path, prompts: SafetyPrompts, lang: str = "ja") -> OpenGrant | None:
    """Lock ``path`` for editing, asking the user on conflict; None if they cancel."""
    try:
        return OpenGrant(acquire_lock(path), read_only=False)
    except LockUnavailableError as exc:
        prompts.show_error(translate("safety", "読み取り専用で開きます"), exc.message(lang))
        return OpenGrant(None, read_only=True, messages=[exc.message(lang)])
    except LockedError as exc:
        return _resolve_conflict(path, exc, prompts, lang)


def _resolve_conflict(path: Path, exc: LockedError, prompts: SafetyPrompts,
                      lang: str) -> OpenGrant | None:
    choice = prompts.ask_locked(exc.message(lang), exc.stale)
    if choice is Choice.TAKE_OVER and exc.stale:
        try:
            return OpenGrant(take_over_lock(path, exc.info), read_only=False)
        except LockError as again:
            prompts.show_error(translate("safety", "ロックを引き継げません"), again.message(lang))
            why = _held_by(path, again, lang) if isinstance(again, LockedError) else \
                again.message(lang)
            return OpenGrant(None, read_only=True, messages=[why])
    if choice in (Choice.READ_ONLY, Choice.TAKE_OVER):
        return OpenGrant(None, read_only=True, messages=[_held_by(path, exc, lang)])
    return None


def _held_by(path: Path, exc: LockedError, lang: str) -> str:
    """Who has the plan, for the read-only banner (the dialog's text also offers choices)."""
    return fill(translate("safety", "%1 は %2 が開いたままです（異常終了で残ったロックの可能性があります）。")
                if exc.stale else translate("safety", "%1 は %2 が編集中です。"),
                path.name, exc.info.describe(lang))


class LockHeartbeat(QObject):
    """Refreshes our lock every HEARTBEAT_S seconds; ``lost`` says if someone took it."""

    lost = Signal(str)

    def __init__(self, lock: PlanLock, parent: QObject | None = None, lang: str = "ja",
                 interval_s: float = HEARTBEAT_S) -> None:
        super().__init__(parent)
        self.lock = lock
        self.lang = lang
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.beat)
        self._timer.start(int(interval_s * 1000))

    def beat(self) -> None:
        """Rewrite the heartbeat; emit ``lost`` once if the lock is no longer ours."""
        try:
            self.lock.refresh()
        except LockError as exc:
            self._timer.stop()
            self.lost.emit(exc.message(self.lang))
        except OSError:
            pass  # the share is briefly away; the next beat tries again

    def release(self) -> None:
        """Stop beating and remove the lock (a normal close)."""
        self._timer.stop()
        with contextlib.suppress(OSError):
            self.lock.release()


# -- guarded save -----------------------------------------------------------------------------


class SaveResult(Enum):
    """What happened to a save request."""

    SAVED = "saved"
    SAVE_AS = "save_as"  # the caller should now ask for another path and call again
    CANCELLED = "cancelled"


def guarded_save(document: PlanDocument, path: Path, prompts: SafetyPrompts, *,
                 stamp: FileStamp | None, lock: PlanLock | None = None, backups: int = 1,
                 backup_dir: Path | None = None, lang: str = "ja") -> tuple[SaveResult, FileStamp | None]:
    """Save unless the file changed on disk or our lock is gone; on failure offer Save As.

    Returns the result and the new stamp (unchanged if not saved). Whatever happens, the
    plan in memory is untouched and, until a save succeeds, so is its recovery copy.
    """
    path = Path(path)
    expected: str | None = ANY
    if stamp is not None and stamp.path == path:
        expected = stamp.sha256
        try:
            stamp.check_before_save()
        except FileChangedError as exc:
            if (answer := _unless_overwriting(prompts, exc, lang)) is not None:
                return answer, stamp
            expected = _digest_now(path)
    if lock is not None and lock.plan_path == path and not lock.still_ours():
        prompts.show_error(translate("safety", "編集ロックが失われました"), _lost_message(path, lang))
        return SaveResult.SAVE_AS, stamp
    foreign = read_lock(path) if lock is None or lock.plan_path != path else None
    if foreign is not None and not foreign.is_stale():
        # Save As onto a plan someone else has open would destroy their session's base.
        prompts.show_error(translate("safety", "使用中の計画ファイル"), LockedError(path, foreign).message(lang))
        return SaveResult.SAVE_AS, stamp
    while True:
        try:
            # The stamp is checked again at the very moment of the replace (security.md T2).
            # Comments come from the file the plan was opened from (Save As keeps them), never
            # from an unrelated file a Save As replaces.
            source = document.path if document.path is not None else False
            written = save_plan(document.plan, path, backups=backups, backup_dir=backup_dir,
                                expected_sha256=expected, comments_from=source)
            break
        except FileChangedError as exc:
            if (answer := _unless_overwriting(prompts, exc, lang)) is not None:
                return answer, stamp
            expected = _digest_now(path)
        except (PlannerError, OSError) as exc:
            message = exc.message(lang) if isinstance(exc, PlannerError) else _os_message(exc, lang)
            return _result_of(prompts.ask_save_failed(message)), stamp
    document.mark_saved(path)
    try:
        stamp = FileStamp.of_bytes(path, written)
    except OSError:  # saved, but gone already (a sync client moved it): compare nothing
        stamp = None
    return SaveResult.SAVED, stamp


def _unless_overwriting(prompts: SafetyPrompts, exc: FileChangedError,
                        lang: str) -> SaveResult | None:
    """Ask what to do about a file changed on disk: None to overwrite it, else the result."""
    choice = prompts.ask_changed_on_disk(exc.message(lang))
    return None if choice is Choice.OVERWRITE else _result_of(choice)


def _result_of(choice: Choice) -> SaveResult:
    """What a save the user did not let go ahead comes to: Save As if chosen, else cancelled."""
    return SaveResult.SAVE_AS if choice is Choice.SAVE_AS else SaveResult.CANCELLED


def _digest_now(path: Path) -> str | None:
    """SHA-256 of the file as it is now (the user chose to overwrite exactly this); None if absent."""
    try:
        return FileStamp.of(path).sha256
    except FileNotFoundError:
        return None
    except OSError:
        return ANY


def _lost_message(path: Path, lang: str) -> str:
    return Text(f"{path.name} の編集ロックを他の人が持っています。別名で保存してください。",
                f"Someone else now holds the lock on {path.name}. Save your work under another name."
                ).get(lang)


def _os_message(exc: OSError, lang: str) -> str:
    reason = exc.strerror or str(exc)
    name = exc.filename or ""
    return Text(f"{name} を保存できませんでした（{reason}）。計画は開いたままです。別名で保存してください。",
                f"Could not save {name} ({reason}). Your plan is still open; use Save As.").get(lang)
