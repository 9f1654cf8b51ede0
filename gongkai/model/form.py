"""The two official forms of the 政府信息公开工作年度报告, written once as data.

Everything that knows a row, a column or a heading of the form asks this module: readers match printed
labels against it, the checker iterates its arithmetic over it, writers lay tables out from it and the
register fills 表三 by its rows. Sources: ``../shared/spec/format.md`` §1–§2 (国办公开办函〔2021〕30号 and
〔2019〕60号); the labels are the official wording, full-width punctuation included.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, StrEnum
from functools import cached_property


class Edition(StrEnum):
    """Which national form a table (or report) follows; values are the gold files' ``format`` strings."""

    # hashed as the string it equals (Enum's own hash is Python code and disagrees with "2021" == F2021)
    __hash__ = str.__hash__

    F2021 = "2021"
    F2019 = "2019"

    @property
    def notice(self) -> str:
        return NOTICES[self]


NOTICES: dict[Edition, str] = {
    Edition.F2021: "国办公开办函〔2021〕30号",
    Edition.F2019: "国办公开办函〔2019〕60号",
}

#: The ``format`` value of a report published before the 2019 form existed (no fixed tables).
LEGACY = "legacy"

#: The document's official name; a title is "<机关><年份>年" followed by it.
REPORT_NAME = "政府信息公开工作年度报告"

#: First report year for which the 2021 form is required (format.md §1.1: reports on 2021, published 2022).
FIRST_YEAR_OF_2021_FORM = 2021
#: Report years up to this one predate the national tables (format.md §2.6).
LAST_LEGACY_YEAR = 2018


# ---------------------------------------------------------------------------------------------- sections


class Section(Enum):
    """The six parts of the report, in order (条例第五十条, format.md §1.3)."""

    __hash__ = object.__hash__  # members are singletons; the default Enum hash is slow Python

    OVERVIEW = ("一", "总体情况", ("总体情况", "基本情况", "概述"))
    PROACTIVE = ("二", "主动公开政府信息情况", ("主动公开",))
    REQUESTS = ("三", "收到和处理政府信息公开申请情况", ("申请",))
    APPEALS = ("四", "政府信息公开行政复议、行政诉讼情况", ("复议", "诉讼"))
    PROBLEMS = ("五", "存在的主要问题及改进情况", ("问题", "改进"))
    OTHER = ("六", "其他需要报告的事项", ("其他需要报告", "其他事项", "其他需报告"))

    def __init__(self, numeral: str, heading: str, keywords: tuple[str, ...]) -> None:
        self.numeral = numeral
        self.heading = heading
        #: any one of these words in a numbered line makes it this section's heading
        self.keywords = keywords

    @property
    def title(self) -> str:
        return f"{self.numeral}、{self.heading}"


#: the six parts' numerals in order ("一二三四五六"), for patterns that recognise a part by its number
SECTION_NUMERALS = "".join(section.numeral for section in Section)


# ---------------------------------------------------------------------------------------------- 表二


class ValueKind(StrEnum):
    """What a numeric cell of the form may hold."""

    COUNT = "count"  # non-negative integer
    SIGNED_COUNT = "signed"  # 2019 本年增/减: may be negative ("减用负值表示")
    AMOUNT_WAN = "wan"  # money in 万元, decimals allowed (2021 本年收费金额)
    AMOUNT = "amount"  # money with a printed unit, 元 or 万元 (2019 采购总金额)


class Table2Column(Enum):
    """Column headers of 表二 across both editions."""

    __hash__ = object.__hash__  # members are singletons; the default Enum hash is slow Python

    ISSUED = ("本年制发件数", ValueKind.COUNT)
    REPEALED = ("本年废止件数", ValueKind.COUNT)
    IN_FORCE = ("现行有效件数", ValueKind.COUNT)
    DECISIONS = ("本年处理决定数量", ValueKind.COUNT)
    FEE_AMOUNT = ("本年收费金额（单位：万元）", ValueKind.AMOUNT_WAN)
    # 2019 form
    NEW_MADE = ("本年新制作数量", ValueKind.COUNT)
    NEW_PUBLISHED = ("本年新公开数量", ValueKind.COUNT)
    TOTAL_PUBLISHED = ("对外公开总数量", ValueKind.COUNT)
    PREVIOUS_ITEMS = ("上一年项目数量", ValueKind.COUNT)
    CHANGE = ("本年增/减", ValueKind.SIGNED_COUNT)
    DECISIONS_2019 = ("处理决定数量", ValueKind.COUNT)
    PROCUREMENT_ITEMS = ("采购项目数量", ValueKind.COUNT)
    PROCUREMENT_AMOUNT = ("采购总金额", ValueKind.AMOUNT)

    def __init__(self, label: str, kind: ValueKind) -> None:
        self.label = label
        self.kind = kind


