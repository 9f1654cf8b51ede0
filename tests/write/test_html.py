"""The HTML writer: a standalone zh-CN page whose three tables have the official merged cells of the
template (corpus README "The template", format.md §1.4–§1.6), values exactly as in the report."""

from __future__ import annotations

from lxml import html as lxml_html

from gongkai.model import (
    BALANCE_NOTE,
    TABLE4_CELLS,
    Applicant,
    Edition,
    Report,
    Section,
    Table3Group,
    Table4Column,
    Table4Group,
)
from gongkai.model.form import APPLICANT_HEADER, ORGANISATION_HEADER, RESULTS_LABEL, SUIT_HEADER
from gongkai.write.html import to_html
from gongkai.write.text import TODO_OPEN
from tests.write.reports import BLANK_CELL, SLASH_CELL, make_report


def _tables(report: Report) -> list[lxml_html.HtmlElement]:
    page = lxml_html.fromstring(to_html(report).encode("utf-8"))
    tables: list[lxml_html.HtmlElement] = page.xpath("//table")
    assert len(tables) == 3
    return tables


def _cell(table: lxml_html.HtmlElement, text: str) -> lxml_html.HtmlElement:
    found = [c for c in table.xpath(".//td|.//th") if c.text_content() == text]
    assert len(found) == 1, (text, len(found))
    cell: lxml_html.HtmlElement = found[0]
    return cell


def _spans(cell: lxml_html.HtmlElement) -> tuple[int, int]:
    return int(cell.get("rowspan", "1")), int(cell.get("colspan", "1"))


def test_page_is_standalone_chinese_utf8(report: Report) -> None:
    text = to_html(report)
    page = lxml_html.fromstring(text.encode("utf-8"))
    assert page.get("lang") == "zh-CN"
    assert page.xpath("//meta/@charset") == ["utf-8"]
    assert page.findtext(".//title") == "某市某局2025年政府信息公开工作年度报告".replace(
        "2025", str(report.year)
    )
    assert page.xpath("//h1")[0].text_content() == page.findtext(".//title")
    assert [h.text_content() for h in page.xpath("//h2")] == [s.title for s in Section]
    assert "@page" in text and "counter(page)" in text
    assert '"Noto Serif CJK SC"' in text and '"Noto Sans CJK SC"' in text
    # no external resources: the page prints on its own
    assert not page.xpath("//link|//script|//img")


def test_table3_header_spans_as_in_the_template(report: Report) -> None:
    t3 = _tables(report)[1]
    assert _spans(_cell(t3, BALANCE_NOTE)) == (3, 3)
    assert _spans(_cell(t3, APPLICANT_HEADER)) == (1, 7)
    assert _spans(_cell(t3, ORGANISATION_HEADER)) == (1, 5)
    second_row = t3.xpath(".//tr[2]/*")
    natural, total = second_row[0], second_row[-1]
    assert (natural.text_content(), _spans(natural)) == (Applicant.NATURAL_PERSON.label, (2, 1))
    assert (total.text_content(), _spans(total)) == (Applicant.TOTAL.label, (2, 1))
    assert [c.text_content() for c in t3.xpath(".//tr[3]/*")] == [a.label for a in Applicant if a.is_organisation]


def test_table3_row_labels_and_groups(report: Report) -> None:
    t3 = _tables(report)[1]
    edition = Edition(report.format)
    assert _spans(_cell(t3, RESULTS_LABEL)) == ((22, 1) if edition is Edition.F2021 else (20, 1))
    groups = {g: _spans(_cell(t3, g.label)) for g in Table3Group if edition is Edition.F2021 or g is not Table3Group.OTHER}
    expected = {Table3Group.DENIED: (8, 1), Table3Group.UNABLE: (3, 1), Table3Group.REFUSED: (5, 1)}
    if edition is Edition.F2021:
        expected[Table3Group.OTHER] = (3, 1)
    assert groups == expected
    assert report.table3 is not None
    for row in report.table3.rows:
        cell = _cell(t3, row.label)
        if row.group is not None:
            assert _spans(cell) == (1, 1)
        elif row.label.startswith("（"):  # （一）（二）（七） and the 2019 single （六）
            assert _spans(cell) == (1, 2), row
        else:  # 一、二、四、
            assert _spans(cell) == (1, 3), row
    # 3 header rows + one row per form row, each ending in its 7 values
    rows = t3.xpath(".//tr")
    assert len(rows) == 3 + len(report.table3.rows)


