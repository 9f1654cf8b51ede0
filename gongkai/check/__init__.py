"""Stage: check. Report → findings, never changing a value.

Every rule is a generator registered with ``@rule`` under a stable id in ``RULES`` (see docs/rules.md);
the arithmetic rules iterate the form model, so a row or column is never named by a string here.

    findings = check_report(report)               # one report
    findings = check_report(report, previous)     # … with the cross-year rules
    has_errors(findings)                          # for the exit code
"""

# isort: off
# Importing a rule module registers its rules; this order is the order findings are listed in.
from gongkai.check import structure  # noqa: F401
from gongkai.check import table2  # noqa: F401
from gongkai.check import table3  # noqa: F401
from gongkai.check import table4  # noqa: F401
from gongkai.check import text  # noqa: F401
from gongkai.check import content  # noqa: F401
from gongkai.check import cross_year  # noqa: F401

# isort: on
from gongkai.check.registry import (
    RULES,
    SEVERITY_RANK,
    Context,
    Hit,
    Rule,
    check_report,
    has_errors,
    iter_findings,
    rule,
)
from gongkai.check.series import check_reports, previous_reports
from gongkai.check.view import Group, counts, findings_json, group_by_rule

__all__ = [
    "RULES",
    "SEVERITY_RANK",
    "Context",
    "Group",
    "Hit",
    "Rule",
    "check_report",
    "check_reports",
    "counts",
    "findings_json",
    "group_by_rule",
    "has_errors",
    "iter_findings",
    "previous_reports",
    "rule",
]
