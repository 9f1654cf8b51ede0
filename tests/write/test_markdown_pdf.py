"""Markdown (pipe tables on the full grid, row labels before their values, setext headings) and PDF
(WeasyPrint from the HTML: A4, CJK fonts embedded, page numbers, the text readable) writers."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest

from gongkai.errors import WriteError
from gongkai.model import Applicant, Edition, Report, Section
from gongkai.read.text import lines_to_document
from gongkai.write import pdf as pdf_module
from gongkai.write.markdown import to_markdown
from gongkai.write.pdf import to_pdf
from tests.write.reports import make_report


def test_markdown_structure(report: Report) -> None:
    text = to_markdown(report)
    lines = text.splitlines()
    title = report.title
    assert title is not None and lines[0] == title and set(lines[1]) == {"="}
    for section in Section:
        i = lines.index(section.title)
        assert set(lines[i + 1]) == {"-"}
    rows = [line for line in lines if line.startswith("|") and not set(line) <= set("|-")]
    widths = {line.count("|") - 1 for line in rows if "勾稽" in line or "三、本年度办理结果" in line}
    assert widths == {10}  # 表三: 3 label columns + 7 values, every row
    assert report.table3 is not None
    for row in report.table3.rows:
        line = next(x for x in rows if re.search(r"\|\s*" + re.escape(row.label) + r"\s*\|", x))
        cells = [c.strip() for c in line.strip("|").split("|")]
        label_at = cells.index(row.label)
        # the label stands last among the label columns, the 7 values right after it
        assert label_at == 2
        assert cells[3:] == [str(report.table3.number(row, a)) for a in Applicant]


def test_markdown_reads_back_with_the_text_reader(report: Report) -> None:
    from gongkai.parse import parse_document
    from tests.write.reports import differences

    doc = lines_to_document(to_markdown(report), "r.md")
    parsed = parse_document(doc)
    assert differences(report, parsed) == []
    assert parsed.sections_present == [s.numeral for s in Section]


def test_pdf_pages_fonts_and_text() -> None:
    report = make_report(Edition.F2021)
    data = to_pdf(report)
    assert data.startswith(b"%PDF")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) >= 3
        for page in pdf.pages:
            assert (round(page.width), round(page.height)) == (595, 842)  # A4 in points
        fonts = {c["fontname"].split("+")[-1] for p in pdf.pages for c in p.chars}
        assert any("CJK" in f or "Noto" in f for f in fonts), fonts
        first = pdf.pages[0].extract_text()
        assert report.title is not None and report.title in first
        footers = [p.extract_text().splitlines()[-1].replace(" ", "") for p in pdf.pages]
        assert footers == [f"—{i}—" for i in range(1, len(pdf.pages) + 1)]
        assert pdf.metadata.get("Title") == report.title


def test_pdf_without_cjk_font_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "cjk_font_installed", lambda: False)
    with pytest.raises(WriteError, match=r"没有中文字体.*scripts/install"):
        to_pdf(make_report())
