"""Plain text → Document. Every layout of format.md §5 arrives here as lines; this reader decides only how a
line splits into cells, and leaves the table structure to the parser:

- tab-separated Word rows ("规章\t0\t0\t0"), including rows with leading empty fields for merged label cells;
- one cell per line prefixed by a tab ("\t0"; a line holding only the tab is a blank cell);
- pipe rows ("规章 | 0 | 0 | 0 | |") and markdown rows ("| 规章 | 0 |");
- one cell per line terminated by a pipe and padding pipes ("0 | ||"; " |" is a blank cell);
- one cell per line with "|" separator lines between cells (the "|" line separates, it is not a cell);
- one cell per line with or without blank lines (an empty line is never a cell).
"""

from __future__ import annotations

import re
from itertools import compress, islice, repeat
from operator import eq, gt

from gongkai.model.report import Source
from gongkai.read.collector import without_cycle_collection
from gongkai.read.document import Block, Document, Line, Piece
from gongkai.read.encoding import decode
from gongkai.read.limits import Limits

_NUMBERS_ONLY = re.compile(r"^[+\-]?\d[\d,.]*(?:[ \u3000]+[+\-]?\d[\d,.]*)+$")
_FIGURE = re.compile(r"[+\-]?\d[\d,.]*")
# NamedTuple's keyword constructor is Python code; a text report builds about a thousand of these, so the
# hot paths build the tuples directly (field order as in read/document.py and model/report.py, tested).
_new = tuple.__new__


def _single(text: str, line: int, column: int) -> Line:
    """A line that is one cell: the common case (its cells are the line itself, see ``Line``)."""
    line_: Line = _new(Line, (text, (), _source(line, column), False))
    return line_


#: Sources are immutable, and most lines of a text report are one cell at column 0 or 1 (behind a tab):
#: those are built once per line number and shared by every document (a few MB at most)
_SHARED_COLUMNS = 2
_SHARED_LINES = 10_000
_shared: tuple[list[Source], ...] = tuple([] for _ in range(_SHARED_COLUMNS))


#: the Sources of the cells of table rows (line, column), shared the same way: a Word table row has a
#: dozen cells and a Source built per cell cost more than the rest of splitting the row. Bounded. (The
#: row splitters look a cell up here inline, ``known(key) or _source(...)``, and call only on a miss.)
_CELL_SOURCES: dict[tuple[int, int], Source] = {}
_MAX_CELL_SOURCES = 50_000


def _line_sources(column: int, count: int) -> list[Source]:
    """``Source(line=n, column=column)`` at index n for n ≤ min(count, _SHARED_LINES)."""
    table = _shared[column]
    want = min(count, _SHARED_LINES) + 1
    if len(table) < want:
        table.extend(_new(Source, (n, column, None, None, None, None, None)) for n in range(len(table), want))
    return table


def _source(line: int, column: int) -> Source:
    """The shared ``Source(line=line, column=column)``: from the per-column lists for one-cell lines, else
    from the table of table-row cells."""
    if column < _SHARED_COLUMNS and line <= _SHARED_LINES:
        return _line_sources(column, line)[line]
    source = _CELL_SOURCES.get((line, column))
    if source is None:
        if len(_CELL_SOURCES) >= _MAX_CELL_SOURCES:
            _CELL_SOURCES.clear()
        source = _CELL_SOURCES[line, column] = _new(Source, (line, column, None, None, None, None, None))
    return source


#: a document with at least this many lines that hold only "|" may use them as separators
_SEPARATOR_LINES = 4


# Each pattern starts with the newline before a line, not with a MULTILINE "^": a literal first character
# lets the regex engine skip to the next newline in C, where "^" makes it try a match at every character.
# They run over lines joined between newlines ("framed"), and end in a lookahead so that one line's newline
# can start the next. Each runs only over the lines that can match: those with one pipe, or with several.
_LONE_PIPE = re.compile(r"\n[ \t\u3000]*+\|[ \t\u3000]*+(?=\n)")
_TERMINATED_CELL = re.compile(r"\n[ \t\u3000]*+[^|\s][^|\n]*+\|[ \t\u3000]*+(?=\n)")


#: a line with two filled cells between pipes ("规章 | 0 | 0 | 0 | |"): the pipe-row layout (§5 b, c, i)
# (possessive runs: a line of prose without a pipe fails at its end, never backtracks through it)
_TWO_CELL_ROW = re.compile(r"\n[ \t\u3000]*+[^|\s][^|\n]*+\|[ \t\u3000]*+[^|\s][^|\n]*+\|")
_PIPE_ROWS = 3


