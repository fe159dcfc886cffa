"""Loading plan files in stages: each rule has a bad file that triggers it (tests/data/bad/)."""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import pytest

from planner.files.paths import sample_plan_path
from planner.files.planfile import (
    SUPPORTED_SCHEMA_VERSION,
    PlanFileError,
    load_document,
    load_plan,
    loads_plan,
)
from planner.io.migrate import VersionError, migrate
from planner.io.problems import MAX_PROBLEMS
from planner.plan.model import Category, Flow

BAD = Path(__file__).parent / "data" / "bad"
MINIMAL = "schema_version: 1\nplan:\n  title: みどり野市官民データ活用推進計画\n"

#: file → (first problem's code, line, column, words its Japanese message must contain)
RULES = {
    "encoding_shift_jis.yaml": ("encoding", 1, 3, "Shift_JIS"),
    "encoding_utf16.yaml": ("encoding", 1, 1, "UTF-16"),
    "encoding_binary.yaml": ("encoding", 1, 1, "UTF-8"),
    "control_characters.yaml": ("yaml", 4, 11, "制御文字"),
    "yaml_syntax.yaml": ("yaml", 5, 22, "引用符"),
    "yaml_tab_indent.yaml": ("yaml", 4, 1, "タブ"),
    "yaml_unclosed_quote.yaml": ("yaml", 6, 1, "閉じ忘れ"),
    "multiple_documents.yaml": ("yaml", 5, 1, "---"),
    "tag_python_object.yaml": ("tag", 5, 17, "!!python/object/apply:os.system"),
    "tag_custom.yaml": ("tag", 5, 12, "!version"),
    "tag_timestamp.yaml": ("tag", 5, 15, "!!timestamp"),
    "alias_billion_laughs.yaml": ("alias", 7, 12, "&a"),
    "anchor_only.yaml": ("alias", 5, 17, "&town"),
    "duplicate_key.yaml": ("duplicate_key", 6, 3, "5 行目"),
    "unknown_key_misspelt.yaml": ("unknown_key", 10, 5, "もしかして「addresses」"),
    "unknown_code.yaml": ("code", 10, 15, "もしかして「publish」"),
    "type_number_for_text.yaml": ("type", 5, 22, 'municipality_code: "12025"'),
    "type_text_for_number.yaml": ("type", 5, 22, "整数"),
    "type_list_at_top.yaml": ("type", 2, 1, "キー: 値"),
    "type_text_at_top.yaml": ("type", 2, 1, "キー: 値"),
    "required_plan_title.yaml": ("required", 4, 3, "title"),
    "required_item_id.yaml": ("required", 6, 5, "id"),
    "required_schema_version.yaml": ("required", 2, 1, "schema_version"),
    "empty.yaml": ("empty", None, None, "空"),
    "comments_only.yaml": ("empty", None, None, "空"),
    "too_deep_flow.yaml": ("too_deep", 5, 1008, "深すぎ"),
    "newer_version.yaml": ("newer_version", 2, 17, "新しい版"),
    "unsupported_version.yaml": ("unsupported_version", 2, 17, "対応していません"),
    "value_bad_date.yaml": ("value", 5, 15, "YYYY-MM-DD"),
    "value_year_out_of_range.yaml": ("value", 5, 22, "2000"),
    "value_bad_municipality_code.yaml": ("value", 5, 22, "6桁"),
    "key_not_text.yaml": ("key", 5, 3, "キー"),
    "number_too_large.yaml": ("value", 5, 22, "大きすぎ"),
    "item_duplicate_key.yaml": ("duplicate_key", 9, 5, "8 行目"),
    "item_type_in_kpi.yaml": ("type", 8, 32, "令和12年度 → 2030"),
    "item_without_id.yaml": ("required", 10, 5, "id"),
}

