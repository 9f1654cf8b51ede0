"""Fixtures for the writer tests: reports with every cell different (see reports.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.model import Edition, Report
from gongkai.write.draft import FeeFigures
from tests.write.reports import make_report


@pytest.fixture(params=[Edition.F2021, Edition.F2019], ids=["2021", "2019"])
def report(request: pytest.FixtureRequest) -> Report:
    return make_report(request.param, FeeFigures(2, Decimal("3000"), 1, Decimal("1000")))


@pytest.fixture
def report_2021() -> Report:
    return make_report(Edition.F2021, FeeFigures(2, Decimal("3000"), 1, Decimal("1000")))
