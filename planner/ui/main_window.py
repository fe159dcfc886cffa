"""The main window: step navigator on the left, the step's page in the centre, the
relation graph beside it, and the problem counts in the status bar."""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.checks import check_graph, run_checks
from planner.checks.finding import Finding, summary
from planner.files.appdirs import app_data_dir
from planner.files.locking import FileStamp
from planner.files.recovery import RecoveryStore
from planner.plan.model import ItemKind, Pillar, Plan
from planner.ui import i18n, icons, jumps, settings, wheel_guard
from planner.ui.app import application
from planner.ui.check_runner import CheckRunner
from planner.ui.commands import retranslate_history
from planner.ui.document import PLAN, Item, PlanDocument, kind_of
from planner.ui.editors.entity_editor import EntityEditor
from planner.ui.files import FileController, empty_plan
from planner.ui.graph_view import GraphView
from planner.ui.i18n import fill, lang, translate
from planner.ui.jump_marker import JumpMarker
from planner.ui.menus import build_menus
from planner.ui.pages import export
from planner.ui.pages.base import ListPage, StepPage
from planner.ui.pages.basic_info import BasicInfoPage
from planner.ui.pages.check import CheckPage
from planner.ui.pages.export import ExportPage
from planner.ui.pages.measures import MeasuresPage
from planner.ui.prompts import AppPrompts, Prompts
from planner.ui.safety import AutosaveController, Recovered, restore
from planner.ui.start_page import StartPage
from planner.ui.steps import STEPS, index

if TYPE_CHECKING:
    from planner.ui.help import HelpDialog

#: The step each kind of item is edited on (the 施策体系's pillars: the 施策 step's tab).
STEP_OF_KIND: dict[str, int] = {ItemKind.ISSUE: 1, ItemKind.PILLAR: 2, ItemKind.MEASURE: 2, ItemKind.DATA: 3,
                ItemKind.KPI: 4}
CHECK_STEP, EXPORT_STEP = index("check"), index("export")
P = TypeVar("P", bound=StepPage)
# Below this available size (a 1366×768 or 1440×900 laptop) the window starts maximized.
SMALL_SCREEN = QSize(1600, 900)
#: After a plan is opened, and after each pause in editing this long (ms), the objects
#: alive are moved out of the cyclic garbage collector's way (``settle_heap``).
HEAP_SETTLE_MS = 1000


def settle_heap(everything: bool) -> None:
    """Collect, then exempt the objects alive now (the plan, the views built for it, the
    check's copy of the plan) from the cyclic garbage collector's later passes.

    Why: with a 4x prefecture plan open, every full collection walked about a million
    objects that live as long as the plan (100–400 ms, at random keystrokes). After a
    plan is opened (``everything``) the exempted objects are let back in first, so what
    the previous plan left behind is found; after a pause in editing only the objects
    made since the last settle are walked (a few ms).
    """
    if everything:
        gc.unfreeze()
    gc.collect()
    gc.freeze()



