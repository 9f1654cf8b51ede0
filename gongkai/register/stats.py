"""Processing-time statistics of a year, beyond the national form (which has no time rows): how many
requests were answered within their deadline, working days taken (median, mean, longest), and what was
still open and overdue on 31 December — the figures FOIA.gov and NextRequest report (anchors.md §1.5, §2.7),
useful for sections 五 and 六 of the report.

Time taken is counted in working days from 收到申请之日 to the closing day (the receipt day is day 0), gross
of clock stops; "on time" compares the closing day with the deadline the request had when it was closed
(补正, stops and extensions included). Requests closed as 逾期不补正 have no answer clock and are left out
of the on-time figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from statistics import mean, median
from typing import Any

from sqlalchemy import select

from gongkai.register.calendar import WorkCalendar
from gongkai.store import RequestRow, Store


@dataclass(frozen=True)
class ProcessingStats:
    year: int
    closed: int
    timed: int  # closed requests that had an answer clock
    on_time: int
    late: int
    median_working_days: float | None
    mean_working_days: float | None
    max_working_days: int | None
    open_at_year_end: int
    overdue_at_year_end: int

    @property
    def on_time_rate(self) -> float | None:
        return None if self.timed == 0 else round(self.on_time / self.timed, 4)

    def to_json(self) -> dict[str, Any]:
        return {**self.__dict__, "on_time_rate": self.on_time_rate}

    def lines(self) -> list[str]:
        out = [f"{self.year}年办结申请 {self.closed} 件；其中有答复期限的 {self.timed} 件，按期办结 {self.on_time} 件，"
               f"逾期办结 {self.late} 件" + (f"（按期率 {self.on_time_rate:.1%}）" if self.on_time_rate is not None else "") + "。"]
        if self.median_working_days is not None:
            out.append(f"自收到申请至办结用时：中位数 {self.median_working_days:g} 个工作日，平均 {self.mean_working_days:.1f} 个工作日，"
                       f"最长 {self.max_working_days} 个工作日。")
        out.append(f"截至{self.year}年12月31日仍在办理 {self.open_at_year_end} 件，其中已超过答复期限 {self.overdue_at_year_end} 件。")
        return out


def processing_stats(store: Store, year: int, cal: WorkCalendar) -> ProcessingStats:
    start, end = date(year, 1, 1), date(year, 12, 31)
    with store.session() as s:
        closed = s.execute(
            select(RequestRow.received_on, RequestRow.closed_on, RequestRow.answer_due).where(
                RequestRow.closed_on.between(start, end)
            )
        ).all()
        still_open = s.execute(
            select(RequestRow.answer_due).where(
                RequestRow.received_on <= end, (RequestRow.closed_on.is_(None)) | (RequestRow.closed_on > end)
            )
        ).all()
    spans: list[tuple[date, date, date | None]] = [(r, c, d) for r, c, d in closed if c is not None]
    taken = [cal.count(received, done) for received, done, _ in spans]
    timed = [(done, due) for _, done, due in spans if due is not None]
    on_time = sum(1 for done, due in timed if done <= due)
    return ProcessingStats(
        year=year,
        closed=len(closed),
        timed=len(timed),
        on_time=on_time,
        late=len(timed) - on_time,
        median_working_days=float(median(taken)) if taken else None,
        mean_working_days=round(mean(taken), 2) if taken else None,
        max_working_days=max(taken) if taken else None,
        open_at_year_end=len(still_open),
        overdue_at_year_end=sum(1 for (due,) in still_open if due is not None and due < end),
    )
