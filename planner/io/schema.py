"""Stage 4, validate: the plan against ``plan_schema/plan.schema.json``.

The JSON Schema is the single source of truth for the file's shape. Instead of
interpreting it per value with ``jsonschema`` (slow on prefecture-scale plans, and slow
to import), it is compiled once into plain Python checks. Only the keywords the schema
uses are supported, and compiling fails on any other, so the schema cannot silently grow
a rule this module ignores; tests check agreement with ``jsonschema`` itself.

One deliberate strictness beyond Draft 2020-12: ``integer`` means an integer literal
(``2026``), never a float with no fraction (``2026.0``).
"""

from __future__ import annotations

import contextlib
import datetime
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from planner.files.paths import schema_path

Path_ = tuple[str | int, ...]
Check = Callable[[Any, list, list], None]

#: Keywords that only annotate (help text for editors); validation ignores them.
ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "$comment", "title", "description",
                         "default", "examples"})
#: Keywords this compiler enforces.
ASSERTIONS = frozenset({"$ref", "type", "enum", "const", "properties", "additionalProperties",
                        "required", "items", "anyOf", "minimum", "maximum", "minLength",
                        "pattern", "format"})

_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: type(v) is int,
    "number": lambda v: type(v) in (int, float),
    "boolean": lambda v: type(v) is bool,
    "null": lambda v: v is None,
    "array": lambda v: type(v) is list,
    "object": lambda v: type(v) is dict,
}
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


@dataclass(frozen=True)
class Violation:
    """One way the data breaks the schema: ``kind`` at ``path`` with details."""

    kind: str  # type | enum | const | required | unknown_key | minimum | maximum | ...
    path: Path_
    value: Any = None
    expected: tuple = ()
    schema: dict = field(default_factory=dict, compare=False, repr=False)


class SchemaError(Exception):
    """The schema uses a keyword this compiler does not enforce (a bug, not a user error)."""


