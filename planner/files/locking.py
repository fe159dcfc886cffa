"""Lock files beside plans on shared drives, and "changed on disk since opened" checks.

Opening ``計画.yaml`` writes ``.~lock.計画.yaml#`` beside it, as LibreOffice does, saying
who holds it (user, PC, process, since when). A second user is told who has it and may
open it read-only. The holder refreshes ``heartbeat`` every ``HEARTBEAT_S`` seconds.

A lock is *stale* (left by a crash) when either
- it was written on this PC and its process no longer runs (pid gone, or the pid now
  belongs to a process that started at a different time), or
- its heartbeat is older than ``STALE_AFTER_S`` (the holder's PC crashed, lost the network
  or slept; we cannot see processes on other PCs).
A stale lock may be taken over after the user confirms; a live one may not.

The lock is advisory: it protects people who use planner from each other. A file edited by
another program is caught by :class:`FileStamp` instead, which remembers size, mtime and
SHA-256 at open and is checked before every save.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import math
import os
import secrets
import stat
import time
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from planner import __version__
from planner.errors import PlannerError
from planner.files.appdirs import APP_NAME
from planner.files.atomic import atomic_write
from planner.files.process import current_host, current_user, process_gone, process_start_time
from planner.io.problems import FileChangedError, PlanFileError
from planner.io.reading import read_file
from planner.plan.bilingual import Text

#: How often the holder rewrites its heartbeat.
HEARTBEAT_S = 120
#: A lock whose heartbeat is older than this is stale, wherever it came from.
STALE_AFTER_S = 15 * 60
#: A takeover claim file older than this was left by a crash in the middle of a takeover.
CLAIM_ABANDONED_S = 60
#: A lock file is a few hundred bytes; anything larger is not ours and is not read.
MAX_RECORD_BYTES = 64 * 1024
#: Longest user or PC name shown from a lock or recovery file.
MAX_NAME_CHARS = 64
#: How far ahead of our clock a recorded time may be (PCs on a share disagree a little);
#: later than this it is forged or broken: a heartbeat in the year 9999 never goes stale.
FUTURE_TOLERANCE_S = 24 * 3600
#: Process ids beyond this are not real ones (Windows and Linux stay far below).
_MAX_PID = 2**32


def lock_path_for(plan_path: str | Path) -> Path:
    """``dir/.~lock.<name>#`` for the plan at ``dir/<name>``."""
    plan_path = Path(plan_path)
    return plan_path.with_name(f".~lock.{plan_path.name}#")


@dataclass(frozen=True)
class LockInfo:
    """What a lock file says about its holder."""

    user: str
    host: str
    pid: int
    started: float | None
    since: datetime
    heartbeat: datetime
    app: str
    token: str
    #: The file could not be read as a lock of ours (damaged, forged, a link): nobody can
    #: be named as its holder, and it may be taken over after the user confirms.
    unknown: bool = False

    def is_stale(self, now: datetime | None = None, stale_after_s: float = STALE_AFTER_S) -> bool:
        """True if the holder has evidently gone (see the module docstring)."""
        if self.unknown:
            return True
        now = now or datetime.now(UTC)
        if (now - self.heartbeat).total_seconds() > stale_after_s:
            return True
        try:
            return self.host == current_host() and process_gone(self.pid, self.started)
        except (OverflowError, ValueError, OSError):
            return True

    def describe(self, lang: str = "ja") -> str:
        """"user on PC since time" for the conflict message."""
        if self.unknown:
            return Text("不明な利用者（ロックファイルの内容を確認できません）",
                        "an unknown holder (the lock file cannot be read)").get(lang)
        try:
            since = self.since.astimezone().strftime("%Y-%m-%d %H:%M")
        except (OverflowError, ValueError, OSError):
            since = "?"
        if self.is_mine():
            # The same person on the same PC: naming them in the third person confuses.
            return Text(f"あなた自身（この PC で {since} から）",
                        f"you, on this PC (since {since})").get(lang)
        return Text(f"{self.user} さん（PC: {self.host}、{since} から）",
                    f"{self.user} on {self.host} (since {since})").get(lang)

    def is_mine(self) -> bool:
        """True if the holder is the current user on this PC (another window, or a crash)."""
        try:
            return not self.unknown and (self.user, self.host) == (current_user(), current_host())
        except (OSError, ValueError):
            return False


class LockError(PlannerError):
    """Base of lock problems."""


