"""``gongkai register …``: the 依申请公开 request register (add, step, show, list, due, import, export,
template, doc, calendar add, generate)."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from gongkai.cli._app import JsonOut, app, error_line, stderr, stdout, user_errors
from gongkai.cli.deadline import CalendarFile, calendar_from, parse_day

register_app = typer.Typer(
    name="register",
    help="依申请公开登记簿：登记申请和办理步骤、查看时间轴和到期事项、导入导出 Excel、生成文书。",
    no_args_is_help=True,
)
app.add_typer(register_app, name="register")
calendar_app = typer.Typer(name="calendar", help="补充放假安排（chinesecalendar 尚未收录的年份）。", no_args_is_help=True)
register_app.add_typer(calendar_app, name="calendar")

Db = Annotated[
    str | None,
    typer.Option("--db", help="登记簿数据库：文件路径或 SQLAlchemy 地址（默认 $GONGKAI_DB 或 ./gongkai.sqlite）",
                 show_default=False),
]
By = Annotated[str, typer.Option("--by", help="登记人（记入时间轴）")]
RequestRef = Annotated[str, typer.Argument(help="申请的编号（登记编号或数字序号）")]


def _register(db: str | None, calendar: Path | None = None) -> Any:
    from gongkai.register.ledger import Register
    from gongkai.store import open_store

    store = open_store(db)
    return Register(store, calendar_from(calendar))


def _by(by: str) -> str:
    return by or os.environ.get("GONGKAI_USER", "") or os.environ.get("USER", "")


def _opt_day(text: str | None, what: str) -> date | None:
    return parse_day(text, what) if text else None


def _dump(data: Any) -> None:
    stdout.print(json.dumps(data, ensure_ascii=False, indent=2, default=str), markup=False)


@register_app.command("add")
def add(
    applicant: Annotated[str, typer.Option("--applicant", help="申请人姓名或名称")],
    kind: Annotated[str, typer.Option("--type", help="申请人类型（表三的列）：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他")],
    channel: Annotated[str, typer.Option("--channel", help="提交方式：当面、邮寄（签收）、邮寄（平信）、互联网、传真")],
    received: Annotated[str | None, typer.Option("--received", help="收到申请之日（条例第三十一条：签收或确认之日）", show_default=False)] = None,
    submitted: Annotated[str | None, typer.Option("--submitted", help="提交日期（当面提交时即收到申请之日）", show_default=False)] = None,
    content: Annotated[str, typer.Option("--content", help="申请公开的政府信息")] = "",
    form: Annotated[str, typer.Option("--form", help="获取信息的方式")] = "",
    number: Annotated[str | None, typer.Option("--number", help="登记编号（默认自动编号）", show_default=False)] = None,
    count_receipt_day: Annotated[bool, typer.Option("--count-receipt-day", help="收到申请当日计为第 1 个工作日")] = False,
    by: By = "",
    db: Db = None,
    calendar: CalendarFile = None,
    json_out: JsonOut = False,
) -> None:
    """登记一件政府信息公开申请。"""
    from gongkai.register.ledger import NewRequest, receipt_day
    from gongkai.register.steps import parse_applicant, parse_channel

    with user_errors():
        reg = _register(db, calendar)
        ch = parse_channel(channel)
        sub = _opt_day(submitted, "提交日期")
        day = receipt_day(ch, sub, _opt_day(received, "收到申请日期"))
        new = NewRequest(applicant, parse_applicant(kind), ch, day, sub, content, form, number,
                         count_start_day=count_receipt_day)
        rid = reg.add(new, recorded_by=_by(by))
        state = reg.case(rid)
        answer = state.answer_deadline(reg.calendar)
        notice = state.correction_notice_deadline(reg.calendar)
    if json_out:
        _dump({"id": rid, "number": state.number, "received": day.isoformat(),
               "correction_due": notice.due, "answer_due": answer.due if answer else None})
        return
    stdout.print(f"已登记申请 {state.number}（序号 {rid}）：{applicant}，{ch.label}，收到申请之日 {day.isoformat()}", markup=False)
    stdout.print(f"  {notice.summary()}", markup=False)
    if answer is not None:
        stdout.print(f"  {answer.summary()}", markup=False)
        for w in answer.warnings:
            stderr.print(f"警告：{w}", markup=False)


@register_app.command("step")
def step(
    request: RequestRef,
    kind: Annotated[str, typer.Argument(help="步骤：correction_notice 告知补正、correction_received 收到补正、correction_lapsed 逾期未补正、consult_third_party 征求第三方意见、consult_agency 征求其他机关意见、consult_reply 收到意见、extension 延长答复期限、fee_notice 收费通知、fee_paid 缴费、fee_lapsed 逾期未缴费、answer 答复、withdrawn 撤回、review_filed 申请行政复议、review_decided 复议决定、suit_filed 提起行政诉讼、suit_decided 诉讼裁判、voided 作废一条记录、amended 更正登记信息")],
    on: Annotated[str, typer.Argument(help="发生日期 YYYY-MM-DD")],
    outcome: Annotated[str | None, typer.Option("--outcome", help="答复的办理结果（表三的行，如 （一）、（三）4、（六）3）", show_default=False)] = None,
    days: Annotated[int | None, typer.Option("--days", help="延长的工作日数（合计不超过 20）", show_default=False)] = None,
    approved_by: Annotated[str | None, typer.Option("--approved-by", help="批准延长的负责人", show_default=False)] = None,
    to: Annotated[str | None, typer.Option("--to", help="征求意见的对象", show_default=False)] = None,
    items: Annotated[str | None, typer.Option("--items", help="需要补正的事项", show_default=False)] = None,
    until: Annotated[str | None, typer.Option("--deadline", help="补正期限 YYYY-MM-DD（默认告知后 15 个工作日）", show_default=False)] = None,
    method: Annotated[str | None, typer.Option("--method", help="收费方式：按件 或 按量", show_default=False)] = None,
    pages: Annotated[int | None, typer.Option("--pages", help="按量计收的页数", show_default=False)] = None,
    pieces: Annotated[int | None, typer.Option("--pieces", help="按件计收时本申请拆分的件数", show_default=False)] = None,
    amount: Annotated[int | None, typer.Option("--amount", help="金额（元）；收费通知留空则按标准计算", show_default=False)] = None,
    result: Annotated[str | None, typer.Option("--result", help="复议或诉讼结果：结果维持、结果纠正、其他结果", show_default=False)] = None,
    group: Annotated[str | None, typer.Option("--suit", help="诉讼类型：未经复议直接起诉、复议后起诉", show_default=False)] = None,
    target: Annotated[int | None, typer.Option("--target", help="要作废的时间轴记录编号", show_default=False)] = None,
    note: Annotated[str | None, typer.Option("--note", help="备注、理由", show_default=False)] = None,
    applicant_type: Annotated[str | None, typer.Option("--type", help="更正申请人类型", show_default=False)] = None,
    by: By = "",
    db: Db = None,
    calendar: CalendarFile = None,
    json_out: JsonOut = False,
) -> None:
    """登记一个办理步骤（不符合条例或当前状态的步骤会被拒绝并说明原因）。"""
    from gongkai.register.steps import EventKind, parse_applicant, parse_suit_group

    day = parse_day(on, "步骤日期")
    with user_errors():
        ek = EventKind.from_code(kind)
        payload: dict[str, Any] = {}
        simple = {"outcome": outcome, "days": days, "approved_by": approved_by, "to": to, "items": items,
                  "method": method, "pages": pages, "pieces": pieces, "amount": amount, "result": result,
                  "target": target, "note": note, "reason": note}
        payload.update({k: v for k, v in simple.items() if v is not None})
        if until:
            payload["deadline"] = parse_day(until, "补正期限").isoformat()
        if group:
            payload["group"] = parse_suit_group(group).name
        if applicant_type:
            payload["applicant"] = parse_applicant(applicant_type).name
        reg = _register(db, calendar)
        state = reg.step(request, ek, day, payload, recorded_by=_by(by))
        answer = None if state.closed else state.answer_deadline(reg.calendar)
    if json_out:
        _dump({"request": request, "step": ek.code, "state": state.state.value,
               "outcome": state.outcome.key if state.outcome else None,
               "answer_due": answer.due if answer else None, "warnings": state.warnings})
        return
    stdout.print(f"已登记：{ek.title}（{day.isoformat()}）；当前状态：{state.state.value}", markup=False)
    if state.outcome is not None:
        stdout.print(f"  办理结果：表三 {state.outcome.place}", markup=False)
    if answer is not None:
        stdout.print(f"  {answer.summary()}", markup=False)
    for w in state.warnings:
        stderr.print(f"警告：{w}", markup=False)


@register_app.command("show")
def show(
    request: RequestRef,
    explain: Annotated[bool, typer.Option("--explain", help="逐日说明答复期限")] = False,
    db: Db = None,
    calendar: CalendarFile = None,
    json_out: JsonOut = False,
) -> None:
    """显示一件申请：登记信息、时间轴（含作废记录）和当前期限。"""
    with user_errors():
        reg = _register(db, calendar)
        state = reg.case(request)
        timeline = reg.timeline(request)
        answer = None if state.closed else state.answer_deadline(reg.calendar, explain=explain or json_out)
    if json_out:
        _dump({
            "number": state.number, "applicant": state.applicant_name, "applicant_type": state.applicant.label,
            "channel": state.channel.label, "received": state.received_on, "content": state.content,
            "state": state.state.value, "outcome": state.outcome.key if state.outcome else None,
            "closed_on": state.closed_on, "answer_deadline": answer.to_json() if answer else None,
            "warnings": state.warnings,
            "timeline": [
                {"id": t.event.id, "kind": t.event.kind.code, "title": t.event.kind.title, "date": t.event.on,
                 "payload": t.event.payload, "recorded_at": t.recorded_at.isoformat(timespec="seconds"),
                 "recorded_by": t.event.recorded_by, "voided_by": t.voided_by}
                for t in timeline
            ],
        })
        return
    stdout.print(f"申请 {state.number}：{state.applicant_name}（{state.applicant.label}），{state.channel.label}，"
                 f"收到申请之日 {state.received_on.isoformat()}", markup=False)
    if state.content:
        stdout.print(f"  申请内容：{state.content}", markup=False)
    stdout.print(f"  状态：{state.state.value}" + (f"（表三 {state.outcome.place}，{state.closed_on}）" if state.outcome else ""),
                 markup=False)
    stdout.print("时间轴：", markup=False)
    for t in timeline:
        ev = t.event
        details = "，".join(f"{k}={v}" for k, v in ev.payload.items() if v not in (None, "", [], False)
                           and k not in ("calculation",))
        mark = f"  〔已由 #{t.voided_by} 作废〕" if t.voided_by else ""
        stdout.print(f"  #{ev.id} {ev.on.isoformat()} {ev.kind.title}{('：' + details) if details and ev.kind.code != 'received' else ''}"
                     f"（{t.recorded_at:%Y-%m-%d %H:%M} {ev.recorded_by or '未署名'} 登记）{mark}", markup=False)
    if answer is not None:
        stdout.print(answer.summary(), markup=False)
        used = state.elapsed(reg.calendar, date.today())
        if used is not None and answer.due is not None and date.today() <= answer.due:
            stdout.print(f"  截至今天已用 {used} 个工作日（{state.clock_event}后，停止计算的日子不计）", markup=False)
        if explain:
            for line in answer.explanation():
                stdout.print(f"  {line}", markup=False)
    for w in state.warnings:
        stderr.print(f"警告：{w}", markup=False)


@register_app.command("list")
def list_requests(
    year: Annotated[int | None, typer.Option("--year", help="只列该年收到的申请", show_default=False)] = None,
    state: Annotated[str | None, typer.Option("--state", help="只列该状态：办理中、等待补正、征求意见中、等待缴费、已办结", show_default=False)] = None,
    db: Db = None,
    json_out: JsonOut = False,
) -> None:
    """列出登记簿中的申请。"""
    from gongkai.model import Table3Row

    with user_errors():
        reg = _register(db)
        rows = reg.requests(year=year, state=state)
    data = [
        {"id": r.id, "number": r.number, "applicant": r.applicant.name, "received": r.received_on, "state": r.state,
         "outcome": Table3Row[r.outcome].place if r.outcome else None, "closed_on": r.closed_on, "answer_due": r.answer_due}
        for r in rows
    ]
    if json_out:
        _dump(data)
        return
    for d in data:
        tail = f"办结 {d['closed_on']} {d['outcome']}" if d["outcome"] else f"答复期限 {d['answer_due'] or '（计时中止）'}"
        stdout.print(f"{d['number']}  {d['received']}  {d['applicant']}  {d['state']}  {tail}", markup=False)
    stdout.print(f"共 {len(data)} 件", markup=False)


@register_app.command("due")
def due(
    today: Annotated[str | None, typer.Option("--today", help="以该日为今天（默认今天）", show_default=False)] = None,
    within: Annotated[int, typer.Option("--within", help="列出多少个工作日内到期的事项")] = 5,
    db: Db = None,
    calendar: CalendarFile = None,
    json_out: JsonOut = False,
) -> None:
    """列出即将到期和已经逾期的事项（按工作日计）。"""
    day = _opt_day(today, "今天的日期") or date.today()
    with user_errors():
        reg = _register(db, calendar)
        items = reg.due(day, within=within)
    if json_out:
        _dump([{"id": i.request_id, "number": i.number, "applicant": i.applicant_name, "what": i.what,
                "due": i.due, "working_days_left": i.working_days_left, "overdue": i.overdue, "basis": i.basis,
                "presumed": i.presumed}
               for i in items])
        return
    from gongkai.register.calendar import uncovered_warning

    spanned = {y for i in items if i.presumed for y in range(min(day, i.due).year, max(day, i.due).year + 1)}
    for year in sorted(y for y in spanned if not reg.calendar.covers(y)):
        stderr.print(f"警告：{uncovered_warning(year)}", markup=False)
    overdue = [i for i in items if i.overdue]
    soon = [i for i in items if not i.overdue]
    stdout.print(f"已逾期（{len(overdue)} 项）：", markup=False)
    for i in overdue:
        note = "（推定）" if i.presumed else ""
        stdout.print(
            f"  {i.number} {i.applicant_name}：{i.what} {i.due.isoformat()}{note}，已逾期 {-i.working_days_left} 个工作日",
            markup=False,
        )
    stdout.print(f"{within} 个工作日内到期（{len(soon)} 项）：", markup=False)
    for i in soon:
        left = "今天到期" if i.working_days_left == 0 else f"还剩 {i.working_days_left} 个工作日"
        note = "（推定）" if i.presumed else ""
        stdout.print(f"  {i.number} {i.applicant_name}：{i.what} {i.due.isoformat()}{note}，{left}", markup=False)


@register_app.command("stats")
def stats(
    year: Annotated[int, typer.Option("--year", help="统计年度")],
    db: Db = None,
    calendar: CalendarFile = None,
    json_out: JsonOut = False,
) -> None:
    """办理时效统计（表格以外的补充）：按期办结率、办理用时、年底在办和逾期件数。"""
    from gongkai.register.stats import processing_stats

    with user_errors():
        reg = _register(db, calendar)
        result = processing_stats(reg.store, year, reg.calendar)
    if json_out:
        _dump(result.to_json())
        return
    for line in result.lines():
        stdout.print(line, markup=False)


@register_app.command("template")
def template(out: Annotated[Path, typer.Argument(help="模板文件（.xlsx 或 .csv）")] = Path("依申请公开登记模板.xlsx")) -> None:
    """生成登记表模板（含下拉选项和填写说明），填好后可用 register import 导入。"""
    from gongkai.register.tabular import write_template

    with user_errors():
        write_template(out)
    stdout.print(f"已生成模板《{out}》", markup=False)


@register_app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="登记表（.xlsx 或 .csv，列见 register template）")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只检查，不写入")] = False,
    by: By = "",
    db: Db = None,
    calendar: CalendarFile = None,
    json_out: JsonOut = False,
) -> None:
    """导入 Excel/CSV 登记表：逐行检查，不能导入的行说明原因；其余各行在一个事务中写入。"""
    from gongkai.register.tabular import import_file

    with user_errors():
        reg = _register(db, calendar)
        result = import_file(reg, file, recorded_by=_by(by), dry_run=dry_run)
    if json_out:
        _dump({"rows": result.rows, "imported": result.imported, "problems": result.problems, "notes": result.notes,
               "dry_run": dry_run})
    else:
        for note in result.notes:
            stderr.print(f"提示：{note}", markup=False)
        verb = "可导入" if dry_run else "已导入"
        stdout.print(f"《{file.name}》共 {result.rows} 行：{verb} {len(result.imported)} 行，未导入 {len(result.problems)} 行。", markup=False)
        for p in result.problems:
            error_line(p)
    if result.problems:
        raise typer.Exit(1)


@register_app.command("export")
def export(
    out: Annotated[Path, typer.Argument(help="导出文件（.xlsx 或 .csv）")],
    db: Db = None,
    calendar: CalendarFile = None,
) -> None:
    """导出整个登记簿（每件申请一行，列与模板相同，可再导入）。"""
    from gongkai.register.tabular import export_rows, write_table

    with user_errors():
        reg = _register(db, calendar)
        n = write_table(out, export_rows(reg))
    stdout.print(f"已导出 {n} 件申请到《{out}》", markup=False)


@register_app.command("doc")
def doc(
    request: RequestRef,
    kind: Annotated[str, typer.Argument(help="文书：receipt 受理回执、correction 补正告知书、extension 延期答复告知书、consult-third-party 征求第三方意见书、consult-agency 征求其他机关意见书、fee 收费通知书、answer 答复书")],
    fmt: Annotated[str, typer.Option("--format", help="docx、pdf 或 html")] = "docx",
    out: Annotated[Path | None, typer.Option("-o", "--output", help="输出文件", show_default=False)] = None,
    agency: Annotated[str, typer.Option("--agency", help="行政机关名称（默认 $GONGKAI_AGENCY）")] = "",
    db: Db = None,
    calendar: CalendarFile = None,
) -> None:
    """由案件数据生成文书（DOCX 或 PDF）。"""
    from gongkai.register.documents import DocumentKind, build_letter, write_letter

    with user_errors():
        dk = DocumentKind.from_code(kind)
        reg = _register(db, calendar)
        state = reg.case(request)
        letter = build_letter(state, dk, reg.calendar, agency=agency or os.environ.get("GONGKAI_AGENCY", ""))
        target = out or Path(f"{state.number}-{dk.title}.{fmt}")
        write_letter(letter, target, fmt)
    stdout.print(f"已生成《{letter.title}》：{target}", markup=False)


@register_app.command("generate")
def generate_cmd(
    n: Annotated[int, typer.Argument(help="申请件数")],
    years: Annotated[str, typer.Option("--years", help="年份，逗号分隔，如 2024,2025")],
    seed: Annotated[int, typer.Option("--seed", help="随机种子")] = 0,
    db: Db = None,
) -> None:
    """生成模拟登记数据（用于演示和测试；每种办理结果都会出现）。"""
    from gongkai.register.synthetic import generate

    try:
        year_list = [int(y) for y in years.split(",") if y.strip()]
    except ValueError:
        error_line(f"年份“{years}”无效：请写成 2024,2025")
        raise typer.Exit(2) from None
    with user_errors():
        reg = _register(db)
        count = generate(reg.store, n, year_list, seed, calendar=reg.calendar)
    stdout.print(f"已生成 {count} 件模拟申请（{years}）", markup=False)


@calendar_app.command("add")
def calendar_add(
    file: Annotated[Path, typer.Argument(help="放假安排文件：JSON（year、放假、上班）或 CSV（日期,放假|上班,名称）")],
    db: Db = None,
) -> None:
    """把某年的放假安排存入登记簿，此后计算期限时使用。"""
    from gongkai.register.calendar import load_arrangement

    with user_errors():
        arrangements = load_arrangement(file)
        reg = _register(db)
        n = reg.add_arrangements(arrangements, source=file.name)
    years = "、".join(str(a.year) for a in arrangements)
    stdout.print(f"已添加 {years} 年的放假安排（{n} 天）", markup=False)