def _pipe_layout(raw_lines: list[str]) -> tuple[bool, bool]:
    """(separator_pipes, pipe_rows) for a text with pipes.

    separator_pipes: lines holding only "|" separate one-cell lines (format.md §5 d: the cells themselves
    carry no pipe) rather than being blank cells of the pipe-terminated layout (§5 g: every cell line ends
    in " |", so a blank cell is " |" and there are more terminated cells than lone pipes).
    pipe_rows: at least three lines hold two filled cells between pipes.

    Counted by regular expressions over the lines picked in C by their number of pipes: a loop over the
    lines in Python, or a pattern run through every character of the prose, costs more than the rest of
    reading."""
    pipes = list(map(str.count, raw_lines, repeat("|")))
    one = "\n" + "\n".join(compress(raw_lines, map(eq, pipes, repeat(1)))) + "\n"
    lone = len(_LONE_PIPE.findall(one))
    separator_pipes = lone >= _SEPARATOR_LINES and len(_TERMINATED_CELL.findall(one)) < lone
    several = "\n" + "\n".join(compress(raw_lines, map(gt, pipes, repeat(1)))) + "\n"
    pipe_rows = len(list(islice(_TWO_CELL_ROW.finditer(several), _PIPE_ROWS))) >= _PIPE_ROWS
    return separator_pipes, pipe_rows


@without_cycle_collection
def text_to_document(data: bytes, name: str, limits: Limits) -> Document:
    decoded = decode(data, name)
    doc = lines_to_document(decoded.text, name, encoding=decoded.how)
    if decoded.cut_short:
        doc.truncated = True
        doc.notes.append("文件末尾的字符不完整，文件可能被截断")
    return doc


def lines_to_document(text: str, name: str, *, encoding: str | None = None, kind: str = "text") -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u00a0" in text:
        # a no-break space (&nbsp; of a web page copied as text) separates as a space does; one character
        # for one, so columns stay where they were printed
        text = text.replace("\u00a0", " ")
    raw_lines = text.split("\n")
    # a text with no separator anywhere (one cell per line) takes the short path
    if "\t" in text or "|" in text:
        separator_pipes, pipe_rows = _pipe_layout(raw_lines) if "|" in text else (False, False)
        blocks = _cell_lines(raw_lines, separator_pipes=separator_pipes, pipe_rows=pipe_rows)
    else:
        blocks = _plain_lines(raw_lines)
    return Document(name=name, kind=kind, blocks=blocks, encoding=encoding)


def _plain_lines(raw_lines: list[str]) -> list[Block]:
    """A text with no tab or pipe anywhere: every line is one cell, or a row flattened to figures."""
    blocks: list[Block] = []
    append = blocks.append
    new = _new
    at_start = _line_sources(0, len(raw_lines))
    shared = len(at_start) - 1
    for number, raw in enumerate(raw_lines, start=1):
        if not raw:
            continue
        stripped = raw.strip()
        if not stripped:
            continue
        if (" " in stripped or "\u3000" in stripped) and stripped[0].isdigit() and _NUMBERS_ONLY.match(stripped):
            line = split_line(raw, number)
            if line is not None:
                append(line)
            continue
        if stripped is raw and number <= shared:
            append(new(Line, (raw, (), at_start[number], False)))
        else:
            append(new(Line, (stripped, (), _source(number, len(raw) - len(raw.lstrip())), False)))
    return blocks


def _cell_lines(raw_lines: list[str], *, separator_pipes: bool, pipe_rows: bool) -> list[Block]:
    blocks: list[Block] = []
    append = blocks.append
    new = _new
    at_start, behind_tab = (_line_sources(c, len(raw_lines)) for c in (0, 1))
    shared = len(at_start) - 1
    for number, raw in enumerate(raw_lines, start=1):
        if not raw:
            continue
        # the two commonest table layouts, one cell per line ("\t0", "0 |"), inline: they are most lines
        first = raw[0]
        if first == "\t":
            if raw.count("\t") == 1:
                src = behind_tab[number] if number <= shared else _source(number, 1)
                append(new(Line, (raw.strip(), (), src, False)))  # the line's one tab leads it
                continue
        elif raw[-1] == "|":
            cell = raw[:-1].strip()
            # a lone "|" is a separator or a blank cell, "0 | ||" has padding pipes: split_line decides
            if cell and "|" not in cell and "\t" not in cell:
                if number <= shared and not first.isspace():
                    src = at_start[number]
                else:
                    src = _source(number, len(raw) - len(raw.lstrip()))
                append(new(Line, (cell, (), src, False)))
                continue
        if "\t" not in raw and "|" not in raw and " " not in raw and "\u3000" not in raw and not raw[0].isdigit():
            stripped = raw.strip()  # a line of prose (no spaces, so never figures in a row)
            if stripped:
                if number <= shared and not first.isspace():
                    append(new(Line, (stripped, (), at_start[number], False)))
                else:
                    append(_single(stripped, number, len(raw) - len(raw.lstrip())))
            continue
        line = split_line(raw, number, separator_pipes=separator_pipes, pipe_rows=pipe_rows)
        if line is not None:
            append(line)
    return blocks