class _Compiler:
    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.compiled: dict[int, Check] = {}

    def ref(self, pointer: str) -> Check:
        if not pointer.startswith("#/"):
            raise SchemaError(f"only local $ref is supported: {pointer}")
        node: Any = self.root
        for part in pointer[2:].split("/"):
            node = node[part]
        return self.compile(node)

    def compile(self, schema: dict[str, Any]) -> Check:
        key = id(schema)
        if key in self.compiled:
            return self.compiled[key]
        checks: list[Check] = []

        def run(value: Any, path: list, out: list) -> None:
            for check in checks:
                check(value, path, out)

        run.types = _declared_types(schema)  # type: ignore[attr-defined]
        self.compiled[key] = run
        unknown = set(schema) - ANNOTATIONS - ASSERTIONS
        if unknown:
            raise SchemaError(f"unsupported keywords: {sorted(unknown)}")
        if "$ref" in schema:
            target = self.ref(schema["$ref"])
            checks.append(target)
            run.types = target.types  # type: ignore[attr-defined]
        if "anyOf" in schema:
            checks.append(self.any_of(schema))
        type_ok = self.type_check(schema)
        if type_ok is not None:
            checks.append(type_ok)
        checks.extend(self.value_checks(schema))
        if "properties" in schema or "required" in schema:
            checks.append(self.object_check(schema))
        if "items" in schema:
            checks.append(self.array_check(schema))
        return run

    def type_check(self, schema: dict[str, Any]) -> Check | None:
        if "type" not in schema:
            return None
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        tests = [_TYPES[n] for n in names]
        expected = tuple(names)

        def check(value: Any, path: list, out: list) -> None:
            if not any(t(value) for t in tests):
                out.append(Violation("type", tuple(path), value, expected, schema))
        return check

    def value_checks(self, schema: dict[str, Any]) -> list[Check]:
        checks: list[Check] = []
        if "enum" in schema:
            allowed = schema["enum"]
            strings = frozenset(v for v in allowed if isinstance(v, str))
            codes = tuple(v for v in allowed if v is not None)

            def enum(value: Any, path: list, out: list) -> None:
                if isinstance(value, str) and value not in strings:
                    out.append(Violation("enum", tuple(path), value, codes, schema))
            checks.append(enum)
        if "const" in schema:
            const = schema["const"]

            def const_check(value: Any, path: list, out: list) -> None:
                if type(value) is type(const) and value != const:
                    out.append(Violation("const", tuple(path), value, (const,), schema))
            checks.append(const_check)
        checks.extend(self.bound_checks(schema))
        return checks

    def bound_checks(self, schema: dict[str, Any]) -> list[Check]:
        checks: list[Check] = []
        numeric = (int, float)
        if "minimum" in schema:
            low = schema["minimum"]
            checks.append(lambda v, p, o: o.append(Violation("minimum", tuple(p), v, (low,), schema))
                          if type(v) in numeric and v < low else None)
        if "maximum" in schema:
            high = schema["maximum"]
            checks.append(lambda v, p, o: o.append(Violation("maximum", tuple(p), v, (high,), schema))
                          if type(v) in numeric and v > high else None)
        if "minLength" in schema:
            least = schema["minLength"]
            checks.append(lambda v, p, o: o.append(Violation("min_length", tuple(p), v, (least,), schema))
                          if isinstance(v, str) and len(v) < least else None)
        if "pattern" in schema:
            regex = re.compile(_python_pattern(schema["pattern"]))
            checks.append(lambda v, p, o: o.append(Violation("pattern", tuple(p), v, (), schema))
                          if isinstance(v, str) and not regex.search(v) else None)
        if "format" in schema:
            if schema["format"] != "date":
                raise SchemaError(f"unsupported format: {schema['format']}")
            checks.append(lambda v, p, o: o.append(Violation("format", tuple(p), v, ("date",), schema))
                          if isinstance(v, str) and not _is_date(v) else None)
        return checks

    def object_check(self, schema: dict[str, Any]) -> Check:
        props = {name: self.compile(sub) for name, sub in schema.get("properties", {}).items()}
        required = tuple(schema.get("required", ()))
        closed = schema.get("additionalProperties", True) is False
        if not isinstance(schema.get("additionalProperties", True), bool):
            raise SchemaError("additionalProperties must be true or false")
        names = tuple(props)

        def check(value: Any, path: list, out: list) -> None:
            if type(value) is not dict:
                return
            for name in required:
                if name not in value:
                    # (append, not extend: ``out`` may be a _Capped list that stops at its limit)
                    out.append(Violation("required", tuple(path), name, (name,), schema))
            for key, item in value.items():
                sub = props.get(key)
                path.append(key)
                if sub is not None:
                    sub(item, path, out)
                elif closed:
                    out.append(Violation("unknown_key", tuple(path), key, names, schema))
                path.pop()
        return check

    def array_check(self, schema: dict[str, Any]) -> Check:
        item_check = self.compile(schema["items"])

        def check(value: Any, path: list, out: list) -> None:
            if type(value) is not list:
                return
            for index, item in enumerate(value):
                path.append(index)
                item_check(item, path, out)
                path.pop()
        return check

    def any_of(self, schema: dict[str, Any]) -> Check:
        branches = [self.compile(sub) for sub in schema["anyOf"]]

        def check(value: Any, path: list, out: list) -> None:
            results = []
            for branch in branches:
                found: list[Violation] = []
                branch(value, path, found)
                if not found:
                    return
                results.append(found)
            # Report the branch whose type fits; if none fits, one type error for all.
            here = tuple(path)
            for found in results:
                if not any(v.kind == "type" and v.path == here for v in found):
                    out.extend(found)
                    return
            expected = tuple(dict.fromkeys(
                t for b in branches for t in b.types))  # type: ignore[attr-defined]
            out.append(Violation("type", here, value, expected, schema))
        return check


def _declared_types(schema: dict[str, Any]) -> tuple[str, ...]:
    declared = schema.get("type", ())
    return tuple(declared) if isinstance(declared, list) else (declared,) if declared else ()


def _python_pattern(pattern: str) -> str:
    """ECMA-262's ``$`` never matches before a final newline; Python's does unless ``\\Z``."""
    return pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern


def _is_date(value: str) -> bool:
    if not _DATE_RE.match(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@cache
def load_schema() -> dict[str, Any]:
    """The plan file's JSON Schema, read once from the bundled file."""
    with open(schema_path(), encoding="utf-8") as fh:
        return json.load(fh)


@cache
def _root_check() -> Check:
    return _Compiler(load_schema()).compile(load_schema())


class _Enough(Exception):
    """Raised inside the checks once ``limit`` violations are found."""


class _Capped(list):
    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def append(self, item: Violation) -> None:
        super().append(item)
        if len(self) >= self.limit:
            raise _Enough


def validate(data: Any, limit: int | None = None) -> list[Violation]:
    """Every way ``data`` breaks the schema, in document order; at most ``limit`` of them."""
    out: list[Violation] = _Capped(limit) if limit else []
    with contextlib.suppress(_Enough):
        _root_check()(data, [], out)
    return list(out)


def compile_schema(schema: dict[str, Any]) -> Callable[[Any], list[Violation]]:
    """A validator for another schema (tests use it on variants of the bundled one)."""
    check = _Compiler(schema).compile(schema)

    def run(data: Any) -> list[Violation]:
        out: list[Violation] = []
        check(data, [], out)
        return out
    return run
