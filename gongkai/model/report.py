"""A parsed annual report: its identity, sections, the three tables cell by cell with provenance, and the
findings a checker attached. ``Report.to_json`` gives the shape of the corpus gold files
(``../shared/corpus/README.md``) plus provenance and findings; other tools consume it, so keep it stable.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any, NamedTuple

from gongkai.model.form import (
    APPLICANT_PARTS,
    TABLE4_CELLS,
    TABLE4_PARTS,
    Applicant,
    Edition,
    Form,
    Section,
    Table2Column,
    Table2Row,
    Table3Row,
    Table4Column,
    Table4Group,
    form_for,
)
from gongkai.model.values import CellKind, CellValue, Number

# ---------------------------------------------------------------------------------------------- provenance


class Source(NamedTuple):
    """Where a piece of text came from. Text: line (1-based) and column (0-based character offset);
    HTML/DOCX: table index and grid row/column (0-based); PDF: page (1-based) and bbox in points."""

    line: int | None = None
    column: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None

    def describe(self) -> str:
        """The place in Chinese, for messages: "第 12 行第 3 列", "第 2 个表格第 5 行第 3 格", "第 4 页"."""
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"第 {self.page} 页")
        if self.table is not None:
            parts.append(f"第 {self.table + 1} 个表格")
            if self.row is not None:
                parts.append(f"第 {self.row + 1} 行")
            if self.col is not None:
                parts.append(f"第 {self.col + 1} 格")
        elif self.line is not None:
            parts.append(f"第 {self.line} 行")
            if self.column is not None and self.column > 0:
                parts.append(f"第 {self.column + 1} 字")
        if self.bbox is not None:
            x0, top, x1, bottom = self.bbox
            parts.append(f"({x0:.0f},{top:.0f})–({x1:.0f},{bottom:.0f})")
        return "".join(parts) if parts else "未知位置"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in ("line", "column", "table", "row", "col", "page"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.bbox is not None:
            out["bbox"] = [round(v, 1) for v in self.bbox]
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Source:
        bbox = data.get("bbox")
        return cls(
            line=data.get("line"),
            column=data.get("column"),
            table=data.get("table"),
            row=data.get("row"),
            col=data.get("col"),
            page=data.get("page"),
            bbox=(float(bbox[0]), float(bbox[1]), float(bbox[2]), float(bbox[3])) if bbox else None,
        )


# ---------------------------------------------------------------------------------------------- cells


class Cell(NamedTuple):
    """One cell of a table as read: the printed value (None when it cannot be known), where it came from,
    how it was read, and why it is uncertain (None when it is certain)."""

    value: CellValue | None
    source: Source | None = None
    how: str = ""
    uncertain: str | None = None

    @property
    def number(self) -> Number | None:
        """The printed number; None for blanks, marks, text and unknown cells (never 0 by default)."""
        if self.value is not None and self.value.kind is CellKind.NUMBER:
            return self.value.number
        return None

    def json_value(self) -> int | float | str | None:
        return None if self.value is None else self.value.json_value()


MISSING = Cell(None, how="未印出")


@dataclass
class Table2:
    edition: Edition
    cells: dict[tuple[Table2Row, Table2Column], Cell] = field(default_factory=dict)
    #: rows the form has but the printed table lacks (e.g. no 规章 row)
    missing_rows: list[Table2Row] = field(default_factory=list)

    @property
    def form(self) -> Form:
        return form_for(self.edition)

    def get(self, row: Table2Row, column: Table2Column) -> Cell:
        return self.cells.get((row, column), MISSING)

    def to_json(self) -> dict[str, dict[str, Any]]:
        return {
            row.label_in(self.edition): {
                col.label: self.get(row, col).json_value() for col in self.form.table2_columns(row)
            }
            for row in self.form.table2_rows
        }


@dataclass
class Table3:
    edition: Edition
    cells: dict[tuple[Table3Row, Applicant], Cell] = field(default_factory=dict)

    @property
    def form(self) -> Form:
        return form_for(self.edition)

    @property
    def rows(self) -> tuple[Table3Row, ...]:
        return self.form.table3

    def get(self, row: Table3Row, column: Applicant) -> Cell:
        return self.cells.get((row, column), MISSING)

    def number(self, row: Table3Row, column: Applicant) -> Number | None:
        return self.get(row, column).number

    def parts(self, row: Table3Row) -> list[Cell]:
        return [self.get(row, a) for a in APPLICANT_PARTS]

    def to_json(self) -> dict[str, list[Any]]:
        return {row.key: [self.get(row, a).json_value() for a in Applicant] for row in self.rows}


@dataclass
class Table4:
    cells: dict[tuple[Table4Group, Table4Column], Cell] = field(default_factory=dict)

    def get(self, group: Table4Group, column: Table4Column) -> Cell:
        return self.cells.get((group, column), MISSING)

    def number(self, group: Table4Group, column: Table4Column) -> Number | None:
        return self.get(group, column).number

    def parts(self, group: Table4Group) -> list[Cell]:
        return [self.get(group, c) for c in TABLE4_PARTS]

    def to_json(self) -> list[Any]:
        return [self.get(g, c).json_value() for g, c in TABLE4_CELLS]


# ---------------------------------------------------------------------------------------------- references


def cell_ref(table: str, row: str, column: str) -> list[str]:
    """A cell reference as the gold files write it: ["table3", row key, column label]."""
    return [table, row, column]


def iter_cells(report: Report) -> Iterator[tuple[list[str], Cell]]:
    """Every cell of the report's tables with its gold-style reference, in printed order."""
    if report.table2 is not None:
        t2 = report.table2
        for row in t2.form.table2_rows:
            for col in t2.form.table2_columns(row):
                yield cell_ref("table2", row.label_in(t2.edition), col.label), t2.get(row, col)
    if report.table3 is not None:
        t3 = report.table3
        for row3 in t3.rows:
            for a in Applicant:
                yield cell_ref("table3", row3.key, a.label), t3.get(row3, a)
    if report.table4 is not None:
        for g, c in TABLE4_CELLS:
            yield cell_ref("table4", g.label, c.label), report.table4.get(g, c)


