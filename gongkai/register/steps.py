"""The vocabulary of the register: channels of submission, the kinds of event on a request's 时间轴, and
reading an outcome (a 表三 row) or a 复议/诉讼 result (a 表四 column) from what a clerk typed."""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache

from gongkai.errors import InvalidStep
from gongkai.model import FORM_2021, Applicant, Table3Role, Table3Row, Table4Column, Table4Group
from gongkai.model.form import RESULTS_LABEL


class Channel(Enum):
    """How a request was submitted, and which day 条例第三十一条 makes its 收到申请之日."""

    IN_PERSON = ("当面", "提交之日", "第三十一条第（一）项", False)
    MAIL_SIGNED = ("邮寄（签收）", "行政机关签收之日", "第三十一条第（二）项", True)
    MAIL_PLAIN = ("邮寄（平信）", "与申请人确认之日", "第三十一条第（二）项", True)
    INTERNET = ("互联网", "双方确认之日", "第三十一条第（三）项", True)
    FAX = ("传真", "双方确认之日", "第三十一条第（三）项", True)

    def __init__(self, label: str, receipt_rule: str, article: str, needs_confirmation: bool) -> None:
        self.label = label
        self.receipt_rule = receipt_rule
        self.article = article
        #: the receipt day is a signature or confirmation day, not the day of submission
        self.needs_confirmation = needs_confirmation

    @property
    def basis(self) -> str:
        return f"《政府信息公开条例》{self.article}：以{self.receipt_rule}为收到申请之日"


_CHANNEL_WORDS: dict[str, Channel] = {
    "当面": Channel.IN_PERSON,
    "现场": Channel.IN_PERSON,
    "邮寄": Channel.MAIL_SIGNED,
    "挂号": Channel.MAIL_SIGNED,
    "签收": Channel.MAIL_SIGNED,
    "平信": Channel.MAIL_PLAIN,
    "平常信函": Channel.MAIL_PLAIN,
    "互联网": Channel.INTERNET,
    "网络": Channel.INTERNET,
    "网上": Channel.INTERNET,
    "在线": Channel.INTERNET,
    "电子邮件": Channel.INTERNET,
    "邮件": Channel.INTERNET,
    "传真": Channel.FAX,
}


def parse_channel(text: str) -> Channel:
    t = _norm(text)
    for channel in Channel:
        if t in (_norm(channel.label), channel.name.lower()):
            return channel
    for word, channel in sorted(_CHANNEL_WORDS.items(), key=lambda kv: -len(kv[0])):
        if word in t:
            return channel
    choices = "、".join(c.label for c in Channel)
    raise InvalidStep(f"“{text}”不是提交方式；可选：{choices}")


#: Words clerks write for the 表三 columns (the official labels are matched first).
APPLICANT_ALIASES: dict[str, Applicant] = {
    "个人": Applicant.NATURAL_PERSON,
    "公民": Applicant.NATURAL_PERSON,
    "企业": Applicant.COMMERCIAL,
    "公司": Applicant.COMMERCIAL,
    "高校": Applicant.RESEARCH,
    "研究机构": Applicant.RESEARCH,
    "公益组织": Applicant.PUBLIC_INTEREST,
    "社会组织": Applicant.PUBLIC_INTEREST,
    "律师事务所": Applicant.LEGAL_SERVICE,
    "律所": Applicant.LEGAL_SERVICE,
    "律师": Applicant.LEGAL_SERVICE,
}


def parse_applicant(text: str) -> Applicant:
    t = _norm(text)
    for a in Applicant:
        if a is not Applicant.TOTAL and t in (a.label, a.name.lower()):
            return a
    if t in APPLICANT_ALIASES:
        return APPLICANT_ALIASES[t]
    choices = "、".join(a.label for a in Applicant if a is not Applicant.TOTAL)
    raise InvalidStep(f"“{text}”不是表三的申请人类型；可选：{choices}")


class EventKind(Enum):
    """Kinds of event on the 时间轴: (stored code, Chinese name)."""

    RECEIVED = ("received", "收到申请")
    AMENDED = ("amended", "更正登记信息")
    VOIDED = ("voided", "作废一条记录")
    CORRECTION_NOTICE = ("correction_notice", "告知补正")
    CORRECTION_RECEIVED = ("correction_received", "收到补正")
    CORRECTION_LAPSED = ("correction_lapsed", "逾期未补正，视为放弃")
    CONSULT_THIRD_PARTY = ("consult_third_party", "征求第三方意见")
    CONSULT_AGENCY = ("consult_agency", "征求其他机关意见")
    CONSULT_REPLY = ("consult_reply", "收到意见")
    EXTENSION = ("extension", "延长答复期限")
    FEE_NOTICE = ("fee_notice", "发出收费通知")
    FEE_PAID = ("fee_paid", "缴纳信息处理费")
    FEE_LAPSED = ("fee_lapsed", "逾期未缴费，不再处理")
    ANSWER = ("answer", "答复")
    WITHDRAWN = ("withdrawn", "申请人撤回申请")
    REVIEW_FILED = ("review_filed", "申请行政复议")
    REVIEW_DECIDED = ("review_decided", "行政复议决定")
    SUIT_FILED = ("suit_filed", "提起行政诉讼")
    SUIT_DECIDED = ("suit_decided", "行政诉讼裁判")

    def __init__(self, code: str, title: str) -> None:
        self.code = code
        self.title = title

    @classmethod
    def from_code(cls, code: str) -> EventKind:
        for kind in cls:
            if code in (kind.code, kind.title, kind.name):
                return kind
        choices = "、".join(f"{k.code}（{k.title}）" for k in cls if k is not cls.RECEIVED)
        raise InvalidStep(f"“{code}”不是登记簿的步骤；可选：{choices}")


