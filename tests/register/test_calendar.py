"""Working days from chinesecalendar, including 调休 weekend working days, and added arrangements."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest

from gongkai.register.calendar import BadCalendarFile, WorkCalendar, build_calendar, load_arrangement
from gongkai.register.deadlines import Period, deadline

#: Every weekend day of 2024–2026 that the State Council made a working day, straight from the package data.
MAKEUP_WEEKEND_DAYS = sorted(
    d for d in chinese_calendar.workdays if 2024 <= d.year <= 2026 and d.weekday() >= 5
)


def test_makeup_days_enumeration_holds_the_days_the_notices_name() -> None:
    # law.md §3.2 quotes these from the 2024 and 2025 arrangements; guards against an empty enumeration
    for day in ("2024-02-04", "2024-02-18", "2025-01-26", "2025-02-08", "2025-09-28", "2025-10-11"):
        assert date.fromisoformat(day) in MAKEUP_WEEKEND_DAYS
    assert {d.year for d in MAKEUP_WEEKEND_DAYS} == {2024, 2025, 2026}


@pytest.mark.parametrize("day", MAKEUP_WEEKEND_DAYS, ids=lambda d: d.isoformat())
def test_every_makeup_weekend_day_is_counted(day: date) -> None:
    cal = WorkCalendar()
    info = cal.info(day)
    assert info.working
    assert info.reason.startswith("调休上班（")
    # a request received the day before: the make-up day is the first working day counted
    d = deadline(cal, Period.CORRECTION_NOTICE, day - timedelta(days=1), "收到申请", explain=True)
    first_counted = next(s for s in d.steps if s.kind == "counted")
    assert first_counted.day == day and first_counted.ordinal == 1
    assert "调休上班" in first_counted.text()
    assert cal.count(day - timedelta(days=1), day) == 1


def test_holiday_names_in_chinese() -> None:
    cal = WorkCalendar()
    assert cal.info(date(2025, 1, 29)).reason == "春节放假"
    assert cal.info(date(2025, 10, 1)).reason == "国庆节放假"
    assert cal.info(date(2025, 10, 4)).reason == "国庆节放假"  # a Saturday inside the holiday
    assert cal.info(date(2025, 3, 8)).reason == "周末"
    assert cal.info(date(2025, 3, 10)).working


def test_year_not_covered_is_presumed_and_warned() -> None:
    cal = WorkCalendar()
    assert not cal.covers(2030)
    d = deadline(cal, Period.ANSWER, date(2026, 12, 20), "收到申请", explain=True)
    # hand count: Dec 21–25 (5), Dec 28–31 (9), 2027-01-01 presumed (10), Jan 4–8 (15), Jan 11–15 (20)
    assert d.due == date(2027, 1, 15)
    assert len(d.warnings) == 1 and "2027 年的放假安排尚未收录" in d.warnings[0]
    assert "calendar add" in d.warnings[0]
    assert any(s.presumed and s.day.year == 2027 for s in d.steps)
    assert "（推定）" in next(s for s in d.steps if s.day == date(2027, 1, 1)).text()


def test_added_arrangement_is_used_and_silences_the_warning(tmp_path: Path) -> None:
    path = tmp_path / "2027.json"
    path.write_text(
        json.dumps({"year": 2027, "source": "假设的安排", "放假": {"2027-01-01~2027-01-01": "元旦"}}, ensure_ascii=False),
        encoding="utf-8",
    )
    cal = build_calendar(load_arrangement(path))
    d = deadline(cal, Period.ANSWER, date(2026, 12, 20), "收到申请", explain=True)
    assert d.due == date(2027, 1, 18)  # 1 January is no longer counted
    assert d.warnings == ()
    assert next(s for s in d.steps if s.day == date(2027, 1, 1)).text() == "2027-01-01 周五 不计：元旦放假"


def test_csv_arrangement_with_makeup_saturday(tmp_path: Path) -> None:
    path = tmp_path / "2027.csv"
    path.write_text("日期,安排,名称\n2027-01-01,放假,元旦\n2027-01-02,上班,元旦\n", encoding="utf-8")
    cal = build_calendar(load_arrangement(path))
    assert cal.info(date(2027, 1, 2)).reason == "调休上班（元旦）"
    d = deadline(cal, Period.ANSWER, date(2026, 12, 20), "收到申请")
    assert d.due == date(2027, 1, 15)  # the Saturday replaces the lost Friday


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{\"year\": 2027, \"放假\": {\"2027-13-01\": \"元旦\"}}", "“2027-13-01”不是 YYYY-MM-DD 格式"),
        ("{\"放假\": {}}", "缺少整数字段 year"),
        ("{\"year\": 2027, \"放假\": {\"2026-12-31\": \"元旦\"}}", "2026-12-31 不属于 2027 年"),
        ("2027-01-01,休假,元旦\n", "第 1 行的“休假”既不是“放假”也不是“上班”"),
        ("{\"year\": 2027", "不是有效的 JSON"),
        ("", "文件为空"),
    ],
)
def test_bad_arrangement_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "安排.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BadCalendarFile) as err:
        load_arrangement(path)
    assert "《安排.json》" in str(err.value) and message in str(err.value)
