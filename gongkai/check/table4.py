"""表四 rules: per group 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (I4), blank totals, counts."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.check.arith import Outcome, compare, is_blank, side, sums_equal
from gongkai.check.grid import tables
from gongkai.check.hits import blank_total, count_problem, identity_hits
from gongkai.check.places import t4_place, t4_term
from gongkai.check.registry import Context, Hit, rule
from gongkai.model import TABLE4_CELLS, TABLE4_PARTS, Report, Severity, Table4Column, Table4Group


@rule(
    "T4.GROUP_TOTAL",
    Severity.ERROR,
    basis="表四表头：行政复议、未经复议直接起诉、复议后起诉各设“总计”，为结果维持、结果纠正、其他结果、尚未审结之和",
    title="表四每组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
)
def t4_group_total(report: Report, context: Context) -> Iterator[Hit]:
    t4 = report.table4
    if t4 is None:
        return
    checks: list[tuple[Outcome, str]] = []
    for group in Table4Group:
        total_cell = t4.get(group, Table4Column.TOTAL)
        if sums_equal((total_cell,), [t4.get(group, c) for c in TABLE4_PARTS]) or is_blank(total_cell):
            continue  # holds, or T4.TOTAL_BLANK speaks
        total = t4_term(t4, group, Table4Column.TOTAL)
        parts = [t4_term(t4, group, c) for c in TABLE4_PARTS]
        checks.append(
            (
                compare(side([total], Table4Column.TOTAL.label), side(parts, "四项结果之和")),
                t4_place(group, Table4Column.TOTAL),
            )
        )
    yield from identity_hits(checks, "本组总计")


@rule(
    "T4.TOTAL_BLANK",
    Severity.WARNING,
    basis="表四表头“总计”；空白不等于 0",
    title="表四总计未填写而分项已填写",
)
def t4_total_blank(report: Report, context: Context) -> Iterator[Hit]:
    t4 = report.table4
    if t4 is None or not tables(report, context)["table4"].blank:
        return
    for group in Table4Group:
        hit = blank_total(
            t4_term(t4, group, Table4Column.TOTAL), [t4_term(t4, group, c) for c in TABLE4_PARTS], "四项结果"
        )
        if hit:
            yield hit


@rule(
    "T4.NOT_COUNT",
    Severity.ERROR,
    basis="表四各格为案件数（非负整数）",
    title="表四数值不是非负整数",
)
def t4_not_count(report: Report, context: Context) -> Iterator[Hit]:
    t4 = report.table4
    if t4 is None or not tables(report, context)["table4"].odd_numbers:
        return
    for group, column in TABLE4_CELLS:
        term = t4_term(t4, group, column)
        if term.number is None or term.cell.value is None:
            continue
        problem = count_problem(term.number)
        if problem:
            yield Hit(
                f"{term.name}印为“{term.cell.value.raw}”，{problem}；案件数应为非负整数",
                t4_place(group, column),
                {"printed": term.cell.value.raw},
                (term.ref,),
                (term.cell.source,) if term.cell.source else (),
            )
