"""Schema v2 (domain.md §2.4): every new key loads, saves and loads again; v1 files migrate."""

from __future__ import annotations

import datetime
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.files.paths import sample_plan_path, templates_dir
from planner.files.planfile import (
    PlanFileError,
    dumps_plan,
    load_document,
    load_plan,
    loads_document,
    loads_plan,
    save_plan,
)
from planner.plan import model as m
from planner.plan.codec import plan_to_dict
from tests.support.roundtrip import assert_reads_back

V1 = Path(__file__).parent / "data" / "v1"

#: A v2 plan that uses every key §2.4 adds, as a planner would write it by hand.
EVERY_V2_KEY = textwrap.dedent("""\
    schema_version: 2
    plan:
      title: 〇〇県官民データ活用推進計画
      kind: prefecture
      period: {start_fy: 2026, end_fy: 2030}
      adopted_on: 2019-03
      department: 企画部企画課
      contact: "企画課 電話 0000-00-0000 kikaku@example.lg.jp"
      related_plans:
        - {title: 第6次〇〇県総合計画, relation: parent}
        - {title: 〇〇県DX推進計画, relation: serves_as}
        - {title: 官民データ活用推進基本計画, relation: aligned}
      history:
        - {date: 2026-02-10, event: パブリックコメント（2月10日〜3月9日）}
        - {date: 2026-03, event: 策定}
      glossary:
        - {term: オープンデータ, definition: 二次利用が可能な公開データ}
      extra_sections:
        - {title: はじめに, after: cover, text: 本県は…}
    issues:
      - {id: I-1, title: 移動手段の確保}
    pillars:
      - {id: P-1, title: 誰もが便利に暮らせるまち, addresses: [I-1], description: 基本目標1}
      - {id: P-1-1, title: 移動の利便性向上, parent: P-1}
    measures:
      - id: M-1
        title: デマンド交通
        pillar: P-1-1
        owner: 企画課
        cooperating: [交通政策課, 福祉課]
        uses:
          - {data: D-1, flow: internal_use, purpose: out_of_purpose,
             legal_basis: internal_considerable_reason, occasional: true, rationale: 訓練1回に限り}
    data_sources:
      - id: D-1
        title: 匿名加工データ
        category: administrative_anonymized
      - id: D-2
        title: 受領した匿名加工情報
        category: anonymized
      - id: D-3
        title: 仮名加工情報
        category: pseudonymized
      - id: D-4
        title: オープンデータカタログ
        category: non_personal
        open_data: {publish: true, standard_datasets: ["01", "05"], dataset_count: 530}
    kpis:
      - id: K-1
        title: 月間利用者数
        quantitative: true
        unit: 人/月
        direction: increase
        cumulative: false
        baseline: {value: 1200, fy: 2025, estimated: true}
        milestones: [{fy: 2027, value: 1500}, {fy: 2028, value: 1700}]
        target: {value: 2000, fy: 2030}
      - id: K-2
        title: 満足度
        quantitative: false
        direction: maintain
        target: {text: 令和9年度を目途に目標値を設定, fy: 2027}
    """)


@pytest.fixture
def every_key() -> m.Plan:
    return loads_plan(EVERY_V2_KEY)


