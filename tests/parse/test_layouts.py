"""Layouts of format.md §5 that the corpus does not contain, built inside the test from a real report's gold
values (淮安市 2024: large numbers, a decimal) and the official labels, then parsed back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from gongkai.errors import NotAReport, UndecodableText
from gongkai.model.form import FORM_2021, TABLE4_CELLS, Applicant, Section
from gongkai.parse import parse_document
from gongkai.read import read_bytes
from tests.conftest import load_gold

GOLD = load_gold("2024-淮安市人民政府")


def _rows(gold: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """(label, printed values) for every data row of 表二 and 表三, from the gold values."""
    out: list[tuple[str, list[str]]] = []
    for row in FORM_2021.table2_rows:
        label = row.label_in(FORM_2021.edition)
        out.append((label, [str(gold["table2"][label][c.label]) for c in FORM_2021.table2_columns(row)]))
    return out


def _t3(gold: dict[str, Any]) -> list[tuple[str, list[str]]]:
    return [(row.label, [str(v) for v in gold["table3"][row.key]]) for row in FORM_2021.table3]


def render(row_line: Callable[[str, list[str]], list[str]], gold: dict[str, Any] = GOLD) -> str:
    lines = ["淮安市人民政府2024年政府信息公开工作年度报告", Section.OVERVIEW.title, "2024年，全市共受理申请。"]
    lines.append(Section.PROACTIVE.title)
    for block in FORM_2021.table2:
        lines += row_line(block.title, [])
        lines += row_line("信息内容", [c.label for c in block.columns])
        for row in block.rows:
            label = row.label_in(FORM_2021.edition)
            lines += row_line(label, [str(gold["table2"][label][c.label]) for c in block.columns])
    lines.append(Section.REQUESTS.title)
    lines += row_line("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", ["申请人情况"])
    lines += row_line("", [a.label for a in Applicant])
    for label, values in _t3(gold):
        lines += row_line(label, values)
    lines.append(Section.APPEALS.title)
    lines += row_line("行政复议", ["行政诉讼"])
    lines += row_line("", [c.label for _, c in TABLE4_CELLS])
    lines += row_line("", [str(v) for v in gold["table4"]])
    lines += [Section.PROBLEMS.title, "无。", Section.OTHER.title, "本年度未收取信息处理费。"]
    return "\n".join(lines) + "\n"


def parse_text(text: str, encoding: str = "utf-8") -> dict[str, Any]:
    return parse_document(read_bytes(text.encode(encoding), "test.txt")).to_json()


def assert_gold(data: dict[str, Any]) -> None:
    assert data["table2"] == GOLD["table2"]
    assert data["table3"] == GOLD["table3"]
    assert data["table4"] == GOLD["table4"]
    assert data["uncertain_cells"] == []
    assert data["sections_present"] == ["一", "二", "三", "四", "五", "六"]


LAYOUTS: dict[str, Callable[[str, list[str]], list[str]]] = {
    "pipe rows with padding": lambda label, values: [" | ".join([label, *values]) + " | |"],
    "markdown": lambda label, values: ["| " + " | ".join([label, *values]) + " |"],
    "tab rows": lambda label, values: ["\t".join(["", label, *values, "", ""])],
    "one cell per line, pipe-terminated": lambda label, values: [f"{c} |" for c in [label, *values] if c],
    "one cell per line, blank lines": lambda label, values: [x for c in [label, *values] if c for x in (c, "")],
    "one cell per line, tab prefix": lambda label, values: [f"\t{c}" for c in [label, *values] if c] + [""],
    "one cell per line, pipe separator lines": lambda label, values: [x for c in [label, *values] if c for x in (c, "|")],
    "label and values on one line": lambda label, values: [" ".join([label, *values])],
    "label and values on one line, no-break spaces": lambda label, values: ["\u00a0".join([label, *values])],
}


def _filled_merged_cells(label: str, values: list[str]) -> list[str]:
    """Tab rows of a table whose merged cells were filled in (Excel's "unmerge and fill", pandas' read_html):
    表二's one-column blocks repeat their header and figure over the three value positions, 表三's row
    labels repeat over the three label columns."""
    if len(values) == 1:
        values = values * 3
    labels = [label] * 3 if len(values) == len(Applicant) and label else [label]
    return ["\t".join([*labels, *values])]


@pytest.mark.parametrize("layout", LAYOUTS, ids=list(LAYOUTS))
def test_layout(layout: str) -> None:
    assert_gold(parse_text(render(LAYOUTS[layout])))


def test_half_width_punctuation_traditional_characters_and_annotations() -> None:
    def row(label: str, values: list[str]) -> list[str]:
        label = label.replace("（", "(").replace("）", ")").replace("：", ":").replace("，", ",").replace("“", "").replace("”", "")
        if label == "规章":
            label = "規章(設區的市、自治州人民政府應提供相關數據)"
        if label == "行政规范性文件":
            label = "行政規範性文件"
        return [" | ".join([label, *values]) + " ||"]

    assert_gold(parse_text(render(row)))


def test_taiwan_style_traditional_mirror() -> None:
    """A mirror converted with Taiwan phrasing (信息 → 資訊, 文件 → 檔案) still names every row."""
    from opencc import OpenCC

    text = OpenCC("s2twp").convert(render(LAYOUTS["pipe rows with padding"]))
    assert "內部事務資訊" in text
    assert_gold(parse_text(text))


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-16"])
def test_encodings(encoding: str) -> None:
    data = parse_text(render(LAYOUTS["tab rows"]), encoding)
    assert_gold(data)


def test_traditional_mirror_saved_as_big5() -> None:
    """A 繁體 mirror saved as Big5 (which also decodes, into nonsense, as GB18030) is read as Big5, and
    a GBK file (which also decodes as Big5) stays GB18030."""
    from opencc import OpenCC

    text = render(LAYOUTS["tab rows"])
    traditional = OpenCC("s2tw").convert(text)
    doc = read_bytes(traditional.encode("big5hkscs"), "mirror.txt")
    assert doc.encoding is not None and doc.encoding.startswith("big5")
    assert_gold(parse_document(doc).to_json())
    gbk = read_bytes(text.encode("gbk"), "gbk.txt")
    assert gbk.encoding == "gb18030（检测）"


def test_lost_blank_makes_its_row_uncertain_not_shifted() -> None:
    """One cell per line with blank lines between: a blank cell leaves no trace, so its row cannot be known."""
    text = render(LAYOUTS["one cell per line, blank lines"])
    # the 科研机构 cell of row 二 printed blank: in this layout it simply disappears
    text = text.replace("二、上年结转政府信息公开申请数量\n\n34\n\n0\n\n0\n", "二、上年结转政府信息公开申请数量\n\n34\n\n0\n\n\n")
    data = parse_text(text)
    key = "二、上年结转政府信息公开申请数量"
    assert data["table3"][key] == [None] * 7
    uncertain = [u for u in data["uncertain_cells"] if u["cell"][1] == key]
    assert len(uncertain) == 7 and "无法确定" in uncertain[0]["reason"]
    # every other row is still right
    for row, values in GOLD["table3"].items():
        if row != key:
            assert data["table3"][row] == values


def test_squashed_digits_are_split_only_when_unique() -> None:
    """A crawler's copy with no separators at all: labels and figures run together ("规章1006行政规范性文件…").
    A digit run is cut into cells only where one cut alone gives the row's cells without leading zeros."""

    def row(label: str, values: list[str]) -> list[str]:
        if label == "规章":
            return [label + "1006"]  # 10 | 0 | 6 is the only split without leading zeros
        if label == "行政规范性文件":
            return [label + "82666"]  # 8 | 26 | 66, 82 | 6 | 66, 8 | 2 | 666 …: several
        return [label + "".join(values)]

    one_line = "".join(render(row).split("\n"))
    data = parse_text(one_line)
    assert data["table2"]["规章"] == {"本年制发件数": 10, "本年废止件数": 0, "现行有效件数": 6}
    assert data["table2"]["行政规范性文件"] == {"本年制发件数": None, "本年废止件数": None, "现行有效件数": None}
    reasons = {u["cell"][2]: u["reason"] for u in data["uncertain_cells"] if u["cell"][1] == "行政规范性文件"}
    assert len(reasons) == 3 and "种拆分" in reasons["本年制发件数"]


