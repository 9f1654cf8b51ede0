"""Whole documents in forms the corpus lacks: a GBK web page declared in <meta>, a pre-2019 report."""

from __future__ import annotations

import re

import pytest

from gongkai.errors import NoTablesFound, NotAReport
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


def test_traditional_character_mirror_of_a_web_page() -> None:
    """A mirror site serving the page in traditional characters (format.md §5 c): the report's container,
    its headings and tables are found as in the original."""
    import opencc

    page = (CORPUS / "reports" / "2023-平潭综合实验区行政审批局.html").read_text(encoding="utf-8")
    mirror = str(opencc.OpenCC("s2t").convert(page))
    assert "總體情況" in mirror and "政府信息公開" in mirror
    data = parse_document(read_bytes(mirror.encode("utf-8"), "繁體.html")).to_json()
    gold = load_gold("2023-平潭综合实验区行政审批局")
    for key in ("table2", "table3", "table4", "sections_present", "format"):
        assert data[key] == gold[key], key


def test_word_web_page_list_numbers() -> None:
    """Word's "save as web page" prints list numbers inside <![if !supportLists]>…<![endif]>: the numbers
    belong to the labels ("1.属于国家秘密"), the markers are not text."""
    page = (CORPUS / "reports" / "2023-平潭综合实验区行政审批局.html").read_text(encoding="utf-8")
    numbered = re.sub(
        r"<p>(\d)\.(?=[\u4e00-\u9fa5])",
        r"<p><![if !supportLists]><span style='mso-list:Ignore'>\1.<span>&nbsp; </span></span><![endif]>",
        page,
    )
    assert numbered.count("supportLists") >= 15  # the numbered sub-rows of 表三
    data = parse_document(read_bytes(numbered.encode("utf-8"), "word.html")).to_json()
    gold = load_gold("2023-平潭综合实验区行政审批局")
    assert data["table3"] == gold["table3"] and data["format"] == gold["format"]
    assert not data["uncertain_cells"]


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


def _squash(path: str) -> str:
    """A crawler's copy: the whole report on one line, every cell glued to the next (the archive's page.txt)."""
    from gongkai.read import Line, read_document

    doc = read_document(CORPUS / "reports" / path)
    parts: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Line):
            parts.append(block.text)
        else:
            for r in range(len(block.rows)):
                parts.extend(c.text.replace("\n", "") for c in block.origin_cells(r))
    return "标题: " + (doc.title or "") + "\n==================== 正文 ====================\n" + "".join(parts)


def test_squashed_text_with_no_separators() -> None:
    text = _squash("2023-平潭综合实验区行政审批局.html")
    assert "规章000行政规范性文件5416" in text and "1.属于国家秘密00000002." in text
    data = parse_document(read_bytes(text.encode("utf-8"), "page.txt")).to_json()
    gold = load_gold("2023-平潭综合实验区行政审批局")
    assert data["agency"] == "平潭综合实验区行政审批局" and data["year"] == 2023
    assert data["sections_present"] == gold["sections_present"]
    assert data["table3"] == gold["table3"]  # "7000007" for seven cells has one split only
    assert data["table4"] == gold["table4"]
    # "5416" for three cells: 5|4|16, 5|41|6 or 54|1|6 — the cells are uncertain, never guessed
    assert data["table2"]["行政规范性文件"] == {"本年制发件数": None, "本年废止件数": None, "现行有效件数": None}
    uncertain = {tuple(u["cell"]) for u in data["uncertain_cells"]}
    assert uncertain == {("table2", "行政规范性文件", c) for c in ("本年制发件数", "本年废止件数", "现行有效件数")}
    for row in ("规章", "行政许可", "行政处罚", "行政强制", "行政事业性收费"):
        assert data["table2"][row] == gold["table2"][row]


def test_real_crawler_copy_with_glued_cells() -> None:
    """A real one-line copy (tests/data/README.md): figures glued to labels and to each other, some with
    spaces. Every run of digits here has one split only, and the values agree with the report's prose."""
    from pathlib import Path

    from gongkai.parse import parse_file

    path = Path(__file__).resolve().parents[1] / "data" / "2024-平潭综合实验区公安局-page.txt"
    data = parse_file(path).to_json()
    assert data["agency"] == "平潭综合实验区公安局" and data["year"] == 2024 and data["format"] == "2021"
    assert data["sections_present"] == ["一", "二", "三", "四", "五", "六"]
    assert data["table2"]["规章"] == {"本年制发件数": 0, "本年废止件数": 0, "现行有效件数": 0}  # "规章000"
    assert data["table2"]["行政规范性文件"] == {"本年制发件数": 0, "本年废止件数": 0, "现行有效件数": 5}  # "005"
    assert data["table2"]["行政许可"] == {"本年处理决定数量": 52}
    t3 = data["table3"]
    assert t3["一、本年新收政府信息公开申请数量"] == [8, 0, 0, 0, 0, 0, 8]  # "8 0 0 0 0 0 8"
    assert t3["三、(二)部分公开"] == [1, 0, 0, 0, 0, 0, 1]  # "10 0 0 0 01": one split only
    assert t3["三、(四)1.本机关不掌握相关政府信息"] == [4, 0, 0, 0, 0, 0, 4]  # "40000042.没有…"
    assert t3["三、(六)1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"] == [0] * 7  # "0 0 00000"
    assert t3["三、(七)总计"] == [8, 0, 0, 0, 0, 0, 8]
    assert data["table4"] == [0] * 15
    assert data["uncertain_cells"] == []