def test_every_v2_key_loads_into_the_model(every_key):
    info = every_key.plan
    assert info.adopted_on == "2019-03" and info.adopted_date == m.PlanDate(2019, 3, None)
    assert info.adopted_date.month_only
    assert (info.department, info.contact) == ("企画部企画課", "企画課 電話 0000-00-0000 kikaku@example.lg.jp")
    assert [r.relation for r in info.related_plans] == [m.Relation.PARENT, m.Relation.SERVES_AS,
                                                        m.Relation.ALIGNED]
    assert [h.plan_date for h in info.history] == [m.PlanDate(2026, 2, 10), m.PlanDate(2026, 3)]
    assert info.glossary == [m.GlossaryEntry("オープンデータ", "二次利用が可能な公開データ")]
    assert info.extra_sections == [m.ExtraSection("はじめに", m.OutlineId.COVER, "本県は…")]
    assert every_key.pillars == [
        m.Pillar("P-1", "誰もが便利に暮らせるまち", None, ["I-1"], "基本目標1"),
        m.Pillar("P-1-1", "移動の利便性向上", "P-1")]
    measure = every_key.measures[0]
    assert (measure.pillar, measure.owner, measure.cooperating) == ("P-1-1", "企画課", ["交通政策課", "福祉課"])
    assert measure.uses[0].occasional is True
    categories = [d.category for d in every_key.data_sources]
    assert categories[:3] == [m.Category.ADMINISTRATIVE_ANONYMIZED, m.Category.ANONYMIZED,
                              m.Category.PSEUDONYMIZED]
    od = every_key.data_sources[3].open_data
    assert (od.standard_datasets, od.dataset_count, od.standard_dataset) == (["01", "05"], 530, "01")
    k1, k2 = every_key.kpis
    assert (k1.unit, k1.direction, k1.cumulative) == ("人/月", m.Direction.INCREASE, False)
    assert k1.baseline == m.Measurement(1200, 2025, estimated=True)
    assert k1.milestones == [m.Milestone(2027, 1500), m.Milestone(2028, 1700)]
    assert k2.target == m.Measurement(None, 2027, text="令和9年度を目途に目標値を設定")


def test_every_v2_key_round_trips_through_a_saved_file(tmp_path, every_key):
    path = tmp_path / "plan.yaml"
    save_plan(every_key, path)
    again = load_plan(path)
    assert again == every_key
    assert dumps_plan(again) == path.read_text(encoding="utf-8")
    data = plan_to_dict(again)
    assert list(data) == ["schema_version", "plan", "issues", "pillars", "measures",
                          "data_sources", "kpis"]
    assert data["schema_version"] == 2
    written = path.read_text(encoding="utf-8")
    for key in ("adopted_on: 2019-03", "department:", "contact:", "related_plans:", "relation: serves_as",
                "history:", "glossary:", "extra_sections:", "after: cover", "pillars:", "parent: P-1",
                "pillar: P-1-1", "cooperating:", "occasional: true", "administrative_anonymized",
                "pseudonymized", "standard_datasets:", "dataset_count: 530", "direction: increase",
                "cumulative: false", "estimated: true", "milestones:", "text: 令和9年度を目途に目標値を設定"):
        assert key in written, key


def test_a_plan_without_pillars_writes_no_pillars_key():
    assert "pillars" not in dumps_plan(m.Plan(plan=m.PlanInfo(title="x")))


# --- property: any v2 plan saves and loads back as itself ---------------------------------

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=10)
some = st.none() | text
ids = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=5)
fy = st.none() | st.integers(2000, 2100)
value = st.none() | st.integers(-10**9, 10**9) | st.floats(allow_nan=False, allow_infinity=False) | text


def few(s: st.SearchStrategy) -> st.SearchStrategy:
    return st.lists(s, max_size=3)


def code(enum: type) -> st.SearchStrategy:
    return st.none() | st.sampled_from(list(enum))


flag = st.none() | st.booleans()
plan_date = st.none() | st.dates(datetime.date(1900, 1, 1)).map(
    lambda d: st.sampled_from([d.isoformat(), d.isoformat()[:7]])).flatmap(lambda s: s)

v2_info = st.builds(
    m.PlanInfo, title=text, adopted_on=plan_date, department=some, contact=some,
    related_plans=few(st.builds(m.RelatedPlan, some, code(m.Relation))),
    history=few(st.builds(m.HistoryEntry, plan_date, some)),
    glossary=few(st.builds(m.GlossaryEntry, some, some)),
    extra_sections=few(st.builds(m.ExtraSection, some, code(m.OutlineId), some)))
v2_pillars = st.builds(m.Pillar, id=ids, title=text, parent=st.none(), addresses=few(ids),
                       description=some)