def split_line(raw: str, number: int, *, separator_pipes: bool = False, pipe_rows: bool = False) -> Line | None:
    """Split one printed line into cells; None for a line that holds no cell (empty or a separator).
    ``pipe_rows``: the text prints table rows as pipe-separated cells, so "规章 | | | |" is a row whose
    cells are blank, not one cell with padding pipes (that layout never has two filled cells on a line)."""
    line = raw
    stripped = line.strip()
    has_tab = "\t" in line
    if not stripped and not has_tab:
        return None  # an empty line separates, it is never a cell
    if has_tab:
        return _tab_line(line, number)
    if "|" in stripped:
        if stripped == "|":
            # a separator between one-cell lines, or else a blank cell terminated by its pipe
            return None if separator_pipes else _single("", number, 0)
        head, _, tail = stripped.partition("|")
        if not pipe_rows and not stripped.startswith("|") and not tail.replace("|", "").strip():
            # "0 | ||" or " |": one cell terminated by a pipe plus padding pipes for merged cells
            cell = head.strip()
            return _single(cell, number, line.find(cell) if cell else 0)
        return _pipe_line(line, number, pipe_rows)
    if stripped[0].isdigit() and _NUMBERS_ONLY.match(stripped):
        # a table row flattened to figures separated by spaces ("72 64 178 37 351 …")
        pieces = tuple(_new(Piece, (m.group(), _source(number, m.start()), False)) for m in _FIGURE.finditer(line))
        return Line(stripped, pieces, Source(line=number, column=len(line) - len(line.lstrip())), separated=True)
    return _single(stripped, number, len(line) - len(line.lstrip()))


def _tab_line(line: str, number: int) -> Line:
    fields = line.split("\t")
    # "\t0", "\t": one cell per line behind a tab (the tab is indentation, not an empty cell before it)
    if len(fields) == 2 and not fields[0].strip():
        return _single(fields[1].strip(), number, len(fields[0]) + 1)
    pieces = []
    pos = 0
    new = _new
    known = _CELL_SOURCES.get
    for f in fields:
        pieces.append(new(Piece, (f.strip(), known((number, pos)) or _source(number, pos), False)))
        pos += len(f) + 1
    # trailing empty fields are the Word table's empty right-hand cells: keep them, they may be blank values
    return Line(line.strip(), tuple(pieces), _source(number, 0), True)


def _pipe_line(line: str, number: int, pipe_rows: bool = False) -> Line:
    body = line.strip()
    lead = len(line) - len(line.lstrip())
    markdown = body.startswith("|")
    if markdown:
        body = body[1:]
        lead += 1
    fields = body.split("|")
    offsets = []
    pos = lead
    for f in fields:
        offsets.append(pos + (len(f) - len(f.lstrip())))
        pos += len(f) + 1
    texts = [f.strip() for f in fields]
    src = _source(number, 0)
    if markdown and texts and texts[-1] == "":
        texts, offsets = texts[:-1], offsets[:-1]
    if markdown and texts and all(t and "-" in t and set(t) <= set("-: ") for t in texts):
        return Line(line.strip(), (), src, separated=True)  # the markdown header rule "|---|---|"
    # "0 | ||" or " |": one cell terminated by a pipe plus padding pipes for merged cells
    if not markdown and not pipe_rows and all(t == "" for t in texts[1:]):
        return Line(texts[0], (Piece(texts[0], _source(number, offsets[0])),), src)
    new = _new
    known = _CELL_SOURCES.get
    pieces = tuple(
        new(Piece, (t, known((number, o)) or _source(number, o), False)) for t, o in zip(texts, offsets, strict=True)
    )
    return Line(line.strip(), pieces, src, separated=True)
