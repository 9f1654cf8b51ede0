"""Stage 2 — Document → Report: sections by their headings, tables by their anchors and row labels,
title/agency/year from the text. Nothing is inferred from a count of numbers; what cannot be known is
left empty and listed as uncertain."""

from __future__ import annotations

import os
import re

from gongkai.errors import IncompleteReport, NoTablesFound, NotAReport
from gongkai.model.form import LAST_LEGACY_YEAR, LEGACY, REPORT_NAME, Section
from gongkai.model.report import LabelVariant, Report, Table4
from gongkai.model.values import CellKind
from gongkai.parse.meta import read_meta
from gongkai.parse.sections import find_headings, heading_section, section_texts
from gongkai.parse.squashed import is_squashed, unsquash
from gongkai.parse.tables import find_regions, read_table2, read_table3, read_table4
from gongkai.parse.tokens import document_to_tokens
from gongkai.read import Document, Limits, Line, read_document
from gongkai.read.collector import without_cycle_collection
from gongkai.read.limits import DEFAULT_LIMITS

#: the parts that hold 表二, 表三 and 表四
_TABLE_PARTS = frozenset({Section.PROACTIVE, Section.REQUESTS, Section.APPEALS})
_REPORT_WORDS = re.compile(r"政府信息公开|政务公开|信息公开工作|依申请公开")


@without_cycle_collection
def parse_document(doc: Document) -> Report:
    """Read a Document as an annual report. Raises NotAReport / NoTablesFound for text that is not one."""
    glued = is_squashed(doc)
    if glued:
        doc = unsquash(doc)
    headings = find_headings(doc)
    preamble, sections = section_texts(doc, headings)
    # the words of the report (grids excluded): what meta and the "is this a report" test read
    body = "\n".join([preamble, *(s.heading + "\n" + s.text for s in sections.values())]) if headings else doc.text
    meta = read_meta(
        doc,
        headings[0].block if headings else None,
        preamble,
        sections[Section.OVERVIEW].text if Section.OVERVIEW in sections else "",
        body,
    )
    report = Report(
        name=doc.name,
        reader=doc.kind,
        encoding=doc.encoding,
        title=meta.title,
        agency=meta.agency,
        agency_source=meta.agency_source,
        year=meta.year,
        year_source=meta.year_source,
        publication_date=meta.published,
        sections=sections,
        section_order=[h.section for h in headings],
        preamble=preamble,
        notes=list(doc.notes),
    )
    # the tables sit between the headings of 二 and 五; outside them is prose (read all if they are missing)
    proactive = next((h.block for h in headings if h.section is Section.PROACTIVE), None)
    # (a 五 printed before 四, out of the form's order, does not end the tables)
    table_parts = [h.block for h in headings if h.section in _TABLE_PARTS]
    problems = next(
        (h.block for h in headings if h.section is Section.PROBLEMS and h.block > max(table_parts, default=-1)), None
    )
    tokens = document_to_tokens(doc, proactive or 0, problems)
    regions = find_regions(tokens)
    if regions.table3 is None and (proactive is not None or problems is not None):
        # no 表三 where the headings say: a page that holds a second copy of the report (a mobile copy with
        # its tables as images comes first) has them under the second copy's 二; else read everything
        again = _second_copy(doc, proactive)
        tokens = document_to_tokens(doc, *again) if again else []
        regions = find_regions(tokens)
        if regions.table3 is None:
            tokens = document_to_tokens(doc)
            regions = find_regions(tokens)
    variants: list[LabelVariant] = []
    if regions.table2:
        report.table2 = read_table2(tokens[slice(*regions.table2)], meta.year, variants, glued=glued)
    if regions.table3:
        report.table3 = read_table3(tokens[slice(*regions.table3)], meta.year, variants, glued=glued)
    if regions.table4:
        report.table4 = read_table4(tokens[slice(*regions.table4)], glued=glued)
    report.label_variants = variants
    if report.table2 is None and report.table3 is None and report.table4 is not None and _header_only(report.table4):
        # "行政复议" and "行政诉讼" side by side with no figures under them, and no 表二 or 表三: words of a
        # notice or an infographic about reports, not a report's table
        report.table4 = None
    has_tables = any(t is not None for t in (report.table2, report.table3, report.table4))
    if has_tables and not _has_figures(report) and _NOTICE_LINE.search(preamble[:3000]):
        # the State Council office's notice that sets the format, with the blank tables as its attachment
        # (government sites mirror it beside their reports): a report may be blank, but not a notice
        raise NotAReport(doc.name, "这是规定年度报告格式的通知及其空白表样，不是某机关的政府信息公开工作年度报告")
    if has_tables:
        t = report.table2 or report.table3
        report.format = str(t.edition) if t is not None else None
    elif meta.year is not None and meta.year <= LAST_LEGACY_YEAR and _REPORT_WORDS.search(body[:20000]):
        report.format = LEGACY  # before the national tables (format.md §2.6): free structure, no tables
    if not has_tables and report.format != LEGACY:
        if doc.truncated:
            raise IncompleteReport(doc.name, "网页不完整（文件在报告中途结束，可能下载时被截断），未找到统计表")
        if not headings and not _REPORT_WORDS.search(body[:20000]):
            raise NotAReport(doc.name, "不是政府信息公开工作年度报告：既没有六个部分的标题，也没有统计表")
        raise NoTablesFound(
            doc.name,
            "中没有找到统计表（表二、表三、表四）；如果报告以图片形式刊登表格，需要先对图片做文字识别",
        )
    if doc.truncated and (report.table4 is None or report.table3 is None):
        raise IncompleteReport(doc.name, "网页不完整（可能被截断）：缺少" + ("表三" if report.table3 is None else "表四"))
    return report


#: a line of the format notice itself: its document number alone on a line, its title, or the title of
#: its attachment (a report cites the notice inside a sentence, never as a line of its own)
_NOTICE_LINE = re.compile(
    rf"^(?:国办公开办函〔\d{{4}}〕\d+号|.*{REPORT_NAME}格式(?:[（(]试行[)）])?|.*{REPORT_NAME}有关事项的通知)$", re.MULTILINE
)


def _second_copy(doc: Document, proactive: int | None) -> tuple[int, int | None] | None:
    """The blocks from a later heading of 二 to the heading of 五 after it, if the document has one."""
    texts, blocks = doc.texts, doc.blocks
    start = None
    for b in range((proactive if proactive is not None else -1) + 1, len(texts)):
        section = heading_section(texts[b]) if texts[b] else None
        if section is None or not isinstance(blocks[b], Line):
            continue
        if start is None and section is Section.PROACTIVE:
            start = b
        elif start is not None and section is Section.PROBLEMS:
            return start, b
    return (start, None) if start is not None else None


def _has_figures(report: Report) -> bool:
    tables = (report.table2, report.table3, report.table4)
    return any(
        cell.value is not None and cell.value.kind is CellKind.NUMBER
        for table in tables
        if table is not None
        for cell in table.cells.values()
    )


def _header_only(table: Table4) -> bool:
    return all(cell.value is None and cell.uncertain is None for cell in table.cells.values())


def parse_file(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> Report:
    """Read and parse one file."""
    return parse_document(read_document(path, limits))


__all__ = ["parse_document", "parse_file"]
