"""Schema violations worded for people: what is wrong, where, and what to write instead."""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Any

from yaml.nodes import Node, ScalarNode

from planner.io.problems import Problem
from planner.io.schema import Violation
from planner.io.yamlparse import locate
from planner.plan.model import ItemKind
from planner.plan.wareki import western_year

_TYPE_JA = {"string": "文字列", "integer": "整数", "number": "数値", "boolean": "「true」か「false」",
            "array": "一覧（「- 」で始まる行）", "object": "「キー: 値」の組"}
_TYPE_EN = {"string": "text", "integer": "a whole number", "number": "a number",
            "boolean": "true or false", "array": "a list (lines starting with “- ”)",
            "object": "a mapping of “key: value” lines"}
_PATTERN_HELP = {
    "municipality_code": ("6桁の数字（検査数字を含む）を引用符で囲んで書いてください（例: \"012025\"）。",
                          "Write 6 digits including the check digit, in quotes (e.g. \"012025\")."),
    "standard_dataset": ("2桁の番号を引用符で囲んで書いてください（例: \"03\"）。",
                         "Write the two-digit number in quotes (e.g. \"03\")."),
    "standard_datasets": ("2桁の番号を引用符で囲んで書いてください（例: [\"01\", \"05\"]）。",
                          "Write two-digit numbers in quotes (e.g. [\"01\", \"05\"])."),
}
#: Keys that take a date to the day or only to the month (domain.md §2.4).
_MONTH_DATES = frozenset({"adopted_on", "date"})


def _name(path: tuple) -> str:
    """The key a violation is about: the last key on its path."""
    keys = [step for step in path if isinstance(step, str)]
    return keys[-1] if keys else "schema_version"


def _where(path: tuple) -> tuple[str, str]:
    """Where in the file, for messages: 'measures の 3 番目の項目' and English."""
    if not path:
        return "ファイルの一番上", "the top of the file"
    if isinstance(path[-1], int):
        ja = f"{_name(path)} の {path[-1] + 1} 番目の項目"
        return ja, f"item {path[-1] + 1} of {_name(path)}"
    return f"「{_name(path)}」", f"“{_name(path)}”"


def _raw(node: Node | None, value: Any) -> str:
    """The value as written in the file (so 012025 is not shown as 12025)."""
    if isinstance(node, ScalarNode):
        return node.value
    return str(value)


def _short(value: Any, limit: int = 40) -> str:
    """A value for a message, cut short so a pasted essay does not fill the screen."""
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _suggest(word: Any, choices: tuple) -> tuple[str, str]:
    match = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    if not match:
        return "", ""
    return f"もしかして「{match[0]}」ですか？", f"Did you mean “{match[0]}”?"


_ERA_RE = re.compile(r"\s*(令和|平成|昭和)\s*(元|\d+)\s*年度?\s*")


def _western_year(text: str) -> int | None:
    """2030 for 令和12年度 (full-width digits too): officers write years in the era they use."""
    match = _ERA_RE.fullmatch(unicodedata.normalize("NFKC", text))
    if match is None:
        return None
    return western_year(match[1], 1 if match[2] == "元" else int(match[2]))


