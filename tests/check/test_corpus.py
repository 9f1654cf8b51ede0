"""The whole catalogue over the parsed corpus: 错误 only where the source really is wrong, and every report
with a known 错误-level problem gets it. (Per-rule detail is in the other test files; the full list of
known problems with their citations is in bench/rules.py.)"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gongkai.check import check_report, has_errors
from gongkai.model import Report, Severity
from tests.check.gold import gold_stems

Parsed = Callable[[str], Report]

#: reports whose printed tables or form are wrong (corpus README "Cases worth knowing", gold notes):
#: the 错误 rules each must raise
WITH_ERRORS: dict[str, set[str]] = {
    "2023-互助县统计局": {"FORM.OLD_TABLES", "FORM.TABLE_EMPTY"},
    "2023-淮安市洪泽区人民政府": {"FORM.OLD_TABLES", "T4.GROUP_TOTAL"},
    "2024-淮安市洪泽区人民政府": {"FORM.OLD_TABLES"},
    "2023-平潭综合实验区自然资源与生态环境局": {"T3.BALANCE", "T3.ROW_TOTAL"},
    "2024-平潭综合实验区海坛片区管理局": {"T3.ROW_TOTAL", "T3.OUTCOME_TOTAL"},
    "2023-平潭综合实验区农业农村局": {"T3.ROW_TOTAL"},
}


@pytest.mark.parametrize("stem", gold_stems())
def test_errors_only_where_the_source_is_wrong(parsed: Parsed, stem: str) -> None:
    findings = check_report(parsed(stem))
    assert {f.rule for f in findings if f.severity is Severity.ERROR} == WITH_ERRORS.get(stem, set())
    assert has_errors(findings) == (stem in WITH_ERRORS)


@pytest.mark.parametrize(
    "stem",
    [
        "2023-平潭综合实验区行政审批局",
        "2024-未署名某局",
        "2024-西宁市城中区统计局",
        "2020-平潭综合实验区财政金融局",
    ],
)
def test_clean_reports_have_no_finding_at_all(parsed: Parsed, stem: str) -> None:
    assert check_report(parsed(stem)) == []
