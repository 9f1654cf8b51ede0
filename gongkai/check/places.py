"""Cells of the three tables as ``Term``s, named in the form's own words ("表三 （七）总计 · 自然人")."""

from __future__ import annotations

from functools import cache

from gongkai.check.arith import Term
from gongkai.model import (
    TABLE4_CELLS,
    Applicant,
    Edition,
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
    form_for,
)

TABLE2_NAME = "表二"
TABLE3_NAME = "表三"
TABLE4_NAME = "表四"


# Names and references are cached per (row, column): enum properties are slow, and every rule asks for them.


@cache
def t3_place(row: Table3Row, column: Applicant | None = None) -> str:
    label = f"{row.group.label} {row.short_label}" if row.group else row.short_label
    base = f"{TABLE3_NAME} {label}"
    return f"{base} · {column.label}" if column is not None else base


@cache
def t3_ref(row: Table3Row, column: Applicant) -> tuple[str, str, str]:
    return ("table3", row.key, column.label)


def t3_term(t3: Table3, row: Table3Row, column: Applicant, name: str | None = None) -> Term:
    return Term(t3.get(row, column), t3_ref(row, column), name or t3_place(row, column))


@cache
def t3_row(form: Form, role: Table3Role) -> Table3Row:
    """The single row of the form with this role (一, 二, （七）, 四)."""
    return next(r for r in form.table3 if r.role is role)


@cache
def t4_place(group: Table4Group, column: Table4Column | None = None) -> str:
    base = f"{TABLE4_NAME} {group.place}"
    return f"{base} · {column.label}" if column is not None else base


@cache
def t4_ref(group: Table4Group, column: Table4Column) -> tuple[str, str, str]:
    return ("table4", group.label, column.label)


def t4_term(t4: Table4, group: Table4Group, column: Table4Column) -> Term:
    return Term(t4.get(group, column), t4_ref(group, column), t4_place(group, column))


def t2_place(t2: Table2, row: Table2Row, column: Table2Column | None = None) -> str:
    return _t2_place(t2.edition, row, column)


@cache
def _t2_place(edition: Edition, row: Table2Row, column: Table2Column | None) -> str:
    block = form_for(edition).table2_block(row)
    base = f"{TABLE2_NAME} {block.title} {row.label_in(edition)}"
    return f"{base} · {column.label}" if column is not None else base


@cache
def t2_ref(edition: Edition, row: Table2Row, column: Table2Column) -> tuple[str, str, str]:
    return ("table2", row.label_in(edition), column.label)


def t2_term(t2: Table2, row: Table2Row, column: Table2Column) -> Term:
    return Term(t2.get(row, column), t2_ref(t2.edition, row, column), _t2_place(t2.edition, row, column))


Ref = tuple[str, str, str]


@cache
def t2_keys(edition: Edition) -> tuple[tuple[Table2Row, Table2Column, Ref], ...]:
    """Every cell of 表二 of this edition, in printed order, with its reference."""
    return tuple((r, c, t2_ref(edition, r, c)) for r, c in form_for(edition).table2_cells)


@cache
def t3_keys(edition: Edition) -> tuple[tuple[Table3Row, Applicant, Ref], ...]:
    return tuple((r, a, t3_ref(r, a)) for r in form_for(edition).table3 for a in Applicant)


T4_KEYS: tuple[tuple[Table4Group, Table4Column, Ref], ...] = tuple(
    (g, c, t4_ref(g, c)) for g, c in TABLE4_CELLS
)