#: file → the item its first problem lies in, as named in Japanese and in English. Files
#: not listed have their problem in ``plan:`` or at the top level, or are refused before
#: the items can be read (anchors, broken YAML), and name no item.
ITEMS = {
    "unknown_key_misspelt.yaml": ("施策 M-1『施策』", 'measure M-1 "施策"'),
    "unknown_code.yaml": ("施策 M-1『施策』", 'measure M-1 "施策"'),
    "required_item_id.yaml": ("1番目の地域課題『課題』", 'issue #1 "課題"'),
    "item_duplicate_key.yaml": ("データ D-1『住民基本台帳』", 'data source D-1 "住民基本台帳"'),
    "item_type_in_kpi.yaml": ("KPI K-1『デマンド交通の利用者数』", 'KPI K-1 "デマンド交通の利用者数"'),
    "item_without_id.yaml": ("3番目の施策『子育て支援情報の一元化』", 'measure #3 "子育て支援情報の一元化"'),
}


def _error(path: Path) -> PlanFileError:
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    return info.value


def test_every_bad_file_has_a_rule():
    assert {p.name for p in BAD.iterdir()} == set(RULES) | {"too_deep.yaml", "many_problems.yaml"}


@pytest.mark.parametrize("name", sorted(RULES))
def test_bad_file_is_refused_with_a_located_message(name):
    code, line, column, words = RULES[name]
    error = _error(BAD / name)
    first = error.problems[0]
    assert (first.code, first.line, first.column) == (code, line, column)
    assert words in first.message("ja")
    assert first.file == str(BAD / name)
    assert first.message("en") and first.message("en") != first.message("ja")
    assert not any("\u3040" <= ch <= "\u309f" for ch in first.message("en"))  # no hiragana
    prefix = f"{BAD / name}:{line}:{column}: " if line else f"{BAD / name}: "
    item_ja, item_en = ITEMS.get(name, (None, None))
    if item_ja is None:
        assert first.item is None
        assert first.format("ja") == prefix + first.message("ja")
    else:
        assert first.format("ja") == f"{prefix}{item_ja}: {first.message('ja')}"
        assert first.format("en") == f"{prefix}{item_en}: {first.message('en')}"


def test_billion_laughs_reports_every_anchor_and_alias_quickly():
    start = time.process_time()
    error = _error(BAD / "alias_billion_laughs.yaml")
    assert time.process_time() - start < 1.0
    assert {p.code for p in error.problems} == {"alias"}
    assert len(error.problems) == 3 + 9 + 9  # 3 anchors, 18 aliases


def test_nesting_deeper_than_any_plan_is_refused():
    error = _error(BAD / "too_deep.yaml")
    assert "too_deep" in {p.code for p in error.problems}


def test_all_problems_are_reported_at_once_and_capped():
    error = _error(BAD / "many_problems.yaml")
    assert len(error.problems) == MAX_PROBLEMS + 1
    assert [p.line for p in error.problems[:3]] == [5, 6, 7]
    assert error.problems[-1].code == "more"
    assert "ほか 10 件" in error.problems[-1].message("ja")
    assert "and 10 more" in error.problems[-1].message("en")


def test_several_kinds_of_problem_in_one_file_are_all_reported():
    text = MINIMAL + (
        "  version: 1.0\n  kind: town\n"
        "issues:\n  - id: I-1\n    title: 課題\n    descripton: 説明\n    id: I-2\n"
    )
    with pytest.raises(PlanFileError) as info:
        loads_plan(text, "plan.yaml")
    codes = [(p.code, p.line) for p in info.value.problems]
    assert codes == [("type", 4), ("code", 5), ("unknown_key", 9), ("duplicate_key", 10)]


def _problems(text: str) -> list:
    with pytest.raises(PlanFileError) as info:
        loads_plan(text, "plan.yaml")
    return info.value.problems


