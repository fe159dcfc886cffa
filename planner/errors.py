"""Errors the user can act on, and how the command line words them.

Every error a person can cause (a bad file, a missing folder, an unwritable output)
becomes one clear message in their language; only bugs carry tracebacks, and only
with ``--debug``.
"""

from __future__ import annotations

from planner.plan.bilingual import Text


class PlannerError(Exception):
    """A user-facing error with a message in Japanese and English."""

    def __init__(self, message_ja: str, message_en: str | None = None) -> None:
        super().__init__(message_en or message_ja)
        self.text = Text(message_ja, message_en or message_ja)

    @property
    def message_ja(self) -> str:
        """The Japanese message (for a child process's JSON reply and chained errors)."""
        return self.text.ja

    @property
    def message_en(self) -> str:
        """The English message."""
        return self.text.en

    def message(self, lang: str = "ja") -> str:
        """The message in ``lang``."""
        return self.text.get(lang)


def user_error_message(exc: BaseException, lang: str = "ja") -> str | None:
    """One clear message for ``exc``; the CLI prints it and exits 2.

    A PlannerError words itself (``message``), so this module needs no subclass of it.
    """
    if isinstance(exc, PlannerError):
        return exc.message(lang)
    if isinstance(exc, OSError):
        name = exc.filename or ""
        reason = exc.strerror or str(exc)
        if not name:
            return reason
        return Text(f"{name}: ファイルを読み書きできません（{reason}）", f"{name}: {reason}").get(lang)
    return Text(f"内部エラーが発生しました（{type(exc).__name__}: {exc}）。--debug を付けて再実行し、報告してください。",
                f"Internal error ({type(exc).__name__}: {exc}). Run again with --debug and report it."
                ).get(lang)
