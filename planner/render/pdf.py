"""The plan document as a PDF whose 目次 has page numbers.

A .docx carries the table of contents as a field that only a word processor can fill in
(page numbers need a layout). So the PDF is made by one, after updating every index:

- **LibreOffice**, where installed (any platform): a small Basic macro, placed in a
  throw-away user profile, opens the document hidden, updates its indexes (twice: the
  contents may move pages as it grows), refreshes fields and exports the PDF.
- **Microsoft Word** on Windows, through a PowerShell script driving Word's COM interface
  (``TablesOfContents.Update`` then ``ExportAsFixedFormat``). Not testable off Windows.
- Neither: a clear message saying what to install, and nothing written.

Conversion runs in a child process with a time limit; the PDF replaces ``out`` atomically.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from planner.errors import PlannerError
from planner.render.output import write_atomically
from planner.sandbox import winjob

TIMEOUT_S = 240

_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Planner" script:language="StarBasic">
Sub ExportWithIndexes(inUrl As String, outUrl As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(inUrl, "_blank", 0, args())
  For pass = 1 To 2
    indexes = doc.getDocumentIndexes()
    For i = 0 To indexes.getCount() - 1
      indexes.getByIndex(i).update()
    Next i
    doc.getTextFields().refresh()
  Next pass
  Dim props(0) As New com.sun.star.beans.PropertyValue
  props(0).Name = "FilterName"
  props(0).Value = "writer_pdf_Export"
  doc.storeToURL(outUrl, props())
  doc.close(True)
End Sub
</script:module>
"""
_LIBRARY = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">
 <library:element library:name="Planner"/>
</library:library>
"""
_LIBRARIES = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">
<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink">
 <library:library library:name="Standard" xlink:href="$(USER)/basic/Standard/script.xlb/" xlink:type="simple" library:link="false"/>
</library:libraries>
"""

_WORD_SCRIPT = r"""
param([string]$In, [string]$Out)
$ErrorActionPreference = 'Stop'
$word = New-Object -ComObject Word.Application
$word.Visible = $false
$word.DisplayAlerts = 0
try {
  $doc = $word.Documents.Open($In, $false, $true)
  foreach ($toc in $doc.TablesOfContents) { $toc.Update() }
  $doc.Fields.Update() | Out-Null
  foreach ($toc in $doc.TablesOfContents) { $toc.Update() }
  $doc.ExportAsFixedFormat($Out, 17)
  $doc.Close([ref]0)
} finally {
  $word.Quit()
}
"""


class PdfError(PlannerError):
    """No PDF could be made."""


