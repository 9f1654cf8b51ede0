"""Working days (工作日) from the State Council's annual holiday arrangements.

The data come from the maintained ``chinesecalendar`` package (import name ``chinese_calendar``), which
transcribes every 国务院办公厅 放假安排 including the weekend days that are working days (调休上班).
A year the package does not cover yet (the arrangement is published each autumn for the next year) can be
added from an arrangement file (JSON or CSV, see :func:`load_arrangement`); until then days of that year
are counted Monday–Friday and every deadline touching it carries a warning (``../shared/spec/law.md`` §3.2).

Internally the working days are kept as a sorted list of ordinals, so "the n-th working day after D" is a
bisection rather than a day-by-day loop; the day-by-day walk is only done to explain a deadline.
"""

from __future__ import annotations

import csv
import io
import json
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import chinese_calendar

from gongkai.errors import RegisterError

#: chinese_calendar's holiday names (English) in Chinese, for explanations.
HOLIDAY_NAMES: dict[str, str] = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")

#: Words an arrangement file may use for a rest day and for a make-up working day.
REST_WORDS = frozenset({"放假", "休息", "休", "holiday", "rest"})
WORK_WORDS = frozenset({"上班", "调休上班", "班", "workday", "work"})


class BadCalendarFile(RegisterError):
    """An arrangement file that cannot be read; the message names the file and the line."""

    def __init__(self, name: str, reason: str) -> None:
        self.name, self.reason = name, reason
        super().__init__(f"无法读取放假安排文件《{name}》：{reason}")


@dataclass(frozen=True)
class Arrangement:
    """One year's 放假安排: the rest days and the make-up working days, each with its holiday's name."""

    year: int
    holidays: Mapping[date, str]
    workdays: Mapping[date, str]
    source: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "source": self.source,
            "放假": {d.isoformat(): n for d, n in sorted(self.holidays.items())},
            "上班": {d.isoformat(): n for d, n in sorted(self.workdays.items())},
        }


@dataclass(frozen=True)
class DayInfo:
    """Whether a day is a working day, and why, in Chinese ("周末", "春节放假", "调休上班（国庆节）")."""

    day: date
    working: bool
    reason: str
    #: where the day's status comes from: "chinesecalendar", "放假安排文件" or "按周一至周五推定"
    basis: str

    @property
    def weekday(self) -> str:
        return WEEKDAYS[self.day.weekday()]


def _package_range() -> tuple[int, int]:
    years = [d.year for d in chinese_calendar.holidays]
    return min(years), max(years)


PACKAGE_FIRST_YEAR, PACKAGE_LAST_YEAR = _package_range()
PACKAGE_VERSION: str = getattr(chinese_calendar, "__version__", "?")


def uncovered_warning(year: int) -> str:
    return (
        f"{year} 年的放假安排尚未收录（chinesecalendar {PACKAGE_VERSION} 只含 {PACKAGE_FIRST_YEAR}–"
        f"{PACKAGE_LAST_YEAR} 年）；该年暂按周一至周五计算工作日，节假日和调休上班日未计入，结果可能不准确。"
        f"国务院办公厅公布该年放假安排后，请用 `gongkai register calendar add 文件` 添加，或升级 chinesecalendar。"
    )


