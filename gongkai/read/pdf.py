"""PDF → ``Document``: visual lines of the text layer and tables rebuilt from ruling lines, in reading
order, page furniture (page numbers, running headers and footers) removed, tables that run over a page
break joined into one ``Grid``.

Why pypdfium2 and not pdfplumber (measured on the 10 corpus PDFs, 51 pages, 2-core machine): pdfplumber
(pdfminer.six, pure Python) needs about 95 ms per page for words and ruling lines, i.e. about half a second
per report before any table is rebuilt, so two cores could not read 10 reports a second. PDFium (C++)
extracts the plain text of a page in about 2.3 ms; reading every character's box and every path object
from it, rebuilding the tables and assembling the Document costs about 6 ms per page in all, 2.7× the
bare text extraction (2.8× with gongkai.parse on top; up to 3.1× while other jobs load the machine),
about 30 reports per second on one core (``bench/pdf_speed.py`` prints these figures). Characters and
paths come from the raw PDFium API (``pdf_page``); lines and cell text from ``pdf_text``; tables from
``pdf_table``; pages without a usable text layer and pasted pictures go to ``ocr`` when it is installed.

Errors are told apart by the exception's type and PDFium's error code, never by message text: a wrong
password is ``EncryptedReport``, anything else PDFium cannot load is ``CorruptFile``; more pages than
``limits.max_pdf_pages`` is ``HostileFile`` (refused before any page is read); a PDF without a text layer is
``ScannedReport`` unless the OCR extra is installed (``gongkai.read.ocr``).
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from gongkai.errors import CorruptFile, EncryptedReport, HostileFile, ScannedReport
from gongkai.model.report import Source
from gongkai.read.document import Block, Document, Grid, GridCell, Line, Piece
from gongkai.read.limits import Limits
from gongkai.read.pdf_page import PageContent, read_page
from gongkai.read.pdf_table import Box, Fragment, continues, join, page_fragments, place
from gongkai.read.pdf_text import TextLine, group_lines, is_dashed_page_number, is_page_number, line_pieces

#: share of the page height at the top and bottom where running headers, footers and page numbers live
MARGIN = 0.1

_DIGITS = re.compile(r"\d+")
_PDFIUM = threading.Lock()
Bbox = tuple[float, float, float, float]


@dataclass
class _Item:
    """A block of a page before the document is assembled: a line or a table fragment."""

    page: int
    top: float
    line: TextLine | None = None
    fragment: Fragment | None = None


def open_pdf(data: bytes, name: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise EncryptedReport(name, "PDF 已加密（需要密码才能打开），请提供未加密的文件") from None
        raise CorruptFile(name, "PDF 文件已损坏或不完整，无法打开") from None


def pdf_to_document(data: bytes, name: str, limits: Limits) -> Document:
    # PDFium is not thread-safe: the web app may read two uploads at once in worker threads
    with _PDFIUM:
        return _read_pdf(data, name, limits)


def _read_pdf(data: bytes, name: str, limits: Limits) -> Document:
    pdf = open_pdf(data, name)
    try:
        count = len(pdf)
        if count > limits.max_pdf_pages:
            raise HostileFile(name, f"PDF 共 {count} 页，超过上限 {limits.max_pdf_pages} 页，拒绝读取")
        if count == 0:
            raise CorruptFile(name, "PDF 中没有任何页面")
        doc = Document(name=name, kind="pdf")
        _read_metadata(pdf, doc)
        pages: list[PageContent] = []
        for i in range(count):
            try:
                pages.append(read_page(pdf, i))
            except pdfium.PdfiumError:
                raise CorruptFile(name, f"PDF 第 {i + 1} 页已损坏，无法读取") from None
        empty = [p for p in pages if not any(not c[0].isspace() for c in p.chars)]
        garbled = [p for p in pages if p not in empty and _garbled(p)]
        if empty or garbled:
            _scanned_pages(pdf, pages, empty, garbled, doc, name)
        pictured = [p for p in pages if p.pictures and p not in empty and p not in garbled]
        if pictured:
            _pictures(pdf, pictured, doc)
        doc.blocks = _assemble(pages)
        return doc
    finally:
        pdf.close()


def _garbled(content: PageContent) -> bool:
    """A text layer that cannot be decoded: fonts without a Unicode map give private-use or replacement
    characters instead of the printed ones (common in PDFs from some Chinese typesetting tools)."""
    bad = total = 0
    for c in content.chars:
        ch = c[0]
        if ch.isspace():
            continue
        total += 1
        code = ord(ch)
        if 0xE000 <= code <= 0xF8FF or code == 0xFFFD or code < 0x20:
            bad += 1
    return total > 0 and bad > total // 2


def _scanned_pages(
    pdf: pdfium.PdfDocument,
    pages: list[PageContent],
    empty: list[PageContent],
    garbled: list[PageContent],
    doc: Document,
    name: str,
) -> None:
    """Pages without a (usable) text layer: OCR them when the extra is installed, otherwise say so, or
    refuse the whole file when no page has usable text."""
    from gongkai.read import ocr

    unusable = sorted(empty + garbled, key=lambda p: p.number)
    listed = "、".join(str(p.number) for p in unusable)
    if not ocr.available():
        if len(unusable) == len(pages):
            if garbled:
                raise ScannedReport(
                    name,
                    "PDF 的文字层无法解码（字体缺少 Unicode 编码表，提取出的是乱码）；"
                    "安装 pip install 'gongkai[ocr]' 后可按图像识别",
                )
            raise ScannedReport(
                name, "PDF 没有文字层，可能是扫描件；安装 pip install 'gongkai[ocr]' 后可识别"
            )
        doc.notes.append(
            f"第 {listed} 页没有可用的文字层（扫描图片或无法解码的字体），其内容未读取；安装 OCR 扩展后可识别"
        )
        for content in garbled:
            content.chars.clear()  # never hand mojibake to the parser
        return
    for content in unusable:
        content.chars.clear()
        ocr.ocr_page(pdf, content)
    doc.ocr = True
    doc.notes.append(f"第 {listed} 页没有可用的文字层，已经 OCR 识别；识别出的文字和数字须核对原件")


def _pictures(pdf: pdfium.PdfDocument, pictured: list[PageContent], doc: Document) -> None:
    """Large pictures on pages with text (a table pasted as a screenshot): read by OCR when the extra is
    installed, otherwise say that their text, if any, was not read."""
    from gongkai.read import ocr

    listed = "、".join(str(p.number) for p in pictured)
    if not ocr.available():
        doc.notes.append(
            f"第 {listed} 页有大幅图片，图片中若有文字（如表格截图）未被读取；安装 OCR 扩展后可识别"
        )
        return
    read = [p for p in pictured if ocr.ocr_pictures(pdf, p)]
    if read:
        doc.ocr = True
        pages = "、".join(str(p.number) for p in read)
        doc.notes.append(f"第 {pages} 页图片中的文字已经 OCR 识别；识别出的文字和数字须核对原件")


def _read_metadata(pdf: pdfium.PdfDocument, doc: Document) -> None:
    try:
        meta = pdf.get_metadata_dict(skip_empty=True)
    except pdfium.PdfiumError:
        return
    title = meta.get("Title", "").strip()
    # only a Chinese title says something; "Microsoft Word - szfgs2024.docx" does not
    if title and re.search(r"[\u4e00-\u9fff]", title):
        doc.title = title
    for key, out in (("Author", "author"), ("CreationDate", "created"), ("ModDate", "modified")):
        value = meta.get(key, "").strip()
        if value:
            doc.meta[out] = value


# ---------------------------------------------------------------------------------------------- assembly


def _page_items(content: PageContent) -> list[_Item]:
    fragments, rest = page_fragments(content)
    items = [_Item(content.number, f.top, fragment=f) for f in fragments]
    for chars in group_lines(rest):
        line = line_pieces(chars)
        if line.pieces:
            items.append(_Item(content.number, line.top, line=line))
    items.sort(key=lambda item: item.top)
    return items


def _in_margin(line: TextLine, content: PageContent) -> bool:
    return line.bottom <= content.height * MARGIN or line.top >= content.height * (1 - MARGIN)


def _remove_furniture(pages: list[PageContent], per_page: list[list[_Item]]) -> None:
    """Drop page numbers (in the margins, or "- 3 -" anywhere) and running headers/footers (the same
    text, digits aside, in the margin of at least half the pages)."""
    repeated: Counter[str] = Counter()
    for content, items in zip(pages, per_page, strict=True):
        keys = {
            _DIGITS.sub("#", item.line.text)
            for item in items
            if item.line is not None and _in_margin(item.line, content)
        }
        repeated.update(keys)
    threshold = max(2, (len(pages) + 1) // 2)
    for content, items in zip(pages, per_page, strict=True):
        kept: list[_Item] = []
        for item in items:
            line = item.line
            if line is not None:
                text = line.text
                if is_dashed_page_number(text):
                    continue
                if _in_margin(line, content) and (
                    is_page_number(text) or repeated[_DIGITS.sub("#", text)] >= threshold
                ):
                    continue
            kept.append(item)
        items[:] = kept


def _assemble(pages: list[PageContent]) -> list[Block]:
    ocr_pages = {content.number for content in pages if content.ocr}
    ocr_boxes = {content.number: content.ocr_boxes for content in pages if content.ocr_boxes}

    def by_ocr(page: int, bbox: tuple[float, float, float, float]) -> bool:
        """Whether a piece was read by OCR: its page was, or it lies in a picture read by OCR."""
        if page in ocr_pages:
            return True
        cx, cy = (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2
        return any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in ocr_boxes.get(page, ()))

    per_page = [_page_items(content) for content in pages]
    _remove_furniture(pages, per_page)
    order: list[Line | int] = []  # lines, and tables by index until their fragments are all joined
    offsets: list[float] = []
    total = 0.0
    for content in pages:
        offsets.append(total)
        total += content.height
    # a table = the cells of its fragments on one coordinate system
    open_table: list[Box] | None = None
    last_fragment: Fragment | None = None
    tables: list[tuple[list[Box], Fragment]] = []
    for p, items in enumerate(per_page):
        for k, item in enumerate(items):
            fragment = item.fragment
            if fragment is None:
                assert item.line is not None
                order.append(_line_block(item.line, item.page, by_ocr))
                open_table = None
                continue
            if (
                k == 0
                and open_table is not None
                and last_fragment is not None
                and last_fragment.page == fragment.page - 1
                and continues(open_table, last_fragment, fragment)
            ):
                # lay the continuation directly under the part above: no gap row between the pages
                offset = max(c.bottom for c in open_table) - fragment.top
                open_table[:] = join(open_table, fragment, offset)
                last_fragment = fragment
                continue
            cells = [
                Box(c.x0, c.top + offsets[p], c.x1, c.bottom + offsets[p], c.page, c.bbox, c.text, c.chars)
                for c in fragment.cells
            ]
            tables.append((cells, fragment))
            order.append(len(tables) - 1)
            open_table, last_fragment = cells, fragment
        if items and items[-1].fragment is None:
            open_table = None
    # now that continuations are joined, turn each table into a Grid
    grids = [_grid(i, cells, first, by_ocr) for i, (cells, first) in enumerate(tables)]
    return [grids[b] if isinstance(b, int) else b for b in order]


def _line_block(line: TextLine, page: int, by_ocr: Callable[[int, Bbox], bool]) -> Line:
    pieces = tuple(
        Piece(text, Source(page=page, bbox=box), ocr=by_ocr(page, box)) for text, box in line.pieces
    )
    source = Source(page=page, bbox=(line.x0, line.top, line.x1, line.bottom))
    return Line(text=line.text, cells=pieces, source=source, separated=len(pieces) > 1)


def _grid(index: int, cells: list[Box], first: Fragment, by_ocr: Callable[[int, Bbox], bool]) -> Grid:
    n_rows, n_cols, placed = place(cells)
    rows: list[list[GridCell | None]] = [[None] * n_cols for _ in range(n_rows)]
    for p in placed:
        cell = GridCell(
            text=p.box.text,
            source=Source(page=p.box.page, bbox=p.box.bbox, table=index, row=p.row, col=p.col),
            row=p.row,
            col=p.col,
            rowspan=p.rowspan,
            colspan=p.colspan,
            ocr=by_ocr(p.box.page, p.box.bbox),
        )
        for r in range(p.row, p.row + p.rowspan):
            for c in range(p.col, p.col + p.colspan):
                if rows[r][c] is None:
                    rows[r][c] = cell
    filled: list[list[GridCell]] = []
    for r, row in enumerate(rows):
        filled.append(
            [
                cell
                if cell is not None
                else GridCell("", Source(page=first.page, table=index, row=r, col=c), r, c)
                for c, cell in enumerate(row)
            ]
        )
    bbox = (first.x0, first.top, first.x1, first.bottom)
    return Grid(index=index, rows=filled, source=Source(page=first.page, bbox=bbox, table=index))
