"""Where planner's bundled data lives, from a source checkout or an installed wheel.

The repository keeps ``resources/``, ``templates/`` and ``plan_schema/`` at its top (the
design card's layout); the wheel carries them under ``planner/_data/``. Callers ask
here and never build these paths themselves.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # planner/


def data_dir(name: str) -> Path:
    """The bundled folder ``name`` (``resources``, ``templates`` or ``plan_schema``)."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def resources_dir() -> Path:
    """Vocabularies, samples and other shipped facts."""
    return data_dir("resources")


def templates_dir() -> Path:
    """Built-in template packs."""
    return data_dir("templates")


def schema_path() -> Path:
    """The JSON Schema of the plan file (schema_version 2)."""
    return data_dir("plan_schema") / "plan.schema.json"


def sample_plan_path() -> Path:
    """The bundled sample plan the README opens."""
    return resources_dir() / "samples" / "sample-plan.yaml"