# ---------------------------------------------------------------------------------------------- findings


class Severity(StrEnum):
    ERROR = "错误"
    WARNING = "警告"
    NOTICE = "提示"


@dataclass(frozen=True)
class Finding:
    """One problem found in a report. ``where`` is the place in the form's own words
    ("表三 （七）总计 · 自然人"); ``values`` the figures on each side; ``sources`` where the cells are."""

    rule: str
    severity: Severity
    message: str
    where: str = ""
    basis: str = ""
    values: dict[str, Any] = field(default_factory=dict)
    cells: tuple[tuple[str, str, str], ...] = ()
    sources: tuple[Source, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "where": self.where,
            "basis": self.basis,
            "values": {k: _jsonable(v) for k, v in self.values.items()},
            "cells": [list(c) for c in self.cells],
            "sources": [s.to_json() for s in self.sources],
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


# ---------------------------------------------------------------------------------------------- report


@dataclass
class SectionText:
    """One of the six parts as found: its printed heading, its text and where the heading is."""

    section: Section
    heading: str
    text: str
    source: Source | None = None


@dataclass
class LabelVariant:
    official: str
    printed: str
    source: Source | None = None


@dataclass
class Report:
    """Everything read from one annual report. Values are as printed; nothing is computed or repaired."""

    name: str  # the file name (or "-" for standard input)
    reader: str = ""  # "text", "html", "docx", "pdf"
    encoding: str | None = None
    title: str | None = None
    agency: str | None = None
    agency_source: str = ""
    year: int | None = None
    year_source: str = ""
    publication_date: str | None = None  # ISO date when the document states it
    format: str | None = None  # "2021", "2019", "legacy" or None
    sections: dict[Section, SectionText] = field(default_factory=dict)
    #: headings in the order printed (to check the order)
    section_order: list[Section] = field(default_factory=list)
    preamble: str = ""
    table2: Table2 | None = None
    table3: Table3 | None = None
    table4: Table4 | None = None
    #: 表四 printed as a header with no data row (cells are all None and listed as blank)
    label_variants: list[LabelVariant] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    # -- derived views ---------------------------------------------------------------------------

    @property
    def table_formats(self) -> dict[str, str | None]:
        return {
            "table2": str(self.table2.edition) if self.table2 else None,
            "table3": str(self.table3.edition) if self.table3 else None,
        }

    @property
    def sections_present(self) -> list[str]:
        return [s.numeral for s in Section if s in self.sections]

    def section_text(self, section: Section) -> str:
        found = self.sections.get(section)
        return found.text if found else ""

    @property
    def full_text(self) -> str:
        return "\n".join([self.preamble, *(s.heading + "\n" + s.text for s in self.sections.values())])

    @property
    def uncertain_cells(self) -> list[dict[str, Any]]:
        return [{"cell": ref, "reason": cell.uncertain} for ref, cell in iter_cells(self) if cell.uncertain]

    @property
    def blank_cells(self) -> list[list[str]]:
        """Cells printed blank or not printed at all (null in the tables and not uncertain)."""
        return [
            ref
            for ref, cell in iter_cells(self)
            if cell.uncertain is None and (cell.value is None or cell.value.kind is CellKind.BLANK)
        ]

    @property
    def printed_forms(self) -> list[dict[str, Any]]:
        out = []
        for ref, cell in iter_cells(self):
            if cell.value is not None and cell.value.unit:
                out.append(
                    {"cell": ref, "printed": cell.value.raw, "stored": cell.json_value(), "unit": cell.value.unit}
                )
        return out

    def to_json(self, *, provenance: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.name.rsplit(".", 1)[0],
            "file": self.name,
            "title": self.title,
            "agency": self.agency,
            "agency_source": self.agency_source,
            "year": self.year,
            "year_source": self.year_source,
            "publication_date": self.publication_date,
            "format": self.format,
            "table_formats": self.table_formats,
            "sections_present": self.sections_present,
            "table2": self.table2.to_json() if self.table2 else None,
            "table3": self.table3.to_json() if self.table3 else None,
            "table4": self.table4.to_json() if self.table4 else None,
            "cells_blank_in_source": self.blank_cells,
            "uncertain_cells": self.uncertain_cells,
            "printed_forms": self.printed_forms,
            "label_variants": [
                {"official": v.official, "printed": v.printed, "where": v.source.describe() if v.source else ""}
                for v in self.label_variants
            ],
            "reader": self.reader,
            "encoding": self.encoding,
            "notes": self.notes,
            "findings": [f.to_json() for f in self.findings],
        }
        data["preamble"] = self.preamble
        data["sections"] = {
            s.section.numeral: {"heading": s.heading, "text": s.text, "source": s.source.to_json() if s.source else None}
            for s in self.sections.values()
        }
        if provenance:
            data["provenance"] = [
                {"cell": ref, "source": cell.source.to_json() if cell.source else None, "how": cell.how}
                for ref, cell in iter_cells(self)
            ]
        return data
