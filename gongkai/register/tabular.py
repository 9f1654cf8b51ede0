"""The register as a spreadsheet: a template, import (xlsx/csv) and export, one row per request.

Import is all-or-nothing per row and one transaction for the file: every row is first turned into a
registration plus its steps and folded (so the 条例's rules apply exactly as to a clerk's steps); rows that
fail are reported with their line number and reason and left out; the rows that pass are then written in
one transaction (if the database refuses anything, nothing of the file is written). A row whose 登记编号 is
already in the register is reported, not imported twice, so a corrected file can simply be imported again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import select

from gongkai.errors import GongkaiError, InvalidStep, RegisterError
from gongkai.model import FORM_2021, Applicant, Table4Column, Table4Group
from gongkai.register.case import CaseState, Event, fold
from gongkai.register.fees import FeeMethod
from gongkai.register.ledger import NewRequest, Register, receipt_day
from gongkai.register.steps import (
    Channel,
    EventKind,
    outcome_code,
    parse_applicant,
    parse_channel,
    parse_outcome,
    parse_result,
    parse_suit_group,
)
from gongkai.store import RequestRow


class BadRegisterFile(RegisterError):
    def __init__(self, name: str, reason: str, *, verb: str = "读取") -> None:
        self.name, self.reason = name, reason
        super().__init__(f"无法{verb}登记表《{name}》：{reason}")


@dataclass(frozen=True)
class Column:
    header: str
    help: str
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("登记编号", "可留空，由系统编号；已在登记簿中的编号不会重复导入"),
    Column("申请人", "姓名或名称", True),
    Column("申请人类型", "表三的列：" + "、".join(a.label for a in Applicant if a is not Applicant.TOTAL), True),
    Column("提交方式", "、".join(c.label for c in Channel), True),
    Column("提交日期", "YYYY-MM-DD；当面提交即收到申请之日"),
    Column("收到申请日期", "条例第三十一条：邮寄为签收之日，平信、互联网、传真为确认之日；当面提交可只填提交日期"),
    Column("申请内容", "所需政府信息的名称、文号或特征描述"),
    Column("获取信息的方式", "纸质、电子邮件、电子数据等"),
    Column("告知补正日期", "YYYY-MM-DD"),
    Column("补正期限", "YYYY-MM-DD；留空则按告知后 15 个工作日"),
    Column("收到补正日期", "YYYY-MM-DD"),
    Column("征求第三方意见日期", "YYYY-MM-DD"),
    Column("收到第三方意见日期", "YYYY-MM-DD"),
    Column("征求其他机关意见日期", "YYYY-MM-DD"),
    Column("收到其他机关意见日期", "YYYY-MM-DD"),
    Column("延长日期", "告知申请人延长答复期限之日"),
    Column("延长工作日数", "最多 20"),
    Column("延长批准人", "政府信息公开工作机构负责人"),
    Column("收费通知日期", "YYYY-MM-DD"),
    Column("收费方式", " 或 ".join(m.value for m in FeeMethod)),
    Column("收费金额（元）", "整数"),
    Column("缴费日期", "YYYY-MM-DD"),
    Column("办结日期", "答复、撤回或不再处理之日"),
    Column("办理结果", "表三的办理结果行，如 （一）、（三）4、（六）1"),
    Column("行政复议申请日期", "YYYY-MM-DD"),
    Column("复议决定日期", "YYYY-MM-DD"),
    Column("复议结果", "结果维持、结果纠正、其他结果；未审结留空"),
    Column("行政诉讼类型", "未经复议直接起诉 或 复议后起诉"),
    Column("起诉日期", "YYYY-MM-DD"),
    Column("裁判日期", "YYYY-MM-DD"),
    Column("诉讼结果", "结果维持、结果纠正、其他结果；未审结留空"),
    Column("备注", ""),
)
HEADERS = tuple(c.header for c in COLUMNS)
#: Column names clerks' own registers use, read as ours (only when our own name is absent).
HEADER_ALIASES: dict[str, str] = {
    "编号": "登记编号",
    "申请编号": "登记编号",
    "申请人姓名": "申请人",
    "申请人名称": "申请人",
    "姓名或名称": "申请人",
    "申请人类别": "申请人类型",
    "申请方式": "提交方式",
    "申请渠道": "提交方式",
    "申请日期": "提交日期",
    "收到日期": "收到申请日期",
    "受理日期": "收到申请日期",
    "申请公开内容": "申请内容",
    "申请事项": "申请内容",
    "答复日期": "办结日期",
    "处理结果": "办理结果",
    "答复结果": "办理结果",
}


@dataclass
class ImportResult:
    imported: list[str] = field(default_factory=list)  # 登记编号 of the rows written
    problems: list[str] = field(default_factory=list)  # "第 n 行：reason"
    rows: int = 0
    notes: list[str] = field(default_factory=list)  # columns read under another name


# ---------------------------------------------------------------------------------------------- reading


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_rows(path: Path, notes: list[str] | None = None) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, {header: text}) for each non-empty data row of an xlsx or csv file; columns read
    under another name are added to ``notes`` ("列“答复日期”按“办结日期”读取")."""
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadRegisterFile(name, f"无法打开（{exc.strerror}）") from None
    if data[:2] == b"PK":
        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
            raise BadRegisterFile(name, f"不是有效的 Excel（xlsx）文件（{type(exc).__name__}）") from None
        sheet = book.worksheets[0]
        rows: list[list[str]] = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                raise BadRegisterFile(name, "既不是 Excel 文件，也不是 UTF-8 或 GB18030 编码的 CSV") from None
        rows = [[c.strip() for c in row] for row in csv.reader(io.StringIO(text))]
    if not rows:
        raise BadRegisterFile(name, "文件中没有任何行")
    header = [_canonical(h, rows[0]) for h in rows[0]]
    if notes is not None:
        notes.extend(f"列“{old.strip()}”按“{new}”读取" for old, new in zip(rows[0], header, strict=True)
                     if old.strip() != new)
    missing = [c.header for c in COLUMNS if c.required and c.header not in header]
    if missing:
        raise BadRegisterFile(name, f"第 1 行缺少列：{'、'.join(missing)}（请用 `gongkai register template` 生成模板）")
    index = {h: i for i, h in enumerate(header) if h}
    for lineno, row in enumerate(rows[1:], 2):
        if not any(row):
            continue
        yield lineno, {h: (row[i] if i < len(row) else "") for h, i in index.items()}


