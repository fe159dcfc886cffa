"""Stage 3, migrate: bring a file written for an older schema_version up to the current one.

Each step upgrades plain data from version N to N+1. Version 1 is the first, so the
registry is empty today; the stage still runs on every load, so that the first real
migration only has to be registered here (and tested with an old file).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from planner.model import SCHEMA_VERSION

#: Step from version N (the key) to N+1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class VersionError(Exception):
    """The file's schema_version cannot be handled: ``code`` is newer_version or unsupported_version."""

    def __init__(self, code: str, version: Any) -> None:
        super().__init__(f"{code}: {version}")
        self.code = code
        self.version = version


def migrate(data: dict[str, Any], *, current: int = SCHEMA_VERSION,
            steps: Mapping[int, Callable[[dict[str, Any]], dict[str, Any]]] | None = None
            ) -> dict[str, Any]:
    """``data`` upgraded to ``current``; VersionError if too new or with no path from it."""
    steps = MIGRATIONS if steps is None else steps
    version = data.get("schema_version")
    if type(version) is not int:
        return data  # wrong or missing: the schema check words that problem
    if version > current:
        raise VersionError("newer_version", version)
    while version < current:
        step = steps.get(version)
        if step is None:
            raise VersionError("unsupported_version", version)
        data = step(data)
        version += 1
        data["schema_version"] = version
    return data
