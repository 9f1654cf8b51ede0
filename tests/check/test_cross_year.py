"""Cross-year rules on the corpus's year pair (洪泽区 2023 → 2024) and on edited copies."""

from __future__ import annotations

from gongkai.check import check_report, check_reports, previous_reports
from gongkai.model import Applicant, Report, Section, SectionText, Table2Column, Table2Row, Table3Row
from tests.check.edit import set_t2, set_t3
from tests.check.gold import gold_stems, report_from_gold

CROSS = ("CROSS.CARRY_OVER", "CROSS.DOCUMENT_STOCK", "CROSS.ITEM_STOCK", "CROSS.SAME_TEXT")


def _cross(findings: list) -> list:
    return [f for f in findings if f.rule in CROSS]


def test_the_year_pair_holds() -> None:
    # gold notes: 结转下年度 0 (2023) = 上年结转 0 (2024); 行政规范性文件 5 + 3 − 0 = 8
    before = report_from_gold("2023-淮安市洪泽区人民政府")
    after = report_from_gold("2024-淮安市洪泽区人民政府")
    assert _cross(check_report(after, before)) == []


def test_carry_over_per_column() -> None:
    before = report_from_gold("2023-淮安市洪泽区人民政府")
    after = report_from_gold("2024-淮安市洪泽区人民政府")
    set_t3(before, Table3Row.CARRIED_OUT, Applicant.LEGAL_SERVICE, "2")
    findings = _cross(check_report(after, before))
    assert [(f.rule, f.where, f.values["difference"]) for f in findings] == [
        ("CROSS.CARRY_OVER", "表三 二、上年结转政府信息公开申请数量 · 法律服务机构", -2)
    ]
    assert ("table3", "四、结转下年度继续办理", "法律服务机构") in findings[0].cells


def test_document_stock() -> None:
    before = report_from_gold("2023-淮安市洪泽区人民政府")
    after = report_from_gold("2024-淮安市洪泽区人民政府")
    set_t2(after, Table2Row.NORMATIVE_DOCUMENTS, Table2Column.IN_FORCE, "10")
    (finding,) = _cross(check_report(after, before))
    assert (
        finding.rule == "CROSS.DOCUMENT_STOCK"
        and finding.values["left"] == 8
        and finding.values["right"] == 10
    )


def test_item_stock_2019_form() -> None:
    before = report_from_gold("2019-平潭综合实验区公安局")  # 行政事业性收费 12 items, 本年增/减 4
    after = report_from_gold("2019-平潭综合实验区公安局")
    after.year = 2020
    findings = _cross(check_report(after, before))
    # this year's 上一年项目数量 should be 12 + 4 = 16, printed 12
    assert [(f.where, f.values["left"], f.values["right"]) for f in findings] == [
        ("表二 第二十条第（八）项 行政事业性收费 · 上一年项目数量", 16, 12)
    ]


def test_pairs_only_the_same_agency_on_consecutive_years() -> None:
    reports = [report_from_gold(s) for s in gold_stems()]
    pairs = previous_reports(reports)
    paired = [(r.name, p.name) for r, p in zip(reports, pairs, strict=True) if p is not None]
    assert paired == [("2024-淮安市洪泽区人民政府.pdf", "2023-淮安市洪泽区人民政府.pdf")]
    assert all(_cross(f) == [] for f in check_reports(reports))


def test_unnamed_agencies_are_never_paired() -> None:
    a, b = report_from_gold("2024-未署名某局"), report_from_gold("2024-未署名某局")
    a.year = 2023
    assert previous_reports([a, b]) == [None, None]


PROBLEMS_2023 = (
    "2023年，我局政府信息公开工作取得一定成效，但对照上级要求仍存在差距：政务公开内容的深度和广度有待提升，"
    "队伍建设有待加强。下一步，一是扎实推进依申请公开工作，二是继续优化政策解读，三是加强业务培训。"
)


def _with_problems(stem: str, year: int, text: str) -> Report:
    report = report_from_gold(stem)
    report.year = year
    report.sections[Section.PROBLEMS] = SectionText(Section.PROBLEMS, Section.PROBLEMS.title, text)
    return report


def test_problems_copied_from_last_year() -> None:
    before = _with_problems("2024-淮安市洪泽区人民政府", 2023, PROBLEMS_2023)
    copied = _with_problems("2024-淮安市洪泽区人民政府", 2024, PROBLEMS_2023.replace("2023年", "2024 年"))
    (finding,) = [f for f in check_report(copied, before) if f.rule == "CROSS.SAME_TEXT"]
    assert finding.where == Section.PROBLEMS.title and finding.values["similarity"] == 100.0
    rewritten = _with_problems(
        "2024-淮安市洪泽区人民政府",
        2024,
        "2024年，全区复杂申请件的研判能力不足，答复文书规范性有待提升，疑难问题协调处理机制尚需完善。"
        "2025年将加强典型案例研究，编制答复书模板，降低行政复议、行政诉讼发生率和纠错率。",
    )
    assert [f for f in check_report(rewritten, before) if f.rule == "CROSS.SAME_TEXT"] == []


def test_the_real_year_pair_is_not_copied(parsed) -> None:
    before, after = parsed("2023-淮安市洪泽区人民政府"), parsed("2024-淮安市洪泽区人民政府")
    assert [f for f in check_report(after, before) if f.rule.startswith("CROSS.")] == []
