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

from gongkai.model import Report, Section, SectionText
from gongkai.write.report_json import report_from_json

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
GOLD = CORPUS / "gold"
REPORTS = CORPUS / "reports"


def gold_data(stem: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    return data


def report_from_gold(stem: str) -> Report:
    """The gold file read as any report JSON is, plus the gold's own conventions: an all-null 表二 row is a
    row the report does not print, and sections are known by numeral only."""
    g = gold_data(stem)
    report = report_from_json(g, next(p.name for p in REPORTS.iterdir() if p.stem == stem))
    t2 = report.table2
    if t2 is not None:
        for row in t2.form.table2_rows:
            cells = [t2.cells[(row, column)] for column in t2.form.table2_columns(row)]
            if all(c.value is not None and c.value.is_blank for c in cells):
                t2.missing_rows.append(row)
                for column in t2.form.table2_columns(row):
                    del t2.cells[(row, column)]
    for section in Section:
        if section.numeral in g["sections_present"]:
            report.sections[section] = SectionText(section, section.title, "")
    report.section_order = list(report.sections)
    return report


def gold_stems() -> list[str]:
    return sorted(p.stem for p in GOLD.glob("*.json"))
