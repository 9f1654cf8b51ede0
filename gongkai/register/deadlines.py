"""Deadlines in working days, each able to explain itself day by day.

Rule (``../shared/spec/law.md`` §2 and §3.1): the start day (收到申请之日, or 收到补正之日 after a 补正) is
day 0 and is not counted unless ``count_start_day`` is set; the following working days are counted; the
n-th is the last day. Days on which the clock is stopped — while a 征求意见书 waits for its answer
(条例第三十三条第三款) or a 收费通知 for payment — are not counted:

    due = add_working_days(start, n + extension) + working days stopped

A stop is the half-open interval (after, until]: the day a letter is sent still counts, the day the answer
comes back is not counted (it is day 0 of the resumed clock, like a receipt day).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum
from typing import Any

from gongkai.register.calendar import WorkCalendar


class Period(Enum):
    """The periods of the 条例 counted in working days: (working days, name, legal basis)."""

    CORRECTION_NOTICE = (7, "补正告知期限", "《政府信息公开条例》第三十条")
    ANSWER = (20, "答复期限", "《政府信息公开条例》第三十三条第二款")
    EXTENSION = (20, "延长答复期限（最长）", "《政府信息公开条例》第三十三条第二款")
    CONSULTATION = (15, "征求意见期限", "《政府信息公开条例》第三十二条、第三十四条")
    FEE_PAYMENT = (20, "缴费期限", "国办函〔2020〕109号（缴费期限据回忆，待核实原文）")

    def __init__(self, working_days: int, title: str, basis: str) -> None:
        self.working_days = working_days
        self.title = title
        self.basis = basis


@dataclass(frozen=True)
class Stop:
    """The clock stands still on the working days in (after, until]; ``until`` None = not resumed yet."""

    after: date
    until: date | None
    reason: str

    def covers(self, day: date) -> bool:
        return day > self.after and (self.until is None or day <= self.until)


@dataclass(frozen=True)
class DayStep:
    """One day of a deadline's explanation."""

    day: date
    kind: str  # "start", "counted", "skipped", "stopped"
    ordinal: int | None
    reason: str
    presumed: bool = False  # the day's status was presumed Monday–Friday (year not covered)

    def text(self) -> str:
        head = f"{self.day.isoformat()} {_weekday(self.day)}"
        note = "（推定）" if self.presumed else ""
        if self.kind == "start":
            return f"{head} {self.reason}{note}"
        if self.kind == "counted":
            suffix = "" if self.reason == PLAIN_WORKDAY else f"：{self.reason}"
            return f"{head} 第 {self.ordinal} 个工作日{suffix}{note}"
        if self.kind == "stopped":
            return f"{head} 停止计算：{self.reason}{note}"
        return f"{head} 不计：{self.reason}{note}"

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "kind": self.kind,
            "ordinal": self.ordinal,
            "reason": self.reason,
            "presumed": self.presumed,
            "text": self.text(),
        }


PLAIN_WORKDAY = "工作日"


def _weekday(day: date) -> str:
    return ("周一", "周二", "周三", "周四", "周五", "周六", "周日")[day.weekday()]


@dataclass(frozen=True)
class Deadline:
    """A deadline: from ``start`` (what happened that day: ``start_event``) count ``working_days``;
    ``due`` is the last day, None while an open-ended stop (unpaid fee) holds the clock."""

    title: str
    basis: str
    start: date
    start_event: str
    working_days: int
    due: date | None
    stops: tuple[Stop, ...] = ()
    count_start_day: bool = False
    warnings: tuple[str, ...] = ()
    steps: tuple[DayStep, ...] = field(default=(), compare=False)
    #: working days on which the clock stood still before ``due``
    stopped_days: int = 0

    def summary(self) -> str:
        if self.due is None:
            return f"{self.title}：计时中止（{self.stops[-1].reason}），恢复计算后再定"
        stopped = f"，另有 {self.stopped_days} 个工作日停止计算" if self.stopped_days else ""
        return (
            f"{self.title}：{self.due.isoformat()}（{_weekday(self.due)}，"
            f"{self.start_event}后第 {self.working_days} 个工作日{stopped}）"
        )

    def explanation(self) -> list[str]:
        lines = [f"{self.title}（{self.basis}）：自 {self.start.isoformat()} {self.start_event}起算 {self.working_days} 个工作日"]
        lines.extend(step.text() for step in self.steps)
        if self.due is not None:
            lines.append(f"⇒ {self.title}最后一日：{self.due.isoformat()}（{_weekday(self.due)}）")
        else:
            lines.append(f"⇒ 计时中止：{self.stops[-1].reason}")
        lines.extend(f"注意：{w}" for w in self.warnings)
        return lines

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "basis": self.basis,
            "start": self.start.isoformat(),
            "start_event": self.start_event,
            "working_days": self.working_days,
            "due": self.due.isoformat() if self.due else None,
            "count_start_day": self.count_start_day,
            "stops": [
                {"after": s.after.isoformat(), "until": s.until.isoformat() if s.until else None, "reason": s.reason}
                for s in self.stops
            ],
            "warnings": list(self.warnings),
            "explanation": [s.to_json() for s in self.steps],
        }


def merged_spans(stops: Iterable[Stop]) -> list[tuple[date, date | None]]:
    """The stops as sorted, non-overlapping (after, until] spans (until None = open-ended)."""
    spans = sorted(((s.after, s.until) for s in stops), key=lambda s: s[0])
    out: list[tuple[date, date | None]] = []
    for after, until in spans:
        if out:
            last_after, last_until = out[-1]
            if last_until is None or after <= last_until:
                merged_until = None if until is None or last_until is None else max(until, last_until)
                out[-1] = (last_after, merged_until)
                continue
        out.append((after, until))
    return out


