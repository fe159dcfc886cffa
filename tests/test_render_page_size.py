"""The body's text width comes from the reference file's last section (page size, margins)."""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn

from planner.render.docx_writer import DocxWriter
from planner.render.packs import PackError, find_pack


def test_text_width_is_the_page_less_its_margins() -> None:
    writer = DocxWriter(find_pack(None), {"lang": "ja"})
    s = writer.doc.sections[-1]
    assert writer.text_width() == int((s.page_width - s.left_margin - s.right_margin) / 635)


def test_a_section_without_page_size_is_a_pack_error_naming_the_file() -> None:
    writer = DocxWriter(find_pack(None), {"lang": "ja"})
    sect_pr = writer.doc.sections[-1]._sectPr
    sect_pr.remove(sect_pr.find(qn("w:pgSz")))
    with pytest.raises(PackError) as caught:
        writer.text_width()
    ja = caught.value.message("ja")
    assert str(writer.pack.reference_docx) in ja
    assert "用紙サイズ" in ja
