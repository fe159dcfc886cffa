"""Recovery copies of unsaved plans, kept in the user's application-data folder.

While a plan has unsaved edits, the UI writes its whole text here every few seconds. A
normal close removes the copy; a crash leaves it, and the next start offers it back.

Layout: ``<app data>/recovery/<slot>.json``, one file per open document, holding the plan
text (``planner.files.planfile.dumps_plan_compact``: JSON, which is YAML) with who wrote it, when, and
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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from planner import __version__
from planner.errors import PlannerError
from planner.files.appdirs import APP_NAME
from planner.files.atomic import atomic_write
from planner.files.locking import (
    clean_name,
    encode_record,
    parse_pid,
    parse_started,
    parse_time,
    read_untrusted,
)
from planner.files.planfile import dumps_plan_compact, loads_plan
from planner.files.process import current_host, current_user, process_gone, process_start_time
from planner.plan.bilingual import Text
from planner.plan.model import Plan

FORMAT = "planner-recovery"
FORMAT_VERSION = 1
#: A recovery copy holds a whole plan (at most 20 MB) as JSON: room for escapes.
MAX_COPY_BYTES = 64 * 1024 * 1024
#: Shown in place of a time that a copy does not give in a usable form.
_UNKNOWN_TIME = datetime.fromtimestamp(0, UTC)


class RecoveryError(PlannerError):
    """A recovery copy exists but cannot be used."""


@dataclass(frozen=True)
class RecoveryEntry:
    """One recovery copy on disk and what its metadata says about it."""

    slot: str
    file: Path
    original_path: Path | None
    #: When the copy was made (aware); the epoch when the copy does not say in a usable form.
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
        try:
            when = (None if self.saved_at == _UNKNOWN_TIME
                    else self.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"))
        except (OverflowError, ValueError, OSError):
            when = None
        name = str(self.original_path) if self.original_path else None
        return Text(f"{self.title or '（無題）'}\nファイル: {name or '（未保存の新しい計画）'}\n"
                    f"{when or '（日時不明）'} に保存された復旧用コピー",
                    f"{self.title or '(untitled)'}\nFile: {name or '(never saved)'}\n"
                    f"Recovery copy made {when or '(time unknown)'}").get(lang)


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
            "sha256": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
            "plan_yaml": text,
        }
        target = self._file(slot)
        data = encode_record(record)  # names in any encoding (security.md T7)
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
        if record is None or not isinstance(text, str):
            raise _damaged(entry.file)
        if hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest() != record.get("sha256"):
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
        """The entry of ``file``; every field is untrusted (security.md T3). A copy whose
        details are odd is still offered (it may be someone's only copy of their work),
        with what cannot be used shown as unknown; only a copy without a plan is skipped."""
        record = self._read_record(file)
        if record is None or not isinstance(record.get("plan_yaml"), str):
            return None
        original = record.get("original_path")
        if not isinstance(original, str) or not original or "\0" in original:
            original = None
        digest = record.get("original_sha256")
        if not (isinstance(digest, str) and len(digest) == 64
                and all(c in "0123456789abcdef" for c in digest)):
            digest = None
        return RecoveryEntry(
            slot=file.stem,
            file=file,
            original_path=Path(original) if original else None,
            saved_at=_or(lambda: parse_time(record.get("saved_at"), assume_local=True),
                         _UNKNOWN_TIME),
            pid=_or(lambda: parse_pid(record.get("pid")), 0),
            started=_or(lambda: parse_started(record.get("started")), None),
            host=_or(lambda: clean_name(record.get("host", "")), ""),
            user=_or(lambda: clean_name(record.get("user", "")), ""),
            title=_or(lambda: clean_name(record.get("title") or "", 200), ""),
            original_sha256=digest,
        )

    @staticmethod
    def _read_record(file: Path) -> dict | None:
        raw = read_untrusted(file, MAX_COPY_BYTES)
        if not raw:
            return None
        try:
            record = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            return None
        if not isinstance(record, dict) or record.get("format") != FORMAT:
            return None
        return record


T = TypeVar("T")


def _or(parse: Callable[[], T], default: T) -> T:
    """``parse()``, or ``default`` if the value it reads is unusable."""
    try:
        return parse()
    except (ValueError, TypeError, OverflowError):
        return default


def backup_dir_for(plan_path: str | Path, app_data_dir: str | Path) -> Path:
    """Where backups of ``plan_path`` go when the setting keeps them in the app-data folder.

    One sub-folder per plan folder, so two departments' ``計画.yaml`` never share backups.
    """
    folder = Path(plan_path).resolve().parent
    key = os.path.normcase(str(folder))
    digest = hashlib.sha256(os.fsencode(key)).hexdigest()[:10]  # any name (T7)
    name = "".join(c if c.isalnum() or c in "-_" else "_" for c in folder.name)[:40] or "root"
    return Path(app_data_dir) / "backups" / f"{name}-{digest}"


def _damaged(file: Path) -> RecoveryError:
    return RecoveryError(
        f"復旧用コピー {file} が壊れているため読み込めません。",
        f"The recovery copy {file} is damaged and cannot be read.",
    )
