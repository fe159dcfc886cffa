"""The generated document opens in LibreOffice and converts to PDF (CI installs it).

Skipped when soffice is missing, unless PLANNER_REQUIRE_LIBREOFFICE=1 (as in CI).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from render_helpers import small_plan

from planner.files.paths import sample_plan_path
from planner.files.planfile import load_plan
from planner.render import render_plan

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _require_soffice() -> str:
    if SOFFICE is None:
        if os.environ.get("PLANNER_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("LibreOffice (soffice) is required but not installed")
        pytest.skip("LibreOffice not installed")
    return SOFFICE


def _to_pdf(docx_path, tmp_path):
    soffice = _require_soffice()
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation={profile.as_uri()}",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx_path)],
        check=True, capture_output=True, timeout=180)
    pdf = tmp_path / (docx_path.stem + ".pdf")
    assert pdf.is_file(), "LibreOffice produced no PDF"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    return data


def test_sample_plan_converts_to_pdf(tmp_path):
    _require_soffice()
    plan = load_plan(sample_plan_path()) if sample_plan_path().is_file() else small_plan()
    out = tmp_path / "sample.docx"
    render_plan(plan, out, include_checks=True)
    pdf = _to_pdf(out, tmp_path)
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    assert pages >= 10  # cover, contents, seven chapters, appendices


def test_prefecture_pack_converts_to_pdf(tmp_path):
    _require_soffice()
    out = tmp_path / "pref.docx"
    plan = small_plan()
    plan.plan.kind = "prefecture"
    render_plan(plan, out, template="prefecture")
    _to_pdf(out, tmp_path)


def _pdftotext(pdf, first: int, last: int) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        if os.environ.get("PLANNER_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("pdftotext (poppler-utils) is required but not installed")
        pytest.skip("pdftotext not installed")
    done = subprocess.run([tool, "-layout", "-f", str(first), "-l", str(last), str(pdf), "-"],
                          check=True, capture_output=True, timeout=60)
    return done.stdout.decode("utf-8")


def test_render_to_pdf_fills_in_the_contents_page_numbers(tmp_path, capsys):
    from planner.cli import main

    _require_soffice()
    out = tmp_path / "計画.pdf"
    code = main(["render", str(sample_plan_path()), "-o", str(out), "--final"])
    assert code == 0, capsys.readouterr().err
    assert out.read_bytes().startswith(b"%PDF")
    contents = _pdftotext(out, 2, 4)
    # The contents' chapter lines (dot leaders), not the chapter headings after them.
    entries = [line.strip() for line in contents.splitlines()
               if re.match(r"\s*(第\d章|別表\s*\d|別図)", line) and "...." in line]
    assert len(entries) >= 10, contents
    assert all(re.search(r"\d+$", e) for e in entries), entries  # each ends in a page number
    numbers = [int(re.search(r"(\d+)$", e).group(1)) for e in entries]
    assert numbers == sorted(numbers) and numbers[-1] > numbers[0]


def test_pdf_without_a_converter_says_what_to_install(tmp_path, capsys, monkeypatch):
    from planner.cli import main
    from planner.render import pdf

    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    monkeypatch.setattr(pdf, "has_word", lambda: False)
    out = tmp_path / "plan.pdf"
    code = main(["render", str(sample_plan_path()), "-o", str(out)])
    assert code == 2
    err = capsys.readouterr().err
    assert "LibreOffice" in err and "Word" in err
    assert not out.exists()