def find_soffice() -> str | None:
    """LibreOffice's soffice: on PATH, or where the Windows and macOS installers put it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    candidates: list[Path] = []
    if sys.platform == "win32":
        # (Windows looks environment variables up in any case)
        bases = (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)"))
        candidates += [Path(base) / "LibreOffice" / "program" / "soffice.exe"
                       for base in bases if base]
    elif sys.platform == "darwin":
        candidates.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
    return next((str(c) for c in candidates if c.is_file()), None)


def has_word() -> bool:  # pragma: no cover - Windows only
    """True on Windows when Word is registered for automation."""
    if sys.platform != "win32":
        return False
    try:
        import winreg

        with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"Word.Application\CLSID"):
            return True
    except OSError:
        return False


def converter() -> str | None:
    """"libreoffice", "word" or None: what will make the PDF here."""
    if find_soffice():
        return "libreoffice"
    if has_word():
        return "word"
    return None


def no_converter_error() -> PdfError:
    """The message when nothing here can make a PDF."""
    return PdfError(
        "PDFを作るには LibreOffice（無料）又は Microsoft Word が必要ですが、どちらも見つかり"
        "ません。LibreOffice を入れるか、.docx で出力して Word で「PDF として保存」してください"
        "（目次のページ番号は Word で「フィールドの更新」をすると入ります）。",
        "Making a PDF needs LibreOffice (free) or Microsoft Word, and neither was found. "
        "Install LibreOffice, or write a .docx and save it as PDF from Word (update the "
        "table of contents there to get its page numbers).")


def docx_to_pdf(docx: Path, pdf: Path) -> None:
    """Convert ``docx`` to ``pdf`` (the contents' page numbers filled in); PdfError on failure."""
    soffice = find_soffice()
    if soffice:
        _with_libreoffice(soffice, docx, pdf)
    elif has_word():  # pragma: no cover - Windows only
        _with_word(docx, pdf)
    else:
        raise no_converter_error()
    if not pdf.is_file() or not pdf.read_bytes()[:5] == b"%PDF-":
        raise PdfError(f"{docx.name} からPDFを作れませんでした（変換の結果がありません）。",
                       f"No PDF came out of converting {docx.name}.")


def _with_libreoffice(soffice: str, docx: Path, pdf: Path) -> None:
    profile = Path(tempfile.mkdtemp(prefix="planner-lo-"))
    base = [soffice, "--headless", "--invisible", "--norestore", "--nologo",
            f"-env:UserInstallation={profile.as_uri()}"]
    try:
        # A new profile is set up on first start, which would replace our Basic library:
        # start once to create it, then add the macro to its Standard library.
        _run([*base, "--terminate_after_init"], "LibreOffice")
        basic = profile / "user" / "basic"
        (basic / "Standard").mkdir(parents=True, exist_ok=True)
        (basic / "Standard" / "Planner.xba").write_text(_MACRO, encoding="utf-8")
        (basic / "Standard" / "script.xlb").write_text(_LIBRARY, encoding="utf-8")
        if not (basic / "script.xlc").is_file():
            (basic / "script.xlc").write_text(_LIBRARIES, encoding="utf-8")
        macro = (f'macro:///Standard.Planner.ExportWithIndexes("{docx.resolve().as_uri()}",'
                 f'"{pdf.resolve().as_uri()}")')
        _run([*base, macro], "LibreOffice")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def _with_word(docx: Path, pdf: Path) -> None:  # pragma: no cover - Windows only
    work = Path(tempfile.mkdtemp(prefix="planner-word-"))
    try:
        script = work / "export.ps1"
        script.write_text(_WORD_SCRIPT, encoding="utf-8-sig")
        _run(["powershell", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
              "-File", str(script), "-In", str(docx.resolve()), "-Out", str(pdf.resolve())],
             "Word")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(command: list[str], name: str) -> None:
    """Run a converter to its end, or kill it with every process it started (LibreOffice
    starts a second one; a hung one must not stay behind holding the files) at TIMEOUT_S.

    Its error output goes to a file, not a pipe: a process it leaves behind would hold a
    pipe open, and waiting for the pipe's end would wait for that process.
    """
    with tempfile.TemporaryFile() as errors:
        try:
            proc = subprocess.Popen(command, stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=errors,
                                    start_new_session=os.name == "posix")
        except OSError as exc:
            raise PdfError(f"{name} を起動できません（{exc.strerror or exc}）。",
                           f"Cannot start {name} ({exc.strerror or exc}).") from None
        job = winjob.kill_on_close(int(getattr(proc, "_handle", 0) or 0))
        try:
            proc.wait(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise PdfError(f"{name} でのPDF作成が{TIMEOUT_S}秒で終わりませんでした。{name} が"
                           "ほかの画面で止まっていないか確認してください。",
                           f"{name} did not finish the PDF within {TIMEOUT_S} s; check that "
                           "it is not waiting in another window.") from None
        finally:
            _end_all(proc, job)
        errors.seek(0)
        detail = errors.read().decode("utf-8", "replace").strip()[-300:]
    if proc.returncode != 0:
        raise PdfError(f"{name} でPDFを作れませんでした（{detail or proc.returncode}）。",
                       f"{name} could not make the PDF ({detail or proc.returncode}).")


def _end_all(proc: subprocess.Popen[bytes], job: object) -> None:
    """Kill whatever of the converter's process tree is still running, and reap it."""
    if os.name == "posix":  # its own session: the group is the converter and its children
        with contextlib.suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)
    else:
        winjob.close(job)  # the job kills every process in it as it closes
    with contextlib.suppress(OSError):
        proc.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)


def write_pdf(docx_bytes: bytes, out: Path) -> None:
    """Save the Word document ``docx_bytes`` as a PDF at ``out`` (atomically)."""
    if converter() is None:
        raise no_converter_error()
    work = Path(tempfile.mkdtemp(prefix="planner-pdf-"))
    try:
        docx = work / "plan.docx"
        docx.write_bytes(docx_bytes)
        pdf = work / "plan.pdf"
        docx_to_pdf(docx, pdf)
        write_atomically(Path(out), pdf.read_bytes())
    finally:
        shutil.rmtree(work, ignore_errors=True)