def _looks_like_csv(text: str) -> bool:
    """A header row of comma- or tab-separated names, as Excel writes it."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first.count(",") >= 1 or first.count("\t") >= 1


def _type(v: Violation, node: Node | None) -> tuple[str, str]:
    expected = [t for t in v.expected if t != "null"]
    if not v.path:
        if isinstance(v.value, str) and _looks_like_csv(v.value):
            return (("表計算ソフト（Excel など）で CSV として保存されたファイルのようです。planner の"
                     "計画ファイルは「schema_version: 2」「plan:」などの「キー: 値」の行で書く YAML "
                     "ファイルです。planner で作った計画ファイルを開くか、planner new で新しく作って"
                     "ください。"),
                    ("This looks like a spreadsheet saved as CSV. A plan file is YAML made of "
                     "“key: value” lines such as “schema_version: 2” and “plan:”; open a plan file "
                     "made by planner, or start one with 'planner new'."))
        return (("計画ファイルは「schema_version: 2」「plan:」などの「キー: 値」の行で書きます。"
                "一番上が一覧や文字だけになっています。"),
                ("A plan file is made of “key: value” lines such as “schema_version: 2” and “plan:”; "
                "its top level is not."))
    name = _name(v.path)
    want_ja = "または".join(_TYPE_JA[t] for t in expected)
    want_en = " or ".join(_TYPE_EN[t] for t in expected)
    raw = _short(_raw(node, v.value))
    if "string" in expected and isinstance(v.value, (int, float, bool)):
        return ((f"「{name}」は文字列で書きます。{raw} は{'真偽値' if isinstance(v.value, bool) else '数値'}"
                f"として読まれるので、引用符で囲んでください: {name}: \"{raw}\""),
                (f"“{name}” takes text, but {raw} reads as "
                f"{'true/false' if isinstance(v.value, bool) else 'a number'}; quote it: {name}: \"{raw}\""))
    if v.value is None:
        return (f"{_where(v.path)[0]}が空です。{want_ja}を書いてください。",
                f"{_where(v.path)[1]} is empty. Write {want_en}.")
    if isinstance(v.value, str) and {"integer", "number"} & set(expected):
        year = _western_year(v.value) if name.endswith("fy") else None
        if year is not None:
            return (f"「{name}」には{want_ja}を書いてください。年度は西暦で書きます（{raw} → {year}）。",
                    f"“{name}” takes {want_en}; write the Western year ({raw} is {year}).")
        return (f"「{name}」には{want_ja}を書いてください（「{raw}」は数値ではありません。単位やカンマは付けません）。",
                f"“{name}” takes {want_en} (“{raw}” is not a number; leave out units and commas).")
    if expected == ["boolean"] and isinstance(v.value, str):
        return ((f"{_where(v.path)[0]}には{want_ja}を書いてください（「{raw}」は文字として読まれます。"
                 "yes・no・on・off は使えません）。"),
                (f"{_where(v.path)[1]} must be {want_en} (“{raw}” reads as text; yes, no, on and "
                 "off are not accepted)."))
    return (f"{_where(v.path)[0]}には{want_ja}を書いてください。", f"{_where(v.path)[1]} must be {want_en}.")


def _enum(v: Violation) -> tuple[str, str]:
    name = _name(v.path)
    v = Violation(v.kind, v.path, _short(v.value), v.expected)
    codes = ", ".join(str(c) for c in v.expected)
    hint_ja, hint_en = _suggest(v.value, v.expected)
    return (f"「{v.value}」は {name} に使えるコードではありません。{hint_ja}使えるコード: {codes}",
            f"“{v.value}” is not a {name} code. {hint_en + ' ' if hint_en else ''}Codes: {codes}")


def _unknown(v: Violation) -> tuple[str, str]:
    v = Violation(v.kind, v.path, _short(v.value), v.expected)
    hint_ja, hint_en = _suggest(v.value, v.expected)
    keys = ", ".join(v.expected)
    return (f"「{v.value}」というキーはここでは使えません。{hint_ja}使えるキー: {keys}",
            f"Unknown key “{v.value}”. {hint_en + ' ' if hint_en else ''}Allowed keys: {keys}")


def _value(v: Violation) -> tuple[str, str]:
    name, bound = _name(v.path), (v.expected[0] if v.expected else None)
    v = Violation(v.kind, v.path, _short(v.value), v.expected)
    if v.kind == "minimum":
        return (f"「{name}」の値 {v.value} は小さすぎます（{bound} 以上）。",
                f"“{name}” is {v.value}, below the minimum {bound}.")
    if v.kind == "maximum":
        return (f"「{name}」の値 {v.value} は大きすぎます（{bound} 以下）。",
                f"“{name}” is {v.value}, above the maximum {bound}.")
    if v.kind == "min_length":
        return f"「{name}」が空です。値を書いてください。", f"“{name}” is empty. Write a value."
    if v.kind == "format" and name in _MONTH_DATES:
        return ((f"「{name}」は YYYY-MM-DD 形式の日付か、月までなら YYYY-MM で書いてください（例: 2026-03-27、2019-03）。"
                f"「{v.value}」は日付ではありません。"),
                (f"“{name}” takes a date as YYYY-MM-DD, or YYYY-MM when only the month is known "
                f"(e.g. 2026-03-27, 2019-03); “{v.value}” is not one."))
    if v.kind == "format":
        return (f"「{name}」は YYYY-MM-DD 形式の日付で書いてください（例: 2026-03-27）。「{v.value}」は日付ではありません。",
                f"“{name}” takes a date as YYYY-MM-DD (e.g. 2026-03-27); “{v.value}” is not one.")
    if v.kind == "const":
        return (f"「{name}」は {bound} でなければなりません。", f"“{name}” must be {bound}.")
    ja, en = _PATTERN_HELP.get(name, ("形式が正しくありません。", "The format is wrong."))
    return f"「{name}」の値「{v.value}」: {ja}", f"“{name}” value “{v.value}”: {en}"


def _required(v: Violation) -> tuple[str, str]:
    kind = ItemKind.from_key(v.path[0]) if len(v.path) == 2 else None
    if kind is not None and isinstance(v.path[1], int):
        # The problem is named by its item (施策 M-1『…』: …), so the message need not say where.
        if v.value == "id":
            example = f"id: {kind.prefix}-…"
            return (f"必須の「id」がありません。「{example}」のように、ファイル全体で重複しない ID を書いてください。",
                    (f"The required “id” is missing. Add one such as “{example}”, used nowhere "
                     "else in the file."))
        return f"必須の「{v.value}」がありません。", f"The required “{v.value}” is missing."
    where_ja, where_en = _where(v.path)
    return (f"{where_ja}に必須の「{v.value}」がありません。",
            f"{where_en[0].upper() + where_en[1:]} lacks the required “{v.value}”.")


_CODES = {"type": "type", "enum": "code", "required": "required", "unknown_key": "unknown_key"}


def violation_problem(v: Violation, root: Node | None, filename: str) -> Problem:
    """A located, bilingual problem for one schema violation."""
    node = locate(root, v.path, key=v.kind == "unknown_key")
    if v.kind == "type":
        ja, en = _type(v, node)
    elif v.kind == "enum":
        ja, en = _enum(v)
    elif v.kind == "unknown_key":
        ja, en = _unknown(v)
    elif v.kind == "required":
        ja, en = _required(v)
    else:
        ja, en = _value(v)
    line = column = None
    if node is not None:
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
    return Problem(filename, line, column, ja, en, _CODES.get(v.kind, "value"))
