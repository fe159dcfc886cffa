"""Recovery copies of unsaved plans, kept in the user's application-data folder.

While a plan has unsaved edits, the UI writes its whole text here every few seconds. A
normal close removes the copy; a crash leaves it, and the next start offers it back.

Layout: ``<app data>/recovery/<slot>.json``, one file per open document, holding the plan
text (``planner.planfile.dumps_plan_compact``: JSON, which is YAML) with who wrote it, when, and
for which file. One file per copy means one atomic replace per save: a crash in the middle
of writing leaves the previous copy whole. Never the temp folder: Windows' disk cleanup
and many "clean temp" policies empty it, which would lose the copy exactly when it matters.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from planner import __version__
from planner._process import current_host, current_user, process_gone, process_start_time
from planner.appdirs import APP_NAME
from planner.atomic import atomic_write
from planner.errors import PlannerError
from planner.model import Plan
from planner.planfile import dumps_plan_compact, loads_plan

FORMAT = "planner-recovery"
FORMAT_VERSION = 1


class RecoveryError(PlannerError):
    """A recovery copy exists but cannot be used."""


@dataclass(frozen=True)
class RecoveryEntry:
    """One recovery copy on disk and what its metadata says about it."""

    slot: str
    file: Path
    original_path: Path | None
    saved_at: datetime
    pid: int
    started: float | None
    host: str
    user: str
    title: str
    #: SHA-256 of the original file as the crashed session had opened or last saved it, so
    #: a change made on disk after the crash is noticed before the recovered plan is saved.
    original_sha256: str | None = None

    def describe(self, lang: str = "ja") -> str:
        """One line for the recovery offer: which plan, saved when."""
        when = self.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        name = str(self.original_path) if self.original_path else None
        if lang == "en":
            return (f"{self.title or '(untitled)'}\nFile: {name or '(never saved)'}\n"
                    f"Recovery copy made {when}")
        return (f"{self.title or '（無題）'}\nファイル: {name or '（未保存の新しい計画）'}\n"
                f"{when} に保存された復旧用コピー")


class RecoveryStore:
    """Recovery copies under ``<app_data_dir>/recovery``."""

    def __init__(self, app_data_dir: str | Path) -> None:
        self.root = Path(app_data_dir) / "recovery"

    def new_slot(self) -> str:
        """A fresh name for one open document's copy."""
        return f"{os.getpid()}-{secrets.token_hex(4)}"

    def _file(self, slot: str) -> Path:
        if not slot or any(c in slot for c in "/\\:") or slot.startswith("."):
            raise ValueError(f"bad recovery slot {slot!r}")
        return self.root / f"{slot}.json"

    def save(self, slot: str, plan: Plan, original_path: str | Path | None,
             original_sha256: str | None = None) -> Path:
        """Write (or replace) the copy in ``slot`` atomically; return its file.

        ``original_sha256`` is the digest of the original file as this session knows it.
        """
        text = dumps_plan_compact(plan)
        record = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "app": f"{APP_NAME} {__version__}",
            "original_path": str(Path(original_path).resolve()) if original_path else None,
            "original_sha256": original_sha256,
            "saved_at": datetime.now().astimezone().isoformat(timespec="seconds"),
            "pid": os.getpid(),
            "started": process_start_time(os.getpid()),
            "host": current_host(),
            "user": current_user(),
            "title": plan.plan.title,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "plan_yaml": text,
        }
        target = self._file(slot)
        data = json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8")
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, data)
        return target

    def discard(self, slot: str) -> None:
        """Remove the copy in ``slot``, if any (a normal close or a declined offer)."""
        with contextlib.suppress(FileNotFoundError):
            self._file(slot).unlink()

    def entries(self) -> list[RecoveryEntry]:
        """Every readable copy, newest first (including those of running instances)."""
        if not self.root.is_dir():
            return []
        found = [e for f in self.root.glob("*.json") if (e := self._read_entry(f)) is not None]
        return sorted(found, key=lambda e: e.saved_at, reverse=True)

    def leftovers(self) -> list[RecoveryEntry]:
        """Copies whose writing process has gone: what a crash left behind."""
        return [e for e in self.entries() if self._owner_gone(e)]

    @staticmethod
    def _owner_gone(entry: RecoveryEntry) -> bool:
        if entry.host != current_host():
            # The app-data folder may roam between PCs; a copy from another PC cannot be
            # checked, and offering it is safer than hiding it.
            return True
        return process_gone(entry.pid, entry.started)

    def load(self, entry: RecoveryEntry) -> Plan:
        """The plan held in ``entry``; RecoveryError if the copy is damaged."""
        record = self._read_record(entry.file)
        text = record.get("plan_yaml") if record else None
        if not isinstance(text, str):
            raise _damaged(entry.file)
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != record.get("sha256"):
            raise _damaged(entry.file)
        return loads_plan(text, str(entry.file))

    def adopt(self, entry: RecoveryEntry, slot: str) -> None:
        """Hand ``entry``'s copy over to this process under ``slot``.

        The recovered plan is still unsaved, so its copy must live on until this session
        saves or closes normally; it is renamed rather than deleted.
        """
        plan = self.load(entry)
        original = entry.original_path
        self.save(slot, plan, original)
        if self._file(slot) != entry.file:
            with contextlib.suppress(FileNotFoundError):
                entry.file.unlink()

    def _read_entry(self, file: Path) -> RecoveryEntry | None:
        record = self._read_record(file)
        if record is None:
            return None
        try:
            original = record.get("original_path")
            return RecoveryEntry(
                slot=file.stem,
                file=file,
                original_path=Path(original) if original else None,
                saved_at=datetime.fromisoformat(record["saved_at"]),
                pid=int(record["pid"]),
                started=record.get("started"),
                host=str(record.get("host", "")),
                user=str(record.get("user", "")),
                title=str(record.get("title") or ""),
                original_sha256=record.get("original_sha256") or None,
            )
        except (KeyError, TypeError, ValueError):
            return None

    @staticmethod
    def _read_record(file: Path) -> dict | None:
        try:
            record = json.loads(file.read_bytes().decode("utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            return None
        if not isinstance(record, dict) or record.get("format") != FORMAT:
            return None
        return record


def backup_dir_for(plan_path: str | Path, app_data_dir: str | Path) -> Path:
    """Where backups of ``plan_path`` go when the setting keeps them in the app-data folder.

    One sub-folder per plan folder, so two departments' ``計画.yaml`` never share backups.
    """
    folder = Path(plan_path).resolve().parent
    key = os.path.normcase(str(folder))
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]
    name = "".join(c if c.isalnum() or c in "-_" else "_" for c in folder.name)[:40] or "root"
    return Path(app_data_dir) / "backups" / f"{name}-{digest}"


def _damaged(file: Path) -> RecoveryError:
    return RecoveryError(
        f"復旧用コピー {file} が壊れているため読み込めません。",
        f"The recovery copy {file} is damaged and cannot be read.",
    )
