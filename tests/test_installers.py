"""The Windows installers, built around a placeholder payload (no Windows bundle here).

Compiling needs Debian's ``makensis`` and ``wixl``/``msitools`` (installed by .ci/run);
signing needs ``osslsigncode`` and ``openssl``; installing and uninstalling needs Wine and,
being slow (over a minute for a fresh Wine prefix), ``PLANNER_TEST_WINE=1``. Each test
skips, saying which tool is missing, where its tools are absent.
"""

from __future__ import annotations

import getpass
import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("packaging_installers",
                                              ROOT / "packaging" / "installers.py")
installers = importlib.util.module_from_spec(spec)
spec.loader.exec_module(installers)

needs_tools = pytest.mark.skipif(bool(installers.missing_tools()),
                                 reason=f"not installed: {installers.missing_tools()}")
UNINST_KEY = r"Software\Microsoft\Windows\CurrentVersion\Uninstall\planner"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    if installers.missing_tools():
        pytest.skip(f"not installed: {installers.missing_tools()}")
    work = tmp_path_factory.mktemp("installers")
    bundle = installers.placeholder_bundle(work / "payload")
    setup, msi = installers.build_all(bundle, work / "out", "0.1.0")
    return {"bundle": bundle, "setup": setup, "msi": msi, "work": work}


def _table(msi: Path, name: str) -> list[list[str]]:
    # In the MSI's own folder: msiinfo writes binary columns (Icon) as files beside it.
    text = subprocess.run(["msiinfo", "export", str(msi), name], capture_output=True,
                          check=True, cwd=msi.parent).stdout.decode("utf-8")
    return [line.split("\t") for line in text.split("\r\n")[3:] if line]


@needs_tools
def test_both_installers_build_and_carry_the_whole_bundle(built):
    assert built["setup"].name == "planner-0.1.0-setup.exe"
    assert built["setup"].read_bytes()[:2] == b"MZ"
    files = {row[2] for row in _table(built["msi"], "File")}
    assert files == {"planner.exe", "planner-cli.exe", "base_library.zip", "readme.txt"}


@needs_tools
def test_the_msi_is_per_machine_japanese_and_refuses_old_windows(built):
    properties = dict(row[:2] for row in _table(built["msi"], "Property"))
    assert properties["ALLUSERS"] == "1"
    assert properties["ProductName"] == "planner（官民データ活用推進計画 作成支援）"
    assert properties["ProductVersion"] == "0.1.0"
    assert properties["ARPPRODUCTICON"] == "planner.ico"
    assert [row[0] for row in _table(built["msi"], "Icon")] == ["planner.ico"]
    [(condition, message)] = _table(built["msi"], "LaunchCondition")
    assert condition == "Installed OR WINDOWSBUILDNUMBER >= 18362"
    assert message.startswith("planner を使うには Windows 10 バージョン 1903（ビルド 18362）以降")
    [search] = _table(built["msi"], "RegLocator")
    assert search[1:4] == ["2", r"SOFTWARE\Microsoft\Windows NT\CurrentVersion",
                           "CurrentBuildNumber"]
    [shortcut] = _table(built["msi"], "Shortcut")
    assert shortcut[1:3] == ["ProgramMenuFolder", "planner|planner（官民データ活用推進計画）"]
    assert shortcut[4] == "[INSTALLDIR]planner.exe"
    dirs = {row[0]: row for row in _table(built["msi"], "Directory")}
    assert dirs["INSTALLDIR"][1:] == ["ProgramFiles64Folder", "planner"]
    # Japanese text is stored in code page 932, as Windows Installer expects for 1041.
    assert "を使うには".encode("cp932") in built["msi"].read_bytes()


@needs_tools
def test_component_guids_are_stable_from_build_to_build(built, tmp_path):
    first = installers.bundle_fragment(built["bundle"], tmp_path)
    again = installers.bundle_fragment(installers.placeholder_bundle(tmp_path / "p"), tmp_path)
    guids = [line.split('Guid="')[1][:36] for line in first.splitlines() if "Guid=" in line]
    assert len(guids) == 4 and guids == [line.split('Guid="')[1][:36]
                                         for line in again.splitlines() if "Guid=" in line]