def test_separate_figures_are_never_cut_into_digits() -> None:
    """One cell per line loses blank cells: "1", "11" under three columns may be 1 | blank | 11 or 1 | 11 |
    blank. The figures were printed apart, so cutting "11" into 1 | 1 would be a guess: the row is uncertain."""

    def row(label: str, values: list[str]) -> list[str]:
        if label == "规章":
            return [label, "1", "", "11", ""]  # 本年废止件数 printed blank: the blank line leaves no trace
        if label == "行政规范性文件":
            return [label, "1006", "", ""]  # 1006 | blank | blank, not 10 | 0 | 6
        return [c for pair in zip([label, *values], [""] * (len(values) + 1), strict=True) for c in pair]

    data = parse_text(render(row))
    for label in ("规章", "行政规范性文件"):
        assert data["table2"][label] == {"本年制发件数": None, "本年废止件数": None, "现行有效件数": None}
        reasons = [u["reason"] for u in data["uncertain_cells"] if u["cell"][1] == label]
        assert len(reasons) == 3 and "无法确定" in reasons[0]
    assert data["table2"]["行政许可"] == GOLD["table2"]["行政许可"]


@pytest.mark.parametrize("layout", ["tab rows", "one cell per line, blank lines"])
def test_row_under_an_unknown_label_is_uncertain_not_blank(layout: str) -> None:
    """A 表二 row printed under a label nobody has seen ("政府规章"): its figures are there but cannot be
    tied to the form's row, so the row's cells are uncertain, never "printed blank"."""
    data = parse_text(render(lambda label, values: LAYOUTS[layout]("政府规章" if label == "规章" else label, values)))
    assert data["table2"]["规章"] == {"本年制发件数": None, "本年废止件数": None, "现行有效件数": None}
    reasons = [u["reason"] for u in data["uncertain_cells"] if u["cell"][1] == "规章"]
    assert len(reasons) == 3 and "无法识别" in reasons[0]
    assert ["table2", "规章", "本年制发件数"] not in data["cells_blank_in_source"]
    assert data["table2"]["行政规范性文件"] == GOLD["table2"]["行政规范性文件"]


