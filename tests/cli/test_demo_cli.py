"""``gongkai demo``: the main job on the bundled samples, stored in SQLite; bad input loses nothing stored."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from gongkai.cli import app
from gongkai.store import open_store

runner = CliRunner()


def test_demo_parses_checks_and_stores_the_samples(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    result = runner.invoke(app, ["demo", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "共 5 份报告" in result.stdout
    assert "T4.GROUP_TOTAL" in result.stdout  # 洪泽区 2023: 表四 总计 printed 0 beside non-zero parts
    store = open_store(db)
    try:
        stored = store.reports()
        assert len(stored) == 5
        assert {r.agency for r in stored} >= {"湘潭县统计局", "淮安市洪泽区人民政府", "重庆市统计局"}
    finally:
        store.close()


def test_bad_file_is_reported_and_stored_reports_stay(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    assert runner.invoke(app, ["demo", "--db", str(db)]).exit_code == 0
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["demo", "--db", str(db), str(empty)])
    assert result.exit_code == 2
    assert "《空.txt》" in result.stderr and "文件为空" in result.stderr
    store = open_store(db)
    try:
        assert len(store.reports()) == 5
    finally:
        store.close()