def _canonical(header: str, headers: list[str]) -> str:
    h = header.strip()
    alias = HEADER_ALIASES.get(h)
    return alias if alias is not None and alias not in headers else h


def _day(row: dict[str, str], header: str) -> date | None:
    text = row.get(header, "").strip()
    if not text:
        return None
    text = text.replace("/", "-").replace(".", "-").split(" ")[0]
    try:
        parts = [int(p) for p in text.split("-")]
        return date(parts[0], parts[1], parts[2])
    except (ValueError, IndexError):
        raise InvalidStep(f"“{header}”的“{row[header]}”不是日期（应为 YYYY-MM-DD）") from None


def _int(row: dict[str, str], header: str) -> int | None:
    text = row.get(header, "").strip()
    if not text:
        return None
    try:
        return int(float(text))
    except ValueError:
        raise InvalidStep(f"“{header}”的“{text}”不是整数") from None


def row_to_case(row: dict[str, str]) -> tuple[NewRequest, list[tuple[EventKind, date, dict[str, Any]]]]:
    """A spreadsheet row as a registration and its steps in date order (InvalidStep says what is wrong)."""
    for column in COLUMNS:
        if column.required and not row.get(column.header, "").strip():
            raise InvalidStep(f"“{column.header}”不能为空")
    channel = parse_channel(row["提交方式"])
    submitted = _day(row, "提交日期")
    received = receipt_day(channel, submitted, _day(row, "收到申请日期"))
    new = NewRequest(
        applicant_name=row["申请人"].strip(),
        applicant=parse_applicant(row["申请人类型"]),
        channel=channel,
        received_on=received,
        submitted_on=submitted,
        content=row.get("申请内容", ""),
        requested_form=row.get("获取信息的方式", ""),
        number=row.get("登记编号", "").strip() or None,
    )
    steps: list[tuple[int, EventKind, date, dict[str, Any]]] = []

    def add(order: int, kind: EventKind, on: date | None, payload: dict[str, Any]) -> None:
        if on is not None:
            steps.append((order, kind, on, payload))

    deadline = _day(row, "补正期限")
    add(1, EventKind.CORRECTION_NOTICE, _day(row, "告知补正日期"), {"deadline": deadline.isoformat()} if deadline else {})
    add(2, EventKind.CORRECTION_RECEIVED, _day(row, "收到补正日期"), {})
    add(3, EventKind.CONSULT_THIRD_PARTY, _day(row, "征求第三方意见日期"), {})
    add(4, EventKind.CONSULT_REPLY, _day(row, "收到第三方意见日期"), {"party": EventKind.CONSULT_THIRD_PARTY.code})
    add(3, EventKind.CONSULT_AGENCY, _day(row, "征求其他机关意见日期"), {})
    add(4, EventKind.CONSULT_REPLY, _day(row, "收到其他机关意见日期"), {"party": EventKind.CONSULT_AGENCY.code})
    add(5, EventKind.EXTENSION, _day(row, "延长日期"),
        {"days": _int(row, "延长工作日数") or 20, "approved_by": row.get("延长批准人", "")})
    fee: dict[str, Any] = {"method": row.get("收费方式", "") or FeeMethod.BY_VOLUME.value,
                           "amount": _int(row, "收费金额（元）") or 0}
    add(6, EventKind.FEE_NOTICE, _day(row, "收费通知日期"), fee)
    add(7, EventKind.FEE_PAID, _day(row, "缴费日期"), {})
    closed = _day(row, "办结日期")
    outcome_text = row.get("办理结果", "").strip()
    if closed is not None and not outcome_text:
        raise InvalidStep("填写了“办结日期”，但“办理结果”为空")
    if outcome_text and closed is None:
        raise InvalidStep("填写了“办理结果”，但“办结日期”为空")
    if outcome_text:
        add(8, EventKind.ANSWER, closed, {"outcome": outcome_code(parse_outcome(outcome_text)), "note": row.get("备注", "")})
    if _day(row, "行政复议申请日期"):
        add(9, EventKind.REVIEW_FILED, _day(row, "行政复议申请日期"), {})
        if row.get("复议结果", "").strip():
            add(10, EventKind.REVIEW_DECIDED, _day(row, "复议决定日期"), {"result": parse_result(row["复议结果"]).name})
    if _day(row, "起诉日期"):
        group = parse_suit_group(row.get("行政诉讼类型", "") or Table4Group.SUIT_DIRECT.label)
        add(11, EventKind.SUIT_FILED, _day(row, "起诉日期"), {"group": group.name})
        if row.get("诉讼结果", "").strip():
            add(12, EventKind.SUIT_DECIDED, _day(row, "裁判日期"), {"result": parse_result(row["诉讼结果"]).name})
    steps.sort(key=lambda s: (s[2], s[0]))
    return new, [(kind, on, payload) for _, kind, on, payload in steps]


