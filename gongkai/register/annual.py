"""表三 and 表四 of the annual report computed from the register, and the fee figures for section 六.

Counting rules (``../shared/spec/law.md`` §2, §5; format.md §3.2), by the projection columns of ``requests``
(one SQL aggregation each, so 100,000 requests take well under a second):

- 一 本年新收: received in the year; 二 上年结转: received before the year and not closed before it;
- each outcome row: closed in the year with that outcome, in the applicant's column;
- 四 结转下年度继续办理: received by 31 December and not closed by then;
- 总计 column and （七）总计 row: sums. So 一 + 二 = （七） + 四 holds by construction.
- 表四: a 复议/诉讼 counts in the year if filed by 31 December and not decided before 1 January; its result
  column is the result if decided by 31 December, else 尚未审结. (The form has no carry-over row, so a case
  pending at year end is counted again, with its result, the next year.)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, or_, select

from gongkai.model import (
    APPLICANT_PARTS,
    TABLE4_PARTS,
    Applicant,
    Cell,
    CellKind,
    CellValue,
    Edition,
    Table3,
    Table3Role,
    Table3Row,
    Table4,
    Table4Column,
    Table4Group,
    form_for,
)
from gongkai.register.steps import EventKind
from gongkai.store import ApplicantRow, EventRow, RequestRow, Store

HOW = "由登记簿计算"

#: 2021 rows that the 2019 form prints as its single （六） row
_OTHER_ROWS_2021 = (Table3Row.OTHER_NO_CORRECTION, Table3Row.OTHER_FEE_UNPAID, Table3Row.OTHER_OTHER)


def number_cell(n: int) -> Cell:
    return Cell(CellValue(CellKind.NUMBER, str(n), n), how=HOW)


def _row_in(edition: Edition, outcome: Table3Row) -> Table3Row:
    if edition is Edition.F2019 and outcome in _OTHER_ROWS_2021:
        return Table3Row.OTHER_SINGLE
    return outcome


def table3_counts(store: Store, year: int, edition: Edition = Edition.F2021) -> dict[tuple[Table3Row, Applicant], int]:
    """The six-column counts of every row of ``edition``'s 表三 (without the 总计 column and row)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    form = form_for(edition)
    counts: Counter[tuple[Table3Row, Applicant]] = Counter()
    kind = ApplicantRow.kind
    base = select(kind, func.count(RequestRow.id)).join(ApplicantRow, RequestRow.applicant_id == ApplicantRow.id)
    by_role = {
        Table3Role.RECEIVED: RequestRow.received_on.between(start, end),
        Table3Role.CARRIED_IN: and_(
            RequestRow.received_on < start, or_(RequestRow.closed_on.is_(None), RequestRow.closed_on >= start)
        ),
        Table3Role.CARRIED_OUT: and_(
            RequestRow.received_on <= end, or_(RequestRow.closed_on.is_(None), RequestRow.closed_on > end)
        ),
    }
    with store.session() as s:
        for row in form.table3:
            where = by_role.get(row.role)
            if where is None:
                continue
            for k, n in s.execute(base.where(where).group_by(kind)).all():
                counts[(row, Applicant[k])] += n
        outcome_q = (
            select(RequestRow.outcome, kind, func.count(RequestRow.id))
            .join(ApplicantRow, RequestRow.applicant_id == ApplicantRow.id)
            .where(RequestRow.closed_on.between(start, end))
            .group_by(RequestRow.outcome, kind)
        )
        for outcome, k, n in s.execute(outcome_q).all():
            counts[(_row_in(edition, Table3Row[str(outcome)]), Applicant[k])] += n
    return dict(counts)


def table3_from_counts(counts: dict[tuple[Table3Row, Applicant], int], edition: Edition) -> Table3:
    form = form_for(edition)
    table = Table3(edition)
    for row in form.table3:
        if row.role is Table3Role.OUTCOME_TOTAL:
            continue
        for a in APPLICANT_PARTS:
            table.cells[(row, a)] = number_cell(counts.get((row, a), 0))
    for a in APPLICANT_PARTS:
        total = sum(counts.get((r, a), 0) for r in form.outcome_rows)
        table.cells[(Table3Row.OUTCOME_TOTAL, a)] = number_cell(total)
    for row in form.table3:
        table.cells[(row, Applicant.TOTAL)] = number_cell(sum(_n(table, row, a) for a in APPLICANT_PARTS))
    return table


