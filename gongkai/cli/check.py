"""``gongkai check FILE|DIR...``: each report's problems, grouped by rule, with where, both sides and
the basis; exit code 0 clean, 1 when a 错误 was found, 2 when a file could not be read."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from gongkai.cli._app import Files, JsonOut, app, error_line, stdout
from gongkai.cli._inputs import MaxSize, parse_paths
from gongkai.model import Finding, Report, Severity

JsonLines = Annotated[bool, typer.Option("--jsonl", help="每个报告输出一行 JSON（适合整个文件夹）")]

_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.NOTICE: "cyan"}
#: at most this many source locations are printed per finding (JSON has them all)
_SHOWN_SOURCES = 4


@app.command("check")
def check_command(
    files: Files, json_out: JsonOut = False, jsonl: JsonLines = False, max_size: MaxSize = 50
) -> None:
    """核查年度报告：勾稽关系、格式、正文与表格是否一致、收费与法定内容；按问题分组列出依据和位置。"""
    from gongkai.check import check_reports, has_errors
    from gongkai.check.view import findings_json

    unreadable_count = 0
    reports: list[Report] = []
    for outcome in parse_paths(files, max_size):
        if outcome.error is not None or outcome.report is None:
            error_line(str(outcome.error))
            unreadable_count += 1
            continue
        reports.append(outcome.report)
    results = check_reports(reports)
    documents: list[dict[str, Any]] = []
    for report, findings in zip(reports, results, strict=True):
        if jsonl:
            stdout.print(json.dumps(findings_json(report, findings), ensure_ascii=False), markup=False)
        elif json_out:
            documents.append(findings_json(report, findings))
        else:
            print_findings(report, findings)
    if not json_out and not jsonl and len(reports) + unreadable_count > 1:
        with_errors = sum(1 for f in results if has_errors(f))
        clean = sum(1 for f in results if not f)
        stdout.print(
            f"共核查 {len(reports)} 份报告：有错误 {with_errors} 份，仅有警告或提示 {len(reports) - with_errors - clean} 份，"
            f"未发现问题 {clean} 份" + (f"；无法读取 {unreadable_count} 份" if unreadable_count else ""),
            markup=False,
        )
    if json_out and not jsonl and documents:
        payload: Any = documents[0] if len(documents) == 1 else documents
        stdout.print(json.dumps(payload, ensure_ascii=False, indent=2), markup=False)
    if unreadable_count:
        raise typer.Exit(2)
    if any(has_errors(f) for f in results):
        raise typer.Exit(1)


def _heading(report: Report) -> str:
    who = report.agency or "机关未署名"
    year = f"{report.year} 年度" if report.year is not None else "年度不明"
    return f"《{report.name}》{who} {year}"


def print_findings(report: Report, findings: list[Finding]) -> None:
    from gongkai.check.view import counts, group_by_rule

    if not findings:
        stdout.print(f"{_heading(report)}：未发现问题", markup=False)
        return
    n = counts(findings)
    summary = "，".join(f"{s} {n[str(s)]} 项" for s in Severity if n[str(s)])
    stdout.print(f"[bold]{_heading(report)}[/bold]：{summary}", markup=True, highlight=False)
    for group in group_by_rule(findings):
        style = _STYLE[group.severity]
        stdout.print(
            f"  [{style}]{group.rule.id} {group.severity}[/{style}] {group.rule.title}（{len(group.findings)} 处）",
            markup=True,
            highlight=False,
        )
        stdout.print(f"    依据：{group.rule.basis}", markup=False)
        for f in group.findings:
            stdout.print(f"    · {f.where}：{f.message}" if f.where else f"    · {f.message}", markup=False)
            if f.severity is not group.severity:
                stdout.print(f"      （{f.severity}）", markup=False)
            if f.sources:
                places = "；".join(s.describe() for s in f.sources[:_SHOWN_SOURCES])
                more = f" 等 {len(f.sources)} 处" if len(f.sources) > _SHOWN_SOURCES else ""
                stdout.print(f"      位置：{places}{more}", markup=False)