v2_measures = st.builds(
    m.Measure, id=ids, title=text, pillar=st.none() | ids, owner=some, cooperating=few(text),
    uses=few(st.builds(m.DataUse, data=st.none() | ids, occasional=flag, rationale=some)))
v2_sources = st.builds(
    m.DataSource, id=ids, title=text, category=code(m.Category),
    open_data=st.none() | st.builds(m.OpenData, standard_datasets=few(st.from_regex(r"\A[0-9]{2}\Z")),
                                    dataset_count=st.none() | st.integers(0, 10**6)))
measurement = st.none() | st.builds(m.Measurement, value=value, fy=fy, estimated=flag, text=some)
v2_kpis = st.builds(
    m.Kpi, id=ids, title=text, unit=some, direction=code(m.Direction), cumulative=flag,
    baseline=measurement, target=measurement, milestones=few(st.builds(m.Milestone, fy, value)))
v2_plans = st.builds(m.Plan, plan=v2_info, pillars=few(v2_pillars), measures=few(v2_measures),
                     data_sources=few(v2_sources), kpis=few(v2_kpis))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(v2_plans)
def test_any_v2_plan_saves_and_loads_back_as_itself(plan):
    assert_reads_back(plan)


# --- dates ----------------------------------------------------------------------------------

@pytest.mark.parametrize("written, expected", [
    ("2026-03-27", m.PlanDate(2026, 3, 27)), ("2019-03", m.PlanDate(2019, 3)),
    ("2019-13", None), ("2019-02-30", None), ("2019/03", None), ("19-03", None), ("", None),
    ("２０１９-０３", None)])
def test_plan_date_reads_a_day_or_a_month(written, expected):
    assert m.PlanDate.parse(written) == expected
    if expected is not None:
        assert expected.iso() == written


@pytest.mark.parametrize("bad", ["2019-13", "2019-02-30", "2019/03", "R1.3"])
def test_a_date_that_is_neither_a_day_nor_a_month_is_refused_with_both_forms_named(bad):
    with pytest.raises(PlanFileError) as info:
        loads_plan(f"schema_version: 2\nplan:\n  title: x\n  adopted_on: {bad}\n", "p.yaml")
    (problem,) = info.value.problems
    assert (problem.line, problem.column) == (4, 15)
    assert "YYYY-MM" in problem.message("ja") and "2019-03" in problem.message("en")


def test_history_dates_are_checked_like_adopted_on():
    with pytest.raises(PlanFileError) as info:
        loads_plan("schema_version: 2\nplan:\n  title: x\n  history:\n    - {date: 2026-02-31}\n")
    assert info.value.problems[0].line == 5


def test_v1_standard_dataset_is_still_read_in_a_v2_file():
    plan = loads_plan("schema_version: 2\nplan: {title: x}\ndata_sources:\n"
                      "  - {id: D-1, title: d, open_data: {standard_dataset: \"03\"}}\n")
    assert plan.data_sources[0].open_data.standard_datasets == ["03"]
    assert "standard_datasets:\n        - '03'" in dumps_plan(plan)


def test_standard_dataset_property_edits_the_first_of_the_list():
    od = m.OpenData(standard_datasets=["01", "05"])
    od.standard_dataset = "03"
    assert od.standard_datasets == ["03", "05"]
    od.standard_dataset = None
    assert od.standard_datasets == ["05"]


def test_unknown_new_codes_are_refused_with_the_codes_listed():
    with pytest.raises(PlanFileError) as info:
        loads_plan("schema_version: 2\nplan: {title: x}\nkpis:\n  - {id: K-1, title: k, direction: up}\n")
    assert "increase, decrease, maintain" in info.value.problems[0].message("en")


# --- migration v1 → v2 ----------------------------------------------------------------------

def _v1_files() -> list[Path]:
    return sorted(V1.glob("*.yaml"))