class Table2Row(Enum):
    """Data rows of 表二 across both editions; the printed label may differ by edition (``label_in``)."""

    __hash__ = object.__hash__  # members are singletons; the default Enum hash is slow Python

    REGULATIONS = "规章"
    NORMATIVE_DOCUMENTS = "行政规范性文件"
    LICENSING = "行政许可"
    OTHER_SERVICES = "其他对外管理服务事项"
    PENALTIES = "行政处罚"
    COERCION = "行政强制"
    FEES = "行政事业性收费"
    PROCUREMENT = "政府集中采购"

    def label_in(self, edition: Edition) -> str:
        if self is Table2Row.NORMATIVE_DOCUMENTS and edition is Edition.F2019:
            return "规范性文件"
        return str(self.value)


@dataclass(frozen=True)
class Table2Block:
    """One block of 表二: a band row 第二十条第（X）项, a header row and its data rows."""

    item: str  # "一", "五", …: the item of 条例第二十条
    columns: tuple[Table2Column, ...]
    rows: tuple[Table2Row, ...]

    @property
    def title(self) -> str:
        return f"{TABLE2_ITEM_PREFIX}第（{self.item}）项"


#: The first header cell of every 表二 block (above the row labels).
TABLE2_CONTENT_HEADER = "信息内容"
#: every 表二 block title starts with it: "第二十条第（一）项" (条例第二十条); damaged titles keep at least this
TABLE2_ITEM_PREFIX = "第二十条"


# ---------------------------------------------------------------------------------------------- 表三


class Applicant(Enum):
    """The seven value columns of 表三, in printed order."""

    __hash__ = object.__hash__  # members are singletons; the default Enum hash is slow Python

    NATURAL_PERSON = "自然人"
    COMMERCIAL = "商业企业"
    RESEARCH = "科研机构"
    PUBLIC_INTEREST = "社会公益组织"
    LEGAL_SERVICE = "法律服务机构"
    OTHER = "其他"
    TOTAL = "总计"

    @property
    def label(self) -> str:
        return str(self.value)

    @property
    def is_organisation(self) -> bool:
        """Under the header 法人或其他组织."""
        return self not in (Applicant.NATURAL_PERSON, Applicant.TOTAL)


#: The six columns whose sum is 总计 (format.md §3.2 I1).
APPLICANT_PARTS: tuple[Applicant, ...] = tuple(a for a in Applicant if a is not Applicant.TOTAL)
#: Header spanning the five organisation columns.
ORGANISATION_HEADER = "法人或其他组织"
APPLICANT_HEADER = "申请人情况"


class Table3Group(Enum):
    """The outcome groups of 三、本年度办理结果 that are printed as a rowspan label beside sub-rows."""

    __hash__ = object.__hash__  # members are singletons; the default Enum hash is slow Python

    DENIED = "（三）不予公开"
    UNABLE = "（四）无法提供"
    REFUSED = "（五）不予处理"
    OTHER = "（六）其他处理"

    @property
    def label(self) -> str:
        return str(self.value)


class Table3Role(StrEnum):
    RECEIVED = "received"  # 一
    CARRIED_IN = "carried_in"  # 二
    OUTCOME = "outcome"  # a row of 三 counted in （七）总计
    OUTCOME_TOTAL = "outcome_total"  # （七）总计
    CARRIED_OUT = "carried_out"  # 四


RESULTS_LABEL = "三、本年度办理结果"


