"""Whole documents in forms the corpus lacks: a GBK web page declared in <meta>, a pre-2019 report."""

from __future__ import annotations

from gongkai.parse import parse_document
from gongkai.read import read_bytes
from tests.conftest import CORPUS, load_gold


def test_gbk_page_declared_in_meta() -> None:
    page = (CORPUS / "reports" / "2023-平潭综合实验区行政审批局.html").read_text(encoding="utf-8")
    page = page.replace('<meta charset="UTF-8" />', '<meta http-equiv="Content-Type" content="text/html; charset=gbk" />')
    assert "charset=gbk" in page
    doc = read_bytes(page.encode("gb18030"), "gbk.html")
    assert doc.encoding is not None and "gb" in doc.encoding
    data = parse_document(doc).to_json()
    gold = load_gold("2023-平潭综合实验区行政审批局")
    assert data["table3"] == gold["table3"] and data["table4"] == gold["table4"]
    assert data["agency"] == "平潭综合实验区行政审批局"


def test_pre_2019_report_is_legacy() -> None:
    text = (
        "某市统计局2017年政府信息公开工作年度报告\n"
        "本报告根据《中华人民共和国政府信息公开条例》编制。\n"
        "一、概述\n2017年，我局认真贯彻落实条例。\n"
        "二、主动公开政府信息的情况\n全年主动公开政府信息120条。\n"
        "三、依申请公开政府信息情况\n全年共受理申请3件，均已按时答复。\n"
        "四、政府信息公开的收费及减免情况\n未收取任何费用。\n"
    )
    report = parse_document(read_bytes(text.encode("utf-8"), "2017.txt"))
    assert report.format == "legacy"
    assert report.year == 2017
    assert report.table2 is None and report.table3 is None and report.table4 is None
