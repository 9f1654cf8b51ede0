"""表四 and 表二 rules on the corpus and on edited copies."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gongkai.model import Report, Severity, Table2Column, Table2Row, Table4Column, Table4Group
from tests.check.edit import run, set_t2, set_t4, value_cell
from tests.check.gold import gold_stems

Gold = Callable[[str], Report]
T2_RULES = (
    "T2.NOT_COUNT",
    "T2.FEE_UNIT",
    "T2.AMOUNT_UNIT",
    "T2.ITEMS_NEGATIVE",
    "T2.PUBLISHED_EXCEEDS_TOTAL",
)


@pytest.mark.parametrize("stem", gold_stems())
def test_t4_group_total_only_on_honze_2023(gold: Gold, stem: str) -> None:
    findings = run(gold(stem), "T4.GROUP_TOTAL", "T4.TOTAL_BLANK", "T4.NOT_COUNT")
    if stem == "2023-淮安市洪泽区人民政府":
        # gold notes: 行政复议 10, 1, 0, 0 with 总计 0; 复议后起诉 5, 0, 0, 0 with 总计 0
        assert [(f.where, f.values["left"], f.values["right"]) for f in findings] == [
            ("表四 行政复议 · 总计", 0, 11),
            ("表四 行政诉讼 · 复议后起诉 · 总计", 0, 5),
        ]
        assert all(f.severity is Severity.ERROR for f in findings)
    else:
        assert findings == []


def test_t4_blank_total_beside_results(gold: Gold) -> None:
    report = gold("2024-淮安市人民政府")
    set_t4(report, Table4Group.SUIT_DIRECT, Table4Column.TOTAL, value_cell(""))
    assert run(report, "T4.GROUP_TOTAL") == []
    (finding,) = run(report, "T4.TOTAL_BLANK")
    assert finding.where == "表四 行政诉讼 · 未经复议直接起诉 · 总计" and finding.severity is Severity.WARNING


def test_t4_edited_part(gold: Gold) -> None:
    report = gold("2023-平潭综合实验区行政审批局")
    set_t4(report, Table4Group.REVIEW, Table4Column.PENDING, "2")
    (finding,) = run(report, "T4.GROUP_TOTAL")
    assert finding.values == {
        "left_label": "总计",
        "left": 1,
        "right_label": "四项结果之和",
        "right": 3,
        "difference": -2,
    }


@pytest.mark.parametrize("stem", gold_stems())
def test_t2_rules_silent_on_the_corpus(gold: Gold, stem: str) -> None:
    # 采购总金额 is printed with its unit in every 2019 report here (2367.4314万元, 984361元, 40.1396 万元)
    # or is 0 (公安局 2019); the 2021 fees are plain numbers in 万元
    assert run(gold(stem), *T2_RULES) == []


def test_fee_printed_in_yuan_is_an_error(gold: Gold) -> None:
    report = gold("2024-淮安市洪泽区人民政府")
    set_t2(report, Table2Row.FEES, Table2Column.FEE_AMOUNT, "75450000元")
    (finding,) = run(report, "T2.FEE_UNIT")
    assert finding.severity is Severity.ERROR
    assert finding.values["unit"] == "元" and finding.values["required_unit"] == "万元"
    assert "7545 万元" in finding.message  # shown converted, never changed
    assert report.table2 is not None
    assert report.table2.get(Table2Row.FEES, Table2Column.FEE_AMOUNT).number == 75450000


def test_zero_yuan_is_zero(gold: Gold) -> None:
    report = gold("2024-淮安市洪泽区人民政府")
    set_t2(report, Table2Row.FEES, Table2Column.FEE_AMOUNT, "0元")
    assert run(report, "T2.FEE_UNIT") == []


def test_fee_in_wan_with_decimals_is_fine(gold: Gold) -> None:
    report = gold("2024-淮安市人民政府")  # 96171.6 万元
    assert run(report, "T2.FEE_UNIT", "T2.NOT_COUNT") == []


def test_signed_change_only_where_the_2019_form_allows(gold: Gold) -> None:
    report = gold("2019-平潭综合实验区公安局")
    set_t2(report, Table2Row.LICENSING, Table2Column.CHANGE, "-8")
    assert run(report, "T2.NOT_COUNT") == []
    set_t2(report, Table2Row.LICENSING, Table2Column.DECISIONS_2019, "-8")
    (finding,) = run(report, "T2.NOT_COUNT")
    assert finding.cells == (("table2", "行政许可", "处理决定数量"),)
    set_t2(report, Table2Row.FEES, Table2Column.CHANGE, "-20")  # 12 items last year, −20 now
    (negative,) = run(report, "T2.ITEMS_NEGATIVE")
    assert negative.values["left"] == -8


def test_count_with_a_money_unit(gold: Gold) -> None:
    report = gold("2024-淮安市人民政府")
    set_t2(report, Table2Row.LICENSING, Table2Column.DECISIONS, "3.5")
    set_t2(report, Table2Row.PENALTIES, Table2Column.DECISIONS, "12元")
    messages = [f.message for f in run(report, "T2.NOT_COUNT")]
    assert len(messages) == 2 and "不是整数" in messages[0] and "带金额单位" in messages[1]


def test_procurement_amount_without_unit(gold: Gold) -> None:
    report = gold("2020-平潭综合实验区财政金融局")
    set_t2(report, Table2Row.PROCUREMENT, Table2Column.PROCUREMENT_AMOUNT, "984361")
    (finding,) = run(report, "T2.AMOUNT_UNIT")
    assert finding.severity is Severity.NOTICE and "未注明单位" in finding.message


def test_published_exceeds_total(gold: Gold) -> None:
    report = gold("2020-平潭综合实验区财政金融局")  # 规范性文件 6 / 4 / 11
    set_t2(report, Table2Row.NORMATIVE_DOCUMENTS, Table2Column.NEW_PUBLISHED, "12")
    (finding,) = run(report, "T2.PUBLISHED_EXCEEDS_TOTAL")
    assert finding.values["difference"] == 1
