"""Small edits of a Report inside a test (the corpus itself is never touched)."""

from __future__ import annotations

from gongkai.check import RULES, iter_findings
from gongkai.model import (
    Applicant,
    Cell,
    Finding,
    Report,
    Table2Column,
    Table2Row,
    Table3Row,
    Table4Column,
    Table4Group,
    read_value,
)
from gongkai.model.values import text_value


def value_cell(printed: str) -> Cell:
    """The cell as a reader makes it from the printed text (words in a value position stay words)."""
    value = read_value(printed)
    return Cell(value if value is not None else text_value(printed), how="test")


def uncertain_cell(reason: str = "测试：无法确定") -> Cell:
    return Cell(None, how="test", uncertain=reason)


def set_t3(report: Report, row: Table3Row, column: Applicant, cell: Cell | str) -> None:
    assert report.table3 is not None
    report.table3.cells[(row, column)] = value_cell(cell) if isinstance(cell, str) else cell


def set_t4(report: Report, group: Table4Group, column: Table4Column, cell: Cell | str) -> None:
    assert report.table4 is not None
    report.table4.cells[(group, column)] = value_cell(cell) if isinstance(cell, str) else cell


def set_t2(report: Report, row: Table2Row, column: Table2Column, cell: Cell | str) -> None:
    assert report.table2 is not None
    report.table2.cells[(row, column)] = value_cell(cell) if isinstance(cell, str) else cell


def run(report: Report, *rule_ids: str) -> list[Finding]:
    """The findings of the named rules only (all registered ids must exist)."""
    for r in rule_ids:
        assert r in RULES, r
    return list(iter_findings(report, rules=rule_ids))


#: the rules that read only the tables (the gold reports have no section text)
TABLE_RULES = (
    *(r for r in RULES if r.split(".")[0] in {"T2", "T3", "T4"}),
    "FORM.OLD_TABLES",
    "FORM.NEW_TABLES",
    "FORM.TABLE_EMPTY",
    "FORM.BLANK_CELLS",
    "FORM.ROW_MISSING",
    "FORM.MARK_IN_CELL",
    "FORM.UNCERTAIN_CELLS",
)
