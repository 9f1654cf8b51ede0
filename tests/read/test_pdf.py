"""The PDF reader on the real corpus PDFs: tables rebuilt from ruling lines with the printed values, page
numbers gone (even the ones printed under a table column), tables joined over page breaks, labels cut by a
break or printed one character per line made whole again, provenance on every piece; and the PDF error
paths (corrupt, encrypted, too many pages, no text layer, OCR)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gongkai.errors import CorruptFile, EncryptedReport, HostileFile, ScannedReport
from gongkai.model.form import BALANCE_NOTE, RESULTS_LABEL, Table3Group
from gongkai.model.labels import normalize
from gongkai.read import read_bytes, read_document
from gongkai.read.document import Document, Grid, Line
from gongkai.read.limits import Limits
from gongkai.read.pdf import pdf_to_document
from tests.conftest import load_gold
from tests.read.pdf_fixtures import (
    blank_pages_pdf,
    garbled_pdf,
    image_pdf,
    lines_pdf,
    rotated_pdf,
    text_and_scan_pdf,
    text_pdf,
    text_with_picture_pdf,
)

REAL_PDFS = ["2024-淮安市人民政府", "2023-淮安市洪泽区人民政府", "2024-淮安市洪泽区人民政府"]
CONVERTED = [
    "2019-平潭综合实验区公安局",
    "2020-平潭综合实验区财政金融局",
    "2023-平潭综合实验区农业农村局",
    "2023-平潭综合实验区社会事业局",
    "2023-平潭综合实验区自然资源与生态环境局",
    "2023-平潭综合实验区行政审批局",
    "2024-平潭综合实验区海坛片区管理局",
]
PAGE_NUMBER = re.compile(r"^[-－—–]?\s*\d{1,3}\s*[-－—–]?$|第\s*\d+\s*页")


def _read(path: Path) -> Document:
    return read_document(path)


def _real(corpus: Path, stem: str) -> Document:
    return _read(corpus / "reports" / f"{stem}.pdf")


def _grids(doc: Document) -> list[Grid]:
    return [b for b in doc.blocks if isinstance(b, Grid)]


def _printed(value: object) -> str:
    """A gold value as the report prints it (null is a blank cell)."""
    return "" if value is None else str(value)


def _row_label(key: str) -> str:
    """The label printed in a 表三 row's own cell, from its gold key: "三、(三)1.属于国家秘密" → "1.属于国家秘密"."""
    label = key.removeprefix("三、")
    if label.startswith("(") and label[3:4].isdigit():
        label = label[3:]
    return normalize(label)


def _row_texts(grid: Grid, r: int) -> list[str]:
    return [cell.text for cell in grid.origin_cells(r)]


# ---------------------------------------------------------------------------------------------- real PDFs


def test_huaian_table4_row_is_read_as_printed(corpus: Path) -> None:
    doc = _real(corpus, "2024-淮安市人民政府")
    gold = load_gold("2024-淮安市人民政府")["table4"]
    table4 = _grids(doc)[2]
    assert _row_texts(table4, len(table4.rows) - 1) == [_printed(v) for v in gold]
    assert _row_texts(table4, len(table4.rows) - 1)[:5] == ["72", "64", "178", "37", "351"]


@pytest.mark.parametrize("stem", REAL_PDFS)
def test_real_pdfs_have_three_tables_and_no_page_numbers(corpus: Path, stem: str) -> None:
    doc = _real(corpus, stem)
    assert len(_grids(doc)) == 3  # 表二, 表三, 表四: continuations joined, prose boxes not taken for tables
    for block in doc.blocks:
        if isinstance(block, Line):
            assert not PAGE_NUMBER.match(block.text), block
        else:
            for row in block.rows:
                for cell in row:
                    assert not re.match(r"^[-－—–]\s*\d+\s*[-－—–]$", cell.text), cell


@pytest.mark.parametrize("stem", REAL_PDFS)
def test_real_pdf_table3_rows_match_gold(corpus: Path, stem: str) -> None:
    """Every 表三 row of the gold file is found by its printed label with the printed values, across the
    page break (the 洪泽区 page number under the 其他 column is not one of them)."""
    doc = _real(corpus, stem)
    gold = load_gold(stem)
    table3 = _grids(doc)[1]
    official = {normalize(v["printed"]): normalize(v["official"]) for v in gold.get("label_variants", [])}
    checked = 0
    for r in range(len(table3.rows)):
        texts = _row_texts(table3, r)
        values = texts[-7:]
        if len(texts) < 8 or not all(re.fullmatch(r"\d+", v) for v in values):
            continue
        label = normalize(next(t for t in reversed(texts[:-7]) if t))
        label = official.get(label, label)
        matches = [key for key in gold["table3"] if label.startswith(_row_label(key))]
        assert len(matches) == 1, (label, texts)
        assert values == [_printed(v) for v in gold["table3"][matches[0]]], (label, values)
        checked += 1
    assert checked == len(gold["table3"])


