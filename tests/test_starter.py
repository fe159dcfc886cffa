"""planner new: a plan file from a pack's starter plan, never overwriting by accident."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main
from planner.errors import PlannerError
from planner.files.planfile import load_plan
from planner.render.starter import write_new_plan


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANNER_HOME", str(tmp_path / "home"))


def test_new_plan_from_the_default_pack_loads(tmp_path):
    out = tmp_path / "plan.yaml"
    write_new_plan(out, None, None, False)
    plan = load_plan(out)
    assert plan.plan.municipality == "〇〇市"
    assert "#" in out.read_text(encoding="utf-8")  # the starter's guiding comments survive


def test_municipality_name_replaces_the_placeholder(tmp_path):
    out = tmp_path / "plan.yaml"
    write_new_plan(out, "municipal", "みどり野市", False)
    plan = load_plan(out)
    assert plan.plan.municipality == "みどり野市"
    assert plan.plan.title == "みどり野市官民データ活用推進計画"
    assert "〇〇市" not in out.read_text(encoding="utf-8")


def test_prefecture_starter(tmp_path):
    out = tmp_path / "pref.yaml"
    write_new_plan(out, "prefecture", "青葉県", False)
    plan = load_plan(out)
    assert str(plan.plan.kind) == "prefecture" and plan.plan.municipality == "青葉県"


def test_existing_file_is_not_overwritten_without_force(tmp_path):
    out = tmp_path / "plan.yaml"
    out.write_text("mine", encoding="utf-8")
    with pytest.raises(PlannerError) as err:
        write_new_plan(out, None, "A市", False)
    assert "--force" in err.value.message("ja") and "--force" in err.value.message("en")
    assert out.read_text(encoding="utf-8") == "mine"
    assert write_new_plan(out, None, "A市", True) == tmp_path / "plan.yaml.bak"
    assert load_plan(out).plan.municipality == "A市"
    # --force replaces the file, but what it replaced is kept beside it, as a save keeps it.
    assert (tmp_path / "plan.yaml.bak").read_text(encoding="utf-8") == "mine"


def test_cli_new_force_says_where_the_replaced_file_went(tmp_path, capsys):
    out = tmp_path / "plan.yaml"
    out.write_text("mine", encoding="utf-8")
    assert main(["new", "-o", str(out), "--force", "--lang", "en"]) == 0
    assert f"kept as {out}.bak" in capsys.readouterr().err
    assert (tmp_path / "plan.yaml.bak").read_text(encoding="utf-8") == "mine"
    assert write_new_plan(tmp_path / "fresh.yaml", None, None, True) is None
    assert not (tmp_path / "fresh.yaml.bak").exists()


def test_name_that_would_break_the_file_is_refused(tmp_path):
    out = tmp_path / "plan.yaml"
    with pytest.raises(PlannerError):
        write_new_plan(out, None, "a: #b", False)
    assert not out.exists()


def test_cli_new(tmp_path, capsys):
    out = tmp_path / "plan.yaml"
    assert main(["new", "-o", str(out), "--municipality", "B町"]) == 0
    assert main(["new", "-o", str(out)]) == 2
    assert "既にあります" in capsys.readouterr().err
    assert main(["new", "-o", str(tmp_path / "other.yaml"), "--template", "nope"]) == 2


def test_schema_line_points_at_the_bundled_schema(tmp_path):
    """Copied elsewhere, the starter's relative $schema path would point at nothing."""
    from urllib.parse import unquote, urlparse

    out = tmp_path / "sub" / "plan.yaml"
    out.parent.mkdir()
    write_new_plan(out, None, None, force=False)
    first = out.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=file:")
    target = Path(unquote(urlparse(first.split("$schema=", 1)[1]).path))
    assert target.is_file() and target.name == "plan.schema.json"


def test_the_guiding_prose_calls_a_town_本町_not_本市(tmp_path):
    out = tmp_path / "town.yaml"
    write_new_plan(out, None, "川北町", force=False)
    text = out.read_text(encoding="utf-8")
    assert "本町" in text and "本市" not in text
    assert load_plan(out).plan.municipality == "川北町"
    village = tmp_path / "village.yaml"
    write_new_plan(village, None, "山里村", force=False)
    assert "本村" in village.read_text(encoding="utf-8")
