"""The guided flow's steps, in order, as one table: 基本情報 → 地域課題 → 施策 → データ → KPI → 点検 → 出力.

The window builds its navigator, pages and 「次へ」 buttons from ``STEPS``, the 表示 menu
its Ctrl+1 … Ctrl+7 entries, and finds a step by its ``id`` (``index("check")``), never by
a number. What a step's page exposes to the window is declared on its class
(``BasicInfoPage.form``, ``ListPage.editor``, ``MeasuresPage.pillars``,
``CheckPage.panel``, ``ExportPage.summary``), not set on it afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from planner.ui.editors.data_form import DataForm
from planner.ui.editors.forms import IssueForm
from planner.ui.editors.kpi_form import KpiForm
from planner.ui.i18n import translate
from planner.ui.pages.base import StepPage, list_page
from planner.ui.pages.basic_info import BasicInfoPage
from planner.ui.pages.check import CheckPage
from planner.ui.pages.export import ExportPage
from planner.ui.pages.measures import MeasuresPage


@dataclass(frozen=True)
class Step:
    """One step: its id, its navigator label and the class of its page."""

    id: str
    #: The navigator label, in the UI language of the moment.
    title: Callable[[], str]
    #: Builds the page: ``page(number, title, window)``.
    page: Callable[..., StepPage]


STEPS: tuple[Step, ...] = (
    Step("plan", lambda: translate("ui", "基本情報"), BasicInfoPage),
    Step("issues", lambda: translate("ui", "地域課題"), list_page(
        "issues", IssueForm, lambda: translate("ui", "新しい地域課題"),
        lambda: translate("ui", "地域課題を1つずつ追加し、根拠となる統計やデータを書きます。"))),
    Step("measures", lambda: translate("ui", "施策"), MeasuresPage),
    Step("data_sources", lambda: translate("ui", "データ"), list_page(
        "data_sources", DataForm, lambda: translate("ui", "新しいデータ"),
        lambda: translate("ui", "施策で使うデータと、KPIを測るデータを登録します。個人情報を含むかどうかで点検の内容が変わります。"))),
    Step("kpis", lambda: translate("ui", "KPI"), list_page(
        "kpis", KpiForm, lambda: translate("ui", "新しいKPI"),
        lambda: translate("ui", "施策の成果を測る指標を追加し、基準値・目標値と、測るためのデータを選びます。"))),
    Step("check", lambda: translate("ui", "点検"), CheckPage),
    Step("export", lambda: translate("ui", "出力"), ExportPage),
)


def index(step_id: str) -> int:
    """The position (0-based) of the step ``step_id``."""
    return next(n for n, step in enumerate(STEPS) if step.id == step_id)
