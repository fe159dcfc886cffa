"""The frozen (PyInstaller) planner: its entry point, its sandbox wall, its build inputs.

Freezing takes a minute, so the bundle itself is built and smoke-tested by ``.ci/run``
(``python3 dev.py dist`` then ``packaging/smoke.py``), not here. What can be checked
without it is checked here: the Windows-version gate, the sandbox's admission of exactly
the bundle, the hash lock, and that every place quoting the minimum Windows agrees.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest

from planner.sandbox import child

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


entry = _load("planner_main")


# -- the sandbox's read-only wall in a frozen build -------------------------------------------


@pytest.fixture
def frozen_bundle(tmp_path, monkeypatch):
    """A fake one-folder bundle, and this process pretending to be its planner-cli."""
    bundle = tmp_path / "Programs" / "planner"
    internal = bundle / "_internal"
    (internal / "planner").mkdir(parents=True)
    for name in ("planner-cli", "planner", "outside-secret.txt", "_internal/planner/x.pyc"):
        (bundle / name).write_bytes(b"x")
    (tmp_path / "Programs" / "other-app.exe").write_bytes(b"x")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle / "planner-cli"))
    return bundle


def test_a_frozen_child_may_read_exactly_its_program_and_internal_folder(frozen_bundle, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    guard = child._Guard(work, [])
    assert guard._readable(frozen_bundle / "planner-cli")  # its modules are archived inside
    assert guard._readable(frozen_bundle / "_internal" / "planner" / "x.pyc")
    for outside in ("planner", "outside-secret.txt", "planner-cli-evil", ""):
        assert not guard._readable(frozen_bundle / outside), outside
    assert not guard._readable(tmp_path / "Programs" / "other-app.exe")
    assert not guard._readable(frozen_bundle / "planner-cli" / "..")  # the folder again


def test_the_frozen_childs_audit_hook_refuses_a_file_beside_the_program(frozen_bundle, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    guard = child._Guard(work, [])
    guard("open", (str(frozen_bundle / "planner-cli"), "rb", 0))
    guard("open", (str(frozen_bundle / "_internal" / "planner" / "x.pyc"), "rb", 0))
    with pytest.raises(child.SandboxViolation):
        guard("open", (str(frozen_bundle / "outside-secret.txt"), "r", 0))
    with pytest.raises(child.SandboxViolation):  # reading is not writing
        guard("open", (str(frozen_bundle / "_internal" / "planner" / "x.pyc"), "wb", 0))
    with pytest.raises(child.SandboxViolation):
        guard("os.listdir", (str(frozen_bundle),))
    assert len(guard.violations) == 3


def test_an_unfrozen_child_admits_no_program_file(tmp_path, monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    program = tmp_path / "python-elsewhere"
    program.write_bytes(b"x")
    monkeypatch.setattr(sys, "executable", str(program))
    assert child._frozen_bundle() == []
    assert not child._Guard(tmp_path / "w", [])._readable(program)


# -- the frozen entry point -----------------------------------------------------------------


@pytest.mark.parametrize("version, old", [
    ((6, 1, 7601), True),      # Windows 7
    ((6, 3, 9600), True),      # Windows 8.1
    ((10, 0, 17763), True),    # Windows 10 1809 / LTSC 2019 / Server 2019
    ((10, 0, 18362), False),   # Windows 10 1903
    ((10, 0, 19045), False),   # Windows 10 22H2
    ((10, 0, 22631), False),   # Windows 11
])
def test_windows_older_than_1903_is_refused(version, old):
    assert entry.too_old(*version) is old


def test_the_real_windows_version_is_used_not_a_compatibility_one():
    reported = SimpleNamespace(major=6, minor=2, build=9200, platform_version=(10, 0, 19045))
    assert entry.windows_build(reported) == (10, 0, 19045)
    assert entry.windows_build(SimpleNamespace(major=10, minor=0, build=17763)) == (10, 0, 17763)


def test_the_too_old_message_says_in_japanese_what_is_needed():
    text = entry.too_old_message(10, 0, 17763)
    first = text.splitlines()[0]
    assert "Windows 10 バージョン 1903（ビルド 18362）以降" in first
    assert "ビルド 17763" in text and "情報システム担当者" in text
    assert "planner needs Windows 10 version 1903 (build 18362)" in text


_OLD_WINDOWS = r"""
import ctypes, json, runpy, sys, types
shown = []
ctypes.windll = types.SimpleNamespace(
    user32=types.SimpleNamespace(MessageBoxW=lambda *args: shown.append(args[1:]) or 1))
