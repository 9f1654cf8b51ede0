"""表二 as a file the clerk fills in: a template with the official rows and columns (CSV, XLSX or JSON),
and the reader that turns the filled file into a ``Table2``.

表三 and 表四 come from the register; 表二 (rules issued, licences, penalties, fees) does not, so the clerk
types it. The reader takes what is typed as printed (a blank stays blank, "/" stays "/") and refuses, all
at once, every cell it cannot use, naming the file, the row and the column in Chinese.

CSV/XLSX layout, one line per cell of the form: 项目 | 信息内容 | 栏目 | 数值 | 填写说明. JSON: the gold
shape ``{行: {栏目: 值}}`` (``Table2.to_json``), values as numbers, strings or null.
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongkai.errors import InputFileError, WriteError
from gongkai.model import (
    Cell,
    CellKind,
    CellValue,
    Edition,
    Table2,
    Table2Column,
    Table2Row,
    ValueKind,
    form_for,
)
from gongkai.model.form import TABLE2_CONTENT_HEADER
from gongkai.model.labels import normalize, table2_column_variants, table2_variants
from gongkai.model.values import read_value
from gongkai.read.encoding import decode

BLOCK = "项目"
COLUMN = "栏目"
VALUE = "数值"
HINT = "填写说明"
HEADER = (BLOCK, TABLE2_CONTENT_HEADER, COLUMN, VALUE, HINT)
FORMATS = ("csv", "xlsx", "json")
HOW = "经办人填写"

HINTS: dict[ValueKind, str] = {
    ValueKind.COUNT: "不带单位的整数；不适用填 /；不知道的留空（留空不等于 0）",
    ValueKind.SIGNED_COUNT: "整数，减少用负数（如 -8）；留空不等于 0",
    ValueKind.AMOUNT_WAN: "以万元为单位的金额，可带小数（如 0.35）；留空不等于 0",
    ValueKind.AMOUNT: "金额，请注明单位（如 251000元 或 25.1万元）；留空不等于 0",
}


@dataclass
class Table2Input:
    """A filled 表二 and what the clerk should know about it (cells left blank)."""

    table: Table2
    blanks: list[str] = field(default_factory=list)


def format_of(path: str | os.PathLike[str]) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise InputFileError(Path(path).name, [f"文件类型“.{suffix}”不支持，请使用 .csv、.xlsx 或 .json"])
    return suffix


# ---------------------------------------------------------------------------------------------- template


def template_rows(edition: Edition) -> list[tuple[str, str, str, str, str]]:
    form = form_for(edition)
    rows: list[tuple[str, str, str, str, str]] = []
    for block in form.table2:
        for row in block.rows:
            for col in block.columns:
                rows.append((block.title, row.label_in(edition), col.label, "", HINTS[col.kind]))
    return rows


def write_table2_template(path: str | os.PathLike[str], edition: Edition = Edition.F2021) -> None:
    """Write an empty 表二 to fill in; the format follows the file's extension."""
    kind = format_of(path)
    try:
        if kind == "csv":
            # UTF-8 with BOM: Excel on Chinese Windows opens it without garbling
            with open(path, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(HEADER)
                writer.writerows(template_rows(edition))
        elif kind == "json":
            with open(path, "w", encoding="utf-8") as fh:
                json.dump({"format": str(edition), "table2": Table2(edition).to_json()}, fh, ensure_ascii=False, indent=2)
                fh.write("\n")
        else:
            _write_xlsx(path, edition)
    except OSError as exc:
        raise WriteError(f"无法写入《{Path(path).name}》：{exc.strerror}") from None


def _write_xlsx(path: str | os.PathLike[str], edition: Edition) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    ws = wb.create_sheet("表二", 0)
    wb.remove(wb.worksheets[1])  # the default empty sheet
    ws.append(list(HEADER))
    for row in template_rows(edition):
        ws.append(list(row))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF2A8")
    for (cell,) in ws.iter_rows(min_row=2, min_col=4, max_col=4):
        cell.fill = fill
        cell.number_format = "@"  # text: what is typed is kept as typed (0.35 stays 0.35, not 0.35000001)
    for letter, width in zip("ABCDE", (22, 18, 28, 12, 56), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    wb.save(path)


# ---------------------------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class _Typed:
    """One value as found in the file, with the place to name in a message."""

    row_label: str
    column_label: str
    text: str
    place: str  # "第 3 行" / "“规章” · “本年制发件数”"


def read_table2_file(path: str | os.PathLike[str], edition: Edition = Edition.F2021) -> Table2Input:
    """Read a filled template. Raises InputFileError listing every bad cell; nothing is half-read."""
    name = Path(path).name
    kind = format_of(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputFileError(name, ["文件不存在"]) from None
    except OSError as exc:
        raise InputFileError(name, [f"无法读取（{exc.strerror}）"]) from None
    if kind == "csv":
        typed = _csv_cells(name, data)
    elif kind == "json":
        typed = _json_cells(name, data)
    else:
        typed = _xlsx_cells(name, data)
    table = _table(name, typed, edition)
    return Table2Input(table, blank_cells(table))


def _decode(name: str, data: bytes) -> str:
    return decode(data, name).text  # BOM, UTF-8, GB18030 …, or a Chinese error naming the file


def _rows_to_cells(name: str, rows: list[list[str]], where: str) -> list[_Typed]:
    """Rows of a CSV or a sheet, the first being the header: find the columns by their header."""
    if not rows:
        raise InputFileError(name, ["文件是空的，没有表头"])
    header = [normalize(h) for h in rows[0]]
    missing = [h for h in (TABLE2_CONTENT_HEADER, COLUMN, VALUE) if normalize(h) not in header]
    if missing:
        raise InputFileError(name, [f"第 1 行（表头）缺少列“{'”“'.join(missing)}”；请使用 gongkai report table2-template 生成的模板"])
    i_row, i_col, i_val = (header.index(normalize(h)) for h in (TABLE2_CONTENT_HEADER, COLUMN, VALUE))
    out: list[_Typed] = []
    for number, row in enumerate(rows[1:], start=2):
        def get(i: int, row: list[str] = row) -> str:
            return row[i].strip() if i < len(row) else ""

        if not any(c.strip() for c in row):
            continue
        out.append(_Typed(get(i_row), get(i_col), get(i_val), f"{where}第 {number} 行"))
    return out


def _csv_cells(name: str, data: bytes) -> list[_Typed]:
    text = _decode(name, data)
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        raise InputFileError(name, [f"CSV 格式错误：{exc}"]) from None
    return _rows_to_cells(name, rows, "")


def _xlsx_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # a number typed into a general cell: 16 → "16", 0.35 → "0.35" (the shortest repr is what was typed)
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _xlsx_cells(name: str, data: bytes) -> list[_Typed]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputFileError(name, [f"不是有效的 Excel（.xlsx）文件（{type(exc).__name__}）"]) from None
    ws = wb["表二"] if "表二" in wb.sheetnames else wb.worksheets[0]
    rows = [[_xlsx_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
    wb.close()
    return _rows_to_cells(name, rows, f"工作表“{ws.title}”")


def _json_cells(name: str, data: bytes) -> list[_Typed]:
    try:
        doc = json.loads(_decode(name, data))
    except json.JSONDecodeError as exc:
        raise InputFileError(name, [f"JSON 格式错误（第 {exc.lineno} 行第 {exc.colno} 列）：{exc.msg}"]) from None
    table = doc.get("table2", doc) if isinstance(doc, dict) else None
    if not isinstance(table, dict):
        raise InputFileError(name, ["应为 {行名: {栏目: 数值}} 形式的对象"])
    out: list[_Typed] = []
    for row_label, columns in table.items():
        if row_label == "format":
            continue
        if not isinstance(columns, dict):
            out.append(_Typed(str(row_label), "", "", f"“{row_label}”"))
            continue
        for col_label, value in columns.items():
            if value is None:
                text = ""
            elif isinstance(value, bool) or not isinstance(value, int | float | str):
                text = json.dumps(value, ensure_ascii=False)
            else:
                text = _xlsx_text(value)
            out.append(_Typed(str(row_label), str(col_label), text, f"“{row_label}” · “{col_label}”"))
    return out


def _match(edition: Edition, row_label: str, col_label: str) -> tuple[Table2Row, Table2Column] | None:
    form = form_for(edition)
    rn, cn = normalize(row_label), normalize(col_label)
    for row in form.table2_rows:
        if rn in {normalize(v) for v in (row.label_in(edition), *table2_variants(row))}:
            for col in form.table2_columns(row):
                if cn in {normalize(v) for v in table2_column_variants(col)}:
                    return row, col
            return None
    return None


def _value(text: str, kind: ValueKind) -> tuple[CellValue | None, str]:
    """The typed text as a cell value, or None and the reason it cannot be one."""
    value = read_value(text)
    if value is None or value.kind is CellKind.TEXT:
        return None, f"“{text}”不是数字"
    if value.kind in (CellKind.BLANK, CellKind.SLASH, CellKind.DASH):
        return value, ""
    number = value.number
    assert number is not None
    if kind is ValueKind.COUNT or kind is ValueKind.SIGNED_COUNT:
        if not isinstance(number, int):
            return None, f"“{text}”应为整数"
        if value.unit is not None:
            return None, f"“{text}”请只填数字，不带单位"
        if kind is ValueKind.COUNT and number < 0:
            return None, f"“{text}”是负数，件数不能为负"
        return value, ""
    if number < 0:
        return None, f"“{text}”是负数，金额不能为负"
    if kind is ValueKind.AMOUNT_WAN and value.unit not in (None, "万元"):
        return None, f"“{text}”的单位应为万元（例如 3500 元填 0.35）"
    if kind is ValueKind.AMOUNT and value.unit not in (None, "元", "万元"):
        return None, f"“{text}”的单位应为元或万元"
    return value, ""


def _table(name: str, typed: list[_Typed], edition: Edition) -> Table2:
    form = form_for(edition)
    table = Table2(edition)
    problems: list[str] = []
    seen: dict[tuple[Table2Row, Table2Column], str] = {}
    for t in typed:
        key = _match(edition, t.row_label, t.column_label)
        if key is None:
            problems.append(
                f"{t.place}：表二（{edition} 年版格式）没有“{t.row_label}”行的“{t.column_label}”栏目"
            )
            continue
        if key in seen:
            problems.append(f"{t.place}：“{t.row_label}”的“{t.column_label}”重复填写（另见{seen[key]}）")
            continue
        seen[key] = t.place
        value, why = _value(t.text, key[1].kind)
        if value is None:
            problems.append(f"{t.place}（{t.row_label} · {t.column_label}）：{why}")
            continue
        table.cells[key] = Cell(value, how=HOW)
    for row, col in form.table2_cells:
        if (row, col) not in seen:
            problems.append(f"缺少“{row.label_in(edition)}”的“{col.label}”一行（请勿删除模板中的行）")
    if problems:
        raise InputFileError(name, problems)
    return table


def blank_cells(table: Table2) -> list[str]:
    """The cells left blank, as "规章 · 本年制发件数" (blank is kept blank, never 0: the clerk should know)."""
    out = []
    for row, col in table.form.table2_cells:
        cell = table.get(row, col)
        if cell.value is None or cell.value.kind is CellKind.BLANK:
            out.append(f"{row.label_in(table.edition)} · {col.label}")
    return out

