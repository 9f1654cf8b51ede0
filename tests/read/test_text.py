"""The text reader's cell splitting, one layout of format.md §5 per case."""

from __future__ import annotations

import pytest

from gongkai.model.report import Source
from gongkai.read.document import Line, Piece
from gongkai.read.text import _single, lines_to_document, split_line


def test_fast_constructor_builds_the_same_line() -> None:
    src = Source(line=3, column=2)
    assert _single("规章", 3, 2) == Line("规章", (), src)
    assert _single("规章", 3, 2).pieces == (Piece("规章", src),)
    assert _single("规章", 3, 0).source == Source(line=3, column=0)  # a shared Source, the same value


@pytest.mark.parametrize(
    ("raw", "cells", "separated"),
    [
        ("规章\t0\t0\t0", ["规章", "0", "0", "0"], True),  # tab-separated Word row
        ("\t(二) 部分公开\t\t", ["", "(二) 部分公开", "", ""], True),  # leading placeholder, trailing empties
        ("\t0", ["0"], False),  # one cell per line behind a tab
        ("\t", [""], False),  # a blank cell in that layout
        ("规章 | 0 | 0 | 0 | |", ["规章", "0", "0", "0", "", ""], True),  # pipe row with padding
        ("| 规章 | 0 | 0 | 0 |", ["规章", "0", "0", "0"], True),  # markdown
        ("0 | ||", ["0"], False),  # pipe-terminated cell with padding pipes
        (" |", [""], False),  # a blank pipe-terminated cell
        ("72 64 178 37", ["72", "64", "178", "37"], True),  # a row flattened to figures
        ("2024年，全市共受理申请。", ["2024年，全市共受理申请。"], False),
    ],
)
def test_split_line(raw: str, cells: list[str], separated: bool) -> None:
    line = split_line(raw, 7)
    assert line is not None
    assert [p.text for p in line.pieces] == cells
    assert line.separated is separated
    assert all(p.source.line == 7 for p in line.pieces)


def test_empty_and_separator_lines_are_not_cells() -> None:
    assert split_line("", 1) is None
    assert split_line("   ", 1) is None
    doc = lines_to_document("规章\n|\n0\n|\n0\n|\n0\n|\n行政规范性文件\n|\n", "x.txt")
    assert [b.text for b in doc.blocks if isinstance(b, Line)] == ["规章", "0", "0", "0", "行政规范性文件"]


def test_markdown_rule_line_has_no_cells() -> None:
    line = split_line("|---|:--:|---|", 1)
    assert line is not None and line.pieces == ()


def test_all_blank_markdown_row_is_cells_not_a_rule_line() -> None:
    line = split_line("|  |  |  |", 1)
    assert line is not None and [p.text for p in line.pieces] == ["", "", ""]


def test_blank_pipe_terminated_cells_are_cells_not_separators() -> None:
    """§5 g: every cell ends in " |", so a blank cell is " |"; four or more of them are still cells. Only
    where the cells carry no pipe (§5 d) do lone "|" lines separate."""
    cells = ["规章", "1", "", "11", "行政规范性文件", "", "", "", "行政许可", "3"]
    doc = lines_to_document("\n".join(f"{c} |" for c in cells) + "\n", "x.txt")
    assert [b.text for b in doc.blocks if isinstance(b, Line)] == cells
    separated = "\n|\n".join(c for c in cells if c) + "\n|\n"
    doc = lines_to_document(separated, "y.txt")
    assert [b.text for b in doc.blocks if isinstance(b, Line)] == [c for c in cells if c]


def test_sources_past_the_shared_ones_are_built() -> None:
    text = "\n" * 12_000 + "规章\n\t0\n"
    lines = [b for b in lines_to_document(text, "x.txt").blocks if isinstance(b, Line)]
    assert [(b.text, b.source) for b in lines] == [
        ("规章", Source(line=12_001, column=0)),
        ("0", Source(line=12_002, column=1)),
    ]


def test_padding_pipes_depend_on_the_layout() -> None:
    """"x | |||" is one cell with padding pipes in the pipe-terminated layout (§5 g, where no line holds two
    filled cells), and a row of blank cells where rows are pipe-separated (§5 b, c)."""
    terminated = lines_to_document("第二十条第(一)项 | |||\n规章 |\n0 |\n0 |\n", "x.txt")
    band = terminated.blocks[0]
    assert isinstance(band, Line) and band.pieces == (Piece("第二十条第(一)项", Source(line=1, column=0)),)
    rows = "规章 | 0 | 0 | 0 | |\n行政许可 | 3 | |\n信息内容 | 本年制发件数 | |\n行政事业性收费 | |||||\n"
    fee = [b for b in lines_to_document(rows, "y.txt").blocks if isinstance(b, Line)][-1]
    assert fee.separated and [p.text for p in fee.pieces] == ["行政事业性收费", "", "", "", "", "", ""]


def test_cell_sources_are_shared_and_bounded() -> None:
    """Table-row cells take their Sources from a bounded shared table: right for every cell, the same
    object for the same place in two documents, and never more than the bound however long the text."""
    from gongkai.read import text

    rows = 2 * text._MAX_CELL_SOURCES // 10 + 1
    doc = lines_to_document("\n".join("\t".join(["规章", *"123456789"]) for _ in range(rows)), "long.txt")
    assert len(text._CELL_SOURCES) <= text._MAX_CELL_SOURCES
    last = doc.blocks[-1]
    assert isinstance(last, Line)
    assert [p.source for p in last.pieces] == [Source(line=rows, column=c) for c in (0, 3, 5, 7, 9, 11, 13, 15, 17, 19)]
    again = lines_to_document("规章\t1\t2", "short.txt").blocks[0]
    assert isinstance(again, Line)
    first = lines_to_document("规章\t1\t2", "other.txt").blocks[0]
    assert isinstance(first, Line)
    assert again.pieces[1].source is first.pieces[1].source == Source(line=1, column=3)
