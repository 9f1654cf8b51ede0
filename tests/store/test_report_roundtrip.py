"""Report → store → load gives the same JSON, for any 表三/表四 values (Hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.model import (
    FORM_2021,
    TABLE4_CELLS,
    Applicant,
    Cell,
    Edition,
    Report,
    Table3,
    Table4,
    read_value,
)
from gongkai.store import open_store

STORE = open_store("sqlite://")
printed = st.one_of(st.integers(0, 100000).map(str), st.sampled_from(["", "/", "—", "0", "1.5万元"]))


@settings(max_examples=40, deadline=None)
@given(t3=st.lists(printed, min_size=len(FORM_2021.table3) * 7, max_size=len(FORM_2021.table3) * 7),
       t4=st.lists(printed, min_size=len(TABLE4_CELLS), max_size=len(TABLE4_CELLS)),
       agency=st.text(min_size=1, max_size=30))
def test_report_round_trip(t3: list[str], t4: list[str], agency: str) -> None:
    table3 = Table3(Edition.F2021)
    values = iter(t3)
    for row in FORM_2021.table3:
        for a in Applicant:
            table3.cells[(row, a)] = Cell(read_value(next(values)))
    table4 = Table4({cell: Cell(read_value(text)) for cell, text in zip(TABLE4_CELLS, t4, strict=True)})
    report = Report(name="r.html", agency=agency, year=2025, format="2021", table3=table3, table4=table4)
    rid = STORE.save_report(report)
    assert STORE.report(rid).data == report.to_json()