#: Kinds allowed after a request is closed (the challenge of the answer, and corrections of the record).
AFTER_CLOSE = frozenset(
    {
        EventKind.REVIEW_FILED,
        EventKind.REVIEW_DECIDED,
        EventKind.SUIT_FILED,
        EventKind.SUIT_DECIDED,
        EventKind.VOIDED,
        EventKind.AMENDED,
    }
)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）").strip().lower()


def outcome_code(row: Table3Row) -> str:
    """A short code for an outcome row: "（一）", "（三）1", "（六）2"."""
    if row.group is not None:
        return f"{row.group.label[:3]}{row.label.split('.')[0]}"
    return row.label[:3]


#: Words clerks write for outcomes that are not the official labels (law.md §2.2 for the mapping).
OUTCOME_ALIASES: dict[str, Table3Row] = {
    "公开": Table3Row.GRANTED,
    "已主动公开": Table3Row.GRANTED,
    "告知获取途径": Table3Row.GRANTED,
    "区分处理": Table3Row.PARTLY_GRANTED,
    "信息不存在": Table3Row.UNABLE_NOT_HELD,
    "政府信息不存在": Table3Row.UNABLE_NOT_HELD,
    "非本机关负责公开": Table3Row.UNABLE_NOT_HELD,
    "非本机关信息": Table3Row.UNABLE_NOT_HELD,
    "需要另行制作": Table3Row.UNABLE_NEEDS_CREATION,
    "需要加工分析": Table3Row.UNABLE_NEEDS_CREATION,
    "信访": Table3Row.REFUSED_PETITION,
    "信访举报投诉": Table3Row.REFUSED_PETITION,
    "公开出版物": Table3Row.REFUSED_PUBLICATION,
    "逾期未补正": Table3Row.OTHER_NO_CORRECTION,
    "视为放弃": Table3Row.OTHER_NO_CORRECTION,
    "逾期未缴费": Table3Row.OTHER_FEE_UNPAID,
    "撤回": Table3Row.OTHER_OTHER,
    "申请人撤回": Table3Row.OTHER_OTHER,
}
_NUMBERING = re.compile(r"^(（[一二三四五六七]）|\d+\.)")


def _bare(row: Table3Row) -> str:
    """The row's words without its numbering: "予以公开", "属于国家秘密", "重复申请"."""
    return _NUMBERING.sub("", row.short_label)


@lru_cache(maxsize=256)
def parse_outcome(text: str) -> Table3Row:
    """The 表三 outcome row a clerk means: its code ("（三）1", "(三)1"), label, words ("予以公开"), key,
    place, a common alias ("信息不存在") or enum name. Only rows of 三、本年度办理结果 are outcomes; a group
    label alone ("不予公开") and the 2019 form's single （六） row are not (pick the row)."""
    t = _norm(text)
    for row in FORM_2021.outcome_rows:
        names = {_norm(outcome_code(row)), _norm(row.label), _norm(row.key), _norm(row.place), _norm(row.short_label),
                 _norm(_bare(row))}
        if t in names or t == row.name.lower():
            return row
    if t in OUTCOME_ALIASES:
        return OUTCOME_ALIASES[t]
    for row in Table3Row:
        if t in {_norm(row.label), _norm(row.key), _norm(row.place), row.name.lower()}:
            if row is Table3Row.OTHER_SINGLE:
                raise InvalidStep(
                    f"“{text}”是 2019 年版表格的合并行；请选择 （六）1 逾期不补正、（六）2 逾期不缴费 或 （六）3 其他"
                )
            if row.role is not Table3Role.OUTCOME:
                raise InvalidStep(f"“{text}”是表三的“{row.label}”行，不是办理结果；答复的结果须是表三“{RESULTS_LABEL}”中的一行")
    for group in FORM_2021.table3_groups:
        if t in (_norm(group.label), _norm(_NUMBERING.sub("", group.label))):
            rows = "、".join(outcome_code(r) + _bare(r) for r in FORM_2021.outcome_rows if r.group is group)
            raise InvalidStep(f"“{text}”是表三的一组，请选其中具体的一行：{rows}")
    choices = "、".join(outcome_code(r) + _bare(r) for r in FORM_2021.outcome_rows)
    raise InvalidStep(f"“{text}”不是表三的办理结果行；可选：{choices}")


def parse_result(text: str) -> Table4Column:
    """A decided 复议/诉讼 result: 结果维持, 结果纠正 or 其他结果 (尚未审结 is not a result)."""
    t = _norm(text)
    for col in (Table4Column.UPHELD, Table4Column.CORRECTED, Table4Column.OTHER):
        if t in (col.label, col.label[2:], col.name.lower()):
            return col
    raise InvalidStep(f"“{text}”不是行政复议、行政诉讼的结果；可选：结果维持、结果纠正、其他结果（未审结的不登记结果）")


def parse_suit_group(text: str) -> Table4Group:
    t = _norm(text)
    for g in (Table4Group.SUIT_DIRECT, Table4Group.SUIT_AFTER_REVIEW):
        if t in (g.label, g.name.lower()) or (g is Table4Group.SUIT_DIRECT and t in ("直接起诉", "direct")):
            return g
        if g is Table4Group.SUIT_AFTER_REVIEW and t in ("复议后", "after_review"):
            return g
    raise InvalidStep(f"“{text}”不是行政诉讼的类型；可选：未经复议直接起诉、复议后起诉")
