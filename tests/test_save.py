"""Saving plan files: deterministic readable YAML, load → save → load identity, atomic writes."""

from __future__ import annotations

import datetime
import difflib
import errno
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.files.paths import sample_plan_path
from planner.files.planfile import dumps_plan, load_plan, loads_plan, save_plan
from planner.io import writing
from planner.io.writing import SaveError, atomic_write, save_error
from planner.plan import model as m
from tests.support.roundtrip import assert_reads_back


@pytest.fixture
def sample() -> m.Plan:
    return load_plan(sample_plan_path())


def _temp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


# --- the text ------------------------------------------------------------------------------

def test_text_is_deterministic_and_reads_back_identically(sample):
    text = assert_reads_back(sample)
    assert dumps_plan(sample) == text


def test_text_is_readable_block_style_utf8(sample):
    text = dumps_plan(sample)
    assert text.startswith("schema_version: 2\nplan:\n  title: ")
    assert "みどり野市" in text and "\\u" not in text  # Japanese as is, not escaped
    assert "{" not in text.replace("{}", "")  # block style, no flow mappings
    assert "current_state: |\n" in text  # multi-line text as a literal block
    top = [line.split(":")[0] for line in text.splitlines() if line and not line[0].isspace()]
    assert top == ["schema_version", "plan", "issues", "measures", "data_sources", "kpis"]


def test_keys_follow_schema_order():
    kpi = m.Kpi(id="K-1", title="t", type=m.KpiType.EFFECT, unit="人", source="D-1",
                baseline=m.Measurement(fy=2025, value=1))
    text = dumps_plan(m.Plan(plan=m.PlanInfo(title="x"), kpis=[kpi]))
    keys = [line.strip().lstrip("- ").split(":")[0] for line in text.split("kpis:\n")[1].splitlines()]
    assert keys == ["id", "title", "type", "unit", "baseline", "value", "fy", "source"]


def _changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def test_one_field_changed_changes_only_its_line(sample):
    before = dumps_plan(sample)
    old_title = sample.kpis[3].title
    sample.kpis[3].title = "変更後の指標名"
    assert _changed_lines(before, dumps_plan(sample)) == [
        f"-    title: {old_title}", "+    title: 変更後の指標名"]
    published = next(d for d in sample.data_sources if d.open_data and d.open_data.license)
    before = dumps_plan(sample)
    published.open_data.license = m.License.CC0_1_0
    changed = _changed_lines(before, dumps_plan(sample))
    assert len(changed) == 2 and changed[1] == "+      license: CC0-1.0"


@pytest.mark.parametrize("value", [
    "012025", "no", "on", "yes", "off", "1e3", "1.0", "2026-03-27", "true", "null", "~", "",
    "- item", "key: value", "#comment", "  leading", "trailing ", "a\nb", "a\nb\n", "\n",
    "末尾改行\n\n", "tab\there", "cr\rlf", "\u2028", "'quoted'", '"dq"', "@at", "*star", "&amp",
    "!bang", "%pct", "<<", "=", "0x1F", "0o17", ".inf", "-.5", "+1",
])
def test_strings_that_look_like_other_things_stay_strings(value):
    plan = m.Plan(plan=m.PlanInfo(title=value, version=value),
                  issues=[m.Issue(id="I-1", title="t", description=value)])
    assert loads_plan(dumps_plan(plan)) == plan


# --- load → save → load is the identity, for any plan -------------------------------------

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
some_text = st.none() | text
ids = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=6)
fiscal_year = st.none() | st.integers(2000, 2100)
year_range = st.none() | st.builds(m.FiscalYearRange, fiscal_year, fiscal_year)
finite = st.floats(allow_nan=False, allow_infinity=False)
value = st.none() | st.integers(-10**15, 10**15) | finite | text


def code(enum):
    return st.none() | st.sampled_from(list(enum))


def few(strategy):
    return st.lists(strategy, max_size=3)


plan_info = st.builds(
    m.PlanInfo, title=text, municipality=some_text,
    municipality_code=st.none() | st.from_regex(r"\A[0-9]{6}\Z"), kind=code(m.PlanKind),
    period=year_range, adopted_on=st.none() | st.dates().map(datetime.date.isoformat),
    version=some_text, sections=st.builds(m.Sections, *[some_text] * len(m.SECTION_IDS)))