@dataclass
class WorkCalendar:
    """Working days from chinesecalendar plus any added arrangements (which win for the days they list)."""

    arrangements: dict[int, Arrangement] = field(default_factory=dict)
    _ordinals: list[int] = field(default_factory=list, init=False, repr=False)
    _first_year: int = field(default=0, init=False, repr=False)
    _last_year: int = field(default=-1, init=False, repr=False)
    _info: dict[date, DayInfo] = field(default_factory=dict, init=False, repr=False)

    # -- construction ----------------------------------------------------------------------------

    def add(self, arrangement: Arrangement) -> None:
        self.arrangements[arrangement.year] = arrangement
        self._ordinals, self._first_year, self._last_year = [], 0, -1
        self._info.clear()

    def covers(self, year: int) -> bool:
        return PACKAGE_FIRST_YEAR <= year <= PACKAGE_LAST_YEAR or year in self.arrangements

    # -- single days -----------------------------------------------------------------------------

    def info(self, day: date) -> DayInfo:
        cached = self._info.get(day)
        if cached is None:
            cached = self._info[day] = self._lookup(day)
        return cached

    def _lookup(self, day: date) -> DayInfo:
        arrangement = self.arrangements.get(day.year)
        if arrangement is not None:
            if day in arrangement.workdays:
                return DayInfo(day, True, f"调休上班（{arrangement.workdays[day]}）", "放假安排文件")
            if day in arrangement.holidays:
                return DayInfo(day, False, f"{arrangement.holidays[day]}放假", "放假安排文件")
            return self._plain(day, "放假安排文件")
        if not PACKAGE_FIRST_YEAR <= day.year <= PACKAGE_LAST_YEAR:
            return self._plain(day, "按周一至周五推定")
        is_holiday, name = chinese_calendar.get_holiday_detail(day)
        chinese = HOLIDAY_NAMES.get(name, name) if name else None
        if chinese and not is_holiday:
            return DayInfo(day, True, f"调休上班（{chinese}）", "chinesecalendar")
        if chinese and is_holiday:
            return DayInfo(day, False, f"{chinese}放假", "chinesecalendar")
        return self._plain(day, "chinesecalendar")

    @staticmethod
    def _plain(day: date, basis: str) -> DayInfo:
        if day.weekday() >= 5:
            return DayInfo(day, False, "周末", basis)
        return DayInfo(day, True, "工作日", basis)

    def is_working(self, day: date) -> bool:
        return self.info(day).working

    # -- counting (fast path) --------------------------------------------------------------------

    def _ensure(self, year: int) -> None:
        if self._first_year <= year <= self._last_year:
            return
        if self._last_year < 0:
            first, last = year - 1, year + 1
        else:
            first, last = min(year, self._first_year), max(year, self._last_year)
        ordinals: list[int] = []
        for y in range(first, last + 1):
            ordinals.extend(self._year_ordinals(y))
        self._ordinals, self._first_year, self._last_year = ordinals, first, last

    def _year_ordinals(self, year: int) -> list[int]:
        if year not in self.arrangements:
            return list(_plain_year_ordinals(year))
        one, day, out = timedelta(days=1), date(year, 1, 1), []
        while day.year == year:
            if self.is_working(day):
                out.append(day.toordinal())
            day += one
        return out

    def count(self, start: date, end: date) -> int:
        """Working days in the half-open interval (start, end]; 0 when end <= start."""
        if end <= start:
            return 0
        self._ensure(start.year)
        self._ensure(end.year)
        return bisect_right(self._ordinals, end.toordinal()) - bisect_right(self._ordinals, start.toordinal())

    def nth_after(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (n >= 1); ``start`` itself is never counted here."""
        if n < 1:
            raise ValueError("n must be at least 1")
        self._ensure(start.year)
        while True:
            i = bisect_right(self._ordinals, start.toordinal()) + n - 1
            if i < len(self._ordinals):
                return date.fromordinal(self._ordinals[i])
            self._ensure(self._last_year + 1)

    def years_touched(self, start: date, end: date) -> list[int]:
        return list(range(start.year, end.year + 1))

    def warnings_for(self, start: date, end: date) -> list[str]:
        return [uncovered_warning(y) for y in self.years_touched(start, end) if not self.covers(y)]


@cache
def _plain_year_ordinals(year: int) -> tuple[int, ...]:
    """Working days of a year from chinesecalendar alone (static data, so cached for all calendars)."""
    cal = WorkCalendar()
    one, day, out = timedelta(days=1), date(year, 1, 1), []
    while day.year == year:
        if cal.is_working(day):
            out.append(day.toordinal())
        day += one
    return tuple(out)


# ---------------------------------------------------------------------------------------------- files

_RANGE = re.compile(r"^\s*(\d{4}-\d{1,2}-\d{1,2})\s*(?:~|～|\.\.|至)\s*(\d{4}-\d{1,2}-\d{1,2})\s*$")


def _parse_day(text: str, name: str, where: str) -> date:
    try:
        return date.fromisoformat(_zero_pad(text.strip()))
    except ValueError:
        raise BadCalendarFile(name, f"{where}的日期“{text}”不是 YYYY-MM-DD 格式") from None


def _zero_pad(text: str) -> str:
    parts = text.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{int(parts[0]):04d}-{int(parts[1]):02d}-{int(parts[2]):02d}"
    return text


def _expand(key: str, name: str, where: str) -> list[date]:
    m = _RANGE.match(key)
    if not m:
        return [_parse_day(key, name, where)]
    first, last = _parse_day(m[1], name, where), _parse_day(m[2], name, where)
    if last < first:
        raise BadCalendarFile(name, f"{where}的日期范围“{key}”结束早于开始")
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _days(entries: Any, name: str, where: str) -> dict[date, str]:
    out: dict[date, str] = {}
    if isinstance(entries, dict):
        items: Iterable[tuple[str, str]] = ((str(k), str(v)) for k, v in entries.items())
    elif isinstance(entries, list):
        items = ((str(k), "") for k in entries)
    else:
        raise BadCalendarFile(name, f"{where}应为“日期: 节日名称”的对象或日期列表")
    for key, holiday in items:
        for day in _expand(key, name, where):
            out[day] = holiday or "节假日"
    return out


def _arrangements_from_json(text: str, name: str) -> list[Arrangement]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadCalendarFile(name, f"不是有效的 JSON（第 {exc.lineno} 行）") from None
    blocks = data if isinstance(data, list) else [data]
    out: list[Arrangement] = []
    for i, block in enumerate(blocks, 1):
        if not isinstance(block, dict) or not isinstance(block.get("year"), int):
            raise BadCalendarFile(name, f"第 {i} 个年度缺少整数字段 year")
        year = block["year"]
        holidays = _days(block.get("放假", block.get("holidays", {})), name, f"{year} 年“放假”")
        workdays = _days(block.get("上班", block.get("workdays", {})), name, f"{year} 年“上班”")
        out.append(_checked(Arrangement(year, holidays, workdays, str(block.get("source", ""))), name))
    return out


def _arrangements_from_csv(text: str, name: str) -> list[Arrangement]:
    holidays: dict[int, dict[date, str]] = {}
    workdays: dict[int, dict[date, str]] = {}
    reader = csv.reader(io.StringIO(text))
    for lineno, row in enumerate(reader, 1):
        cells = [c.strip() for c in row]
        if not cells or not any(cells) or cells[0].startswith("#") or cells[0] in ("日期", "date"):
            continue
        if len(cells) < 2:
            raise BadCalendarFile(name, f"第 {lineno} 行应为“日期,放假|上班,节日名称”")
        kind = cells[1]
        if kind not in REST_WORDS | WORK_WORDS:
            raise BadCalendarFile(name, f"第 {lineno} 行的“{kind}”既不是“放假”也不是“上班”")
        holiday = cells[2] if len(cells) > 2 and cells[2] else "节假日"
        for day in _expand(cells[0], name, f"第 {lineno} 行"):
            target = holidays if kind in REST_WORDS else workdays
            target.setdefault(day.year, {})[day] = holiday
    years = sorted(set(holidays) | set(workdays))
    if not years:
        raise BadCalendarFile(name, "文件中没有任何日期")
    return [_checked(Arrangement(y, holidays.get(y, {}), workdays.get(y, {})), name) for y in years]


def _checked(arrangement: Arrangement, name: str) -> Arrangement:
    for day in [*arrangement.holidays, *arrangement.workdays]:
        if day.year != arrangement.year:
            raise BadCalendarFile(name, f"{day.isoformat()} 不属于 {arrangement.year} 年")
    both = set(arrangement.holidays) & set(arrangement.workdays)
    if both:
        first = min(both).isoformat()
        raise BadCalendarFile(name, f"{first} 同时列为放假和上班")
    return arrangement


def parse_arrangements(text: str, name: str) -> list[Arrangement]:
    """Arrangements from the text of a JSON or CSV file (decided by the first character)."""
    stripped = text.lstrip("\ufeff").lstrip()
    if not stripped:
        raise BadCalendarFile(name, "文件为空")
    if stripped[0] in "[{":
        return _arrangements_from_json(stripped, name)
    return _arrangements_from_csv(stripped, name)


def load_arrangement(path: Path) -> list[Arrangement]:
    """Read an arrangement file. JSON: ``{"year": 2027, "source": "国办发明电〔2026〕…号",
    "放假": {"2027-01-01": "元旦", "2027-02-05~2027-02-11": "春节"}, "上班": {"2027-02-14": "春节"}}``
    (or a list of such objects); CSV: ``日期,安排,名称`` rows with 安排 = 放假 or 上班."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BadCalendarFile(path.name, f"无法打开（{exc.strerror}）") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise BadCalendarFile(path.name, "既不是 UTF-8 也不是 GB18030 编码") from None
    return parse_arrangements(text, path.name)


def build_calendar(arrangements: Iterable[Arrangement] = ()) -> WorkCalendar:
    cal = WorkCalendar()
    for arrangement in arrangements:
        cal.add(arrangement)
    return cal