def test_the_v1_fixtures_are_the_v1_files_the_repository_shipped():
    names = {p.name for p in _v1_files()}
    assert {"sample-plan.yaml", "starter-municipal.yaml", "starter-prefecture.yaml"} <= names
    for path in _v1_files():
        assert "\nschema_version: 1\n" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", _v1_files(), ids=lambda p: p.name)
def test_every_v1_file_migrates_saves_as_v2_and_reads_back(tmp_path, path):
    loaded = load_document(path)
    assert loaded.migrated and loaded.migrated_from == 1
    assert loaded.plan.schema_version == m.SCHEMA_VERSION == 2
    first = loaded.notices[0]
    assert first.code == "migrated" and first.line is not None
    assert "schema_version 1" in first.message("ja") and "older planners" in first.message("en")
    out = tmp_path / "out.yaml"
    save_plan(loaded.plan, out)
    assert out.read_text(encoding="utf-8").startswith("schema_version: 2\n")
    again = load_document(out)
    assert again.plan == loaded.plan and not again.migrated and again.notices == []


def test_migrating_the_v1_sample_gives_the_bundled_v2_sample_where_untouched_since():
    """The v2 sample was converted mechanically; its converted keys equal the migration's."""
    migrated = load_plan(V1 / "sample-plan.yaml")
    bundled = load_plan(sample_plan_path())
    by_id = {d.id: d for d in bundled.data_sources}
    for source in migrated.data_sources:
        if source.id in by_id:
            assert source.category == by_id[source.id].category, source.id
            assert (source.open_data or m.OpenData()).standard_datasets == \
                (by_id[source.id].open_data or m.OpenData()).standard_datasets


def test_v1_anonymized_splits_by_who_holds_the_source_and_asks_to_confirm():
    loaded = load_document(V1 / "sample-plan.yaml")
    d6, d15 = (loaded.plan.find("D-6"), loaded.plan.find("D-15"))
    assert d6.acquisition == m.Acquisition.STATUTORY
    assert d6.category == m.Category.ADMINISTRATIVE_ANONYMIZED
    assert d15.acquisition == m.Acquisition.THIRD_PARTY_PROVIDED and d15.category == m.Category.ANONYMIZED
    confirm = [n for n in loaded.notices if n.code == "confirm_category"]
    assert [n.item.id for n in confirm] == ["D-6", "D-15"]
    lines = (V1 / "sample-plan.yaml").read_text(encoding="utf-8").splitlines()
    assert all(lines[n.line - 1].strip() == "category: anonymized" for n in confirm)
    assert "確認" in confirm[0].message("ja") and "confirm" in confirm[0].message("en")


@pytest.mark.parametrize("acquisition, expected", [
    ("statutory", "administrative_anonymized"), ("self_collected", "administrative_anonymized"),
    (None, "administrative_anonymized"), ("private_shared", "anonymized"),
    ("third_party_provided", "anonymized"), ("external_open", "anonymized")])
def test_v1_anonymized_by_acquisition(acquisition, expected):
    acq = f", acquisition: {acquisition}" if acquisition else ""
    loaded = loads_document(f"schema_version: 1\nplan: {{title: x}}\ndata_sources:\n"
                            f"  - {{id: D-1, title: d, category: anonymized{acq}}}\n")
    assert loaded.plan.data_sources[0].category == expected
    assert [n.code for n in loaded.notices] == ["migrated", "confirm_category"]


def test_v1_quantitative_value_with_its_unit_is_split_with_a_notice():
    loaded = loads_document("schema_version: 1\nplan: {title: x}\nkpis:\n"
                            "  - {id: K-1, title: k, quantitative: true, baseline: {value: \"38.6%\"},\n"
                            "     target: {value: \"５０%\"}, actuals: [{fy: 2026, value: \"1,200\"}]}\n")
    kpi = loaded.plan.kpis[0]
    assert (kpi.baseline.value, kpi.target.value, kpi.unit) == (38.6, 50, "%")
    assert kpi.actuals[0].value == "1,200"  # no unit to split off: left for the checker
    assert [n.code for n in loaded.notices] == ["migrated", "split_unit", "split_unit"]
    assert loaded.notices[1].line == 4


