"""The three official tables as grids of (possibly merged) cells, laid out from ``gongkai.model`` once so
that every writer (HTML, DOCX, Markdown, PDF) prints the same structure as the official template
(``../shared/corpus/README.md`` "The template", format.md §1.4–§1.6, §2.2–§2.4).

A ``TableLayout`` lists, row by row, the cells whose top-left corner (origin) is in that row, left to
right, exactly like HTML ``<tr>``/``<td rowspan colspan>``; ``placed`` gives each cell's grid position for
writers that need coordinates (DOCX).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from gongkai.model import (
    BALANCE_NOTE,
    Applicant,
    Cell,
    CellKind,
    Report,
    Table2,
    Table3,
    Table3Group,
    Table3Role,
    Table4,
    Table4Group,
    form_for,
)
from gongkai.model.form import (
    APPLICANT_HEADER,
    ORGANISATION_HEADER,
    RESULTS_LABEL,
    SUIT_HEADER,
    TABLE2_CONTENT_HEADER,
    Table4Column,
)

#: 表二 is printed 4 grid columns wide: the row label and up to three values.
TABLE2_WIDTH = 4
#: 表三: three label columns (三、… | （三）… | 1.…) and the seven applicant columns.
TABLE3_LABEL_COLUMNS = 3


class Role(StrEnum):
    """What a cell is, for styling: a block title band, a header, a row label, a value, the 勾稽 note."""

    BAND = "band"
    HEADER = "header"
    LABEL = "label"
    VALUE = "value"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class LayoutCell:
    text: str
    role: Role
    rowspan: int = 1
    colspan: int = 1
    #: for value cells: the gold-style reference ("table3", row key, column label)
    ref: tuple[str, str, str] | None = None


@dataclass(frozen=True)
class TableLayout:
    name: str  # "表二", "表三", "表四"
    width: int  # grid columns
    header_rows: int  # leading rows that are headers (repeated on each printed page)
    rows: tuple[tuple[LayoutCell, ...], ...]

    @property
    def height(self) -> int:
        return len(self.rows)

    def placed(self) -> Iterator[tuple[int, int, LayoutCell]]:
        """Each cell with its grid (row, column), found as an HTML table is: skip positions that a
        rowspan from above already covers."""
        covered: set[tuple[int, int]] = set()
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while (r, c) in covered:
                    c += 1
                yield r, c, cell
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        covered.add((r + dr, c + dc))
                c += cell.colspan

    def grid(self) -> list[list[LayoutCell | None]]:
        """The expanded grid: the origin cell at its position, None at positions it merely covers."""
        out: list[list[LayoutCell | None]] = [[None] * self.width for _ in self.rows]
        for r, c, cell in self.placed():
            out[r][c] = cell
        return out


def printed(cell: Cell) -> str:
    """The text a value cell prints: what the report holds, nothing computed. A blank prints nothing, a
    cell that was never filled (no value) prints nothing too."""
    if cell.value is None or cell.value.kind is CellKind.BLANK:
        return ""
    return cell.value.raw


def _value(cell: Cell, ref: tuple[str, str, str]) -> LayoutCell:
    return LayoutCell(printed(cell), Role.VALUE, ref=ref)


# ---------------------------------------------------------------------------------------------- 表二


def table2_layout(table: Table2) -> TableLayout:
    edition = table.edition
    form = form_for(edition)
    rows: list[tuple[LayoutCell, ...]] = []
    for block in form.table2:
        rows.append((LayoutCell(block.title, Role.BAND, colspan=TABLE2_WIDTH),))
        # a block with fewer columns than the grid widens its last column (the template's gridSpan)
        spans = [1] * len(block.columns)
        spans[-1] += TABLE2_WIDTH - 1 - len(block.columns)
        header = [LayoutCell(TABLE2_CONTENT_HEADER, Role.HEADER)]
        header += [LayoutCell(col.label, Role.HEADER, colspan=s) for col, s in zip(block.columns, spans, strict=True)]
        rows.append(tuple(header))
        for row in block.rows:
            label = row.label_in(edition)
            cells = [LayoutCell(label, Role.LABEL)]
            for col, s in zip(block.columns, spans, strict=True):
                value = table.get(row, col)
                cells.append(
                    LayoutCell(printed(value), Role.VALUE, colspan=s, ref=("table2", label, col.label))
                )
            rows.append(tuple(cells))
    return TableLayout("表二", TABLE2_WIDTH, 0, tuple(rows))


# ---------------------------------------------------------------------------------------------- 表三


def _applicant_header(a: Applicant, organisations: list[Applicant]) -> LayoutCell:
    """Row 2 of the 表三 header: 自然人 and 总计 span two rows, 法人或其他组织 spans its five columns."""
    if a.is_organisation:
        return LayoutCell(ORGANISATION_HEADER, Role.HEADER, colspan=len(organisations))
    return LayoutCell(a.label, Role.HEADER, rowspan=2)


def table3_layout(table: Table3) -> TableLayout:
    form = form_for(table.edition)
    organisations = [a for a in Applicant if a.is_organisation]
    width = TABLE3_LABEL_COLUMNS + len(Applicant)
    header: list[tuple[LayoutCell, ...]] = [
        (
            LayoutCell(BALANCE_NOTE, Role.NOTE, rowspan=3, colspan=TABLE3_LABEL_COLUMNS),
            LayoutCell(APPLICANT_HEADER, Role.HEADER, colspan=len(Applicant)),
        ),
        tuple(_applicant_header(a, organisations) for a in Applicant if not a.is_organisation or a is organisations[0]),
        tuple(LayoutCell(a.label, Role.HEADER) for a in organisations),
    ]
    results = [r for r in form.table3 if r.role in (Table3Role.OUTCOME, Table3Role.OUTCOME_TOTAL)]
    group_sizes = {g: sum(1 for r in form.table3 if r.group is g) for g in form.table3_groups}
    body: list[tuple[LayoutCell, ...]] = []
    seen_groups: set[Table3Group] = set()
    for row in form.table3:
        labels: list[LayoutCell] = []
        if row not in results:
            labels.append(LayoutCell(row.label, Role.LABEL, colspan=TABLE3_LABEL_COLUMNS))
        else:
            if row is results[0]:
                labels.append(LayoutCell(RESULTS_LABEL, Role.LABEL, rowspan=len(results)))
            if row.group is None:
                labels.append(LayoutCell(row.label, Role.LABEL, colspan=TABLE3_LABEL_COLUMNS - 1))
            else:
                if row.group not in seen_groups:
                    seen_groups.add(row.group)
                    labels.append(LayoutCell(row.group.label, Role.LABEL, rowspan=group_sizes[row.group]))
                labels.append(LayoutCell(row.label, Role.LABEL))
        values = [_value(table.get(row, a), ("table3", row.key, a.label)) for a in Applicant]
        body.append((*labels, *values))
    return TableLayout("表三", width, len(header), (*header, *body))


# ---------------------------------------------------------------------------------------------- 表四


def table4_layout(table: Table4) -> TableLayout:
    groups = list(Table4Group)
    review = [g for g in groups if g is Table4Group.REVIEW]
    suits = [g for g in groups if g is not Table4Group.REVIEW]
    parts = len(Table4Column)
    width = parts * len(groups)
    row0 = (
        *(LayoutCell(g.label, Role.HEADER, colspan=parts) for g in review),
        LayoutCell(SUIT_HEADER, Role.HEADER, colspan=parts * len(suits)),
    )
    row1 = (
        *(LayoutCell(c.label, Role.HEADER, rowspan=2) for _ in review for c in Table4Column),
        *(LayoutCell(g.label, Role.HEADER, colspan=parts) for g in suits),
    )
    row2 = tuple(LayoutCell(c.label, Role.HEADER) for _ in suits for c in Table4Column)
    data = tuple(
        _value(table.get(g, c), ("table4", g.label, c.label)) for g in groups for c in Table4Column
    )
    return TableLayout("表四", width, 3, (row0, row1, row2, data))


def layouts(report: Report) -> dict[str, TableLayout]:
    """The report's tables that exist, by name (表二, 表三, 表四)."""
    out: dict[str, TableLayout] = {}
    if report.table2 is not None:
        out["表二"] = table2_layout(report.table2)
    if report.table3 is not None:
        out["表三"] = table3_layout(report.table3)
    if report.table4 is not None:
        out["表四"] = table4_layout(report.table4)
    return out