@pytest.mark.parametrize("layout", ["tab rows", "one cell per line, blank lines", "pipe rows with padding"])
def test_wu_in_a_value_cell_is_a_value_not_a_label(layout: str) -> None:
    """"无" printed instead of a figure is kept as printed and the row keeps its other cells."""

    def row(label: str, values: list[str]) -> list[str]:
        return LAYOUTS[layout](label, ["无", *values[1:]] if label == "行政许可" else values)

    data = parse_text(render(row))
    expected = dict(GOLD["table2"]["行政许可"], 本年处理决定数量="无")
    assert data["table2"]["行政许可"] == expected
    assert not [u for u in data["uncertain_cells"] if u["cell"][1] == "行政许可"]
    assert data["table3"] == GOLD["table3"]


def test_row_printed_blank_in_pipe_rows_is_blank_not_uncertain() -> None:
    """§5 c (WH20: "行政事業性收費 | |||||"): in a text whose rows are pipe-separated cells, a row with only
    pipes after its label printed its cells blank; they are blank in the source, not unknown."""

    def row(label: str, values: list[str]) -> list[str]:
        if label == "规章":
            return [label + " |  |  |  |"]
        return LAYOUTS["pipe rows with padding"](label, values)

    data = parse_text(render(row))
    assert data["table2"]["规章"] == {"本年制发件数": None, "本年废止件数": None, "现行有效件数": None}
    assert ["table2", "规章", "本年制发件数"] in data["cells_blank_in_source"]
    assert not [u for u in data["uncertain_cells"] if u["cell"][1] == "规章"]
    assert data["table2"]["行政规范性文件"] == GOLD["table2"]["行政规范性文件"]