def test_v1_value_with_another_unit_than_the_kpis_is_left_as_written():
    loaded = loads_document("schema_version: 1\nplan: {title: x}\nkpis:\n"
                            "  - {id: K-1, title: k, quantitative: true, unit: 件, target: {value: \"50%\"}}\n")
    assert loaded.plan.kpis[0].target.value == "50%" and loaded.plan.kpis[0].unit == "件"


def test_a_current_file_reports_no_migration():
    loaded = load_document(sample_plan_path())
    assert not loaded.migrated and loaded.migrated_from is None and loaded.notices == []


@pytest.mark.parametrize("path", [sample_plan_path(), *sorted(templates_dir().glob("*/starter.yaml"))],
                         ids=lambda p: p.parent.name + "/" + p.name)
def test_bundled_plans_are_v2(path):
    assert "\nschema_version: 2\n" in path.read_text(encoding="utf-8")
    assert not load_document(path).migrated


@pytest.mark.parametrize("command", [["check"], ["check", "--format", "json"]])
def test_the_cli_never_rewrites_a_v1_file_it_only_reads(tmp_path, command, capsys):
    from planner.cli import main

    path = tmp_path / "old.yaml"
    original = (V1 / "sample-plan.yaml").read_bytes()
    path.write_bytes(original)
    before = path.stat().st_mtime_ns
    code = main([command[0], str(path), *command[1:]])
    capsys.readouterr()
    assert code in (0, 1)
    assert path.read_bytes() == original and path.stat().st_mtime_ns == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.yaml"]


def test_check_says_on_stderr_that_a_v1_file_was_read_as_v2(tmp_path, capsys):
    import json

    from planner.cli import main

    path = tmp_path / "old.yaml"
    path.write_bytes((V1 / "sample-plan.yaml").read_bytes())
    main(["check", str(path), "--format", "json", "--lang", "en"])
    captured = capsys.readouterr()
    assert "summary" in json.loads(captured.out)  # stdout stays pure JSON
    assert "schema_version 1" in captured.err and "older planners" in captured.err
    assert "D-6" in captured.err and "Please confirm" in captured.err
    main(["check", str(V1.parent.parent.parent / "resources" / "samples" / "sample-plan.yaml")])
    assert "schema_version" not in capsys.readouterr().err


# --- the 施策体系 must be a tree of at most three levels --------------------------------------

def _pillar_error(pillars: str) -> PlanFileError:
    with pytest.raises(PlanFileError) as info:
        loads_plan("schema_version: 2\nplan: {title: x}\npillars:\n" + textwrap.dedent(pillars), "p.yaml")
    return info.value


def test_three_levels_of_pillars_load():
    plan = loads_plan("schema_version: 2\nplan: {title: x}\npillars:\n"
                      "  - {id: P-1, title: a}\n  - {id: P-1-1, title: b, parent: P-1}\n"
                      "  - {id: P-1-1-1, title: c, parent: P-1-1}\n")
    assert [p.parent for p in plan.pillars] == [None, "P-1", "P-1-1"]


def test_a_fourth_level_is_refused_at_its_parent_line():
    error = _pillar_error("""\
      - {id: P-1, title: a}
      - {id: P-2, title: b, parent: P-1}
      - {id: P-3, title: c, parent: P-2}
      - {id: P-4, title: d, parent: P-3}
    """)
    (problem,) = error.problems
    assert problem.code == "pillar_depth" and problem.line == 7
    assert problem.format("ja").startswith("p.yaml:7:")
    assert "3階層まで" in problem.message("ja") and "at most 3 levels" in problem.message("en")


