"""libyaml's syntax errors, worded for a person who edits a plan file by hand."""

from __future__ import annotations

import yaml

from planner.io.problems import Problem

_GENERIC_JA = "インデント（字下げ）、「:」の後の空白、引用符の閉じ忘れを確認してください。"
_GENERIC_EN = "Check the indentation, the space after “:”, and that every quote is closed."

#: (fragment of libyaml's message, code, Japanese, English): first match wins.
_KNOWN: tuple[tuple[str, str, str, str], ...] = (
    ("maximum nesting depth", "too_deep", "入れ子が深すぎます。インデントや括弧を確認してください。",
     "Nesting is too deep. Check the indentation and brackets."),
    ("single document", "yaml", "1つのファイルに書ける計画は1つです。「---」以降の2つ目の文書を消してください。",
     "A file holds one plan. Remove the second document after “---”."),
    ("mapping values are not allowed", "yaml",
     ("ここには「キー: 値」を書けません。値に「:」を含めるときは値全体を引用符（\"…\"）で囲んでください。"
     "インデントのずれも確認してください。"),
     ("A “key: value” is not allowed here. Quote a value that contains “:”, and check the "
     "indentation.")),
    ("found a tab", "yaml", "タブ文字はインデントに使えません。スペースに置き換えてください。",
     "Tabs cannot indent. Replace them with spaces."),
    ("cannot start any token", "yaml",
     "この文字では値を始められません。タブ文字ならスペースに置き換え、記号（@ ` % など）で始まる値は引用符で囲んでください。",
     ("A value cannot start with this character. Replace tabs with spaces; quote values that "
     "start with @, ` or %.")),
    ("could not find expected ':'", "yaml", "「キー: 値」の「:」が見つかりません。「:」の後に空白を入れてください。",
     "Expected “:” after a key. Put a space after the colon."),
    ("control characters are not allowed", "yaml",
     "制御文字が含まれています。テキストファイルか確認し、見えない文字を消してください。",
     "The file contains control characters. Check that it is a text file and remove them."),
    ("unknown escape character", "yaml",
     "二重引用符の中の「\\」の使い方が正しくありません。「\\\\」と書くか、単一引用符（'…'）で囲んでください。",
     "A backslash inside double quotes is not a valid escape. Write “\\\\” or use single quotes."),
    ("end of stream", "yaml", "ファイルが途中で終わっています。引用符や括弧の閉じ忘れを確認してください。",
     "The file ends too early. Check for an unclosed quote or bracket."),
)


def _reader_position(exc: yaml.YAMLError, text: str) -> tuple[int | None, int | None]:
    """Line and column of a ReaderError, which gives only a character offset."""
    offset = getattr(exc, "position", None)
    if not isinstance(offset, int) or offset > len(text):
        return None, None
    line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    line = text.count("\n", 0, offset) + 1
    return line, offset - line_start + 1


def syntax_problem(exc: yaml.YAMLError, filename: str, text: str = "") -> Problem:
    """One problem for libyaml's error, located at its mark."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    if mark is None:
        line, column = _reader_position(exc, text)
    parts = ("context", "problem", "reason")
    raw = " ".join(str(getattr(exc, p)) for p in parts if getattr(exc, p, None)) or str(exc)
    index = getattr(mark, "index", None)
    if isinstance(index, int) and 0 <= index < len(text) and text[index] == "\t":
        raw = "found a tab " + raw  # libyaml words a leading tab as a bad token
    for fragment, code, ja, en in _KNOWN:
        if fragment in raw:
            return Problem(filename, line, column, ja, en, code)
    return Problem(filename, line, column, f"YAML の書き方に誤りがあります（{raw}）。{_GENERIC_JA}",
                   f"The YAML is malformed ({raw}). {_GENERIC_EN}", "yaml")
