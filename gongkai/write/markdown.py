"""A report as Markdown: the title and the six section headings as setext headings (underlined with
``===`` / ``---``), paragraphs, and 表三 and 表四 as pipe tables on their full grid (10 and 15 columns).

Merged cells are flattened the way a table copied as text looks: every row has the full number of grid
cells, a merged cell's text stands in one of the positions it covers and the others are empty. A row
label stands in the LAST column of its span, so the cells after a row's label are exactly its values (a
blank value is an empty cell) and gongkai's text reader, which skips the cells before a row label, reads
them back. 表二's blocks differ in width, so each block is a small table under its title line.
"""

from __future__ import annotations

import os

from gongkai.model import Report
from gongkai.write.layout import Role, TableLayout, layouts
from gongkai.write.text import preamble_paragraphs, report_title, sections_out


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(_escape(c) for c in cells) + " |"


def _rule(width: int) -> str:
    return "|" + "|".join(["---"] * width) + "|"


def table_markdown(layout: TableLayout) -> str:
    """表三 and 表四 on their full grid; 表二 as one small table per block (below its title line), since
    its blocks have different numbers of columns."""
    if layout.name == "表二":
        return _table2_markdown(layout)
    text: list[list[str]] = [[""] * layout.width for _ in range(layout.height)]
    for r, c, cell in layout.placed():
        # a row label stands in the last column of its span: the empty cells before it are the merged
        # label columns, and the cells after it are exactly the row's values
        col = c + cell.colspan - 1 if cell.role is Role.LABEL else c
        text[r][col] = cell.text
    lines = [_row(text[0]), _rule(layout.width)]
    lines += [_row(row) for row in text[1:]]
    return "\n".join(lines)


def _table2_markdown(layout: TableLayout) -> str:
    out: list[str] = []
    block: list[list[str]] = []

    def flush() -> None:
        if block:
            out.append("\n".join([_row(block[0]), _rule(len(block[0])), *(_row(r) for r in block[1:])]))
            block.clear()

    for row in layout.rows:
        if len(row) == 1 and row[0].role is Role.BAND:
            flush()
            out.append(row[0].text)
        else:
            block.append([cell.text for cell in row])
    flush()
    return "\n\n".join(out)


def to_markdown(report: Report) -> str:
    tables = layouts(report)
    title = report_title(report)
    # setext headings (underlined): the heading line itself stays the plain official text, which is what
    # gongkai's text reader (and any person reading the file as text) finds a section by
    parts = [f"{title}\n{'=' * 2 * len(title)}"]
    parts += preamble_paragraphs(report)
    for section in sections_out(report):
        parts.append(f"{section.heading}\n{'-' * 2 * len(section.heading)}")
        parts += list(section.paragraphs)
        if section.table and section.table in tables:
            parts.append(table_markdown(tables[section.table]))
    return "\n\n".join(parts) + "\n"


def write_markdown(report: Report, path: str | os.PathLike[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(to_markdown(report))