@pytest.mark.parametrize("figures", ["one line", "one per line"])
def test_figures_printed_above_their_labels_are_never_given_to_the_next_label(figures: str) -> None:
    """A copy from a PDF viewer may print a row's figures above its label (the label sits below the figures'
    baseline). Read label-then-values, every label would take the next row's figures: they are uncertain."""

    def row(label: str, values: list[str]) -> list[str]:
        if not values or not all(v.replace(".", "").isdigit() for v in values):
            return [label, *values]  # headers and band titles as printed
        return [" ".join(values), label] if figures == "one line" else [*values, label]

    data = parse_text(render(row))
    uncertain = {tuple(u["cell"]) for u in data["uncertain_cells"]}
    wrong = [
        (label, column, value)
        for label, cells in data["table2"].items()
        for column, value in cells.items()
        if value != GOLD["table2"][label][column] and ("table2", label, column) not in uncertain
    ]
    assert wrong == []
    assert uncertain  # and the reader says why
    reasons = {u["reason"] for u in data["uncertain_cells"]}
    assert any("标签之前" in r for r in reasons)


def test_malformed_utf8_is_an_error_naming_the_line() -> None:
    data = render(LAYOUTS["tab rows"]).encode("utf-8")
    broken = data[:200] + b"\xe4\xb8" + data[200:]
    with pytest.raises(UndecodableText) as err:
        read_bytes(broken, "坏编码.txt")
    assert "《坏编码.txt》" in str(err.value) and "第 " in str(err.value) and "UTF-8" in str(err.value)


@pytest.mark.parametrize("layout", ["tab rows", "pipe rows with padding", "one cell per line, tab prefix"])
def test_damaged_table2_labels(layout: str) -> None:
    """HTQ25 (format.md §5 f): block titles cut to "第二十条第", the 规章 label blank, the fee header without
    parentheses. The values of the unlabelled row are placed by the block, where only one row is missing."""

    def row(label: str, values: list[str]) -> list[str]:
        if label.startswith("第二十条"):
            label = "第二十条第"
        elif label == "规章":
            label = ""
        values = [v.replace("（单位：万元）", "单位:万元") for v in values]
        if layout == "tab rows":
            return ["\t".join([label, *values])]
        if layout == "pipe rows with padding":
            return [" | ".join([label, *values]) + " | |"]
        return [f"\t{c}" for c in [label, *values] if c] + [""]

    data = parse_text(render(row))
    assert data["table2"] == GOLD["table2"]
    assert data["table3"] == GOLD["table3"]
    assert any(v["official"] == "规章" and v["printed"] == "" for v in data["label_variants"])


