"""Benchmark of the request register: deadline computations per second, and the time to compute the
annual 表三/表四 (plus fee figures) from a register of 100,000 generated requests (target: under 5 s).

    .venv/bin/python bench/register.py [--requests 100000] [--db PATH]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from gongkai.model import Applicant, Table3Row
from gongkai.register.annual import fees_for_year, tables_for_year
from gongkai.register.calendar import WorkCalendar
from gongkai.register.deadlines import Period, Stop, deadline, request_deadlines
from gongkai.register.ledger import Register
from gongkai.register.stats import processing_stats
from gongkai.register.synthetic import generate
from gongkai.store import open_store


def bench_deadlines(seconds: float = 2.0) -> None:
    cal = WorkCalendar()
    rng = random.Random(1)
    starts = [date(2024, 1, 1) + timedelta(days=rng.randrange(3 * 365 - 60)) for _ in range(5000)]
    request_deadlines(cal, starts[0])  # warm the calendar
    for label, explain in (("无逐日说明", False), ("含逐日说明", True)):
        n, t0 = 0, time.perf_counter()
        while time.perf_counter() - t0 < seconds:
            for d in starts[:500]:
                request_deadlines(cal, d, explain=explain)  # three deadlines: 7, 20, 40 WD
            n += 500 * 3
        rate = n / (time.perf_counter() - t0)
        print(f"期限计算（{label}，补正/答复/延长各算一次）：{rate:,.0f} 个/秒")
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for d in starts[:500]:
            stops = [Stop(d + timedelta(days=3), d + timedelta(days=12), "征求第三方意见"),
                     Stop(d + timedelta(days=20), None if n % 7 == 0 else d + timedelta(days=30), "等待缴费")]
            deadline(cal, Period.ANSWER, d, "收到申请", working_days=40, stops=stops)
        n += 500
    print(f"期限计算（延长 + 两段停止计算）：{n / (time.perf_counter() - t0):,.0f} 个/秒")


def bench_annual(requests: int, db: Path) -> None:
    store = open_store(db)
    t0 = time.perf_counter()
    generate(store, requests, [2024, 2025], seed=42)
    print(f"生成 {requests:,} 件模拟申请（含事件、逐件按条例校验）：{time.perf_counter() - t0:.1f} 秒；数据库 {db}")
    for year in (2024, 2025):
        t0 = time.perf_counter()
        t3, t4 = tables_for_year(store, year)
        fees = fees_for_year(store, year)
        elapsed = time.perf_counter() - t0
        total = t3.number(Table3Row.OUTCOME_TOTAL, Applicant.TOTAL)
        new = t3.number(Table3Row.NEW_RECEIVED, Applicant.TOTAL)
        print(
            f"{year} 年表三、表四和收费数据：{elapsed:.3f} 秒（新收 {new}，办结 {total}，"
            f"表四 {sum(v for v in t4.to_json() if isinstance(v, int))}，收费通知 {fees.notices} 件）"
        )
    cal = WorkCalendar()
    t0 = time.perf_counter()
    stats = processing_stats(store, 2025, cal)
    print(f"2025 年办理时效统计：{time.perf_counter() - t0:.3f} 秒（办结 {stats.closed}，按期率 {stats.on_time_rate}）")
    t0 = time.perf_counter()
    items = Register(store, cal).due(date(2025, 12, 31), within=5)
    print(f"到期事项（2025-12-31，5 个工作日内及逾期）：{time.perf_counter() - t0:.3f} 秒，{len(items)} 项")
    store.close()
    # the whole command a clerk runs: tables from the register, sections drafted, the checker, every format
    gongkai = Path(sys.executable).with_name("gongkai")
    for formats in ("html,md,docx", "html,md,docx,pdf"):
        with tempfile.TemporaryDirectory() as out:
            t0 = time.perf_counter()
            done = subprocess.run(
                [str(gongkai), "report", "build", "--year", "2025", "--db", str(db), "-f", formats, "-o", out],
                capture_output=True,
                text=True,
                check=False,
            )
            elapsed = time.perf_counter() - t0
            state = "完成" if done.returncode == 0 else f"失败（{done.stderr.strip()[:200]}）"
            print(f"gongkai report build --year 2025 -f {formats}（10 万件登记簿，含进程启动）：{elapsed:.2f} 秒，{state}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    bench_deadlines()
    with tempfile.TemporaryDirectory() as tmp:
        bench_annual(args.requests, args.db or Path(tmp) / "bench.sqlite")


if __name__ == "__main__":
    main()
