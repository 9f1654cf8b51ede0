"""Document → a flat stream of tokens (cells) in reading order, each remembering its row and source.

Text lines, rows of text tables and grid rows all become the same thing here, so that one table reader
serves every layout. A token knows the row it belongs to (``row``: a grid row or a separated text line;
None for a one-cell line, whose row structure was lost by the layout) so that the table reader can keep the
values of a labelled row together and tell lost blanks from printed ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.model.labels import normalize
from gongkai.model.report import Source
from gongkai.model.values import CellValue, read_value
from gongkai.read.document import Document, Grid, Line


@dataclass(slots=True)
class Token:
    """One cell of the stream. A slotted class, not a named tuple: the table readers read its fields many
    times per token, and on Python 3.11 a slot is read several times faster than a named tuple's field."""

    text: str
    norm: str  # normalised text for label matching
    value: CellValue | None  # None when the text is not a value (a label, a header, prose)
    source: Source
    #: (block index, grid row), or (block index, 0) for a separated line; None for a one-cell line
    row: tuple[int, int] | None
    block: int
    #: read by OCR from a scanned image: to be checked against the original
    ocr: bool = False

    @property
    def positioned(self) -> bool:
        """The token's row has positioned cells (a grid row or a separated line): blanks in it were
        printed, where a one-cell-per-line layout loses them."""
        return self.row is not None


#: longer text is prose: the longest official label with a provincial annotation stays well below this
_LONGEST_CELL = 120


#: text → (normalised text, value): the same few hundred cell texts ("0", "规章", "自然人") fill every
#: report, and one dict lookup is cheaper than the two cached calls it replaces
_READINGS: dict[str, tuple[str, CellValue | None]] = {}
_MAX_READINGS = 1 << 16
_PROSE: tuple[str, None] = ("", None)


def _reading(text: str) -> tuple[str, CellValue | None]:
    if len(text) > _LONGEST_CELL:
        return _PROSE  # prose: never a label or a value, and not worth normalising
    if len(_READINGS) >= _MAX_READINGS:
        _READINGS.clear()
    reading = _READINGS[text] = (normalize(text), read_value(text))
    return reading


def document_to_tokens(doc: Document, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of the blocks ``start``…``end`` (all blocks by default)."""
    tokens: list[Token] = []
    append = tokens.append
    blocks = doc.blocks
    known = _READINGS.get
    new = object.__new__
    for b in range(start, len(blocks) if end is None else end):
        block = blocks[b]
        if isinstance(block, Line):
            # unpacked at once: on Python 3.11 each named field read of a tuple is a slow generic lookup
            text, cells, source, separated = block
            if not cells:
                if not separated:  # a plain line: the line is its one cell (see Line)
                    norm, value = known(text) or _reading(text)
                    # the commonest token, made without calling __init__: on Python 3.11 a call to a
                    # class with a Python __init__ costs as much as the rest of this loop
                    tok = new(Token)
                    tok.text, tok.norm, tok.value, tok.source, tok.row, tok.block, tok.ocr = (text, norm, value, source, None, b, False)
                    append(tok)
                continue
            row = (b, 0) if separated else None
            for text, source, ocr in cells:
                norm, value = known(text) or _reading(text)
                tok = new(Token)  # as above: a Word table row has a dozen cells
                tok.text, tok.norm, tok.value, tok.source, tok.row, tok.block, tok.ocr = (text, norm, value, source, row, b, ocr)
                append(tok)
        elif isinstance(block, Grid):
            for r in range(len(block.rows)):
                for cell in block.origin_cells(r):
                    text = cell.text
                    append(Token(text, normalize(text), read_value(text), cell.source, (b, r), b, cell.ocr))
    return tokens
