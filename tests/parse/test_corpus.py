"""Every text and HTML report of the development corpus against its hand-checked gold values."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.parse import parse_file
from tests.conftest import CORPUS, load_gold

REPORTS = sorted(p for p in (CORPUS / "reports").glob("*") if p.suffix in (".txt", ".html"))


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_report_matches_gold(path: Path) -> None:
    gold = load_gold(path.stem)
    data = parse_file(path).to_json()
    assert data["format"] == gold["format"]
    assert data["table_formats"] == gold["table_formats"]
    assert data["sections_present"] == gold["sections_present"]
    assert data["year"] == gold["year"]
    assert data["table2"] == gold["table2"]
    assert data["table3"] == gold["table3"]
    assert data["table4"] == gold["table4"]
    assert data["uncertain_cells"] == gold["uncertain_cells"] == []
    assert sorted(map(tuple, data["cells_blank_in_source"])) == sorted(map(tuple, gold["cells_blank_in_source"]))


@pytest.mark.parametrize(
    ("stem", "agency"),
    [
        ("2024-湘潭县统计局", "湘潭县统计局"),  # title broken over two lines
        ("2023-互助县统计局", "互助县统计局"),  # title says only 统计局; the county is in the body
        ("2020-重庆市统计局", "重庆市统计局"),  # breadcrumb chrome above the title
        ("2019-平潭综合实验区公安局", "平潭综合实验区公安局"),  # no title inside the article: <title>
        ("2024-未署名某局", None),  # the report never names itself
    ],
)
def test_agency(stem: str, agency: str | None) -> None:
    path = next((CORPUS / "reports").glob(f"{stem}.*"))
    assert parse_file(path).agency == agency


def test_printed_units_are_kept() -> None:
    data = parse_file(CORPUS / "reports" / "2020-重庆市统计局.txt").to_json()
    assert data["table2"]["政府集中采购"]["采购总金额"] == 2367.4314
    assert {"cell": ["table2", "政府集中采购", "采购总金额"], "printed": "2367.4314万元", "stored": 2367.4314, "unit": "万元"} in data[
        "printed_forms"
    ]


def test_blank_is_not_zero() -> None:
    """互助 prints 表三 with every value cell empty; 西宁 prints every cell as 0."""
    blank = parse_file(CORPUS / "reports" / "2023-互助县统计局.txt").to_json()
    zero = parse_file(CORPUS / "reports" / "2024-西宁市城中区统计局.txt").to_json()
    assert all(v is None for row in blank["table3"].values() for v in row)
    assert all(v == 0 for row in zero["table3"].values() for v in row)


def test_provenance_points_at_the_printed_cell() -> None:
    data = parse_file(CORPUS / "reports" / "2024-湘潭县统计局.txt").to_json()
    prov = {tuple(p["cell"]): p for p in data["provenance"]}
    first = prov[("table3", "一、本年新收政府信息公开申请数量", "自然人")]
    lines = (CORPUS / "reports" / "2024-湘潭县统计局.txt").read_text(encoding="utf-8").split("\n")
    assert lines[first["source"]["line"] - 1].strip() == "1"
    html = parse_file(CORPUS / "reports" / "2023-平潭综合实验区行政审批局.html").to_json()
    cell = {tuple(p["cell"]): p for p in html["provenance"]}[("table4", "行政复议", "结果维持")]
    assert cell["source"]["table"] == 2 and "row" in cell["source"] and "col" in cell["source"]


def test_label_variants_are_reported() -> None:
    data = parse_file(CORPUS / "reports" / "2020-重庆市统计局.txt").to_json()
    printed = {v["printed"] for v in data["label_variants"]}
    assert "3.危害三安全一稳定" in printed
    assert "一、本年新收政府公开信息申请数量" in printed
