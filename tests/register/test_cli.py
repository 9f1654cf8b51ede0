"""The CLI: `gongkai deadline` and `gongkai register …`, exact messages and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongkai.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_deadline_text() -> None:
    code, out, _ = run("deadline", "2025-09-26")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "收到申请：2025-09-26（当日为第 0 日，不计入）"
    assert lines[1] == "补正告知期限：2025-10-13（周一，收到申请后第 7 个工作日）"
    assert lines[2] == "答复期限：2025-10-30（周四，收到申请后第 20 个工作日）"
    assert lines[3] == "延长后的答复期限：2025-11-27（周四，收到申请后第 40 个工作日）"


def test_deadline_explain() -> None:
    code, out, _ = run("deadline", "2025-09-26", "--explain")
    assert code == 0
    assert "  2025-09-28 周日 第 1 个工作日：调休上班（国庆节）" in out.splitlines()
    assert "  2025-10-01 周三 不计：国庆节放假" in out.splitlines()


def test_deadline_json() -> None:
    code, out, _ = run("deadline", "2025-01-24", "--json")
    data = json.loads(out)
    assert code == 0
    assert {k: data[k] for k in ("received", "correction_due", "answer_due", "extended_due")} == {
        "received": "2025-01-24",
        "correction_due": "2025-02-10",
        "answer_due": "2025-02-27",
        "extended_due": "2025-03-27",
    }
    assert data["warnings"] == []
    assert data["explanation"]["correction_due"][0] == "2025-01-24 周五 收到申请（第 0 日，不计入）"


@pytest.mark.parametrize("bad", ["2025-02-30", "明天", "2025/13/01"])
def test_deadline_bad_date(bad: str) -> None:
    code, out, err = run("deadline", bad)
    assert code == 2 and out == ""
    assert err.strip() == f"错误：收到申请日期“{bad}”无效：请写成 YYYY-MM-DD，例如 2025-09-26"


def test_deadline_uncovered_year_warns_and_calendar_file_helps(tmp_path: Path) -> None:
    code, out, err = run("deadline", "2026-12-20")
    assert code == 0 and "2027 年的放假安排尚未收录" in err
    cal = tmp_path / "2027.csv"
    cal.write_text("2027-01-01,放假,元旦\n", encoding="utf-8")
    code, out, err = run("deadline", "2026-12-20", "--calendar", str(cal), "--json")
    assert code == 0 and json.loads(out)["answer_due"] == "2027-01-18" and err == ""


def test_register_flow(tmp_path: Path) -> None:
    db = str(tmp_path / "登记簿.sqlite")
    code, out, _ = run("register", "add", "--applicant", "张三", "--type", "自然人", "--channel", "当面",
                       "--submitted", "2025-03-03", "--content", "环评批复", "--db", db, "--by", "小李")
    assert code == 0
    assert out.splitlines()[0] == "已登记申请 2025-00001（序号 1）：张三，当面，收到申请之日 2025-03-03"
    code, out, err = run("register", "step", "2025-00001", "answer", "2025-03-01", "--outcome", "（一）", "--db", db)
    assert code == 2 and err.strip() == "错误：答复的日期 2025-03-01 早于收到申请之日 2025-03-03"
    code, out, err = run("register", "step", "1", "answer", "2025-03-10", "--outcome", "（七）总计", "--db", db)
    assert code == 2 and "不是办理结果" in err
    code, out, _ = run("register", "step", "1", "answer", "2025-03-10", "--outcome", "（四）1", "--db", db, "--by", "小李")
    assert code == 0 and "办理结果：表三 （四）无法提供 1.本机关不掌握相关政府信息" in out
    code, out, _ = run("register", "show", "2025-00001", "--db", db, "--json")
    data = json.loads(out)
    assert [t["title"] for t in data["timeline"]] == ["收到申请", "答复"]
    assert data["timeline"][1]["recorded_by"] == "小李"
    assert data["outcome"] == "三、(四)1.本机关不掌握相关政府信息"
    code, out, _ = run("register", "list", "--db", db)
    assert code == 0 and out.splitlines()[-1] == "共 1 件"


def test_register_due(tmp_path: Path) -> None:
    db = str(tmp_path / "d.sqlite")
    run("register", "add", "--applicant", "甲", "--type", "商业企业", "--channel", "互联网", "--received", "2025-03-03",
        "--db", db)
    code, out, _ = run("register", "due", "--today", "2025-04-02", "--db", db)
    assert code == 0
    assert "  2025-00001 甲：答复期限 2025-03-31，已逾期 2 个工作日" in out.splitlines()


def test_register_add_needs_the_confirmation_day(tmp_path: Path) -> None:
    code, _, err = run("register", "add", "--applicant", "甲", "--type", "自然人", "--channel", "平信",
                       "--submitted", "2025-03-03", "--db", str(tmp_path / "x.sqlite"))
    assert code == 2
    assert err.strip() == (
        "错误：通过“邮寄（平信）”提交的申请，《政府信息公开条例》第三十一条第（二）项：以与申请人确认之日为收到申请之日；"
        "请给出与申请人确认的日期"
    )


def test_template_import_export_doc(tmp_path: Path) -> None:
    db = str(tmp_path / "t.sqlite")
    template = tmp_path / "模板.xlsx"
    assert run("register", "template", str(template))[0] == 0 and template.exists()
    csv_in = tmp_path / "in.csv"
    csv_in.write_text(
        "申请人,申请人类型,提交方式,提交日期,收到申请日期,办结日期,办理结果\n"
        "张三,自然人,当面,2025-03-03,,2025-03-10,（一）\n"
        "李四,外星人,当面,2025-03-03,,2025-03-10,（一）\n",
        encoding="utf-8",
    )
    code, out, err = run("register", "import", str(csv_in), "--db", db)
    assert code == 1
    assert out.strip() == "《in.csv》共 2 行：已导入 1 行，未导入 1 行。"
    assert "错误：第 3 行：“外星人”不是表三的申请人类型" in err
    out_file = tmp_path / "out.xlsx"
    assert run("register", "export", str(out_file), "--db", db)[1].strip() == f"已导出 1 件申请到《{out_file}》"
    pdf = tmp_path / "答复书.pdf"
    code, out, _ = run("register", "doc", "1", "answer", "--format", "pdf", "-o", str(pdf), "--db", db)
    assert code == 0 and pdf.read_bytes()[:4] == b"%PDF"


def test_calendar_add_is_used_by_the_register(tmp_path: Path) -> None:
    db = str(tmp_path / "c.sqlite")
    cal = tmp_path / "2027.json"
    cal.write_text('{"year": 2027, "放假": {"2027-01-01": "元旦"}}', encoding="utf-8")
    code, out, _ = run("register", "calendar", "add", str(cal), "--db", db)
    assert code == 0 and out.strip() == "已添加 2027 年的放假安排（1 天）"
    code, out, err = run("register", "add", "--applicant", "甲", "--type", "自然人", "--channel", "当面",
                         "--submitted", "2026-12-20", "--db", db, "--json")
    assert code == 0 and json.loads(out)["answer_due"] == "2027-01-18" and err == ""


def test_every_register_command_has_help_and_is_documented() -> None:
    import typer.main

    from gongkai.cli.register import register_app

    group = typer.main.get_group(register_app)
    docs = (Path(__file__).parents[2] / "docs" / "register.md").read_text(encoding="utf-8")
    for name, command in group.commands.items():
        assert command.help, name
        assert f"register {name}" in docs or f"`{name}`" in docs, f"docs/register.md does not mention register {name}"


def test_due_in_an_uncovered_year_is_marked_presumed(tmp_path: Path) -> None:
    db = str(tmp_path / "u.sqlite")
    run("register", "add", "--applicant", "甲", "--type", "自然人", "--channel", "当面", "--submitted", "2026-12-20",
        "--db", db)
    code, out, err = run("register", "due", "--today", "2027-01-12", "--db", db)
    assert code == 0
    assert "  2026-00001 甲：答复期限 2027-01-15（推定），还剩 3 个工作日" in out.splitlines()
    assert "警告：2027 年的放假安排尚未收录" in err


def test_steps_by_chinese_names(tmp_path: Path) -> None:
    db = str(tmp_path / "zh.sqlite")
    run("register", "add", "--applicant", "甲", "--type", "自然人", "--channel", "当面", "--submitted", "2025-03-03",
        "--db", db)
    code, out, _ = run("register", "step", "1", "延长答复期限", "2025-03-20", "--days", "10", "--approved-by", "李主任",
                       "--db", db)
    assert code == 0 and out.splitlines()[0] == "已登记：延长答复期限（2025-03-20）；当前状态：办理中"
    code, _, err = run("register", "step", "1", "催办", "2025-03-21", "--db", db)
    assert code == 2 and err.startswith("错误：“催办”不是登记簿的步骤；可选：")


def test_bad_fee_method_and_numbers_are_clear_errors(tmp_path: Path) -> None:
    db = str(tmp_path / "f.sqlite")
    run("register", "add", "--applicant", "甲", "--type", "自然人", "--channel", "当面", "--submitted", "2025-03-03",
        "--db", db)
    code, _, err = run("register", "step", "1", "fee_notice", "2025-03-05", "--method", "按次", "--db", db)
    assert code == 2 and err.strip() == "错误：“按次”不是收费方式；可选：按件、按量"
    code, _, err = run("register", "step", "1", "correction_notice", "2025-03-05", "--deadline", "下周", "--db", db)
    assert code == 2 and err.strip() == "错误：补正期限“下周”无效：请写成 YYYY-MM-DD，例如 2025-09-26"


def test_deadline_uses_the_registers_added_arrangements(tmp_path: Path) -> None:
    db = str(tmp_path / "cal.sqlite")
    cal = tmp_path / "2027.csv"
    cal.write_text("2027-01-01,放假,元旦\n", encoding="utf-8")
    assert run("register", "calendar", "add", str(cal), "--db", db)[0] == 0
    code, out, err = run("deadline", "2026-12-20", "--db", db, "--json")
    assert code == 0 and json.loads(out)["answer_due"] == "2027-01-18" and err == ""