def test_label_cut_by_page_break_is_one_cell(corpus: Path) -> None:
    """淮安 prints （四）无 at the foot of page 4 and 法提供 at the top of page 5."""
    table3 = _grids(_real(corpus, "2024-淮安市人民政府"))[1]
    cells = {id(cell): cell for row in table3.rows for cell in row}.values()
    group = [cell for cell in cells if normalize(cell.text) == normalize(Table3Group.UNABLE.label)]
    assert len(group) == 1
    assert group[0].rowspan == 3
    assert group[0].source.page == 4
    # the three sub-rows all sit beside the one cell
    rows_with_group = [r for r, row in enumerate(table3.rows) if group[0] in row]
    assert len(rows_with_group) == 3
    assert not any(normalize(cell.text) == normalize("法提供") for cell in cells)


@pytest.mark.parametrize("stem", ["2023-淮安市洪泽区人民政府", "2024-淮安市洪泽区人民政府"])
def test_vertical_label_one_character_per_line_is_joined(corpus: Path, stem: str) -> None:
    table3 = _grids(_real(corpus, stem))[1]
    label = [cell for row in table3.rows for cell in row if normalize(cell.text) == normalize(RESULTS_LABEL)]
    assert label, "三、本年度办理结果 not found as one cell"
    assert label[0].rowspan >= 20


def test_two_line_label_in_one_cell_is_one_label(corpus: Path) -> None:
    table3 = _grids(_real(corpus, "2024-淮安市人民政府"))[1]
    texts = {cell.text for row in table3.rows for cell in row}
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" in texts
    assert "商业企业" in {normalize(t) for t in texts}


def test_hongze_prose_on_white_boxes_stays_prose(corpus: Path) -> None:
    doc = _real(corpus, "2023-淮安市洪泽区人民政府")
    first_grid = next(i for i, b in enumerate(doc.blocks) if isinstance(b, Grid))
    prose = [b for b in doc.blocks[:first_grid] if isinstance(b, Line)]
    assert len(prose) > 30
    assert any("2023年全区受理政府信息公开申请21件" in b.text for b in prose)


def test_hongze_table4_keeps_the_printed_wrong_total(corpus: Path) -> None:
    """表四 总计 printed 0 beside non-zero parts: kept as printed, never recomputed."""
    table4 = _grids(_real(corpus, "2023-淮安市洪泽区人民政府"))[2]
    gold = load_gold("2023-淮安市洪泽区人民政府")["table4"]
    assert _row_texts(table4, len(table4.rows) - 1) == [_printed(v) for v in gold]


def test_table2_values_with_decimals_and_large_numbers(corpus: Path) -> None:
    table2 = _grids(_real(corpus, "2024-淮安市人民政府"))[0]
    texts = {cell.text for row in table2.rows for cell in row}
    assert {"96171.6", "3985758", "447228", "88283"} <= texts
    # the block 第二十条第（六）项 continues on page 4: one grid, no empty row at the page break
    assert all(any(cell.text for cell in row) for row in table2.rows)


@pytest.mark.parametrize("stem", REAL_PDFS)
def test_every_piece_has_page_and_position(corpus: Path, stem: str) -> None:
    doc = _real(corpus, stem)
    assert doc.kind == "pdf"
    for block in doc.blocks:
        if isinstance(block, Line):
            assert block.source.page is not None and block.source.bbox is not None
            assert all(p.source.page and p.source.bbox for p in block.cells)
        else:
            for r, row in enumerate(block.rows):
                for c, cell in enumerate(row):
                    src = cell.source
                    assert src.page is not None and src.table == block.index
                    if cell.row == r and cell.col == c and cell.text:
                        assert (src.row, src.col) == (r, c) and src.bbox is not None
                        x0, top, x1, bottom = src.bbox
                        assert 0 <= x0 < x1 <= 600 and 0 <= top < bottom <= 850


