"""The Windows installers of a bundle: per-user NSIS ``setup.exe`` and per-machine MSI.

Both are built on Linux (or anywhere) with Debian's ``makensis`` (nsis) and ``wixl``
(wixl/msitools) from ``packaging/windows/planner.nsi`` and ``planner.wxs``; the MSI's file
list (``bundle-files.wxs``) is generated here from the bundle. Standard library only.

Code signing: set ``PLANNER_SIGN_PFX`` to a PKCS#12 (.pfx) file, and
``PLANNER_SIGN_PASSWORD`` to its password if it has one. Then the bundle's two programs,
the NSIS uninstaller, ``setup.exe`` and the MSI are signed with ``osslsigncode`` (SHA-256);
``PLANNER_SIGN_TIMESTAMP_URL``, if set, adds a timestamp (the only step that uses the
network, and only when asked to). Unset, nothing is signed. Set but unusable: the build fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from xml.sax.saxutils import quoteattr

HERE = Path(__file__).resolve().parent
NSI = HERE / "windows" / "planner.nsi"
WXS = HERE / "windows" / "planner.wxs"
#: Component GUIDs are derived from each file's path in the bundle, so that they stay
#: the same from one build (and version) to the next, as Windows Installer requires.
COMPONENT_NAMESPACE = uuid.UUID("9b8f1f2e-4c55-4a57-8a53-3c2b1d7e6a10")
SIGN_ENV = "PLANNER_SIGN_PFX"
PROGRAMS = ("planner.exe", "planner-cli.exe")


def missing_tools() -> list[str]:
    """The installer tools that are not on PATH (empty when both installers can be built)."""
    return [tool for tool in ("makensis", "wixl", "msibuild", "msiinfo")
            if shutil.which(tool) is None]


def is_windows_bundle(bundle: Path) -> bool:
    """True for a dist/planner folder made on Windows (it holds planner.exe)."""
    return all((bundle / name).is_file() for name in PROGRAMS) and (bundle / "_internal").is_dir()


def placeholder_bundle(folder: Path) -> Path:
    """A tiny stand-in for a Windows bundle, to compile and test the installer scripts where
    no Windows bundle can be built. Its .exe files are not programs."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "_internal" / "planner" / "_data").mkdir(parents=True)
    for name in PROGRAMS:
        (folder / name).write_bytes(b"MZ placeholder, not a program\n")
    (folder / "_internal" / "base_library.zip").write_bytes(b"placeholder\n")
    (folder / "_internal" / "planner" / "_data" / "readme.txt").write_text(
        "インストーラーの試験用の中身です。\n", encoding="utf-8")
    return folder


def build_all(bundle: Path, out_dir: Path, version: str) -> list[Path]:
    """Sign the bundle's programs (if asked to), then build both installers into out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    signer = Signer.from_environment()
    if signer is not None:
        for name in PROGRAMS:
            signer.sign(bundle / name)
    return [build_nsis(bundle, out_dir / f"planner-{version}-setup.exe", version, signer),
            build_msi(bundle, out_dir / f"planner-{version}.msi", version, signer)]


def build_nsis(bundle: Path, out: Path, version: str, signer: Signer | None = None) -> Path:
    """The per-user setup.exe."""
    command = ["makensis", "-V2", "-INPUTCHARSET", "UTF8", f"-DVERSION={version}",
               f"-DBUNDLE={_windows_path(bundle)}", f"-DOUTFILE={_windows_path(out)}"]
    if signer is not None:  # makensis runs this on the uninstaller it has just written
        command.append(f"-DSIGN_UNINSTALLER={signer.command_line()}")
    _run([*command, str(NSI)])
    if signer is not None:
        signer.sign(out)
    return out


def build_msi(bundle: Path, out: Path, version: str, signer: Signer | None = None) -> Path:
    """The per-machine MSI."""
    with tempfile.TemporaryDirectory(prefix="planner-wxs-") as work:
        files = Path(work) / "bundle-files.wxs"
        files.write_text(bundle_fragment(bundle, relative_to=Path(work)), encoding="utf-8")
        built = Path(work) / out.name
        _run(["wixl", "-a", "x64", "-D", f"Version={version}", "-o", str(built), str(WXS),
              str(files)])
        localize_msi(built, Path(work))
        if signer is not None:
            signer.sign(built)
        shutil.move(built, out)
    return out


#: The Japanese text of the MSI, put in place of the .wxs's JA_* placeholders.
MSI_TEXT = {
    "JA_PRODUCT_NAME": "planner（官民データ活用推進計画 作成支援）",
    "JA_SHORTCUT_NAME": "planner|planner（官民データ活用推進計画）",  # short|long file name
    "JA_SHORTCUT_TIP": "官民データ活用推進計画の作成・点検・出力",
    "JA_TOO_OLD": (
        "planner を使うには Windows 10 バージョン 1903（ビルド 18362）以降、または Windows 11 が"
        "必要です。この PC の Windows では使えないため、インストールを中止します。"
        "情報システム担当者にご相談ください。 / planner needs Windows 10 version 1903 "
        "(build 18362) or newer."),
}
_MSI_TABLES = ("Property", "Shortcut", "LaunchCondition")


def localize_msi(msi: Path, work: Path) -> None:
    """Make the database code page 932 (Japanese), then put the Japanese text in.

    wixl 0.101 crashes on non-ASCII strings because its databases have no code page; with
    ``_ForceCodepage`` set, msitools' msibuild stores UTF-8 input as code page 932.
    """
    codepage = work / "_ForceCodepage.idt"
    codepage.write_bytes(b"\r\n\r\n932\t_ForceCodepage\r\n")
    _run(["msibuild", str(msi), "-i", str(codepage)])
    for table in _MSI_TABLES:
        text = _output(["msiinfo", "export", str(msi), table], cwd=work)
        cells = [line.split("\t") for line in text.split("\r\n")]
        changed = [[MSI_TEXT.get(cell, cell) for cell in row] if n >= 3 else row
                   for n, row in enumerate(cells)]
        idt = work / f"{table}.idt"
        idt.write_bytes("\r\n".join("\t".join(row) for row in changed).encode("utf-8"))
        _run(["msibuild", str(msi), "-i", str(idt)])
    left = [t for t in _MSI_TABLES for key in MSI_TEXT
            if key in _output(["msiinfo", "export", str(msi), t], cwd=work)]
    if left:
        raise SystemExit(f"placeholders left in the MSI tables {left}")


def bundle_fragment(bundle: Path, relative_to: Path) -> str:
    """WiX source of every file of the bundle under INSTALLDIR: one component per file
    (stable GUID). wixl takes only
    relative Source paths: they are made relative to the fragment's folder."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">', "  <Fragment>"]
    components: list[str] = []

    def walk(folder: Path, directory_id: str, depth: int) -> None:
        pad = "  " * depth
        for path in sorted(folder.iterdir(), key=lambda p: p.name):
            rel = path.relative_to(bundle).as_posix()
            if not rel.isascii():  # wixl writes such names empty (see localize_msi)
                raise SystemExit(f"{rel}: a non-ASCII file name cannot go into the MSI")
            key = uuid.uuid5(COMPONENT_NAMESPACE, rel).hex
            if path.is_dir():
                lines.append(f"{pad}<Directory Id=\"d{key}\" Name={quoteattr(path.name)}>")
                walk(path, f"d{key}", depth + 1)
                lines.append(f"{pad}</Directory>")
                continue
            guid = uuid.uuid5(COMPONENT_NAMESPACE, rel)
            lines.append(f"{pad}<Component Id=\"c{key}\" Guid=\"{guid}\" Win64=\"yes\">")
            lines.append(f"{pad}  <File Id=\"f{key}\" Name={quoteattr(path.name)} "
                         f"Source={quoteattr(os.path.relpath(path, relative_to))} KeyPath=\"yes\"/>")
            lines.append(f"{pad}</Component>")
            components.append(f"c{key}")

    lines.append('    <DirectoryRef Id="INSTALLDIR">')
    walk(bundle, "INSTALLDIR", 3)
    lines.append("    </DirectoryRef>")
    lines.append('    <ComponentGroup Id="BundleFiles">')
    lines += [f'      <ComponentRef Id="{c}"/>' for c in components]
    lines += ["    </ComponentGroup>", "  </Fragment>", "</Wix>", ""]
    return "\n".join(lines)


