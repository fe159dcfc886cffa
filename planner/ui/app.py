"""Start the desktop app: QApplication, language, Japanese UI font, main window."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from planner.ui import i18n, settings

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow
    from planner.ui.prompts import AppPrompts

# Japanese UI fonts in order of preference (Windows first; Noto CJK elsewhere).
UI_FONTS = ("Yu Gothic UI", "Meiryo UI", "Meiryo", "Noto Sans CJK JP", "Noto Sans JP")


def ui_font() -> QFont:
    """The application font: an explicit Japanese UI font, never a Chinese fallback."""
    font = QFont(QApplication.font())
    available = set(QFontDatabase.families())
    families = [f for f in UI_FONTS if f in available]
    if families:
        font.setFamilies(families)
    if sys.platform == "win32":
        font.setPointSize(9)  # the Windows UI size; Qt scales it with the display setting
    return font


def application() -> QApplication:
    """The running QApplication (Qt's ``instance()`` is typed as the core application)."""
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("no QApplication: create_application() comes first")
    if not isinstance(app, QApplication):
        raise TypeError("a QCoreApplication runs: the app needs a QApplication")
    return app


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with language, font and high-DPI policy set (reused if it exists)."""
    if QApplication.instance() is None:
        # Fractional scaling (125 %, 150 %) without rounding, so text stays crisp.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        QApplication(argv if argv is not None else sys.argv[:1])
    app = application()
    app.setApplicationName("planner")
    app.setOrganizationName("planner")
    i18n.install(app, settings.get("ui/language"))
    # After the translators: Windows and X11 add this name to window titles that lack it.
    app.setApplicationDisplayName(i18n.translate("ui", "官民データ活用推進計画 作成支援"))
    app.setFont(ui_font())
    return app


def start(path: str | None = None, prompts: AppPrompts | None = None) -> MainWindow:
    """Create and show the main window; offer crash leftovers, else open ``path``.

    Everything :func:`run` does except the event loop, so tests drive the real start-up.
    """
    create_application()
    from planner.ui.main_window import MainWindow
    from planner.ui.safety import offer_recovery

    window = MainWindow(prompts=prompts)
    geometry = settings.get("window/geometry")
    if geometry:
        window.restoreGeometry(geometry)
        window.show()
    else:
        window.show_first_time()
    # After a crash the edits it left behind come first; the file named on the command
    # line is the one they belong to in the usual case (double-click → crash → again).
    recovered = offer_recovery(window.autosave.store, window.prompts, i18n.lang())
    if recovered is not None:
        window.recover(recovered)
    elif path:
        window.files.open_path(path, ask=False)
    else:  # nothing to open: offer the ways to begin
        window.show_start_page()
    return window


def run(path: str | None = None) -> int:
    """Open the main window (on ``path`` if given) and run until it closes."""
    app = create_application()
    window = start(path)
    if os.environ.get("PLANNER_BENCH_EXIT_ON_SHOWN") == "1":
        _exit_when_shown(app, window)
    code = app.exec()
    end_process(code)
    return code  # pragma: no cover - end_process does not return


def end_process(code: int) -> None:
    """Leave at once once the event loop is over.

    Why: everything worth keeping is done by then (the plan saved or declined, the
    recovery copy removed, the lock released, settings synced in ``closeEvent``), yet the
    interpreter's teardown of every Qt object took 0.5–1.6 s more, during which the
    process (and on Windows its taskbar entry) lingered: measured 750 ms from close to exit
    on a loaded Linux box, 55 ms with this.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed or broken stream: nothing to keep
            stream.flush()
    os._exit(code)


def _exit_when_shown(app: QApplication, window: QWidget) -> None:
    """Benchmark hook: print seconds since the process started once the window is up, quit."""
    def report() -> None:
        app.processEvents()  # whatever the first show still had queued (paint, layout)
        print(f"window shown {seconds_since_process_start():.3f} s after process start",  # noqa: T201
              flush=True)
        window.close()
        app.exit(0)

    QTimer.singleShot(0, report)  # runs once the first paint of the window is done


def seconds_since_process_start() -> float:
    """Wall time since the OS created this process (interpreter start-up included)."""
    from planner.files.process import process_start_time

    started = process_start_time(os.getpid())
    if started is not None and sys.platform.startswith("linux"):
        uptime = float(Path("/proc/uptime").read_text(encoding="ascii").split()[0])
        return uptime - started / os.sysconf("SC_CLK_TCK")
    if started is not None and sys.platform == "win32":  # FILETIME: 100 ns since 1601
        return time.time() - (started / 1e7 - 11_644_473_600)
    return time.perf_counter() - _IMPORTED_AT  # elsewhere: an underestimate, from this import


_IMPORTED_AT = time.perf_counter()