@pytest.mark.parametrize("stem", CONVERTED)
def test_converted_pdfs_table4_and_total_row(corpus: Path, stem: str) -> None:
    doc = _read(corpus / "converted" / "pdf" / f"{stem}.pdf")
    gold = load_gold(stem)
    grids = _grids(doc)
    assert len(grids) == 3
    table4 = grids[2]
    assert _row_texts(table4, len(table4.rows) - 1) == [_printed(v) for v in gold["table4"]]
    table3 = grids[1]
    total = gold["table3"]["三、(七)总计"]
    row = next(r for r in range(len(table3.rows)) if any("总计" in t for t in _row_texts(table3, r)[:2]))
    assert _row_texts(table3, row)[-7:] == [_printed(v) for v in total]


# ---------------------------------------------------------------------------------------------- errors


def test_corrupt_pdf_is_refused_with_the_file_name() -> None:
    data = text_pdf()[:200]  # cut inside the first objects
    with pytest.raises(CorruptFile, match=r"《坏\.pdf》") as info:
        read_bytes(data, "坏.pdf")
    assert "损坏" in str(info.value)


def test_garbage_after_pdf_header_is_corrupt() -> None:
    with pytest.raises(CorruptFile, match=r"《x\.pdf》"):
        read_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40, "x.pdf")


def test_encrypted_pdf_is_refused_as_encrypted() -> None:
    data = text_pdf(password="secret")
    with pytest.raises(EncryptedReport, match=r"《加密\.pdf》.*加密"):
        read_bytes(data, "加密.pdf")


def test_the_test_encrypted_pdf_really_is_a_readable_encrypted_pdf() -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(text_pdf(password="secret"), password="secret")
    assert pdf[0].get_textpage().get_text_range() == "2024 Annual Report"


def test_pdf_of_500_pages_is_refused_before_reading_pages() -> None:
    data = blank_pages_pdf(500)
    with pytest.raises(HostileFile, match=r"《大\.pdf》.*500 页.*200"):
        read_bytes(data, "大.pdf")


def test_page_limit_is_configurable() -> None:
    with pytest.raises(HostileFile):
        pdf_to_document(blank_pages_pdf(3), "x.pdf", Limits(max_pdf_pages=2))


def test_pdf_without_text_layer_says_scanned_without_ocr(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gongkai.read import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)
    scan = image_pdf((corpus / "reports" / "2024-淮安市人民政府.pdf").read_bytes(), 4, scale=1.0)
    with pytest.raises(ScannedReport) as info:
        read_bytes(scan, "扫描件.pdf")
    message = str(info.value)
    assert "《扫描件.pdf》" in message and "没有文字层" in message and "gongkai[ocr]" in message


def test_blank_pdf_without_text_is_scanned_too(monkeypatch: pytest.MonkeyPatch) -> None:
    from gongkai.read import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(ScannedReport):
        read_bytes(blank_pages_pdf(2), "空白.pdf")


def test_scanned_pdf_is_read_by_ocr_and_marked(corpus: Path) -> None:
    pytest.importorskip("rapidocr_onnxruntime")
    from gongkai.read.ocr import UNREADABLE

    scan = image_pdf((corpus / "reports" / "2024-淮安市人民政府.pdf").read_bytes(), 4, scale=2.0)
    doc = read_bytes(scan, "扫描件.pdf")
    assert doc.ocr
    assert any("OCR" in note for note in doc.notes)
    pieces = [p for b in doc.blocks if isinstance(b, Line) for p in b.cells]
    cells = [c for b in doc.blocks if isinstance(b, Grid) for row in b.rows for c in row]
    assert pieces and cells
    assert all(p.ocr for p in pieces) and all(c.ocr for c in cells)
    # the 表四 rebuilt from the lines seen in the image: its header and the values the scan shows
    table4 = _grids(doc)[-1]
    assert normalize(table4.rows[0][0].text) == normalize("行政复议")
    values = _row_texts(table4, len(table4.rows) - 1)
    gold = [_printed(v) for v in load_gold("2024-淮安市人民政府")["table4"]]
    assert values[:5] == ["72", "64", "178", "37", "351"]
    # OCR may fail to read a value (the cell then says so with U+FFFD, and is marked OCR) but never reads
    # a wrong one here
    assert all(v in (UNREADABLE, g) for v, g in zip(values, gold, strict=True))
    assert sum(v == g for v, g in zip(values, gold, strict=True)) >= 14
    assert any("四、政府信息公开行政复议、行政诉讼情况" in b.text for b in doc.blocks if isinstance(b, Line))