def _n(table: Table3, row: Table3Row, a: Applicant) -> int:
    n = table.number(row, a)
    assert isinstance(n, int)
    return n


def table4_counts(store: Store, year: int) -> dict[tuple[Table4Group, Table4Column], int]:
    start, end = date(year, 1, 1), date(year, 12, 31)
    counts: Counter[tuple[Table4Group, Table4Column]] = Counter()
    with store.session() as s:
        review = select(RequestRow.review_result, RequestRow.review_decided_on).where(
            RequestRow.review_filed_on <= end,
            or_(RequestRow.review_decided_on.is_(None), RequestRow.review_decided_on >= start),
        )
        for result, decided in s.execute(review).all():
            counts[(Table4Group.REVIEW, _column(result, decided, end))] += 1
        suit = select(RequestRow.suit_group, RequestRow.suit_result, RequestRow.suit_decided_on).where(
            RequestRow.suit_filed_on <= end,
            or_(RequestRow.suit_decided_on.is_(None), RequestRow.suit_decided_on >= start),
        )
        for group, result, decided in s.execute(suit).all():
            counts[(Table4Group[str(group)], _column(result, decided, end))] += 1
    return dict(counts)


def _column(result: str | None, decided: date | None, end: date) -> Table4Column:
    if result is None or decided is None or decided > end:
        return Table4Column.PENDING
    return Table4Column[result]


def table4_from_counts(counts: dict[tuple[Table4Group, Table4Column], int]) -> Table4:
    table = Table4()
    for g in Table4Group:
        for c in TABLE4_PARTS:
            table.cells[(g, c)] = number_cell(counts.get((g, c), 0))
        table.cells[(g, Table4Column.TOTAL)] = number_cell(sum(counts.get((g, c), 0) for c in TABLE4_PARTS))
    return table


def tables_for_year(store: Store, year: int, edition: Edition = Edition.F2021) -> tuple[Table3, Table4]:
    """表三 and 表四 for ``year`` computed from the register (cells with how="由登记簿计算")."""
    edition = Edition(edition)
    return table3_from_counts(table3_counts(store, year, edition), edition), table4_from_counts(table4_counts(store, year))


@dataclass(frozen=True)
class FeeSummary:
    """信息处理费 in a year, for section 六: notices issued and paid, amounts in 元."""

    year: int
    notices: int
    amount_notified: int
    payments: int
    amount_collected: int

    @property
    def amount_collected_wan(self) -> float:
        return round(self.amount_collected / 10000, 4)

    def text(self) -> str:
        if self.notices == 0:
            return f"{self.year}年未发出信息处理费收费通知，未收取信息处理费。"
        return (
            f"{self.year}年发出信息处理费收费通知 {self.notices} 件，通知金额 {self.amount_notified} 元；"
            f"申请人缴费 {self.payments} 件，实际收取 {self.amount_collected} 元。"
        )


def fees_for_year(store: Store, year: int) -> FeeSummary:
    """Fee notices dated in the year and payments dated in the year (amounts from the events' payloads;
    voided notices and payments left out)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    kinds = (EventKind.FEE_NOTICE.code, EventKind.FEE_PAID.code)
    with store.session() as s:
        rows = s.execute(
            select(EventRow.id, EventRow.request_id, EventRow.kind, EventRow.payload).where(
                EventRow.kind.in_(kinds), EventRow.occurred_on.between(start, end)
            )
        ).all()
        voided_payloads = s.scalars(select(EventRow.payload).where(EventRow.kind == EventKind.VOIDED.code)).all()
    voided = {int(p["target"]) for p in voided_payloads}
    notices = [r for r in rows if r.kind == EventKind.FEE_NOTICE.code and r.id not in voided]
    paid = [r for r in rows if r.kind == EventKind.FEE_PAID.code and r.id not in voided]
    return FeeSummary(
        year=year,
        notices=len(notices),
        amount_notified=sum(int(r.payload.get("amount", 0)) for r in notices),
        payments=len(paid),
        amount_collected=sum(int(r.payload.get("amount", 0)) for r in paid),
    )
