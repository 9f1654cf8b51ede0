"""Cells read by OCR say so in their provenance; a cell whose ink could not be read is uncertain on its own
(the rest of its row is still read)."""

from __future__ import annotations

from gongkai.model.values import UNREADABLE
from gongkai.parse import parse_document
from gongkai.read import Line, read_bytes
from tests.parse.test_layouts import GOLD, LAYOUTS, render


def test_ocr_cells_are_marked_and_an_unreadable_cell_stays_alone() -> None:
    doc = read_bytes(render(LAYOUTS["tab rows"]).encode("utf-8"), "scan.pdf")
    blocks = []
    for block in doc.blocks:
        assert isinstance(block, Line)
        cells = tuple(p._replace(ocr=True) for p in block.cells)
        if len(cells) > 3 and cells[1].text == "一、本年新收政府信息公开申请数量":
            cells = (*cells[:3], cells[3]._replace(text=UNREADABLE), *cells[4:])  # the 商业企业 cell
        blocks.append(block._replace(cells=cells))
    doc.blocks = blocks
    data = parse_document(doc).to_json()
    key = "一、本年新收政府信息公开申请数量"
    expected = list(GOLD["table3"][key])
    expected[1] = None
    assert data["table3"][key] == expected
    assert data["uncertain_cells"] == [{"cell": ["table3", key, "商业企业"], "reason": "扫描件中该格有字迹，但 OCR 无法识别"}]
    how = {tuple(p["cell"]): p["how"] for p in data["provenance"]}
    assert "OCR" in how[("table3", key, "自然人")]
    assert data["table4"] == GOLD["table4"]