@pytest.mark.parametrize("stem", ["2024-淮安市人民政府.pdf", "2019-平潭综合实验区公安局.html"])
def test_pdf_from_another_producer_reads_back_the_same_tables(corpus: Path, stem: str) -> None:
    """A second PDF producer (gongkai's own WeasyPrint writer draws every cell border as a separate short
    line): the tables read back from its PDF are the tables that went in."""
    from gongkai.parse import parse_document, parse_file
    from gongkai.write.pdf import cjk_font_installed, to_pdf

    if not cjk_font_installed():
        pytest.skip("no CJK font for WeasyPrint (scripts/install adds fonts-noto-cjk)")
    report = parse_file(corpus / "reports" / stem)
    again = parse_document(read_bytes(to_pdf(report), "written.pdf")).to_json()
    original = report.to_json()
    for table in ("table2", "table3", "table4"):
        assert again[table] == original[table]


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_rotated_page_is_read_upright(corpus: Path, rotation: int) -> None:
    data = rotated_pdf((corpus / "reports" / "2024-淮安市人民政府.pdf").read_bytes(), 4, rotation)
    doc = read_bytes(data, "横排.pdf")
    table4 = _grids(doc)[-1]
    gold = load_gold("2024-淮安市人民政府")["table4"]
    assert _row_texts(table4, len(table4.rows) - 1) == [_printed(v) for v in gold]
    lines = [b.text for b in doc.blocks if isinstance(b, Line)]
    assert "四、政府信息公开行政复议、行政诉讼情况" in lines


def test_running_headers_footers_and_page_numbers_are_removed() -> None:
    pages = [
        [
            (72, 40, "Huaian Municipal Government Annual Report"),
            (72, 120, f"Body line {n} of the report"),
            (72, 140, f"Second body line on page {n}"),
            (280, 800, footer),
        ]
        for n, footer in enumerate(["- 1 -", "2/3", "Page 3 of 3"], start=1)
    ]
    doc = read_bytes(lines_pdf(pages), "pages.pdf")
    assert [b.text for b in doc.blocks] == [
        "Body line 1 of the report",
        "Second body line on page 1",
        "Body line 2 of the report",
        "Second body line on page 2",
        "Body line 3 of the report",
        "Second body line on page 3",
    ]


def test_body_text_that_looks_like_a_number_is_kept() -> None:
    """A number alone in the body (not in the margins) is content; "- 2 -" anywhere is a page number."""
    doc = read_bytes(lines_pdf([[(72, 300, "2024"), (72, 400, "- 2 -"), (72, 500, "Total")]]), "n.pdf")
    assert [b.text for b in doc.blocks] == ["2024", "Total"]


def test_page_without_text_is_noted_when_others_have_text(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gongkai.read import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)
    data = text_and_scan_pdf((corpus / "reports" / "2024-淮安市人民政府.pdf").read_bytes(), 4)
    doc = read_bytes(data, "半扫描.pdf")
    assert doc.text == "Report text page"
    assert not doc.ocr
    assert any("第 2 页没有可用的文字层" in note for note in doc.notes)


