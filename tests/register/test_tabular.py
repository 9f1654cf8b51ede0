"""Excel/CSV import and export of the register: template, row-by-row report of what was refused, one
transaction for the rest, and a round trip."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from gongkai.model import Applicant, Table3Row
from gongkai.register.annual import tables_for_year
from gongkai.register.ledger import Register
from gongkai.register.synthetic import generate
from gongkai.register.tabular import (
    HEADERS,
    BadRegisterFile,
    export_rows,
    import_file,
    write_table,
    write_template,
)
from gongkai.store import open_store


def _sheet(path: Path, rows: list[dict[str, object]]) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(list(HEADERS))
    for row in rows:
        ws.append([row.get(h) for h in HEADERS])
    book.save(path)
    return path


GOOD = {
    "申请人": "张三", "申请人类型": "自然人", "提交方式": "互联网", "提交日期": "2025-03-01",
    "收到申请日期": date(2025, 3, 3), "申请内容": "环评批复", "办结日期": "2025-03-20", "办理结果": "（一）予以公开",
}


def test_template_has_headers_lists_and_help(tmp_path: Path) -> None:
    path = tmp_path / "模板.xlsx"
    write_template(path)
    book = load_workbook(path)
    assert [c.value for c in book["依申请公开登记"][1]] == list(HEADERS)
    assert book["依申请公开登记"].data_validations.dataValidation  # drop-down lists
    options = [c.value for c in book["可选值"]["C"]][1:]
    assert options[0] == Table3Row.GRANTED.place and Table3Row.OTHER_OTHER.place in options
    assert book["填写说明"]["A2"].value == "登记编号"


def test_import_reports_bad_rows_and_imports_the_rest(register: Register, tmp_path: Path) -> None:
    rows = [
        GOOD,
        {**GOOD, "申请人": "李四", "办理结果": "（七）总计"},  # line 3: not an outcome row
        {**GOOD, "申请人": "王五", "办结日期": "2025-03-01"},  # line 4: answer before receipt
        {**GOOD, "申请人": "赵六", "提交方式": "邮寄（平信）", "收到申请日期": None},  # line 5: no confirmation day
        {**GOOD, "申请人": "钱七", "申请人类型": "法律服务机构", "办结日期": None, "办理结果": None,
         "延长日期": "2025-03-10", "延长工作日数": 25, "延长批准人": "李主任"},  # line 6: extension > 20
        {**GOOD, "申请人": "孙八", "申请人类型": "商业企业", "行政复议申请日期": "2025-04-01", "复议结果": "结果纠正",
         "复议决定日期": "2025-05-10", "行政诉讼类型": "复议后起诉", "起诉日期": "2025-05-20"},
        {**GOOD, "申请人": "周九", "收到申请日期": "2025-13-01"},  # line 8: bad date
    ]
    result = import_file(register, _sheet(tmp_path / "登记.xlsx", rows))
    assert result.rows == 7
    assert len(result.imported) == 2
    assert [p.split("：")[0] for p in result.problems] == ["第 3 行", "第 4 行", "第 5 行", "第 6 行", "第 8 行"]
    assert "不是办理结果" in result.problems[0]
    assert "早于收到申请之日" in result.problems[1]
    assert "以与申请人确认之日为收到申请之日" in result.problems[2]
    assert "合计不得超过 20 个工作日" in result.problems[3]
    assert "“收到申请日期”的“2025-13-01”不是日期" in result.problems[4]
    t3, t4 = tables_for_year(register.store, 2025)
    assert t3.number(Table3Row.GRANTED, Applicant.NATURAL_PERSON) == 1
    assert t3.number(Table3Row.GRANTED, Applicant.COMMERCIAL) == 1
    assert t4.to_json()[:5] == [0, 1, 0, 0, 1]


def test_import_twice_does_not_duplicate(register: Register, tmp_path: Path) -> None:
    path = _sheet(tmp_path / "登记.xlsx", [{**GOOD, "登记编号": "依申〔2025〕1号"}])
    assert import_file(register, path).imported == ["依申〔2025〕1号"]
    again = import_file(register, path)
    assert again.imported == [] and "已在登记簿中" in again.problems[0]
    assert len(register.requests()) == 1


def test_dry_run_writes_nothing(register: Register, tmp_path: Path) -> None:
    result = import_file(register, _sheet(tmp_path / "登记.xlsx", [GOOD]), dry_run=True)
    assert len(result.imported) == 1 and register.requests() == []


def test_missing_columns_and_bad_files(register: Register, tmp_path: Path) -> None:
    bad = tmp_path / "少列.csv"
    bad.write_text("申请人,提交方式\n张三,当面\n", encoding="utf-8")
    with pytest.raises(BadRegisterFile, match=re.escape("《少列.csv》：第 1 行缺少列：申请人类型（")):
        import_file(register, bad)
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(BadRegisterFile, match="不是有效的 Excel"):
        import_file(register, broken)
    with pytest.raises(BadRegisterFile, match=re.escape("只能导出为 .xlsx 或 .csv")):
        write_table(tmp_path / "x.txt", [])


def test_gb18030_csv(register: Register, tmp_path: Path) -> None:
    path = tmp_path / "登记.csv"
    with path.open("w", encoding="gb18030", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        writer.writerow([GOOD.get(h, "") if not isinstance(GOOD.get(h), date) else "2025-03-03" for h in HEADERS])
    assert len(import_file(register, path).imported) == 1


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_import_round_trip(tmp_path: Path, suffix: str) -> None:
    source = Register(open_store("sqlite://"))
    generate(source.store, 300, [2024, 2025], seed=11, challenge_rate=0.05)
    path = tmp_path / f"导出{suffix}"
    assert write_table(path, export_rows(source)) == 300
    target = Register(open_store("sqlite://"))
    result = import_file(target, path)
    assert result.problems == [] and len(result.imported) == 300
    for year in (2024, 2025):
        a3, a4 = tables_for_year(source.store, year)
        b3, b4 = tables_for_year(target.store, year)
        assert a3.to_json() == b3.to_json()
        assert a4.to_json() == b4.to_json()


def test_database_failure_during_import_writes_nothing(register: Register, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from gongkai.errors import StoreError

    rows = [{**GOOD, "申请人": f"申请人{i}"} for i in range(5)]
    calls = {"n": 0}
    original = Register.add_case_in

    def failing(self: Register, *args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 3:  # the third row
            raise StoreError("模拟的数据库故障")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Register, "add_case_in", failing)
    with pytest.raises(StoreError, match="模拟的数据库故障"):
        import_file(register, _sheet(tmp_path / "登记.xlsx", rows))
    assert register.requests() == []  # the two rows before the failure were rolled back too


def test_a_clerks_own_column_names_are_understood(register: Register, tmp_path: Path) -> None:
    path = tmp_path / "我的登记表.csv"
    path.write_text(
        "序号,申请人姓名,申请人类别,申请方式,申请日期,受理日期,申请公开内容,答复日期,处理结果\n"
        "1,张三,个人,信函（挂号）,2025-03-01,2025-03-04,某文件,2025-03-20,信息不存在\n"
        "2,某某律所,律所,网上申请,2025-03-02,2025-03-03,某批复,2025-03-21,部分公开\n",
        encoding="utf-8",
    )
    result = import_file(register, path)
    assert result.problems == [] and len(result.imported) == 2
    assert "列“答复日期”按“办结日期”读取" in result.notes and "列“申请人姓名”按“申请人”读取" in result.notes
    t3, _ = tables_for_year(register.store, 2025)
    assert t3.number(Table3Row.UNABLE_NOT_HELD, Applicant.NATURAL_PERSON) == 1
    assert t3.number(Table3Row.PARTLY_GRANTED, Applicant.LEGAL_SERVICE) == 1
    case = register.case(1)
    assert case.received_on == date(2025, 3, 4)  # the signature day, not the posting day


def test_export_to_a_missing_folder_is_a_clear_error(register: Register, tmp_path: Path) -> None:
    with pytest.raises(BadRegisterFile, match=re.escape("无法写入登记表《x.xlsx》")):
        write_table(tmp_path / "没有" / "x.xlsx", [])
    with pytest.raises(BadRegisterFile, match=re.escape("无法写入登记表《t.csv》")):
        write_template(tmp_path / "没有" / "t.csv")