class Signer:
    """Authenticode signing with osslsigncode and a PKCS#12 certificate file."""

    def __init__(self, pfx: Path, password: str | None, timestamp_url: str | None) -> None:
        self.pfx, self.password, self.timestamp_url = pfx, password, timestamp_url

    @classmethod
    def from_environment(cls) -> Signer | None:
        """A signer when PLANNER_SIGN_PFX is set; None when signing was not asked for."""
        pfx = os.environ.get(SIGN_ENV)
        if not pfx:
            return None
        if not Path(pfx).is_file():
            raise SystemExit(f"{SIGN_ENV}={pfx}: no such certificate file")
        if shutil.which("osslsigncode") is None:
            raise SystemExit(f"{SIGN_ENV} is set but osslsigncode is not installed")
        return cls(Path(pfx), os.environ.get("PLANNER_SIGN_PASSWORD") or None,
                   os.environ.get("PLANNER_SIGN_TIMESTAMP_URL") or None)

    def command_line(self) -> str:
        """How makensis calls this module to sign one file in place (``… "%1"``)."""
        return f'"{sys.executable}" "{Path(__file__).resolve()}" sign'

    def sign(self, path: Path) -> None:
        """Sign ``path`` in place (osslsigncode writes a new file; it then replaces the old)."""
        signed = path.with_name(path.name + ".signed")
        command = ["osslsigncode", "sign", "-pkcs12", str(self.pfx), "-h", "sha256",
                   "-n", "planner", "-in", str(path), "-out", str(signed)]
        with tempfile.TemporaryDirectory(prefix="planner-sign-") as work:
            if self.password is not None:  # from a file: never on a command line
                secret = Path(work) / "password"
                secret.write_text(self.password, encoding="utf-8")
                command[4:4] = ["-readpass", str(secret)]
            if self.timestamp_url:
                command[4:4] = ["-ts", self.timestamp_url]
            _run(command)
        os.replace(signed, path)


def _windows_path(path: Path) -> str:
    """makensis accepts / on Linux and \\ on Windows; give it this system's own form."""
    return str(path.resolve())


def _output(command: list[str], cwd: Path | None = None) -> str:
    proc = subprocess.run(command, capture_output=True, check=False, cwd=cwd)
    if proc.returncode != 0:
        raise SystemExit(f"{command[0]} failed (exit {proc.returncode}): {proc.stderr[-2000:]!r}")
    return proc.stdout.decode("utf-8")


def _run(command: list[str]) -> None:
    proc = subprocess.run(command, capture_output=True, text=True, encoding="utf-8",
                          errors="replace", check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{command[0]} failed (exit {proc.returncode}):\n"
                         f"{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}")


if __name__ == "__main__":  # makensis's !uninstfinalize: installers.py sign FILE
    if len(sys.argv) == 3 and sys.argv[1] == "sign":
        found = Signer.from_environment()
        if found is None:
            raise SystemExit(f"{SIGN_ENV} is not set")
        found.sign(Path(sys.argv[2]))
    else:
        raise SystemExit("usage: installers.py sign FILE")