issues = st.builds(m.Issue, id=ids, title=text, description=some_text, evidence=some_text)
uses = st.builds(m.DataUse, data=st.none() | ids, flow=code(m.Flow), purpose=code(m.Purpose),
                 legal_basis=code(m.LegalBasis), rationale=some_text)
measures = st.builds(
    m.Measure, id=ids, title=text, description=some_text, addresses=few(ids),
    articles=st.builds(m.Articles, few(st.integers(10, 19)), few(st.integers(10, 19))),
    fields=few(st.sampled_from(list(m.PriorityField))), owner=some_text, schedule=year_range,
    uses=few(uses))
open_data = st.builds(
    m.OpenData, publish=st.none() | st.booleans(), license=code(m.License),
    format=code(m.DataFormat), fee=st.none() | st.integers(0, 10**6) | finite.filter(lambda f: f >= 0),
    url=some_text, tags=few(text), standard_datasets=few(st.from_regex(r"\A[0-9]{2}\Z")),
    integrity=code(m.Integrity))
data_sources = st.builds(
    m.DataSource, id=ids, title=text, acquisition=code(m.Acquisition), category=code(m.Category),
    holder=some_text, original_purpose=some_text, format=code(m.DataFormat),
    update_frequency=code(m.UpdateFrequency), retention=some_text,
    safety_measures=few(st.sampled_from(list(m.SafetyMeasure))), legal_basis=code(m.LegalBasis),
    agreement=some_text, consent=some_text, min_cell_size=st.none() | st.integers(0, 10**6),
    open_data=st.none() | open_data)
measurement = st.none() | st.builds(m.Measurement, value=value, fy=fiscal_year)
kpis = st.builds(
    m.Kpi, id=ids, title=text, type=code(m.KpiType), quantitative=st.none() | st.booleans(),
    unit=some_text, baseline=measurement, target=measurement, measures=few(ids),
    source=st.none() | ids, rationale=some_text,
    actuals=few(st.builds(m.Actual, fy=fiscal_year, value=value)))
plans = st.builds(m.Plan, plan=plan_info, issues=few(issues), measures=few(measures),
                  data_sources=few(data_sources), kpis=few(kpis))


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(plans)
def test_save_then_load_is_the_identity(plan):
    assert_reads_back(plan)


# --- the file ------------------------------------------------------------------------------

def test_save_writes_utf8_and_keeps_one_backup(tmp_path, sample):
    path = tmp_path / "plan.yaml"
    save_plan(sample, path)
    first = path.read_bytes()
    assert first.decode("utf-8") == dumps_plan(sample)
    assert not (tmp_path / "plan.yaml.bak").exists()
    sample.plan.title = "改訂版"
    save_plan(sample, path)
    assert (tmp_path / "plan.yaml.bak").read_bytes() == first
    assert load_plan(path).plan.title == "改訂版"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml", "plan.yaml.bak"]


def test_numbered_backups_rotate(tmp_path):
    path = tmp_path / "plan.yaml"
    for n in range(5):
        save_plan(m.Plan(plan=m.PlanInfo(title=f"v{n}")), path, backups=3)
    titles = {name: load_plan(tmp_path / name).plan.title
              for name in ("plan.yaml", "plan.yaml.bak", "plan.yaml.bak2", "plan.yaml.bak3")}
    assert titles == {"plan.yaml": "v4", "plan.yaml.bak": "v3", "plan.yaml.bak2": "v2",
                      "plan.yaml.bak3": "v1"}
    assert len(list(tmp_path.iterdir())) == 4


def test_timestamped_backups_in_a_folder_are_pruned(tmp_path):
    path, folder = tmp_path / "plan.yaml", tmp_path / "backups"
    for n in range(4):
        save_plan(m.Plan(plan=m.PlanInfo(title=f"v{n}")), path, backups=2, backup_dir=folder)
    kept = sorted(folder.iterdir())
    assert [load_plan(p).plan.title for p in kept] == ["v1", "v2"]
    assert all(p.suffix == ".yaml" and p.name.startswith("plan.") for p in kept)


def test_no_backup_when_asked_for_none(tmp_path):
    path = tmp_path / "plan.yaml"
    save_plan(m.Plan(plan=m.PlanInfo(title="a")), path, backups=0)
    save_plan(m.Plan(plan=m.PlanInfo(title="b")), path, backups=0)
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