def test_a_non_ascii_file_name_is_refused_rather_than_written_empty(tmp_path):
    bundle = installers.placeholder_bundle(tmp_path / "payload")
    (bundle / "_internal" / "説明.txt").write_text("x", encoding="utf-8")
    with pytest.raises(SystemExit, match="non-ASCII"):
        installers.bundle_fragment(bundle, tmp_path)


def _certificate(folder: Path) -> tuple[Path, Path]:
    """A throw-away self-signed code-signing certificate: (pfx with password, cert.pem)."""
    if not (shutil.which("osslsigncode") and shutil.which("openssl")):
        pytest.skip("osslsigncode or openssl is not installed")
    key, cert, pfx = folder / "key.pem", folder / "cert.pem", folder / "sign.pfx"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=planner test signing", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    subprocess.run(["openssl", "pkcs12", "-export", "-inkey", str(key), "-in", str(cert),
                    "-out", str(pfx), "-passout", "pass:s3cret"], check=True, capture_output=True)
    return pfx, cert


def _program(folder: Path, name: str) -> bytes:
    """A real (tiny) Windows program to stand in for planner.exe: signing needs a PE file."""
    script = folder / f"{name}.nsi"
    script.write_text(f"Target amd64-unicode\nOutFile {name}.exe\nSection\nSectionEnd\n",
                      encoding="utf-8")
    subprocess.run(["makensis", "-V1", script.name], cwd=folder, check=True, capture_output=True)
    return (folder / f"{name}.exe").read_bytes()


def signed(path: Path, cert: Path) -> bool:
    """osslsigncode's verdict: signed by the test certificate, signature intact."""
    proc = subprocess.run(["osslsigncode", "verify", "-CAfile", str(cert), "-in", str(path)],
                          capture_output=True, text=True, check=False)
    return proc.returncode == 0 and "planner test signing" in proc.stdout


def _sign_with_a_test_certificate(tmp_path: Path, monkeypatch) -> Path:
    """Name a fresh test certificate for signing, as a release build would; its .crt."""
    pfx, cert = _certificate(tmp_path)
    monkeypatch.setenv(installers.SIGN_ENV, str(pfx))
    monkeypatch.setenv("PLANNER_SIGN_PASSWORD", "s3cret")
    return cert


