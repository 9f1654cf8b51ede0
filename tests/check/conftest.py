"""Fixtures for the checker tests: reports built from the gold files (tables exactly as printed) and
reports parsed from the corpus files (for the rules that read the prose)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest

from gongkai.model import Report
from tests.check.gold import REPORTS, report_from_gold


@cache
def _parsed(stem: str) -> Report:
    from gongkai.parse import parse_file

    path = next(p for p in REPORTS.iterdir() if p.stem == stem)
    return parse_file(path)


@pytest.fixture(scope="session")
def parsed() -> Callable[[str], Report]:
    """The parsed corpus report with this stem (parsed once per session)."""
    return _parsed


@pytest.fixture
def gold() -> Callable[[str], Report]:
    """A fresh Report built from the gold file with this stem (tests may edit it)."""
    return report_from_gold
