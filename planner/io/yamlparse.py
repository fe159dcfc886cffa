"""Stage 2, parse: YAML text to plain data, safely, keeping nodes for line and column.

libyaml (``yaml.CSafeLoader``) composes the node tree; this module resolves scalars by
the YAML 1.2 JSON-like rules below and builds dicts, lists and scalars itself, so that:

* only ``str``, ``int``, ``float``, ``bool`` and ``None`` ever come out: no tag
  constructs an object, and ``2026-03-27``, ``012025``, ``no``, ``on`` stay strings;
* ``true``/``false`` are the only booleans, ``null``/``~``/empty the only null, integers
  have no leading zero (``012025`` is the string "012025") and numbers follow JSON
  (``1e3`` is a number, so a field that wants text says "quote it");
* anchors and aliases are refused (a 5 KB file could otherwise expand into billions of
  nodes), as are duplicate keys, keys that are not plain text, and nesting deeper than
  any plan needs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

if TYPE_CHECKING:  # a position in the text, from the pure-Python or the C (libyaml) parser
    from yaml._yaml import Mark as _CMark
    from yaml.error import Mark as _PyMark

    Mark = _PyMark | _CMark

from planner.io.problems import SEARCH_LIMIT, Problem

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"

NULL_RE = re.compile(r"^(?:~|null|Null|NULL|)$")
BOOL_RE = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
INT_RE = re.compile(r"^-?(?:0|[1-9][0-9]*)$")
FLOAT_RE = re.compile(r"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+(?:[eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)$")

#: Nodes (YAML events) allowed: ten times a prefecture-scale plan (~50,000), ~150 MB built.
MAX_NODES = 500_000
#: Texts longer than this may hold more than MAX_NODES nodes, so their events are counted
#: first (a shorter text cannot: every node takes at least two characters).
SCAN_ABOVE = 1_000_000

#: Deeper than any plan (root > list > item > open_data > tags is 5 levels).
MAX_DEPTH = 10

#: The implicit resolvers of this module, for the loader and (quoting) for the saver.
RESOLVERS: tuple[tuple[str, re.Pattern[str], list[str]], ...] = (
    (NULL, NULL_RE, ["~", "n", "N", ""]),
    (BOOL, BOOL_RE, list("tTfF")),
    (INT, INT_RE, list("-0123456789")),
    (FLOAT, FLOAT_RE, list("-0123456789")),
)


class PlanLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """libyaml's parser with only the implicit types listed in RESOLVERS."""

    yaml_implicit_resolvers: ClassVar[dict] = {}


for _tag, _regexp, _first in RESOLVERS:
    PlanLoader.add_implicit_resolver(_tag, _regexp, _first)

def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class Parsed:
    """The plain data of a document, its root node and the problems found building it."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.data: Any = None
        self.root: Node | None = None
        self.problems: list[Problem] = []
        #: True when nothing could be built (syntax error, anchors): later stages are skipped.
        self.fatal = False

    def add(self, code: str, node: Node | Mark | None, ja: str, en: str) -> None:
        """Record a problem at ``node`` (or a mark); past SEARCH_LIMIT they are dropped."""
        if len(self.problems) >= SEARCH_LIMIT:
            return
        if node is None:
            line = column = None
        elif isinstance(node, Node):
            line, column = _mark(node)
        else:
            line, column = node.line + 1, node.column + 1
        self.problems.append(Problem(self.filename, line, column, ja, en, code))


def parse(text: str, filename: str) -> Parsed:
    """Parse ``text``; problems (syntax, aliases, tags, duplicates) are in ``.problems``."""
    from planner.io.yamlerrors import syntax_problem

    result = Parsed(filename)
    try:
        if "&" in text or "*" in text or len(text) > SCAN_ABOVE:
            _prescan(text, result)
            if result.problems:
                result.fatal = True
                return result
        loader = PlanLoader(text)
        try:
            result.root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        result.problems.append(syntax_problem(exc, filename, text))
        result.fatal = True
        return result
    if result.root is None:
        return result
    result.data = _build(result.root, 1, result)
    return result


def _prescan(text: str, result: Parsed) -> None:
    """Before any node is built (nodes cost ~300 bytes each): refuse anchors, aliases and
    more nodes than MAX_NODES, streaming libyaml's events in constant memory."""
    loader = PlanLoader(text)
    count = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            count += 1
            if count > MAX_NODES:
                result.problems.append(Problem(
                    result.filename, None, None,
                    f"項目が多すぎます（{MAX_NODES:,} 個まで）。計画ファイルを指定しているか確認してください。",
                    f"The file has too many entries (at most {MAX_NODES:,}). "
                    "Check that this is a plan file.", "too_large"))
                return
            if isinstance(event, yaml.AliasEvent):
                result.add("alias", event.start_mark,
                           f"別名（*{event.anchor}）は使えません。内容をそのまま書いてください。",
                           f"Aliases (*{event.anchor}) are not allowed. Write the content out in full.")
            elif getattr(event, "anchor", None) is not None:
                result.add("alias", event.start_mark,
                           f"アンカー（&{event.anchor}）は使えません。「&{event.anchor}」を消してください。",
                           f"Anchors (&{event.anchor}) are not allowed. Remove “&{event.anchor}”.")
    finally:
        loader.dispose()


