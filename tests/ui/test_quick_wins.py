"""Issue 14 item 12 and items 8–11: the small things a new user trips over."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit

import planner.cli
from planner.cli import main
from planner.files.paths import sample_plan_path
from planner.files.planfile import load_plan
from planner.render.starter import write_new_plan
from planner.ui.dialogs import ListChoiceDialog
from tests.ui.helpers import open_window, replace_plan, step_page
from tests.ui.plans import small_plan


@pytest.mark.parametrize("name", ["計画.yaml", "plan.YML"])
def test_a_plan_file_alone_opens_the_app_as_a_file_association_calls_it(monkeypatch, name):
    opened = []
    monkeypatch.setattr(planner.cli, "cmd_gui", lambda args: opened.append(args.plan) or 0)
    assert main([name]) == 0
    assert opened == [name]


def test_an_existing_file_without_the_yaml_suffix_opens_too(monkeypatch, tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text("schema_version: 1\n", encoding="utf-8")
    opened = []
    monkeypatch.setattr(planner.cli, "cmd_gui", lambda args: opened.append(args.plan) or 0)
    assert main([str(plan)]) == 0 and opened == [str(plan)]


def test_a_mistyped_command_is_still_a_usage_error(monkeypatch, capsys):
    monkeypatch.setattr(planner.cli, "cmd_gui", lambda args: pytest.fail("opened the app"))
    with pytest.raises(SystemExit) as exited:
        main(["chek"])
    assert exited.value.code == 2
    assert "コマンドの指定に誤りがあります" in capsys.readouterr().err


# -- the app ---------------------------------------------------------------------------


def test_opening_another_plan_never_shows_the_previous_plans_findings(qtbot):
    window = open_window(qtbot)
    replace_plan(qtbot, window, load_plan(sample_plan_path()))
    assert window.findings and window.pages[5].panel.model.rowCount()
    window.checks._threaded = True  # the new plan's check reports later, from a thread
    with qtbot.waitSignal(window.checks.findings_ready, timeout=10000):
        window.doc.replace(small_plan())
        # Until its own check reports, the new plan has no findings on show at all.
        assert window.findings == [] and window.pages[5].panel.model.rowCount() == 0
        assert "エラー 0　警告 0　情報 0" in window.problems_button.text()
    assert window.findings  # and then its own


def test_hidden_severities_say_so_on_their_button_and_in_the_status_bar(qtbot):
    window = open_window(qtbot)
    replace_plan(qtbot, window, load_plan(sample_plan_path()))
    panel = step_page(window, 5).panel
    infos = sum(1 for f in window.findings if f.severity == "info")
    assert infos and panel.severity_button("info").text() == f"情報 {infos}"
    panel.severity_button("info").click()
    assert panel.severity_button("info").text() == f"情報 {infos} 件を非表示"
    assert len(panel.visible_findings()) == len(window.findings) - infos
    assert f"（{infos} 件を非表示）" in window.problems_button.text()
    panel.severity_button("info").click()
    assert "非表示" not in window.problems_button.text()


def test_the_adoption_date_waits_on_today_not_on_2000(qtbot):
    window = open_window(qtbot)
    box = window.pages[0].form.binding("adopted_on").widget
    edit, enabled = box.findChild(QDateEdit), box.findChild(QCheckBox)
    assert window.doc.plan.plan.adopted_on is None and not enabled.isChecked()
    assert edit.date() == QDate.currentDate()
    enabled.click()
    assert window.doc.plan.plan.adopted_on == QDate.currentDate().toString("yyyy-MM-dd")


def test_a_new_plan_has_no_version_to_print_as_dai_1_0_han(tmp_path):
    for template in ("municipal", "prefecture"):
        path = tmp_path / f"{template}.yaml"
        write_new_plan(path, template=template, municipality=None, force=False)
        assert load_plan(path).plan.version is None


def test_the_template_chooser_is_wide_enough_for_its_title_and_entries(qtbot):
    titles = ["市町村官民データ活用推進計画（総務省ひな形準拠）", "都道府県官民データ活用推進計画"]
    dialog = ListChoiceDialog(None, "テンプレートから新規作成", "もとにするテンプレート：", titles)
    qtbot.addWidget(dialog)
    metrics = dialog.fontMetrics()
    assert dialog.width() >= metrics.horizontalAdvance("テンプレートから新規作成") * 1.5
    assert all(dialog.width() > metrics.horizontalAdvance(t) for t in titles)
    assert dialog.chosen() == 0 and dialog.list.item(0).toolTip() == titles[0]


def test_the_language_menu_reads_in_both_languages(qtbot):
    window = open_window(qtbot)
    assert window.language_menu.title().startswith("言語 / Language")


def test_a_long_title_in_a_picker_reads_whole_in_its_tooltip(qtbot):
    window = open_window(qtbot)
    plan = small_plan()
    plan.issues[0].title = "高齢者と障害のある人の通院・買い物のための移動手段の確保" * 2
    replace_plan(qtbot, window, plan)
    links = window.pages[2].editor.form.binding("addresses").widget
    assert links.item(0).toolTip() == f"{plan.issues[0].title}（I-1）"
