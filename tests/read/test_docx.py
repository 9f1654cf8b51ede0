"""The DOCX reader on the blank official template and the seven converted reports: merged cells
(gridSpan, vMerge) expanded the way the template draws them, ideographic-space cells blank, wrapped labels
joined, body order kept, headers and footers ignored, provenance by paragraph and table cell."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from gongkai.model.form import BALANCE_NOTE, RESULTS_LABEL, Table3Group, Table4Column
from gongkai.read import read_bytes, read_document
from gongkai.read.document import Document, Grid, Line
from tests.conftest import load_gold

CONVERTED = [
    "2019-平潭综合实验区公安局",
    "2020-平潭综合实验区财政金融局",
    "2023-平潭综合实验区农业农村局",
    "2023-平潭综合实验区社会事业局",
    "2023-平潭综合实验区自然资源与生态环境局",
    "2023-平潭综合实验区行政审批局",
    "2024-平潭综合实验区海坛片区管理局",
]


def _template(corpus: Path) -> Document:
    return read_document(corpus / "templates" / "政务公开年报模版.docx")


def _grids(doc: Document) -> list[Grid]:
    return [b for b in doc.blocks if isinstance(b, Grid)]


def _printed(value: object) -> str:
    return "" if value is None else str(value)


def test_template_has_three_tables_in_body_order(corpus: Path) -> None:
    doc = _template(corpus)
    assert doc.kind == "docx"
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds.count("Grid") == 3
    texts = [b.text if isinstance(b, Line) else f"<表{b.index}>" for b in doc.blocks]
    order = [
        texts.index("二、主动公开政府信息情况"),
        texts.index("<表0>"),
        texts.index("三、收到和处理政府信息公开申请情况"),
    ]
    assert order == sorted(order)
    assert texts.index("<表1>") < texts.index("四、政府信息公开行政复议、行政诉讼情况") < texts.index("<表2>")
    assert texts[-1] == "（文字描述，收取信息处理费情况在此处报告。）"


def test_template_table2_spans_and_ideographic_blanks(corpus: Path) -> None:
    table2 = _grids(_template(corpus))[0]
    assert len(table2.rows) == 14 and all(len(row) == 4 for row in table2.rows)
    band = table2.rows[0]
    assert band[0] is band[3] and band[0].colspan == 4 and band[0].text == "第二十条第（一）项"
    # 规章 and 行政规范性文件 hold U+3000 in the template: blank, not "\u3000"
    assert [c.text for c in table2.rows[2]] == ["规章", "", "", ""]
    assert [c.text for c in table2.rows[3]] == ["行政规范性文件", "", "", ""]
    fee = table2.rows[13]
    assert fee[1] is fee[3] and fee[1].colspan == 3 and fee[1].text == ""


def test_template_table3_merged_cells(corpus: Path) -> None:
    table3 = _grids(_template(corpus))[1]
    assert len(table3.rows) == 28 and all(len(row) == 10 for row in table3.rows)
    note = table3.rows[0][0]
    assert note.text == BALANCE_NOTE and (note.rowspan, note.colspan) == (3, 3)
    assert all(table3.rows[r][c] is note for r in range(3) for c in range(3))
    # 自然人 and 总计 merged over two header rows; two-paragraph headers joined without a space
    assert table3.rows[1][3] is table3.rows[2][3] and table3.rows[1][3].text == "自然人"
    assert [c.text for c in table3.rows[2][4:9]] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    results = table3.rows[5][0]
    assert results.text == RESULTS_LABEL and results.rowspan == 22
    assert all(table3.rows[r][0] is results for r in range(5, 27))
    spans = {table3.rows[r][1].text: table3.rows[r][1].rowspan for r in range(5, 27)}
    assert [spans[g.label] for g in Table3Group] == [8, 3, 5, 3]
    # the origin of a merged cell is where row and col agree; the continuations point back to it
    assert [c.text for c in table3.origin_cells(8)] == [
        "2.其他法律行政法规禁止公开",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
    ]


def test_template_table4_header_with_line_break(corpus: Path) -> None:
    table4 = _grids(_template(corpus))[2]
    assert [len(row) for row in table4.rows] == [15, 15, 15, 15]
    assert table4.rows[1][1] is table4.rows[2][1]
    # "结果<w:br/>纠正" in one paragraph: one label
    assert table4.rows[1][1].text == Table4Column.CORRECTED.label
    assert [c.text for c in table4.rows[3]] == [""] * 15


def test_provenance_of_paragraphs_and_cells(corpus: Path) -> None:
    doc = _template(corpus)
    lines = [b for b in doc.blocks if isinstance(b, Line)]
    assert lines[0].source.line == 2  # the first body paragraph is empty
    assert all(b.source.line and b.cells[0].source.line == b.source.line for b in lines)
    table3 = _grids(doc)[1]
    cell = table3.rows[7][2]
    assert (cell.source.table, cell.source.row, cell.source.col) == (1, 7, 2)
    assert cell.source.describe() == "第 2 个表格第 8 行第 3 格"


@pytest.mark.parametrize("stem", CONVERTED)
def test_converted_reports_table4_and_table3_totals(corpus: Path, stem: str) -> None:
    doc = read_document(corpus / "converted" / "docx" / f"{stem}.docx")
    gold = load_gold(stem)
    grids = _grids(doc)
    assert len(grids) == 3
    table4 = grids[2]
    assert [c.text for c in table4.origin_cells(len(table4.rows) - 1)] == [
        _printed(v) for v in gold["table4"]
    ]
    table3 = grids[1]
    for key, label in (
        ("一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量"),
        ("三、(七)总计", "（七）总计"),
    ):
        row = next(r for r in range(len(table3.rows)) if any(c.text == label for c in table3.origin_cells(r)))
        assert [c.text for c in table3.origin_cells(row)][-7:] == [_printed(v) for v in gold["table3"][key]]


def test_staggered_colspans_are_kept_as_printed(corpus: Path) -> None:
    """财政金融局 2020: header rows span 本年增/减, data rows span the first value (cells read in row order)."""
    table2 = _grids(read_document(corpus / "converted" / "docx" / "2020-平潭综合实验区财政金融局.docx"))[0]
    header = next(r for r in range(len(table2.rows)) if table2.rows[r][0].text == "信息内容" and r > 4)
    assert [c.text for c in table2.origin_cells(header)] == [
        "信息内容",
        "上一年项目数量",
        "本年增/减",
        "处理决定数量",
    ]
    assert [c.text for c in table2.origin_cells(header + 1)] == ["行政许可", "0", "1", "0"]
    assert table2.rows[header + 1][1].colspan == 2


def _made(build: object) -> bytes:
    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_headers_footers_ignored_and_merges_from_python_docx() -> None:
    def build(document: docx.document.Document) -> None:
        section = document.sections[0]
        section.header.paragraphs[0].text = "页眉：某某局"
        section.footer.paragraphs[0].text = "第 1 页"
        document.add_paragraph("一、总体情况")
        table = document.add_table(rows=3, cols=3)
        table.cell(0, 0).merge(table.cell(0, 2)).text = "行政复议"
        table.cell(1, 0).merge(table.cell(2, 0)).text = "结果维持"
        table.cell(1, 1).text = "1"
        table.cell(2, 2).text = "\u3000"
        document.add_paragraph("二、主动公开\t第二栏")

    doc = read_bytes(_made(build), "made.docx")
    assert "页眉" not in doc.text and "第 1 页" not in doc.text
    grid = _grids(doc)[0]
    assert grid.rows[0][0] is grid.rows[0][2] and grid.rows[0][0].colspan == 3
    assert grid.rows[1][0] is grid.rows[2][0] and grid.rows[1][0].rowspan == 2
    assert grid.rows[2][2].text == ""
    last = doc.blocks[-1]
    assert (
        isinstance(last, Line)
        and last.separated
        and [p.text for p in last.cells] == ["二、主动公开", "第二栏"]
    )


def test_docx_named_pdf_is_read_by_content(corpus: Path, tmp_path: Path) -> None:
    liar = tmp_path / "报告.pdf"
    liar.write_bytes((corpus / "templates" / "政务公开年报模版.docx").read_bytes())
    doc = read_document(liar)
    assert doc.kind == "docx" and len(_grids(doc)) == 3


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _numbered_docx() -> bytes:
    """Headings numbered by Word (一、 / （一） / 1.) and not typed: the numbers are only in numbering.xml."""

    def p(text: str, num: int | None = None, level: int = 0) -> str:
        props = (
            f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
            if num
            else ""
        )
        return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"

    body = "".join(
        [
            p("总体情况", 1),
            p("主动公开情况", 1, 1),
            p("依申请公开情况", 1, 1),
            p("主动公开政府信息情况", 1),
            "<w:tbl><w:tr><w:tc>" + p("属于国家秘密", 2) + "</w:tc><w:tc>" + p("0") + "</w:tc></w:tr>"
            "<w:tr><w:tc>"
            + p("其他法律行政法规禁止公开", 2)
            + "</w:tc><w:tc>"
            + p("1")
            + "</w:tc></w:tr></w:tbl>",
            p("收到和处理政府信息公开申请情况", 1),
        ]
    )
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>{body}</w:body></w:document>'
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {_W}>'
        '<w:abstractNum w:abstractNumId="7">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
        '<w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>'
        '<w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num></w:numbering>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("word/document.xml", document)
        zf.writestr("word/numbering.xml", numbering)
    return out.getvalue()


def test_word_automatic_numbering_is_printed() -> None:
    doc = read_bytes(_numbered_docx(), "自动编号.docx")
    lines = [b.text for b in doc.blocks if isinstance(b, Line)]
    assert lines == [
        "一、总体情况",
        "（一）主动公开情况",
        "（二）依申请公开情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
    ]
    grid = _grids(doc)[0]
    assert [c.text for c in grid.rows[0]] == ["1.属于国家秘密", "0"]
    assert [c.text for c in grid.rows[1]] == ["2.其他法律行政法规禁止公开", "1"]


def test_chinese_counting_formats() -> None:
    from gongkai.read.docx_numbering import format_number

    assert [format_number(n, "chineseCounting") for n in (1, 10, 12, 20, 21, 100, 112)] == [
        "一", "十", "十二", "二十", "二十一", "一百", "一百一十二",
    ]  # fmt: skip
    assert format_number(3, "ideographTraditional") == "丙"
    assert format_number(2, "decimalEnclosedCircle") == "②"
    assert format_number(4, "upperRoman") == "IV"


def _raw_docx(body: str) -> bytes:
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>{body}</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("word/document.xml", document)
    return out.getvalue()


def test_tracked_changes_fields_and_content_controls() -> None:
    body = (
        "<w:p><w:r><w:t>全年收到申请</w:t></w:r><w:del><w:r><w:delText>12</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>21</w:t></w:r></w:ins><w:r><w:t>件</w:t></w:r></w:p>"
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve">二、主动公开</w:t></w:r></w:p>'
        "<w:sdt><w:sdtContent><w:tbl><w:tr><w:tc><w:p><w:r><w:t>行政许可</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>"
        "</w:sdtContent></w:sdt>"
    )
    doc = read_bytes(_raw_docx(body), "修订.docx")
    lines = [b.text for b in doc.blocks if isinstance(b, Line)]
    assert lines == ["全年收到申请21件", "二、主动公开"]
    grid = _grids(doc)[0]  # the table inside a content control; the nested table's text stays in its cell
    assert [c.text for c in grid.rows[0]] == ["行政许可", "5"]


def test_vmerge_continue_without_origin_and_grid_before() -> None:
    body = (
        "<w:tbl>"
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc></w:tr>'
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>"
        "</w:tbl>"
    )
    grid = _grids(read_bytes(_raw_docx(body), "x.docx"))[0]
    assert [c.text for c in grid.rows[0]] == ["", "A"]
    # a continuation under a cell that starts elsewhere stays its own (blank) cell; under "A" it joins "A"
    assert grid.rows[1][1] is grid.rows[0][1] and grid.rows[0][1].rowspan == 2
    assert grid.rows[1][0] is not grid.rows[0][0]


def test_text_box_title_is_read_once() -> None:
    box = (
        "<w:txbxContent><w:p><w:r><w:t>某某局2024年政府信息公开工作年度报告</w:t></w:r></w:p></w:txbxContent>"
    )
    body = (
        '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="urn:wps">{box}</wps:txbx></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:textbox xmlns:v="urn:v">{box}</v:textbox></w:pict></mc:Fallback>'
        "</mc:AlternateContent></w:r><w:r><w:t>一、总体情况</w:t></w:r></w:p>"
    )
    doc = read_bytes(_raw_docx(body), "文本框.docx")
    assert [b.text for b in doc.blocks] == ["某某局2024年政府信息公开工作年度报告", "一、总体情况"]
    assert all(b.source.line == 1 for b in doc.blocks if isinstance(b, Line))