def test_table3_values_cell_by_cell(report: Report) -> None:
    t3 = _tables(report)[1]
    assert report.table3 is not None
    for tr, row in zip(t3.xpath(".//tr")[3:], report.table3.rows, strict=True):
        values = [c.text_content() for c in tr.xpath("./td")][-len(Applicant) :]
        assert values == [str(report.table3.number(row, a)) for a in Applicant], row


def test_table2_blocks_bands_and_values() -> None:
    report = make_report(Edition.F2021, marks=True)
    t2 = _tables(report)[0]
    assert report.table2 is not None
    rows = t2.xpath(".//tr")
    form = report.table2.form
    i = 0
    for block in form.table2:
        band = rows[i].xpath("./*")
        assert [(c.text_content(), _spans(c)) for c in band] == [(block.title, (1, 4))]
        header = rows[i + 1].xpath("./*")
        assert header[0].text_content() == "信息内容"
        assert [c.text_content() for c in header[1:]] == [c.label for c in block.columns]
        assert sum(_spans(c)[1] for c in header) == 4
        for k, row in enumerate(block.rows):
            cells = rows[i + 2 + k].xpath("./*")
            assert cells[0].text_content() == row.label_in(form.edition)
            assert sum(_spans(c)[1] for c in cells) == 4
            printed = [c.text_content() for c in cells[1:]]
            want = []
            for col in block.columns:
                value = report.table2.get(row, col).value
                assert value is not None
                want.append(value.raw)
            assert printed == want
        i += 2 + len(block.rows)
    assert i == len(rows)
    # the "/" is kept and the blank cell is an empty cell, not 0
    regs = rows[2].xpath("./td")
    assert SLASH_CELL[1].label == "本年制发件数" and BLANK_CELL[1].label == "本年废止件数"
    assert [c.text_content() for c in regs[1:]] == ["/", "", "12"]


def test_table4_header_rows_and_data_row(report: Report) -> None:
    t4 = _tables(report)[2]
    rows = t4.xpath(".//tr")
    assert len(rows) == 4
    assert [(c.text_content(), _spans(c)) for c in rows[0].xpath("./*")] == [
        (Table4Group.REVIEW.label, (1, 5)),
        (SUIT_HEADER, (1, 10)),
    ]
    second = [(c.text_content(), _spans(c)) for c in rows[1].xpath("./*")]
    assert second == [(c.label, (2, 1)) for c in Table4Column] + [
        (Table4Group.SUIT_DIRECT.label, (1, 5)),
        (Table4Group.SUIT_AFTER_REVIEW.label, (1, 5)),
    ]
    assert [c.text_content() for c in rows[2].xpath("./*")] == [c.label for c in Table4Column] * 2
    assert report.table4 is not None
    assert [c.text_content() for c in rows[3].xpath("./td")] == [
        str(report.table4.number(g, c)) for g, c in TABLE4_CELLS
    ]


def test_todo_marks_are_highlighted(report_2021: Report) -> None:
    page = lxml_html.fromstring(to_html(report_2021).encode("utf-8"))
    marks = page.xpath("//mark[@class='todo']")
    assert marks and all(m.text_content().startswith(TODO_OPEN) for m in marks)


def test_html_escapes_text() -> None:
    report = make_report()
    report.agency = "<某局&>"
    report.title = None
    page = lxml_html.fromstring(to_html(report).encode("utf-8"))
    assert page.findtext(".//title").startswith("<某局&>")