class LockedError(LockError):
    """Someone else holds the lock; ``info`` says who, ``stale`` whether it looks dead."""

    def __init__(self, plan_path: Path, info: LockInfo) -> None:
        self.plan_path = plan_path
        self.info = info
        self.stale = info.is_stale()
        who_ja, who_en = info.describe("ja"), info.describe("en")
        if self.stale:
            super().__init__(
                f"{plan_path.name} は {who_ja} が開いたままになっています。"
                "異常終了で残った可能性があります。",
                f"{plan_path.name} is marked as open by {who_en}; "
                "the lock may be left over from a crash.",
            )
        else:
            super().__init__(
                f"{plan_path.name} は {who_ja} が編集中です。読み取り専用で開くことができます。",
                f"{plan_path.name} is being edited by {who_en}. You can open it read-only.",
            )


class LockUnavailableError(LockError):
    """The lock file cannot be written (read-only folder, no permission)."""


class LockLostError(LockError):
    """Our lock was removed or taken over by someone else while the plan was open."""


def _now() -> datetime:
    return datetime.now(UTC)


def _encode(info: LockInfo) -> bytes:
    record = {
        "app": info.app,
        "user": info.user,
        "host": info.host,
        "pid": info.pid,
        "started": info.started,
        "since": info.since.isoformat(timespec="seconds"),
        "heartbeat": info.heartbeat.isoformat(timespec="seconds"),
        "token": info.token,
    }
    return encode_record(record)


def encode_record(record: dict) -> bytes:
    """JSON bytes of a lock or recovery record. A name that is not valid Unicode (a file
    name in another encoding, kept by Python as lone surrogates) is written as its JSON
    ``\\udcXX`` escape, which reads back as the same name (docs/security.md T7)."""
    text = json.dumps(record, ensure_ascii=False, indent=1) + "\n"
    return text.encode("utf-8", "backslashreplace")


def read_untrusted(file: str | Path, limit: int = MAX_RECORD_BYTES) -> bytes | None:
    """The bytes of a small record someone else may have written (lock, recovery copy).

    None if nothing is there. A link, FIFO, device, folder or anything over ``limit``
    bytes gives b"" (unusable) without being followed, opened for long or read whole
    (docs/security.md T1, T3, T6).
    """
    flags = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
             | getattr(os, "O_BINARY", 0))
    try:
        if os.name != "posix" and os.path.islink(file):
            return b""
        fd = os.open(file, flags)
    except FileNotFoundError:
        return None if not os.path.lexists(file) else b""
    except OSError:
        return b""  # a link (ELOOP), a folder, no permission: unusable
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return b""
        data = os.read(fd, limit + 1)
        while len(data) <= limit and (chunk := os.read(fd, limit + 1 - len(data))):
            data += chunk
    except OSError:
        return b""
    finally:
        os.close(fd)
    return b"" if len(data) > limit else data


def clean_name(value: object, limit: int = MAX_NAME_CHARS) -> str:
    """A name from a file, safe to show: a string, control and bidi characters dropped,
    at most ``limit`` characters; ValueError if it is not a string."""
    if not isinstance(value, str):
        raise ValueError("not a string")  # noqa: TRY004 - one error type for "unusable field"
    kept = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c
                   for c in value if unicodedata.category(c) not in ("Cf", "Cs", "Co", "Cn"))
    kept = " ".join(kept.split())
    return kept if len(kept) <= limit else kept[: limit - 1] + "…"


def parse_time(value: object, now: datetime | None = None, assume_local: bool = False) -> datetime:
    """An aware UTC time from an ISO string in a file; ValueError if it is anything else.

    Naive times are refused (or taken as local time with ``assume_local``), and so are
    times more than FUTURE_TOLERANCE_S ahead (another PC's clock may be a little ahead;
    a heartbeat in the year 9999 would otherwise never go stale).
    """
    if not isinstance(value, str) or len(value) > 64:
        raise ValueError("not a time")
    when = datetime.fromisoformat(value)
    if when.tzinfo is None or when.utcoffset() is None:
        if not assume_local:
            raise ValueError("no UTC offset")
        when = when.astimezone()
    try:
        when = when.astimezone(UTC)
    except OverflowError:
        raise ValueError("out of range") from None
    now = now or datetime.now(UTC)
    if when - now > timedelta(seconds=FUTURE_TOLERANCE_S):
        raise ValueError("in the future")
    return when


def parse_pid(value: object) -> int:
    """A plausible process id; ValueError otherwise (bools, 10**30, negatives, strings)."""
    if type(value) is not int or not 0 < value < _MAX_PID:
        raise ValueError("not a process id")
    return value


def parse_started(value: object) -> float | None:
    """A process start stamp (a finite, non-negative number) or None; ValueError otherwise."""
    if value is None:
        return None
    if not (type(value) is int or type(value) is float) or not math.isfinite(value) \
            or not 0 <= value < 1e20:
        raise ValueError("not a start time")
    return float(value)


