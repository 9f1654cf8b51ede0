"""Rules over two reports of the same agency, year Y−1 (``context.previous``) and Y: 上年结转 (Y) =
结转下年度 (Y−1) per column (format.md §3.2 I9), 表二 stock of documents (I8) and of 2019 items (I6), and
text copied from last year (内容雷同)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from gongkai.check.arith import Term, plain
from gongkai.check.places import t2_place, t2_term, t3_place, t3_row, t3_term
from gongkai.check.prose import fold
from gongkai.check.registry import Context, Hit, rule
from gongkai.model import Applicant, Edition, Report, Section, Severity, Table2Column, Table2Row, Table3Role
from gongkai.model.report import Table2
from gongkai.model.values import Number


def _pair(report: Report, context: Context) -> Report | None:
    """The previous report when it is the same agency's report on the year before, else None."""
    previous = context.previous
    if previous is None or report.year is None or previous.year != report.year - 1:
        return None
    if report.agency and previous.agency and report.agency != previous.agency:
        return None
    return previous


def _with_year(term: Term, year: int | None) -> Term:
    return Term(term.cell, term.ref, f"{year} 年{term.name}")


@rule(
    "CROSS.CARRY_OVER",
    Severity.WARNING,
    basis="表三“二、上年结转政府信息公开申请数量”即上一年度报告的“四、结转下年度继续办理”",
    title="本年上年结转 ≠ 上年结转下年度（逐列）",
    cross_year=True,
)
def cross_carry_over(report: Report, context: Context) -> Iterator[Hit]:
    previous = _pair(report, context)
    if previous is None or report.table3 is None or previous.table3 is None:
        return
    now_row = t3_row(report.table3.form, Table3Role.CARRIED_IN)
    before_row = t3_row(previous.table3.form, Table3Role.CARRIED_OUT)
    for column in Applicant:
        now = _with_year(t3_term(report.table3, now_row, column), report.year)
        before = _with_year(t3_term(previous.table3, before_row, column), previous.year)
        if now.number is None or before.number is None or now.number == before.number:
            continue
        yield Hit(
            f"{now.name}为 {plain(now.number)}，而{before.name}为 {plain(before.number)}，"
            f"相差 {plain(now.number - before.number)}",
            t3_place(now_row, column),
            {
                "left_label": now.name,
                "left": plain(now.number),
                "right_label": before.name,
                "right": plain(before.number),
                "difference": plain(now.number - before.number),
            },
            (now.ref, before.ref),
            tuple(t.cell.source for t in (now, before) if t.cell.source),
        )


def _stock_rows(
    report: Report, context: Context, edition: Edition, column: Table2Column
) -> Iterator[tuple[Table2, Table2, int | None, Table2Row]]:
    """(this year's 表二, last year's, last year, row) for each row of 表二 with ``column``, when the two
    reports are the same agency's on consecutive years and both print 表二 in ``edition``."""
    previous = _pair(report, context)
    t2, p2 = report.table2, previous.table2 if previous else None
    if previous is None or t2 is None or p2 is None or t2.edition is not edition or p2.edition is not edition:
        return
    for row in t2.form.table2_rows:
        if column in t2.form.table2_columns(row):
            yield t2, p2, previous.year, row


def _stock_hit(message: str, where: str, left: tuple[str, Number], right: tuple[str, Number], terms: tuple[Term, ...]) -> Hit:
    """A stock that does not carry over: the expected figure (left) beside the printed one (right)."""
    return Hit(
        message,
        where,
        {
            "left_label": left[0],
            "left": plain(left[1]),
            "right_label": right[0],
            "right": plain(right[1]),
            "difference": plain(left[1] - right[1]),
        },
        tuple(t.ref for t in terms),
        tuple(t.cell.source for t in terms if t.cell.source),
    )


