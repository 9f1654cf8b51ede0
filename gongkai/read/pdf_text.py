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
#: a gap wider than this many character heights between two digits separates two numbers
NUMBER_GAP = 0.5
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
    first = ordered[0]
    current: list[Char] = [first]
    centre = (first[2] + first[4]) / 2
    height = max(first[4] - first[2], 1.0)
    for ch in ordered[1:]:
        c = (ch[2] + ch[4]) / 2
        h = ch[4] - ch[2]
        if h > height:
            height = h
        if c - centre <= height * 0.5:
            current.append(ch)
            # the running centre follows the line's bulk, not its first character
            centre += (c - centre) / len(current)
        else:
            lines.append(current)
            current = [ch]
            centre, height = c, max(h, 1.0)
    lines.append(current)
    for line in lines:
        line.sort(key=lambda c: c[1])
    return lines


def _is_ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".%-+")


def line_pieces(line: list[Char]) -> TextLine:
    """Split one visual line into pieces at wide gaps; spaces only where the text layer or a gap between
    two ASCII characters puts them, never between Chinese characters."""
    heights = sorted([c[4] - c[2] for c in line])
    h = max(heights[len(heights) // 2], 1.0)
    piece_gap, space_gap, number_gap = PIECE_GAP * h, SPACE_GAP * h, NUMBER_GAP * h
    pieces: list[tuple[str, tuple[float, float, float, float]]] = []
    buf: list[str] = []
    bx0 = btop = bx1 = bbottom = 0.0
    top, bottom = line[0][2], line[0][4]
    prev: Char | None = None
    pending_space = False
    for ch in line:
        text, x0, t, x1, b = ch
        if t < top:
            top = t
        if b > bottom:
            bottom = b
        if text in _SPACES:
            pending_space = bool(buf)
            continue
        if prev is None:
            bx0, btop, bx1, bbottom = x0, t, x1, b
        else:
            gap = x0 - prev[3]
            # two numbers side by side (a borderless table row) are two pieces even at a narrower gap: the
            # digits of one printed number sit edge to edge, letter-spaced or justified text included
            if gap > piece_gap or (gap > number_gap and prev[0].isdigit() and text.isdigit()):
                pieces.append(("".join(buf).strip(), (bx0, btop, bx1, bbottom)))
                buf = []
                bx0, btop, bx1, bbottom = x0, t, x1, b
                pending_space = False
            else:
                if (pending_space or gap > space_gap) and _is_ascii_word(prev[0]) and _is_ascii_word(text):
                    buf.append(" ")
                if t < btop:
                    btop = t
                if b > bbottom:
                    bbottom = b
                if x1 > bx1:
                    bx1 = x1
        buf.append(text)
        prev = ch
        pending_space = False
    if buf:
        pieces.append(("".join(buf).strip(), (bx0, btop, bx1, bbottom)))
    pieces = [p for p in pieces if p[0]]
    return TextLine(pieces, line[0][1], top, max(c[3] for c in line), bottom)


def cell_text(chars: list[Char]) -> str:
    """The text of a table cell: its lines joined without separators (a space only between two ASCII
    words, so that two printed numbers never fuse)."""
    if not chars:
        return ""
    if len(chars) == 1:
        return chars[0][0].strip()
    tops = [c[2] for c in chars]
    if max(tops) - min(tops) < 0.3 * (chars[0][4] - chars[0][2]):
        lines = [sorted(chars, key=lambda c: c[1])]  # one line: the usual value cell
    else:
        lines = group_lines(chars)
    out: list[str] = []
    for line in lines:
        h = max(line[0][4] - line[0][2], 1.0)
        prev: Char | None = None
        pending_space = False
        for ch in line:
            text = ch[0]
            if text in _SPACES:
                pending_space = True
                continue
            # a space between two ASCII words: within a line where the text layer or a real gap puts
            # one, across lines always
            if (
                out
                and _is_ascii_word(out[-1])
                and _is_ascii_word(text)
                and (prev is None or pending_space or ch[1] - prev[3] > SPACE_GAP * h)
            ):
                out.append(" ")
            out.append(text)
            prev = ch
            pending_space = False
    return "".join(out)


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
