"""A report as an editable JSON file and back: ``Report.to_json`` (the corpus gold shape) plus the text of
the preamble and the six sections, so that a clerk (or a script) can complete the 【待填写：…】 parts and
render the documents again with ``gongkai report render``."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from gongkai.errors import InputFileError
from gongkai.model import (
    TABLE4_CELLS,
    Applicant,
    Cell,
    CellKind,
    CellValue,
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
from gongkai.model.values import text_value

#: the words of the report in ``Report.to_json``: the preamble and, per section numeral, heading and text
PREAMBLE = "preamble"
SECTIONS = "sections"


def report_to_json(report: Report) -> dict[str, Any]:
    return report.to_json(provenance=False)


def write_report_json(report: Report, path: str | os.PathLike[str]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(report_to_json(report), fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def _cell(value: Any, where: str, problems: list[str], printed: str | None = None) -> Cell:
    how = "报告 JSON"
    if printed is not None:
        # the value as printed with its unit ("2367.4314万元"), kept in printed_forms
        form = read_value(printed)
        if form is not None and form.json_value() == value:
            return Cell(form, how=how)
    if value is None:
        return Cell(CellValue(CellKind.BLANK, ""), how=how)
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        problems.append(f"{where}：“{json.dumps(value, ensure_ascii=False)}”不是数值")
        return Cell(None, how=how)
    text = repr(value) if isinstance(value, float) else str(value)
    parsed = read_value(text)
    return Cell(parsed if parsed is not None else text_value(text), how=how)


def report_from_json(data: dict[str, Any], name: str) -> Report:
    """Rebuild a report from ``report_to_json`` output (or a corpus gold file). Bad values are listed in
    one InputFileError naming the file and the cells."""
    problems: list[str] = []
    fmt = data.get("format")
    edition = Edition(fmt) if fmt in tuple(Edition) else Edition.F2021
    # a hybrid report prints 表二 of one form and 表三 of the other (corpus README, "table_formats")
    table_formats = data.get("table_formats") or {}
    editions = {
        name: Edition(table_formats[name]) if table_formats.get(name) in tuple(Edition) else edition
        for name in ("table2", "table3")
    }
    report = Report(
        name=str(data.get("file") or name),
        title=data.get("title"),
        agency=data.get("agency"),
        agency_source=data.get("agency_source") or "",
        year=data.get("year"),
        year_source=data.get("year_source") or "",
        publication_date=data.get("publication_date"),
        format=fmt,
        preamble=data.get(PREAMBLE) or "",
    )
    printed_forms: dict[tuple[str, ...], str] = {}
    for item in data.get("printed_forms") or []:
        if isinstance(item, dict) and isinstance(item.get("cell"), list) and isinstance(item.get("printed"), str):
            printed_forms[tuple(item["cell"])] = item["printed"]
    t2 = data.get("table2")
    if isinstance(t2, dict):
        form = form_for(editions["table2"])
        table2 = Table2(form.edition)
        for row in form.table2_rows:
            values = t2.get(row.label_in(form.edition), {})
            for col in form.table2_columns(row):
                where = f"表二 {row.label_in(form.edition)} · {col.label}"
                value = values.get(col.label) if isinstance(values, dict) else None
                ref = ("table2", row.label_in(form.edition), col.label)
                table2.cells[(row, col)] = _cell(value, where, problems, printed_forms.get(ref))
        report.table2 = table2
    t3 = data.get("table3")
    if isinstance(t3, dict):
        form = form_for(editions["table3"])
        table3 = Table3(form.edition)
        for row3 in form.table3:
            values3 = t3.get(row3.key)
            if not isinstance(values3, list) or len(values3) != len(Applicant):
                problems.append(f"表三“{row3.key}”应有 {len(Applicant)} 个值")
                continue
            for a, v in zip(Applicant, values3, strict=True):
                printed = printed_forms.get(("table3", row3.key, a.label))
                table3.cells[(row3, a)] = _cell(v, f"表三 {row3.place} · {a.label}", problems, printed)
        report.table3 = table3
    t4 = data.get("table4")
    if isinstance(t4, list):
        if len(t4) != len(TABLE4_CELLS):
            problems.append(f"表四应有 {len(TABLE4_CELLS)} 个值，文件中有 {len(t4)} 个")
        else:
            table4 = Table4()
            for (g, c), v in zip(TABLE4_CELLS, t4, strict=True):
                printed = printed_forms.get(("table4", g.label, c.label))
                table4.cells[(g, c)] = _cell(v, f"表四 {g.place} · {c.label}", problems, printed)
            report.table4 = table4
    sections = data.get(SECTIONS) or {}
    for section in Section:
        found = sections.get(section.numeral) if isinstance(sections, dict) else None
        if isinstance(found, dict) and isinstance(found.get("text"), str):
            heading = found.get("heading")
            report.sections[section] = SectionText(
                section, heading if isinstance(heading, str) else section.title, found["text"]
            )
    report.section_order = list(report.sections)
    if problems:
        raise InputFileError(name, problems)
    return report


def read_report_json(path: str | os.PathLike[str]) -> Report:
    name = Path(path).name
    try:
        raw = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputFileError(name, ["文件不存在"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError(name, [f"无法读取（{exc}）"]) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputFileError(name, [f"JSON 格式错误（第 {exc.lineno} 行第 {exc.colno} 列）：{exc.msg}"]) from None
    if not isinstance(data, dict):
        raise InputFileError(name, ["应为一个 JSON 对象（gongkai report build 写出的报告 JSON）"])
    return report_from_json(data, name)