def _unknown_holder() -> LockInfo:
    epoch = datetime.fromtimestamp(0, UTC)
    return LockInfo("?", "?", 0, None, epoch, epoch, "?", "", unknown=True)


def read_lock(plan_path: str | Path) -> LockInfo | None:
    """The lock on ``plan_path``, or None if unlocked.

    Every field is untrusted (docs/security.md T3): anything unreadable, of the wrong type
    or implausible makes an *unknown holder*, which counts as stale (a takeover is offered).
    """
    raw = read_untrusted(lock_path_for(plan_path))
    if raw is None:
        return None
    try:
        rec = json.loads(raw.decode("utf-8"))
        if not isinstance(rec, dict):
            raise ValueError("not an object")  # noqa: TRY004 - caught below with the rest
        token = rec.get("token", "")
        if not isinstance(token, str) or len(token) > 64:
            raise ValueError("bad token")
        return LockInfo(
            user=clean_name(rec["user"]),
            host=clean_name(rec["host"]),
            pid=parse_pid(rec["pid"]),
            started=parse_started(rec.get("started")),
            since=parse_time(rec["since"]),
            heartbeat=parse_time(rec["heartbeat"]),
            app=clean_name(rec.get("app", "")),
            token=token,
        )
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError,
            OverflowError, RecursionError):
        # Half-written, foreign or forged: nobody can be shown as holder.
        return _unknown_holder()


class PlanLock:
    """A lock this process holds on one plan file."""

    def __init__(self, plan_path: Path, info: LockInfo) -> None:
        self.plan_path = plan_path
        self.file = lock_path_for(plan_path)
        self.info = info

    def still_ours(self) -> bool:
        """True if the lock file on disk is still the one we wrote."""
        current = read_lock(self.plan_path)
        return current is not None and current.token == self.info.token

    def refresh(self) -> None:
        """Rewrite the heartbeat; LockLostError if someone took the lock over."""
        if not self.still_ours():
            raise _lost(self.plan_path)
        self.info = _replace_heartbeat(self.info)
        atomic_write(self.file, _encode(self.info))

    def release(self) -> None:
        """Remove the lock file if it is still ours (never someone else's)."""
        if self.still_ours():
            with contextlib.suppress(FileNotFoundError):
                self.file.unlink()


def _replace_heartbeat(info: LockInfo) -> LockInfo:
    return LockInfo(
        info.user, info.host, info.pid, info.started, info.since, _now(), info.app, info.token
    )


def _new_info() -> LockInfo:
    now = _now()
    pid = os.getpid()
    return LockInfo(
        user=current_user(),
        host=current_host(),
        pid=pid,
        started=process_start_time(pid),
        since=now,
        heartbeat=now,
        app=f"{APP_NAME} {__version__}",
        token=secrets.token_hex(8),
    )


def _lost(plan_path: Path) -> LockLostError:
    holder = read_lock(plan_path)
    who_ja = holder.describe("ja") if holder else "（なし）"
    who_en = holder.describe("en") if holder else "(nobody)"
    return LockLostError(
        f"{plan_path.name} の編集ロックが失われました（現在のロック: {who_ja}）。"
        "上書きせず、別名で保存してください。",
        f"The edit lock on {plan_path.name} was lost (now held by: {who_en}). "
        "Do not overwrite it; use Save As.",
    )


def acquire_lock(plan_path: str | Path) -> PlanLock:
    """Lock ``plan_path`` for this process.

    Raises LockedError if someone holds it (``.stale`` says whether it may be taken over)
    and LockUnavailableError if the folder does not let us write the lock.
    """
    plan_path = Path(plan_path)
    file = lock_path_for(plan_path)
    info = _new_info()
    try:
        # O_EXCL: of two people opening at the same moment, exactly one creates the lock.
        fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        holder = read_lock(plan_path)
        if holder is None:  # released between our two calls: try once more
            return acquire_lock(plan_path)
        raise LockedError(plan_path, holder) from None
    except OSError as exc:
        raise _unavailable(plan_path, exc) from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(_encode(info))
    return PlanLock(plan_path, info)


def take_over_lock(plan_path: str | Path, expected: LockInfo) -> PlanLock:
    """Replace the stale lock ``expected`` by ours, after the user confirmed.

    Raises LockedError if the lock is live, or changed meanwhile (someone else took it
    first or its holder came back). Takeovers are serialised by a claim file created with
    O_EXCL, so of two people confirming at the same moment exactly one wins (checking the
    token after writing is not enough: both can check before either writes).
    """
    plan_path = Path(plan_path)
    claim = _claim_takeover(plan_path, expected)
    try:
        current = read_lock(plan_path)
        if current is None:  # released meanwhile: an ordinary open, where O_EXCL decides
            return acquire_lock(plan_path)
        if current.token != expected.token or not current.is_stale():
            raise LockedError(plan_path, current)  # changed meanwhile, or its holder is alive
        info = _new_info()
        try:
            atomic_write(lock_path_for(plan_path), _encode(info))
        except OSError as exc:
            raise _unavailable(plan_path, exc) from None
        lock = PlanLock(plan_path, info)
        if not lock.still_ours():  # its holder came back and refreshed over ours
            raise LockedError(plan_path, read_lock(plan_path) or info)
        return lock
    finally:
        with contextlib.suppress(OSError):
            claim.unlink()


