"""Fuzzing the loader: random bytes, random YAML, random edits of the sample plan.

Whatever comes in, loading either gives a Plan or raises PlanFileError with located,
bilingual problems: never another exception, and always quickly.
"""

from __future__ import annotations

import re
import time

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planner.files.paths import sample_plan_path
from planner.files.planfile import PlanFileError, loads_plan
from planner.plan.model import Plan

SAMPLE = sample_plan_path().read_text(encoding="utf-8")
SAMPLE_LINES = SAMPLE.splitlines(keepends=True)
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
YAML_BITS = ["- ", ": ", "  ", "\t", "\n", "\r\n", "#", "&a ", "*a", "!!", "!x ", "{", "}", "[", "]",
             "'", '"', "|", ">", "---\n", "...", "? ", "%YAML 1.1\n", "<<: ", "012025", "no",
             "2026-03-27", "1e3", "null", "~", "\x00", "\ufeff", "日本語", "id", "title", "\\"]


_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _check(data: str | bytes) -> None:
    """The loader's contract, whatever ``data`` is."""
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    # Count line breaks as YAML does: a bare CR, NEL, LS and PS break lines too.
    lines = len(_YAML_BREAK.findall(text)) + 2
    start = time.process_time()
    try:
        plan = loads_plan(data, "fuzz.yaml")
    except PlanFileError as exc:  # (either outcome is allowed; a refusal must be well formed)
        assert exc.problems  # noqa: PT017
        for problem in exc.problems:
            assert problem.file == "fuzz.yaml"
            assert problem.message("ja").strip() and problem.message("en").strip()
            assert problem.code
            if problem.line is not None:
                assert 1 <= problem.line <= lines and (problem.column or 1) >= 1
    else:
        assert isinstance(plan, Plan)
    assert time.process_time() - start < 2.0


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    _check(data)


@FUZZ
@given(st.lists(st.sampled_from(YAML_BITS) | st.text(max_size=5), max_size=60).map("".join))
@example("- \r0")  # a bare CR is a YAML line break: the problem is on line 2, not past the end
@example("a: 1\x85b: [")
def test_random_yaml_like_text(text):
    _check(text)


json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["schema_version", "plan", "title", "issues", "id", "x"]) | st.text(max_size=4),
        inner, max_size=4),
    max_leaves=20)


@FUZZ
@given(json_like)
def test_random_yaml_documents(value):
    _check(yaml.safe_dump(value, allow_unicode=True))
    _check(yaml.safe_dump({"schema_version": 1, "plan": {"title": "x"}, "issues": value}))


@st.composite
def mutated_sample(draw) -> str:
    lines = list(SAMPLE_LINES)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "replace_char",
                                       "indent", "dedent", "truncate"]))
        line = lines[index]
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "insert":
            lines.insert(index, draw(st.sampled_from(YAML_BITS)) + draw(st.text(max_size=6)) + "\n")
        elif action == "replace_char" and line:
            pos = draw(st.integers(0, len(line) - 1))
            lines[index] = line[:pos] + draw(st.sampled_from(YAML_BITS)) + line[pos + 1:]
        elif action == "indent":
            lines[index] = "  " + line
        elif action == "dedent":
            lines[index] = line.lstrip(" ")
        elif action == "truncate":
            lines = lines[:index]
        if not lines:
            break
    return "".join(lines)


@FUZZ
@given(mutated_sample())
def test_random_edits_of_the_sample_plan(text):
    _check(text)
    _check(text.encode("utf-8"))


def test_the_sample_itself_loads():
    assert isinstance(loads_plan(SAMPLE), Plan)


def test_exponential_alias_bomb_is_refused_in_bounded_time():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(9))
    start = time.process_time()
    _check(bomb)
    assert time.process_time() - start < 1.0
