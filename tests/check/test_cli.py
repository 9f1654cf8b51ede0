"""``gongkai check`` on real reports: Chinese output grouped by rule, JSON with the same rule ids, exit
codes 0 / 1 / 2, and bad input reported in one line while the other files are still checked."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from gongkai.cli import app
from tests.check.gold import REPORTS

runner = CliRunner()
CLEAN = REPORTS / "2023-平潭综合实验区行政审批局.html"
ERRORS = REPORTS / "2023-平潭综合实验区自然资源与生态环境局.html"
WARNING_ONLY = REPORTS / "2024-湘潭县统计局.txt"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_clean_report_says_so_in_one_line() -> None:
    code, out, err = run("check", str(CLEAN))
    assert code == 0 and err == ""
    assert (
        out.strip() == "《2023-平潭综合实验区行政审批局.html》平潭综合实验区行政审批局 2023 年度：未发现问题"
    )


def test_errors_are_grouped_by_rule_with_basis_and_location() -> None:
    code, out, _ = run("check", str(ERRORS))
    assert code == 1
    assert "错误 3 项" in out
    assert "T3.BALANCE 错误 表三每列：本年新收 + 上年结转 = （七）总计 + 结转下年度（1 处）" in out
    assert "T3.ROW_TOTAL 错误" in out and "（2 处）" in out
    assert "依据：表三注（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" in out
    assert (
        "· 表三 · 商业企业列：本列勾稽关系不成立：第一项 + 第二项 = 0，第三项（七）总计 + 第四项 = 1，相差 -1"
        in out
    )
    assert "位置：第 2 个表格第" in out


def test_warnings_only_exit_zero() -> None:
    code, out, _ = run("check", str(WARNING_ONLY))
    assert code == 0
    assert "TEXT.T3_MISMATCH 警告" in out and "依申请公开的情况为零" in out


def _rule_ids_in_text(out: str) -> set[str]:
    return set(re.findall(r"^  ([A-Z0-9]+\.[A-Z0-9_]+) (?:错误|警告|提示)", out, re.MULTILINE))


def _rule_ids_in_json(doc: dict[str, Any]) -> set[str]:
    return {group["rule"] for group in doc["rules"]}


def test_text_and_json_list_the_same_rules() -> None:
    for path in (
        ERRORS,
        WARNING_ONLY,
        REPORTS / "2023-互助县统计局.txt",
        REPORTS / "2024-平潭综合实验区海坛片区管理局.html",
    ):
        _, text, _ = run("check", str(path))
        _, out, _ = run("check", "--json", str(path))
        doc = json.loads(out)
        assert _rule_ids_in_text(text) == _rule_ids_in_json(doc) != set()
        for group in doc["rules"]:
            for finding in group["findings"]:
                assert finding["rule"] == group["rule"] and finding["severity"] in ("错误", "警告", "提示")
                assert {"message", "where", "basis", "values", "cells", "sources"} <= set(finding)


def test_json_values_have_both_sides_and_the_difference() -> None:
    code, out, _ = run("check", "--json", str(ERRORS))
    assert code == 1
    doc = json.loads(out)
    assert doc["file"] == ERRORS.name and doc["counts"] == {"错误": 3, "警告": 0, "提示": 0}
    balance = next(g for g in doc["rules"] if g["rule"] == "T3.BALANCE")["findings"][0]
    assert balance["values"]["left"] == 0 and balance["values"]["right"] == 1
    assert balance["values"]["difference"] == -1
    assert ["table3", "三、(七)总计", "商业企业"] in balance["cells"]
    assert all("table" in s for s in balance["sources"])


def test_folder_with_a_bad_file_checks_the_others(tmp_path: Path) -> None:
    shutil.copy(CLEAN, tmp_path / CLEAN.name)
    shutil.copy(ERRORS, tmp_path / ERRORS.name)
    (tmp_path / "坏文件.txt").write_bytes(b"")
    code, out, err = run("check", "--jsonl", str(tmp_path))
    assert code == 2  # unreadable input outranks the 错误 found
    lines = [json.loads(line) for line in out.splitlines()]
    by_file = {d["file"]: d for d in lines}
    assert sorted(by_file) == sorted([CLEAN.name, ERRORS.name])
    assert by_file[CLEAN.name]["clean"] is True and by_file[ERRORS.name]["counts"]["错误"] == 3
    assert "错误：" in err and "《坏文件.txt》" in err and "Traceback" not in err


def test_missing_file() -> None:
    code, out, err = run("check", "不存在的报告.txt")
    assert code == 2 and out == ""
    assert err.strip() == "错误：无法读取《不存在的报告.txt》：文件不存在"


def test_year_pair_in_one_run(tmp_path: Path) -> None:
    for name in ("2023-淮安市洪泽区人民政府.pdf", "2024-淮安市洪泽区人民政府.pdf"):
        shutil.copy(REPORTS / name, tmp_path / name)
    _, out, _ = run("check", "--json", str(tmp_path))
    docs = json.loads(out)
    assert [d["year"] for d in docs] == [2023, 2024]
    assert not any(g["rule"].startswith("CROSS.") for d in docs for g in d["rules"])


def test_folder_run_ends_with_a_summary(tmp_path: Path) -> None:
    for path in (CLEAN, ERRORS, WARNING_ONLY):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "空.txt").write_bytes(b"")
    code, out, err = run("check", str(tmp_path))
    assert code == 2
    assert (
        out.strip().splitlines()[-1]
        == "共核查 3 份报告：有错误 1 份，仅有警告或提示 1 份，未发现问题 1 份；无法读取 1 份"
    )
    assert "《空.txt》" in err