def import_file(register: Register, path: Path, *, recorded_by: str = "", dry_run: bool = False) -> ImportResult:
    """Import a register spreadsheet (see the module docstring for what happens to bad rows)."""
    result = ImportResult()
    good: list[tuple[int, NewRequest, list[tuple[EventKind, date, dict[str, Any]]]]] = []
    seen: set[str] = set()
    with register.store.session() as s:
        existing = set(s.scalars(select(RequestRow.number)).all())
    for lineno, row in read_rows(path, result.notes):
        result.rows += 1
        try:
            new, steps = row_to_case(row)
            if new.number and (new.number in existing or new.number in seen):
                raise InvalidStep(f"登记编号“{new.number}”已在登记簿中（或本文件中重复），未重复导入")
            _check_log(register, new, steps)
        except GongkaiError as exc:
            result.problems.append(f"第 {lineno} 行：{exc}")
            continue
        if new.number:
            seen.add(new.number)
        good.append((lineno, new, steps))
    if dry_run or not good:
        result.imported = [new.number or f"第 {n} 行" for n, new, _ in good]
        return result
    with register.store.transaction() as s:
        for _lineno, new, steps in good:
            request = register.add_case_in(s, new, steps, recorded_by=recorded_by)
            result.imported.append(request.number)
    return result


def _check_log(register: Register, new: NewRequest, steps: list[tuple[EventKind, date, dict[str, Any]]]) -> CaseState:
    payload = {"applicant": new.applicant.name, "channel": new.channel.name, "applicant_name": new.applicant_name}
    log = [Event(0, EventKind.RECEIVED, new.received_on, payload)]
    log += [Event(i, kind, on, p) for i, (kind, on, p) in enumerate(steps, 1)]
    return fold(log, register.calendar)


# ---------------------------------------------------------------------------------------------- writing


