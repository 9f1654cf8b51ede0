"""表三 rules on the corpus (the known source errors, exactly) and on edited copies."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gongkai.model import Applicant, Report, Severity, Table3Row
from tests.check.edit import run, set_t3, uncertain_cell, value_cell
from tests.check.gold import gold_stems

Gold = Callable[[str], Report]
T3_ARITHMETIC = ("T3.BALANCE", "T3.ROW_TOTAL", "T3.OUTCOME_TOTAL")

#: every 表三 identity the printed values violate (corpus README "Arithmetic identities"; gold notes)
KNOWN: dict[str, list[tuple[str, str]]] = {
    "2023-平潭综合实验区自然资源与生态环境局": [
        ("T3.BALANCE", "表三 · 商业企业列"),
        ("T3.ROW_TOTAL", "表三 （二）部分公开 · 总计"),
        ("T3.ROW_TOTAL", "表三 （七）总计 · 总计"),
    ],
    "2024-平潭综合实验区海坛片区管理局": [
        ("T3.ROW_TOTAL", "表三 一、本年新收政府信息公开申请数量 · 总计"),
        ("T3.ROW_TOTAL", "表三 （四）无法提供 1.本机关不掌握相关政府信息 · 总计"),
        ("T3.ROW_TOTAL", "表三 （四）无法提供 3.补正后申请内容仍不明确 · 总计"),
        ("T3.ROW_TOTAL", f"表三 （六）其他处理 {Table3Row.OTHER_NO_CORRECTION.label} · 总计"),
        ("T3.ROW_TOTAL", "表三 （六）其他处理 3.其他 · 总计"),
        ("T3.ROW_TOTAL", "表三 （七）总计 · 总计"),
        ("T3.OUTCOME_TOTAL", "表三 （七）总计 · 自然人"),
    ],
    "2023-平潭综合实验区农业农村局": [
        ("T3.ROW_TOTAL", "表三 一、本年新收政府信息公开申请数量 · 总计"),
        ("T3.ROW_TOTAL", "表三 二、上年结转政府信息公开申请数量 · 总计"),
    ],
}


@pytest.mark.parametrize("stem", gold_stems())
def test_t3_findings_are_exactly_the_known_source_errors(gold: Gold, stem: str) -> None:
    findings = run(gold(stem), *T3_ARITHMETIC, "T3.TOTAL_BLANK", "T3.NOT_COUNT")
    assert sorted((f.rule, f.where) for f in findings) == sorted(KNOWN.get(stem, []))
    assert all(f.severity is Severity.ERROR for f in findings)


def test_balance_values_name_both_sides_and_the_difference(gold: Gold) -> None:
    (finding,) = run(gold("2023-平潭综合实验区自然资源与生态环境局"), "T3.BALANCE")
    assert finding.values["left"] == 0 and finding.values["right"] == 1 and finding.values["difference"] == -1
    assert "本列勾稽关系不成立" in finding.message and "相差 -1" in finding.message
    assert "第一项加第二项之和，等于第三项加第四项之和" in finding.basis
    assert ("table3", "三、(七)总计", "商业企业") in finding.cells


def test_row_total_on_the_parsed_page_cites_the_html_cells(parsed: Callable[[str], Report]) -> None:
    findings = run(parsed("2023-平潭综合实验区农业农村局"), "T3.ROW_TOTAL")
    assert [f.values["left"] for f in findings] == [0, 7]  # the 7 printed one row too low
    assert [f.values["right"] for f in findings] == [7, 0]
    for f in findings:
        assert f.sources and all(s.table is not None for s in f.sources)


def test_edited_copy_breaks_balance_in_one_column_only(gold: Gold) -> None:
    report = gold("2023-平潭综合实验区行政审批局")
    assert run(report, *T3_ARITHMETIC) == []
    set_t3(report, Table3Row.CARRIED_OUT, Applicant.NATURAL_PERSON, "2")
    rules = sorted((f.rule, f.where) for f in run(report, *T3_ARITHMETIC))
    assert ("T3.BALANCE", "表三 · 自然人列") in rules
    assert ("T3.ROW_TOTAL", "表三 四、结转下年度继续办理 · 总计") in rules
    assert not any(w == "表三 · 总计列" for _, w in rules)


def test_hybrid_table_sums_over_its_single_other_row(gold: Gold) -> None:
    report = gold("2024-淮安市洪泽区人民政府")  # 表三 in the 2019 row set (one （六） row)
    assert run(report, "T3.OUTCOME_TOTAL") == []
    set_t3(report, Table3Row.OTHER_SINGLE, Applicant.NATURAL_PERSON, "3")
    (finding,) = run(report, "T3.OUTCOME_TOTAL")
    assert finding.where == "表三 （七）总计 · 自然人" and finding.values["difference"] == -3


def test_blank_total_is_its_own_finding_not_an_arithmetic_error(gold: Gold) -> None:
    report = gold("2024-淮安市人民政府")
    set_t3(report, Table3Row.GRANTED, Applicant.TOTAL, value_cell(""))
    arithmetic = run(report, *T3_ARITHMETIC)
    # the blank is a part of （七）总计 in the 总计 column: that sum cannot be checked, nothing is an error
    assert [(f.rule, f.severity) for f in arithmetic] == [("T3.OUTCOME_TOTAL", Severity.NOTICE)]
    (finding,) = run(report, "T3.TOTAL_BLANK")
    assert finding.severity is Severity.WARNING
    assert finding.where == "表三 （一）予以公开 · 总计"
    assert finding.values["total"] is None


def test_blank_part_that_cannot_explain_the_difference_is_still_an_error(gold: Gold) -> None:
    report = gold("2024-淮安市人民政府")
    # 一 row: parts 3001 53 0 0 61 4 = 3119; blank 自然人 and print 总计 5: 118 known parts already > 5
    set_t3(report, Table3Row.NEW_RECEIVED, Applicant.NATURAL_PERSON, value_cell(""))
    set_t3(report, Table3Row.NEW_RECEIVED, Applicant.TOTAL, "5")
    row = [f for f in run(report, "T3.ROW_TOTAL") if "本年新收" in f.where]
    assert len(row) == 1 and row[0].severity is Severity.ERROR
    assert "未填写的单元格按非负数计" in row[0].message


def test_blank_part_that_could_explain_the_difference_is_not_checkable(gold: Gold) -> None:
    report = gold("2024-淮安市人民政府")
    set_t3(report, Table3Row.NEW_RECEIVED, Applicant.NATURAL_PERSON, value_cell(""))
    findings = run(report, "T3.ROW_TOTAL", "T3.BALANCE")
    assert findings and all(f.severity is Severity.NOTICE for f in findings)
    assert all("无法核对" in f.message for f in findings)


def test_uncertain_cells_never_give_an_error(gold: Gold) -> None:
    report = gold("2023-平潭综合实验区自然资源与生态环境局")  # has three real errors
    for column in Applicant:
        set_t3(report, Table3Row.OUTCOME_TOTAL, column, uncertain_cell())
        set_t3(report, Table3Row.PARTLY_GRANTED, column, uncertain_cell())
    findings = run(report, *T3_ARITHMETIC)
    assert findings and all(f.severity is Severity.NOTICE for f in findings)
    # one 提示 per rule, listing the places
    assert sorted(f.rule for f in findings) == sorted(T3_ARITHMETIC)
    (uncertain,) = run(report, "FORM.UNCERTAIN_CELLS")
    assert uncertain.values["cells"] == 14


def test_negative_and_fractional_counts(gold: Gold) -> None:
    report = gold("2023-平潭综合实验区行政审批局")
    set_t3(report, Table3Row.REFUSED_REPEATED, Applicant.COMMERCIAL, "-1")
    set_t3(report, Table3Row.REFUSED_PUBLICATION, Applicant.RESEARCH, "0.5")
    findings = run(report, "T3.NOT_COUNT")
    assert [f.values["printed"] for f in findings] == ["-1", "0.5"]
    assert "是负数" in findings[0].message and "不是整数" in findings[1].message
