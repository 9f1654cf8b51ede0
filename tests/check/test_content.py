"""Content rules: 信息处理费 in 六, fee notices, 条例第五十条 items of 人民政府 reports, period, deadline."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gongkai.model import Applicant, Report, Section, SectionText, Severity, Table3Row
from tests.check.edit import run, set_t3
from tests.check.gold import gold_stems, report_from_gold

Parsed = Callable[[str], Report]
GOVERNMENTS = {"2023-淮安市洪泽区人民政府", "2024-淮安市洪泽区人民政府", "2024-淮安市人民政府"}


@pytest.mark.parametrize("stem", gold_stems())
def test_every_2021_or_later_report_states_its_fee(parsed: Parsed, stem: str) -> None:
    # gold notes: each of these states its 信息处理费 in 六 (重庆 2020 says only "无。", before the 109号 fee)
    assert run(parsed(stem), "CONTENT.FEE_STATEMENT", "CONTENT.FEE_NOTICE", "CONTENT.PERIOD") == []


def _with_other(report: Report, text: str) -> Report:
    report.sections[Section.OTHER] = SectionText(Section.OTHER, Section.OTHER.title, text)
    return report


def test_section_six_saying_only_none() -> None:
    report = _with_other(report_from_gold("2024-西宁市城中区统计局"), "无。")
    (finding,) = run(report, "CONTENT.FEE_STATEMENT")
    assert "没有说明信息处理费" in finding.message and "“无。”" in finding.message


def test_fee_stated_in_another_part_is_a_notice() -> None:
    report = _with_other(report_from_gold("2024-西宁市城中区统计局"), "无。")
    report.sections[Section.OVERVIEW] = SectionText(
        Section.OVERVIEW, Section.OVERVIEW.title, "全年未收取信息处理费。"
    )
    (finding,) = run(report, "CONTENT.FEE_STATEMENT")
    assert finding.severity is Severity.NOTICE and finding.values == {"stated_in": ["一"]}


def test_administrative_fees_are_not_the_information_fee() -> None:
    # 表二 行政事业性收费 96171.6 万元 (淮安) says nothing about the 信息处理费
    report = _with_other(report_from_gold("2024-淮安市人民政府"), "本年度行政事业性收费情况见表二。")
    assert [f.rule for f in run(report, "CONTENT.FEE_STATEMENT")] == ["CONTENT.FEE_STATEMENT"]


def test_2020_report_needs_no_fee_statement() -> None:
    report = _with_other(report_from_gold("2020-重庆市统计局"), "无。")
    assert run(report, "CONTENT.FEE_STATEMENT") == []


def test_unpaid_fee_closures_need_a_fee_report() -> None:
    # 淮安 2024: （六）2 = 6 and 六 reports 3940 元 collected (gold notes: consistent)
    ok = _with_other(report_from_gold("2024-淮安市人民政府"), "全年收取政府信息公开信息处理费 3940 元。")
    assert run(ok, "CONTENT.FEE_NOTICE") == []
    none = _with_other(report_from_gold("2024-淮安市人民政府"), "全年未收取信息处理费。")
    (finding,) = run(none, "CONTENT.FEE_NOTICE")
    assert finding.values["left"] == 6 and "称未收取信息处理费" in finding.message
    other = _with_other(report_from_gold("2024-西宁市城中区统计局"), "我局没有收取信息处理费。")
    set_t3(other, Table3Row.OTHER_FEE_UNPAID, Applicant.TOTAL, "1")
    assert len(run(other, "CONTENT.FEE_NOTICE")) == 1


@pytest.mark.parametrize("stem", gold_stems())
def test_government_reports_lack_the_article_50_items(parsed: Parsed, stem: str) -> None:
    report = parsed(stem)
    findings = run(report, "CONTENT.GOVERNMENT_DUTIES")
    if stem in GOVERNMENTS and (report.agency or "").endswith("人民政府"):
        # none of the three reports mentions 社会评议 or 责任追究 (their 监督保障 parts speak of
        # monitoring and inspections; 洪泽区 2024 only of 考核)
        (finding,) = findings
        assert {"社会评议", "责任追究"} <= set(finding.values["missing"])
    elif stem not in GOVERNMENTS:
        assert findings == []


def test_government_report_covering_the_items() -> None:
    report = report_from_gold("2024-淮安市洪泽区人民政府")
    report.sections[Section.OVERVIEW] = SectionText(
        Section.OVERVIEW,
        Section.OVERVIEW.title,
        "（五）监督保障。开展工作考核，组织社会评议，未发生责任追究情况。",
    )
    assert run(report, "CONTENT.GOVERNMENT_DUTIES") == []


def test_statistics_period_of_another_year() -> None:
    report = report_from_gold("2024-淮安市洪泽区人民政府")
    report.preamble = "报告中所列数据统计期限自 2023 年 1 月 1 日至 2023 年 12 月 31 日止。"
    (finding,) = run(report, "CONTENT.PERIOD")
    assert finding.values["left"] == 2024 and finding.values["right"] == 2023
    report.preamble = "报告中所列数据统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日止。"
    assert run(report, "CONTENT.PERIOD") == []


def test_publication_deadline() -> None:
    department = report_from_gold("2023-平潭综合实验区行政审批局")
    department.publication_date = "2024-01-31"
    assert run(department, "CONTENT.DEADLINE") == []
    department.publication_date = "2024-02-05"
    (finding,) = run(department, "CONTENT.DEADLINE")
    assert finding.values["right"] == "2024-01-31" and finding.values["difference"] == 5
    government = report_from_gold("2024-淮安市人民政府")
    government.publication_date = "2025-03-20"  # a 人民政府's own report: 3月31日
    assert run(government, "CONTENT.DEADLINE") == []
    government.publication_date = "2025-04-09"
    assert run(government, "CONTENT.DEADLINE")[0].values["difference"] == 9


@pytest.mark.parametrize("stem", gold_stems())
def test_published_dates_of_the_corpus_are_in_time(parsed: Parsed, stem: str) -> None:
    assert run(parsed(stem), "CONTENT.DEADLINE") == []


def test_townships_have_no_statutory_deadline() -> None:
    report = report_from_gold("2024-西宁市城中区统计局")
    report.agency, report.publication_date = "某县某镇人民政府", "2025-02-18"
    assert run(report, "CONTENT.DEADLINE") == []
    report.agency = "西宁市城中区统计局"
    assert run(report, "CONTENT.DEADLINE")[0].values["difference"] == 18