def test_infographic_about_a_report_is_not_a_report() -> None:
    """"一图读懂" pages repeat a report's figures in prose, with 行政复议 / 行政诉讼 as captions: the captions are
    not a 表四, and the page is refused rather than read as a report with an empty table."""
    text = (
        "图解：淮安市人民政府2024年政府信息公开工作年度报告\n\n一图读懂2024年政府信息公开工作\n"
        "主动公开\n制发行政规范性文件8件，现行有效66件\n依申请公开\n全年新收政府信息公开申请3001件\n"
        "行政复议\n行政复议72件，结果维持64件\n行政诉讼\n未经复议直接起诉26件\n"
    )
    with pytest.raises((NotAReport, NoTablesFound)):
        parse_document(read_bytes(text.encode("utf-8"), "图解.txt"))


@pytest.mark.parametrize("caption", ["", "<p>（二）行政诉讼情况</p>"], ids=["adjacent", "captioned"])
def test_table4_printed_as_two_tables(caption: str) -> None:
    """表四 split into 行政复议 (5 cells) and 行政诉讼 (10 cells), each table with its own header rows, the
    second perhaps under a caption of its own."""
    heads = "".join(f"<td>{h}</td>" for h in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"))
    page = (
        "<html><body><h1>某局2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>略。</p>"
        "<p>四、政府信息公开行政复议、行政诉讼情况</p>"
        f"<table><tr><td colspan=5>行政复议</td></tr><tr>{heads}</tr>"
        f"<tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td></tr></table>{caption}"
        "<table><tr><td colspan=10>行政诉讼</td></tr>"
        "<tr><td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr>"
        f"<tr>{heads}{heads}</tr>"
        + "<tr>" + "".join(f"<td>{v}</td>" for v in (0, 0, 0, 0, 0, 0, 0, 1, 0, 1)) + "</tr></table>"
        "<p>五、存在的主要问题及改进情况</p><p>无。</p><p>六、其他需要报告的事项</p><p>无。</p></body></html>"
    )
    data = parse_document(read_bytes(page.encode("utf-8"), "t4.html")).to_json()
    assert data["table4"] == [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1]
    assert not data["uncertain_cells"]


_T4_HEADS = " | ".join(("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"))
_T4_PIPES = [
    "四、政府信息公开行政复议、行政诉讼情况",
    "行政复议 |  |  |  |  |",
    f"{_T4_HEADS} |",
    "1 | 0 | 0 | 0 | 1 |",
    "行政诉讼 |  |  |  |  |  |  |  |  |  |",
    "未经复议直接起诉 |  |  |  |  | 复议后起诉 |  |  |  |  |",
    f"{_T4_HEADS} | {_T4_HEADS} |",
    "0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 1 |",
    "五、存在的主要问题及改进情况",
    "无。",
]


def test_table4_as_two_tables_in_pipe_rows() -> None:
    """The same split 表四 copied as pipe rows, each row ending in a padding pipe."""
    text = "\n".join(["某局2024年政府信息公开工作年度报告", "一、总体情况", "略。", *_T4_PIPES])
    data = parse_document(read_bytes(text.encode("utf-8"), "t4.txt")).to_json()
    assert data["table4"] == [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1]
    assert not data["uncertain_cells"]


def test_table4_as_two_tables_one_cell_per_line_is_uncertain() -> None:
    """One cell per line loses the rows: which part the figures belong to is not printed, so the 15
    cells are uncertain rather than guessed."""
    cells = [c.strip() for line in _T4_PIPES[1:8] for c in line.split("|") if c.strip()]
    text = "\n\n".join(["某局2024年政府信息公开工作年度报告", "一、总体情况", "略。", _T4_PIPES[0], *cells, *_T4_PIPES[8:]])
    data = parse_document(read_bytes(text.encode("utf-8"), "t4.txt")).to_json()
    assert data["table4"] == [None] * 15
    assert len([c for c in data["uncertain_cells"] if c["cell"][0] == "table4"]) == 15


def test_page_with_a_copy_whose_tables_are_images_first() -> None:
    """A page that holds a mobile copy of the report first (headings and prose, tables as images), then a
    site menu that names 行政许可 and 行政处罚, then the full report: the tables are read from the copy that
    prints them, and no menu item is taken for a row of 表二."""
    page = (CORPUS / "reports" / "2023-平潭综合实验区行政审批局.html").read_text(encoding="utf-8")
    titles = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"]
    titles += ["四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    mobile = "".join(f"<p>{t}</p><p><img src='/m/{k}.png'></p>" for k, t in enumerate(titles))
    menu = "<ul><li>首页</li><li>行政许可</li><li>行政处罚</li></ul>"
    page, count = re.subn(r"(<body[^>]*>)", lambda m: m.group(1) + f"<div class='wap'>{mobile}</div>{menu}", page, count=1)
    assert count == 1
    data = parse_document(read_bytes(page.encode("utf-8"), "two_copies.html")).to_json()
    gold = load_gold("2023-平潭综合实验区行政审批局")
    assert data["table2"] == gold["table2"]
    assert data["table3"] == gold["table3"] and data["table4"] == gold["table4"]
    assert data["uncertain_cells"] == []
