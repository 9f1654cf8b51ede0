"""Build a ``Report`` from a corpus gold file, for checker tests that need the tables exactly as printed.

Every cell's value is ``read_value`` of the printed form: the gold's ``printed_forms`` text when it has
one (so "2367.4314万元" keeps its unit), else the stored value ("/" stays "/"); null is a printed blank.
A 表二 row whose cells are all null is a row the report does not print (the gold notes say so for
社会事业 2023 and 海坛片区 2024) and goes to ``missing_rows``. Sections carry their heading only: the gold
has no section text, so the text-against-table rules are tested on parsed reports and small built ones.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gongkai.model import (
    TABLE4_CELLS,
    Applicant,
    Cell,
    Edition,
    Report,
    Section,
    SectionText,
    Table2,
    Table3,
    Table4,
    form_for,
    read_value,
)
from gongkai.model.values import BLANK

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
GOLD = CORPUS / "gold"
REPORTS = CORPUS / "reports"


def gold_data(stem: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    return data


def _cell(value: Any, printed: str | None) -> Cell:
    if printed is not None:
        parsed = read_value(printed)
    elif value is None:
        return Cell(BLANK, how="gold")
    else:
        parsed = read_value(str(value))
    assert parsed is not None, f"gold value {value!r} / {printed!r} is not a cell value"
    return Cell(parsed, how="gold")


def report_from_gold(stem: str) -> Report:
    g = gold_data(stem)
    printed = {tuple(p["cell"]): p["printed"] for p in g.get("printed_forms", [])}
    report = Report(
        name=next(p.name for p in REPORTS.iterdir() if p.stem == stem),
        agency=g["agency"],
        year=g["year"],
        format=g["format"],
    )
    formats = g["table_formats"]
    if g["table2"] is not None:
        edition = Edition(formats["table2"])
        t2 = Table2(edition)
        form = form_for(edition)
        for row in form.table2_rows:
            printed_row = g["table2"][row.label_in(edition)]
            if all(v is None for v in printed_row.values()):
                t2.missing_rows.append(row)
                continue
            for column in form.table2_columns(row):
                ref = ("table2", row.label_in(edition), column.label)
                t2.cells[(row, column)] = _cell(printed_row[column.label], printed.get(ref))
        report.table2 = t2
    if g["table3"] is not None:
        t3 = Table3(Edition(formats["table3"]))
        for row in t3.rows:
            for column, value in zip(Applicant, g["table3"][row.key], strict=True):
                ref = ("table3", row.key, column.label)
                t3.cells[(row, column)] = _cell(value, printed.get(ref))
        report.table3 = t3
    if g["table4"] is not None:
        t4 = Table4()
        for (group, column), value in zip(TABLE4_CELLS, g["table4"], strict=True):
            t4.cells[(group, column)] = _cell(value, printed.get(("table4", group.label, column.label)))
        report.table4 = t4
    for section in Section:
        if section.numeral in g["sections_present"]:
            report.sections[section] = SectionText(section, section.title, "")
            report.section_order.append(section)
    return report


def gold_stems() -> list[str]:
    return sorted(p.stem for p in GOLD.glob("*.json"))