def due_date(
    cal: WorkCalendar, start: date, n: int, stops: Sequence[Stop] = (), *, count_start_day: bool = False
) -> date | None:
    """The last day of an n-working-day period (fast path, no explanation); None if an open stop holds it."""
    if n < 1:
        raise ValueError("a period has at least one working day")
    if count_start_day and cal.is_working(start) and not any(s.covers(start) for s in stops):
        if n == 1:
            return start
        # counting from the day before makes ``start`` itself the first working day
        start = start - timedelta(days=1)
    spans = merged_spans(stops)
    extra = 0
    while True:
        candidate = cal.nth_after(start, n + extra)
        stopped = 0
        for after, until in spans:
            if after >= candidate:
                break
            if until is None:
                return None
            stopped += cal.count(max(after, start), min(until, candidate))
        if stopped == extra:
            return candidate
        extra = stopped


def deadline(
    cal: WorkCalendar,
    period: Period,
    start: date,
    start_event: str,
    *,
    working_days: int | None = None,
    stops: Sequence[Stop] = (),
    count_start_day: bool = False,
    explain: bool = False,
    title: str | None = None,
    basis: str | None = None,
) -> Deadline:
    """The deadline of ``period`` counted from ``start``; with ``explain`` the day-by-day steps too."""
    n = period.working_days if working_days is None else working_days
    due = due_date(cal, start, n, stops, count_start_day=count_start_day)
    end = due if due is not None else max((s.after for s in stops), default=start)
    steps = tuple(_walk(cal, start, start_event, n, stops, count_start_day)) if explain else ()
    if explain and due is not None:
        counted = [s for s in steps if s.kind == "counted"]
        if not counted or counted[-1].day != due:  # the two computations must agree
            raise AssertionError(f"deadline walk disagrees with fast path for {start} + {n}")
    return Deadline(
        title=title or period.title,
        basis=basis or period.basis,
        start=start,
        start_event=start_event,
        working_days=n,
        due=due,
        stops=tuple(stops),
        count_start_day=count_start_day,
        warnings=tuple(cal.warnings_for(start, end)),
        steps=steps,
        stopped_days=_stopped(cal, start, n, due, count_start_day),
    )


def _stopped(cal: WorkCalendar, start: date, n: int, due: date | None, count_start_day: bool) -> int:
    if due is None:
        return 0
    counted_start = 1 if count_start_day and cal.is_working(start) and due >= start else 0
    return max(0, cal.count(start, due) + counted_start - n)


def _walk(
    cal: WorkCalendar, start: date, start_event: str, n: int, stops: Sequence[Stop], count_start_day: bool
) -> Iterable[DayStep]:
    counted = 0
    day = start
    first = True
    while counted < n:
        info = cal.info(day)
        presumed = info.basis == "按周一至周五推定"
        stop = next((s for s in stops if s.covers(day)), None)
        if first:
            first = False
            if not count_start_day:
                yield DayStep(day, "start", 0, f"{start_event}（第 0 日，不计入）", presumed)
                day += timedelta(days=1)
                continue
            if not info.working:
                yield DayStep(day, "start", 0, f"{start_event}（{info.reason}，不计入）", presumed)
                day += timedelta(days=1)
                continue
        if not info.working:
            yield DayStep(day, "skipped", None, info.reason, presumed)
        elif stop is not None:
            yield DayStep(day, "stopped", None, stop.reason, presumed)
            if stop.until is None:
                return
        else:
            counted += 1
            reason = f"{start_event}当日计入" if day == start else info.reason
            yield DayStep(day, "counted", counted, reason, presumed)
        day += timedelta(days=1)


# ---------------------------------------------------------------------------------------------- the calculator


@dataclass(frozen=True)
class RequestDeadlines:
    """The three deadlines of a request received on ``received`` with no 补正, stop or extension."""

    received: date
    correction: Deadline
    answer: Deadline
    extended: Deadline

    def to_json(self) -> dict[str, Any]:
        def iso(d: Deadline) -> str | None:
            return d.due.isoformat() if d.due else None

        warnings = sorted({w for d in (self.correction, self.answer, self.extended) for w in d.warnings})
        return {
            "received": self.received.isoformat(),
            "correction_due": iso(self.correction),
            "answer_due": iso(self.answer),
            "extended_due": iso(self.extended),
            "count_start_day": self.answer.count_start_day,
            "warnings": warnings,
            "basis": {
                "correction_due": self.correction.basis,
                "answer_due": self.answer.basis,
                "extended_due": self.extended.basis,
            },
            "explanation": {
                "correction_due": [s.text() for s in self.correction.steps],
                "answer_due": [s.text() for s in self.answer.steps],
                "extended_due": [s.text() for s in self.extended.steps],
            },
        }


RECEIPT = "收到申请"


def request_deadlines(
    cal: WorkCalendar, received: date, *, count_start_day: bool = False, explain: bool = False
) -> RequestDeadlines:
    opts: dict[str, Any] = {"count_start_day": count_start_day, "explain": explain}
    return RequestDeadlines(
        received=received,
        correction=deadline(cal, Period.CORRECTION_NOTICE, received, RECEIPT, **opts),
        answer=deadline(cal, Period.ANSWER, received, RECEIPT, **opts),
        extended=deadline(
            cal,
            Period.ANSWER,
            received,
            RECEIPT,
            working_days=Period.ANSWER.working_days + Period.EXTENSION.working_days,
            title="延长后的答复期限",
            basis=Period.EXTENSION.basis,
            **opts,
        ),
    )
