"""表三 rules: the printed 勾稽 identity per column (P1), row totals (I1), （七）总计 (I2), blank totals,
non-negative integer counts. Rows and columns come from the table's own edition (a hybrid 表三 with one
（六） row is summed over that row set)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from gongkai.check.arith import Outcome, compare, is_blank, side
from gongkai.check.grid import TOTAL_INDEX, t3_numbers, tables
from gongkai.check.hits import blank_total, count_problem, identity_hits
from gongkai.check.places import TABLE3_NAME, t3_keys, t3_place, t3_row, t3_term
from gongkai.check.registry import Context, Hit, rule
from gongkai.model import (
    APPLICANT_PARTS,
    BALANCE_NOTE,
    Applicant,
    Report,
    Severity,
    Table3Role,
)
from gongkai.model.values import Number


def _balanced(left: Sequence[Number | None], right: Sequence[Number | None]) -> bool:
    """Fast path: all printed numbers and the sums equal."""
    total_left: Number = 0
    total_right: Number = 0
    for n in left:
        if n is None:
            return False
        total_left += n
    for n in right:
        if n is None:
            return False
        total_right += n
    return total_left == total_right


@rule(
    "T3.BALANCE",
    Severity.ERROR,
    basis=f"表三注{BALANCE_NOTE}（国办公开办函〔2021〕30号、〔2019〕60号）",
    title="表三每列：本年新收 + 上年结转 = （七）总计 + 结转下年度",
)
def t3_balance(report: Report, context: Context) -> Iterator[Hit]:
    t3 = report.table3
    if t3 is None:
        return
    form = t3.form
    new, carried_in = t3_row(form, Table3Role.RECEIVED), t3_row(form, Table3Role.CARRIED_IN)
    total, carried_out = t3_row(form, Table3Role.OUTCOME_TOTAL), t3_row(form, Table3Role.CARRIED_OUT)
    numbers = t3_numbers(report, context)
    assert numbers is not None
    rows = numbers.rows
    n_new, n_in, n_total, n_out = rows[new], rows[carried_in], rows[total], rows[carried_out]
    checks = (
        (
            compare(
                side([t3_term(t3, new, column), t3_term(t3, carried_in, column)], "第一项 + 第二项"),
                side(
                    [t3_term(t3, total, column), t3_term(t3, carried_out, column)],
                    "第三项（七）总计 + 第四项",
                ),
            ),
            f"{TABLE3_NAME} · {column.label}列",
        )
        for k, column in enumerate(Applicant)
        if not _balanced((n_new[k], n_in[k]), (n_total[k], n_out[k]))
    )
    yield from identity_hits(checks, "本列勾稽关系")


@rule(
    "T3.ROW_TOTAL",
    Severity.ERROR,
    basis="表三表头：“总计”列为申请人各列之和（自然人 + 法人或其他组织五列）",
    title="表三每行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他",
)
def t3_row_total(report: Report, context: Context) -> Iterator[Hit]:
    t3 = report.table3
    if t3 is None:
        return
    checks: list[tuple[Outcome, str]] = []
    numbers = t3_numbers(report, context)
    assert numbers is not None
    for row in t3.rows:
        values = numbers.rows[row]
        if _balanced(values[TOTAL_INDEX : TOTAL_INDEX + 1], values[:TOTAL_INDEX]):
            continue
        total_cell = t3.get(row, Applicant.TOTAL)
        if is_blank(total_cell):
            continue  # T3.TOTAL_BLANK speaks about a blank total
        total = t3_term(t3, row, Applicant.TOTAL)
        parts = [t3_term(t3, row, a, a.label) for a in APPLICANT_PARTS]
        checks.append(
            (
                compare(side([total], Applicant.TOTAL.label), side(parts, "六个申请人列之和")),
                t3_place(row, Applicant.TOTAL),
            )
        )
    yield from identity_hits(checks, "本行总计")


@rule(
    "T3.OUTCOME_TOTAL",
    Severity.ERROR,
    basis="表三“三、本年度办理结果”：（七）总计为（一）至（六）各项之和",
    title="表三每列：（七）总计 = （一）至（六）各行之和",
)
def t3_outcome_total(report: Report, context: Context) -> Iterator[Hit]:
    t3 = report.table3
    if t3 is None:
        return
    total_row = t3_row(t3.form, Table3Role.OUTCOME_TOTAL)
    checks: list[tuple[Outcome, str]] = []
    numbers = t3_numbers(report, context)
    assert numbers is not None
    outcome_rows = t3.form.outcome_rows
    outcome_values = [numbers.rows[r] for r in outcome_rows]
    for k, column in enumerate(Applicant):
        if _balanced((numbers.rows[total_row][k],), [v[k] for v in outcome_values]):
            continue
        if is_blank(t3.get(total_row, column)):
            continue  # T3.TOTAL_BLANK
        total = t3_term(t3, total_row, column)
        parts = [t3_term(t3, r, column) for r in outcome_rows]
        checks.append(
            (
                compare(side([total], total_row.label), side(parts, "（一）至（六）之和")),
                t3_place(total_row, column),
            )
        )
    yield from identity_hits(checks, "（七）总计")


@rule(
    "T3.TOTAL_BLANK",
    Severity.WARNING,
    basis="表三表头“总计”；空白不等于 0（格式要求每格填写数字）",
    title="表三总计未填写而分项已填写",
)
def t3_total_blank(report: Report, context: Context) -> Iterator[Hit]:
    t3 = report.table3
    if t3 is None:
        return
    if not tables(report, context)["table3"].blank:
        return
    seen: set[tuple[str, str, str]] = set()
    for row in t3.rows:
        if not is_blank(t3.get(row, Applicant.TOTAL)):
            continue
        total = t3_term(t3, row, Applicant.TOTAL)
        parts = [t3_term(t3, row, a, a.label) for a in APPLICANT_PARTS]
        hit = blank_total(total, parts, "六个申请人列")
        if hit:
            seen.add(total.ref)
            yield hit
    total_row = t3_row(t3.form, Table3Role.OUTCOME_TOTAL)
    for column in Applicant:
        if not is_blank(t3.get(total_row, column)):
            continue
        total = t3_term(t3, total_row, column)
        if total.ref in seen:
            continue
        parts = [t3_term(t3, r, column, t3_place(r)) for r in t3.form.outcome_rows]
        hit = blank_total(total, parts, "（一）至（六）各行")
        if hit:
            yield hit


@rule(
    "T3.NOT_COUNT",
    Severity.ERROR,
    basis="表三各格为申请件数（非负整数）",
    title="表三数值不是非负整数",
)
def t3_not_count(report: Report, context: Context) -> Iterator[Hit]:
    t3 = report.table3
    if t3 is None:
        return
    if not tables(report, context)["table3"].odd_numbers:
        return
    for row, column, _ in t3_keys(t3.edition):
        cell = t3.get(row, column)
        number = cell.number
        if number is None or (isinstance(number, int) and number >= 0):
            continue
        problem = count_problem(number)
        if problem and cell.value is not None:
            term = t3_term(t3, row, column)
            yield Hit(
                f"{term.name}印为“{cell.value.raw}”，{problem}；申请件数应为非负整数",
                term.name,
                {"printed": cell.value.raw},
                (term.ref,),
                (cell.source,) if cell.source else (),
            )
