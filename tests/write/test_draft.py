"""The drafted sections: the figures in the prose are those of the tables (the checker compares them),
what only a person can write is marked 【待填写：…】, a blank cell is never written as 0, and 六 states
the 信息处理费 from the fee figures."""

from __future__ import annotations

import re
from decimal import Decimal

from gongkai.check import check_report
from gongkai.model import (
    Applicant,
    Cell,
    CellKind,
    CellValue,
    Edition,
    Section,
    SectionText,
    Severity,
    Table3Group,
    Table3Row,
    Table4Column,
    Table4Group,
)
from gongkai.write.draft import FeeFigures, draft_sections, yuan
from gongkai.write.text import TODO_OPEN, todo, todos
from tests.write.reports import make_report


def _figure(text: str, words: str) -> int:
    m = re.search(re.escape(words) + r"(\d+)件", text)
    assert m, (words, text)
    return int(m.group(1))


def test_overview_figures_equal_the_tables() -> None:
    report = make_report(Edition.F2021)
    t3, t4 = report.table3, report.table4
    assert t3 is not None and t4 is not None
    text = report.section_text(Section.OVERVIEW)

    def total(row: Table3Row) -> int:
        n = t3.number(row, Applicant.TOTAL)
        assert isinstance(n, int)
        return n

    assert _figure(text, "共新收政府信息公开申请") == total(Table3Row.NEW_RECEIVED)
    assert _figure(text, "上年结转政府信息公开申请") == total(Table3Row.CARRIED_IN)
    assert _figure(text, "本年度办理答复") == total(Table3Row.OUTCOME_TOTAL)
    assert _figure(text, "结转下年度继续办理") == total(Table3Row.CARRIED_OUT)
    assert _figure(text, "予以公开") == total(Table3Row.GRANTED)
    assert _figure(text, "部分公开") == total(Table3Row.PARTLY_GRANTED)
    denied = sum(total(r) for r in t3.rows if r.group is Table3Group.DENIED)
    assert _figure(text, "不予公开") == denied
    assert _figure(text, "被申请行政复议") == t4.number(Table4Group.REVIEW, Table4Column.TOTAL)
    for column in (Table4Column.UPHELD, Table4Column.CORRECTED, Table4Column.OTHER, Table4Column.PENDING):
        assert _figure(text, column.label) == t4.number(Table4Group.REVIEW, column)
    suits = sum(t4.number(g, Table4Column.TOTAL) or 0 for g in (Table4Group.SUIT_DIRECT, Table4Group.SUIT_AFTER_REVIEW))
    assert _figure(text, "被提起行政诉讼") == suits
    assert _figure(text, Table4Group.SUIT_DIRECT.label) == t4.number(Table4Group.SUIT_DIRECT, Table4Column.TOTAL)


def test_2019_single_other_row_is_listed() -> None:
    report = make_report(Edition.F2019)
    assert report.table3 is not None
    text = report.section_text(Section.OVERVIEW)
    assert _figure(text, "其他处理") == report.table3.number(Table3Row.OTHER_SINGLE, Applicant.TOTAL)


def test_checker_finds_no_disagreement_between_text_and_tables() -> None:
    for edition in Edition:
        report = make_report(edition, FeeFigures(1, Decimal(300), 1, Decimal(300)))
        text_rules = [f for f in check_report(report) if f.rule.startswith("TEXT") and f.severity is not Severity.NOTICE]
        assert text_rules == [], [f.message for f in text_rules]


def test_a_blank_cell_is_not_written_as_zero() -> None:
    report = make_report(Edition.F2021)
    assert report.table3 is not None
    report.table3.cells[(Table3Row.CARRIED_IN, Applicant.TOTAL)] = Cell(CellValue(CellKind.BLANK, ""))
    text = draft_sections(report)[Section.OVERVIEW].text
    assert f"上年结转政府信息公开申请{todo('数字')}件" in text
    assert "上年结转政府信息公开申请0件" not in text


