"""``gongkai demo``: the main job on the embedded default — read, parse and check the bundled sample reports
(or the files given) and store every report with its findings in a SQLite database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gongkai.cli._app import app, error_line, stdout, user_errors
from gongkai.cli._inputs import parse_paths
from gongkai.cli.parse import describe_format
from gongkai.model.report import Severity

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

Db = Annotated[Path, typer.Option("--db", help="SQLite 数据库文件（默认 ./gongkai-demo.sqlite）")]
Inputs = Annotated[
    list[Path] | None, typer.Argument(help="报告文件或文件夹；省略时使用随包附带的真实样例报告", show_default=False)
]


@app.command("demo")
def demo_command(files: Inputs = None, db: Db = Path("gongkai-demo.sqlite")) -> None:
    """读取、核查并入库：默认处理随包附带的样例年报，结果存入 SQLite 数据库。"""
    from gongkai.check import check_report
    from gongkai.store import open_store

    paths = files or [SAMPLES]
    failed = False
    with user_errors():
        store = open_store(db)
        try:
            for outcome in parse_paths(paths, 50):
                if outcome.report is None:
                    error_line(str(outcome.error))
                    failed = True
                    continue
                report = outcome.report
                report.findings = check_report(report)
                report_id = store.save_report(report)
                counts = {s: sum(1 for f in report.findings if f.severity is s) for s in Severity}
                stdout.print(
                    f"[{report_id}] 《{report.name}》 {report.agency or '（未署名）'} {report.year or '？'} 年 · "
                    f"{describe_format(report)} · 部分 {''.join(report.sections_present)} · "
                    f"错误 {counts[Severity.ERROR]}、警告 {counts[Severity.WARNING]}、提示 {counts[Severity.NOTICE]}",
                    markup=False,
                )
                for finding in [f for f in report.findings if f.severity is Severity.ERROR][:3]:
                    stdout.print(f"      {finding.rule} {finding.where}：{finding.message}", markup=False)
            stdout.print(f"已存入数据库《{db}》，共 {len(store.reports())} 份报告。", markup=False)
        finally:
            store.close()
    if failed:
        raise typer.Exit(2)
