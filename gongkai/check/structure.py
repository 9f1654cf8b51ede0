"""Form rules: the edition of each table against the report year, tables missing or published empty,
rows missing, blank cells, marks or words in numeric cells, cells the reader could not know, and the six
sections present and in order."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.check.arith import is_blank, is_mark
from gongkai.check.grid import tables
from gongkai.check.places import TABLE2_NAME, TABLE3_NAME, TABLE4_NAME, Ref, t2_place
from gongkai.check.registry import Context, Hit, rule
from gongkai.model import (
    FORM_2021,
    LEGACY,
    Cell,
    Edition,
    Report,
    Section,
    Severity,
    Source,
    Table3Group,
    Table3Row,
    expected_edition,
)
from gongkai.model.form import NOTICES, TABLE2_EDITION_MARKERS
from gongkai.model.labels import DRAFT_MARK

TABLE_NAMES = {"table2": TABLE2_NAME, "table3": TABLE3_NAME, "table4": TABLE4_NAME}
#: what tells the 2019 edition of each table apart (format.md §2.5), for the message
EDITION_SIGNS = {
    "table2": "栏目为〔2019〕60号格式（如"
    + "".join(f"“{label}”" for label in TABLE2_EDITION_MARKERS[Edition.F2019][:3])
    + "）",
    "table3": f"“{Table3Row.OTHER_SINGLE.label}”只有一行（2021年格式分为"
    f"{sum(1 for r in FORM_2021.outcome_rows if r.group is Table3Group.OTHER)}行）",
}


def _table_editions(report: Report) -> list[tuple[str, Edition]]:
    out: list[tuple[str, Edition]] = []
    if report.table2 is not None:
        out.append(("table2", report.table2.edition))
    if report.table3 is not None:
        out.append(("table3", report.table3.edition))
    return out


@rule(
    "FORM.OLD_TABLES",
    Severity.ERROR,
    basis="国办公开办函〔2021〕30号（2021年9月印发修订后的《中华人民共和国政府信息公开工作年度报告格式》，2021年度报告起使用）",
    title="2021年及以后的年度报告使用了2019年格式的表格（含混用）",
)
def form_old_tables(report: Report, context: Context) -> Iterator[Hit]:
    expected = expected_edition(report.year)
    if expected is not Edition.F2021:
        return
    editions = _table_editions(report)
    mixed = len({e for _, e in editions}) > 1
    for table, edition in editions:
        if edition is Edition.F2019:
            name = TABLE_NAMES[table]
            yield Hit(
                f"{report.year} 年度报告的{name}使用 {NOTICES[edition]} 格式：{EDITION_SIGNS[table]}；"
                f"应使用 {NOTICES[expected]} 格式" + ("（新旧格式混用）" if mixed else ""),
                name,
                {"year": report.year, "table_edition": str(edition), "required_edition": str(expected)},
            )


@rule(
    "FORM.NEW_TABLES",
    Severity.WARNING,
    basis="国办公开办函〔2019〕60号：2019、2020年度报告使用《中华人民共和国政府信息公开工作年度报告格式（试行）》",
    title="2019、2020年度报告使用了2021年格式的表格",
)
def form_new_tables(report: Report, context: Context) -> Iterator[Hit]:
    expected = expected_edition(report.year)
    if expected is not Edition.F2019:
        return
    for table, edition in _table_editions(report):
        if edition is Edition.F2021:
            name = TABLE_NAMES[table]
            yield Hit(
                f"{report.year} 年度报告的{name}使用 {NOTICES[edition]} 格式，该格式自2021年度起适用；"
                f"当年应使用 {NOTICES[expected]} 格式",
                name,
                {"year": report.year, "table_edition": str(edition), "required_edition": str(expected)},
            )


@rule(
    "FORM.TABLE_MISSING",
    Severity.WARNING,
    basis="条例第五十条第（一）至（三）项；国办公开办函〔2021〕30号、〔2019〕60号规定的表二、表三、表四",
    title="报告缺少统计表格",
)
def form_table_missing(report: Report, context: Context) -> Iterator[Hit]:
    if report.format == LEGACY or expected_edition(report.year) is None:
        return
    for table, present in (
        ("table2", report.table2 is not None),
        ("table3", report.table3 is not None),
        ("table4", report.table4 is not None),
    ):
        if not present:
            name = TABLE_NAMES[table]
            yield Hit(f"报告中未找到{name}", name, {"table": name})


def _missing_row_refs(report: Report) -> set[tuple[str, str]]:
    if report.table2 is None:
        return set()
    return {("table2", row.label_in(report.table2.edition)) for row in report.table2.missing_rows}


def _sources(cells: list[tuple[Ref, Cell]]) -> tuple[Source, ...]:
    return tuple(c.source for _, c in cells if c.source is not None)


@rule(
    "FORM.TABLE_EMPTY",
    Severity.ERROR,
    basis="条例第五十条；国办公开办函〔2021〕30号表格须逐项填报（空白不等于 0，无法核对）",
    title="表格已印出但全部数值空白",
)
def form_table_empty(report: Report, context: Context) -> Iterator[Hit]:
    for table, t in tables(report, context).items():
        if t.values and t.blank == len(t.values):
            cells = t.cells
            name = TABLE_NAMES[table]
            yield Hit(
                f"{name}印出了表头和栏目，但全部 {len(cells)} 个数值单元格均为空白（空白不等于 0）",
                name,
                {"cells": len(cells), "blank": len(cells)},
                tuple(ref for ref, _ in cells),
                _sources(cells),
            )


@rule(
    "FORM.BLANK_CELLS",
    Severity.WARNING,
    basis="国办公开办函〔2021〕30号表格须逐项填报；空白不等于 0，涉及的勾稽关系无法核对",
    title="表格中有未填写的单元格",
)
def form_blank_cells(report: Report, context: Context) -> Iterator[Hit]:
    missing_rows = _missing_row_refs(report)
    for table, t in tables(report, context).items():
        if not t.blank or t.blank == len(t.values):
            continue  # nothing blank, or FORM.TABLE_EMPTY
        cells = t.cells
        blank = [(ref, c) for ref, c in cells if is_blank(c) and (ref[0], ref[1]) not in missing_rows]
        if blank:
            name = TABLE_NAMES[table]
            places = "、".join(f"{ref[1]} · {ref[2]}" for ref, _ in blank[:8])
            more = f" 等 {len(blank)} 格" if len(blank) > 8 else ""
            yield Hit(
                f"{name}有 {len(blank)} 个单元格未填写（{places}{more}）；空白不按 0 计",
                name,
                {"blank": len(blank), "cells": len(cells)},
                tuple(ref for ref, _ in blank),
                _sources(blank),
            )


@rule(
    "FORM.ROW_MISSING",
    Severity.WARNING,
    basis="国办公开办函〔2021〕30号、〔2019〕60号表二的固定栏目",
    title="表二缺少格式规定的行",
)
def form_row_missing(report: Report, context: Context) -> Iterator[Hit]:
    t2 = report.table2
    if t2 is None:
        return
    for row in t2.missing_rows:
        place = t2_place(t2, row)
        yield Hit(
            f"格式规定的“{row.label_in(t2.edition)}”行在报告中没有印出（其单元格不按 0 计）",
            place,
            {"row": row.label_in(t2.edition)},
            tuple(("table2", row.label_in(t2.edition), c.label) for c in t2.form.table2_columns(row)),
        )


@rule(
    "FORM.MARK_IN_CELL",
    Severity.WARNING,
    basis="年度报告表格各栏为件数或金额；“/”“-”或文字不是数值，不按 0 计",
    title="数值单元格中印有“/”、“-”或文字",
)
def form_mark_in_cell(report: Report, context: Context) -> Iterator[Hit]:
    for table, t in tables(report, context).items():
        if not t.marks:
            continue
        marked = [(ref, c) for ref, c in t.cells if is_mark(c)]
        if not marked:
            continue
        name = TABLE_NAMES[table]
        shown = "、".join(
            f"{ref[1]} · {ref[2]}（“{c.value.raw if c.value else ''}”）" for ref, c in marked[:6]
        )
        more = f" 等 {len(marked)} 格" if len(marked) > 6 else ""
        yield Hit(
            f"{name}有 {len(marked)} 个数值单元格印的不是数字：{shown}{more}；不按 0 计",
            name,
            {"cells": len(marked), "printed": sorted({c.value.raw for _, c in marked if c.value})},
            tuple(ref for ref, _ in marked),
            _sources(marked),
        )


@rule(
    "FORM.UNCERTAIN_CELLS",
    Severity.NOTICE,
    basis="gongkai 读取说明：版式丢失信息时不猜测数值",
    title="有单元格无法从文件中确定",
)
def form_uncertain_cells(report: Report, context: Context) -> Iterator[Hit]:
    for table, t in tables(report, context).items():
        if not t.uncertain:
            continue
        unknown = [(ref, c) for ref, c in t.cells if c.value is None and c.uncertain is not None]
        if unknown:
            name = TABLE_NAMES[table]
            reasons = sorted({c.uncertain for _, c in unknown if c.uncertain})
            yield Hit(
                f"{name}有 {len(unknown)} 个单元格无法从文件中确定（{'；'.join(reasons)}），"
                "涉及这些单元格的核对一律不作错误判断",
                name,
                {"cells": len(unknown), "reasons": reasons},
                tuple(ref for ref, _ in unknown),
                _sources(unknown),
            )


@rule(
    "FORM.SECTION_MISSING",
    Severity.WARNING,
    basis="条例第五十条；国办公开办函〔2021〕30号规定的六部分（一、总体情况 … 六、其他需要报告的事项）",
    title="缺少六部分之一",
)
def form_section_missing(report: Report, context: Context) -> Iterator[Hit]:
    if not report.sections:
        return  # no headings found at all: nothing to say section by section
    for section in Section:
        if section not in report.sections:
            yield Hit(
                f"未找到第{section.numeral}部分“{section.title}”", section.title, {"section": section.numeral}
            )


@rule(
    "FORM.SECTION_ORDER",
    Severity.WARNING,
    basis="国办公开办函〔2021〕30号规定的六部分顺序",
    title="六部分顺序不对",
)
def form_section_order(report: Report, context: Context) -> Iterator[Hit]:
    order = list(Section)
    printed = [s for s in report.section_order if s in order]
    expected = sorted(printed, key=order.index)
    if printed != expected:
        yield Hit(
            "六部分的印出顺序为 "
            + "、".join(s.numeral for s in printed)
            + "，应为 "
            + "、".join(s.numeral for s in expected),
            "报告结构",
            {"printed": [s.numeral for s in printed], "expected": [s.numeral for s in expected]},
            (),
            tuple(src for s in printed if (src := report.sections[s].source) is not None),
        )


@rule(
    "FORM.DRAFT_MARKS",
    Severity.WARNING,
    basis="国办公开办函〔2021〕30号 三（四）：发布内容应准确、全面",
    title="报告中仍有待填写的内容",
)
def form_draft_marks(report: Report, context: Context) -> Iterator[Hit]:
    """A drafted report (gongkai report build) still holding 【待填写：…】 parts that a person must write."""
    for section in Section:
        found = report.sections.get(section)
        if found is None:
            continue
        marks = DRAFT_MARK.findall(found.text)
        if marks:
            shown = "；".join(marks[:3]) + ("……" if len(marks) > 3 else "")
            yield Hit(
                f"{section.title}中还有 {len(marks)} 处待填写：{shown}",
                section.title,
                {"marks": marks},
                (),
                (found.source,) if found.source else (),
            )