class MainWindow(QMainWindow):
    """One plan per window, edited step by step."""

    # Made by menus.build_menus; tests and the shortcut list reach them by name.
    action_new: QAction
    action_new_template: QAction
    action_open: QAction
    action_save: QAction
    action_save_as: QAction
    action_export: QAction
    action_quit: QAction
    action_start_page: QAction
    action_undo: QAction
    action_redo: QAction
    action_sample: QAction
    action_glossary: QAction
    action_rules: QAction
    action_shortcuts: QAction
    step_actions: list[QAction]
    recent_menu: QMenu
    language_menu: QMenu
    #: The help text opened last (help.show_help), for tests and screenshot scripts.
    help_dialog: HelpDialog

    def __init__(self, doc: PlanDocument | None = None, prompts: AppPrompts | None = None) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.doc = doc or PlanDocument(empty_plan())
        self.doc.setParent(self)
        self.prompts = prompts or Prompts(self)
        self.files = FileController(self.doc, self.prompts, self)
        # Recovery copies go to the app-data folder (never temp) while edits are unsaved.
        self.autosave = AutosaveController(self.doc, RecoveryStore(app_data_dir()),
                                           settings.get("files/autosave_seconds"), self, lang(),
                                           original_digest=self._on_disk_digest)
        self.findings: list = []
        self._replaced = False
        self.jump_marker = JumpMarker(self)
        self._build_centre()
        self._build_graph_dock()
        self._build_status()
        self.autosave.failed.connect(lambda message: self.statusBar().showMessage(message))
        # Windows shutdown / logoff may end the process without closeEvent: the edits made
        # since the last autosave tick go into the recovery copy first.
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.commitDataRequest.connect(self.save_recovery_copy_now)
        self.files.guard.lock_lost.connect(lambda message: self.statusBar().showMessage(message))
        self.files.guard.changed.connect(self._on_guard_changed)
        self.checks = CheckRunner(self, check=self._check, freeze=self.doc.snapshot)
        self.checks.findings_ready.connect(self.set_findings)
        self._page(CheckPage).panel.hidden_changed.connect(self._show_counts)
        build_menus(self)
        self._connect_start_page()
        self.doc.changed.connect(self._schedule_check)
        self.doc.plan_replaced.connect(self._on_plan_replaced)
        self.doc.stepped.connect(self._show_change)
        self.doc.modified_changed.connect(lambda _m: self._update_title())
        self.doc.path_changed.connect(self._update_title)
        self.doc.item_changed.connect(self._on_item_changed)
        self._update_title()
        self._schedule_check()
        self._heap_timer = QTimer(self)
        self._heap_timer.setSingleShot(True)
        self._heap_timer.setInterval(HEAP_SETTLE_MS)
        self._heap_timer.timeout.connect(self._settle_heap)
        self._heap_everything = True
        self.doc.changed.connect(self._heap_timer.start)
        self._undo_filter = _PlanUndoEverywhere(self)
        application().installEventFilter(self._undo_filter)
        wheel_guard.install(application())
        self.resize(1280, 720)

    def show_first_time(self, available: QRect | None = None) -> None:
        """Show the window on a first start (no saved layout): maximized on a laptop-size
        screen, else 1280×720 in the middle of it.

        Why: 1280×720 plus the title bar does not fit above the taskbar of a 1366×768
        screen (about 1366×728 available), so the status bar would start hidden.
        """
        screen = QGuiApplication.primaryScreen()
        area = available or (screen.availableGeometry() if screen else QRect(0, 0, 1920, 1080))
        if area.width() < SMALL_SCREEN.width() or area.height() < SMALL_SCREEN.height():
            self.showMaximized()
            return
        self.resize(1280, 720)
        frame = self.frameGeometry()
        frame.moveCenter(area.center())
        self.move(frame.topLeft())
        self.show()

    # -- layout ------------------------------------------------------------------------
    def _build_centre(self) -> None:
        self.navigator = QListWidget()
        self.navigator.setObjectName("stepNavigator")
        self.navigator.setAccessibleName(translate("ui", "ステップ"))
        self.navigator.setIconSize(QSize(22, 22))
        self.navigator.setSpacing(2)
        self.stack = QStackedWidget()
        self.pages: list[StepPage] = []
        for n, step in enumerate(STEPS, start=1):
            item = QListWidgetItem(icons.step_number(n), step.title())
            item.setToolTip(fill(translate("ui", "ステップ%1（Ctrl+%1）"), str(n)))
            self.navigator.addItem(item)
            page = step.page(n, step.title(), self)
            self.pages.append(page)
            self.stack.addWidget(page)
        for n, page in enumerate(self.pages[:-1]):
            page.set_next(n + 2, STEPS[n + 1].title(), self._go_to(n + 1))
        self.navigator.currentRowChanged.connect(self._on_step_changed)
        # ~170 px at 100 %: wide enough for the longest step name, scaled with the font.
        self.navigator.setFixedWidth(self.navigator.fontMetrics().horizontalAdvance("M") * 9 + 50)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigator)
        row.addWidget(self.stack, 1)
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.banner = self._build_banner()
        column.addWidget(self.banner)
        column.addWidget(body, 1)
        # The editor, or the start page in its place (shown by ``show_start_page``).
        self.views = QStackedWidget()
        self.views.addWidget(centre)
        self.start_page = StartPage()
        self.views.addWidget(self.start_page)
        self.setCentralWidget(self.views)
        self.navigator.setCurrentRow(0)

    def _build_banner(self) -> QFrame:
        """The yellow bar over the steps saying the plan is read-only, and why."""
        banner = QFrame()
        banner.setObjectName("readOnlyBanner")
        banner.setStyleSheet("#readOnlyBanner { background: #FFF4CE; border-bottom: 1px solid"
                             " #E5C365; } #readOnlyBanner QLabel { color: #3B2E00; }")
        row = QHBoxLayout(banner)
        row.setContentsMargins(10, 6, 10, 6)
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        self.banner_text = QLabel()
        self.banner_text.setObjectName("readOnlyBannerText")
        self.banner_text.setWordWrap(True)
        save_as = QPushButton(translate("ui", "名前を付けて保存…"))
        save_as.clicked.connect(lambda: self.files.save_as())
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.banner_text, 1)
        row.addWidget(save_as, 0, Qt.AlignmentFlag.AlignVCenter)
        banner.hide()
        return banner

    def _on_item_changed(self, kind: str, _item_id: str, path: str) -> None:
        if kind == "plan" and path == "title":
            self._update_title()

    def _on_guard_changed(self) -> None:
        guard = self.files.guard
        self.banner_text.setText("<b>" + translate("ui", "読み取り専用") + "</b>　"
                                 + guard.notice.replace("&", "&amp;").replace("<", "&lt;"))
        self.banner.setVisible(guard.read_only)
        self._update_title()

    def recover(self, recovered: Recovered) -> None:
        """Show a plan brought back from a recovery copy as unsaved edits of its file."""
        restore(self.doc, self.autosave, recovered)
        original = recovered.original_path
        if original is not None and original.exists() and not self.files.guard.acquire(original):
            # The user would not take the lock: keep the edits, but never over that file.
            self.files.guard.hold_read_only(original, translate(
                "ui", "元のファイルは他の人が開いています。「名前を付けて保存」で保存してください。"))
        elif original is not None and original.exists():
            # Compare later saves with the file the crashed session knew, not with what is
            # on disk now: a colleague's change since the crash must not be overwritten.
            known = recovered.entry.original_sha256
            self.files.guard.opened(original, FileStamp(original, -1, -1, known) if known else None)

    def save_recovery_copy_now(self, _session_manager: object = None) -> bool:
        """Write the recovery copy at once (the session is ending); True if one was written."""
        return self.autosave.save_now()

    def _on_disk_digest(self) -> str | None:
        """SHA-256 of the file as opened or last saved (recorded in recovery copies)."""
        stamp = self.files.guard.stamp
        return stamp.sha256 if stamp is not None else None

    def _build_graph_dock(self) -> None:
        dock = QDockWidget(translate("ui", "関係図"), self)
        dock.setObjectName("graphDock")
        self.graph_dock = dock
        self._build_graph()
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        # On a 1366-px laptop the editors need the width: the graph starts hidden there
        # (toolbar button and Ctrl+G show it); on wider screens it starts shown.
        screen = QGuiApplication.primaryScreen()
        wide = screen is not None and screen.availableGeometry().width() >= 1600
        dock.setVisible(wide and bool(settings.get("window/show_graph")))
        self.resizeDocks([dock], [screen.availableGeometry().width() // 3 if screen else 400],
                         Qt.Orientation.Horizontal)
        dock.visibilityChanged.connect(self._share_width_with_graph)

    def _build_graph(self) -> None:
        self.graph = GraphView()
        self.graph.follow(self.doc)
        self.graph.node_activated.connect(lambda item_id: self.go_to_item(item_id, None))
        self.graph_dock.setWidget(self.graph)
        for page in self.pages:  # the graph follows the item chosen in a step's list
            if isinstance(page, ListPage):
                page.editor.view.selectionModel().currentChanged.connect(
                    lambda *_args, editor=page.editor: self._show_in_graph(editor))

    def _share_width_with_graph(self, visible: bool) -> None:
        """Give the graph what the editors can spare (the forms never scroll sideways),
        at most half the window; the dock never widens the window (its minimum is small).
        """
        dock = self.graph_dock
        if not visible or dock.isFloating():
            return
        central = self.centralWidget()  # (set in __init__)
        central_width = central.minimumSizeHint().width() if central is not None else 0
        editors = self.navigator.width() + max(
            central_width - self.navigator.width(),
            *(page.editor.needed_width() for page in self.pages if isinstance(page, ListPage)))
        width = max(dock.minimumSizeHint().width(), min(self.width() - editors,
                                                        self.width() // 2))
        self.resizeDocks([dock], [width], Qt.Orientation.Horizontal)

    def _build_status(self) -> None:
        self.problems_button = QToolButton()
        self.problems_button.setObjectName("problemsSummary")
        self.problems_button.setAutoRaise(True)
        self.problems_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._name_status()
        self.problems_button.clicked.connect(lambda: self.go_to_step(CHECK_STEP))
        self.statusBar().addPermanentWidget(self.problems_button)

    def _name_status(self) -> None:
        self.problems_button.setToolTip(translate("ui", "点検結果を開く（Ctrl+6）"))

    # -- language ----------------------------------------------------------------------------
    def retranslate(self, language: str) -> None:
        """Show the whole window in ``language`` at once, without a restart.

        Every text is set where a widget is built, so the pages, menus, toolbar and graph
        are built again; the document holds the plan and its undo history and is kept,
        and the step, the selected items, the tab, the chosen finding and the scroll
        positions are put back as they were.
        """
        from planner.ui import relanguage

        state = relanguage.view_state(self)
        i18n.install(application(), language)
        self.autosave.lang = language
        self.files.guard.retranslate(language)
        for toolbar in self.findChildren(QToolBar):
            self.removeToolBar(toolbar)
            toolbar.deleteLater()
        for action in self.findChildren(QAction):
            if action.parent() is self:  # the menus' actions: their shortcuts go with them
                action.setShortcuts([])
                action.deleteLater()
        for menu in self.findChildren(QMenu):
            if menu.parent() is self:  # 最近使ったファイル, 言語: made with the window as parent
                menu.deleteLater()
        self.setMenuBar(QMenuBar(self))  # the old bar and its menus are deleted
        old_graph = self.graph
        self._build_centre()
        self.graph_dock.setWindowTitle(translate("ui", "関係図"))
        self._build_graph()
        old_graph.deleteLater()
        self._name_status()
        self._page(CheckPage).panel.hidden_changed.connect(self._show_counts)
        retranslate_history(self.doc.undo_stack, lambda kind, path: relanguage.field_label(
            self, kind, path))
        build_menus(self)
        self._connect_start_page()
        self._on_guard_changed()
        self.set_findings(self.findings)
        relanguage.restore_view(self, state)
        if self.graph_dock.isVisible():  # the new graph takes what the editors can spare
            self._share_width_with_graph(True)

    # -- start page ------------------------------------------------------------------------
    def _connect_start_page(self) -> None:
        page = self.start_page
        page.new_requested.connect(self.files.new_plan)
        page.template_requested.connect(self.files.new_from_template)
        page.open_requested.connect(self.files.open_dialog)
        page.sample_requested.connect(self.open_sample)
        page.recent_requested.connect(lambda path: self.files.open_path(path))

    def show_start_page(self) -> None:
        """Show the start page in place of the steps (until a plan is started or opened)."""
        self.start_page.set_recent(self.files.recent())
        self.views.setCurrentWidget(self.start_page)
        self.start_page.buttons["new"].setFocus(Qt.FocusReason.OtherFocusReason)

    def show_editor(self) -> None:
        """Show the steps (leaving the start page)."""
        self.views.setCurrentIndex(0)

    def open_sample(self) -> bool:
        """Open the bundled sample plan; it opens read-only (changes go to a copy)."""
        from planner.files.paths import sample_plan_path

        opened = self.files.open_path(sample_plan_path())
        if opened:
            self.show_editor()
        return opened

    # -- steps ---------------------------------------------------------------------------
    def go_to_step(self, index: int) -> None:
        """Show step ``index`` (0-based)."""
        self.navigator.setCurrentRow(index)

    def current_step(self) -> int:
        """The step shown (0-based)."""
        return self.stack.currentIndex()

    def _on_step_changed(self, row: int) -> None:
        if row < 0:
            return
        self.doc.seal()
        focus = QApplication.focusWidget()
        self.stack.setCurrentIndex(row)
        # Keyboard users: the cursor follows to the step shown (its list, first field or
        # button), never left behind on a page now hidden (Qt would pass it on to the
        # next page's 次へ button). The navigator keeps it while arrows walk the steps.
        page = self.pages[row]
        if focus is not self.navigator and (focus is None or not page.isAncestorOf(focus)):
            page.first_field().setFocus(Qt.FocusReason.OtherFocusReason)
        if row == EXPORT_STEP:
            self._update_export_summary()
        if isinstance(page, ListPage):
            self._show_in_graph(page.editor)

    def go_to_item(self, item_id: str, field: str | None = None) -> QWidget | None:
        """Show the step and form of ``item_id`` and put the cursor on ``field``; returns
        the widget that has the cursor."""
        item = self.doc.find(item_id) if item_id else None
        if item is None and any(p.id == item_id for p in self.doc.plan.pillars):
            return self.show_pillar(item_id, field)
        if item is None or kind_of(item) not in STEP_OF_KIND:
            self.go_to_step(0)
            return self._page(BasicInfoPage).form.focus_field(
                (field or "title").removeprefix("plan."))
        step = STEP_OF_KIND[kind_of(item)]
        self.go_to_step(step)
        editor = self._list_page(step).editor
        editor.select_item(item_id)
        widget = (field and editor.form.focus_field(field)) or editor.form.focus_field("title")
        self.graph.select(item_id, centre=True)
        return widget

    def jump_to_finding(self, finding: Finding) -> QWidget | None:
        """Go where ``finding`` is fixed (``planner.ui.jumps``), frame the field for a
        moment and show the finding beside it."""
        current = {kind: getattr(self._current_item(ItemKind(kind)), "id", None)
                   for kind in STEP_OF_KIND}
        target = jumps.resolve(finding, self.doc.plan, current)
        if target.kind == PLAN or target.item_id:
            widget = self.go_to_item(target.item_id, target.field)
        else:  # nothing of that kind yet: the cursor on its 追加 button
            step = STEP_OF_KIND.get(target.kind, 0)
            self.go_to_step(step)
            page = self.pages[step]
            widget = page.editor.tool_buttons["add"] if isinstance(page, ListPage) else None
            if widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if widget is not None:
            self.jump_marker.show_at(widget, _finding_note(finding))
        return widget

    def _current_item(self, kind: ItemKind) -> Item | Pillar | None:
        """The item of ``kind`` selected on its step (None when none is)."""
        if kind is ItemKind.PILLAR:
            return self._page(MeasuresPage).pillars.current_pillar()
        return self._list_page(STEP_OF_KIND[kind]).editor.current_item()

    def _page(self, cls: type[P]) -> P:
        """The step page of class ``cls`` (each is the page of one step of STEPS)."""
        return next(page for page in self.pages if isinstance(page, cls))

    def _show_in_graph(self, editor: EntityEditor) -> None:
        """Highlight the list's current item in the graph (choosing 施策 M-2 in its list
        left M-1, reached by an earlier jump, highlighted)."""
        item = editor.current_item()
        if item is not None:
            self.graph.select(item.id, centre=self.graph.isVisible())

    def _list_page(self, step: int) -> ListPage:
        """The page of ``step``, one of the list + form steps (STEP_OF_KIND's)."""
        page = self.pages[step]
        if not isinstance(page, ListPage):
            raise TypeError(f"step {step}'s page is not a list of items")
        return page

    def _go_to(self, step: int) -> Callable[..., None]:
        """A slot that shows ``step`` (a button's ``clicked`` passes its checked state)."""
        return lambda _checked=False: self.go_to_step(step)

    def show_pillar(self, pillar_id: str, field: str | None = None) -> QWidget | None:
        """Step 3's 施策体系 tab with ``pillar_id`` selected ('' : just the tab) and the
        cursor on ``field`` of its form (the title when the form has no such field)."""
        step = STEP_OF_KIND[ItemKind.PILLAR]
        self.go_to_step(step)
        page = self._page(MeasuresPage)
        page.show_pillars()
        if pillar_id and page.pillars.select("pillar", pillar_id):
            form = page.pillars.form
            return (field and form.focus_field(field)) or form.focus_field("title")
        return page.pillars.tree

    def _show_change(self, kind: str, item_id: str, path: str, gone: bool) -> None:
        """After an undo or redo, go to the step, item and field it changed.

        Why: an undo from another step changed a field out of sight.
        """
        if kind == PLAN:
            self.go_to_step(0)
            self._page(BasicInfoPage).form.focus_field(path or "title")
        elif kind == "pillars":
            self.show_pillar("" if gone else item_id)
        elif gone or self.doc.find(item_id) is None:
            self.go_to_step(STEP_OF_KIND[kind])  # the item is gone: show its list
        else:
            self.go_to_item(item_id, path or None)

    # -- checks ---------------------------------------------------------------------------
    def _check(self, plan: Plan) -> list[Finding]:
        """Findings for ``plan``: on the GUI thread from the document's shared graph (the
        graph view reads the same one), on the worker from the snapshot's own."""
        return check_graph(self.doc.graph) if plan is self.doc.plan else run_checks(plan)

    def _schedule_check(self) -> None:
        if self._replaced:
            # A new plan is checked at once: its findings must not wait for the debounce,
            # and the previous plan's findings are already gone (``_on_plan_replaced``).
            self._replaced = False
            self.checks.run_now(self.doc.plan)
        else:
            self.checks.schedule(self.doc.plan)

    def set_findings(self, findings: list) -> None:
        """Show new findings everywhere: problems panel, graph badges, status bar."""
        self.findings = list(findings)
        self._page(CheckPage).panel.set_findings(self.findings, self.doc.plan)
        self.graph.set_findings(self.findings)
        counts = summary(self.findings)
        self._show_counts()
        worst = next((s for s in ("error", "warning", "info") if counts[s]), None)
        self.problems_button.setIcon(icons.severity(worst) if worst else icons.check())
        self.navigator.item(CHECK_STEP).setText(
            fill(translate("ui", "%1（%2）"), STEPS[CHECK_STEP].title(), counts["error"])
            if counts["error"] else STEPS[CHECK_STEP].title())
        if self.current_step() == EXPORT_STEP:
            self._update_export_summary()

    def _show_counts(self, *_args: object) -> None:
        """The status bar's counts; they say how many the 点検 buttons hide, if any."""
        counts = summary(self.findings)
        text = fill(translate("ui", "エラー %1　警告 %2　情報 %3"),
                    counts["error"], counts["warning"], counts["info"])
        hidden = self._page(CheckPage).panel.hidden_count()
        if hidden:
            text += fill(translate("ui", "（%1 件を非表示）"), str(hidden))
        self.problems_button.setText(text)

    def _update_export_summary(self) -> None:
        self._page(ExportPage).summary.setText(export.summary_text(self.findings))

    # -- files and title --------------------------------------------------------------------
    def _on_plan_replaced(self) -> None:
        # Never show another plan's findings, not even until the first check reports.
        # No check is started here: replacing the plan also emits ``changed``, which runs
        # one at once (``_replaced``).
        self._replaced = True
        self._heap_everything = True  # once the views are built and the first check done
        self.set_findings([])
        self.show_editor()
        self.go_to_step(0)

    def _settle_heap(self) -> None:
        if self.checks.uses_thread():
            self.doc.snapshot()  # the checks' copy of the plan, made now, is settled too
        settle_heap(self._heap_everything)
        self._heap_everything = False

    def _update_title(self) -> None:
        title = self.doc.plan.plan.title or translate("ui", "無題")
        name = self.doc.display_name() or translate("ui", "未保存")
        if self.files.guard.read_only:
            name += " " + translate("ui", "[読み取り専用]")
        self.setWindowTitle(fill(translate("ui", "%1 — %2[*] — 官民データ活用推進計画 作成支援"),
                                 title, name))
        self.setWindowModified(self.doc.is_modified())

    def export_document(self) -> None:
        """Open the export dialog (template, options, background rendering)."""
        from planner.ui.export_dialog import ExportDialog

        self.export_dialog = ExportDialog(self.doc.plan, self.doc.path, self, lang=lang())
        self.export_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.export_dialog.open()  # window-modal, without a nested event loop

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask before closing with unsaved changes; remember the window's layout."""
        if not self.files.maybe_save():
            event.ignore()
            return
        # A normal close: no recovery copy is left to offer, and the file is free again.
        self.autosave.close()
        self.files.guard.release()
        settings.set("window/geometry", self.saveGeometry().data())
        settings.set("window/show_graph", self.graph_dock.isVisible())
        event.accept()


def _finding_note(finding: Finding) -> str:
    """The note beside a jump's field: the rule, what is wrong, what to do."""
    return (fill(translate("ui", "%1：%2"), finding.rule, finding.message(lang())) + "\n"
            + translate("ui", "対処：") + finding.fix(lang()))


class _PlanUndoEverywhere(QObject):
    """Ctrl+Z / Ctrl+Y undo the plan even while the cursor is in a text field.

    Why: a line edit's own undo would change its text behind the document's back, and
    the user expects one history (the Edit menu's) wherever the cursor is.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.redo_y = QKeySequence("Ctrl+Y")

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Refuse text widgets' claim on the undo/redo keys, so the window's actions run."""
        # (a ShortcutOverride event is a key event)
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(obj, (QLineEdit, QAbstractSpinBox, QPlainTextEdit)):
            return False
        if obj.window() is not self.window:
            return False
        combo = QKeySequence(event.keyCombination())
        if (event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo) or combo == self.redo_y):
            event.ignore()
            return True
        return False
