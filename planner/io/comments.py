"""Comments in a hand-edited plan file survive saving, each beside the item it stood by.

The saver writes the plan afresh from the model, so YAML comments would vanish. Before
the file is replaced, each comment of the old text is anchored to the line that follows
it — a top-level key (``measures``), an item by its id (``measures/M-3``; items without one by a naming key such as a use's
data and flow, or a list entry by its value), or a key inside
an item (``measures/M-3/uses``) — and put back before the line with the same anchor in
the new text, at that line's indentation. A comment at the end of a line becomes a full
line above it. Comments whose anchor is gone (the item was deleted) are kept at the end
of the file under a heading, so nothing a person wrote is lost silently.

Anchors come from libyaml's node tree; a ``#`` counts as a comment only outside every
scalar token, so ``"#3"`` or a URL fragment in text is never mistaken for one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from planner.io.yamlparse import PlanLoader

Anchor = tuple[str, ...]
END: Anchor = ("<end>",)

ORPHANS_HEADING = "# ── 保存時に対応する項目が見つからなかったコメント / comments whose item is gone ──"


@dataclass
class Comments:
    """The comments of one text, grouped by the anchor of the line they stand before."""

    before: dict[Anchor, list[str]] = field(default_factory=dict)
    count: int = 0  # comment lines found (the modeline excluded)

    def __bool__(self) -> bool:
        return self.count > 0


def _scalar_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    loader = PlanLoader(text)
    try:
        while loader.check_token():
            token = loader.get_token()
            if isinstance(token, yaml.ScalarToken):
                spans.append((token.start_mark.index, token.end_mark.index))
    finally:
        loader.dispose()
    return spans


def _comment_starts(text: str) -> dict[int, int]:
    """Line number (0-based) → column where its comment starts."""
    if "#" not in text:
        return {}
    spans = _scalar_spans(text)
    found: dict[int, int] = {}
    offset = 0
    span_i = 0
    for line_no, line in enumerate(text.splitlines(keepends=True)):
        col = line.find("#")
        while col != -1:
            index = offset + col
            while span_i < len(spans) and spans[span_i][1] <= index:
                span_i += 1
            inside = span_i < len(spans) and spans[span_i][0] <= index < spans[span_i][1]
            if not inside and (col == 0 or line[col - 1] in " \t"):
                found[line_no] = col
                break
            col = line.find("#", col + 1)
        offset += len(line)
    return found


#: Keys that name a list item without an ``id`` (a use by its data, a KPI year by ``fy``,
#: …), first match wins; an item is anchored by them rather than by its position, so
#: deleting an earlier item never moves a comment onto its neighbour, and editing a use's
#: flow or purpose keeps the comment beside it.
_NAMING_KEYS: tuple[tuple[str, ...], ...] = (
    ("id",), ("data",), ("fy",), ("term",), ("title",), ("date",))


def _item_name(node: Node) -> str | None:
    if isinstance(node, ScalarNode):
        return f"={node.value}"
    if isinstance(node, MappingNode):
        fields = {k.value: v.value for k, v in node.value
                  if isinstance(k, ScalarNode) and isinstance(v, ScalarNode)}
        for keys in _NAMING_KEYS:
            if all(key in fields for key in keys):
                name = "|".join(fields[key] for key in keys)
                return name if keys == ("id",) else "=" + name
    return None


def _item_keys(node: SequenceNode) -> list[str]:
    """A name for each item of ``node``; repeats get ``~2``, ``~3`` …, unnamed ``#index``."""
    keys: list[str] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(node.value):
        name = _item_name(item)
        if name is None:
            keys.append(f"#{index}")
            continue
        seen[name] = seen.get(name, 0) + 1
        keys.append(name if seen[name] == 1 else f"{name}~{seen[name]}")
    return keys


def _anchors(root: Node | None) -> dict[int, Anchor]:
    """Line (0-based) → anchor of the outermost key or item that starts on it."""
    lines: dict[int, Anchor] = {}

    def walk(node: Node, path: Anchor) -> None:
        if isinstance(node, MappingNode):
            for k, v in node.value:
                if isinstance(k, ScalarNode):
                    here = (*path, k.value)
                    lines.setdefault(k.start_mark.line, here)
                    walk(v, here)
        elif isinstance(node, SequenceNode):
            for key, item in zip(_item_keys(node), node.value, strict=True):
                here = (*path, key)
                lines.setdefault(item.start_mark.line, here)
                walk(item, here)

    if root is not None:
        walk(root, ())
    return lines


def _compose(text: str) -> Node | None:
    loader = PlanLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def collect(text: str, skip_first_line: bool = False, root: Node | None = None) -> Comments:
    """The comments of ``text`` by anchor; empty if the text has none or cannot be read.

    ``root`` is the text's node tree when the caller has composed it already.
    """
    try:
        starts = _comment_starts(text)
        if not starts:
            return Comments()
        anchors = _anchors(root if root is not None else _compose(text))
    except yaml.YAMLError:
        return Comments()
    lines = text.splitlines()
    result = Comments()
    pending: list[str] = []
    for no, line in enumerate(lines):
        col = starts.get(no)
        if no == 0 and skip_first_line and col == 0:
            continue
        if col is not None and not line[:col].strip():  # a whole-line comment
            pending.append(line[col:].rstrip())
            result.count += 1
            continue
        if col is None and not line.strip():
            continue  # blank lines keep a block together
        anchor = anchors.get(no)
        if col is not None:  # a comment after content: it stands by this line
            pending.append(line[col:].rstrip())
            result.count += 1
        if pending and anchor is not None:
            result.before.setdefault(anchor, []).extend(pending)
            pending = []
        # Content that starts no key (block text) carries pending comments on to the next.
    if pending:
        result.before.setdefault(END, []).extend(pending)
    return result


def restore(text: str, comments: Comments) -> str:
    """``text`` (as the saver wrote it) with ``comments`` put back by their anchors."""
    if not comments:
        return text
    anchors = _anchors(_compose(text))
    by_line = {line: anchor for line, anchor in anchors.items() if anchor in comments.before}
    out: list[str] = []
    used: set[Anchor] = set()
    for no, line in enumerate(text.splitlines()):
        anchor = by_line.get(no)
        if anchor is not None and anchor not in used:
            used.add(anchor)
            stripped = line.lstrip(" ")
            indent = len(line) - len(stripped)
            out.extend(" " * indent + c for c in comments.before[anchor])
        out.append(line)
    orphans = [c for anchor, block in comments.before.items() if anchor not in used
               for c in block if anchor != END]
    tail = comments.before.get(END, [])
    if orphans:
        out.append(ORPHANS_HEADING)
        out.extend(orphans)
    out.extend(tail)
    return "\n".join(out) + "\n"
