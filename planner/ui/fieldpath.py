"""Dotted field paths into plan items (``period.start_fy``, ``open_data.license``).

Pure Python on purpose: commands, forms and findings all name a field the same way,
as the plan file does, and this module is how they read and write one. Lists are
always replaced whole (``uses``, ``actuals``), so a path never indexes into a list.
"""

from __future__ import annotations

import dataclasses
import typing
from functools import cache
from typing import Any


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _dataclass_of(hint: Any) -> type | None:
    """The dataclass inside ``X | None``, or None when the hint is not one."""
    for arg in (hint, *typing.get_args(hint)):
        if isinstance(arg, type) and dataclasses.is_dataclass(arg):
            return arg
    return None


def get_value(obj: Any, path: str) -> Any:
    """The value at ``path`` under ``obj``; None when a parent on the way is unset."""
    for name in path.split("."):
        if obj is None:
            return None
        obj = getattr(obj, name)
    return obj


def parents(path: str) -> list[str]:
    """``path`` and its parents, nearest first: ``a.b[2].c`` → ``a.b[2].c``, ``a.b[2]``,
    ``a.b``, ``a``."""
    out = [path]
    while True:
        cut = max(path.rfind("."), path.rfind("["))
        if cut <= 0:
            return out
        path = path[:cut]
        out.append(path)


def _is_empty(obj: Any) -> bool:
    """True for a nested record whose fields are all unset (so the file leaves it out)."""
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if value not in (None, [], "") and not (
            dataclasses.is_dataclass(value) and _is_empty(value)
        ):
            return False
    return True


def set_value(obj: Any, path: str, value: Any) -> None:
    """Set ``path`` under ``obj``, creating unset parents and dropping emptied ones."""
    names = path.split(".")
    chain = [obj]
    for name in names[:-1]:
        parent = chain[-1]
        child = getattr(parent, name)
        if child is None:
            parent_type: type = type(parent)
            cls = _dataclass_of(_hints(parent_type)[name])
            if cls is None:
                raise AttributeError(f"{type(parent).__name__}.{name} is not a record")
            child = cls()
            setattr(parent, name, child)
        chain.append(child)
    setattr(chain[-1], names[-1], value)
    # Why: a record emptied by an edit (or by undoing the edit that created it) must go
    # back to None, so undo restores the file exactly and saving writes no ``{}``.
    for parent, name, child in zip(reversed(chain[:-1]), reversed(names[:-1]), reversed(chain[1:]),
                                   strict=True):
        if not _is_empty(child) or not _nullable(type(parent), name):
            break
        setattr(parent, name, None)


def _nullable(cls: type, name: str) -> bool:
    """True when the field may be None (``period``), not when it always exists (``sections``)."""
    return type(None) in typing.get_args(_hints(cls)[name])
