"""The rule registry: stable ids, documented, registration guarded, reports never changed."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from gongkai.check import RULES, check_report, has_errors, rule
from gongkai.model import Finding, Severity
from tests.check.gold import gold_stems, report_from_gold

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_every_rule_is_documented_with_its_severity() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for rule_id, r in RULES.items():
        row = re.search(rf"^\| `{re.escape(rule_id)}` \| (\S+) \|", text, re.MULTILINE)
        assert row is not None, f"{rule_id} missing from docs/rules.md"
        assert row.group(1) == str(r.severity), rule_id


def test_documented_ids_exist() -> None:
    documented = set(
        re.findall(r"^\| `([A-Z0-9]+\.[A-Z0-9_]+)` \|", DOCS.read_text(encoding="utf-8"), re.MULTILINE)
    )
    assert documented == set(RULES)


def test_ids_are_well_formed_and_have_a_chinese_basis() -> None:
    for rule_id, r in RULES.items():
        assert re.fullmatch(r"(FORM|T2|T3|T4|TEXT|CONTENT|CROSS)\.[A-Z0-9_]+", rule_id)
        assert re.search(r"[\u4e00-\u9fff]", r.basis) and re.search(r"[\u4e00-\u9fff]", r.title)


def test_an_id_cannot_be_registered_twice() -> None:
    with pytest.raises(ValueError, match=r"T3\.BALANCE"):
        rule("T3.BALANCE", Severity.ERROR, basis="x", title="x")(lambda report, context: iter(()))


@pytest.mark.parametrize("stem", gold_stems())
def test_checking_never_changes_the_report(stem: str) -> None:
    report = report_from_gold(stem)
    before = copy.deepcopy(report)
    check_report(report)
    assert report == before


def test_has_errors() -> None:
    warning = Finding("TEXT.T3_MISMATCH", Severity.WARNING, "m")
    error = Finding("T3.BALANCE", Severity.ERROR, "m")
    assert not has_errors([warning]) and has_errors([warning, error]) and not has_errors([])
