"""Cells of the three tables as ``Term``s, named in the form's own words ("表三 （七）总计 · 自然人")."""

from __future__ import annotations

from gongkai.check.arith import Term
from gongkai.model import (
    Applicant,
    Form,
    Table2,
    Table2Column,
    Table2Row,
    Table3,
    Table3Role,
    Table3Row,
    Table4,
    Table4Column,
    Table4Group,
)

TABLE2_NAME = "表二"
TABLE3_NAME = "表三"
TABLE4_NAME = "表四"


def t3_place(row: Table3Row, column: Applicant | None = None) -> str:
    label = f"{row.group.label} {row.short_label}" if row.group else row.short_label
    base = f"{TABLE3_NAME} {label}"
    return f"{base} · {column.label}" if column is not None else base


def t3_term(t3: Table3, row: Table3Row, column: Applicant, name: str | None = None) -> Term:
    return Term(t3.get(row, column), ("table3", row.key, column.label), name or t3_place(row, column))


def t3_row(form: Form, role: Table3Role) -> Table3Row:
    """The single row of the form with this role (一, 二, （七）, 四)."""
    return next(r for r in form.table3 if r.role is role)


def t4_place(group: Table4Group, column: Table4Column | None = None) -> str:
    base = f"{TABLE4_NAME} {group.place}"
    return f"{base} · {column.label}" if column is not None else base


def t4_term(t4: Table4, group: Table4Group, column: Table4Column) -> Term:
    return Term(t4.get(group, column), ("table4", group.label, column.label), t4_place(group, column))


def t2_place(t2: Table2, row: Table2Row, column: Table2Column | None = None) -> str:
    block = t2.form.table2_block(row)
    base = f"{TABLE2_NAME} {block.title} {row.label_in(t2.edition)}"
    return f"{base} · {column.label}" if column is not None else base


def t2_term(t2: Table2, row: Table2Row, column: Table2Column) -> Term:
    return Term(
        t2.get(row, column), ("table2", row.label_in(t2.edition), column.label), t2_place(t2, row, column)
    )