def test_problems_in_items_name_the_item_and_others_do_not():
    problems = _problems(MINIMAL + (
        "  kind: town\n"
        "issues:\n  - {id: I-1, title: 高齢者の移動手段の確保, evidense: 調査}\n"
        "measures:\n  - id: M-1\n    title: デマンド交通の運行最適化\n    owner: true\n"
        "data_sources:\n  - id: D-1\n    title: 住民基本台帳\n    open_data: {publish: yes}\n"
        "kpis:\n  - id: K-1\n    title: 利用者数\n    baseline: {value: 1, fy: 2025, fy: 2026}\n"
    ))
    named = [(p.line, p.item.label("ja") if p.item else None) for p in problems]
    assert named == [(4, None), (6, "地域課題 I-1『高齢者の移動手段の確保』"),
                     (10, "施策 M-1『デマンド交通の運行最適化』"), (14, "データ D-1『住民基本台帳』"),
                     (18, "KPI K-1『利用者数』")]
    assert problems[2].format("ja").startswith(
        "plan.yaml:10:12: 施策 M-1『デマンド交通の運行最適化』: 「owner」は文字列で書きます。")
    assert problems[2].format("en").startswith(
        'plan.yaml:10:12: measure M-1 "デマンド交通の運行最適化": “owner” takes text')
    assert problems[0].format("en").startswith("plan.yaml:4:9: “town” is not a kind code.")


def test_problem_in_an_item_without_an_id_names_it_by_its_place():
    problems = _problems(MINIMAL + (
        "measures:\n  - {id: M-1, title: 一つ目}\n  - {id: M-2, title: 二つ目}\n"
        "  - title: 子育て支援情報の一元化\n    adresses: [I-1]\n"
        "  - id: 4\n    title: 2030\n    owner: 子育て支援課\n"
        "  - id: '  '\n    description: [x]\n"
    ))
    assert [(p.line, p.code) for p in problems] == [
        (7, "required"), (8, "unknown_key"), (9, "type"), (10, "type"), (12, "required"),
        (13, "type")]
    labels = [(p.item.label("ja"), p.item.label("en")) for p in problems]
    assert labels[:2] == [("3番目の施策『子育て支援情報の一元化』", 'measure #3 "子育て支援情報の一元化"')] * 2
    # An id or title that is not text cannot name the item: its place does.
    assert labels[2:4] == [("4番目の施策", "measure #4")] * 2
    assert labels[4:] == [("5番目の施策", "measure #5")] * 2  # a blank id is no id
    assert problems[0].item.id is None and problems[0].item.number == 3
    assert problems[0].format("ja") == (
        "plan.yaml:7:5: 3番目の施策『子育て支援情報の一元化』: 必須の「id」がありません。"
        "「id: M-…」のように、ファイル全体で重複しない ID を書いてください。")


def test_item_that_is_not_a_mapping_is_not_named_twice():
    problems = _problems(MINIMAL + "issues:\n  - ただの文字\n")
    assert problems[0].item is None
    assert problems[0].format("ja") == (
        "plan.yaml:5:5: issues の 1 番目の項目には「キー: 値」の組を書いてください。")


def test_long_or_multiline_titles_are_cut_short_in_the_item_name():
    title = "一行目の長いタイトル" * 6
    problems = _problems(MINIMAL + f"kpis:\n  - id: K-1\n    title: |\n      {title}\n      二行目\n"
                         "    extra: 1\n")
    label = problems[0].item.label("ja")
    assert "\n" not in label and label.endswith("…』") and len(label) < 60


def test_item_named_problems_survive_pickling_and_build_the_error_text():
    with pytest.raises(PlanFileError) as info:
        load_plan(BAD / "unknown_key_misspelt.yaml")
    error = info.value
    assert error.problems[0].message("ja").startswith("「adresses」")  # the bare message
    assert "施策 M-1『施策』: 「adresses」" in error.message("ja")
    assert 'measure M-1 "施策": Unknown key' in error.message("en")
    again = pickle.loads(pickle.dumps(error))
    assert again.problems == error.problems and again.message("ja") == error.message("ja")


def test_a_flood_of_problems_in_items_is_named_quickly():
    items = "".join(f"  - id: M-{i}\n    title: 施策{i}\n    ownr: 課\n" for i in range(5000))
    start = time.process_time()
    problems = _problems(MINIMAL + "measures:\n" + items)
    assert time.process_time() - start < 3.0
    assert problems[0].item.label("en") == 'measure M-0 "施策0"'
    assert problems[MAX_PROBLEMS - 1].item.label("ja") == f"施策 M-{MAX_PROBLEMS - 1}『施策{MAX_PROBLEMS - 1}』"
    assert problems[-1].code == "more" and problems[-1].item is None


