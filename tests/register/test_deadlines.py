"""Deadlines on the worked examples of law.md §3.3, clock stops, and the day-by-day explanations."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.register.calendar import WorkCalendar
from gongkai.register.deadlines import Period, Stop, deadline, due_date, request_deadlines

# law.md §3.3: received, +7 WD, +20 WD, +40 WD, naive Mon–Fri +20
WORKED = [
    ("2025-01-20", "2025-02-05", "2025-02-21", "2025-03-21", "2025-02-17"),
    ("2025-01-24", "2025-02-10", "2025-02-27", "2025-03-27", "2025-02-21"),
    ("2025-04-25", "2025-05-08", "2025-05-27", "2025-06-25", "2025-05-23"),
    ("2025-09-26", "2025-10-13", "2025-10-30", "2025-11-27", "2025-10-24"),
]


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar()


@pytest.mark.parametrize(("received", "seven", "twenty", "forty", "naive"), WORKED, ids=[w[0] for w in WORKED])
def test_worked_examples(cal: WorkCalendar, received: str, seven: str, twenty: str, forty: str, naive: str) -> None:
    r = request_deadlines(cal, date.fromisoformat(received), explain=True)
    assert r.correction.due == date.fromisoformat(seven)
    assert r.answer.due == date.fromisoformat(twenty)
    assert r.extended.due == date.fromisoformat(forty)
    # the naive Monday–Friday count of the table's last column is wrong, and ours differs from it
    assert r.answer.due != date.fromisoformat(naive)
    assert r.answer.warnings == ()


def test_trace_of_2025_09_26(cal: WorkCalendar) -> None:
    """law.md §3.3 trace: 9/28 (Sun, 调休上班)=1, 9/29=2, 9/30=3, 10/1–10/8 off, 10/9=4, 10/10=5,
    10/11 (Sat, 上班)=6, 10/13=7, … 10/30=20."""
    d = request_deadlines(cal, date(2025, 9, 26), explain=True).answer
    counted = {s.day.isoformat(): s.ordinal for s in d.steps if s.kind == "counted"}
    assert counted["2025-09-28"] == 1
    assert counted["2025-09-29"] == 2
    assert counted["2025-09-30"] == 3
    assert counted["2025-10-09"] == 4
    assert counted["2025-10-10"] == 5
    assert counted["2025-10-11"] == 6
    assert counted["2025-10-13"] == 7
    assert counted["2025-10-30"] == 20
    skipped = {s.day.isoformat(): s.reason for s in d.steps if s.kind == "skipped"}
    assert [day for day in skipped if "2025-10-01" <= day <= "2025-10-08"] == [
        f"2025-10-0{i}" for i in range(1, 9)
    ]
    assert skipped["2025-10-01"] == "国庆节放假"
    assert skipped["2025-09-27"] == "周末"
    lines = d.explanation()
    assert lines[0] == "答复期限（《政府信息公开条例》第三十三条第二款）：自 2025-09-26 收到申请起算 20 个工作日"
    assert lines[1] == "2025-09-26 周五 收到申请（第 0 日，不计入）"
    assert "2025-09-28 周日 第 1 个工作日：调休上班（国庆节）" in lines
    assert "2025-10-11 周六 第 6 个工作日：调休上班（国庆节）" in lines
    assert "2025-10-12 周日 不计：周末" in lines
    assert "2025-10-29 周三 第 19 个工作日" in lines
    assert lines[-1] == "⇒ 答复期限最后一日：2025-10-30（周四）"


def test_consultation_stops_the_clock(cal: WorkCalendar) -> None:
    # received Mon 2025-03-03: +20 WD = 3/31 (March has no holiday). A 征求第三方意见 sent 3/10 and
    # answered 3/17 stops 3/11–3/17 = 5 working days: 4/1, 4/2, 4/3, (4/4–4/6 清明), 4/7, 4/8.
    assert due_date(cal, date(2025, 3, 3), 20) == date(2025, 3, 31)
    stop = Stop(date(2025, 3, 10), date(2025, 3, 17), "征求第三方意见")
    d = deadline(cal, Period.ANSWER, date(2025, 3, 3), "收到申请", stops=[stop], explain=True)
    assert d.due == date(2025, 4, 8)
    assert d.stopped_days == 5
    texts = [s.text() for s in d.steps]
    assert "2025-03-10 周一 第 5 个工作日" in texts  # the day the letter is sent still counts
    assert "2025-03-11 周二 停止计算：征求第三方意见" in texts
    assert "2025-03-18 周二 第 6 个工作日" in texts
    assert "2025-04-04 周五 不计：清明节放假" in texts


def test_overlapping_stops_count_once(cal: WorkCalendar) -> None:
    stops = [
        Stop(date(2025, 3, 10), date(2025, 3, 17), "征求第三方意见"),
        Stop(date(2025, 3, 12), date(2025, 3, 14), "征求其他机关意见"),
    ]
    assert due_date(cal, date(2025, 3, 3), 20, stops) == date(2025, 4, 8)


def test_open_stop_holds_the_deadline(cal: WorkCalendar) -> None:
    d = deadline(
        cal, Period.ANSWER, date(2025, 3, 3), "收到申请", stops=[Stop(date(2025, 3, 10), None, "等待缴费")], explain=True
    )
    assert d.due is None
    assert "计时中止" in d.summary()
    assert d.explanation()[-1] == "⇒ 计时中止：等待缴费"


def test_stop_after_the_due_date_changes_nothing(cal: WorkCalendar) -> None:
    assert due_date(cal, date(2025, 3, 3), 20, [Stop(date(2025, 4, 1), None, "等待缴费")]) == date(2025, 3, 31)


def test_count_receipt_day_flag(cal: WorkCalendar) -> None:
    d = deadline(cal, Period.ANSWER, date(2025, 1, 20), "收到申请", count_start_day=True, explain=True)
    assert d.due == date(2025, 2, 20)  # one working day earlier than 2025-02-21
    assert d.steps[0].text() == "2025-01-20 周一 第 1 个工作日：收到申请当日计入"
    # a receipt on a rest day cannot be counted even with the flag
    d = deadline(cal, Period.ANSWER, date(2025, 9, 27), "收到申请", count_start_day=True, explain=True)
    assert d.due == due_date(cal, date(2025, 9, 27), 20)
    assert d.steps[0].kind == "start" and "周末" in d.steps[0].reason


@pytest.mark.parametrize("start", ["2024-01-01", "2024-09-13", "2025-01-24", "2026-02-13", "2026-09-30"])
@pytest.mark.parametrize("n", [1, 7, 15, 20, 40])
def test_fast_path_equals_day_walk(cal: WorkCalendar, start: str, n: int) -> None:
    # deadline(explain=True) raises if the bisection and the walk disagree
    d = deadline(cal, Period.ANSWER, date.fromisoformat(start), "收到申请", working_days=n, explain=True)
    assert sum(1 for s in d.steps if s.kind == "counted") == n


def test_json_shape(cal: WorkCalendar) -> None:
    data = request_deadlines(cal, date(2025, 9, 26), explain=True).to_json()
    assert data["received"] == "2025-09-26"
    assert (data["correction_due"], data["answer_due"], data["extended_due"]) == (
        "2025-10-13",
        "2025-10-30",
        "2025-11-27",
    )
    assert data["explanation"]["answer_due"][2] == "2025-09-28 周日 第 1 个工作日：调休上班（国庆节）"
    assert data["basis"]["correction_due"] == "《政府信息公开条例》第三十条"
