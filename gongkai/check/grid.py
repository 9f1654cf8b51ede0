"""What the rules derive from a report once per check (kept in ``Context.memo``): each table's cells in
printed order with a tally of blanks, marks, unknown cells and bad counts, and 表三 as rows of numbers.
Most reports are all printed non-negative integers, and then most rules stop at the tally."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from gongkai.check.places import T4_KEYS, Ref, t2_keys, t3_keys
from gongkai.check.registry import Context
from gongkai.model import Applicant, Cell, CellKind, Report, Table3Row
from gongkai.model.report import MISSING
from gongkai.model.values import Number

_MARKS = (CellKind.SLASH, CellKind.DASH, CellKind.TEXT)


@dataclass
class TableCells:
    """One table's value cells in printed order, and how many of them are of each awkward kind."""

    refs: tuple[Ref, ...]
    values: list[Cell]
    blank: int = 0
    marks: int = 0
    uncertain: int = 0
    #: printed numbers that are negative or not whole (allowed in a few 表二 columns only)
    odd_numbers: int = 0
    #: printed with a unit ("万元", "元", "笔" …)
    units: int = 0
    #: the printed number of each cell, None where it is not a number (same order as ``values``)
    numbers: list[Number | None] = field(default_factory=list)

    @property
    def cells(self) -> list[tuple[Ref, Cell]]:
        return list(zip(self.refs, self.values, strict=True))

    @property
    def plain(self) -> bool:
        """Every cell a printed non-negative integer."""
        return not (self.blank or self.marks or self.uncertain or self.odd_numbers)


def _tally(refs: tuple[Ref, ...], values: list[Cell]) -> TableCells:
    """One pass over the cells; counters are locals because this runs for every cell of every report."""
    numbers: list[Number | None] = []
    append = numbers.append
    blank = marks = uncertain = odd = units = 0
    number_kind, blank_kind = CellKind.NUMBER, CellKind.BLANK
    for cell in values:
        value = cell.value
        if value is not None and value.kind is number_kind:
            n = value.number
            append(n)
            if n is None or n.__class__ is not int or n < 0:
                odd += 1
            if value.unit is not None:
                units += 1
            continue
        append(None)
        if value is None:
            if cell.uncertain is not None:
                uncertain += 1
            else:
                blank += 1
        elif value.kind is blank_kind:
            blank += 1
        elif value.kind in _MARKS:
            marks += 1
    return TableCells(refs, values, blank, marks, uncertain, odd, units, numbers)


def tables(report: Report, context: Context) -> dict[str, TableCells]:
    """ "table2"/"table3"/"table4" → its cells (only the tables the report has)."""
    return context.cached("tables", lambda: _collect(report))


def _collect(report: Report) -> dict[str, TableCells]:
    out: dict[str, TableCells] = {}
    if report.table2 is not None:
        keys2, refs2 = _split(t2_keys(report.table2.edition))
        c2 = report.table2.cells
        out["table2"] = _tally(refs2, [c2.get(k, MISSING) for k in keys2])
    if report.table3 is not None:
        keys3, refs3 = _split(t3_keys(report.table3.edition))
        c3 = report.table3.cells
        out["table3"] = _tally(refs3, [c3.get(k, MISSING) for k in keys3])
    if report.table4 is not None:
        keys4, refs4 = _split(T4_KEYS)
        c4 = report.table4.cells
        out["table4"] = _tally(refs4, [c4.get(k, MISSING) for k in keys4])
    return out


@cache
def _split(keys: tuple[tuple[Any, Any, Ref], ...]) -> tuple[tuple[tuple[Any, Any], ...], tuple[Ref, ...]]:
    """(row, column) keys and references, apart (cached per edition)."""
    return tuple((a, b) for a, b, _ in keys), tuple(ref for _, _, ref in keys)


@dataclass
class Table3Numbers:
    """表三 as rows of seven printed numbers (None where the cell is not a printed number)."""

    rows: dict[Table3Row, list[Number | None]]


_APPLICANT_INDEX = {a: i for i, a in enumerate(Applicant)}
TOTAL_INDEX = _APPLICANT_INDEX[Applicant.TOTAL]


def t3_numbers(report: Report, context: Context) -> Table3Numbers | None:
    if report.table3 is None:
        return None
    return context.cached("t3_numbers", lambda: _t3_numbers(report, context))


def _t3_numbers(report: Report, context: Context) -> Table3Numbers:
    """From the cells already collected for the tally (row-major, seven per row)."""
    assert report.table3 is not None
    numbers = tables(report, context)["table3"].numbers
    width = len(_APPLICANT_INDEX)
    return Table3Numbers(
        {row: numbers[k * width : (k + 1) * width] for k, row in enumerate(report.table3.rows)}
    )