@pytest.mark.parametrize("written, year", [("令和8年度", 2026), ("令和元年度", 2019),
                                           ("平成３１年度", 2019), ("令和12年", 2030)])
def test_japanese_era_year_where_a_fiscal_year_belongs_says_the_western_year(written, year):
    problem = _problems(MINIMAL + f"  period: {{start_fy: {written}, end_fy: 2030}}\n")[0]
    assert f"{written} → {year}" in problem.message("ja")
    assert f"{written} is {year}" in problem.message("en")


def test_text_in_a_number_field_that_is_not_a_year_gets_no_era_hint():
    problem = _problems(MINIMAL + "  period: {start_fy: 来年度, end_fy: 2030}\n")[0]
    assert "西暦" not in problem.message("ja") and "単位やカンマ" in problem.message("ja")


def test_too_large_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as fh:
        fh.truncate(21 * 1024 * 1024)  # sparse: no 21 MB written to disk
    start = time.process_time()
    error = _error(big)
    assert time.process_time() - start < 1.0
    assert error.problems[0].code == "too_large"
    assert "20 MB" in error.problems[0].message("ja")


def test_missing_file_and_folder(tmp_path):
    assert _error(tmp_path / "nothing.yaml").problems[0].code == "not_found"
    assert _error(tmp_path).problems[0].code == "is_directory"


# --- what loads, and what values come out as ----------------------------------------------

def test_incomplete_plan_loads():
    plan = loads_plan(MINIMAL + "issues:\nmeasures: []\nkpis:\n  - {id: K-1, title: ''}\n")
    assert plan.plan.title == "みどり野市官民データ活用推進計画"
    assert plan.issues == [] and plan.measures == [] and plan.kpis[0].title == ""


@pytest.mark.parametrize("data", [
    ("utf-8", "\n"), ("utf-8-sig", "\n"), ("utf-8", "\r\n"), ("utf-8-sig", "\r\n"),
])
def test_utf8_with_or_without_bom_and_lf_or_crlf(data):
    encoding, newline = data
    text = (MINIMAL + "issues:\n  - id: I-1\n    title: 課題\n    description: |\n      一行目\n      二行目\n")
    raw = text.replace("\n", newline).encode(encoding)
    plan = loads_plan(raw, "plan.yaml")
    assert plan.issues[0].description == "一行目\n二行目\n"
    assert plan.plan.title.startswith("みどり野市")


def test_values_never_silently_change_type():
    plan = loads_plan(MINIMAL + (
        "  municipality_code: 012025\n  adopted_on: 2026-03-27\n  municipality: no\n"
        "  version: '1.0'\nissues:\n  - {id: I-1, title: on, description: yes, evidence: 1e3x}\n"
        "kpis:\n  - {id: K-1, title: off, quantitative: true, baseline: {value: 1e3, fy: 2025},"
        " target: {value: 五割, fy: 2030}}\n"
    ))
    info = plan.plan
    assert (info.municipality_code, info.adopted_on, info.municipality) == ("012025", "2026-03-27", "no")
    issue = plan.issues[0]
    assert (issue.title, issue.description, issue.evidence) == ("on", "yes", "1e3x")
    kpi = plan.kpis[0]
    assert (kpi.title, kpi.quantitative, kpi.baseline.value, kpi.target.value) == ("off", True, 1000.0, "五割")
    assert type(kpi.baseline.fy) is int


@pytest.mark.parametrize("text", ["version: 1e3", "version: 1.0", "title: 2030", "owner: true"])
def test_number_or_boolean_where_text_belongs_says_quote_it(text):
    key, value = text.split(": ")
    doc = f"schema_version: 1\nplan:\n  title: x\n  {text}\n"
    if key == "title":
        doc = f"schema_version: 1\nplan:\n  {text}\n"
    if key == "owner":
        doc = MINIMAL + f"measures:\n  - id: M-1\n    title: x\n    {text}\n"
    with pytest.raises(PlanFileError) as info:
        loads_plan(doc)
    problem = info.value.problems[0]
    assert problem.code == "type"
    assert f'{key}: "{value}"' in problem.message("ja") and f'{key}: "{value}"' in problem.message("en")