@rule(
    "CROSS.DOCUMENT_STOCK",
    Severity.NOTICE,
    basis="表二第二十条第（一）项：现行有效件数（本年）≈ 现行有效件数（上年）+ 本年制发件数 − 本年废止件数",
    title="现行有效件数与上年及本年制发、废止不衔接",
    cross_year=True,
)
def cross_document_stock(report: Report, context: Context) -> Iterator[Hit]:
    for t2, p2, last_year, row in _stock_rows(report, context, Edition.F2021, Table2Column.IN_FORCE):
        before = _with_year(t2_term(p2, row, Table2Column.IN_FORCE), last_year)
        issued = t2_term(t2, row, Table2Column.ISSUED)
        repealed = t2_term(t2, row, Table2Column.REPEALED)
        now = t2_term(t2, row, Table2Column.IN_FORCE)
        b, i, r, n = before.number, issued.number, repealed.number, now.number
        if b is None or i is None or r is None or n is None or b + i - r == n:
            continue
        yield _stock_hit(
            f"{t2_place(t2, row)}：上年现行有效 {plain(b)} + 本年制发 {plain(i)} − 本年废止 {plain(r)} = "
            f"{plain(b + i - r)}，而本年现行有效件数为 {plain(n)}（修订、清理可使两者不同）",
            t2_place(t2, row, Table2Column.IN_FORCE),
            ("上年现行有效 + 制发 − 废止", b + i - r),
            (f"本年{Table2Column.IN_FORCE.label}", n),
            (before, issued, repealed, now),
        )


@rule(
    "CROSS.ITEM_STOCK",
    Severity.NOTICE,
    basis="国办公开办函〔2019〕60号表二：上一年项目数量（本年）= 上一年项目数量（上年）+ 本年增/减（上年）",
    title="2019年格式表二项目数量与上年不衔接",
    cross_year=True,
)
def cross_item_stock(report: Report, context: Context) -> Iterator[Hit]:
    for t2, p2, last_year, row in _stock_rows(report, context, Edition.F2019, Table2Column.CHANGE):
        before = _with_year(t2_term(p2, row, Table2Column.PREVIOUS_ITEMS), last_year)
        change = _with_year(t2_term(p2, row, Table2Column.CHANGE), last_year)
        now = t2_term(t2, row, Table2Column.PREVIOUS_ITEMS)
        b, c, n = before.number, change.number, now.number
        if b is None or c is None or n is None or b + c == n:
            continue
        yield _stock_hit(
            f"{t2_place(t2, row)}：上年的上一年项目数量 {plain(b)} + 本年增/减 {plain(c)} = "
            f"{plain(b + c)}，而本年的上一年项目数量为 {plain(n)}",
            t2_place(t2, row, Table2Column.PREVIOUS_ITEMS),
            ("上年项目数量 + 增减", b + c),
            ("本年上一年项目数量", n),
            (before, change, now),
        )


#: share of characters two years' texts have in common (rapidfuzz ratio, digits ignored) from which the
#: text is taken to be copied; the 2017 法治蓝皮书 found reports repeating last year's at 90 %
SAME_TEXT_RATIO = 90.0
#: parts too short to say anything about copying ("无。")
SAME_TEXT_MIN_CHARS = 60
_DIGITS = re.compile(r"[\d〇零一二三四五六七八九十]+年|\d+")


@rule(
    "CROSS.SAME_TEXT",
    Severity.NOTICE,
    basis="国办公开办函〔2021〕30号 三（四）：年度报告“内容雷同、敷衍塞责”的，依条例第四十七条追究责任",
    title="总体情况或存在的主要问题与上一年度报告基本相同（内容雷同）",
    cross_year=True,
)
def cross_same_text(report: Report, context: Context) -> Iterator[Hit]:
    previous = _pair(report, context)
    if previous is None:
        return
    for section in (Section.OVERVIEW, Section.PROBLEMS):
        now = _DIGITS.sub("", fold(report.section_text(section)))
        before = _DIGITS.sub("", fold(previous.section_text(section)))
        if min(len(now), len(before)) < SAME_TEXT_MIN_CHARS:
            continue
        ratio = fuzz.ratio(now, before)
        if ratio >= SAME_TEXT_RATIO:
            found = report.sections.get(section)
            yield Hit(
                f"{section.title}与 {previous.year} 年度报告的同一部分有 {ratio:.0f}% 相同（不计数字和年份）",
                section.title,
                {
                    "left_label": f"{report.year} 年",
                    "left": len(now),
                    "right_label": f"{previous.year} 年",
                    "right": len(before),
                    "difference": len(now) - len(before),
                    "similarity": round(ratio, 1),
                },
                (),
                (found.source,) if found is not None and found.source is not None else (),
            )
