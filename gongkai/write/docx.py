"""A report as a Word document (python-docx): A4, CJK fonts set on every style and run (the eastAsia
font attribute, which Word uses for Chinese), the title and six headings as heading styles, the three
official tables with real merged cells (gridSpan / vMerge, as in the official template), the
【待填写：…】 marks highlighted, and page numbers in the footer."""

from __future__ import annotations

import os
from io import BytesIO

from docx import Document as new_document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from gongkai.model import Report
from gongkai.write.layout import Role, TableLayout, layouts
from gongkai.write.text import preamble_paragraphs, report_title, sections_out, split_todos

#: Fonts Chinese offices have (宋体 body, 黑体 headings); LibreOffice substitutes the Noto CJK fonts.
BODY_FONT = "宋体"
HEADING_FONT = "黑体"
LATIN_FONT = "Times New Roman"
TEXT_WIDTH_MM = 170  # A4 210 mm minus 20 mm margins each side

#: Column widths in mm for each table, summing to the text width.
WIDTHS_MM: dict[str, tuple[float, ...]] = {
    "表二": (44, 42, 42, 42),
    "表三": (16, 22, 55, *([77 / 7] * 7)),
    "表四": tuple([170 / 15] * 15),
}
TABLE_FONT_PT = {"表二": 10.5, "表三": 9, "表四": 8}


def _set_fonts(owner: BaseStyle | Run, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Set the fonts of a style or run, clearing theme fonts (which would win over explicit names)."""
    element = owner.element if isinstance(owner, BaseStyle) else owner._r
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if qn(theme) in fonts.attrib:
            del fonts.attrib[qn(theme)]
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)


def _style_document(doc: DocxDocument) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.size = Pt(12)
    _set_fonts(normal, BODY_FONT)
    # Chinese proofing and line breaking (no 。，at a line start) follow the East Asian language
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    normal.element.get_or_add_rPr().append(lang)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.5
    for name, size in (("Title", 18), ("Heading 1", 14)):
        style = styles[name]
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        _set_fonts(style, HEADING_FONT)
        style.paragraph_format.space_before = Pt(12 if name == "Heading 1" else 0)
        style.paragraph_format.space_after = Pt(6 if name == "Heading 1" else 18)
    title = styles["Title"]
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # the default Title style draws a blue rule under the title; an official report has none
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)


def _page_setup(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(25), Mm(22)
    section.left_margin = section.right_margin = Mm(20)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("— ")
    _page_field(footer)
    footer.add_run(" —")


def _page_field(paragraph: Paragraph) -> None:
    """A PAGE field: Word and LibreOffice fill in the page number."""
    for kind in ("begin", "instr", "separate", "text", "end"):
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = "PAGE"
            run._r.append(instr)
        elif kind == "text":
            run.text = "1"  # shown until the field is updated
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def _paragraph(doc: DocxDocument, text: str, *, keep_with_next: bool = False) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(24)
    p.paragraph_format.keep_with_next = keep_with_next
    for piece, is_todo in split_todos(text):
        run = p.add_run(piece)
        if is_todo:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _table(doc: DocxDocument, layout: TableLayout) -> None:
    table = doc.add_table(rows=layout.height, cols=layout.width)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # w:tblLayout type="fixed", in its schema position
    widths = WIDTHS_MM[layout.name]
    # Word reads tcW, LibreOffice the grid (gridCol): set both, and a fixed layout so neither re-flows
    for column, w in zip(table.columns, widths, strict=True):
        column.width = Mm(w)
    # the grid's cells taken once, before merging (table.cell() rescans the whole table on every call)
    grid = table._cells
    for i, grid_cell in enumerate(grid):
        grid_cell.width = Mm(widths[i % layout.width])
    size = Pt(TABLE_FONT_PT[layout.name])
    for r, c, spec in layout.placed():
        cell = grid[r * layout.width + c]
        if spec.rowspan > 1 or spec.colspan > 1:
            # merge before writing: python-docx appends the text of merged cells to the origin
            far = grid[(r + spec.rowspan - 1) * layout.width + c + spec.colspan - 1]
            cell = cell.merge(far)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        p = cell.paragraphs[0]
        p.paragraph_format.line_spacing = 1.0
        p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(1)
        p.alignment = (
            WD_ALIGN_PARAGRAPH.LEFT if spec.role in (Role.LABEL, Role.BAND) else WD_ALIGN_PARAGRAPH.CENTER
        )
        # keep the table on one page where it fits (each row kept with the next), as printed forms are
        p.paragraph_format.keep_with_next = r + spec.rowspan < layout.height
        if spec.text:
            run = p.add_run(spec.text)
            run.font.size = size
            run.bold = spec.role is Role.BAND
    for r, tr in enumerate(table._tbl.tr_lst):
        tr_pr = tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        if r < layout.header_rows:
            # where a table still breaks across pages its header rows are printed again (display only:
            # the rows are in the file once)
            tr_pr.append(OxmlElement("w:tblHeader"))
    # an empty paragraph after each table keeps two tables or a table and a heading apart
    doc.add_paragraph()


def to_docx(report: Report) -> bytes:
    doc = new_document()
    _style_document(doc)
    _page_setup(doc)
    title = report_title(report)
    doc.core_properties.title = title
    doc.core_properties.author = report.agency or ""
    doc.core_properties.language = "zh-CN"
    doc.add_paragraph(title, style="Title")
    for p in preamble_paragraphs(report):
        _paragraph(doc, p)
    tables = layouts(report)
    for section in sections_out(report):
        doc.add_paragraph(section.heading, style="Heading 1")
        has_table = bool(section.table and section.table in tables)
        for i, p in enumerate(section.paragraphs):
            # the sentence leading into a table stays on the table's page
            _paragraph(doc, p, keep_with_next=has_table and i == len(section.paragraphs) - 1)
        if section.table and section.table in tables:
            _table(doc, tables[section.table])
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def write_docx(report: Report, path: str | os.PathLike[str]) -> None:
    with open(path, "wb") as fh:
        fh.write(to_docx(report))