def test_schema_modeline_is_kept(tmp_path):
    path = tmp_path / "plan.yaml"
    line = "# yaml-language-server: $schema=../plan_schema/plan.schema.json"
    path.write_text(f"{line}\nschema_version: 1\nplan: {{title: x}}\n", encoding="utf-8")
    save_plan(load_plan(path), path)
    assert path.read_text(encoding="utf-8").splitlines()[0] == line
    assert load_plan(path).plan.title == "x"


def test_missing_folder_fails_cleanly(tmp_path):
    target = tmp_path / "no-such-folder" / "plan.yaml"
    with pytest.raises(SaveError) as info:
        save_plan(m.Plan(plan=m.PlanInfo(title="x")), target)
    assert "フォルダーがありません" in info.value.message("ja")
    assert "does not exist" in info.value.message("en")
    assert list(tmp_path.iterdir()) == []


def test_folder_in_the_way_fails_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "plan.yaml"
    target.mkdir()
    (target / "inside.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(SaveError) as info:
        save_plan(m.Plan(plan=m.PlanInfo(title="x")), target, backups=0)
    assert "変更されていません" in info.value.message("ja")
    assert (target / "inside.txt").read_text(encoding="utf-8") == "keep"
    assert _temp_files(tmp_path) == []


def test_disk_full_leaves_the_old_file_intact(tmp_path, monkeypatch, sample):
    path = tmp_path / "plan.yaml"
    save_plan(sample, path, backups=0)
    before = path.read_bytes()

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "fsync", full)
    sample.plan.title = "保存されない"
    with pytest.raises(SaveError) as info:
        save_plan(sample, path, backups=0)
    assert "空き容量" in info.value.message("ja") and "disk is full" in info.value.message("en")
    assert path.read_bytes() == before
    assert _temp_files(tmp_path) == []


def test_replace_is_retried_while_another_program_holds_the_file(tmp_path, monkeypatch):
    path = tmp_path / "plan.yaml"
    path.write_text("old", encoding="utf-8")
    real_replace, calls = os.replace, []

    def busy_twice(src, dst):
        calls.append(dst)
        if len([c for c in calls if c == path]) <= 2:
            raise PermissionError(errno.EACCES, "in use")
        real_replace(src, dst)
    monkeypatch.setattr(writing.os, "replace", busy_twice)
    atomic_write(path, "new", backups=0, retry_delays=(0.0, 0.0, 0.0))
    assert path.read_text(encoding="utf-8") == "new"
    assert len(calls) == 3


def test_replace_that_never_succeeds_says_permission(tmp_path, monkeypatch):
    path = tmp_path / "plan.yaml"
    path.write_text("old", encoding="utf-8")

    def denied(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(writing.os, "replace", denied)
    with pytest.raises(SaveError) as info:
        atomic_write(path, "new", backups=0, retry_delays=(0.0,))
    assert "権限" in info.value.message("ja")
    assert path.read_text(encoding="utf-8") == "old"
    assert _temp_files(tmp_path) == []


def test_a_plan_that_would_not_load_again_is_not_saved(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("old", encoding="utf-8")
    bad = m.Plan(plan=m.PlanInfo(title="x", municipality_code=12025))  # type: ignore[arg-type]
    with pytest.raises(SaveError) as info:
        save_plan(bad, path)
    assert "municipality_code" in info.value.message("ja")
    assert path.read_text(encoding="utf-8") == "old"


@pytest.mark.parametrize("exc, words", [
    (OSError(errno.ENAMETOOLONG, "File name too long"), "too long"),
    (OSError(errno.EROFS, "Read-only file system"), "read-only"),
    (OSError(errno.EIO, "Input/output error"), "Input/output error"),
])
def test_save_errors_name_their_cause(exc, words):
    error = save_error(exc, Path("plan.yaml"))
    assert words in error.message("en") and "plan.yaml" in error.message("ja")


def test_windows_sharing_violation_says_the_file_is_in_use():
    exc = PermissionError(errno.EACCES, "used by another process")
    exc.winerror = 32  # what Windows sets when antivirus or Excel holds the file
    assert "使用中" in save_error(exc, Path("plan.yaml")).message("ja")
