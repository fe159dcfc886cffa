"""English UI: the catalogue is complete, in step with the sources, and shows on every step.

Regenerate after changing UI text (from the repository root):

    pyside6-lupdate $(find planner/ui -name '*.py' | sort) -source-language ja \\
        -target-language en -no-obsolete -locations relative -ts resources/i18n/planner_en.ts
    pyside6-lrelease resources/i18n/planner_en.ts -qm resources/i18n/planner_en.qm
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication, QLabel

from planner.files.paths import resources_dir, sample_plan_path
from planner.plan.bilingual import Text
from planner.ui import i18n
from tests.ui.helpers import open_window, step_page

ROOT = Path(__file__).resolve().parents[2]
TS = resources_dir() / "i18n" / "planner_en.ts"
QM = resources_dir() / "i18n" / "planner_en.qm"
_PLACEHOLDERS = re.compile(r"%\d|\{\d\}")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) → <translation> of a .ts file (obsolete/vanished ones left out)."""
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("obsolete", "vanished"):
                continue
            out[(name, message.findtext("source"))] = translation
    return out


def _tool(name: str) -> str | None:
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


def test_every_string_is_translated_and_keeps_its_placeholders():
    messages = _messages(TS)
    assert len(messages) > 250
    for (context, source), translation in messages.items():
        text = translation.text or ""
        assert translation.get("type") is None, (context, source)  # not unfinished
        assert text.strip(), (context, source)
        assert sorted(_PLACEHOLDERS.findall(text)) == sorted(_PLACEHOLDERS.findall(source)), (
            context, source, text)
        assert ("&" in source.replace("&&", "")) == ("&" in text.replace("&&", "")), (
            source, text)  # a mnemonic in Japanese needs one in English
        assert not _JAPANESE.search(text), (source, text)


@pytest.mark.skipif(_tool("pyside6-lupdate") is None, reason="pyside6-lupdate not installed")
def test_lupdate_finds_no_string_missing_from_the_catalogue(tmp_path):
    sources = sorted(str(p) for p in (ROOT / "planner" / "ui").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-source-language", "ja",
                    "-target-language", "en", "-ts", str(fresh)],
                   check=True, capture_output=True, cwd=ROOT)
    extracted = set(_messages(fresh))
    missing = extracted - set(_messages(TS))
    assert not missing, f"run pyside6-lupdate (see this module's docstring): {sorted(missing)}"
    assert all(context for context, _source in extracted), "tr() outside a known context"


@pytest.mark.skipif(_tool("pyside6-lrelease") is None, reason="pyside6-lrelease not installed")
def test_the_compiled_catalogue_is_up_to_date(tmp_path):
    fresh = tmp_path / "fresh.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)],
                   check=True, capture_output=True)
    assert fresh.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on planner_en.ts"


def test_every_context_in_the_code_loads_from_the_qm(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    for (context, source), translation in _messages(TS).items():
        assert translator.translate(context, source) == translation.text, (context, source)


@pytest.fixture
def english(qapp):
    """The UI in English for one test (the window must be built after switching)."""
    app = QApplication.instance()
    assert i18n.install(app, "en") == "en"
    yield
    i18n.install(app, "ja")


def test_english_shows_on_every_step(qtbot, english):
    window = open_window(qtbot)
    window.files.open_path(sample_plan_path(), ask=False)
    navigator = [window.navigator.item(n).text() for n in range(window.navigator.count())]
    assert navigator[:5] == ["Basic information", "Local issues", "Measures", "Data", "KPIs"]
    assert navigator[6] == "Export" and navigator[5].startswith("Check")
    for step in range(len(window.pages)):
        page = step_page(window, step)
        assert not _JAPANESE.search(page.instruction.text()), step
    labels = {label.text() for label in step_page(window, 3).findChildren(QLabel)}
    assert "&Acquisition" in labels and "H&older" in labels
    combo = step_page(window, 3).editor.form.binding("acquisition").widget.combo
    assert combo.itemText(1) == "Held under a statutory duty"  # vocabulary, in English
    panel = step_page(window, 5).panel
    headers = [panel.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(panel.model.columnCount())]
    assert headers[:2] == ["Severity", "Rule"]
    if window.graph is not None:
        columns = [text for _x, _w, text, _c in window.graph.canvas().headers]
        assert columns[0].startswith("Local issues (") and columns[3].startswith("KPIs (")
    uses = step_page(window, 2).editor.form.uses
    assert uses.add_button.text() == "Add a data &use"
    assert uses.table.horizontalHeaderItem(4).text() == "Rationale"


def _toolbar_texts(window) -> list[str]:
    from PySide6.QtWidgets import QToolBar, QToolButton

    bar = window.findChild(QToolBar, "mainToolbar")
    return [b.text() for b in bar.findChildren(QToolButton) if b.defaultAction() is not None]


def test_toolbar_and_error_count_read_naturally_in_japanese(qtbot):
    window = open_window(qtbot)
    texts = _toolbar_texts(window)
    assert "新規" in texts and "上書き保存" in texts and "計画書を出力" in texts
    assert not any("(" in t for t in texts), texts  # no menu mnemonic "(N)" on the buttons
    assert window.action_new.toolTip() == "新規（Ctrl+N）"
    window.files.open_path(sample_plan_path(), ask=False)
    others = [f for f in window.findings if f.severity != "error"]  # the sample has none
    window.set_findings([*others, *_errors(2)])
    assert window.navigator.item(5).text() == "点検（2）"


def test_toolbar_and_error_count_read_naturally_in_english(qtbot, english):
    window = open_window(qtbot)
    texts = _toolbar_texts(window)
    assert {"New", "Open", "Save", "Export"} <= set(texts), texts
    assert not any("(" in t for t in texts), texts
    window.set_findings(_errors(3))
    assert window.navigator.item(5).text() == "Check (3)"


def test_application_display_name_follows_the_language(qapp):
    from planner.ui import settings
    from planner.ui.app import create_application

    try:
        settings.set("ui/language", "en")
        assert create_application() is qapp
        assert qapp.applicationDisplayName() == "Data Utilization Plan Builder"
    finally:
        settings.set("ui/language", "ja")
        create_application()
    assert qapp.applicationDisplayName() == "官民データ活用推進計画 作成支援"


def _errors(n: int) -> list:
    from planner.checks.finding import Finding, Severity

    return [Finding(f"GAP00{i}", Severity.ERROR, (), Text("m", "m"), Text("r", "r"), Text("f", "f"))
            for i in range(n)]
