"""Form rules: edition per table, empty tables, blank cells, missing rows, marks, sections."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gongkai.model import Applicant, Report, Section, Severity, Table3Row
from tests.check.edit import run, set_t3
from tests.check.gold import gold_stems

Gold = Callable[[str], Report]
Parsed = Callable[[str], Report]


def test_2019_tables_in_a_2023_report_name_each_table(gold: Gold) -> None:
    findings = run(gold("2023-互助县统计局"), "FORM.OLD_TABLES")
    assert [f.where for f in findings] == ["表二", "表三"]
    assert all(f.severity is Severity.ERROR for f in findings)
    assert "国办公开办函〔2019〕60号" in findings[1].message and "（六）其他处理" in findings[1].message


@pytest.mark.parametrize("stem", ["2023-淮安市洪泽区人民政府", "2024-淮安市洪泽区人民政府"])
def test_hybrid_names_only_the_old_table(gold: Gold, stem: str) -> None:
    (finding,) = run(gold(stem), "FORM.OLD_TABLES")
    assert finding.where == "表三" and "混用" in finding.message


@pytest.mark.parametrize("stem", gold_stems())
def test_old_tables_only_where_the_corpus_says(gold: Gold, stem: str) -> None:
    wrong = {"2023-互助县统计局", "2023-淮安市洪泽区人民政府", "2024-淮安市洪泽区人民政府"}
    assert bool(run(gold(stem), "FORM.OLD_TABLES")) == (stem in wrong)
    assert run(gold(stem), "FORM.NEW_TABLES") == []


def test_2021_tables_in_a_2020_report(gold: Gold) -> None:
    report = gold("2024-西宁市城中区统计局")
    report.year = 2020
    assert [f.where for f in run(report, "FORM.NEW_TABLES")] == ["表二", "表三"]


def test_tables_published_empty(gold: Gold) -> None:
    findings = run(gold("2023-互助县统计局"), "FORM.TABLE_EMPTY", "FORM.BLANK_CELLS")
    assert [(f.rule, f.where, f.values["cells"]) for f in findings] == [
        ("FORM.TABLE_EMPTY", "表三", 23 * 7),
        ("FORM.TABLE_EMPTY", "表四", 15),
    ]


def test_all_zero_report_is_not_empty(gold: Gold) -> None:
    assert run(gold("2024-西宁市城中区统计局"), "FORM.TABLE_EMPTY", "FORM.BLANK_CELLS") == []


def test_one_blank_cell_in_a_zero_table(gold: Gold) -> None:
    (finding,) = run(gold("2019-平潭综合实验区公安局"), "FORM.BLANK_CELLS")
    assert finding.cells == (("table3", "一、本年新收政府信息公开申请数量", "商业企业"),)
    # the blank does not make the zero identities fail
    assert run(gold("2019-平潭综合实验区公安局"), "T3.BALANCE", "T3.ROW_TOTAL") == []


@pytest.mark.parametrize("stem", ["2023-平潭综合实验区社会事业局", "2024-平潭综合实验区海坛片区管理局"])
def test_missing_regulations_row(gold: Gold, stem: str) -> None:
    (finding,) = run(gold(stem), "FORM.ROW_MISSING", "FORM.BLANK_CELLS")
    assert finding.rule == "FORM.ROW_MISSING" and finding.where == "表二 第二十条第（一）项 规章"


def test_slash_in_a_numeric_cell_is_not_zero(gold: Gold) -> None:
    report = gold("2023-平潭综合实验区行政审批局")
    set_t3(report, Table3Row.REFUSED_REPEATED, Applicant.COMMERCIAL, "/")
    set_t3(report, Table3Row.REFUSED_REPEATED, Applicant.RESEARCH, "无")
    (finding,) = run(report, "FORM.MARK_IN_CELL")
    assert finding.values == {"cells": 2, "printed": ["/", "无"]}
    assert run(report, "T3.ROW_TOTAL", "T3.BALANCE") == []  # 0 + marks still balance when read as ≥ 0


def test_parsed_reports_have_their_six_sections_in_order(parsed: Parsed) -> None:
    for stem in gold_stems():
        assert run(parsed(stem), "FORM.SECTION_MISSING", "FORM.SECTION_ORDER", "FORM.TABLE_MISSING") == [], (
            stem
        )


def test_missing_and_reordered_sections(parsed: Parsed) -> None:
    report = parsed("2023-平潭综合实验区行政审批局")
    edited = Report(name=report.name, year=report.year, sections=dict(report.sections))
    del edited.sections[Section.OTHER]
    edited.section_order = [s for s in report.section_order if s is not Section.OTHER]
    edited.section_order[1], edited.section_order[2] = edited.section_order[2], edited.section_order[1]
    missing = run(edited, "FORM.SECTION_MISSING")
    assert [f.where for f in missing] == [Section.OTHER.title]
    (order,) = run(edited, "FORM.SECTION_ORDER")
    assert order.values["printed"] == ["一", "三", "二", "四", "五"]


def test_missing_tables(parsed: Parsed) -> None:
    report = parsed("2024-湘潭县统计局")
    edited = Report(name=report.name, year=report.year, format=report.format, table3=report.table3)
    assert [f.where for f in run(edited, "FORM.TABLE_MISSING")] == ["表二", "表四"]
