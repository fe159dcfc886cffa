"""Plain data (what YAML gives) to model objects and back.

The loader validates the shape against the JSON Schema first, so ``plan_from_dict`` may
trust types and codes; it only builds objects. ``plan_to_dict`` is what the saver writes:
keys in schema (dataclass) order, ``None`` and empty lists left out, so that a plan file
stays short and a one-field change is a one-line diff.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from enum import Enum
from functools import cache
from typing import Any

from planner.plan.model import ItemKind, OpenData, Plan


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _strip_optional(hint: Any) -> Any:
    """``X | None`` → ``X``; anything else unchanged."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return hint


def _build(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    hint = _strip_optional(hint)
    origin = typing.get_origin(hint)
    if origin is list:
        (item_hint,) = typing.get_args(hint)
        return [_build(item_hint, v) for v in value]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_dict(hint, value)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    return value


def _open_data_v1(data: dict[str, Any]) -> dict[str, Any]:
    """Schema v1's single ``standard_dataset`` is still read, as the first of the list."""
    if data.get("standard_dataset") is None:
        return data
    data = dict(data)
    first = data.pop("standard_dataset")
    rest = [code for code in data.get("standard_datasets") or [] if code != first]
    data["standard_datasets"] = [first, *rest]
    return data


#: Keys an older schema wrote that are still read, folded into today's fields.
_LEGACY_KEYS = {OpenData: _open_data_v1}


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """Build dataclass ``cls`` from a validated mapping, recursing into its fields."""
    hints = _hints(cls)
    if cls in _LEGACY_KEYS:
        data = _LEGACY_KEYS[cls](data)
    # A key written but left empty (``issues:``) means "not given": the field's default.
    kwargs = {key: _build(hints[key], value) for key, value in data.items()
              if key in hints and value is not None}
    return cls(**kwargs)


def plan_from_dict(data: dict[str, Any]) -> Plan:
    """Build a Plan from a mapping that passed schema validation."""
    return from_dict(Plan, data)


def _is_default(f: dataclasses.Field, value: Any) -> bool:
    if f.default_factory is not dataclasses.MISSING:
        return bool(value == f.default_factory())
    return False


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return to_dict(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def to_dict(obj: Any) -> dict[str, Any]:
    """A dataclass as a plain mapping in field order, leaving out what is unset."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if value is None or _is_default(f, value):
            continue
        out[f.name] = _plain(value)
    return out


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as the file writes it: schema_version first, item lists always present
    (``pillars`` only when the plan has a 施策体系, after the issues it answers)."""
    # plan.plan is written even when it equals the default: its title is required.
    out: dict[str, Any] = {"schema_version": plan.schema_version, "plan": to_dict(plan.plan)}
    for kind in ItemKind:
        if kind is not ItemKind.PILLAR or plan.pillars:
            out[kind.value] = _plain(kind.items(plan))
    return out
