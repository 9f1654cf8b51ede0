"""Properties of the working-day arithmetic, for any start day and period (Hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.register.calendar import WorkCalendar
from gongkai.register.deadlines import Period, Stop, deadline, due_date

CAL = WorkCalendar()
starts = st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 9, 30))
periods = st.integers(min_value=1, max_value=60)


@settings(max_examples=300, deadline=None)
@given(start=starts, n=periods)
def test_due_is_the_nth_working_day(start: date, n: int) -> None:
    due = due_date(CAL, start, n)
    assert due is not None and due > start
    assert CAL.is_working(due)
    assert CAL.count(start, due) == n  # exactly n working days in (start, due]
    assert CAL.count(start, due - timedelta(days=1)) == n - 1


@settings(max_examples=200, deadline=None)
@given(start=starts, n=periods, gap=st.integers(0, 20), length=st.integers(1, 30))
def test_a_stop_adds_exactly_its_working_days(start: date, n: int, gap: int, length: int) -> None:
    after = start + timedelta(days=gap)
    stop = Stop(after, after + timedelta(days=length), "征求第三方意见")
    plain = due_date(CAL, start, n)
    stopped = deadline(CAL, Period.ANSWER, start, "收到申请", working_days=n, stops=[stop], explain=True)
    assert plain is not None and stopped.due is not None
    assert stopped.due >= plain
    # the working days counted between start and due, minus the stopped ones, are the period
    assert CAL.count(start, stopped.due) - stopped.stopped_days == n
    assert sum(1 for s in stopped.steps if s.kind == "stopped") == stopped.stopped_days


@settings(max_examples=100, deadline=None)
@given(start=starts, n=st.integers(1, 40), m=st.integers(1, 40))
def test_periods_compose(start: date, n: int, m: int) -> None:
    first = due_date(CAL, start, n)
    assert first is not None
    assert due_date(CAL, first, m) == due_date(CAL, start, n + m)
