"""Reports to write: every cell a different number (so a value in the wrong cell shows), the arithmetic
of the form holding (P1, I1, I2, I4), for both editions; plus helpers to compare two reports cell by cell."""

from __future__ import annotations

from decimal import Decimal

from gongkai.model import (
    APPLICANT_PARTS,
    TABLE4_PARTS,
    Applicant,
    Cell,
    CellKind,
    CellValue,
    Edition,
    Report,
    Table2,
    Table2Column,
    Table2Row,
    Table3,
    Table3Row,
    Table4,
    Table4Column,
    Table4Group,
    form_for,
    iter_cells,
    read_value,
)
from gongkai.write.draft import FeeFigures, draft_report


def number(n: int | Decimal) -> Cell:
    return Cell(CellValue(CellKind.NUMBER, str(n), n), how="测试")


def make_table3(edition: Edition, seed: int = 0) -> Table3:
    form = form_for(edition)
    t3 = Table3(edition)
    outcomes = form.outcome_rows
    for j, a in enumerate(APPLICANT_PARTS):
        per_row = {r: 1 + (i * 7 + j * 3 + seed) % 23 for i, r in enumerate(outcomes)}
        done = sum(per_row.values())
        carried_out = 2 + j + seed % 5
        carried_in = 3 + j
        received = done + carried_out - carried_in
        values = {
            **per_row,
            Table3Row.NEW_RECEIVED: received,
            Table3Row.CARRIED_IN: carried_in,
            Table3Row.OUTCOME_TOTAL: done,
            Table3Row.CARRIED_OUT: carried_out,
        }
        for row, v in values.items():
            t3.cells[(row, a)] = number(v)
    for row in form.table3:
        total = 0
        for a in APPLICANT_PARTS:
            n = t3.number(row, a)
            assert isinstance(n, int)
            total += n
        t3.cells[(row, Applicant.TOTAL)] = number(total)
    return t3


def make_table4(seed: int = 0) -> Table4:
    t4 = Table4()
    for gi, g in enumerate(Table4Group):
        values = [1 + gi * 4 + ci + seed for ci in range(len(TABLE4_PARTS))]
        for c, v in zip(TABLE4_PARTS, values, strict=True):
            t4.cells[(g, c)] = number(v)
        t4.cells[(g, Table4Column.TOTAL)] = number(sum(values))
    return t4


#: printed marks a clerk may type: "/" (not applicable) and a blank (not known); both kept as they are
SLASH_CELL = (Table2Row.REGULATIONS, Table2Column.ISSUED)
BLANK_CELL = (Table2Row.REGULATIONS, Table2Column.REPEALED)


def make_table2(edition: Edition, *, marks: bool = False) -> Table2:
    """表二 with distinct numbers; with ``marks`` the 2021 规章 row holds a "/" and a blank."""
    t2 = Table2(edition)
    for i, (row, col) in enumerate(form_for(edition).table2_cells):
        if marks and (row, col) == SLASH_CELL:
            t2.cells[(row, col)] = Cell(CellValue(CellKind.SLASH, "/"))
        elif marks and (row, col) == BLANK_CELL:
            t2.cells[(row, col)] = Cell(CellValue(CellKind.BLANK, ""))
        elif col is Table2Column.FEE_AMOUNT:
            t2.cells[(row, col)] = number(Decimal("0.35"))
        elif col is Table2Column.CHANGE:
            value = read_value("-3")
            assert value is not None
            t2.cells[(row, col)] = Cell(value)
        else:
            t2.cells[(row, col)] = number(10 + i)
    return t2


def make_report(edition: Edition = Edition.F2021, fees: FeeFigures | None = None, *, marks: bool = False) -> Report:
    year = 2025 if edition is Edition.F2021 else 2020
    return draft_report(
        year=year,
        agency="某市某局",
        table2=make_table2(edition, marks=marks),
        table3=make_table3(edition),
        table4=make_table4(),
        fees=fees,
    )


def cell_values(report: Report) -> dict[tuple[str, ...], tuple[str, object]]:
    """Every table cell as (kind, gold-style value), by its reference."""
    out: dict[tuple[str, ...], tuple[str, object]] = {}
    for ref, cell in iter_cells(report):
        kind = "none" if cell.value is None else str(cell.value.kind)
        out[tuple(ref)] = (kind, cell.json_value())
    return out


def differences(want: Report, got: Report) -> list[str]:
    """The cells whose value differs, as "ref: want → got" (empty when every cell is identical)."""
    a, b = cell_values(want), cell_values(got)
    return [f"{'/'.join(k)}: {a[k]} → {b.get(k)}" for k in a if a[k] != b.get(k)] + [
        f"{'/'.join(k)}: (absent) → {b[k]}" for k in b if k not in a
    ]
