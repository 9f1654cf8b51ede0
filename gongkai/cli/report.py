"""``gongkai report``: write the annual report. ``build`` computes 表三/表四 from the register, takes 表二
from the clerk's template file, drafts the six sections and writes HTML/DOCX/PDF/Markdown;
``table2-template`` writes the 表二 template; ``render`` writes the documents again from a report JSON
(after the 【待填写：…】 parts were completed)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer

from gongkai.cli._app import app, stderr, stdout, user_errors
from gongkai.errors import StoreError
from gongkai.model import Edition, Report, Table2, expected_edition

report_app = typer.Typer(
    help="编写年度报告：由登记簿生成表三、表四，填入表二，起草六个部分，输出 HTML、Word、PDF、Markdown。",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(report_app, name="report")

Formats = Annotated[
    str, typer.Option("--format", "-f", help="输出格式，逗号分隔：html,docx,pdf,md（另可加 json：可编辑后 render）")
]
OutDir = Annotated[Path, typer.Option("--output", "-o", help="输出文件夹（不存在则创建）")]
EditionOpt = Annotated[
    str | None, typer.Option("--edition", help="报告格式版本：2021（国办公开办函〔2021〕30号）或 2019；默认按年度")
]


def _edition(text: str | None, year: int | None) -> Edition:
    if text is None:
        return expected_edition(year) or Edition.F2021
    try:
        return Edition(text.strip())
    except ValueError:
        stderr.print(f"错误：格式版本“{text}”无效，只能是 2021 或 2019", markup=False)
        raise typer.Exit(2) from None


def _summary(report: Report, paths: list[Path]) -> None:
    from gongkai.check import check_report
    from gongkai.model import Severity
    from gongkai.write import todos

    for path in paths:
        stdout.print(f"已写出《{path}》", markup=False)
    marks = sum(len(todos(report.section_text(s))) for s in report.sections) + len(todos(report.preamble))
    if marks:
        stderr.print(f"提示：报告中有 {marks} 处【待填写：…】需要经办人补写后再发布。", markup=False)
    findings = check_report(report)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    warnings = [f for f in findings if f.severity is Severity.WARNING]
    if errors or warnings:
        stderr.print(f"核查：错误 {len(errors)} 项，警告 {len(warnings)} 项（gongkai check 文件 可看详情）", markup=False)
        for f in [*errors, *warnings][:10]:
            stderr.print(f"  · {f.severity} {f.where}：{f.message}", markup=False)
    else:
        stderr.print("核查：未发现错误或警告。", markup=False)


@report_app.command("build")
def build_command(
    year: Annotated[int, typer.Option("--year", help="报告年度，如 2025", min=2008, max=2100)],
    db: Annotated[
        str | None, typer.Option("--db", help="登记簿数据库：文件路径或 SQLAlchemy 地址（默认 $GONGKAI_DB 或 ./gongkai.sqlite）")
    ] = None,
    table2: Annotated[
        Path | None, typer.Option("--table2", help="经办人填写的表二文件（csv/xlsx/json，见 table2-template）")
    ] = None,
    agency: Annotated[str | None, typer.Option("--agency", help="机关名称，用于标题和正文")] = None,
    formats: Formats = "html,docx,pdf,md",
    output: OutDir = Path("."),
    edition: EditionOpt = None,
) -> None:
    """由登记簿生成某年度的政府信息公开工作年度报告。"""
    from gongkai.register import fees_for_year, tables_for_year
    from gongkai.store import default_url, open_store
    from gongkai.write import FeeFigures, draft_report, parse_formats, write_report
    from gongkai.write.table2_file import read_table2_file

    form_edition = _edition(edition, year)
    with user_errors():
        chosen = parse_formats(formats)
        target = db if db is not None else default_url()
        if "://" not in target and not Path(target).exists():
            raise StoreError(f"登记簿数据库《{target}》不存在；请用 --db 指定，或先用 gongkai register 登记申请")
        if table2 is not None:
            filled = read_table2_file(table2, form_edition)
            t2, blanks = filled.table, filled.blanks
        else:
            t2, blanks = Table2(form_edition), []
        store = open_store(target)
        try:
            t3, t4 = tables_for_year(store, year, form_edition)
            fee = fees_for_year(store, year)
        finally:
            store.close()
        fees = FeeFigures(fee.notices, Decimal(fee.amount_notified), fee.payments, Decimal(fee.amount_collected))
        report = draft_report(year=year, agency=agency, table2=t2, table3=t3, table4=t4, fees=fees)
        paths = write_report(report, output, chosen)
    if table2 is None:
        stderr.print(
            "提示：未提供 --table2，表二留空；请用 gongkai report table2-template -o 表二.xlsx 生成模板，填写后重新生成。",
            markup=False,
        )
    elif blanks:
        stderr.print(f"提示：表二有 {len(blanks)} 格留空（留空不等于 0）：{'、'.join(blanks)}", markup=False)
    _summary(report, paths)


@report_app.command("table2-template")
def table2_template_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="模板文件：.xlsx、.csv 或 .json")],
    edition: EditionOpt = None,
    year: Annotated[int | None, typer.Option("--year", help="报告年度（用于选择格式版本）")] = None,
) -> None:
    """生成表二（主动公开政府信息情况）填写模板：官方的行与栏目，经办人填写“数值”一列。"""
    from gongkai.write.table2_file import write_table2_template

    with user_errors():
        write_table2_template(output, _edition(edition, year))
    stdout.print(f"已写出表二模板《{output}》；填写“数值”一列后用 gongkai report build --table2 {output.name} 生成报告。", markup=False)


@report_app.command("render")
def render_command(
    source: Annotated[Path, typer.Argument(help="报告 JSON（gongkai report build -f json 写出，可编辑其中文字）")],
    formats: Formats = "html,docx,pdf,md",
    output: OutDir = Path("."),
) -> None:
    """把报告 JSON 输出为 HTML、Word、PDF 或 Markdown。"""
    from gongkai.write import parse_formats, read_report_json, write_report

    with user_errors():
        chosen = parse_formats(formats)
        report = read_report_json(source)
        paths = write_report(report, output, chosen)
    if not report.sections:
        stderr.print("提示：JSON 中没有各部分的文字（sections），只输出了标题、六个部分的标题和表格。", markup=False)
    _summary(report, paths)
