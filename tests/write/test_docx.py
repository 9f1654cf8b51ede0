"""The DOCX writer: opened with python-docx, the tables have the template's real merged cells (gridSpan /
vMerge), the values are those of the report, fonts are set for Chinese, the page is A4 with page numbers."""

from __future__ import annotations

from io import BytesIO

import docx
from docx.oxml.ns import qn
from docx.table import Table

from gongkai.model import BALANCE_NOTE, TABLE4_CELLS, Applicant, Edition, Report, Section, Table3Group
from gongkai.model.form import APPLICANT_HEADER, ORGANISATION_HEADER, RESULTS_LABEL, SUIT_HEADER
from gongkai.write.docx import BODY_FONT, HEADING_FONT, to_docx
from gongkai.write.text import TODO_OPEN
from tests.write.reports import make_report


def _open(report: Report) -> docx.document.Document:
    return docx.Document(BytesIO(to_docx(report)))


def _origins(table: Table) -> dict[str, list[tuple[int, int, int, int]]]:
    """text → [(row, col, rowspan, colspan)] of every origin cell, from the XML (gridSpan, vMerge)."""
    out: dict[str, list[tuple[int, int, int, int]]] = {}
    rows = table._tbl.tr_lst
    for r, tr in enumerate(rows):
        c = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            if tc.vMerge != "continue":
                height = 1
                if tc.vMerge == "restart":
                    for below in rows[r + 1 :]:
                        nxt = _tc_at(below, c)
                        if nxt is None or nxt.vMerge != "continue":
                            break
                        height += 1
                text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
                out.setdefault(text, []).append((r, c, height, span))
            c += span
    return out


def _tc_at(tr: object, col: int) -> object | None:
    c = 0
    for tc in tr.tc_lst:
        if c == col:
            return tc
        c += tc.grid_span
    return None


def test_table3_merged_cells(report: Report) -> None:
    t3 = _open(report).tables[1]
    cells = _origins(t3)
    edition = Edition(report.format)
    assert cells[BALANCE_NOTE] == [(0, 0, 3, 3)]
    assert cells[APPLICANT_HEADER] == [(0, 3, 1, 7)]
    assert cells[Applicant.NATURAL_PERSON.label] == [(1, 3, 2, 1)]
    assert cells[ORGANISATION_HEADER] == [(1, 4, 1, 5)]
    assert cells[Applicant.TOTAL.label] == [(1, 9, 2, 1)]
    assert cells[RESULTS_LABEL] == [(5, 0, 22 if edition is Edition.F2021 else 20, 1)]
    assert cells[Table3Group.DENIED.label] == [(7, 1, 8, 1)]
    assert cells[Table3Group.UNABLE.label] == [(15, 1, 3, 1)]
    assert cells[Table3Group.REFUSED.label] == [(18, 1, 5, 1)]
    if edition is Edition.F2021:
        assert cells[Table3Group.OTHER.label] == [(23, 1, 3, 1)]
    assert report.table3 is not None
    assert len(t3.rows) == 3 + len(report.table3.rows)
    for r, row in enumerate(report.table3.rows, start=3):
        label = cells[row.label]
        assert len(label) == 1 and label[0][0] == r
        if row.group is None and label[0][1] == 1:
            assert label[0][3] == 2  # （一）（二）（七）: two label columns
        # the row's last 7 grid cells hold its values
        values = [t3.cell(r, c).text for c in range(3, 10)]
        assert values == [str(report.table3.number(row, a)) for a in Applicant]


def test_table2_and_table4_layout(report: Report) -> None:
    doc = _open(report)
    t2, t4 = doc.tables[0], doc.tables[2]
    cells2 = _origins(t2)
    assert report.table2 is not None
    for block in report.table2.form.table2:
        assert cells2[block.title][0][2:] == (1, 4)
        if len(block.columns) == 1:
            assert cells2[block.columns[0].label][0][3] == 3
    cells4 = _origins(t4)
    assert cells4["行政复议"] == [(0, 0, 1, 5)]
    assert cells4[SUIT_HEADER] == [(0, 5, 1, 10)]
    assert cells4["未经复议直接起诉"] == [(1, 5, 1, 5)]
    assert cells4["复议后起诉"] == [(1, 10, 1, 5)]
    assert [pos[2] for pos in cells4["结果维持"]] == [2, 1, 1]  # 行政复议's headers span two rows
    assert report.table4 is not None
    assert [t4.cell(3, c).text for c in range(15)] == [str(report.table4.number(g, c)) for g, c in TABLE4_CELLS]


def test_fonts_page_and_headings(report_2021: Report) -> None:
    doc = _open(report_2021)
    normal = doc.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == BODY_FONT
    assert doc.styles["Normal"].element.rPr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    assert doc.styles["Heading 1"].element.rPr.rFonts.get(qn("w:eastAsia")) == HEADING_FONT
    assert doc.styles["Heading 1"].element.rPr.rFonts.get(qn("w:asciiTheme")) is None
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == 20
    footer_xml = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer_xml and 'w:fldCharType="begin"' in footer_xml
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == [s.title for s in Section]
    assert doc.paragraphs[0].style.name == "Title"
    assert doc.paragraphs[0].text == report_2021.title
    assert doc.core_properties.title == report_2021.title


def test_todo_marks_highlighted(report_2021: Report) -> None:
    doc = _open(report_2021)
    todo_runs = [r for p in doc.paragraphs for r in p.runs if r.text.startswith(TODO_OPEN)]
    assert todo_runs
    assert all(r.font.highlight_color is not None for r in todo_runs)
    plain = [r for p in doc.paragraphs for r in p.runs if r.text and TODO_OPEN not in r.text]
    assert all(r.font.highlight_color is None for r in plain)


def _structure(table: Table) -> list[tuple[int, int, int, int, str]]:
    """Every origin cell as (row, col, rowspan, colspan, text without white space), in grid order."""
    out = [
        (r, c, h, w, "".join(text.split()))
        for text, places in _origins(table).items()
        for r, c, h, w in places
    ]
    return sorted(out)


def test_tables_have_the_official_template_structure(corpus: object) -> None:
    """Cell for cell, our 2021 tables have the merged cells and labels of the official blank template
    (``templates/政务公开年报模版.docx``); only the value cells differ (the template's are empty)."""
    from pathlib import Path

    template = docx.Document(str(Path(str(corpus)) / "templates" / "政务公开年报模版.docx"))
    ours = _open(make_report(Edition.F2021))
    assert len(template.tables) == len(ours.tables) == 3
    for theirs, mine in zip(template.tables, ours.tables, strict=True):
        want, got = _structure(theirs), _structure(mine)
        assert [cell[:4] for cell in got] == [cell[:4] for cell in want]
        labels = [(w, g) for w, g in zip(want, got, strict=True) if w[4]]
        assert labels and all(w[4] == g[4] for w, g in labels), [(w, g) for w, g in labels if w[4] != g[4]]
