"""The 表二 template a clerk fills in (CSV, XLSX, JSON) and its reader: the official rows and columns,
values taken as typed (blank stays blank, "/" stays "/", 0.35 万元 stays 0.35), and every bad cell
refused at once with the file, the row and the column named in Chinese."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from gongkai.errors import InputFileError
from gongkai.model import CellKind, Edition, Table2Column, Table2Row, form_for
from gongkai.write.table2_file import HEADER, VALUE, read_table2_file, template_rows, write_table2_template


def _csv_rows(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as fh:
        return list(csv.reader(fh))


def _write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> None:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)


@pytest.mark.parametrize("edition", list(Edition))
def test_template_has_every_official_cell(tmp_path: Path, edition: Edition) -> None:
    path = tmp_path / "t.csv"
    write_table2_template(path, edition)
    rows = _csv_rows(path)
    assert tuple(rows[0]) == HEADER
    form = form_for(edition)
    assert [(r[1], r[2]) for r in rows[1:]] == [(row.label_in(edition), col.label) for row, col in form.table2_cells]
    assert all(r[3] == "" for r in rows[1:])
    # the block title of each line is the band row of the form
    assert {r[0] for r in rows[1:]} == {b.title for b in form.table2}


def test_filled_csv_reads_as_typed(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    write_table2_template(path)
    rows = _csv_rows(path)
    for i, row in enumerate(rows[1:], start=1):
        row[3] = str(i)
    rows[1][3] = "/"
    rows[2][3] = ""
    rows[-1][3] = "0.35"
    _write_csv(path, rows)
    filled = read_table2_file(path)
    t2 = filled.table
    assert t2.edition is Edition.F2021
    assert t2.get(Table2Row.REGULATIONS, Table2Column.ISSUED).value.kind is CellKind.SLASH
    assert t2.get(Table2Row.REGULATIONS, Table2Column.REPEALED).value.kind is CellKind.BLANK
    assert t2.get(Table2Row.FEES, Table2Column.FEE_AMOUNT).number == Decimal("0.35")
    assert t2.get(Table2Row.PENALTIES, Table2Column.DECISIONS).number == 8
    assert filled.blanks == ["规章 · 本年废止件数"]


def test_gbk_csv_from_chinese_excel(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    rows = [list(HEADER)] + [[*r[:3], "1", r[4]] for r in template_rows(Edition.F2021)]
    _write_csv(path, rows, encoding="gbk")
    assert read_table2_file(path).table.get(Table2Row.LICENSING, Table2Column.DECISIONS).number == 1


def test_xlsx_template_and_numbers_typed_into_cells(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_table2_template(path)
    wb = load_workbook(path)
    ws = wb["表二"]
    assert [c.value for c in ws[1]] == list(HEADER)
    for i, row in enumerate(ws.iter_rows(min_row=2), start=1):
        row[3].value = i  # numbers, as Excel stores them
    ws.cell(row=ws.max_row, column=4).value = 0.35
    wb.save(path)
    t2 = read_table2_file(path).table
    assert t2.get(Table2Row.REGULATIONS, Table2Column.ISSUED).number == 1
    assert t2.get(Table2Row.FEES, Table2Column.FEE_AMOUNT).number == Decimal("0.35")


def test_json_template_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    write_table2_template(path, Edition.F2019)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "2019"
    for columns in data["table2"].values():
        for col in columns:
            columns[col] = 5
    data["table2"]["行政许可"]["本年增/减"] = -3
    data["table2"]["政府集中采购"]["采购总金额"] = "251000元"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    t2 = read_table2_file(path, Edition.F2019).table
    assert t2.get(Table2Row.LICENSING, Table2Column.CHANGE).number == -3
    amount = t2.get(Table2Row.PROCUREMENT, Table2Column.PROCUREMENT_AMOUNT).value
    assert amount is not None and (amount.number, amount.unit) == (251000, "元")


def test_bad_cells_are_all_named(tmp_path: Path) -> None:
    path = tmp_path / "表二.csv"
    write_table2_template(path)
    rows = _csv_rows(path)
    for row in rows[1:]:
        row[3] = "1"
    rows[1][3] = "三件"  # not a number
    rows[2][3] = "-2"  # a negative count
    rows[3][3] = "1.5"  # not a whole number
    rows[-1][3] = "3500元"  # 万元 expected
    rows.append(["", "行政复议", "本年制发件数", "1", ""])  # not a row of 表二
    del rows[5]  # 行政规范性文件 · 本年废止件数 deleted
    _write_csv(path, rows)
    with pytest.raises(InputFileError) as err:
        read_table2_file(path)
    message = str(err.value)
    assert message.startswith("《表二.csv》有 6 处无法使用")
    assert "第 2 行（规章 · 本年制发件数）：“三件”不是数字" in message
    assert "第 3 行（规章 · 本年废止件数）：“-2”是负数" in message
    assert "第 4 行（规章 · 现行有效件数）：“1.5”应为整数" in message
    assert "“3500元”的单位应为万元" in message
    assert "没有“行政复议”行的“本年制发件数”栏目" in message
    assert "缺少“行政规范性文件”的“本年废止件数”一行" in message


def test_header_and_file_problems(tmp_path: Path) -> None:
    bad_header = tmp_path / "x.csv"
    _write_csv(bad_header, [["a", "b"], ["1", "2"]])
    with pytest.raises(InputFileError, match=r"《x.csv》.*第 1 行（表头）缺少列"):
        read_table2_file(bad_header)
    with pytest.raises(InputFileError, match=r"《none.csv》.*文件不存在"):
        read_table2_file(tmp_path / "none.csv")
    with pytest.raises(InputFileError, match=r"文件类型“.txt”不支持"):
        read_table2_file(tmp_path / "t.txt")
    not_xlsx = tmp_path / "t.xlsx"
    not_xlsx.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputFileError, match=r"《t.xlsx》.*不是有效的 Excel"):
        read_table2_file(not_xlsx)
    broken_json = tmp_path / "t.json"
    broken_json.write_text("{", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"《t.json》.*JSON 格式错误"):
        read_table2_file(broken_json)


def test_duplicate_line_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(list(HEADER))
    for r in template_rows(Edition.F2021):
        ws.append([*r[:3], 1, r[4]])
    ws.append(["", "规章", "本年制发件数", 2, ""])
    wb.save(path)
    with pytest.raises(InputFileError, match=r"工作表“Sheet”第 12 行：“规章”的“本年制发件数”重复填写（另见工作表“Sheet”第 2 行）"):
        read_table2_file(path)
    assert VALUE == "数值"
