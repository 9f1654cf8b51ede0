"""Printed label variants of the official form, and the normalisation every comparison goes through.

Real reports print the official labels with half-width punctuation, lost or straight quotes, letter
spacing, traditional characters, line breaks inside a cell, provincial annotations in parentheses, typos
and truncated headers (format.md §5, corpus README "Label variants"). ``normalize`` folds the differences
that carry no meaning; the alias tables below list the variants that are real words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from gongkai.model.form import (
    APPLICANT_HEADER,
    TABLE2_CONTENT_HEADER,
    TABLE2_ITEM_PREFIX,
    Section,
    Table2Column,
    Table2Row,
    Table3Row,
    Table4Column,
    Table4Group,
)

_WHITESPACE = re.compile(r"[\s\u00a0\u3000\u200b\ufeff|]+")
_QUOTES = re.compile("[\"'“”‘’「」『』〝〞]")
# "1、" / "1．" / "1," → "1."; only a digit followed by list punctuation at the start.
_ENUM = re.compile(r"^(\d{1,2})[、,，．]")
_CONVERTER = None


def _to_simplified(text: str) -> str:
    global _CONVERTER
    if _CONVERTER is None:
        import opencc

        _CONVERTER = opencc.OpenCC("t2s")
    return str(_CONVERTER.convert(text))


def _needs_conversion(text: str) -> bool:
    """Only text outside GB2312 can hold traditional characters; skipping the rest keeps parsing fast."""
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return False


def simplified(text: str) -> str:
    """The text in simplified characters (a traditional-character mirror of a report); unchanged when it is
    all GB2312, which is nearly always."""
    return _to_simplified(text) if _needs_conversion(text) else text


@lru_cache(maxsize=131072)
def normalize(text: str) -> str:
    """Fold a printed label to a comparison key: NFKC, no white space or pipes, no quotes, simplified."""
    s = unicodedata.normalize("NFKC", text)
    s = _WHITESPACE.sub("", s)
    s = _QUOTES.sub("", s)
    if _needs_conversion(s):
        # a Taiwan-style conversion also swaps words: 信息 becomes 資訊 (t2s gives 资讯, which no label has)
        s = _to_simplified(s).replace("资讯", "信息")
    s = _ENUM.sub(r"\1.", s)
    return s.replace("：", ":").replace("（", "(").replace("）", ")")


# ------------------------------------------------------------------------------------- alias tables
# Each entry is a printed variant seen in real reports (or a documented one) beside the official label.

TABLE3_ALIASES: dict[Table3Row, tuple[str, ...]] = {
    Table3Row.NEW_RECEIVED: ("一、本年新收政府公开信息申请数量", "一、本年新收政府信息公开申请数"),
    Table3Row.CARRIED_IN: ("二、上年结转政府公开信息申请数量",),
    Table3Row.PARTLY_GRANTED: ("（二）部分公开",),
    Table3Row.DENIED_THREE_SECURITIES: ("3.危害“三安全一稳定”",),
    Table3Row.OTHER_NO_CORRECTION: ("1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请",),
    Table3Row.OTHER_FEE_UNPAID: ("2.申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请",),
    Table3Row.OUTCOME_TOTAL: ("（七）合计",),
    Table3Row.CARRIED_OUT: ("四、结转下年度继续办理数量", "四、结转下年度继续办理的政府信息公开申请数量"),
}

TABLE2_ALIASES: dict[Table2Row, tuple[str, ...]] = {
    # 档案: a traditional-character mirror turns 文件 into 檔案 (format.md §5 c)
    Table2Row.NORMATIVE_DOCUMENTS: ("规范性文件", "行政规范性文件", "规范性档案", "行政规范性档案"),
    Table2Row.FEES: ("行政事业性收费项目",),
}

TABLE2_COLUMN_ALIASES: dict[Table2Column, tuple[str, ...]] = {
    Table2Column.IN_FORCE: ("先行有效件数", "现行有效数"),
    Table2Column.FEE_AMOUNT: ("本年收费金额", "本年收费金额单位:万元", "本年收费金额(万元)"),
    Table2Column.CHANGE: ("本年增/", "本年增减", "本年增(减)"),
    Table2Column.NEW_MADE: ("本年新制作数", "本年制作数量"),
}

#: a part of a drafted report that only a person can write: 【待填写：what to write】 (writers print it,
#: the checker reports any left in a report about to be published)
DRAFT_MARK_OPEN = "【待填写："
DRAFT_MARK_CLOSE = "】"
DRAFT_MARK = re.compile(re.escape(DRAFT_MARK_OPEN) + "[^" + re.escape(DRAFT_MARK_CLOSE) + "]*" + re.escape(DRAFT_MARK_CLOSE))

#: words that identify the printed 勾稽 note of 表三 however its punctuation came out ("钩稽" is a common typo)
BALANCE_NOTE_MARKERS = ("勾稽关系", "钩稽关系")

#: words that only the report tables print, used to tell a report table from a layout table on a web page
TABLE_ANCHORS = (TABLE2_ITEM_PREFIX, TABLE2_CONTENT_HEADER, APPLICANT_HEADER, "本年新收", *(g.label for g in Table4Group), Table4Column.UPHELD.label)

SECTION_ALIASES: dict[Section, tuple[str, ...]] = {
    Section.PROBLEMS: ("存在问题及改进情况", "政府信息公开工作存在的主要问题及改进情况", "存在主要问题和改进情况"),
}


def table3_variants(row: Table3Row) -> tuple[str, ...]:
    return (row.label, *TABLE3_ALIASES.get(row, ()))


def table2_variants(row: Table2Row) -> tuple[str, ...]:
    return (str(row.value), *TABLE2_ALIASES.get(row, ()))


def table2_column_variants(column: Table2Column) -> tuple[str, ...]:
    return (column.label, *TABLE2_COLUMN_ALIASES.get(column, ()))