class Table3Row(Enum):
    """Rows of 表三 in both editions. Value = (gold key, printed label, group, role).

    The gold key is the row's key in the corpus JSON (``../shared/corpus/README.md``); the label is the
    text printed in the row's own cell; ``group`` is the rowspan label beside it, if any.
    """

    __hash__ = object.__hash__  # members are singletons; the default Enum hash is slow Python

    NEW_RECEIVED = ("一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量", None, Table3Role.RECEIVED)
    CARRIED_IN = ("二、上年结转政府信息公开申请数量", "二、上年结转政府信息公开申请数量", None, Table3Role.CARRIED_IN)
    GRANTED = ("三、(一)予以公开", "（一）予以公开", None, Table3Role.OUTCOME)
    PARTLY_GRANTED = (
        "三、(二)部分公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        None,
        Table3Role.OUTCOME,
    )
    DENIED_STATE_SECRET = ("三、(三)1.属于国家秘密", "1.属于国家秘密", Table3Group.DENIED, Table3Role.OUTCOME)
    DENIED_LAW_FORBIDS = (
        "三、(三)2.其他法律行政法规禁止公开",
        "2.其他法律行政法规禁止公开",
        Table3Group.DENIED,
        Table3Role.OUTCOME,
    )
    DENIED_THREE_SECURITIES = (
        "三、(三)3.危及“三安全一稳定”",
        "3.危及“三安全一稳定”",
        Table3Group.DENIED,
        Table3Role.OUTCOME,
    )
    DENIED_THIRD_PARTY = ("三、(三)4.保护第三方合法权益", "4.保护第三方合法权益", Table3Group.DENIED, Table3Role.OUTCOME)
    DENIED_INTERNAL_AFFAIRS = (
        "三、(三)5.属于三类内部事务信息",
        "5.属于三类内部事务信息",
        Table3Group.DENIED,
        Table3Role.OUTCOME,
    )
    DENIED_PROCESS_INFO = ("三、(三)6.属于四类过程性信息", "6.属于四类过程性信息", Table3Group.DENIED, Table3Role.OUTCOME)
    DENIED_ENFORCEMENT_FILE = ("三、(三)7.属于行政执法案卷", "7.属于行政执法案卷", Table3Group.DENIED, Table3Role.OUTCOME)
    DENIED_QUERY_MATTER = ("三、(三)8.属于行政查询事项", "8.属于行政查询事项", Table3Group.DENIED, Table3Role.OUTCOME)
    UNABLE_NOT_HELD = (
        "三、(四)1.本机关不掌握相关政府信息",
        "1.本机关不掌握相关政府信息",
        Table3Group.UNABLE,
        Table3Role.OUTCOME,
    )
    UNABLE_NEEDS_CREATION = (
        "三、(四)2.没有现成信息需要另行制作",
        "2.没有现成信息需要另行制作",
        Table3Group.UNABLE,
        Table3Role.OUTCOME,
    )
    UNABLE_STILL_UNCLEAR = (
        "三、(四)3.补正后申请内容仍不明确",
        "3.补正后申请内容仍不明确",
        Table3Group.UNABLE,
        Table3Role.OUTCOME,
    )
    REFUSED_PETITION = ("三、(五)1.信访举报投诉类申请", "1.信访举报投诉类申请", Table3Group.REFUSED, Table3Role.OUTCOME)
    REFUSED_REPEATED = ("三、(五)2.重复申请", "2.重复申请", Table3Group.REFUSED, Table3Role.OUTCOME)
    REFUSED_PUBLICATION = ("三、(五)3.要求提供公开出版物", "3.要求提供公开出版物", Table3Group.REFUSED, Table3Role.OUTCOME)
    REFUSED_EXCESSIVE = (
        "三、(五)4.无正当理由大量反复申请",
        "4.无正当理由大量反复申请",
        Table3Group.REFUSED,
        Table3Role.OUTCOME,
    )
    REFUSED_CONFIRMATION = (
        "三、(五)5.要求行政机关确认或重新出具已获取信息",
        "5.要求行政机关确认或重新出具已获取信息",
        Table3Group.REFUSED,
        Table3Role.OUTCOME,
    )
    OTHER_NO_CORRECTION = (
        "三、(六)1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        Table3Group.OTHER,
        Table3Role.OUTCOME,
    )
    OTHER_FEE_UNPAID = (
        "三、(六)2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        Table3Group.OTHER,
        Table3Role.OUTCOME,
    )
    OTHER_OTHER = ("三、(六)3.其他", "3.其他", Table3Group.OTHER, Table3Role.OUTCOME)
    #: the 2019 form's single row （六）其他处理 (also printed by "hybrid" 2021-era reports)
    OTHER_SINGLE = ("三、(六)其他处理", "（六）其他处理", None, Table3Role.OUTCOME)
    OUTCOME_TOTAL = ("三、(七)总计", "（七）总计", None, Table3Role.OUTCOME_TOTAL)
    CARRIED_OUT = ("四、结转下年度继续办理", "四、结转下年度继续办理", None, Table3Role.CARRIED_OUT)

    def __init__(self, key: str, label: str, group: Table3Group | None, role: Table3Role) -> None:
        self.key = key
        self.label = label
        self.group = group
        self.role = role

    @property
    def place(self) -> str:
        """The row as a person names it: "（三）不予公开 1.属于国家秘密", "（七）总计", "一、本年新收…"."""
        return f"{self.group.label} {self.label}" if self.group else self.label

    @property
    def short_label(self) -> str:
        """The official label without the parenthetical instruction of （二）."""
        return self.label.split("（区分")[0]


