"""Fixtures the app tests share."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.files.planfile import dumps_plan
from tests.ui.plans import small_plan


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    """``small_plan()`` saved as 共有/計画.yaml: a plan in a folder of its own, as on a share."""
    path = tmp_path / "共有" / "計画.yaml"
    path.parent.mkdir()
    path.write_text(dumps_plan(small_plan()), encoding="utf-8")
    return path
