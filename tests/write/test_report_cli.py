"""``gongkai report build / render / table2-template`` and the report JSON: files written, bad input
refused with one Chinese line (exit 2, no traceback, nothing written)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongkai.cli import app
from gongkai.errors import InputFileError
from gongkai.model import Section
from gongkai.parse import parse_file
from gongkai.register import generate
from gongkai.store import open_store
from gongkai.write.report_json import read_report_json, report_from_json, report_to_json, write_report_json
from gongkai.write.text import todo
from tests.write.reports import differences, make_report

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reg") / "reg.sqlite"
    store = open_store(path)
    try:
        generate(store, 300, [2025], seed=3)
    finally:
        store.close()
    return path


def test_build_writes_the_chosen_formats(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["report", "build", "--year", "2025", "--db", str(db), "--agency", "某局", "-f", "html,md,json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"某局2025年政府信息公开工作年度报告.{ext}" for ext in ("html", "json", "md")]
    # no 表二 file: the clerk is told how to make one, and the table is left blank, not 0
    assert "table2-template" in result.output
    data = json.loads((out / names[1]).read_text(encoding="utf-8"))
    assert all(v is None for row in data["table2"].values() for v in row.values())
    assert data["table3"]["一、本年新收政府信息公开申请数量"][6] > 0
    assert "待填写" in result.output


def test_build_refuses_bad_input_without_writing(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    missing_db = runner.invoke(app, ["report", "build", "--year", "2025", "--db", str(tmp_path / "none.sqlite"), "-o", str(out)])
    assert missing_db.exit_code == 2
    assert "none.sqlite" in missing_db.output and "不存在" in missing_db.output
    assert "Traceback" not in missing_db.output
    bad_format = runner.invoke(app, ["report", "build", "--year", "2025", "--db", str(db), "-f", "html,odt", "-o", str(out)])
    assert bad_format.exit_code == 2 and "不支持的输出格式“odt”" in bad_format.output
    table2 = tmp_path / "表二.csv"
    assert runner.invoke(app, ["report", "table2-template", "-o", str(table2)]).exit_code == 0
    with table2.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[3][3] = "十二"
    with table2.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    bad_cell = runner.invoke(app, ["report", "build", "--year", "2025", "--db", str(db), "--table2", str(table2), "-o", str(out)])
    assert bad_cell.exit_code == 2
    assert "《表二.csv》" in bad_cell.output and "第 4 行" in bad_cell.output and "“十二”不是数字" in bad_cell.output
    assert not out.exists()


def test_render_after_the_clerk_completed_the_text(tmp_path: Path) -> None:
    report = make_report()
    source = tmp_path / "r.json"
    write_report_json(report, source)
    data = json.loads(source.read_text(encoding="utf-8"))
    data["sections"]["五"]["text"] = "本年度信息公开平台栏目更新不够及时。"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["report", "render", str(source), "-f", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = next(out.iterdir()).read_text(encoding="utf-8")
    assert "本年度信息公开平台栏目更新不够及时。" in html
    assert todo("本年度政府信息公开工作存在的主要问题") not in html


def test_report_json_round_trip() -> None:
    report = make_report()
    again = report_from_json(report_to_json(report), "r.json")
    assert differences(report, again) == []
    assert {s: again.section_text(s) for s in Section} == {s: report.section_text(s) for s in Section}
    assert (again.title, again.agency, again.year, again.preamble) == (report.title, report.agency, report.year, report.preamble)


def test_render_refuses_bad_json(tmp_path: Path) -> None:
    bad = tmp_path / "r.json"
    bad.write_text('{"format": "2021", "table4": [1, 2]}', encoding="utf-8")
    result = runner.invoke(app, ["report", "render", str(bad), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "《r.json》" in result.output and "表四应有 15 个值" in result.output
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"《r.json》.*JSON 格式错误"):
        read_report_json(bad)


def test_render_a_parsed_report(tmp_path: Path, corpus: Path) -> None:
    """``gongkai parse --json`` output renders too: the official layout of a report read from the web,
    with the sections' own words (the parse JSON carries each section's text)."""
    parsed = runner.invoke(app, ["parse", "--json", str(corpus / "reports" / "2024-湘潭县统计局.txt")])
    assert parsed.exit_code == 0, parsed.output
    source = tmp_path / "p.json"
    source.write_text(parsed.stdout, encoding="utf-8")
    result = runner.invoke(app, ["report", "render", str(source), "-f", "html", "-o", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert "没有各部分的文字" not in result.output
    html = next((tmp_path / "o").iterdir())
    assert "2024年度湘潭县统计局政府信息依申请公开的情况为零。" in html.read_text(encoding="utf-8")
    assert html.name == "湘潭县统计局2024年政府信息公开工作年度报告.html"
    again = parse_file(html)
    assert differences(report_from_json(json.loads(parsed.stdout), "p.json"), again) == []


def test_file_names_are_safe(tmp_path: Path) -> None:
    from gongkai.write import write_report

    report = make_report()
    report.title = 'A/B:某局*2025?"年报"<>|'
    (path,) = write_report(report, tmp_path, ["md"])
    assert path.parent == tmp_path
    assert path.name == "A／B：某局＊2025？＂年报＂＜＞｜.md"
