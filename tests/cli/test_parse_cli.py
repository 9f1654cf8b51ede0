"""``gongkai parse`` on real reports and on bad input: one Chinese error line naming the file, a non-zero
exit code, no traceback, and the other files of a folder still parsed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongkai.cli import app
from tests.conftest import CORPUS

runner = CliRunner()
REPORT = CORPUS / "reports" / "2024-湘潭县统计局.txt"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_parse_prints_the_report() -> None:
    code, out, _ = run("parse", str(REPORT))
    assert code == 0
    assert "湘潭县统计局" in out and "2024" in out and "2021 年格式" in out
    assert "表三" in out and "六个部分：有 一、二、三、四、五、六" in out


def test_parse_json_has_the_gold_shape() -> None:
    code, out, err = run("parse", "--json", str(REPORT))
    assert code == 0 and err == ""
    data = json.loads(out)
    for key in ("agency", "year", "format", "table_formats", "sections_present", "table2", "table3", "table4", "uncertain_cells", "provenance"):
        assert key in data
    assert data["table3"]["一、本年新收政府信息公开申请数量"] == [1, 0, 0, 0, 0, 0, 1]


def test_hybrid_form_is_named() -> None:
    pdf = CORPUS / "reports" / "2023-淮安市洪泽区人民政府.pdf"
    code, out, _ = run("parse", str(pdf))
    assert code == 0
    assert "混合格式：表二为 2021 年格式，表三为 2019 年格式" in out
    wrong_year = run("parse", str(CORPUS / "reports" / "2023-互助县统计局.txt"))[1]
    assert "2019 年格式（国办公开办函〔2019〕60号），但 2023 年度报告应使用 2021 年格式" in wrong_year


def _bad_files(tmp: Path) -> dict[str, tuple[Path, str]]:
    files: dict[str, tuple[Path, str]] = {}

    def make(name: str, data: bytes, expect: str) -> None:
        path = tmp / name
        path.write_bytes(data)
        files[name] = (path, expect)

    make("空文件.txt", b"", "文件为空")
    make("二进制.txt", bytes(range(256)) * 20, "二进制文件")
    make("图片.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "图片文件")
    make("不是报告.txt", "今天天气很好，我们去公园散步。\n晚上吃饺子。\n".encode(), "不是政府信息公开工作年度报告")
    make(
        "没有表格.txt",
        "某局2024年政府信息公开工作年度报告\n一、总体情况\n本年度工作正常。\n二、主动公开政府信息情况\n见网站。\n".encode(),
        "没有找到统计表",
    )
    html = (CORPUS / "reports" / "2023-平潭综合实验区行政审批局.html").read_bytes()
    cut = html.index("三、收到和处理政府信息公开申请情况".encode()) + 40
    make("截断.html", html[:cut], "网页不完整")
    text = REPORT.read_bytes()
    make("坏编码.txt", text[:300] + b"\xe4\xb8" + text[300:], "无效的 UTF-8 字节")
    return files


def test_bad_inputs_each_get_one_clear_error(tmp_path: Path) -> None:
    for name, (path, expect) in _bad_files(tmp_path).items():
        code, out, err = run("parse", str(path))
        assert code == 2, name
        assert out == "", name
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1, (name, err)
        assert lines[0].startswith("错误：") and f"《{name}》" in lines[0] and expect in lines[0], (name, err)
        assert "Traceback" not in err


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    big = tmp_path / "大文件.txt"
    big.write_bytes(REPORT.read_bytes() + b" " * (2 * 1024 * 1024))
    code, _, err = run("parse", "--max-size", "1", str(big))
    assert code == 2 and "《大文件.txt》" in err and "超过上限 1 MB" in err
    code, _, _ = run("parse", "--max-size", "5", str(big))
    assert code == 0


def test_folder_run_goes_on_past_bad_files(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(REPORT, folder / REPORT.name)
    shutil.copy(CORPUS / "reports" / "2020-重庆市统计局.txt", folder / "2020-重庆市统计局.txt")
    (folder / "空文件.txt").write_bytes(b"")
    code, out, err = run("parse", "--jsonl", "--no-provenance", str(folder))
    assert code == 2
    docs = [json.loads(line) for line in out.splitlines()]
    assert {d["agency"] for d in docs} == {"湘潭县统计局", "重庆市统计局"}
    assert "《空文件.txt》" in err and err.count("错误：") == 1


@pytest.mark.parametrize("name", ["报告.pdf", "报告.docx", "报告.html"])
def test_extension_that_lies_is_read_by_content(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(REPORT.read_bytes())
    code, out, _ = run("parse", "--json", "--no-provenance", str(path))
    assert code == 0 and json.loads(out)["agency"] == "湘潭县统计局"
