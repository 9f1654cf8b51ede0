"""Round trip — the measurement of issue 6.

A register of 1,200 generated requests spread over 2024 and 2025 with every 表三 outcome used → the
annual report of each year built by ``gongkai report build`` (表三/表四 from the register, 表二 typed by
the clerk into the template, the six sections drafted) → written as HTML, DOCX, PDF and Markdown → read
back by gongkai's own readers and parser → the same value in every cell of 表二, 表三 and 表四 as the
report that was built, and gongkai's checker finds no 错误 in it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongkai.check import check_report
from gongkai.cli import app
from gongkai.model import FORM_2021, Applicant, Edition, Report, Section, Severity, Table4Column, Table4Group
from gongkai.parse import parse_file
from gongkai.register import fees_for_year, generate, tables_for_year
from gongkai.store import open_store
from gongkai.write import FeeFigures, draft_report, read_report_json
from gongkai.write.table2_file import VALUE, read_table2_file
from tests.write.reports import differences

REQUESTS = 1200
YEARS = (2024, 2025)
AGENCY = "某县人民政府办公室"
FORMATS = ("html", "docx", "pdf", "md")


@dataclass
class Built:
    year: int
    expected: Report  # the report as built, before any writing
    files: dict[str, Path]  # format → the file gongkai report build wrote


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("register") / "register.sqlite"
    store = open_store(db)
    try:
        assert generate(store, REQUESTS, YEARS, seed=2026) == REQUESTS
    finally:
        store.close()
    return db


def _fill_table2(template: Path, out: Path) -> None:
    """What a clerk types into the 表二 template: numbers, a decimal amount in 万元, one "/" and one blank."""
    with template.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    header = rows[0]
    value = header.index(VALUE)
    for i, row in enumerate(rows[1:], start=1):
        row[value] = str(3 * i + 1)
    rows[1][value] = "/"  # 规章 · 本年制发件数: not applicable
    rows[2][value] = ""  # 规章 · 本年废止件数: left blank (not 0)
    rows[-1][value] = "0.35"  # 行政事业性收费 · 本年收费金额（单位：万元）
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)


@pytest.fixture(scope="module", params=YEARS, ids=[str(y) for y in YEARS])
def built(request: pytest.FixtureRequest, register: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    year: int = request.param
    work = tmp_path_factory.mktemp(f"report{year}")
    runner = CliRunner()
    template, filled = work / "表二模板.csv", work / "表二.csv"
    result = runner.invoke(app, ["report", "table2-template", "-o", str(template)])
    assert result.exit_code == 0, result.output
    _fill_table2(template, filled)
    out = work / "out"
    result = runner.invoke(
        app,
        ["report", "build", "--year", str(year), "--db", str(register), "--table2", str(filled),
         "--agency", AGENCY, "--format", "html,docx,pdf,md,json", "--output", str(out)],
    )
    assert result.exit_code == 0, result.output
    files = {path.suffix.lstrip("."): path for path in out.iterdir()}
    assert set(files) == {*FORMATS, "json"}
    # the report the command built, made again through the library from the same register and 表二
    store = open_store(register)
    try:
        table3, table4 = tables_for_year(store, year, Edition.F2021)
        fee = fees_for_year(store, year)
    finally:
        store.close()
    expected = draft_report(
        year=year,
        agency=AGENCY,
        table2=read_table2_file(filled).table,
        table3=table3,
        table4=table4,
        fees=FeeFigures(fee.notices, Decimal(fee.amount_notified), fee.payments, Decimal(fee.amount_collected)),
    )
    return Built(year, expected, files)


def test_register_has_every_outcome_over_the_two_years(register: Path) -> None:
    store = open_store(register)
    try:
        tables = [tables_for_year(store, year, Edition.F2021) for year in YEARS]
    finally:
        store.close()
    unused = [
        row.place
        for row in FORM_2021.outcome_rows
        if sum(t3.number(row, Applicant.TOTAL) or 0 for t3, _ in tables) == 0
    ]
    assert unused == []
    received = sum(t3.number(FORM_2021.table3[0], Applicant.TOTAL) or 0 for t3, _ in tables)
    assert received >= 1000
    appeals = sum(t4.number(g, Table4Column.TOTAL) or 0 for _, t4 in tables for g in Table4Group)
    assert appeals > 0


def test_built_report_passes_the_checker(built: Built) -> None:
    errors = [f"{f.rule} {f.where}：{f.message}" for f in check_report(built.expected) if f.severity is Severity.ERROR]
    assert errors == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_cell_reads_back_identical(built: Built, fmt: str) -> None:
    parsed = parse_file(built.files[fmt])
    assert differences(built.expected, parsed) == []
    assert (parsed.year, parsed.agency, parsed.format) == (built.year, AGENCY, "2021")


@pytest.mark.parametrize("fmt", FORMATS)
def test_read_back_report_has_no_errors(built: Built, fmt: str) -> None:
    parsed = parse_file(built.files[fmt])
    errors = [f"{f.rule} {f.where}：{f.message}" for f in check_report(parsed) if f.severity is Severity.ERROR]
    assert errors == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_read_back_report_has_the_six_sections_and_the_drafted_figures(built: Built, fmt: str) -> None:
    parsed = parse_file(built.files[fmt])
    assert parsed.sections_present == [s.numeral for s in Section]
    # the drafted overview sentence, with its figures, survives the trip (PDF lines are re-joined)
    drafted = built.expected.section_text(Section.OVERVIEW).splitlines()[1]
    assert drafted in "".join(parsed.section_text(Section.OVERVIEW).split())


def test_report_json_reads_back_identical(built: Built) -> None:
    again = read_report_json(built.files["json"])
    assert differences(built.expected, again) == []
    assert {s: again.section_text(s) for s in Section} == {s: built.expected.section_text(s) for s in Section}