def _build(node: Node, depth: int, result: Parsed) -> Any:
    if depth > MAX_DEPTH:
        result.add("too_deep", node, f"入れ子が深すぎます（{MAX_DEPTH} 段まで）。インデントを確認してください。",
                   f"Nesting is too deep (at most {MAX_DEPTH} levels). Check the indentation.")
        return None
    if isinstance(node, ScalarNode):
        return _scalar(node, result)
    if isinstance(node, SequenceNode):
        if node.tag != SEQ:
            _bad_tag(node, result)
        return [_build(child, depth + 1, result) for child in node.value]
    assert isinstance(node, MappingNode)  # the composer makes only these three kinds
    if node.tag != MAP:
        _bad_tag(node, result)
    return _mapping(node, depth, result)


def _mapping(node: MappingNode, depth: int, result: Parsed) -> dict[str, Any]:
    out: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            result.add("key", key_node, "キーには文字だけを書いてください（一覧や入れ子は使えません）。",
                       "A key must be plain text, not a list or a mapping.")
            continue
        if key_node.tag not in (STR, INT, FLOAT, BOOL, NULL):
            _bad_tag(key_node, result)
        key = key_node.value
        if key in out:
            first = lines[key]
            result.add("duplicate_key", key_node,
                       f"キー「{key}」が重複しています（{first} 行目にもあります）。どちらか一方にまとめてください。",
                       f"Duplicate key “{key}” (also on line {first}). Keep only one of them.")
            continue
        lines[key] = key_node.start_mark.line + 1
        out[key] = _build(value_node, depth + 1, result)
    return out


def _bad_tag(node: Node, result: Parsed) -> None:
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    result.add("tag", node, f"タグ（{tag}）は使えません。タグを消して値だけを書いてください。",
               f"Tags ({tag}) are not allowed. Remove the tag and write the plain value.")


def _scalar(node: ScalarNode, result: Parsed) -> Any:
    tag, value = node.tag, node.value
    if tag == STR:
        return value
    if tag == NULL and NULL_RE.match(value):
        return None
    if tag == BOOL and BOOL_RE.match(value):
        return value[0] in "tT"
    if tag in (INT, FLOAT) and (INT_RE.match(value) or FLOAT_RE.match(value)):
        return _number(node, tag, result)
    _bad_tag(node, result)
    return None


def _number(node: ScalarNode, tag: str, result: Parsed) -> int | float | None:
    try:
        number: int | float = int(node.value) if tag == INT else float(node.value)
    except ValueError:  # more digits than int() accepts
        number = math.inf
    if isinstance(number, float) and not math.isfinite(number):
        result.add("value", node, "数値が大きすぎます。正しい値か確認してください。",
                   "The number is too large. Check the value.")
        return None
    return number


def locate(root: Node | None, path: Sequence[str | int], *, key: bool = False) -> Node | None:
    """The node at ``path`` (its key node if ``key``), or the deepest node on the way."""
    node = root
    last = len(path) - 1
    for i, step in enumerate(path):
        if isinstance(node, MappingNode) and isinstance(step, str):
            pair = next((p for p in node.value
                         if isinstance(p[0], ScalarNode) and p[0].value == step), None)
            if pair is None:
                return node
            node = pair[0] if key and i == last else pair[1]
        elif isinstance(node, SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            return node
    return node


def position(root: Node | None, path: Sequence[str | int], *,
             key: bool = False) -> tuple[int | None, int | None]:
    """1-based line and column of ``path`` in the file, as near as can be found."""
    node = locate(root, path, key=key)
    return _mark(node) if node is not None else (None, None)


def item_lines(root: Node | None, list_keys: Sequence[str]) -> dict[str, int]:
    """Line of each item, by id, in the top-level lists named ``list_keys``."""
    lines: dict[str, int] = {}
    if not isinstance(root, MappingNode):
        return lines
    for key_node, value_node in root.value:
        if key_node.value not in list_keys or not isinstance(value_node, SequenceNode):
            continue
        for item in value_node.value:
            if not isinstance(item, MappingNode):
                continue
            for k, v in item.value:
                if k.value == "id" and isinstance(v, ScalarNode) and v.tag == STR:
                    lines.setdefault(v.value, item.start_mark.line + 1)
    return lines


def load_strict(text: str, filename: str) -> Any:
    """Plain data from any YAML the program reads (pack manifests, starters, vocabularies).

    The plan loader's rules hold: no anchors, aliases or tags, no duplicate keys, at most
    MAX_NODES nodes and MAX_DEPTH levels, only str/int/float/bool/None. Raises
    PlanFileError naming the file, line and column of every problem.
    """
    from planner.io.problems import PlanFileError

    parsed = parse(text, filename)
    if parsed.problems:
        raise PlanFileError(parsed.problems)
    return parsed.data