def _build_installers(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Both installers of a bundle of stand-in programs: (bundle, setup.exe, .msi)."""
    bundle = installers.placeholder_bundle(tmp_path / "payload")
    for name in ("planner", "planner-cli"):
        (bundle / f"{name}.exe").write_bytes(_program(tmp_path, name))
    setup, msi = installers.build_all(bundle, tmp_path / "out", "0.1.0")
    return bundle, setup, msi


@needs_tools
def test_everything_is_signed_when_a_certificate_is_named(tmp_path, monkeypatch):
    cert = _sign_with_a_test_certificate(tmp_path, monkeypatch)
    bundle, setup, msi = _build_installers(tmp_path)
    for path in (setup, msi, bundle / "planner.exe", bundle / "planner-cli.exe"):
        assert signed(path, cert), path
    assert not signed(tmp_path / "planner.exe", cert)  # the check can fail
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [setup.name, msi.name]


def test_a_named_certificate_that_is_missing_stops_the_build(tmp_path, monkeypatch):
    monkeypatch.setenv(installers.SIGN_ENV, str(tmp_path / "nowhere.pfx"))
    with pytest.raises(SystemExit, match="no such certificate"):
        installers.Signer.from_environment()
    monkeypatch.delenv(installers.SIGN_ENV)
    assert installers.Signer.from_environment() is None


# -- install and uninstall under Wine ---------------------------------------------------------


class Wine:
    """A fresh Wine prefix; programs run in it to the end (wineserver -w)."""

    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix
        self.env = {**os.environ, "WINEPREFIX": str(prefix), "WINEDEBUG": "-all",
                    "WINEDLLOVERRIDES": "mscoree,mshtml="}  # no Mono/Gecko install prompts
        self.env.pop("DISPLAY", None)
        self.env.pop("WAYLAND_DISPLAY", None)

    def run(self, *args: str) -> int:
        proc = subprocess.run(["wine", *args], env=self.env, capture_output=True, timeout=300,
                              check=False)
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=300, check=False)
        return proc.returncode

    def windows(self, version: str) -> None:
        assert self.run("winecfg", "-v", version) == 0

    def path(self, windows_path: str) -> Path:
        return self.prefix / "drive_c" / windows_path.replace("\\", "/")

    def user_dir(self) -> Path:
        return self.prefix / "drive_c" / "users" / getpass.getuser()

    def registry(self, hive: str) -> str:
        return (self.prefix / f"{hive}.reg").read_text(encoding="utf-8", errors="replace")


def _reg_key(name: str) -> str:
    return "[" + name.replace("\\", "\\\\") + "]"


@pytest.mark.skipif(not (shutil.which("wine") and shutil.which("wineserver")),
                    reason="Wine is not installed")
@pytest.mark.skipif(os.environ.get("PLANNER_TEST_WINE") != "1",
                    reason="takes over a minute and a Wine prefix: set PLANNER_TEST_WINE=1")
@needs_tools
def test_install_and_uninstall_under_wine(tmp_path, monkeypatch):
    """Both installers on an old Windows (refused, nothing written) and on Windows 10 1903
    (installed, shortcut, registry, uninstalled without a trace)."""
    cert = None
    if shutil.which("osslsigncode") and shutil.which("openssl"):
        cert = _sign_with_a_test_certificate(tmp_path, monkeypatch)
    bundle, setup, msi = _build_installers(tmp_path)
    wine = Wine(tmp_path / "prefix")
    assert wine.run("wineboot", "-i") == 0
    per_user = wine.user_dir() / "AppData" / "Local" / "Programs" / "planner"
    per_machine = wine.path("Program Files/planner")
    user_menu = wine.user_dir() / "AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
    shortcut = "planner（官民データ活用推進計画）.lnk"

    wine.windows("win7")  # build 7601: both refuse, and write nothing
    assert wine.run(str(setup), "/S") == 2  # NSIS: aborted by the script (.onInit)
    assert not per_user.exists()
    assert wine.run("msiexec", "/i", str(msi), "/qn") != 0
    assert not per_machine.exists()

    wine.windows("win10")  # Wine's Windows 10 is build 18362: allowed
    assert wine.run(str(setup), "/S") == 0
    assert sorted(p.name for p in per_user.iterdir()) == [
        "_internal", "planner-cli.exe", "planner.exe", "uninstall.exe"]
    assert (per_user / "_internal" / "planner" / "_data" / "readme.txt").is_file()
    assert (user_menu / shortcut).is_file()
    key = _reg_key(UNINST_KEY)
    assert key in wine.registry("user") and key not in wine.registry("system")
    user_reg = wine.registry("user").split(key, 1)[1].split("\n[", 1)[0]
    assert '"QuietUninstallString"=' in user_reg and "uninstall.exe\\\" /S" in user_reg
    if cert is not None:  # signed by makensis's !uninstfinalize while setup.exe was built
        assert signed(per_user / "uninstall.exe", cert)
    assert wine.run(str(per_user / "uninstall.exe"), "/S") == 0
    assert not per_user.exists() and not (user_menu / shortcut).exists()
    assert key not in wine.registry("user")

    assert wine.run("msiexec", "/i", str(msi), "/qn") == 0
    assert (per_machine / "planner.exe").is_file()
    assert (per_machine / "_internal" / "planner" / "_data" / "readme.txt").is_file()
    assert "planner\\xff08\\x5b98\\x6c11" in wine.registry("system")  # Japanese ARP name
    # Wine puts a per-machine ProgramMenuFolder shortcut in the user's menu; Windows puts it
    # in ProgramData. Either way it exists while installed and goes with the uninstall.
    menus = [user_menu, wine.path("ProgramData/Microsoft/Windows/Start Menu/Programs")]
    assert any((m / shortcut).is_file() for m in menus)
    newer = installers.build_msi(bundle, tmp_path / "out" / "planner-0.1.1.msi", "0.1.1")
    assert wine.run("msiexec", "/i", str(newer), "/qn") == 0  # an upgrade, not a second copy
    system = wine.registry("system")  # 0.1.0's registration is gone, 0.1.1's is there
    assert '"DisplayVersion"="0.1.1"' in system and '"DisplayVersion"="0.1.0"' not in system
    assert wine.run("msiexec", "/x", str(newer), "/qn") == 0
    assert not per_machine.exists()
    assert not any((m / shortcut).exists() for m in menus)
    assert _reg_key(r"Software\planner") not in wine.registry("system")
