"""What a pack's Word file may bring into the exported document: nothing that reaches outside.

The document leaves the building; opening it must fetch, link or run nothing. A pack's
``reference.docx`` is untrusted (security.md, "What leaves in the document"), so before
python-docx sees it, :func:`clean_reference` goes through **every** part of the package:

* every XML part is parsed with entity resolution, DTD loading and network access off
  (whatever the lxml version), and a DOCTYPE anywhere refuses the file (OPC forbids DTDs);
* every relationship that leaves the package (``TargetMode="External"``, a URL, a UNC or
  file path) is removed, and so are relationships to OLE objects, ActiveX controls, macros,
  attached templates, sub-documents, imported chunks and frames, with the elements that use
  them (a linked picture keeps its place but fetches nothing; a hyperlink keeps its text);
* ``attachedTemplate``, ``linkStyles``, mail merge, XSLT and schema attachments, frames,
  ``altChunk``, ``subDoc``, OLE objects and controls are removed;
* fields other than :data:`ALLOWED_FIELDS` (INCLUDEPICTURE, INCLUDETEXT, DDE, DDEAUTO, LINK,
  HYPERLINK, …), complex or simple, lose their field code and keep their shown text;
* VML and SVG links (``src``, ``href``) to anything outside, processing instructions,
  ``HyperlinkBase`` and ``HLinks`` of the document properties are removed.

What was removed is returned as :class:`Removed` notes, so the user is told. The finished
document is then checked by :func:`audit_docx` (a post-condition: nothing of the above may
be left, whoever put it there) before it is written.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

from planner.plan.bilingual import Text
from planner.render.packfiles import PackError

#: Fields planner writes (TOC, PAGE) and the page-numbering ones a footer may use; all stay
#: inside the document. Every other field type is removed from a pack's Word file.
ALLOWED_FIELDS = frozenset({"TOC", "PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION", "PAGEREF",
                            "STYLEREF", "SEQ"})

#: A package this large (uncompressed) or with this many parts is not a reference file.
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_PARTS = 2000

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
_O = "urn:schemas-microsoft-com:office:office"
_V = "urn:schemas-microsoft-com:vml"
_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"

#: Relationship types (last path segment) that carry active or outside content.
_DROPPED_TYPES = {
    "oleObject": ("OLE オブジェクト", "OLE object"),
    "package": ("埋め込みファイル", "embedded file"),
    "control": ("ActiveX コントロール", "ActiveX control"),
    "activeXControl": ("ActiveX コントロール", "ActiveX control"),
    "activeXControlBinary": ("ActiveX コントロール", "ActiveX control"),
    "vbaProject": ("マクロ", "macros"),
    "wordVbaData": ("マクロ", "macros"),
    "attachedTemplate": ("添付テンプレート（attachedTemplate）", "attached template"),
    "subDocument": ("サブ文書（subDoc）", "sub-document"),
    "aFChunk": ("取り込み文書（altChunk）", "imported chunk (altChunk)"),
    "frame": ("フレーム", "frame"),
    "mailMergeSource": ("差し込み印刷のデータ", "mail-merge data source"),
    "mailMergeHeaderSource": ("差し込み印刷のデータ", "mail-merge data source"),
    "recipientData": ("差し込み印刷のデータ", "mail-merge data source"),
    "transform": ("XSLT 変換", "XSLT transform"),
    "attachedToolbars": ("ツールバー", "toolbars"),
}

#: Elements removed wherever they are (what they name or do reaches outside or runs).
_DROPPED_ELEMENTS = {
    f"{{{_W}}}attachedTemplate": ("添付テンプレート（attachedTemplate）", "attached template"),
    f"{{{_W}}}linkStyles": ("添付テンプレートのスタイルの自動更新", "styles linked to a template"),
    f"{{{_W}}}mailMerge": ("差し込み印刷の設定（mailMerge）", "mail-merge settings"),
    f"{{{_W}}}saveThroughXslt": ("XSLT 変換（saveThroughXslt）", "XSLT transform"),
    f"{{{_W}}}attachedSchema": ("XML スキーマの添付", "attached XML schema"),
    f"{{{_W}}}altChunk": ("取り込み文書（altChunk）", "imported chunk (altChunk)"),
    f"{{{_W}}}subDoc": ("サブ文書（subDoc）", "sub-document"),
    f"{{{_W}}}object": ("OLE オブジェクト", "OLE object"),
    f"{{{_W}}}control": ("ActiveX コントロール", "ActiveX control"),
    f"{{{_W}}}frameset": ("フレーム", "frames"),
    f"{{{_O}}}OLEObject": ("OLE オブジェクト", "OLE object"),
    f"{{{_C}}}externalData": ("グラフの外部データ", "chart's external data"),
    f"{{{_EP}}}HyperlinkBase": ("ハイパーリンクの基準（HyperlinkBase）", "hyperlink base"),
    f"{{{_EP}}}HLinks": ("ハイパーリンクの一覧（HLinks）", "hyperlink list"),
}

#: Dropped only when they hold something (Word writes them empty).
_IF_NOT_EMPTY = {f"{{{_EP}}}HyperlinkBase", f"{{{_EP}}}HLinks"}

#: Elements removed when the relationship they use was removed (others lose the attribute).
_DROP_WITH_RELATIONSHIP = {"svgBlip", "imagedata", "fill", "externalData"}

_FLDCHAR = f"{{{_W}}}fldChar"
_INSTR = (f"{{{_W}}}instrText", f"{{{_W}}}delInstrText")
_FLDSIMPLE = f"{{{_W}}}fldSimple"
_FLDDATA = f"{{{_W}}}fldData"
_LINK_ATTRS = {"src", "href", f"{{{_O}}}href", f"{{{_O}}}althref",
               "{http://www.w3.org/1999/xlink}href"}
_LINK_CANDIDATES = etree.XPath(
    "//@*[local-name()='style' or local-name()='src' or local-name()='href'"
    " or local-name()='althref'] | //*[local-name()='style']")
_STYLE_ELEMENTS = "{*}style"  # the same elements as the XPath's second half
_MAY_LINK_ATTRIBUTE = re.compile(rb"(?:src|href|style)\s*=")  # also matches althref=
_MAY_STYLE_ELEMENT = re.compile(rb"style[\s>/]")
_LINK_WORDS = (b"src", b"href", b"style")  # every match of the two holds one of them
_DECLARED = re.compile(rb"\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)")


def _may_link(blob: bytes) -> str:
    """What _links must look at in a part: "" nothing, "elements" only ``style`` elements
    (the UTF-8 bytes name no src/href/style attribute), "all" its whole XPath."""
    head = blob[:300].removeprefix(b"\xef\xbb\xbf")
    declared = _DECLARED.match(head)
    if b"\x00" in head or not head.lstrip().startswith(b"<") or (
            declared and declared.group(1).lower() not in (b"utf-8", b"utf8")):
        # Another encoding (UTF-16 without a byte-order mark starts "<\x00?\x00x\x00m\x00l",
        # and lxml reads it): look at every part the slow way.
        return "all"
    # The words first (a fast substring search): a pattern took 40 ms on a 3 MB part.
    if not any(word in blob for word in _LINK_WORDS):
        return ""
    if _MAY_LINK_ATTRIBUTE.search(blob):
        return "all"
    # Word's styles.xml holds hundreds of <w:style> elements and no such attribute: the
    # XPath's scan of every attribute took 10 ms a part, twice a render (clean and audit).
    return "elements" if _MAY_STYLE_ELEMENT.search(blob) else ""


_CSS_URL = re.compile(r"@import|url\(\s*['\"]?\s*[^#'\"\s)]", re.IGNORECASE)
_SCHEME = re.compile(r"^\s*[A-Za-z][A-Za-z0-9+.\-]*:")


@dataclass(frozen=True)
class Removed:
    """One thing removed from a pack's Word file: what (ja, en) and in which part."""

    what: Text
    part: str

    def text(self, lang: str = "ja") -> str:
        """``what (part)`` in ``lang``."""
        return Text(f"{self.what.ja}（{self.part}）", f"{self.what.en} ({self.part})").get(lang)


