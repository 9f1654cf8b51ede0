"""Text against tables: the prose figures of the gold ``narrative_figures`` on the parsed reports, the
known mismatches found, the traps left alone; and the prose reader on the quoted sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gongkai.check.prose import Subject, claims
from gongkai.model import Report, Section, SectionText, Severity, Table4Column
from tests.check.edit import run
from tests.check.gold import gold_data, gold_stems, report_from_gold

Parsed = Callable[[str], Report]
TEXT_RULES = ("TEXT.T3_MISMATCH", "TEXT.T4_MISMATCH")

#: the gold narrative figures about 表三/表四 with matches = false (the others must raise nothing)
MISMATCHES = {
    "2024-湘潭县统计局": [("TEXT.T3_MISMATCH", 0, 1)],
    "2024-淮安市洪泽区人民政府": [("TEXT.T3_MISMATCH", 17, 95)],
    "2024-平潭综合实验区海坛片区管理局": [("TEXT.T3_MISMATCH", 6, 0)],
    "2023-平潭综合实验区农业农村局": [("TEXT.T3_MISMATCH", 7, 0)],
}


def test_the_expected_list_is_the_gold() -> None:
    from_gold = {
        stem: sorted(
            (n["figure"], n["table_value"])
            for n in gold_data(stem)["narrative_figures"]
            if not n["matches"] and n["compare_to"][0][0] != "table2"
        )
        for stem in gold_stems()
    }
    assert {k: v for k, v in from_gold.items() if v} == {
        stem: sorted((f, t) for _, f, t in items) for stem, items in MISMATCHES.items()
    }


@pytest.mark.parametrize("stem", gold_stems())
def test_text_findings_are_the_known_mismatches(parsed: Parsed, stem: str) -> None:
    findings = run(parsed(stem), *TEXT_RULES)
    got = [(f.rule, f.values["left"], f.values["right"]) for f in findings]
    assert got == MISMATCHES.get(stem, [])
    assert all(f.severity is Severity.WARNING for f in findings)


def test_mismatch_quotes_the_sentence(parsed: Parsed) -> None:
    (finding,) = run(parsed("2024-淮安市洪泽区人民政府"), "TEXT.T3_MISMATCH")
    assert "区政府办代表区政府受理政府信息公开申请17件" in finding.values["quote"]
    assert finding.values["difference"] == -78
    assert finding.where.startswith("一、总体情况")
    assert finding.cells[0] == ("table3", "一、本年新收政府信息公开申请数量", "总计")


def test_zero_statement(parsed: Parsed) -> None:
    (finding,) = run(parsed("2024-湘潭县统计局"), "TEXT.T3_MISMATCH")
    assert "依申请公开的情况为零" in finding.values["quote"]
    assert "没有本年新收申请" in finding.message


def test_wrong_printed_total_shows_the_applicant_sum(parsed: Parsed) -> None:
    (finding,) = run(parsed("2024-平潭综合实验区海坛片区管理局"), "TEXT.T3_MISMATCH")
    assert "该行六个申请人列之和为 6" in finding.message


def test_agreeing_prose_of_huaian_is_read_and_matches(parsed: Parsed) -> None:
    report = parsed("2024-淮安市人民政府")
    found = {(c.figure, c.subject, c.column) for c in claims(report.section_text(Section.OVERVIEW))}
    assert {
        (3119, Subject.RECEIVED, None),
        (3050, Subject.ANSWERED, None),
        (34, Subject.CARRIED_IN, None),
        (103, Subject.CARRIED_OUT, None),
        (351, Subject.REVIEW, None),
        (37, Subject.REVIEW, Table4Column.PENDING),
        (46, Subject.SUIT, None),
        (25, Subject.SUIT, Table4Column.UPHELD),  # bound to 行政诉讼, the second time the words occur
        (7, Subject.SUIT, Table4Column.PENDING),
    } <= found
    assert run(report, *TEXT_RULES) == []


@pytest.mark.parametrize(
    "quote",
    [
        "全年印发公文类政府信息共514条，其中主动公开信息数130，依申请公开信息数363条，不予公开21条。",
        "2020年制作、获取政府信息总数425条，其中主动公开政府信息148条，依申请公开信息数182条，不予公开信息数95条。",
        "收到公民、法人和其他组织政府信息公开申请7件。从申请方式看，网络申请3件，占43%；信函申请4件，占57%。",
        "将政府网站平台信息公开工作纳入全区高质量发展考核内容，降低行政复议、行政诉讼发生率和纠错率。",
        "办理因政府信息公开引起的行政复议1件，当事人后续主动撤诉，未出现被纠错的情况。",
    ],
)
def test_traps_are_not_application_counts(quote: str) -> None:
    subjects = [(c.figure, c.subject) for c in claims(quote)]
    assert all(s in {Subject.RECEIVED, Subject.REVIEW} for _, s in subjects)
    assert 363 not in dict(subjects) and 182 not in dict(subjects) and 3 not in dict(subjects)
    assert (0, Subject.REVIEW) not in subjects


def test_pdf_spacing_and_chinese_numerals() -> None:
    text = "2024 年，全市共受理政府信息公开\n申请 3 119 件，答\n复 三十一 件。"
    found = [(c.figure, c.subject) for c in claims(text.replace("3 119", "3119"))]
    assert found == [(3119, Subject.RECEIVED), (31, Subject.ANSWERED)]


def _with_overview(stem: str, text: str) -> Report:
    report = report_from_gold(stem)
    report.sections[Section.OVERVIEW] = SectionText(Section.OVERVIEW, Section.OVERVIEW.title, text)
    return report


def test_edited_prose_against_table4() -> None:
    # 行政审批 2023: 1 review (结果维持), 1 lawsuit after review (其他结果)
    report = _with_overview("2023-平潭综合实验区行政审批局", "因依申请公开引发行政复议2起、行政诉讼1起。")
    (finding,) = run(report, "TEXT.T4_MISMATCH")
    assert finding.values["left"] == 2 and finding.values["right"] == 1
    assert finding.where == "一、总体情况 ↔ 表四 行政复议 · 总计"
    # "其中结果维持1件" follows 行政诉讼: 未经复议直接起诉 0 + 复议后起诉 0 结果维持 ≠ 1
    report = _with_overview("2023-平潭综合实验区行政审批局", "引发行政诉讼1起，其中结果维持1件。")
    (finding,) = run(report, "TEXT.T4_MISMATCH")
    assert finding.values["right"] == 0 and "结果维持" in finding.where


def test_none_stated_against_table4() -> None:
    report = _with_overview("2023-平潭综合实验区社会事业局", "本年度均无产生行政复议和行政诉讼情况。")
    (finding,) = run(report, "TEXT.T4_MISMATCH")  # 5 lawsuits in 表四, none in 行政复议
    assert finding.values["left"] == 0 and finding.values["right"] == 5


def test_blank_cell_is_not_compared() -> None:
    report = _with_overview("2023-互助县统计局", "本年度共受理政府信息公开申请3件。")
    assert run(report, *TEXT_RULES) == []


#: gold narrative figures about 表二 with matches = false that TEXT.T2_MISMATCH reports (提示); the three
#: "…类 N 条" topic counts (农业农村局, 社会事业局, 自然资源 2023) are left alone on purpose
T2_MISMATCHES = {
    "2024-淮安市人民政府": [(11, 8)],
    "2020-重庆市统计局": [(56, 7)],
}


@pytest.mark.parametrize("stem", gold_stems())
def test_table2_prose_mismatches_are_notices(parsed: Parsed, stem: str) -> None:
    findings = run(parsed(stem), "TEXT.T2_MISMATCH")
    assert [(f.values["left"], f.values["right"]) for f in findings] == T2_MISMATCHES.get(stem, [])
    assert all(f.severity is Severity.NOTICE for f in findings)


def test_table2_prose_reading() -> None:
    from gongkai.check.prose import DocumentCount, table2_claims
    from gongkai.model import Table2Row

    got = [
        (c.figure, c.row, c.count)
        for c in table2_claims(
            "全面梳理了我局现行有效的规范性文件16件。2023年，我局制定规范性文件5件，全部完成图文解读。"
            "其中政策、规范性文件类7条，行政许可类12条；共承办行政许可等审批事项148项；解读政策性文件10条。"
            "第二十条第（一）项信息内容。公示行政处罚信息56条;"
        )
    ]
    assert got == [
        (16, Table2Row.NORMATIVE_DOCUMENTS, DocumentCount.IN_FORCE),
        (5, Table2Row.NORMATIVE_DOCUMENTS, DocumentCount.ISSUED),
        (56, Table2Row.PENALTIES, DocumentCount.DECISIONS),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "没有因政府信息公开被申请行政复议或提起行政诉讼的情况。",
            [(0, Subject.REVIEW, None), (0, Subject.SUIT, None)],
        ),
        (
            "未发生因政府信息公开引起的行政复议、行政诉讼。",
            [(0, Subject.REVIEW, None), (0, Subject.SUIT, None)],
        ),
        ("行政复议纠错1件。", [(1, Subject.REVIEW, Table4Column.CORRECTED)]),
        # 撤回 is no column of 表四: the 1 is not compared, the 3 is
        ("本年度行政复议3件，其中撤回1件。", [(3, Subject.REVIEW, None)]),
        (
            "收到政府信息公开申请100件，同比增加20件，其中自然人申请90件，法人或其他组织申请10件。",
            [
                (100, Subject.RECEIVED, None),
                (90, Subject.RECEIVED_NATURAL, None),
                (10, Subject.RECEIVED_ORGANISATIONS, None),
            ],
        ),
        (
            "共收到政府信息公开申请十二件，其中上年结转二件。",
            [(12, Subject.RECEIVED, None), (2, Subject.CARRIED_IN, None)],
        ),
        ("依法依规做好第二十件民生实事。", []),
        ("除上述申请外，未收到其他政府信息公开申请。", []),
        ("依申请公开工作规范有序，全年办理行政许可事项2000件，答复人大代表建议5件。", []),
        (
            "行政诉讼案件2件，其中1件尚未审结。",
            [(2, Subject.SUIT, None), (1, Subject.SUIT, Table4Column.PENDING)],
        ),
        (
            "因政府信息公开被申请行政复议1件、被提起行政诉讼2件。",
            [(1, Subject.REVIEW, None), (2, Subject.SUIT, None)],
        ),
        # SH19 (format.md §3.2 I11): outcome figures whose scope differs from the rows are not compared
        ("予以公开及部分公开258件，因本机关不掌握等原因无法提供265件，不予公开35件，不予处理158件。", []),
    ],
)
def test_phrasings(sentence: str, expected: list[tuple[int, Subject, Table4Column | None]]) -> None:
    assert [(c.figure, c.subject, c.column) for c in claims(sentence)] == expected