def test_a_cycle_is_refused_at_each_parent_on_it():
    error = _pillar_error("""\
      - {id: P-1, title: a, parent: P-2}
      - {id: P-2, title: b, parent: P-1}
      - {id: P-3, title: c, parent: P-3}
    """)
    assert [(p.code, p.line) for p in error.problems] == [
        ("pillar_cycle", 4), ("pillar_cycle", 5), ("pillar_cycle", 6)]
    assert "P-1 → P-2 → P-1" in error.problems[0].message("ja")


def test_an_unknown_parent_is_refused_with_the_fix():
    error = _pillar_error("  - {id: P-1, title: a, parent: P-9}\n")
    (problem,) = error.problems
    assert (problem.code, problem.line, problem.column) == ("pillar_parent", 4, 31)
    assert problem.item is not None and problem.item.id == "P-1"
    assert problem.text("ja").startswith("施策体系 P-1『a』: ")
    assert "P-9" in problem.message("ja") and "remove parent" in problem.message("en")


def test_open_data_still_takes_the_v1_keyword():
    assert m.OpenData(publish=True, standard_dataset="04").standard_datasets == ["04"]
    assert m.OpenData(standard_datasets=["01"]).standard_dataset == "01"


def test_the_app_opens_a_v1_file_and_saves_it_as_v2_after_saying_so(qtbot, tmp_path):
    from planner.ui.prompts import Choice, ScriptedPrompts
    from tests.ui.helpers import open_window

    path = tmp_path / "old.yaml"
    original = (V1 / "sample-plan.yaml").read_bytes()
    path.write_bytes(original)
    prompts = ScriptedPrompts(upgrade=Choice.CANCEL)
    window = open_window(qtbot, prompts)
    assert window.files.open_path(path)
    assert path.read_bytes() == original  # opening never writes
    assert not window.files.save()  # the user is asked first, and may say no
    assert path.read_bytes() == original
    (_, (message, details)), = [q for q in prompts.asked if q[0] == "upgrade"]
    assert "schema_version 1" in message and "schema_version 2" in message
    assert [d.split(": ")[1].split("『")[0] for d in details] == ["データ D-6", "データ D-15"]
    prompts.upgrade = Choice.OVERWRITE
    assert window.files.save()
    text = path.read_text(encoding="utf-8")
    assert "\nschema_version: 2\n" in text and "category: administrative_anonymized" in text
    assert "# サンプル計画「みどり野市官民データ活用推進計画」" in text  # comments kept
    asked = len(prompts.asked)
    assert window.files.save() and len(prompts.asked) == asked  # only before the first save
    window.close()


def test_a_v1_file_can_be_kept_as_it_is_by_saving_the_new_format_under_another_name(
        qtbot, tmp_path):
    from planner.ui.prompts import Choice, ScriptedPrompts
    from tests.ui.helpers import open_window

    path, copy = tmp_path / "old.yaml", tmp_path / "new.yaml"
    original = (V1 / "sample-plan.yaml").read_bytes()
    path.write_bytes(original)
    prompts = ScriptedPrompts(upgrade=Choice.SAVE_AS, save_path=str(copy))
    window = open_window(qtbot, prompts)
    assert window.files.open_path(path)
    assert window.files.save()
    assert path.read_bytes() == original  # still readable by the planner of last year
    assert "\nschema_version: 2\n" in copy.read_text(encoding="utf-8")
    assert window.doc.path == copy
    asked = len(prompts.asked)
    assert window.files.save() and len(prompts.asked) == asked  # the copy is current
    window.close()


def test_the_app_does_not_ask_for_a_current_file(qtbot, tmp_path):
    from planner.ui.prompts import ScriptedPrompts
    from tests.ui.helpers import open_window

    path = tmp_path / "plan.yaml"
    path.write_text(EVERY_V2_KEY, encoding="utf-8")
    prompts = ScriptedPrompts()
    window = open_window(qtbot, prompts)
    assert window.files.open_path(path) and window.files.save()
    assert not [q for q in prompts.asked if q[0] == "upgrade"]
    window.close()
