"""FORM.DRAFT_MARKS: a drafted report still holding 【待填写：…】 parts."""

from __future__ import annotations

from dataclasses import replace

from gongkai.check import check_report
from gongkai.model import Section, Severity
from gongkai.parse import parse_file
from tests.conftest import CORPUS


def test_marks_left_in_a_section_are_reported() -> None:
    report = parse_file(CORPUS / "reports" / "2024-湘潭县统计局.txt")
    assert not [f for f in check_report(report) if f.rule == "FORM.DRAFT_MARKS"]
    problems = report.sections[Section.PROBLEMS]
    report.sections[Section.PROBLEMS] = replace(problems, text=problems.text + "\n【待填写：下一年度的改进措施】")
    found = [f for f in check_report(report) if f.rule == "FORM.DRAFT_MARKS"]
    assert len(found) == 1 and found[0].severity is Severity.WARNING
    assert "【待填写：下一年度的改进措施】" in found[0].message and found[0].where == Section.PROBLEMS.title