sys.platform = "win32"
sys.getwindowsversion = lambda: types.SimpleNamespace(
    major=10, minor=0, build=17763, platform_version=(10, 0, 17763))
try:
    runpy.run_path(sys.argv[1], run_name="__main__")
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "shown": shown,
                  "imported": sorted(m for m in sys.modules if m.startswith(("PySide6", "planner")))}))
"""


def test_an_old_windows_gets_a_message_box_before_qt(tmp_path):
    """The whole start-up on an old Windows (faked in a fresh interpreter): one message box,
    exit 2, and neither Qt nor planner imported."""
    import json
    import subprocess

    proc = subprocess.run([sys.executable, "-c", _OLD_WINDOWS, str(PACKAGING / "planner_main.py")],
                          capture_output=True, text=True, encoding="utf-8", timeout=60,
                          check=True, cwd=tmp_path)
    result = json.loads(proc.stdout.splitlines()[-1])
    assert result["code"] == 2 and result["imported"] == []
    [(text, title, flags)] = result["shown"]
    assert "1903" in text and "ビルド 17763" in text and title == "planner" and flags == 0x10
    assert "ビルド 17763" in proc.stderr


def test_a_plan_given_alone_opens_in_the_app(tmp_path):
    plan = tmp_path / "計画.yaml"
    plan.write_text("x", encoding="utf-8")
    assert entry._plan_alone_opens_the_app([str(plan)]) == ["gui", str(plan)]
    assert entry._plan_alone_opens_the_app(["check", str(plan)]) == ["check", str(plan)]
    assert entry._plan_alone_opens_the_app([str(tmp_path / "missing.yaml")]) == [
        str(tmp_path / "missing.yaml")]
    assert entry._plan_alone_opens_the_app(["--version"]) == ["--version"]


def test_a_windowed_program_without_streams_can_still_print(monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    entry._ensure_streams()
    print("nowhere")  # noqa: T201 (the print under test)
    sys.stdout.close()
    sys.stderr.close()


# -- build inputs -----------------------------------------------------------------------------


def _locked() -> dict[str, list[str]]:
    """name → the requirement lines (with their markers) of the lock file."""
    text = (PACKAGING / "requirements-dist.txt").read_text(encoding="utf-8")
    found: dict[str, list[str]] = {}
    for block in re.split(r"\n(?=[a-z0-9])", text.split("\n", 2)[2]):
        head = block.split("\\")[0].strip()
        name = re.split(r"[=; ]", head)[0].lower().replace("_", "-")
        assert "--hash=sha256:" in block, f"{name} has no hash"
        found.setdefault(name, []).append(head)
    return found


def test_the_build_lock_pins_every_dependency_of_planner_with_hashes():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    locked = _locked()
    for requirement in project["dependencies"]:
        name = re.split(r"[<>=!~ \[]", requirement)[0].lower().replace("_", "-")
        assert name in locked, f"{name} (pyproject.toml) is missing from the lock"
        assert all("==" in line for line in locked[name])
    assert "pyinstaller" in locked and "pyinstaller-hooks-contrib" in locked
    # Windows-only needs of PyInstaller are locked too (one universal lock for both builds).
    assert any("sys_platform == 'win32'" in line for line in locked["pefile"])


def test_the_lock_was_made_from_the_current_pyproject():
    """The PySide6 cap in pyproject.toml holds in the lock as well."""
    [line] = _locked()["pyside6-essentials"]
    major, minor = (int(n) for n in line.split("==")[1].split(".")[:2])
    assert (major, minor) < (6, 12)


def test_every_place_that_names_the_minimum_windows_agrees():
    build = entry.MIN_WINDOWS_BUILD
    assert build == 18362
    nsi = (PACKAGING / "windows" / "planner.nsi").read_text(encoding="utf-8")
    wxs = (PACKAGING / "windows" / "planner.wxs").read_text(encoding="utf-8")
    assert f"!define MIN_BUILD {build}" in nsi and "${AtLeastBuild} ${MIN_BUILD}" in nsi
    assert f"WINDOWSBUILDNUMBER &gt;= {build}" in wxs
    installers = _load("installers")
    assert f"ビルド {build}" in installers.MSI_TEXT["JA_TOO_OLD"]
    assert f"ビルド {build}" in nsi


# -- docs/it-guide.md §7 says what the installers do ------------------------------------------

GUIDE = (ROOT / "docs" / "it-guide.md").read_text(encoding="utf-8")
GUIDE_JA, GUIDE_EN = GUIDE.split('<a id="english"></a>')
SECTION_JA = GUIDE_JA.split("### 7.", 1)[1]
SECTION_EN = GUIDE_EN.split("### 7.", 1)[1]
NSI = (PACKAGING / "windows" / "planner.nsi").read_text(encoding="utf-8")
WXS = (PACKAGING / "windows" / "planner.wxs").read_text(encoding="utf-8")


def _said(text: str, where: str) -> bool:
    return re.sub(r"\s+", "", text) in re.sub(r"\s+", "", where)


@pytest.mark.parametrize("section", [SECTION_JA, SECTION_EN], ids=["ja", "en"])
def test_the_guide_lists_exactly_the_registry_values_setup_writes(section):
    written = set(re.findall(r'WriteReg\w+ HKCU "\$\{UNINST_KEY\}" "(\w+)"', NSI))
    assert len(written) == 10
    key = re.search(r'!define UNINST_KEY "([^"]+)"', NSI).group(1)
    bullet = section.split(f"HKEY_CURRENT_USER\\\\{key}".replace("\\\\", "\\"), 1)[1]
    listed = set(re.findall(r"`(\w+)`", bullet.split("\n- ", 1)[0]))
    assert listed == written
    assert "HKLM" not in NSI  # "Nothing under HKEY_LOCAL_MACHINE"


@pytest.mark.parametrize("section", [SECTION_JA, SECTION_EN], ids=["ja", "en"])
def test_the_guide_gives_the_real_places_and_switches(section):
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\planner"' in NSI
    assert _said("`%LOCALAPPDATA%\\Programs\\planner`", section)
    assert '<Directory Id="ProgramFiles64Folder">' in WXS and 'Id="INSTALLDIR" Name="planner"' in WXS
    assert _said("`C:\\Program Files\\planner`", section)
    assert 'RequestExecutionLevel user' in NSI and 'InstallScope="perMachine"' in WXS
    assert '"QuietUninstallString" \'"$INSTDIR\\uninstall.exe" /S\'' in NSI
    for switch in ("-setup.exe /S", "/D=<", "msiexec /i planner-<", ".msi /qn",
                   "msiexec /x planner-<", '"%LOCALAPPDATA%\\Programs\\planner\\uninstall.exe" /S'):
        assert _said(switch, section), switch
    assert 'Key="Software\\planner" Name="StartMenuShortcut"' in WXS
    assert _said("HKEY_LOCAL_MACHINE\\Software\\planner", section)
    assert _said("`StartMenuShortcut`", section)
    shortcut = "planner（官民データ活用推進計画）"
    assert f'$SMPROGRAMS\\{shortcut}.lnk' in NSI
    installers = _load("installers")
    assert installers.MSI_TEXT["JA_SHORTCUT_NAME"].endswith(f"|{shortcut}")
    assert _said(f"`{shortcut}`", section)


@pytest.mark.parametrize("section", [SECTION_JA, SECTION_EN], ids=["ja", "en"])
def test_the_guide_gives_the_real_minimum_windows_and_exit_code(section):
    assert _said(f"{entry.MIN_WINDOWS_BUILD}", section) and _said("1903", section)
    assert entry.EXIT_UNUSABLE == 2
    assert _said("終了コード 2", section) or _said("exit code 2", section) \
        or _said("exits with code 2", section)
    assert "--planner-sandbox-child" in section
    from planner.sandbox.parent import FROZEN_CHILD_FLAG

    assert FROZEN_CHILD_FLAG == "--planner-sandbox-child"


def test_the_installation_page_and_the_guide_are_linked_from_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/install-ja.md" in readme
    page = (ROOT / "docs" / "install-ja.md").read_text(encoding="utf-8")
    assert "%LOCALAPPDATA%\\Programs\\planner" in page and "1903" in page
    assert "it-guide.md#7-windows-への導入情報システム担当者向け" in page
