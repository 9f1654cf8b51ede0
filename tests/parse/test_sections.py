"""Section headings: numbering and wording variants are headings; table labels and sub-headings are not."""

from __future__ import annotations

import pytest

from gongkai.model.form import Section
from gongkai.parse.sections import find_headings, heading_section
from gongkai.read import read_bytes


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("一、总体情况", Section.OVERVIEW),
        ("第一部分 总体情况", Section.OVERVIEW),
        ("1、总体情况", Section.OVERVIEW),
        ("二、主动公开政府信息情况", Section.PROACTIVE),
        ("三、收到和处理政府信息公开申请情况", Section.REQUESTS),
        ("四、政府信息公开行政法复议、行政诉讼情况", Section.APPEALS),  # 社会事业局 2023 typo
        ("五、存在问题及改进情况", Section.PROBLEMS),
        ("五、政府信息公开工作存在的主要问题及改进情况", Section.PROBLEMS),
        ("六、需要说明的其他事项与附表", Section.OTHER),  # 农业农村局 2023
        ("六．其他需要报告的事项", Section.OTHER),
        ("一、基本情况", Section.OVERVIEW),
        ("一、概述", Section.OVERVIEW),
        ("二、主动公开政府信息", Section.PROACTIVE),
        ("第一章 总体情况", Section.OVERVIEW),
        ("第四章 政府信息公开行政复议、行政诉讼情况", Section.APPEALS),
    ],
)
def test_headings(line: str, section: Section) -> None:
    assert heading_section(line) is section


@pytest.mark.parametrize(
    "line",
    [
        "（一）主动公开政府信息情况",  # 湘潭 2024: a sub-heading inside 一 that echoes 二
        "二、上年结转政府信息公开申请数量",  # 表三 row labels
        "三、本年度办理结果",
        "四、结转下年度继续办理",
        "2.重复申请",
        "二、主动公开政府信息的渠道进一步拓宽",  # a numbered sentence inside 一, not the heading of 二
        "一、本年新收政府信息公开申请数量",
        "三、坚持以习近平新时代中国特色社会主义思想为指导，扎实推进政务公开各项工作，进一步规范依申请公开办理流程，提高答复质量",
    ],
)
def test_not_headings(line: str) -> None:
    assert heading_section(line) is None


def test_parts_numbered_like_subheadings() -> None:
    """A report that numbers its six parts "（一）…（六）" (and nothing else "一、"): the parts are found where
    numeral and words agree; "（一）主动公开情况。…" inside 一 stays prose."""
    text = "\n".join(
        [
            "某局2024年政府信息公开工作年度报告",
            "（一）总体情况",
            "（一）主动公开情况。依托门户网站及时发布信息。",
            "（二）主动公开政府信息情况",
            "（三）收到和处理政府信息公开申请情况",
            "（四）政府信息公开行政复议、行政诉讼情况",
            "（五）存在的主要问题及改进情况",
            "（六）其他需要报告的事项",
        ]
    )
    doc = read_bytes(text.encode("utf-8"), "x.txt")
    headings = find_headings(doc)
    assert [h.section for h in headings] == list(Section)
    assert headings[1].text == "（二）主动公开政府信息情况"


_TITLES = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况：",
    "其他需要报告的事项",
]


def test_parts_without_numbering_in_text() -> None:
    """The six titles with no numbering at all are the headings when the whole line is the title; a
    sentence that mentions one ("…主动公开政府信息情况良好") stays prose."""
    lines = ["某局2024年政府信息公开工作年度报告"]
    for title in _TITLES:
        lines += [title, "本年度主动公开政府信息情况良好，依申请公开办理规范。"]
    doc = read_bytes("\n".join(lines).encode("utf-8"), "x.txt")
    headings = find_headings(doc)
    assert [h.section for h in headings] == list(Section)
    assert [h.block for h in headings] == [1, 3, 5, 7, 9, 11]


def test_parts_without_numbering_in_html_headings() -> None:
    """A web page that sets the six titles as <h3> or in bold, without numbers."""
    body = "".join(f"<h3>{title}</h3><p>本部分正文。</p>" for title in _TITLES[:3]) + "".join(
        f"<p><strong>{title}</strong></p><p>本部分正文。</p>" for title in _TITLES[3:]
    )
    html = f"<html><head><meta charset='utf-8'><title>某局年报</title></head><body>{body}</body></html>"
    headings = find_headings(read_bytes(html.encode("utf-8"), "x.html"))
    assert [h.section for h in headings] == list(Section)


def test_numbered_headings_win_over_bare_titles() -> None:
    """Where the parts are numbered, a bare title line elsewhere (a table of contents) is not a heading."""
    lines = ["目录", "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况"]
    lines += [f"{numeral}、{title}" for numeral, title in zip("一二三四五六", _TITLES, strict=True)]
    headings = find_headings(read_bytes("\n".join(lines).encode("utf-8"), "x.txt"))
    assert [h.block for h in headings] == [4, 5, 6, 7, 8, 9]