def test_person_only_parts_are_marked() -> None:
    sections = draft_sections(make_report(Edition.F2021))
    # 一 starts with what was done; 五 is entirely for a person to write
    assert sections[Section.OVERVIEW].text.startswith(TODO_OPEN)
    problems = sections[Section.PROBLEMS].text.splitlines()
    assert len(problems) == 2 and all(line.startswith(TODO_OPEN) for line in problems)
    for section in Section:
        assert sections[section].heading == section.title
    # the drafted lines never start like a heading (一、…), so a reader finds the six sections only
    for s in sections.values():
        for line in s.text.splitlines():
            assert not re.match(r"^[一二三四五六七八九十]+、", line), line
    assert all(mark.endswith("】") for s in sections.values() for mark in todos(s.text))


def test_fee_statement() -> None:
    report = make_report(Edition.F2021)
    charged = draft_sections(report, FeeFigures(3, Decimal(4700), 2, Decimal("1380.5")))[Section.OTHER].text
    assert "共对3件政府信息公开申请发出收费通知，金额共计4700元" in charged
    assert "实际收取信息处理费2件，共计1380.50元" in charged
    none = draft_sections(report, FeeFigures(0, Decimal(0), 0, Decimal(0)))[Section.OTHER].text
    assert "未发出政府信息公开信息处理费收费通知，未收取信息处理费" in none
    unknown = draft_sections(report, None)[Section.OTHER].text
    assert unknown.startswith(TODO_OPEN) and "收费通知" in unknown.splitlines()[0]


def test_marks_do_not_pass_for_the_statements_they_ask_for() -> None:
    """A 【待填写】 mark names what to write without the words the checker looks for: a government
    report whose duties statement or fee statement is still a mark is reported, not passed."""
    report = make_report(Edition.F2021)
    report.agency, report.title = "某乡人民政府", "某乡人民政府2025年政府信息公开工作年度报告"
    report.sections = draft_sections(report, None)
    rules = {f.rule for f in check_report(report)}
    assert {"CONTENT.GOVERNMENT_DUTIES", "CONTENT.FEE_STATEMENT"} <= rules


def test_yuan() -> None:
    assert yuan(Decimal(380)) == "380"
    assert yuan(Decimal("1380.5")) == "1380.50"
    assert yuan(Decimal("0.00")) == "0"


def test_report_identity() -> None:
    report = make_report(Edition.F2021)
    assert report.title == "某市某局2025年政府信息公开工作年度报告"
    assert report.format == "2021" and report.year == 2025
    assert "统计期限自2025年1月1日起至2025年12月31日止" in report.preamble
    assert "国办公开办函〔2021〕30号" in report.preamble


def test_checker_reads_the_drafted_figures() -> None:
    """The drafted sentences are worded so that gongkai's checker finds their figures: a wrong figure
    in them is reported (so the test above is not passing because the checker ignores the prose)."""
    report = make_report(Edition.F2021)
    assert report.table3 is not None and report.table4 is not None
    text = report.section_text(Section.OVERVIEW)
    received = report.table3.number(Table3Row.NEW_RECEIVED, Applicant.TOTAL)
    reviews = report.table4.number(Table4Group.REVIEW, Table4Column.TOTAL)
    assert isinstance(received, int) and isinstance(reviews, int)
    for right, wrong, rule in (
        (f"共新收政府信息公开申请{received}件", f"共新收政府信息公开申请{received + 1}件", "TEXT.T3_MISMATCH"),
        (f"被申请行政复议{reviews}件", f"被申请行政复议{reviews + 1}件", "TEXT.T4_MISMATCH"),
    ):
        assert right in text
        report.sections[Section.OVERVIEW] = SectionText(Section.OVERVIEW, Section.OVERVIEW.title, text.replace(right, wrong))
        assert rule in {f.rule for f in check_report(report)}