def test_numbers_of_a_borderless_row_are_separate_pieces(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without ruling lines (a borderless table) a row is a Line whose pieces are its cells: numbers a
    character apart are two pieces, and prose digits (2024年) stay together."""
    from gongkai.read import pdf as pdf_module

    real = pdf_module.read_page

    def without_rulings(pdf: object, index: int) -> object:
        content = real(pdf, index)
        content.horizontals.clear()
        content.verticals.clear()
        return content

    monkeypatch.setattr(pdf_module, "read_page", without_rulings)
    doc = _real(corpus, "2024-淮安市人民政府")
    assert not _grids(doc)
    gold = [_printed(v) for v in load_gold("2024-淮安市人民政府")["table4"]]
    rows = [[p.text for p in b.cells] for b in doc.blocks if isinstance(b, Line) and b.separated]
    assert gold in rows
    assert any("2024年，全市共受理政府信息公开申请3119件" in b.text.replace(" ", "") for b in doc.blocks)
    assert "2024年政府信息公开工作年度报告" in [b.text for b in doc.blocks if isinstance(b, Line)]


def test_header_row_repeated_on_the_next_page_is_dropped() -> None:
    """Word's "repeat as header row": the continuation's first row equals the table's first row and is not
    data; the joined grid has it once."""
    from gongkai.read.pdf_table import Box, Fragment, join, place

    def box(page: int, x0: float, top: float, x1: float, bottom: float, text: str) -> Box:
        return Box(x0, top, x1, bottom, page, (x0, top, x1, bottom), text)

    upper = [
        box(1, 0, 700, 100, 720, "信息内容"),
        box(1, 100, 700, 200, 720, "本年处理决定数量"),
        box(1, 0, 720, 100, 740, "行政许可"),
        box(1, 100, 720, 200, 740, "5"),
    ]
    lower_cells = [
        box(2, 0, 50, 100, 70, "信息内容"),
        box(2, 100, 50, 200, 70, "本年处理决定数量"),
        box(2, 0, 70, 100, 90, "行政处罚"),
        box(2, 100, 70, 200, 90, "7"),
    ]
    lower = Fragment(2, 0, 50, 200, 90, lower_cells)
    joined = join(upper, lower, offset=740 - 50)
    rows, cols, placed = place(joined)
    assert (rows, cols) == (3, 2)
    assert [p.box.text for p in sorted(placed, key=lambda p: (p.row, p.col))] == [
        "信息内容", "本年处理决定数量", "行政许可", "5", "行政处罚", "7",
    ]  # fmt: skip


def test_text_layer_that_decodes_to_nothing_is_not_read_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2 as pdfium

    from gongkai.read import ocr

    data = garbled_pdf()
    # the fixture really has a text layer, of private-use characters
    assert all(
        0xE000 <= ord(c) <= 0xF8FF
        for c in pdfium.PdfDocument(data)[0].get_textpage().get_text_range()
        if c != " "
    )
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(ScannedReport, match=r"《乱码\.pdf》.*无法解码"):
        read_bytes(data, "乱码.pdf")


def test_a_new_table_at_the_top_of_a_page_is_not_joined_to_the_last() -> None:
    """表三 ends page 4, 表四 starts page 5 with the same width and no heading between: two tables. A
    continuation of 表三 (or its header repeated) would be joined."""
    from gongkai.read.pdf_table import Box, Fragment, continues

    def box(page: int, x0: float, top: float, x1: float, text: str) -> Box:
        return Box(x0, top, x1, top + 20, page, (x0, top, x1, top + 20), text)

    table3 = [
        box(4, 0, 600, 100, BALANCE_NOTE),
        box(4, 100, 600, 200, "申请人情况"),
        box(4, 0, 620, 100, "x"),
    ]
    upper = Fragment(4, 0, 600, 200, 640, table3)
    table4 = Fragment(5, 0, 50, 200, 90, [box(5, 0, 50, 100, "行政复议"), box(5, 100, 50, 200, "行政诉讼")])
    assert not continues(table3, upper, table4)
    more = Fragment(5, 0, 50, 200, 90, [box(5, 0, 50, 100, "（四）无法提供"), box(5, 100, 50, 200, "3")])
    assert continues(table3, upper, more)
    repeated = Fragment(
        5, 0, 50, 200, 90, [box(5, 0, 50, 100, BALANCE_NOTE), box(5, 100, 50, 200, "申请人情况")]
    )
    assert continues(table3, upper, repeated)


def test_fake_bold_text_drawn_three_times_reads_once() -> None:
    """Producers without a bold font print a heading several times a fraction of a point apart; PDFium's
    text page keeps one copy, and so does the Document."""
    bold = [(72, 100, "Bold heading"), (72.3, 100.2, "Bold heading"), (72.6, 100, "Bold heading")]
    doc = read_bytes(lines_pdf([[*bold, (72, 200, "Normal")]]), "bold.pdf")
    assert [b.text for b in doc.blocks] == ["Bold heading", "Normal"]


def _pasted_table(corpus: Path) -> bytes:
    # 表四 of 淮安 2024 (page 5), pasted as a picture under two lines of real text
    return text_with_picture_pdf(
        (corpus / "reports" / "2024-淮安市人民政府.pdf").read_bytes(), 4, (60, 498, 530, 698)
    )


def test_table_pasted_as_picture_is_noted_without_ocr(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gongkai.read import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)
    doc = read_bytes(_pasted_table(corpus), "截图.pdf")
    assert [b.text for b in doc.blocks] == ["Report with a pasted table", "See the table below"]
    assert any("第 1 页有大幅图片" in note for note in doc.notes)


def test_table_pasted_as_picture_is_read_by_ocr(corpus: Path) -> None:
    pytest.importorskip("rapidocr_onnxruntime")
    doc = read_bytes(_pasted_table(corpus), "截图.pdf")
    assert doc.ocr and any("图片中的文字已经 OCR 识别" in note for note in doc.notes)
    lines = [b for b in doc.blocks if isinstance(b, Line)]
    assert [p.ocr for p in lines[0].cells] == [False]  # the text layer stays text
    table4 = _grids(doc)[-1]
    assert all(cell.ocr for row in table4.rows for cell in row)
    assert _row_texts(table4, len(table4.rows) - 1)[:5] == ["72", "64", "178", "37", "351"]
