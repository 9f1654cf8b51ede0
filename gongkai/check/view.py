"""The findings of one report as data: grouped by rule, counted by severity, and as one JSON document
(the shape ``gongkai check --json`` prints and other tools read)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from gongkai.check.registry import RULES, SEVERITY_RANK, Rule
from gongkai.model import Finding, Report, Severity


@dataclass(frozen=True)
class Group:
    """All findings of one rule in one report."""

    rule: Rule
    findings: tuple[Finding, ...]

    @property
    def severity(self) -> Severity:
        """The worst severity among the findings (a rule may lower it for "not checkable" ones)."""
        return min((f.severity for f in self.findings), key=SEVERITY_RANK.__getitem__)


def group_by_rule(findings: Sequence[Finding]) -> list[Group]:
    """Findings grouped by rule, worst severity first, then in the registry's order."""
    order = {rule_id: i for i, rule_id in enumerate(RULES)}
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)
    groups = [Group(RULES[r], tuple(fs)) for r, fs in by_rule.items()]
    return sorted(groups, key=lambda g: (SEVERITY_RANK[g.severity], order[g.rule.id]))


def counts(findings: Sequence[Finding]) -> dict[str, int]:
    return {str(s): sum(1 for f in findings if f.severity is s) for s in Severity}


def findings_json(report: Report, findings: Sequence[Finding]) -> dict[str, Any]:
    """One report's check result as JSON-ready data."""
    return {
        "file": report.name,
        "agency": report.agency,
        "year": report.year,
        "format": report.format,
        "table_formats": report.table_formats,
        "counts": counts(findings),
        "clean": not findings,
        "rules": [
            {
                "rule": g.rule.id,
                "title": g.rule.title,
                "severity": str(g.severity),
                "basis": g.rule.basis,
                "findings": [f.to_json() for f in g.findings],
            }
            for g in group_by_rule(findings)
        ],
    }
