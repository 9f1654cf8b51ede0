"""``gongkai deadline DATE``: the 补正 / answer / extended-answer deadlines of a request received that day."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from gongkai.cli._app import JsonOut, app, error_line, stderr, stdout, user_errors
from gongkai.register.calendar import WorkCalendar, build_calendar, load_arrangement
from gongkai.register.deadlines import Deadline, request_deadlines

CalendarFile = Annotated[
    Path | None,
    typer.Option(
        "--calendar",
        help="补充的放假安排文件（JSON 或 CSV），用于 chinesecalendar 尚未收录的年份；也可用环境变量 GONGKAI_CALENDAR",
        show_default=False,
    ),
]
CountStartDay = Annotated[
    bool, typer.Option("--count-receipt-day", help="把收到申请当日计为第 1 个工作日（默认不计入，为第 0 日）")
]


def parse_day(text: str, what: str = "日期") -> date:
    """A date typed by a user; a clear Chinese error (exit 2) when it is not one."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        error_line(f"{what}“{text}”无效：请写成 YYYY-MM-DD，例如 2025-09-26")
        raise typer.Exit(2) from None


def calendar_from(path: Path | None, extra: WorkCalendar | None = None) -> WorkCalendar:
    """The working-day calendar: chinesecalendar plus --calendar / GONGKAI_CALENDAR arrangement files."""
    cal = extra or build_calendar()
    env = os.environ.get("GONGKAI_CALENDAR")
    for source in (Path(env) if env else None, path):
        if source is not None:
            for arrangement in load_arrangement(source):
                cal.add(arrangement)
    return cal


def _print_deadline(d: Deadline, explain: bool) -> None:
    stdout.print(d.summary())
    if explain:
        for line in d.explanation():
            stdout.print(f"  {line}")
        stdout.print("")


@app.command()
def deadline(
    received: Annotated[str, typer.Argument(help="收到申请之日（条例第三十一条），YYYY-MM-DD")],
    explain: Annotated[bool, typer.Option("--explain", help="逐日说明：哪些日子计入、哪些跳过及原因")] = False,
    json_out: JsonOut = False,
    calendar: CalendarFile = None,
    count_receipt_day: CountStartDay = False,
    db: Annotated[
        str | None,
        typer.Option("--db", help="也使用该登记簿中添加的放假安排（默认 $GONGKAI_DB，未设置则不用登记簿）",
                     show_default=False),
    ] = None,
) -> None:
    """计算依申请公开的期限：补正告知（7 个工作日）、答复（20 个工作日）、延长后答复（40 个工作日）。"""
    day = parse_day(received, "收到申请日期")
    with user_errors():
        cal = calendar_from(calendar)
        store_url = db or os.environ.get("GONGKAI_DB")
        if store_url:
            from gongkai.register.ledger import stored_arrangements
            from gongkai.store import open_store

            store = open_store(store_url)
            for arrangement in stored_arrangements(store):
                if arrangement.year not in cal.arrangements:
                    cal.add(arrangement)
            store.close()
        result = request_deadlines(cal, day, count_start_day=count_receipt_day, explain=explain or json_out)
    if json_out:
        stdout.print(json.dumps(result.to_json(), ensure_ascii=False, indent=2), markup=False)
        return
    stdout.print(f"收到申请：{day.isoformat()}（{'计入当日' if count_receipt_day else '当日为第 0 日，不计入'}）")
    for d in (result.correction, result.answer, result.extended):
        _print_deadline(d, explain)
    for warning in sorted({w for d in (result.correction, result.answer, result.extended) for w in d.warnings}):
        stderr.print(f"警告：{warning}", markup=False)
