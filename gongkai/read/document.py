"""What every reader produces: a ``Document`` of blocks in reading order. A block is either a ``Line``
(running text, or one row of a table laid out as text) or a ``Grid`` (a real table with merged cells
expanded). Every piece keeps its ``Source`` so that a parsed value can say where it was printed.

Readers differ only in how they get here; the parser never looks at the original bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from typing import NamedTuple

from gongkai.model.report import Source


class Piece(NamedTuple):
    """A cell of a text row (a tab field, a pipe field) or the whole line when it has no separators."""

    text: str
    source: Source
    #: read by OCR from an image (a scanned page), not from a text layer: to be checked against the original
    ocr: bool = False


class Line(NamedTuple):
    """One line of text. ``cells`` is the line split at its cell separators (tabs, pipes, wide gaps in
    a PDF); ``separated`` says whether the line had separators at all. A plain line is a single cell, the
    line itself: its ``cells`` may be left empty, which spares a Piece for most lines of a report (a
    separated line with no cells, such as a markdown rule "|---|", holds none). ``pieces`` is the one
    view for readers of cells."""

    text: str
    cells: tuple[Piece, ...]
    source: Source
    separated: bool = False

    @property
    def pieces(self) -> tuple[Piece, ...]:
        """The line's cells, a plain line being one cell."""
        if self.cells or self.separated:
            return self.cells
        return (Piece(self.text, self.source),)


@dataclass(slots=True)
class GridCell:
    """The origin cell of a (possibly merged) table cell."""

    text: str
    source: Source
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    #: read by OCR from an image (a scanned page), not from a text layer: to be checked against the original
    ocr: bool = False


@dataclass(slots=True)
class Grid:
    """A table with merged cells expanded: ``rows[r][c]`` is the cell covering grid position (r, c); a
    merged cell appears at every position it covers (the same object), so ``cell.row == r and cell.col
    == c`` tells the origin. Rows may have different lengths when the source table is ragged."""

    index: int
    rows: list[list[GridCell]]
    source: Source

    def origin_cells(self, r: int) -> list[GridCell]:
        """The cells whose origin is in row ``r``, left to right (each merged cell once)."""
        return [cell for c, cell in enumerate(self.rows[r]) if cell.row == r and cell.col == c]


Block = Line | Grid


@dataclass
class Document:
    """A report as read: blocks in reading order plus what the reader found out about the file."""

    name: str
    kind: str  # "text", "html", "docx", "pdf"
    blocks: list[Block] = field(default_factory=list)
    encoding: str | None = None
    #: a title stated by the container (HTML <title>/meta, DOCX core properties, PDF metadata)
    title: str | None = None
    #: other metadata as found (e.g. "published": "2024-01-29", "author": "…")
    meta: dict[str, str] = field(default_factory=dict)
    #: what the reader wants the user to know (e.g. "第 3 页经 OCR 识别")
    notes: list[str] = field(default_factory=list)
    ocr: bool = False
    #: the file ends before its natural end (a download cut short): missing parts are not the report's fault
    truncated: bool = False

    @cached_property
    def texts(self) -> list[str]:
        """The text of each block, "" for a grid: what the scans for headings, sections and prose read (as
        plain strings, so that they run in C: map, filter, str.startswith). Built once, when first asked
        for, so a reader must have finished ``blocks`` by then."""
        try:
            return list(map(_TEXT, self.blocks))  # in C, when every block is a line (any text report)
        except AttributeError:
            return [b.text if type(b) is Line else "" for b in self.blocks]

    @property
    def text(self) -> str:
        """All text in reading order, a line per Line and per grid row."""
        out: list[str] = []
        for block in self.blocks:
            if isinstance(block, Line):
                out.append(block.text)
            else:
                for r in range(len(block.rows)):
                    out.append("\t".join(c.text for c in block.origin_cells(r)))
        return "\n".join(out)


_TEXT = attrgetter("text")
