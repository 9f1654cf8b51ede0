"""Characters → visual lines, and the text of a table cell, for the PDF reader.

A line is the characters whose vertical centres agree (within half a character height), left to right.
Inside a line a gap wider than a character starts a new piece (a borderless table, a signature beside a
date); justified or letter-spaced Chinese (``2 0 2 3 年``) keeps its characters together, because its gaps
are narrower than that. Inside a table cell the lines are joined without any separator, so a label
wrapped over two lines, or printed one character per line, stays one label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gongkai.read.pdf_page import Char

#: a gap wider than this many character heights starts a new piece of a line
PIECE_GAP = 1.6
#: a gap wider than this many character heights between two ASCII characters is a space
SPACE_GAP = 0.3

_SPACES = frozenset(" \t\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff")


@dataclass(slots=True)
class TextLine:
    """One visual line: its pieces (each a run of characters) and the bounding box of the whole line."""

    pieces: list[tuple[str, tuple[float, float, float, float]]]
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def text(self) -> str:
        return " ".join(text for text, _ in self.pieces)


def group_lines(chars: list[Char]) -> list[list[Char]]:
    """Cluster characters into lines, top to bottom; each line left to right."""
    if not chars:
        return []
    ordered = sorted(chars, key=lambda c: c[2] + c[4])
    lines: list[list[Char]] = []
    current: list[Char] = [ordered[0]]
    centre = (ordered[0][2] + ordered[0][4]) / 2
    height = ordered[0][4] - ordered[0][2]
    for ch in ordered[1:]:
        c = (ch[2] + ch[4]) / 2
        if c - centre <= max(height, ch[4] - ch[2], 1.0) * 0.5:
            current.append(ch)
            # the running centre follows the line's bulk, not its first character
            centre += (c - centre) / len(current)
            height = max(height, ch[4] - ch[2])
        else:
            lines.append(current)
            current = [ch]
            centre, height = c, ch[4] - ch[2]
    lines.append(current)
    for line in lines:
        line.sort(key=lambda c: c[1])
    return lines


def _is_ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".%-+")


def line_pieces(line: list[Char]) -> TextLine:
    """Split one visual line into pieces at wide gaps; spaces only where the text layer or a gap between
    two ASCII characters puts them, never between Chinese characters."""
    heights = sorted(c[4] - c[2] for c in line)
    h = max(heights[len(heights) // 2], 1.0)
    pieces: list[tuple[str, tuple[float, float, float, float]]] = []
    buf: list[str] = []
    box = [0.0, 0.0, 0.0, 0.0]
    prev: Char | None = None
    pending_space = False
    for ch in line:
        text = ch[0]
        if text in _SPACES:
            pending_space = bool(buf)
            continue
        if prev is not None:
            gap = ch[1] - prev[3]
            if gap > PIECE_GAP * h:
                pieces.append(("".join(buf).strip(), (box[0], box[1], box[2], box[3])))
                buf, prev, pending_space = [], None, False
            elif (pending_space or gap > SPACE_GAP * h) and _is_ascii_word(prev[0]) and _is_ascii_word(text):
                buf.append(" ")
        if prev is None:
            box = [ch[1], ch[2], ch[3], ch[4]]
        else:
            box = [min(box[0], ch[1]), min(box[1], ch[2]), max(box[2], ch[3]), max(box[3], ch[4])]
        buf.append(text)
        prev = ch
        pending_space = False
    if buf:
        pieces.append(("".join(buf).strip(), (box[0], box[1], box[2], box[3])))
    pieces = [p for p in pieces if p[0]]
    x0 = min(c[1] for c in line)
    x1 = max(c[3] for c in line)
    top = min(c[2] for c in line)
    bottom = max(c[4] for c in line)
    return TextLine(pieces, x0, top, x1, bottom)


def cell_text(chars: list[Char]) -> str:
    """The text of a table cell: its lines joined without separators (a space only between two ASCII
    words, so that two printed numbers never fuse)."""
    out = ""
    for line in group_lines(chars):
        for text, _ in line_pieces(line).pieces:
            if out and _is_ascii_word(out[-1]) and _is_ascii_word(text[0]):
                out += " "
            out += text
    return out


# ---------------------------------------------------------------------------------------------- furniture

_PAGE_NUMBER = re.compile(
    r"^(?:[-－—–‒_~·•\s]*\d{1,4}[-－—–‒_~·•\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[，,]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page\s*)?\d{1,4}\s*of\s*\d{1,4})$",
    re.IGNORECASE,
)
#: "- 3 -" and the like are page numbers wherever they are printed
_DASHED_NUMBER = re.compile(r"^[-－—–‒]\s*\d{1,4}\s*[-－—–‒]$")


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def is_dashed_page_number(text: str) -> bool:
    return bool(_DASHED_NUMBER.match(text.strip()))
