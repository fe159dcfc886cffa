"""Shared test setup: Qt runs offscreen with a fixed locale, app data goes to a temp folder.

The environment is set here, before any test module imports Qt, so every Qt test in the
suite behaves the same on a developer's desktop and on a headless CI machine.
"""

from __future__ import annotations

import os

import pytest

# Helpers in tests/support assert too: let pytest explain their failures like a test's own.
pytest.register_assert_rewrite("tests.support")

# Why before Qt is imported: Qt reads these once, when the QGuiApplication is created.
os.environ["QT_QPA_PLATFORM"] = os.environ.get("PLANNER_TEST_QPA", "offscreen")
os.environ["LANG"] = "C.UTF-8"
os.environ["LC_ALL"] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)


@pytest.fixture(autouse=True)
def planner_home(tmp_path_factory, monkeypatch):
    """A fresh PLANNER_HOME (app data, settings, user templates) for every test."""
    home = tmp_path_factory.mktemp("planner_home")
    monkeypatch.setenv("PLANNER_HOME", str(home))
    return home