def case_to_row(number: str, state: CaseState) -> list[Any]:
    """One export row in the order of COLUMNS."""
    third = next((c for c in state.consultations if c.party is EventKind.CONSULT_THIRD_PARTY), None)
    other = next((c for c in state.consultations if c.party is EventKind.CONSULT_AGENCY), None)
    ext = state.extensions[0] if state.extensions else None
    fee = state.fees[0] if state.fees else None
    review, suit = state.review, state.suit
    values: dict[str, Any] = {
        "登记编号": number,
        "申请人": state.applicant_name,
        "申请人类型": state.applicant.label,
        "提交方式": state.channel.label,
        "提交日期": state.submitted_on,
        "收到申请日期": state.received_on,
        "申请内容": state.content,
        "获取信息的方式": state.requested_form,
        "告知补正日期": state.correction_notice_on,
        "补正期限": state.correction_deadline,
        "收到补正日期": state.correction_received_on,
        "征求第三方意见日期": third.sent_on if third else None,
        "收到第三方意见日期": third.reply_on if third else None,
        "征求其他机关意见日期": other.sent_on if other else None,
        "收到其他机关意见日期": other.reply_on if other else None,
        "延长日期": ext[0] if ext else None,
        "延长工作日数": state.extension_days or None,
        "延长批准人": ext[2] if ext else None,
        "收费通知日期": fee.on if fee else None,
        "收费方式": fee.method.value if fee else None,
        "收费金额（元）": fee.amount if fee else None,
        "缴费日期": fee.paid_on if fee else None,
        "办结日期": state.closed_on,
        "办理结果": state.outcome.place if state.outcome else None,
        "行政复议申请日期": review.filed_on if review else None,
        "复议决定日期": review.decided_on if review else None,
        "复议结果": review.result.label if review and review.result else None,
        "行政诉讼类型": suit.group.label if suit else None,
        "起诉日期": suit.filed_on if suit else None,
        "裁判日期": suit.decided_on if suit else None,
        "诉讼结果": suit.result.label if suit and suit.result else None,
        "备注": state.answer_note or None,
    }
    return [values[h] for h in HEADERS]


def export_rows(register: Register) -> Iterator[list[Any]]:
    for row in register.requests():
        yield case_to_row(row.number, register.case(row.id))


def _styled_header(sheet: Any) -> None:
    sheet.append(list(HEADERS))
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for cell, column in zip(sheet[1], COLUMNS, strict=True):
        cell.font = bold
        if column.required:
            cell.fill = fill
        sheet.column_dimensions[cell.column_letter].width = max(10, len(column.header) * 2 + 2)
    sheet.freeze_panes = "A2"


def write_table(path: Path, rows: Iterator[list[Any]] | list[list[Any]]) -> int:
    """Write rows under HEADERS to .xlsx or .csv (by suffix); returns the number of rows."""
    suffix = path.suffix.lower()
    count = 0
    if suffix == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(HEADERS)
        for row in rows:
            writer.writerow(["" if v is None else (v.isoformat() if isinstance(v, date) else v) for v in row])
            count += 1
        _save(path, lambda: path.write_text(buffer.getvalue(), encoding="utf-8-sig", newline=""))
        return count
    if suffix != ".xlsx":
        raise BadRegisterFile(path.name, "只能导出为 .xlsx 或 .csv 文件", verb="写入")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "依申请公开登记"
    _styled_header(sheet)
    for row in rows:
        sheet.append(row)
        count += 1
    for col in sheet.iter_cols(min_row=2):
        for cell in col:
            if isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
    _save(path, lambda: book.save(path))
    return count


def write_template(path: Path) -> None:
    """An empty register spreadsheet with drop-down lists and a sheet explaining each column."""
    if path.suffix.lower() == ".csv":
        write_table(path, [])
        return
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "依申请公开登记"
    _styled_header(sheet)
    lists = {
        "申请人类型": [a.label for a in Applicant if a is not Applicant.TOTAL],
        "提交方式": [c.label for c in Channel],
        "办理结果": [r.place for r in FORM_2021.outcome_rows],
        "复议结果": [c.label for c in (Table4Column.UPHELD, Table4Column.CORRECTED, Table4Column.OTHER)],
        "诉讼结果": [c.label for c in (Table4Column.UPHELD, Table4Column.CORRECTED, Table4Column.OTHER)],
        "行政诉讼类型": [Table4Group.SUIT_DIRECT.label, Table4Group.SUIT_AFTER_REVIEW.label],
        "收费方式": [m.value for m in FeeMethod],
    }
    choices = book.create_sheet("可选值")
    for j, (header, values) in enumerate(lists.items(), 1):
        choices.cell(row=1, column=j, value=header)
        for i, value in enumerate(values, 2):
            choices.cell(row=i, column=j, value=value)
        letter = get_column_letter(j)
        target = get_column_letter(HEADERS.index(header) + 1)
        dv = DataValidation(type="list", formula1=f"=可选值!${letter}$2:${letter}${len(values) + 1}", allow_blank=True)
        dv.error = f"请从列表中选择{header}"
        sheet.add_data_validation(dv)
        dv.add(f"{target}2:{target}5000")
    notes = book.create_sheet("填写说明")
    notes.append(["列", "必填", "说明"])
    for column in COLUMNS:
        notes.append([column.header, "是" if column.required else "", column.help])
    notes.column_dimensions["A"].width = 22
    notes.column_dimensions["C"].width = 80
    _save(path, lambda: book.save(path))


def _save(path: Path, write: Callable[[], object]) -> None:
    try:
        write()
    except OSError as exc:
        raise BadRegisterFile(path.name, str(exc.strerror or exc), verb="写入") from None
