"""表二 rules, driven by each column's ``ValueKind``: counts are non-negative integers, only the 2019
本年增/减 is signed, the 2021 fee is in 万元 (a printed "元" is the wrong unit), the 2019 采购总金额 needs
a unit; plus the soft within-year identities of the 2019 form (format.md §3.2 I6, I7)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from gongkai.check.arith import Term, plain
from gongkai.check.grid import tables
from gongkai.check.hits import count_problem
from gongkai.check.places import t2_place, t2_term
from gongkai.check.registry import Context, Hit, rule
from gongkai.model import Edition, Report, Severity, Table2, Table2Column, ValueKind, form_for

MONEY_UNITS = ("万元", "元")
WAN = "万元"
YUAN = "元"


def _terms(t2: Table2, *kinds: ValueKind) -> Iterator[tuple[Table2Column, Term]]:
    for row, column in t2.form.table2_cells:
        if column.kind in kinds and (row, column) in t2.cells:
            yield column, t2_term(t2, row, column)


@cache
def _has_kind(edition: Edition, kind: ValueKind) -> bool:
    return any(column.kind is kind for _, column in form_for(edition).table2_cells)


@cache
def _has_columns(edition: Edition, *columns: Table2Column) -> bool:
    form = form_for(edition)
    return any(all(c in form.table2_columns(row) for c in columns) for row in form.table2_rows)


def _hit(term: Term, message: str, **values: object) -> Hit:
    return Hit(
        message,
        term.name,
        {"printed": term.cell.value.raw if term.cell.value else None, **values},
        (term.ref,),
        (term.cell.source,) if term.cell.source else (),
    )


@rule(
    "T2.NOT_COUNT",
    Severity.ERROR,
    basis="表二件数、数量各栏为非负整数；仅〔2019〕60号表格“本年增/减”可为负（减用负值表示）",
    title="表二件数不是非负整数（本年增/减除外）或金额为负",
)
def t2_not_count(report: Report, context: Context) -> Iterator[Hit]:
    t2 = report.table2
    if t2 is None:
        return
    tally = tables(report, context)["table2"]
    if not tally.odd_numbers and not tally.units:
        return
    for column, term in _terms(t2, *ValueKind):
        value = term.cell.value
        if term.number is None or value is None:
            continue
        if column.kind in (ValueKind.AMOUNT, ValueKind.AMOUNT_WAN):
            if term.number < 0:
                yield _hit(term, f"{term.name}印为“{value.raw}”，金额不能为负数")
            continue
        problem = count_problem(term.number, signed_allowed=column.kind is ValueKind.SIGNED_COUNT)
        if problem:
            yield _hit(term, f"{term.name}印为“{value.raw}”，{problem}；本栏应为非负整数")
        elif value.unit in MONEY_UNITS:
            yield _hit(term, f"{term.name}印为“{value.raw}”，带金额单位；本栏是件数或项目数", unit=value.unit)


@rule(
    "T2.FEE_UNIT",
    Severity.ERROR,
    basis="国办公开办函〔2021〕30号表二第二十条第（八）项表头“本年收费金额（单位：万元）”",
    title="表二行政事业性收费金额不是以万元填写",
)
def t2_fee_unit(report: Report, context: Context) -> Iterator[Hit]:
    t2 = report.table2
    if t2 is None or not tables(report, context)["table2"].units:
        return  # only a printed unit can be the wrong one
    for _, term in _terms(t2, ValueKind.AMOUNT_WAN):
        value = term.cell.value
        if value is None or term.number is None:
            continue
        if value.unit == YUAN and term.number != 0:  # 0 元 is 0 万元
            yield _hit(
                term,
                f"{term.name}印为“{value.raw}”，单位是元；表头规定单位为万元（{plain(term.number)} 元 = "
                f"{plain(term.number) / 10000:g} 万元），不作换算",
                unit=value.unit,
                required_unit=WAN,
            )
        elif value.unit is not None and value.unit not in MONEY_UNITS:
            yield _hit(term, f"{term.name}印为“{value.raw}”，单位“{value.unit}”不是金额单位", unit=value.unit)


@rule(
    "T2.AMOUNT_UNIT",
    Severity.NOTICE,
    basis="国办公开办函〔2019〕60号表二第二十条第（九）项“采购总金额”（表头未印单位，须注明元或万元）",
    title="表二采购总金额未注明单位",
)
def t2_amount_unit(report: Report, context: Context) -> Iterator[Hit]:
    t2 = report.table2
    if t2 is None or not _has_kind(t2.edition, ValueKind.AMOUNT):
        return
    for _, term in _terms(t2, ValueKind.AMOUNT):
        value = term.cell.value
        if value is None or term.number is None:
            continue
        if value.unit is None and term.number != 0:
            yield _hit(term, f"{term.name}印为“{value.raw}”，未注明单位（元或万元），金额无法比较")
        elif value.unit is not None and value.unit not in MONEY_UNITS:
            yield _hit(term, f"{term.name}印为“{value.raw}”，单位“{value.unit}”不是金额单位", unit=value.unit)


@rule(
    "T2.ITEMS_NEGATIVE",
    Severity.WARNING,
    basis="国办公开办函〔2019〕60号表二：本年项目数 = 上一年项目数量 + 本年增/减，不能为负",
    title="表二上一年项目数量 + 本年增/减 小于 0",
)
def t2_items_negative(report: Report, context: Context) -> Iterator[Hit]:
    t2 = report.table2
    if t2 is None or not _has_columns(t2.edition, Table2Column.PREVIOUS_ITEMS, Table2Column.CHANGE):
        return
    for row in t2.form.table2_rows:
        columns = t2.form.table2_columns(row)
        if Table2Column.PREVIOUS_ITEMS not in columns or Table2Column.CHANGE not in columns:
            continue
        before = t2_term(t2, row, Table2Column.PREVIOUS_ITEMS)
        change = t2_term(t2, row, Table2Column.CHANGE)
        if before.number is None or change.number is None:
            continue
        now = before.number + change.number
        if now < 0:
            yield Hit(
                f"{t2_place(t2, row)}：{Table2Column.PREVIOUS_ITEMS.label} {plain(before.number)} 加"
                f"{Table2Column.CHANGE.label} {plain(change.number)} "
                f"得 {plain(now)}，项目数不能为负",
                t2_place(t2, row),
                {
                    "left_label": f"{Table2Column.PREVIOUS_ITEMS.label} + {Table2Column.CHANGE.label}",
                    "left": plain(now),
                    "right_label": "最小值",
                    "right": 0,
                    "difference": plain(now),
                },
                (before.ref, change.ref),
                tuple(t.cell.source for t in (before, change) if t.cell.source),
            )


@rule(
    "T2.PUBLISHED_EXCEEDS_TOTAL",
    Severity.NOTICE,
    basis="国办公开办函〔2019〕60号表二第二十条第（一）项：本年新公开数量计入对外公开总数量",
    title="表二本年新公开数量大于对外公开总数量",
)
def t2_published_exceeds_total(report: Report, context: Context) -> Iterator[Hit]:
    t2 = report.table2
    if t2 is None or not _has_columns(t2.edition, Table2Column.NEW_PUBLISHED, Table2Column.TOTAL_PUBLISHED):
        return
    for row in t2.form.table2_rows:
        columns = t2.form.table2_columns(row)
        if Table2Column.NEW_PUBLISHED not in columns or Table2Column.TOTAL_PUBLISHED not in columns:
            continue
        new = t2_term(t2, row, Table2Column.NEW_PUBLISHED)
        total = t2_term(t2, row, Table2Column.TOTAL_PUBLISHED)
        if new.number is None or total.number is None or new.number <= total.number:
            continue
        yield Hit(
            f"{t2_place(t2, row)}：{new.name.split(' · ')[-1]} {plain(new.number)} 大于"
            f"{total.name.split(' · ')[-1]} {plain(total.number)}",
            t2_place(t2, row),
            {
                "left_label": Table2Column.NEW_PUBLISHED.label,
                "left": plain(new.number),
                "right_label": Table2Column.TOTAL_PUBLISHED.label,
                "right": plain(total.number),
                "difference": plain(new.number - total.number),
            },
            (new.ref, total.ref),
            tuple(t.cell.source for t in (new, total) if t.cell.source),
        )