def safe_parser() -> etree.XMLParser:
    """An lxml parser that never resolves entities, loads a DTD or touches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, attribute_defaults=False, huge_tree=False,
                           collect_ids=False, remove_pis=False)


def harden_python_docx() -> None:
    """Give python-docx's two XML parsers network and DTD loading off as well.

    python-docx parses with ``resolve_entities=False`` already; this adds ``no_network``,
    ``load_dtd=False`` and ``huge_tree=False`` whatever version is installed. (Every part
    reaching python-docx has been through :func:`parse_part` anyway: defence in depth.)
    """
    from docx.opc import oxml as opc_oxml
    from docx.oxml import parser as oxml_parser

    # (Any: each module's own ``oxml_parser`` global is what gets replaced)
    modules: tuple[Any, ...] = (oxml_parser, opc_oxml)
    for module in modules:
        if getattr(module.oxml_parser, "_planner_hardened", False):
            continue
        hardened = _HardenedParser(remove_blank_text=True, resolve_entities=False,
                                   no_network=True, load_dtd=False, huge_tree=False)
        hardened.set_element_class_lookup(module.element_class_lookup)
        module.oxml_parser = hardened


class _HardenedParser(etree.XMLParser):  # type: ignore[misc]  # lxml: no stubs installed, so Any
    _planner_hardened = True


def parse_part(data: bytes, name: str, source: object) -> etree._ElementTree:
    """One XML part, parsed safely; PackError if it is not XML or declares a DOCTYPE."""
    if _DOCTYPE.search(_prolog(data)):  # said as such, before libxml2 counts entities
        raise _doctype(source, name)
    try:
        tree = etree.parse(io.BytesIO(data), safe_parser())
    except etree.XMLSyntaxError as exc:
        raise _damaged(source, f"{name} が XML として読めません（{exc}）",
                       f"{name} is not well-formed XML ({exc})") from None
    info = tree.docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise _doctype(source, name)
    return tree


_DOCTYPE = re.compile(r"<!DOCTYPE", re.IGNORECASE)


def _prolog(data: bytes) -> str:
    """The text before the root element (where a DOCTYPE must stand), UTF-8 or UTF-16."""
    head = data[:1 << 20]
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:2] in (b"<\x00", b"\x00<")
    text = head.decode("utf-16" if utf16 else "utf-8", errors="replace")
    start = re.search(r"<[^?!]", text)
    return text[: start.start()] if start else text


def _doctype(source: object, name: str) -> PackError:
    return _damaged(source, f"{name} に DOCTYPE（文書型定義）があります。Word の文書には"
                    "使われないもので、外部のファイルを読み込む攻撃に使われるため、このファイルは使えません",
                    f"{name} declares a DOCTYPE. Word documents never do, and it can make a "
                    "reader pull in outside files, so this file cannot be used")


def _damaged(source: object, ja: str, en: str) -> PackError:
    return PackError(f"{source}: {ja}。Wordで開き、新しい文書として保存し直してください。",
                     f"{source}: {en}. Open it in Word and save it as a new document.")


def clean_reference(data: bytes, source: object) -> tuple[bytes, list[Removed]]:
    """The package ``data`` with everything that reaches outside removed, and what was."""
    members = _read_package(data, source)
    removed: list[Removed] = []
    cleaner = _Cleaner(fix=True, removed=removed)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, blob in _cleaned(members, cleaner, source):
            package.writestr(name, blob)
    return out.getvalue(), removed


def audit_docx(data: bytes, source: object = "document") -> list[Removed]:
    """Everything in the finished document that would reach outside (empty when none).

    The post-condition of every render, and the check the tests run on every output.
    """
    return audit_parts(_read_package(data, source), source)


def audit_parts(members: dict[str, bytes] | list[tuple[str, bytes]],
                source: object = "document") -> list[Removed]:
    """:func:`audit_docx` on the parts of a package before they are zipped: (name, bytes)
    as they will be written (``planner.render.package``), under the same limits."""
    if not isinstance(members, dict):
        names = [name for name, _blob in members]
        if len(set(names)) != len(names):
            raise _damaged(source, "同じ名前の部品が重複しています", "it holds two parts of the same name")
        members = dict(members)
    if len(members) > MAX_PARTS or sum(len(b) for b in members.values()) > MAX_TOTAL_BYTES:
        raise _damaged(source, "部品が多すぎるか大きすぎます", "it has too many or too large parts")
    found: list[Removed] = []
    cleaner = _Cleaner(fix=False, removed=found)
    for _name, _blob in _cleaned(members, cleaner, source):
        pass
    return found


def _read_package(data: bytes, source: object) -> dict[str, bytes]:
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise _damaged(source, f"Wordファイルとして開けません（{exc}）",
                       f"cannot open the Word file ({exc})") from None
    names = [i.filename for i in infos]
    if len(infos) > MAX_PARTS or sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
        raise _damaged(source, "部品が多すぎるか大きすぎます", "it has too many or too large parts")
    if len(set(names)) != len(names):
        raise _damaged(source, "同じ名前の部品が重複しています", "it holds two parts of the same name")
    members: dict[str, bytes] = {}
    try:
        for info in infos:
            if info.is_dir():
                continue
            with package.open(info) as fh:
                blob = fh.read(info.file_size + 1)
            if len(blob) > info.file_size:  # a zip that lies about its sizes
                raise _damaged(source, "部品の大きさが壊れています", "a part's size is damaged")
            members[info.filename] = blob
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError,
            NotImplementedError, zlib.error) as exc:
        raise _damaged(source, f"Wordファイルとして開けません（{exc}）",
                       f"cannot open the Word file ({exc})") from None
    return members


def _looks_like_xml(name: str, blob: bytes) -> bool:
    if name.lower().endswith((".xml", ".rels", ".vml", ".svg")):
        return True
    head = blob[:64].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    return head.startswith(b"<")


def _cleaned(members: dict[str, bytes], cleaner: _Cleaner,
             source: object) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of every member, XML ones parsed safely and cleaned."""
    trees = {name: parse_part(blob, name, source) for name, blob in members.items()
             if _looks_like_xml(name, blob)}
    removed_ids: dict[str, set[str]] = {}
    changed: set[str] = set()
    for name, tree in trees.items():
        if name.endswith(".rels"):
            removed_ids[_rels_owner(name)] = gone = cleaner.relationships(tree, name)
            if gone:
                changed.add(name)
    for name, tree in trees.items():
        if not name.endswith(".rels") and cleaner.part(tree, name, removed_ids.get(name, set()),
                                                       _may_link(members[name])):
            changed.add(name)
    for name, blob in members.items():
        if name in changed and cleaner.fix:
            # The root element only: processing instructions beside it are left out.
            yield name, etree.tostring(trees[name].getroot(), xml_declaration=True,
                                       encoding="UTF-8", standalone=True)
        else:
            yield name, blob