# ---------------------------------------------------------------------------------------------- 表四


class Table4Group(Enum):

    __hash__ = object.__hash__  # members are singletons; the default Enum hash is slow Python
    REVIEW = "行政复议"
    SUIT_DIRECT = "未经复议直接起诉"
    SUIT_AFTER_REVIEW = "复议后起诉"

    @property
    def label(self) -> str:
        return str(self.value)

    @property
    def place(self) -> str:
        return self.label if self is Table4Group.REVIEW else f"行政诉讼 · {self.label}"


class Table4Column(Enum):

    __hash__ = object.__hash__  # members are singletons; the default Enum hash is slow Python
    UPHELD = "结果维持"
    CORRECTED = "结果纠正"
    OTHER = "其他结果"
    PENDING = "尚未审结"
    TOTAL = "总计"

    @property
    def label(self) -> str:
        return str(self.value)


TABLE4_PARTS: tuple[Table4Column, ...] = tuple(c for c in Table4Column if c is not Table4Column.TOTAL)
#: The 15 cells in printed order (group-major), as in the gold ``table4`` list.
TABLE4_CELLS: tuple[tuple[Table4Group, Table4Column], ...] = tuple(
    (g, c) for g in Table4Group for c in Table4Column
)
SUIT_HEADER = "行政诉讼"


# ---------------------------------------------------------------------------------------------- forms

#: The note printed in the top-left header cell of 表三 (the printed 勾稽 rule P1).
BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


@dataclass(frozen=True)
class Form:
    """One edition of the national form: which rows and columns its tables have."""

    edition: Edition
    table2: tuple[Table2Block, ...]
    table3: tuple[Table3Row, ...]
    section_headings: tuple[Section, ...] = field(default=tuple(Section))

    @property
    def notice(self) -> str:
        return self.edition.notice

    # derived views, computed once per form (the parser and the checker ask for them per row)

    @cached_property
    def table2_cells(self) -> tuple[tuple[Table2Row, Table2Column], ...]:
        return tuple((row, col) for block in self.table2 for row in block.rows for col in block.columns)

    @cached_property
    def table2_rows(self) -> tuple[Table2Row, ...]:
        return tuple(row for block in self.table2 for row in block.rows)

    @cached_property
    def _table2_blocks(self) -> dict[Table2Row, Table2Block]:
        return {row: block for block in self.table2 for row in block.rows}

    def table2_columns(self, row: Table2Row) -> tuple[Table2Column, ...]:
        block = self._table2_blocks.get(row)
        return block.columns if block is not None else ()

    def table2_block(self, row: Table2Row) -> Table2Block:
        return self._table2_blocks[row]

    @cached_property
    def outcome_rows(self) -> tuple[Table3Row, ...]:
        """The rows whose sum is （七）总计 (format.md §3.2 I2)."""
        return tuple(r for r in self.table3 if r.role is Table3Role.OUTCOME)

    @cached_property
    def table3_groups(self) -> tuple[Table3Group, ...]:
        seen: list[Table3Group] = []
        for r in self.table3:
            if r.group and r.group not in seen:
                seen.append(r.group)
        return tuple(seen)


