"""``gongkai parse FILE|DIR...``: each report's identity, form, sections and the three tables as printed."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.table import Table

from gongkai.cli._app import Files, JsonOut, app, error_line, stderr, stdout
from gongkai.cli._inputs import MaxSize, parse_paths
from gongkai.model.form import (
    LEGACY,
    TABLE4_CELLS,
    Applicant,
    Edition,
    Section,
    Table4Group,
    expected_edition,
)
from gongkai.model.report import Cell, Report

JsonLines = Annotated[bool, typer.Option("--jsonl", help="每个报告输出一行 JSON（适合整个文件夹）")]
Provenance = Annotated[bool, typer.Option("--provenance/--no-provenance", help="JSON 中包含每个单元格的来源位置")]
Strict = Annotated[bool, typer.Option("--strict", help="有无法确定的单元格时按错误处理（退出码 2）")]


@app.command("parse")
def parse_command(
    files: Files,
    json_out: JsonOut = False,
    jsonl: JsonLines = False,
    provenance: Provenance = True,
    strict: Strict = False,
    max_size: MaxSize = 50,
) -> None:
    """读取年度报告：机关、年度、格式、六个部分和三张统计表（数值与原文一致）。"""
    failed = False
    documents: list[dict[str, Any]] = []
    for outcome in parse_paths(files, max_size):
        if outcome.error is not None or outcome.report is None:
            error_line(str(outcome.error))
            failed = True
            continue
        report = outcome.report
        if strict and report.uncertain_cells:
            error_line(f"《{report.name}》有 {len(report.uncertain_cells)} 个单元格无法确定（--strict）")
            failed = True
        if jsonl:
            stdout.print(json.dumps(report.to_json(provenance=provenance), ensure_ascii=False), markup=False)
        elif json_out:
            documents.append(report.to_json(provenance=provenance))
        else:
            print_report(report)
    if json_out and not jsonl:
        payload: Any = documents[0] if len(documents) == 1 else documents
        stdout.print(json.dumps(payload, ensure_ascii=False, indent=2), markup=False)
    if failed:
        raise typer.Exit(2)


def describe_format(report: Report) -> str:
    """The form in words: 2021 / 2019 / hybrid / legacy / none."""
    if report.format == LEGACY:
        return "2019 年以前的旧式报告（无统一统计表）"
    if report.format is None:
        return "未找到统计表"
    t2 = report.table2.edition if report.table2 else None
    t3 = report.table3.edition if report.table3 else None
    editions = {e for e in (t2, t3) if e is not None}
    if len(editions) > 1:
        return f"混合格式：表二为 {t2} 年格式，表三为 {t3} 年格式（表三“（六）其他处理”{'只有一行' if t3 is Edition.F2019 else '分三行'}）"
    edition = Edition(report.format)
    text = f"{edition} 年格式（{edition.notice}）"
    expected = expected_edition(report.year)
    if expected is not None and expected is not edition:
        text += f"，但 {report.year} 年度报告应使用 {expected} 年格式"
    return text


def _cell_text(cell: Cell) -> str:
    if cell.uncertain:
        return "？"
    if cell.value is None:
        return ""
    return cell.value.raw  # exactly as printed: "+12", "3,985,758", "2367.4314万元", "—"


def print_report(report: Report) -> None:
    stdout.print(f"[bold]《{report.name}》[/bold]")
    stdout.print(f"  标题：{report.title or '（未找到）'}", markup=False)
    stdout.print(f"  机关：{report.agency or '（正文未写明）'}（来源：{report.agency_source}）", markup=False)
    stdout.print(f"  年度：{report.year or '（未找到）'}（来源：{report.year_source or '—'}）", markup=False)
    stdout.print(f"  格式：{describe_format(report)}", markup=False)
    present = "、".join(s.numeral for s in Section if s in report.sections) or "无"
    missing = "、".join(s.numeral for s in Section if s not in report.sections)
    stdout.print(f"  六个部分：有 {present}" + (f"；缺 {missing}" if missing else ""), markup=False)
    if report.table2 is not None:
        t2 = report.table2
        table = Table(title="表二 主动公开政府信息情况", show_lines=False)
        table.add_column("信息内容")
        table.add_column("栏目")
        table.add_column("数值", justify="right")
        for row in t2.form.table2_rows:
            for col in t2.form.table2_columns(row):
                table.add_row(row.label_in(t2.edition), col.label, _cell_text(t2.get(row, col)))
        stdout.print(table)
    if report.table3 is not None:
        t3 = report.table3
        table = Table(title=f"表三 收到和处理政府信息公开申请情况（{t3.edition} 年格式）")
        table.add_column("", no_wrap=True)
        for a in Applicant:
            table.add_column(a.label, justify="right")
        for row3 in t3.rows:
            place = f"{row3.group.label[:3]}{row3.label}" if row3.group else row3.short_label
            table.add_row(place, *(_cell_text(t3.get(row3, a)) for a in Applicant))
        stdout.print(table)
    if report.table4 is not None:
        table = Table(title="表四 政府信息公开行政复议、行政诉讼情况")
        table.add_column("")
        for col4 in (c for _, c in TABLE4_CELLS[:5]):
            table.add_column(col4.label, justify="right")
        for group in Table4Group:
            table.add_row(group.place, *(_cell_text(report.table4.get(group, c)) for _, c in TABLE4_CELLS[:5]))
        stdout.print(table)
    uncertain = report.uncertain_cells
    if uncertain:
        stderr.print(f"  无法确定的单元格 {len(uncertain)} 个（表中以“？”标出）：", markup=False)
        for item in uncertain[:20]:
            stderr.print(f"    {' · '.join(item['cell'])}：{item['reason']}", markup=False)
        if len(uncertain) > 20:
            stderr.print(f"    ……另有 {len(uncertain) - 20} 个", markup=False)
    for note in report.notes:
        stderr.print(f"  注意：{note}", markup=False)
    stdout.print()


__all__ = ["describe_format", "parse_command", "print_report"]
