"""The finished document as its parts' bytes, then as a .docx: what is audited is what is written.

python-docx's ``Document.save`` serialises every part and zips it, deflating everything;
``render_plan`` then had to unzip the result again for the safety audit. Here the parts are
serialised once, exactly as ``Document.save`` would (python-docx's own package writer
produces them; ``tests/test_render_fast_paths.py`` compares the two), the audit reads those
bytes, and the same bytes are zipped. Pictures (PNG, JPEG, GIF) are stored, not deflated:
they are compressed already, and deflating a prefecture plan's 4 MB of figures again
bought 5 % for a tenth of a second.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.opc.packuri import PackURI

#: Members whose bytes are compressed already (stored as they are in the zip).
_COMPRESSED = (".png", ".jpeg", ".jpg", ".gif")


class _Collector:
    """Stands in for python-docx's zip writer: keeps (member name, bytes) in order."""

    def __init__(self) -> None:
        self.members: list[tuple[str, bytes]] = []

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        self.members.append((pack_uri.membername, blob))


def document_parts(document: DocxDocument) -> list[tuple[str, bytes]]:
    """(member name, bytes) of every part, in the order and form ``Document.save`` writes."""
    from docx.opc.pkgwriter import PackageWriter

    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    out = _Collector()
    writer: Any = PackageWriter  # its steps, given a collector in place of the zip file
    writer._write_content_types_stream(out, parts)
    writer._write_pkg_rels(out, package.rels)
    writer._write_parts(out, parts)
    return out.members


def zipped(members: list[tuple[str, bytes]]) -> bytes:
    """The .docx holding ``members``: XML deflated, pictures stored."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, blob in members:
            stored = name.lower().endswith(_COMPRESSED)
            package.writestr(name, blob, zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