@pytest.mark.parametrize(
    "groups",
    [("行政复议", "未经复议直接起诉", "复议后起诉"), ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）")],
    ids=["form labels", "labels naming 行政诉讼"],
)
def test_table4_printed_one_row_per_group(groups: tuple[str, str, str]) -> None:
    def row(label: str, values: list[str]) -> list[str]:
        if label == "" and values and values[0] == str(GOLD["table4"][0]):
            return [" | ".join([group, *values[k * 5 : k * 5 + 5]]) for k, group in enumerate(groups)]
        if label == "" and values and values[0] == "结果维持":
            return [" | ".join(["", *values[:5]])]
        return [" | ".join([label, *values])]

    data = parse_text(render(row))
    assert data["table4"] == GOLD["table4"]
    assert data["uncertain_cells"] == []


def test_label_spanning_two_columns_rebuilt_as_two_cells() -> None:
    """A table rebuilt from a PDF's ruling lines can split （七）总计's merged label cell into the label and
    an empty cell (洪泽区 2024): with one cell too many, that empty cell belongs to the label."""

    def row(label: str, values: list[str]) -> list[str]:
        if label in ("（七）总计", "（一）予以公开"):
            return ["\t".join([label, "", *values])]
        return ["\t".join([label, *values])]

    data = parse_text(render(row))
    assert data["table3"] == GOLD["table3"]
    assert data["uncertain_cells"] == []


def test_columns_aligned_with_spaces_like_pdftotext_layout() -> None:
    """Text copied from a PDF with its layout: columns separated by runs of spaces, the group label on the
    line of its first sub-row, long labels wrapped onto the next line after the figures."""
    groups = {row.label: row.group.label for row in FORM_2021.table3 if row.group is not None}
    first_of_group: set[str] = set()
    seen_groups: set[str] = set()
    for row in FORM_2021.table3:
        if row.group is not None and row.group.label not in seen_groups:
            seen_groups.add(row.group.label)
            first_of_group.add(row.label)

    def row(label: str, values: list[str]) -> list[str]:
        if label in first_of_group:
            label = f"{groups[label]}      {label}"
        if label.startswith("（二）部分公开"):
            return ["（二）部分公开（区分处理的，只计这     " + "      ".join(values), "一情形，不计其他情形）"]
        return ["      ".join([label, *values]) if label else "      ".join(values)]

    assert_gold(parse_text(render(row)))


def test_figures_glued_in_several_runs() -> None:
    """A separator-less copy where some figures kept a space between them (the real 平潭公安局 page in
    tests/data does this): "50 0 0 0 05" for seven cells splits one way only (seven digits, seven cells);
    "10 11" for three cells two ways (uncertain)."""

    def row(label: str, values: list[str]) -> list[str]:
        if label == "3.危及“三安全一稳定”":
            return [label + "50 0 0 0 05"]
        if label == "规章":
            return [label + "10 11"]  # 1|0|11 or 10|1|1: two ways
        return [label + "".join(values)]

    data = parse_text("".join(render(row).split("\n")))
    key = "三、(三)3.危及“三安全一稳定”"
    assert GOLD["table3"][key] == [5, 0, 0, 0, 0, 0, 5]
    assert data["table3"][key] == GOLD["table3"][key]
    assert data["table2"]["规章"] == {"本年制发件数": None, "本年废止件数": None, "现行有效件数": None}
    reasons = [u["reason"] for u in data["uncertain_cells"] if u["cell"][1] == "规章"]
    assert len(reasons) == 3 and "2 种" in reasons[0]


@pytest.mark.parametrize("moved_before", [None, Section.APPEALS], ids=["五 after 六", "五 before 四"])
def test_parts_printed_out_of_the_forms_order(moved_before: Section | None) -> None:
    """A report that prints 五 after 六, or before 四: every part is found, in printed order, and 表四
    under 四 is still read (a 五 printed early does not end the tables)."""
    text = render(LAYOUTS["tab rows"])
    problems = f"{Section.PROBLEMS.title}\n无。\n"
    assert problems in text
    text = text.replace(problems, "")
    if moved_before is None:
        text += problems
    else:
        text = text.replace(moved_before.title + "\n", problems + moved_before.title + "\n")
    report = parse_document(read_bytes(text.encode("utf-8"), "test.txt"))
    assert_gold(report.to_json())
    printed = [Section.OVERVIEW, Section.PROACTIVE, Section.REQUESTS, Section.APPEALS, Section.OTHER]
    printed.insert(printed.index(moved_before) if moved_before else len(printed), Section.PROBLEMS)
    assert report.section_order == printed


def _blank_gold() -> dict[str, Any]:
    """GOLD with every figure printed blank: the format's own empty tables."""
    blank: dict[str, Any] = {
        "table2": {row: dict.fromkeys(cells, "") for row, cells in GOLD["table2"].items()},
        "table3": {row: [""] * len(values) for row, values in GOLD["table3"].items()},
        "table4": [""] * len(GOLD["table4"]),
    }
    return blank


_NOTICE_HEAD = (
    "国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知\n"
    "国办公开办函〔2021〕30号\n"
    "各省、自治区、直辖市人民政府办公厅：\n"
    "现将修订后的《中华人民共和国政府信息公开工作年度报告格式》印发给你们，请认真贯彻执行。\n"
    "中华人民共和国政府信息公开工作年度报告格式\n"
)


def test_format_notice_with_its_blank_tables_is_not_a_report() -> None:
    """The notice that sets the format, mirrored with its blank tables, is refused as not a report."""
    text = _NOTICE_HEAD + render(LAYOUTS["tab rows"], _blank_gold())
    with pytest.raises(NotAReport, match="通知"):
        parse_document(read_bytes(text.encode("utf-8"), "notice.txt"))


def test_report_with_blank_tables_that_cites_the_notice_is_a_report() -> None:
    """A report whose tables are blank is still a report (the checker reports the blanks): citing the
    notice in a sentence does not make it one; nor do figures under the notice's own lines."""
    citing = "根据《关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2021〕30号）要求，编制本报告。\n"
    blank = parse_document(read_bytes((citing + render(LAYOUTS["tab rows"], _blank_gold())).encode("utf-8"), "r.txt"))
    assert blank.table3 is not None and blank.table3.number(FORM_2021.table3[0], Applicant.TOTAL) is None
    filled = parse_document(read_bytes((_NOTICE_HEAD + render(LAYOUTS["tab rows"])).encode("utf-8"), "r.txt"))
    assert_gold(filled.to_json())


def test_merged_cells_filled_in() -> None:
    """Every figure is read once, from the positions its merged cell covers (the header row above says
    which); different figures under one merged header stay uncertain."""
    text = render(_filled_merged_cells)
    assert "行政许可\t" in text and "\t".join(["本年处理决定数量"] * 3) in text
    assert_gold(parse_text(text))
    label = "行政许可"
    figure = str(GOLD["table2"][label]["本年处理决定数量"])
    row = "\t".join([label, *[figure] * 3])
    assert row in text
    damaged = parse_text(text.replace(row, "\t".join([label, figure, figure, "9999"])))
    assert damaged["table2"][label]["本年处理决定数量"] is None
    assert any(label in c["cell"] for c in damaged["uncertain_cells"])


@pytest.mark.parametrize(
    ("head", "date"),
    [
        ("发布时间：2025-01-20 10:00\n时间安排见下文。\n", "2025-01-20"),
        ("本页时间较长。成文日期：2025年1月18日 发布日期：2025-01-20\n", "2025-01-18"),
        ("日期: 2025/1/9\n", "2025-01-09"),
        ("全年用时间换空间。\n", None),
    ],
)
def test_publication_date_after_its_label(head: str, date: str | None) -> None:
    """The first date printed after a 日期/时间 label and a colon (时间 in prose with no date is passed over)."""
    report = parse_document(read_bytes((head + render(LAYOUTS["tab rows"])).encode("utf-8"), "t.txt"))
    assert report.publication_date == date


@pytest.mark.parametrize("layout", ["tab rows", "label and values on one line"])
def test_row_labels_followed_by_a_colon(layout: str) -> None:
    """"规章：" and "一、本年新收政府信息公开申请数量：" name their rows (text copies print labels so)."""

    def row(label: str, values: list[str]) -> list[str]:
        figures = bool(label) and bool(values) and values[0][:1].isdigit()
        return LAYOUTS[layout](label + "：" if figures else label, values)

    assert_gold(parse_text(render(row)))
