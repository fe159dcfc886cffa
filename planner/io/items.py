"""Which plan item a problem lies in, so its message can name it: 施策 M-1『…』.

A planning officer thinks in items, not line numbers. Problems carry only a position,
so each is matched against the spans of the items in the top-level lists (``issues``,
``measures``, ``data_sources``, ``kpis``) of the parsed node tree. This runs only when a
file has problems, and only on the few that are reported, so valid files pay nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from planner.io.problems import ItemRef, Problem
from planner.io.yamlparse import STR
from planner.plan.model import ItemKind

if TYPE_CHECKING:
    from planner.io.yamlparse import Mark

Position = tuple[int, int]  # 1-based (line, column)


class _Span(NamedTuple):
    start: Position
    end: Position  # exclusive: the next token after the item may start here
    node: MappingNode
    list_key: str
    number: int  # 1-based place in its list


def _position(mark: Mark) -> Position:
    return mark.line + 1, mark.column + 1


def _spans(root: Node | None) -> list[_Span]:
    """The items of the top-level lists that are mappings, in file order."""
    spans: list[_Span] = []
    if not isinstance(root, MappingNode):
        return spans
    for key_node, value_node in root.value:
        if not (isinstance(key_node, ScalarNode) and ItemKind.from_key(key_node.value)
                and isinstance(value_node, SequenceNode)):
            continue
        for index, item in enumerate(value_node.value):
            # An item that is not a mapping has no id to name; its message says "item N of …".
            if isinstance(item, MappingNode):
                spans.append(_Span(_position(item.start_mark), _position(item.end_mark), item,
                                   key_node.value, index + 1))
    spans.sort(key=lambda span: span.start)  # a repeated list key may come later in the file
    return spans


def _text(item: MappingNode, key: str) -> str | None:
    """The item's ``key`` if it is written as non-blank text (the first one, as parsing keeps)."""
    for key_node, value_node in item.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            if isinstance(value_node, ScalarNode) and value_node.tag == STR \
                    and value_node.value.strip():
                return value_node.value
            return None
    return None


def _item_ref(span: _Span) -> ItemRef:
    """The reference a message uses for the item at ``span``."""
    return ItemRef(span.list_key, span.number, _text(span.node, "id"), _text(span.node, "title"))


def name_items(problems: Iterable[Problem], root: Node | None) -> list[Problem]:
    """``problems`` with ``item`` set on each that lies inside an issue, measure, data or KPI."""
    problems = list(problems)
    spans = _spans(root) if problems else []
    if not spans:
        return problems
    starts = [span.start for span in spans]
    refs: dict[int, ItemRef] = {}
    named: list[Problem] = []
    for problem in problems:
        if problem.item is None and problem.line is not None and problem.column is not None:
            where = (problem.line, problem.column)
            index = bisect_right(starts, where) - 1
            if index >= 0 and where < spans[index].end:
                if index not in refs:
                    refs[index] = _item_ref(spans[index])
                named.append(replace(problem, item=refs[index]))
                continue
        named.append(problem)
    return named
