"""A hostile template pack's files: manifests, starters, links, FIFOs, sizes (security.md
"Template packs").

Every pack file is read inside the pack, as a regular file, bounded and without blocking;
pack.yaml goes through the plan loader's strict YAML rules; ``starter:`` and ``reference:``
name files of the pack only, and a starter must load as a plan before ``planner new`` copies
it. A broken user pack is left out of every list with a warning; the list still works.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from jinja2.exceptions import SecurityError

from planner.cli import main
from planner.files.appdirs import user_templates_dir
from planner.files.paths import templates_dir
from planner.render.packfiles import MAX_MANIFEST
from planner.render.packs import (
    PackEnvironment,
    PackError,
    PackRefused,
    find_pack,
    list_packs,
    load_pack,
)

ROOT = Path(__file__).resolve().parent.parent
SECRET = "SECRET-BESIDE-THE-PACK-31"
#: The red team's alias bomb: 503 bytes that expand to billions of nodes under yaml.safe_load.
_BOMB = ("name: bomb\n" + 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
         + "".join(f"{b}: &{b} [*{a},*{a},*{a},*{a},*{a},*{a},*{a},*{a},*{a}]\n"
                   for a, b in zip("abcdefghijk", "bcdefghijkl", strict=True)))  # 9**12 strings
ALIAS_BOMB = _BOMB + "#" * (502 - len(_BOMB)) + "\n"

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")


def _user_pack(name: str = "consultant") -> Path:
    folder = user_templates_dir() / name
    shutil.copytree(templates_dir() / "municipal", folder)
    _manifest(folder, f"name: {name}\ntitle: {{ja: 顧客, en: Client}}\n")
    return folder


def _manifest(folder: Path, text: str) -> None:
    (folder / "pack.yaml").write_text(text, encoding="utf-8")


def _fifo(path: Path) -> Path:
    if path.exists() or path.is_symlink():
        path.unlink()
    os.mkfifo(path)
    return path


def _within(seconds: float, work):
    """Run ``work`` on a thread; fail (instead of hanging the suite) if it blocks."""
    box: dict = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still blocked after {seconds} s"
    if "error" in box:
        raise box["error"]
    return box.get("value")


# -- item 4: pack.yaml through the strict loader ------------------------------------------


def test_the_alias_bomb_is_503_bytes_and_refused_at_once() -> None:
    assert len(ALIAS_BOMB.encode()) == 503
    folder = _user_pack()
    _manifest(folder, ALIAS_BOMB)
    started = time.process_time()
    with pytest.raises(PackError) as err:
        load_pack(folder, "user")
    assert time.process_time() - started < 1
    assert "pack.yaml:2" in err.value.message("ja") and "別名" in err.value.message("ja")
    assert "Anchors (&a) are not allowed" in err.value.message("en")


def test_a_broken_user_pack_is_left_out_of_every_list_with_a_warning(capsys) -> None:
    _user_pack("good")
    _manifest(_user_pack("bomb"), ALIAS_BOMB)
    _manifest(_user_pack("tagged"), "name: tagged\ntitle: !!python/object:os.system x\n")
    problems: list = []
    assert {p.name for p in list_packs(problems)} == {"municipal", "prefecture", "good"}
    assert sorted(Path(str(p).split(":")[0]).parent.name for p in problems) == ["bomb", "tagged"]
    assert main(["templates"]) == 0
    out, err = capsys.readouterr()
    assert "good\t" in out and "bomb" not in out
    assert "一覧に出していません" in err and "bomb" in err and "タグ" in err
    assert find_pack(None).name == "municipal"  # render with the default pack still works


def test_an_oversized_manifest_is_refused_without_reading_it_all() -> None:
    folder = _user_pack()
    _manifest(folder, "name: big\n" + "#" * (MAX_MANIFEST + 10) + "\n")
    with pytest.raises(PackRefused, match="too large"):
        load_pack(folder, "user")


@needs_fifo
def test_a_fifo_as_pack_yaml_hangs_nothing() -> None:
    """CLI templates, render with the default pack, new, and the app's list, in a child
    process each (a regression would block forever on the FIFO)."""
    folder = _user_pack()
    _fifo(folder / "pack.yaml")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    plan = ROOT / "resources" / "samples" / "sample-plan.yaml"
    work = Path(folder).parent.parent
    for argv in (["templates"], ["render", str(plan), "-o", str(work / "out.docx")],
                 ["new", "-o", str(work / "new.yaml")]):
        child = subprocess.run([sys.executable, "-m", "planner", *argv], env=env, cwd=ROOT,
                               capture_output=True, text=True, encoding="utf-8", timeout=60,
                               check=False)
        assert child.returncode == 0, (argv, child.stderr)
    problems: list = []
    packs = _within(10, lambda: list_packs(problems))
    assert "consultant" not in {p.name for p in packs}
    assert "通常のファイルではない" in problems[0].message("ja")


# -- item 11 for packs: FIFOs, devices and links inside a pack ----------------------------------


@needs_fifo
@pytest.mark.parametrize("name", ["reference.docx", "sections/purpose.md.j2"])
def test_a_fifo_among_the_pack_files_is_refused_at_once(name: str, tmp_path: Path) -> None:
    from planner.render import render_plan
    from planner.render.packs import find_pack as find

    folder = _user_pack()
    _fifo(folder / name)
    pack = find("consultant")
    with pytest.raises(PackRefused) as err:
        _within(10, lambda: render_plan(_sample(), tmp_path / "out.docx", pack.path))
    assert name.split("/")[-1] in err.value.message("en") and "not a regular file" in \
        err.value.message("en")
    assert not (tmp_path / "out.docx").exists()


def test_a_device_in_the_pack_is_refused(tmp_path: Path) -> None:
    folder = _user_pack()
    target = folder / "reference.docx"
    target.unlink()
    try:
        os.mknod(target, 0o600 | 0o020000, os.makedev(1, 5))  # a char device (/dev/zero's)
    except (OSError, AttributeError):
        pytest.skip("cannot create device nodes here")
    from planner.render import render_plan

    with pytest.raises(PackRefused, match="not a regular file"):
        _within(10, lambda: render_plan(_sample(), tmp_path / "out.docx", folder))


def test_a_reference_linked_out_of_the_pack_is_refused_naming_where_it_leads(
        tmp_path: Path) -> None:
    folder = _user_pack()
    outside = tmp_path / "elsewhere.docx"
    shutil.copy(folder / "reference.docx", outside)
    (folder / "reference.docx").unlink()
    try:
        (folder / "reference.docx").symlink_to(outside)
    except OSError:
        pytest.skip("cannot create symlinks here")
    from planner.render import render_plan

    with pytest.raises(PackRefused) as err:
        render_plan(_sample(), tmp_path / "out.docx", folder)
    assert "outside the pack folder" in err.value.message("en")
    assert "elsewhere.docx" in err.value.message("en")


# -- item 16: reference outside the pack, reported as such --------------------------------------


@pytest.mark.parametrize("where", ["../elsewhere.docx", "/etc/passwd", "C:\\x\\ref.docx",
                                   "\\\\host\\share\\x.dotm", "sub/../../x.docx", ".."])
def test_reference_outside_the_pack_is_reported_as_outside(where: str) -> None:
    folder = _user_pack()
    _manifest(folder, f"name: consultant\nreference: '{where}'\n")
    with pytest.raises(PackRefused) as err:
        load_pack(folder, "user")
    assert "reference" in err.value.message("en") and "outside the pack" in err.value.message("en")
    assert "Package not found" not in err.value.message("en")


def test_reference_outside_the_pack_in_the_sandbox_is_not_package_not_found(
        tmp_path: Path) -> None:
    from planner.sandbox.parent import SandboxError, render_in_sandbox

    folder = tmp_path / "packs" / "consultant"
    shutil.copytree(templates_dir() / "municipal", folder)
    _manifest(folder, "name: consultant\nreference: ../elsewhere.docx\n")
    shutil.copy(folder / "reference.docx", tmp_path / "packs" / "elsewhere.docx")
    with pytest.raises((SandboxError, PackError)) as err:
        render_in_sandbox(_sample(), tmp_path / "out.docx", folder, timeout_s=30)
    assert "outside the pack folder" in err.value.message("en")
    assert "Package not found" not in err.value.message("en")


def test_a_subfolder_reference_inside_the_pack_is_fine(tmp_path: Path) -> None:
    from planner.render import render_plan

    folder = _user_pack()
    (folder / "word").mkdir()
    shutil.move(folder / "reference.docx", folder / "word" / "house.docx")
    _manifest(folder, "name: consultant\nreference: word/house.docx\n")
    render_plan(_sample(), tmp_path / "out.docx", "consultant")
    assert (tmp_path / "out.docx").is_file()


@pytest.mark.parametrize("expr", ["((9**4096)**4096)**4096", "(9**4096)**4096",
                                  "(2**60000) * (2**60000)", "(10**4000)**30"])
def test_chained_powers_are_refused_before_computing(expr: str) -> None:
    started = time.process_time()
    with pytest.raises(SecurityError, match="too large"):
        PackEnvironment().from_string("{{ " + expr + " }}").render()
    assert time.process_time() - started < 0.5
    assert PackEnvironment().from_string("{{ (2**10)**2 }}{{ 3 * 4 }}").render() == "104857612"


def test_squaring_in_a_loop_is_refused_before_computing() -> None:
    loop = ("{% set ns = namespace(x=9**4096) %}{% for i in range(40) %}"
            "{% set ns.x = ns.x * ns.x %}{% endfor %}{{ ns.x > 0 }}")
    started = time.process_time()
    with pytest.raises(SecurityError, match="product too large"):
        PackEnvironment().from_string(loop).render()
    assert time.process_time() - started < 0.5


# -- item 5: starter confined to the pack and loaded as a plan ---------------------------------


def _new(tmp_path: Path, capsys) -> tuple[int, str, Path]:
    out = tmp_path / "新しい計画.yaml"
    code = main(["new", "-o", str(out), "--template", "consultant"])
    return code, capsys.readouterr().err, out


@pytest.mark.parametrize("where", ["/etc/passwd", "../../secret.yaml", "C:\\secret.yaml"])
def test_starter_outside_the_pack_is_refused(where: str, tmp_path: Path, capsys) -> None:
    folder = _user_pack()
    _manifest(folder, f"name: consultant\nstarter: '{where}'\n")
    code, err, out = _new(tmp_path, capsys)
    assert code == 2 and "starter" in err and "パックのフォルダの外" in err
    assert not out.exists()


def test_starter_linked_out_of_the_pack_is_refused(tmp_path: Path, capsys) -> None:
    folder = _user_pack()
    secret = tmp_path / "secret.yaml"
    secret.write_text(f"schema_version: 1\nplan: {{title: {SECRET}}}\n", encoding="utf-8")
    (folder / "starter.yaml").unlink()
    try:
        (folder / "starter.yaml").symlink_to(secret)
    except OSError:
        pytest.skip("cannot create symlinks here")
    code, err, out = _new(tmp_path, capsys)
    assert code == 2 and "パックのフォルダの外" in err and not out.exists()
    assert SECRET not in err


@needs_fifo
def test_starter_that_is_a_fifo_is_refused_at_once(tmp_path: Path, capsys) -> None:
    _fifo(_user_pack() / "starter.yaml")
    code, err, out = _within(10, lambda: _new(tmp_path, capsys))
    assert code == 2 and "通常のファイルではない" in err and not out.exists()


@pytest.mark.parametrize("text", [
    "!!python/object/apply:os.system ['echo pwned']\n",
    "schema_version: 1\nplan: &p {title: x}\nother: *p\n",
    "just some notes, not a plan\n",
    "schema_version: 1\nissues: [{id: I-1}]\n",
])
def test_starter_that_is_not_a_plan_is_refused_before_copying(text: str, tmp_path: Path,
                                                              capsys) -> None:
    folder = _user_pack()
    (folder / "starter.yaml").write_text(text, encoding="utf-8")
    code, err, out = _new(tmp_path, capsys)
    assert code == 2, err
    assert "計画ファイルとして読めない" in err and "starter.yaml" in err
    assert not out.exists()


def test_a_starters_schema_line_cannot_send_the_editor_elsewhere(tmp_path: Path, capsys) -> None:
    """An editor fetches the $schema a yaml-language-server line names: a pack's starter may
    not point new plans at a web address or a shared drive."""
    folder = _user_pack()
    text = (folder / "starter.yaml").read_text(encoding="utf-8")
    text = text.replace("schema_version:", "# yaml-language-server: $schema=http://evil.example/"
                        "s.json\nschema_version:", 1)
    (folder / "starter.yaml").write_text(text + "  # yaml-language-server: $schema=\\\\h\\s\n",
                                         encoding="utf-8")
    code, _err, out = _new(tmp_path, capsys)
    written = out.read_text(encoding="utf-8")
    assert code == 0 and "evil.example" not in written and "\\\\h" not in written
    assert written.count("yaml-language-server") == 1 and "plan.schema.json" in written


def test_pack_yaml_linked_out_of_the_pack_or_a_folder_is_refused(tmp_path: Path) -> None:
    folder = _user_pack()
    outside = tmp_path / "manifest.yaml"
    outside.write_text("name: elsewhere\n", encoding="utf-8")
    (folder / "pack.yaml").unlink()
    (folder / "pack.yaml").mkdir()
    with pytest.raises(PackRefused, match="folder"):
        load_pack(folder, "user")
    (folder / "pack.yaml").rmdir()
    try:
        (folder / "pack.yaml").symlink_to(outside)
    except OSError:
        pytest.skip("cannot create symlinks here")
    with pytest.raises(PackRefused, match="outside the pack folder"):
        load_pack(folder, "user")


def test_a_valid_starter_of_the_pack_is_still_copied(tmp_path: Path, capsys) -> None:
    folder = _user_pack()
    text = (folder / "starter.yaml").read_text(encoding="utf-8") + "# 顧客向けの注記\n"
    (folder / "starter.yaml").write_text(text, encoding="utf-8")
    code, _err, out = _new(tmp_path, capsys)
    assert code == 0 and "# 顧客向けの注記" in out.read_text(encoding="utf-8")


# -- item 4: one YAML loader for everything --------------------------------------------------------


def test_no_yaml_is_read_outside_the_strict_loader() -> None:
    """Every YAML the program reads goes through planner/io/yamlparse.py (no aliases, tags,
    size limits); a yaml.safe_load / yaml.load elsewhere would bring the alias bomb back."""
    pattern = re.compile(r"\byaml\.(safe_load|load|full_load|unsafe_load|load_all|safe_load_all)"
                         r"\b|\bfrom yaml import .*\b(load|safe_load)\b")
    found = []
    for file in sorted((ROOT / "planner").rglob("*.py")):
        if file.name == "yamlparse.py" and file.parent.name == "io":
            continue
        for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                found.append(f"{file.relative_to(ROOT)}:{n}: {line.strip()}")
    assert found == []


def _sample():
    from planner.files.planfile import load_plan

    return load_plan(ROOT / "resources" / "samples" / "sample-plan.yaml")


def test_a_sections_folder_linked_out_of_the_pack_is_refused(tmp_path: Path) -> None:
    from planner.render import render_plan

    folder = _user_pack()
    elsewhere = tmp_path / "elsewhere"
    shutil.move(folder / "sections", elsewhere)
    try:
        (folder / "sections").symlink_to(elsewhere, target_is_directory=True)
    except OSError:
        pytest.skip("cannot create symlinks here")
    with pytest.raises(PackRefused, match="outside the pack folder"):
        render_plan(_sample(), tmp_path / "out.docx", folder)


@pytest.mark.parametrize("expr", [
    "'%999999999d' % 1", "'%.999999999f' % 1.5", "'%*d' % (999999999, 1)",
    "'%(a)999999999s' % {'a': 1}", "'{:>999999999}'.format(1)", "'{:{w}}'.format(1, w=9)",
    "'{0:0999999999d}'.format(1)", "'x'.ljust(999999999)", "'x'.center(999999999)",
    "'1'.zfill(999999999)", "'\\t'.expandtabs(999999999)", "'x'|center(999999999)",
    "'a\\nb'|indent(999999999)", "'%999999999s'|format(1)",
])
def test_padding_too_wide_is_refused_before_computing(expr: str) -> None:
    """String blow-ups by width, not only by ``*``, fail at once (security.md P4)."""
    started = time.process_time()
    with pytest.raises(SecurityError, match="width"):
        PackEnvironment().from_string("{{ " + expr + " }}").render()
    assert time.process_time() - started < 0.5


def test_ordinary_padding_and_formatting_still_work() -> None:
    template = ("{{ '%05.1f' % 3.14159 }}|{{ '{:>4}'.format('ab') }}|{{ 'x'.ljust(3) }}|"
                "{{ 'ab'|center(6) }}|{{ 'a\\nb'|indent(2) }}|{{ '%d件'|format(3) }}|"
                "{{ '{0}-{1}'.format(1, 2) }}|{{ '%s%%' % 5 }}")
    assert PackEnvironment().from_string(template).render() == \
        "003.1|  ab|x  |  ab  |a\n  b|3件|1-2|5%"
