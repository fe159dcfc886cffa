"""``planner new``: start a plan file from a template pack's starter plan.

The starter is copied as text, so its guiding comments survive; 〇〇市 / 〇〇県 become the
municipality's name when one is given. An existing file is never overwritten without
``force``, and the new file is written atomically.
"""

from __future__ import annotations

import re
from pathlib import Path

from planner.errors import PlannerError
from planner.render.text import clean_text

_PLACEHOLDER = re.compile("〇〇[市区町村県都道府]")
_SCHEMA_LINE = re.compile(r"\A# yaml-language-server: \$schema=\S*")


def _point_schema_line_at_bundled_schema(text: str) -> str:
    """The starter's relative $schema path is wrong once copied elsewhere: use the bundled one."""
    from planner.paths import schema_path

    uri = schema_path().resolve().as_uri()
    return _SCHEMA_LINE.sub(lambda _m: f"# yaml-language-server: $schema={uri}", text, count=1)


def starter_text(template: str | None = None, municipality: str | None = None) -> str:
    """The starter plan of pack ``template`` (default municipal) with the name filled in."""
    from planner.render.packs import find_pack

    pack = find_pack(template)
    path = pack.starter_plan_path
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise PlannerError(f"{path}: ひな形の計画を読み込めません（{exc.strerror or exc}）。",
                           f"{path}: cannot read the starter plan ({exc.strerror or exc}).") from None
    text = _point_schema_line_at_bundled_schema(text)
    name = " ".join(clean_text(municipality).split()) if municipality else ""
    if name:
        text = _PLACEHOLDER.sub(lambda _m: name, text)
        text = _self_reference(text, name)
        _check_still_valid(text, name)
    return text


def _self_reference(text: str, name: str) -> str:
    """本市 / 本県 in the guiding prose become 本町, 本村, 本区… to match the name's suffix."""
    suffix = name[-1:]
    if suffix not in "市区町村都道府県":
        return text
    return re.sub("本[市区町村都道府県]", "本" + suffix, text)


def _check_still_valid(text: str, name: str) -> None:
    """A name with YAML syntax in it (': ', '#', quotes) must not yield a broken plan file."""
    from planner.planfile import PlanFileError, loads_plan

    try:
        plan = loads_plan(text)
    except (PlanFileError, ValueError, TypeError):
        plan = None
    if plan is None or name not in (plan.plan.municipality or "") + (plan.plan.title or ""):
        raise PlannerError(
            f"自治体名「{name}」には計画ファイルに書けない記号が含まれています。記号を除いて指定してください。",
            f"The name '{name}' contains symbols a plan file cannot hold here. Remove them.",
        )


def write_new_plan(out: Path, template: str | None, municipality: str | None,
                   force: bool) -> None:
    """Write a new plan file at ``out`` from the pack's starter plan."""
    from planner.render import write_atomically

    out = Path(out)
    if out.exists() and not force:
        raise PlannerError(
            f"{out} は既にあります。上書きする場合は --force を付けてください（既存のファイルは変更していません）。",
            f"{out} already exists. Use --force to overwrite it (the existing file is unchanged).",
        )
    text = starter_text(template, municipality)
    write_atomically(out, text.encode("utf-8"))