_T3_COMMON_HEAD = (
    Table3Row.NEW_RECEIVED,
    Table3Row.CARRIED_IN,
    Table3Row.GRANTED,
    Table3Row.PARTLY_GRANTED,
    Table3Row.DENIED_STATE_SECRET,
    Table3Row.DENIED_LAW_FORBIDS,
    Table3Row.DENIED_THREE_SECURITIES,
    Table3Row.DENIED_THIRD_PARTY,
    Table3Row.DENIED_INTERNAL_AFFAIRS,
    Table3Row.DENIED_PROCESS_INFO,
    Table3Row.DENIED_ENFORCEMENT_FILE,
    Table3Row.DENIED_QUERY_MATTER,
    Table3Row.UNABLE_NOT_HELD,
    Table3Row.UNABLE_NEEDS_CREATION,
    Table3Row.UNABLE_STILL_UNCLEAR,
    Table3Row.REFUSED_PETITION,
    Table3Row.REFUSED_REPEATED,
    Table3Row.REFUSED_PUBLICATION,
    Table3Row.REFUSED_EXCESSIVE,
    Table3Row.REFUSED_CONFIRMATION,
)
_T3_TAIL = (Table3Row.OUTCOME_TOTAL, Table3Row.CARRIED_OUT)

FORM_2021 = Form(
    edition=Edition.F2021,
    table2=(
        Table2Block(
            "一",
            (Table2Column.ISSUED, Table2Column.REPEALED, Table2Column.IN_FORCE),
            (Table2Row.REGULATIONS, Table2Row.NORMATIVE_DOCUMENTS),
        ),
        Table2Block("五", (Table2Column.DECISIONS,), (Table2Row.LICENSING,)),
        Table2Block("六", (Table2Column.DECISIONS,), (Table2Row.PENALTIES, Table2Row.COERCION)),
        Table2Block("八", (Table2Column.FEE_AMOUNT,), (Table2Row.FEES,)),
    ),
    table3=(
        *_T3_COMMON_HEAD,
        Table3Row.OTHER_NO_CORRECTION,
        Table3Row.OTHER_FEE_UNPAID,
        Table3Row.OTHER_OTHER,
        *_T3_TAIL,
    ),
)

FORM_2019 = Form(
    edition=Edition.F2019,
    table2=(
        Table2Block(
            "一",
            (Table2Column.NEW_MADE, Table2Column.NEW_PUBLISHED, Table2Column.TOTAL_PUBLISHED),
            (Table2Row.REGULATIONS, Table2Row.NORMATIVE_DOCUMENTS),
        ),
        Table2Block(
            "五",
            (Table2Column.PREVIOUS_ITEMS, Table2Column.CHANGE, Table2Column.DECISIONS_2019),
            (Table2Row.LICENSING, Table2Row.OTHER_SERVICES),
        ),
        Table2Block(
            "六",
            (Table2Column.PREVIOUS_ITEMS, Table2Column.CHANGE, Table2Column.DECISIONS_2019),
            (Table2Row.PENALTIES, Table2Row.COERCION),
        ),
        Table2Block("八", (Table2Column.PREVIOUS_ITEMS, Table2Column.CHANGE), (Table2Row.FEES,)),
        Table2Block(
            "九",
            (Table2Column.PROCUREMENT_ITEMS, Table2Column.PROCUREMENT_AMOUNT),
            (Table2Row.PROCUREMENT,),
        ),
    ),
    table3=(*_T3_COMMON_HEAD, Table3Row.OTHER_SINGLE, *_T3_TAIL),
)

FORMS: dict[Edition, Form] = {Edition.F2021: FORM_2021, Edition.F2019: FORM_2019}


def form_for(edition: Edition | str) -> Form:
    # Edition(...) is Python code in the Enum machinery: skipped for a member, the common case
    return FORMS[edition if isinstance(edition, Edition) else Edition(edition)]


def expected_edition(year: int | None) -> Edition | None:
    """The edition a report on ``year`` must use, or None for a year before the national tables."""
    if year is None:
        return None
    if year >= FIRST_YEAR_OF_2021_FORM:
        return Edition.F2021
    if year > LAST_LEGACY_YEAR:
        return Edition.F2019
    return None


#: Header words that only one edition prints (format.md §2.5), used to tell the editions apart.
TABLE2_EDITION_MARKERS: dict[Edition, tuple[str, ...]] = {
    Edition.F2021: ("本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额", "本年处理决定数量"),
    Edition.F2019: (
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "本年增/减",
        "政府集中采购",
        "采购总金额",
        "采购项目数量",
        "其他对外管理服务事项",
    ),
}