def test_sample_plan_loads_with_codes_as_enums():
    plan = load_plan(sample_plan_path())
    assert plan.issues and plan.measures and plan.data_sources and plan.kpis
    assert all(isinstance(d.category, Category) for d in plan.data_sources if d.category)
    assert all(isinstance(u.flow, Flow) for m in plan.measures for u in m.uses if u.flow)


def test_load_document_locates_every_item():
    doc = load_document(sample_plan_path())
    lines = sample_plan_path().read_text(encoding="utf-8").splitlines()
    assert set(doc.locations) == {item.id for item in doc.plan.items()}
    for item_id, line in doc.locations.items():
        assert f"id: {item_id}" in lines[line - 1]
    assert doc.path == sample_plan_path()


# --- migration stage ----------------------------------------------------------------------

def test_current_version_passes_through_migration():
    data = {"schema_version": SUPPORTED_SCHEMA_VERSION, "plan": {"title": "x"}}
    assert migrate(dict(data)) == data


def test_older_version_is_upgraded_step_by_step():
    def v0_to_v1(data, notices):
        data["plan"] = {"title": data.pop("name")}
        return data

    def v1_to_v2(data, notices):
        data["plan"]["title"] += "（改）"
        notices.append("changed the title")
        return data

    old = {"schema_version": 0, "name": "旧形式の計画"}
    notices: list = []
    upgraded = migrate(old, current=2, steps={0: v0_to_v1, 1: v1_to_v2}, notices=notices)
    assert upgraded == {"schema_version": 2, "plan": {"title": "旧形式の計画（改）"}}
    assert notices == ["changed the title"]


def test_version_without_a_migration_or_from_the_future_is_refused():
    with pytest.raises(VersionError) as info:
        migrate({"schema_version": 0}, current=1, steps={})
    assert info.value.code == "unsupported_version"
    with pytest.raises(VersionError) as info:
        migrate({"schema_version": 3}, current=2)
    assert info.value.code == "newer_version"


def test_newer_version_is_refused_before_its_unknown_keys_are_judged():
    error = _error(BAD / "newer_version.yaml")
    assert [p.code for p in error.problems] == ["newer_version"]
    assert "newer planner" in error.problems[0].message("en")


def test_schema_version_as_text_is_a_type_problem():
    with pytest.raises(PlanFileError) as info:
        loads_plan('schema_version: "1"\nplan: {title: x}\n')
    assert info.value.problems[0].code == "type"


def test_too_many_nodes_are_refused_before_they_are_built():
    text = "schema_version: 1\nplan: {title: x}\nissues: [" + "a," * 510_000 + "]\n"
    start = time.process_time()
    with pytest.raises(PlanFileError) as info:
        loads_plan(text, "plan.yaml")
    assert time.process_time() - start < 5.0
    assert [p.code for p in info.value.problems] == ["too_large"]


def test_a_flood_of_problems_stops_counting_and_says_so():
    text = "schema_version: 1\nplan: {title: x}\nissues:\n" + "- a\n" * 3000
    start = time.process_time()
    with pytest.raises(PlanFileError) as info:
        loads_plan(text, "plan.yaml")
    assert time.process_time() - start < 2.0
    assert len(info.value.problems) == MAX_PROBLEMS + 1
    assert "950 件以上" in info.value.problems[-1].message("ja")


def test_a_spreadsheet_saved_as_csv_is_recognised():
    """Officers keep inventories in Excel; opening its CSV must say what the file is."""
    problem = _problems("\ufeffID,タイトル,説明\r\nI-1,高齢者の移動手段,…\r\n")[0]
    assert "CSV" in problem.message("ja") and "CSV" in problem.message("en")
    plain = _problems("ただの文字です\n")[0]
    assert "CSV" not in plain.message("ja")
