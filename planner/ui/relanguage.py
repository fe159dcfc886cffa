"""Switching the UI language live: where the user is, kept across the window's rebuild.

``MainWindow.retranslate`` builds the pages, menus and graph again in the new language;
this module notes what the user had in front of them (step, selected items, the 施策 tab,
the chosen finding, hidden severities, scroll positions) before, and puts it back after.
It also names a field as the rebuilt forms do, for the undo history's texts.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from planner.plan.model import ItemKind
from planner.ui.document import PLAN
from planner.ui.main_window import CHECK_STEP, STEP_OF_KIND
from planner.ui.problems_panel import finding_key


def field_label(window: Any, kind: str, path: str) -> str | None:
    """A field's label as the forms show it now (for the undo history)."""
    if kind == PLAN:
        form = window.pages[0].form
    elif kind == ItemKind.PILLAR:
        form = window.pages[STEP_OF_KIND[ItemKind.PILLAR]].pillars.form
    elif kind in STEP_OF_KIND:
        form = window.pages[STEP_OF_KIND[ItemKind(kind)]].editor.form
    else:
        return None
    binding = form.binding(path)
    return binding.label if binding is not None and binding.path == path else None


def view_state(window: Any) -> dict:
    """Where the user is: step, selections, tab, chosen finding, scroll positions."""
    panel = window.pages[CHECK_STEP].panel
    finding = panel.current_finding()
    return {
        "view": window.views.currentIndex(),
        "step": window.current_step(),
        "items": {n: getattr(page.editor.current_item(), "id", None)
                  for n, page in enumerate(window.pages) if hasattr(page, "editor")},
        "tabs": {n: page.tabs.currentIndex() for n, page in enumerate(window.pages)
                 if hasattr(page, "tabs")},
        "finding": finding_key(finding) if finding is not None else None,
        "hidden": [s for s in ("error", "warning", "info")
                   if not panel.severity_button(s).isChecked()],
        "scroll": {n: [bar.value() for bar in _scroll_bars(page)]
                   for n, page in enumerate(window.pages)},
    }


def restore_view(window: Any, state: dict) -> None:
    """Put the user back where ``view_state`` found them, on the rebuilt pages."""
    for n, item_id in state["items"].items():
        if item_id:
            window.pages[n].editor.select_item(item_id)
    for n, tab in state["tabs"].items():
        window.pages[n].tabs.setCurrentIndex(tab)
    panel = window.pages[CHECK_STEP].panel
    for severity in state["hidden"]:
        panel.set_severity_shown(severity, False)
    if state["finding"] is not None:
        panel.reselect(state["finding"])
    if state["view"] == window.views.indexOf(window.start_page):
        window.show_start_page()  # with its recent files filled in again
    else:
        window.show_editor()
    window.go_to_step(state["step"])
    # Scroll ranges exist once the pages are laid out: put the positions back then.
    QApplication.processEvents()
    for n, values in state["scroll"].items():
        for bar, value in zip(_scroll_bars(window.pages[n]), values, strict=False):
            bar.setValue(value)


def _scroll_bars(page: QWidget) -> list:
    """The vertical scroll bars of a page, in a stable order (a rebuilt page has the same)."""
    return [area.verticalScrollBar() for area in page.findChildren(QAbstractScrollArea)]
