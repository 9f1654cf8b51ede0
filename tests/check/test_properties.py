"""Properties over generated 表三/表四 built from the form model: a consistent table raises no 错误; changing
one printed cell breaks an identity that names that cell; blanking it never gives an 错误."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.check import iter_findings
from gongkai.model import (
    APPLICANT_PARTS,
    FORMS,
    TABLE4_PARTS,
    Applicant,
    Edition,
    Report,
    Severity,
    Table3,
    Table3Role,
    Table4,
    Table4Column,
    Table4Group,
)
from tests.check.edit import value_cell

ARITHMETIC = (
    "T3.BALANCE",
    "T3.ROW_TOTAL",
    "T3.OUTCOME_TOTAL",
    "T4.GROUP_TOTAL",
    "T3.NOT_COUNT",
    "T4.NOT_COUNT",
)


@st.composite
def consistent_report(draw: st.DrawFn) -> Report:
    edition = draw(st.sampled_from(list(Edition)))
    form = FORMS[edition]
    counts = st.integers(min_value=0, max_value=50)
    t3 = Table3(edition)
    values: dict[tuple[object, Applicant], int] = {}
    outcome_rows = form.outcome_rows
    for a in APPLICANT_PARTS:
        for row in outcome_rows:
            values[(row, a)] = draw(counts)
        handled = sum(values[(row, a)] for row in outcome_rows)
        carried_out = draw(counts)
        carried_in = draw(st.integers(min_value=0, max_value=handled + carried_out))
        by_role = {
            Table3Role.OUTCOME_TOTAL: handled,
            Table3Role.CARRIED_OUT: carried_out,
            Table3Role.CARRIED_IN: carried_in,
            Table3Role.RECEIVED: handled + carried_out - carried_in,
        }
        for row in form.table3:
            if row.role in by_role:
                values[(row, a)] = by_role[row.role]
    for row in form.table3:
        values[(row, Applicant.TOTAL)] = sum(values[(row, a)] for a in APPLICANT_PARTS)
        for a in Applicant:
            t3.cells[(row, a)] = value_cell(str(values[(row, a)]))
    t4 = Table4()
    for group in Table4Group:
        parts = [draw(counts) for _ in TABLE4_PARTS]
        for column, v in zip(TABLE4_PARTS, parts, strict=True):
            t4.cells[(group, column)] = value_cell(str(v))
        t4.cells[(group, Table4Column.TOTAL)] = value_cell(str(sum(parts)))
    return Report(name="生成.txt", year=2024 if edition is Edition.F2021 else 2020, table3=t3, table4=t4)


@settings(max_examples=60, deadline=None)
@given(consistent_report())
def test_consistent_tables_raise_nothing(report: Report) -> None:
    assert list(iter_findings(report, rules=ARITHMETIC)) == []


@settings(max_examples=60, deadline=None)
@given(consistent_report(), st.data())
def test_one_changed_cell_is_named_by_an_error(report: Report, data: st.DataObject) -> None:
    assert report.table3 is not None
    keys = sorted(report.table3.cells, key=lambda k: (k[0].key, k[1].label))
    row, column = data.draw(st.sampled_from(keys))
    cell = report.table3.cells[(row, column)]
    assert cell.number is not None
    report.table3.cells[(row, column)] = value_cell(str(cell.number + data.draw(st.integers(1, 9))))
    errors = [f for f in iter_findings(report, rules=ARITHMETIC) if f.severity is Severity.ERROR]
    assert errors and all(("table3", row.key, column.label) in f.cells for f in errors)


@settings(max_examples=60, deadline=None)
@given(consistent_report(), st.data())
def test_a_blanked_cell_never_gives_an_error(report: Report, data: st.DataObject) -> None:
    assert report.table3 is not None
    keys = sorted(report.table3.cells, key=lambda k: (k[0].key, k[1].label))
    row, column = data.draw(st.sampled_from(keys))
    report.table3.cells[(row, column)] = value_cell(data.draw(st.sampled_from(["", "/", "-", "无"])))
    assert not [f for f in iter_findings(report, rules=ARITHMETIC) if f.severity is Severity.ERROR]


PRINTED = st.one_of(
    st.integers(min_value=-5, max_value=500).map(str),
    st.sampled_from(["", "/", "-", "—", "无", "不适用", "1.5", "+3", "12元", "3.25万元", "2笔", "１２"]),
)


@st.composite
def messy_report(draw: st.DrawFn) -> Report:
    """Any mix of printed values, blanks, marks, words and unknown cells, in any edition and year."""
    from gongkai.model import Table2, form_for
    from tests.check.edit import uncertain_cell

    edition = draw(st.sampled_from(list(Edition)))
    report = Report(name="杂.txt", year=draw(st.one_of(st.none(), st.integers(2015, 2026))))

    def cell() -> object:
        return uncertain_cell() if draw(st.integers(0, 9)) == 0 else value_cell(draw(PRINTED))

    if draw(st.booleans()):
        t2 = Table2(edition)
        for key in form_for(edition).table2_cells:
            t2.cells[key] = cell()
        report.table2 = t2
    if draw(st.booleans()):
        t3 = Table3(draw(st.sampled_from(list(Edition))))
        for row in t3.rows:
            for a in Applicant:
                t3.cells[(row, a)] = cell()
        report.table3 = t3
    if draw(st.booleans()):
        t4 = Table4()
        for g in Table4Group:
            for c in Table4Column:
                t4.cells[(g, c)] = cell()
        report.table4 = t4
    return report


@settings(max_examples=150, deadline=None)
@given(messy_report(), st.one_of(st.none(), messy_report()))
def test_any_report_is_checked_without_failing(report: Report, previous: Report | None) -> None:
    from gongkai.check import RULES, check_report

    findings = check_report(report, previous)
    for f in findings:
        assert f.rule in RULES and f.message
        assert f.severity is not Severity.ERROR or (
            f.rule in RULES and RULES[f.rule].severity is Severity.ERROR
        )


def test_an_empty_report_has_nothing_to_say() -> None:
    from gongkai.check import check_report

    assert check_report(Report(name="空.txt")) == []
