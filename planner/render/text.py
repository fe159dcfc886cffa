"""Plan text made safe for a Word document, and the small markup the section templates use.

Plan text is data: it is stripped of characters XML 1.0 cannot hold (a control character
pasted into a title must never corrupt the document) and can never change the document's
structure. Only lines the *template* writes can become headings, bullets, tables or figures.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

# Everything XML 1.0 forbids: C0 controls except tab/LF/CR, surrogates, U+FFFE/U+FFFF.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Marks a line that came from plan text, so the markup parser reads it literally.
LITERAL = "\x00"
#: Starts a line that holds a directive (table, figure, caption, page break).
DIRECTIVE = "\x01"


def clean_text(value: Any) -> str:
    """``value`` as a string without characters XML cannot hold; '' for None."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _XML_INVALID.sub("", text)


@dataclass(frozen=True)
class Directive:
    """A template's request for a table, figure, caption or page break."""

    kind: str
    args: tuple[str, ...] = ()

    def encode(self) -> str:
        """One line the parser turns back into this directive."""
        # Own line even when a template writes it mid-sentence.
        return "\n" + DIRECTIVE + "\t".join((self.kind, *self.args)) + "\n"


def finalize(value: Any) -> str:
    """Jinja ``finalize``: directives pass through, plan text becomes literal lines."""
    if isinstance(value, Directive):
        return value.encode()
    text = clean_text(value)
    # Every line of plan text is marked literal: "# …" or "- …" in a title stays text.
    return LITERAL + text.replace("\n", "\n" + LITERAL)


@dataclass(frozen=True)
class Block:
    """One block of a rendered section: heading, paragraph, bullet or directive."""

    kind: str  # heading1..4 | paragraph | bullet | table | figure | caption | pagebreak
    text: str = ""
    args: tuple[str, ...] = ()


_MARKUP = (("#### ", "heading4"), ("### ", "heading3"), ("## ", "heading2"), ("# ", "heading1"),
           ("- ", "bullet"))


def parse_blocks(rendered: str) -> list[Block]:
    """Split a rendered section template into blocks (one per non-empty line)."""
    blocks: list[Block] = []
    for raw in rendered.split("\n"):
        if raw.startswith(DIRECTIVE):
            kind, *args = raw[1:].split("\t")
            blocks.append(Block(kind, args=tuple(args)))
            continue
        kind = "paragraph"
        line = raw
        if not raw.startswith(LITERAL):
            for prefix, name in _MARKUP:
                if raw.startswith(prefix):
                    kind, line = name, raw[len(prefix):]
                    break
        text = line.replace(LITERAL, "").replace(DIRECTIVE, "").strip()
        if text:
            blocks.append(Block(kind, text))
    return blocks


#: A line ending in bracketed words: 「…計画（第2期）」, 「…計画（第2期）（案）」.
_CLOSING_BRACKETS = re.compile(r"(.*?[^\s（])((?:（[^（）\n]*）)+)", re.DOTALL)


def ems(text: str) -> float:
    """A line's width in full-width characters (half-width ones count 0.6: digits and
    Latin letters in a proportional Japanese font)."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.6 for ch in text)


def keep_closing_brackets(text: str, per_line: float | None) -> str:
    """``text`` with a line break before its closing 「（第2期）」 when it would not fit
    on one line, so the wrap never falls inside the brackets (「…計画（第 / 2期）」).

    Japanese line breaking keeps only 「（」 off a line's end: 第 and 2 may part. A line
    that fits, or whose brackets alone would not fit either, is left as it is.
    """
    found = _CLOSING_BRACKETS.fullmatch(text)
    if per_line is None or found is None or "\n" in text:
        return text
    head, tail = found.groups()
    if ems(text) <= per_line or ems(tail) > per_line:
        return text
    return f"{head}\n{tail}"


def drop_empty_headings(blocks: list[Block]) -> list[Block]:
    """Blocks without the section headings (## and below) that have nothing under them.

    A template may leave a section's text out (for instance when the plan's own words say
    it already); its heading then goes too, instead of standing over nothing.
    """
    out: list[Block] = []
    for n, b in enumerate(blocks):
        level = _heading_level(b)
        if level > 1:
            after = next(iter(blocks[n + 1:n + 2]), None)
            if after is None or 0 < _heading_level(after) <= level:
                continue
        out.append(b)
    return out


def _heading_level(block: Block) -> int:
    """1 … 4 for a heading, 0 for anything else."""
    kind = block.kind
    return int(kind[-1]) if kind.startswith("heading") and kind[-1].isdigit() else 0


def mentions(text: Any, *facts: Any) -> bool:
    """True when ``text`` states every fact. A fact written 「A（B）」 may be stated either
    way (a fiscal year 「令和8年度（2026年度）」 as 令和8年度 or as 2026年度); full- and
    half-width forms and spaces do not count. False for empty text or an empty fact."""
    said = _plain(text)
    if not said:
        return False
    for fact in facts:
        words = str(fact or "")
        both = re.fullmatch(r"(.+?)（(.+)）", words)
        ways = [w for w in ((both.group(1), both.group(2)) if both else (words,)) if _plain(w)]
        if not ways or not any(_plain(w) in said for w in ways):
            return False
    return True


def _plain(text: Any) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", clean_text(text)))