def takeover_claim_path(plan_path: str | Path) -> Path:
    """``dir/.~lock.<name>#.takeover``: exists only for the moment of a lock takeover."""
    lock = lock_path_for(plan_path)
    return lock.with_name(lock.name + ".takeover")


def _claim_takeover(plan_path: Path, expected: LockInfo) -> Path:
    """Create the takeover claim; LockedError if someone else is taking over right now."""
    claim = takeover_claim_path(plan_path)
    for _attempt in range(2):
        try:
            os.close(os.open(claim, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            return claim
        except FileExistsError:
            if not _claim_abandoned(claim):
                break
            with contextlib.suppress(OSError):  # a crash mid-takeover left it behind
                claim.unlink()
        except OSError as exc:
            raise _unavailable(plan_path, exc) from None
    raise LockedError(plan_path, read_lock(plan_path) or expected)


def _claim_abandoned(claim: Path) -> bool:
    """A takeover takes milliseconds; a claim older than CLAIM_ABANDONED_S was left by a crash."""
    try:
        return time.time() - claim.stat().st_mtime > CLAIM_ABANDONED_S
    except FileNotFoundError:
        return True  # gone already: just try again


def _unavailable(plan_path: Path, exc: OSError) -> LockUnavailableError:
    reason = exc.strerror or str(exc)
    return LockUnavailableError(
        f"{plan_path.parent} にロックファイルを作れません（{reason}）。"
        "他の人との同時編集を防げないため、読み取り専用で開きます。",
        f"Cannot create a lock file in {plan_path.parent} ({reason}). "
        "Others could edit it at the same time, so it opens read-only.",
    )


@dataclass(frozen=True)
class FileStamp:
    """Size, mtime and SHA-256 of a plan file as it was opened or last saved."""

    path: Path
    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, path: str | Path) -> FileStamp:
        """Stamp the file at ``path`` now."""
        path = Path(path)
        try:
            data = read_file(path)  # never hangs on a FIFO (security.md T6)
        except PlanFileError as exc:
            if exc.problems and exc.problems[0].code == "not_found":
                raise FileNotFoundError(errno.ENOENT, "not found", str(path)) from None
            raise OSError(errno.EINVAL, exc.message_en, str(path)) from None
        st = path.stat()
        return cls(path, st.st_size, st.st_mtime_ns, hashlib.sha256(data).hexdigest())

    @classmethod
    def read(cls, path: str | Path) -> tuple[bytes, FileStamp | None]:
        """The file's bytes (with ``read_file``'s checks and messages) and the stamp of
        exactly those bytes, so opening a plan reads it once; None if it cannot be looked at."""
        path = Path(path)
        try:
            # Before reading: a change made while we read leaves size or mtime older than
            # what we hold, so the next save compares contents (the safe direction).
            st = path.stat()
        except OSError:
            st = None
        data = read_file(path)
        if st is None:
            return data, None
        return data, cls(path, st.st_size, st.st_mtime_ns, hashlib.sha256(data).hexdigest())

    @classmethod
    def of_bytes(cls, path: str | Path, data: bytes) -> FileStamp:
        """Stamp for a file we just wrote with ``data`` (no second read)."""
        path = Path(path)
        st = path.stat()
        return cls(path, st.st_size, st.st_mtime_ns, hashlib.sha256(data).hexdigest())

    def changed_on_disk(self) -> str | None:
        """None if the file is as stamped; else "modified" or "deleted"."""
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return "deleted"
        if st.st_size == self.size and st.st_mtime_ns == self.mtime_ns:
            return None
        # Same bytes under a new mtime (touched, copied back by a sync client) is no change.
        try:
            digest = FileStamp.of(self.path).sha256
        except FileNotFoundError:
            return "deleted"
        except OSError:
            return "modified"  # now a FIFO, a folder, unreadable: not what we opened
        return None if digest == self.sha256 else "modified"

    def check_before_save(self) -> None:
        """Raise FileChangedError if the file changed since the stamp; the UI warns."""
        kind = self.changed_on_disk()
        if kind is not None:
            raise FileChangedError(self.path, kind)
