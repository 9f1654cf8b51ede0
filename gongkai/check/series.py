"""Checking several reports at once: each report with the same agency's report of the year before, when
it is among them, so that the cross-year rules run."""

from __future__ import annotations

from collections.abc import Sequence

from gongkai.check.registry import check_report
from gongkai.model import Finding, Report


def previous_reports(reports: Sequence[Report]) -> list[Report | None]:
    """For each report, the report in ``reports`` of the same named agency on the year before (or None).
    Reports whose agency is not named are never paired: two "我局" reports need not be one agency."""
    by_key: dict[tuple[str, int], Report] = {}
    for r in reports:
        if r.agency and r.year is not None:
            by_key.setdefault((r.agency, r.year), r)
    return [by_key.get((r.agency, r.year - 1)) if r.agency and r.year is not None else None for r in reports]


def check_reports(reports: Sequence[Report]) -> list[list[Finding]]:
    """Findings for each report, in order, with cross-year rules where the previous year is present."""
    return [check_report(r, p) for r, p in zip(reports, previous_reports(reports), strict=True)]
