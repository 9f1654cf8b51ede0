"""The rule registry: every rule is a small generator registered by ``@rule`` under a stable id.

A rule yields ``Hit``s (what it found, where, with which values); the registry turns each into a
``Finding`` carrying the rule's id, severity and basis, so a rule body says only what is specific to it.
Ids are never reused: a rule that is withdrawn keeps its id out of circulation (see docs/rules.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from gongkai.model import Finding, Report, Severity, Source

T = TypeVar("T")

#: The order severities are listed in (worst first) and the rank used to compare them.
SEVERITY_RANK: dict[Severity, int] = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTICE: 2}


@dataclass(frozen=True)
class Hit:
    """What a rule found; the registry adds the rule id, the severity and the basis.

    ``severity`` may lower the rule's own severity for one hit (e.g. an identity that cannot be checked
    because a cell is uncertain is a 提示, never an 错误); it is never raised above the rule's severity.
    """

    message: str
    where: str = ""
    values: dict[str, Any] = field(default_factory=dict)
    cells: tuple[tuple[str, str, str], ...] = ()
    sources: tuple[Source, ...] = ()
    severity: Severity | None = None


@dataclass
class Context:
    """What a rule may know besides the report: the same agency's report of the year before (for the
    cross-year rules), and a memo where rules share what they derive from the report being checked
    (its cells by table, the prose figures) so that it is derived once per check."""

    previous: Report | None = None
    memo: dict[str, Any] = field(default_factory=dict)

    def cached(self, key: str, compute: Callable[[], T]) -> T:
        if key not in self.memo:
            self.memo[key] = compute()
        value: T = self.memo[key]
        return value


RuleFunction = Callable[[Report, Context], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    title: str
    basis: str
    function: RuleFunction
    #: rules over two reports (year Y−1 and Y) run only when a previous report is given
    cross_year: bool = False

    def run(self, report: Report, context: Context) -> Iterator[Finding]:
        for hit in self.function(report, context):
            severity = self.severity
            if hit.severity is not None and SEVERITY_RANK[hit.severity] > SEVERITY_RANK[severity]:
                severity = hit.severity
            yield Finding(
                rule=self.id,
                severity=severity,
                message=hit.message,
                where=hit.where,
                basis=self.basis,
                values=hit.values,
                cells=tuple(dict.fromkeys(hit.cells)),
                # a merged cell is the source of several values: name each place once
                sources=tuple(dict.fromkeys(hit.sources)),
            )


#: id → Rule, in registration order (which is the order findings are reported in).
RULES: dict[str, Rule] = {}


def rule(
    rule_id: str, severity: Severity, *, basis: str, title: str, cross_year: bool = False
) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule function under ``rule_id``; the id must be new."""

    def register(function: RuleFunction) -> RuleFunction:
        if rule_id in RULES:
            raise ValueError(f"rule id {rule_id} registered twice")
        RULES[rule_id] = Rule(rule_id, severity, title, basis, function, cross_year)
        return function

    return register


def iter_findings(
    report: Report, context: Context | None = None, *, rules: Iterable[str] | None = None
) -> Iterator[Finding]:
    """Run the rules (all, or the ids given) over one report. Cross-year rules run only with a
    previous report in the context."""
    ctx = context or Context()
    ctx.memo.clear()  # the memo belongs to one report
    selected = RULES.values() if rules is None else [RULES[r] for r in rules]
    for r in selected:
        if r.cross_year and ctx.previous is None:
            continue
        yield from r.run(report, ctx)


def check_report(report: Report, previous: Report | None = None) -> list[Finding]:
    """All findings for ``report``; with ``previous`` (the same agency, the year before) also the
    cross-year ones. The report is not changed."""
    return list(iter_findings(report, Context(previous=previous)))


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