def _rels_owner(rels_name: str) -> str:
    """``word/_rels/document.xml.rels`` → ``word/document.xml`` (``_rels/.rels`` → "")."""
    folder, base = posixpath.split(rels_name)
    parent = posixpath.dirname(folder)
    return posixpath.join(parent, base[: -len(".rels")]) if base != ".rels" else ""


def leaves_package(target: str, mode: str | None) -> bool:
    """True for a relationship target outside the package: a URL, UNC or drive path."""
    target = target.strip()
    return ((mode or "").strip().lower() == "external" or bool(_SCHEME.match(target))
            or target.startswith(("//", "\\")) or "\\" in target)


class _Cleaner:
    """Finds (and, with ``fix``, removes) what reaches outside in one part at a time."""

    def __init__(self, fix: bool, removed: list[Removed]) -> None:
        self.fix, self.removed = fix, removed

    def note(self, ja: str, en: str, part: str) -> None:
        """Record one removal (or, when only checking, one finding)."""
        self.removed.append(Removed(Text(ja, en), part))

    # --- relationships ---------------------------------------------------------------
    def relationships(self, tree: etree._ElementTree, name: str) -> set[str]:
        """Remove outside and active relationships; return their ids."""
        gone: set[str] = set()
        for rel in list(tree.getroot().iter(f"{{{_PR}}}Relationship")):
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target") or ""
            if leaves_package(target, rel.get("TargetMode")):
                self.note(f"外部への参照（{kind}: {_short(target)}）",
                          f"outside reference ({kind}: {_short(target)})", name)
            elif kind in _DROPPED_TYPES:
                ja, en = _DROPPED_TYPES[kind]
                self.note(ja, en, name)
            else:
                continue
            gone.add(rel.get("Id") or "")
            if self.fix:
                rel.getparent().remove(rel)
        return gone

    # --- one XML part ----------------------------------------------------------------
    def part(self, tree: etree._ElementTree, name: str, gone: set[str],
             may_link: str = "all") -> bool:
        """Clean one part; True if it changed. ``may_link`` (see _may_link) "" skips the
        link scan, "elements" looks at ``style`` elements only."""
        changed = self._instructions(tree, name)
        root = tree.getroot()
        changed |= self._dropped_elements(root, name)
        changed |= self._dangling(root, name, gone)
        if may_link:
            changed |= self._links(root, name, may_link == "elements")
        changed |= self._fields(root, name)
        return changed

    def _remove(self, el: etree._Element) -> None:
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)

    def _instructions(self, tree: etree._ElementTree, name: str) -> bool:
        root = tree.getroot()
        pis = [pi for pi in (*root.itersiblings(preceding=True), *root.itersiblings(),
                             *root.iter(etree.ProcessingInstruction))
               if isinstance(pi, etree._ProcessingInstruction)]
        pis = [pi for pi in pis if pi.target != "mso-application"]  # Word's own marker
        for pi in pis:
            self.note(f"処理命令（<?{pi.target}?>）", f"processing instruction (<?{pi.target}?>)",
                      name)
            if self.fix and pi.getparent() is not None:
                pi.getparent().remove(pi)  # top-level ones are left out when written
        return bool(pis)

    def _dropped_elements(self, root: etree._Element, name: str) -> bool:
        found = [el for el in root.iter(*_DROPPED_ELEMENTS) if el is not root
                 and (el.tag not in _IF_NOT_EMPTY or len(el) or (el.text or "").strip())]
        found += [el for el in root.iter(f"{{{_EP}}}Template")  # metadata, but no paths
                  if re.search(r"[\\/:]", el.text or "")]
        for el in found:
            ja, en = _DROPPED_ELEMENTS.get(el.tag, ("テンプレートの場所", "template location"))
            self.note(ja, en, name)
            if self.fix:
                self._remove(el)
        return bool(found)

    def _dangling(self, root: etree._Element, name: str, gone: set[str]) -> bool:
        """Elements that use a removed relationship lose the reference (or go entirely)."""
        if not gone:
            return False
        changed = False
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            refs = [a for a, v in el.attrib.items() if a.startswith(f"{{{_R}}}") and v in gone]
            if not refs:
                continue
            changed = True
            if not self.fix:
                continue
            if etree.QName(el).localname in _DROP_WITH_RELATIONSHIP:
                self._remove(el)
            else:
                for attr in refs:
                    del el.attrib[attr]
        return changed

    def _links(self, root: etree._Element, name: str, elements_only: bool = False) -> bool:
        """VML / SVG ``src`` and ``href`` attributes naming anything outside the document,
        and CSS ``url(…)`` / ``@import`` (an SVG picture's style) doing the same."""
        changed = False
        # XPath: a 15 MB document is not walked in Python; without candidate attributes,
        # lxml's iter finds the same elements in document order.
        candidates = root.iter(_STYLE_ELEMENTS) if elements_only else _LINK_CANDIDATES(root)
        for found in candidates:
            if isinstance(found, etree._Element):  # a <style> element
                if _CSS_URL.search(found.text or ""):
                    changed = self._outside(name, "style")
                    if self.fix:
                        found.text = ""
                continue
            attr, value, el = found.attrname, str(found), found.getparent()
            if etree.QName(attr).localname == "style":
                bad = bool(_CSS_URL.search(value))
            else:
                bad = attr in _LINK_ATTRS and bool(value.strip()) \
                    and not value.strip().startswith(("#", "data:"))
            if bad:
                changed = self._outside(name, "style" if attr.endswith("style") else value)
                if self.fix and attr in el.attrib:
                    del el.attrib[attr]
        return changed

    def _outside(self, name: str, what: str) -> bool:
        self.note(f"外部へのリンク（{_short(what)}）", f"outside link ({_short(what)})", name)
        return True

    # --- fields ----------------------------------------------------------------------
    def _fields(self, root: etree._Element, name: str) -> bool:
        changed = self._simple_fields(root, name)
        stack: list[_Field] = []
        done: list[_Field] = []
        stray: list[etree._Element] = []
        for el in root.iter(_FLDCHAR, *_INSTR):
            if el.tag == _FLDCHAR:
                kind = el.get(f"{{{_W}}}fldCharType")
                if kind == "begin":
                    if stack and stack[-1].in_code:
                        stack[-1].nested = True
                    stack.append(_Field([el]))
                elif kind == "separate" and stack:
                    stack[-1].parts.append(el)
                    stack[-1].in_code = False
                elif kind == "end" and stack:
                    field = stack.pop()
                    field.parts.append(el)
                    done.append(field)
                else:
                    stray.append(el)
            elif stack and stack[-1].in_code:
                stack[-1].parts.append(el)
                stack[-1].code += el.text or ""
            else:
                stray.append(el)
        for field in done + stack:  # what is still open at the end is unbalanced: removed
            if field.allowed() and field not in stack:
                continue
            self.note(f"フィールド {field.kind() or '（不明）'}", f"field {field.kind() or '(unknown)'}",
                      name)
            changed = True
            if self.fix:
                for el in field.parts:
                    self._remove(el)
        for el in stray:
            changed = True
            if self.fix:
                self._remove(el)
        for data in list(root.iter(_FLDDATA)):
            changed = True
            if self.fix:
                self._remove(data)
        return changed

    def _simple_fields(self, root: etree._Element, name: str) -> bool:
        changed = False
        for el in list(root.iter(_FLDSIMPLE)):
            field = _Field([], code=el.get(f"{{{_W}}}instr") or "")
            if field.allowed():
                continue
            self.note(f"フィールド {field.kind() or '（不明）'}", f"field {field.kind() or '(unknown)'}",
                      name)
            changed = True
            if self.fix:  # keep the shown text: the field's runs take its place
                parent = el.getparent()
                index = parent.index(el)
                for child in [c for c in el if c.tag != _FLDDATA]:
                    parent.insert(index, child)
                    index += 1
                parent.remove(el)
        return changed


class _Field:
    """One complex field: its fldChar/instrText elements and its code."""

    def __init__(self, parts: list, code: str = "") -> None:
        self.parts, self.code = parts, code
        self.in_code, self.nested = True, False

    def kind(self) -> str:
        words = self.code.split()
        return words[0].upper() if words else ""

    def allowed(self) -> bool:
        return not self.nested and self.kind() in ALLOWED_FIELDS


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def summary(removed: list[Removed], source: object, lang: str = "ja") -> str:
    """One message naming what was removed from ``source`` ("" when nothing was)."""
    if not removed:
        return ""
    seen: list[str] = []
    for item in removed:
        text = item.text(lang)
        if text not in seen:
            seen.append(text)
    shown = seen[:12]
    more = len(seen) - len(shown)
    return Text(f"{source}: 文書の外を参照するものを取り除きました（出力した文書には入っていません）: "
                + "、".join(shown) + (f" ほか {more} 件" if more else "") + "。",
                f"{source}: removed what would reach outside the document (the exported "
                f"document does not contain it): " + "; ".join(shown)
                + (f" and {more} more" if more else "") + ".").get(lang)
