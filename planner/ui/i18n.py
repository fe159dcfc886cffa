"""UI language: Japanese is the source language; English comes from resources/i18n/*.qm.

``install`` loads the translators once at start-up; ``lang()`` tells code that renders
vocabulary labels (planner.plan.vocab) which language to ask for.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from planner.files.paths import resources_dir

LANGUAGES = ("ja", "en")
_current = "ja"
_installed: list[QTranslator] = []


def lang() -> str:
    """The current UI language, ``ja`` or ``en``."""
    return _current


def qm_dir() -> str:
    """Where the compiled translations live."""
    return str(resources_dir() / "i18n")


def install(app: QCoreApplication, language: str) -> str:
    """Load translators for ``language`` (unknown → ja); returns the language used."""
    global _current  # noqa: PLW0603 (the process has one UI language at a time)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = language if language in LANGUAGES else "ja"
    _current = language
    if language != "ja":
        ours = QTranslator(app)
        if ours.load(f"planner_{language}", qm_dir()):
            app.installTranslator(ours)
            _installed.append(ours)
    # Qt's own dialogs (file chooser, message box buttons) in the same language.
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_",
               QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return language


def translate(context: str, text: str) -> str:
    """Qt's translate; spelled ``translate("ui", "…")`` in code so pyside6-lupdate finds it."""
    return QCoreApplication.translate(context, text)


_MARKER = re.compile(r"%([1-9])")


def fill(text: str, *values: object) -> str:
    """``text`` (a translated string) with %1 … %9 replaced by ``values``, in one pass.

    One pass, so a value that itself contains "%2" is shown as typed. Values go in as plain
    text; a caller building rich text escapes them first. A marker without a value stays.
    """
    def put(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return str(values[n - 1]) if n <= len(values) else match.group(0)

    return _MARKER.sub(put, text)
