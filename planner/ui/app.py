"""Start the desktop app: QApplication, language, Japanese UI font, main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from planner.ui import i18n, settings

#: Japanese UI fonts in order of preference (Windows first; Noto CJK elsewhere).
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


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with language, font and high-DPI policy set (reused if it exists)."""
    app = QApplication.instance()
    if app is None:
        # Fractional scaling (125 %, 150 %) without rounding, so text stays crisp.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("planner")
    app.setApplicationDisplayName("官民データ活用推進計画 作成支援")
    app.setOrganizationName("planner")
    i18n.install(app, settings.get("ui/language"))
    app.setFont(ui_font())
    return app


def run(path: str | None = None) -> int:
    """Open the main window (on ``path`` if given) and run until it closes."""
    app = create_application()
    from planner.ui.main_window import MainWindow

    window = MainWindow()
    geometry = settings.get("window/geometry")
    if geometry:
        window.restoreGeometry(geometry)
    window.show()
    if path:
        window.files.open_path(path, ask=False)
    return app.exec()
