"""``planner new``: start a plan file from a template pack's starter plan.

The starter is copied as text, so its guiding comments survive; 〇〇市 / 〇〇県 become the
municipality's name when one is given. An existing file is never overwritten without
``force``, and the new file is written atomically.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from planner.errors import PlannerError
from planner.render.text import clean_text

if TYPE_CHECKING:
    from planner.plan.model import Plan
    from planner.render.packs import Pack

_PLACEHOLDER = re.compile("〇〇[市区町村県都道府]")
_SCHEMA_LINE = re.compile(r"\A# yaml-language-server: \$schema=\S*")


_MODELINE = re.compile(r"^[ \t]*#[ \t]*yaml-language-server[ \t]*:.*$", re.MULTILINE)


def _point_schema_line_at_bundled_schema(text: str) -> str:
    """The starter's relative $schema path is wrong once copied elsewhere: use the bundled one.

    Any other ``yaml-language-server`` line of a pack's starter is dropped: an editor would
    fetch the schema it names from wherever it points (a web address, a shared drive).
    """
    from planner.files.paths import schema_path

    uri = schema_path().resolve().as_uri()
    first = _SCHEMA_LINE.match(text)
    rest = _MODELINE.sub("", text[first.end():] if first else text)
    return f"# yaml-language-server: $schema={uri}{rest}" if first else rest


def starter_text(template: str | None = None, municipality: str | None = None) -> str:
    """The starter plan of pack ``template`` (default municipal) with the name filled in."""
    from planner.render.packs import find_pack

    pack = find_pack(template)
    text = _read_starter(pack)
    text = _point_schema_line_at_bundled_schema(text)
    name = " ".join(clean_text(municipality).split()) if municipality else ""
    if name:
        text = _PLACEHOLDER.sub(lambda _m: name, text)
        text = _self_reference(text, name)
        _check_still_valid(text, name)
    return text


def load_starter(pack: Pack) -> Plan:
    """The pack's starter as a Plan, read as :func:`_read_starter` reads it (the app's New
    from template): a link out of the pack, a FIFO or a non-plan is refused, never loaded."""
    from planner.files.planfile import loads_plan

    return loads_plan(_read_starter(pack), str(pack.starter_plan_path))


def _read_starter(pack: Pack) -> str:
    """The pack's starter plan as text: a file inside the pack that loads as a plan.

    ``starter:`` in pack.yaml names a file of the pack (load_pack refuses absolute paths and
    ``..``); here a link out of the pack, a FIFO or a device is refused without blocking
    (:func:`~planner.render.packfiles.read_pack_file`), and the text must load through the
    plan loader, so ``planner new`` never copies anything but a plan.
    """
    from planner.files.planfile import PlanFileError, loads_plan
    from planner.render.packfiles import MAX_STARTER, read_pack_file

    path = pack.starter_plan_path
    try:
        text = read_pack_file(path, pack.file_root(path), MAX_STARTER).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlannerError(f"{path}: ひな形の計画が UTF-8 ではありません。UTF-8 で保存し直してください。",
                           f"{path}: the starter plan is not UTF-8. Save it again as UTF-8.") \
            from None
    except OSError as exc:
        raise PlannerError(f"{path}: ひな形の計画を読み込めません（{exc.strerror or exc}）。",
                           f"{path}: cannot read the starter plan ({exc.strerror or exc}).") from None
    try:
        loads_plan(text, str(path))
    except PlanFileError as exc:
        first = "\n".join(p.format("ja") for p in exc.problems[:3])
        first_en = "\n".join(p.format("en") for p in exc.problems[:3])
        raise PlannerError(
            f"テンプレートパック「{pack.name}」のひな形の計画 {path} は計画ファイルとして読めないため、"
            f"使いません。パックの作成者に確認してください。\n{first}",
            f"The starter plan {path} of template pack '{pack.name}' is not a valid plan file, "
            f"so it is not used. Ask the pack's author.\n{first_en}") from None
    return text


def _self_reference(text: str, name: str) -> str:
    """本市 / 本県 in the guiding prose become 本町, 本村, 本区… to match the name's suffix."""
    suffix = name[-1:]
    if suffix not in "市区町村都道府県":
        return text
    return re.sub("本[市区町村都道府県]", "本" + suffix, text)


def _check_still_valid(text: str, name: str) -> None:
    """A name with YAML syntax in it (': ', '#', quotes) must not yield a broken plan file."""
    from planner.files.planfile import PlanFileError, loads_plan

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
                   force: bool) -> Path | None:
    """Write a new plan file at ``out`` from the pack's starter plan.

    With ``force``, a file already at ``out`` is replaced, but first copied to
    ``out.bak`` as a save does (io/writing.py): overwriting a plan by mistake is
    recoverable. Returns that backup's path, or None when nothing was replaced.
    """
    from planner.io.writing import atomic_write
    from planner.render import write_atomically

    out = Path(out)
    if out.exists() and not force:
        raise PlannerError(
            f"{out} は既にあります。上書きする場合は --force を付けてください（既存のファイルは変更していません）。",
            f"{out} already exists. Use --force to overwrite it (the existing file is unchanged).",
        )
    text = starter_text(template, municipality)
    if not out.is_file():
        write_atomically(out, text.encode("utf-8"))
        return None
    atomic_write(out, text, backups=1)
    return out.with_name(out.name + ".bak")
