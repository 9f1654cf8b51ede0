"""Figures the prose states about requests, reviews and lawsuits ("全市共受理政府信息公开申请 3119 件").

The text is folded first (all white space removed: PDFs and web pages put spaces and line breaks inside
"3119 件" and inside words), cut into sentences at 。！？ and into clauses at ，；：、 and brackets. A figure
is a number (Arabic or Chinese numerals) followed by a count word (件 份 起 宗); its subject is read from the
words between the previous figure and this one, or, when those name nothing, from the rest of the clause
("另有 103 件顺延到下年度答复"). Subjects are bound conservatively: "申请" alone is not enough ("网络申请 3 件"
counts a channel, "依申请公开信息数 363 条" counts documents), a verb of receiving or answering is needed,
and a 行政复议/行政诉讼 part ("其中结果维持 72 件") belongs to the last of the two named before it.
Statements of none ("未收到…申请", "依申请公开的情况为零", "均无…行政复议和行政诉讼") give the figure 0.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

import cn2an

from gongkai.model import Table2Row, Table4Column, Table4Group


class Subject(Enum):
    """What a prose figure counts, i.e. which table cells it must equal."""

    RECEIVED = "本年新收申请"  # 表三 一 (or 一 + 二 when the prose includes the carried-in ones)
    CARRIED_IN = "上年结转申请"  # 表三 二
    ANSWERED = "办结答复申请"  # 表三 （七）总计
    CARRIED_OUT = "结转下年度申请"  # 表三 四
    RECEIVED_NATURAL = "自然人申请"  # 表三 一 · 自然人
    RECEIVED_ORGANISATIONS = "法人或其他组织申请"  # 表三 一 · the five organisation columns
    REVIEW = "行政复议"  # 表四 行政复议
    SUIT = "行政诉讼"  # 表四 both lawsuit groups together
    SUIT_DIRECT = "未经复议直接起诉"
    SUIT_AFTER_REVIEW = "复议后起诉"


@dataclass(frozen=True)
class Claim:
    """One figure the prose states: ``subject`` (and for 表四 the result ``column``; None = 总计)."""

    quote: str
    figure: int
    subject: Subject
    column: Table4Column | None = None
    #: the figure is a statement of none ("未收到", "为零", "均无")
    zero_statement: bool = False


_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]*")
_CLAUSE_END = re.compile(r"[，,；;：:（）()《》〈〉\[\]【】]")
_CN_DIGITS = "零〇一二两三四五六七八九十百千万"
_FIGURE = re.compile(rf"(?<![第\d{_CN_DIGITS}])(\d[\d,，]*|[{_CN_DIGITS}]+)(件|份|起|宗)")

_RECEIVE = re.compile(r"收到|受理|新收|接收|接到|收悉")
_ANSWER = re.compile(r"答复|办结|办理|回复|处理完毕|办复")
_REQUEST = re.compile(r"公开申请|依申请|申请公开|信息申请")
CARRIED_IN_WORDS = re.compile(r"上年(度)?结转|上一年度?结转|去年结转")
CARRIED_OUT_WORDS = re.compile(r"结转(至|到|入)?下(一)?年|顺延(至|到)下(一)?年|转入下(一)?年|结转下年")
_NATURAL = re.compile(r"自然人")
_ORGANISATION = re.compile(r"法人(或其他组织|和其他组织)?的?申请")
_REVIEW = re.compile(r"行政复议|复议案件")
_SUIT = re.compile(r"行政诉讼|诉讼案件")
_SUIT_DIRECT = re.compile(r"未经复议直接起诉|直接起诉")
_SUIT_AFTER = re.compile(r"复议后起诉")
_T4_COLUMN = {
    Table4Column.UPHELD: re.compile(r"结果维持|维持"),
    Table4Column.CORRECTED: re.compile(r"结果纠正|纠正|纠错"),
    Table4Column.OTHER: re.compile(r"其他结果"),
    Table4Column.PENDING: re.compile(r"尚未审结|未审结"),
}
# statements of none
_NO_REQUEST = re.compile(
    r"(未|没有|无)(收到|受理|接到|发生|产生)[^，。；]{0,20}申请"
    r"|(依申请公开|公开申请)[^，。；]{0,8}为(零|0)(?!\d)"
    r"|无[^，。；]{0,6}(依申请公开|信息公开申请)"
)
_NO_APPEAL = re.compile(
    r"(均无|没有|无|未)(发生|产生|出现|收到)?[^，。；]{0,16}(行政复议|行政诉讼)"
    r"([和与及、或][^，。；]{0,4}(行政复议|行政诉讼))?"
)
# outcomes that are not a column of 表四 (or not the same one): a count of them is not compared
_UNMAPPED_OUTCOME = re.compile(r"撤回|撤诉|驳回|终止|确认违法|败诉|胜诉|率|调解|和解")
# "除…外，未收到其他申请", "未收到…以外的申请": none of a kind, not none at all
_PARTIAL_NONE = re.compile(r"其他|其它|以外|之外|除")
# words that turn an appeal sentence into one about outcomes or rates, not about the count being zero
_NOT_A_COUNT = re.compile(r"纠错|纠正|败诉|撤销|率|被告|风险|应诉能力")


_SPACE = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")


def fold(text: str) -> str:
    """The text with every kind of white space removed (PDF text puts spaces inside numbers and words)."""
    return _SPACE.sub("", text)


@lru_cache(maxsize=4096)
def _number(text: str) -> int | None:
    if text[0].isdigit():
        return int(text.replace(",", "").replace("，", ""))
    try:
        value = cn2an.cn2an(text, "smart")
    except ValueError:
        return None
    return int(value)


#: a numbered subheading on a line of its own ("（二）依申请公开情况") ends where the line ends
_SUBHEADING = re.compile(r"^\s*[（(][一二三四五六七八九十]{1,3}[）)][^。！？\n]{0,30}$", re.MULTILINE)


def sentences(text: str) -> list[str]:
    """The folded sentences of ``text`` that name requests or appeals (the only ones that can state a
    figure to compare). The test is made on the raw text by single characters, so a word broken by a
    line break ("申\n请") is not missed, and only those sentences are folded."""
    out: list[str] = []
    for raw in _SENTENCE.findall(text):
        if "申" not in raw and "复" not in raw and "诉" not in raw:
            continue
        if "\n" in raw and ("（" in raw or "(" in raw):
            raw = _SUBHEADING.sub(_end_sentence, raw)
            out.extend(s for s in _SENTENCE.findall(fold(raw)) if _names_subject(s))
        else:
            folded = fold(raw)
            if _names_subject(folded):
                out.append(folded)
    return out


def _end_sentence(m: re.Match[str]) -> str:
    return m.group(0) + "。"


def _names_subject(sentence: str) -> bool:
    return "申请" in sentence or "复议" in sentence or "诉讼" in sentence


def claims(text: str) -> list[Claim]:
    """Every figure about requests, reviews and lawsuits stated in ``text``."""
    out: list[Claim] = []
    for sentence in sentences(text):
        out.extend(_sentence_claims(sentence))
    return out


def _sentence_claims(sentence: str) -> list[Claim]:
    out: list[Claim] = []
    figures = list(_FIGURE.finditer(sentence))
    if figures:
        request_sentence = bool(_REQUEST.search(sentence))
        receive_sentence = request_sentence and bool(_RECEIVE.search(sentence))
        bounds = [m.start() for m in _CLAUSE_END.finditer(sentence)]
        appeals = _appeal_mentions(sentence)
        for i, m in enumerate(figures):
            number = _number(m.group(1))
            if number is None:
                continue
            k = bisect_left(bounds, m.start())
            clause_start = bounds[k - 1] + 1 if k else 0
            k_end = bisect_left(bounds, m.end())
            clause_end = bounds[k_end] if k_end < len(bounds) else len(sentence)
            previous_end = figures[i - 1].end() if i else 0
            before = sentence[max(clause_start, previous_end) : m.start()]
            next_start = figures[i + 1].start() if i + 1 < len(figures) else len(sentence)
            after = sentence[m.end() : min(clause_end, next_start)]
            # the appeal named most recently before this figure, anywhere earlier in the sentence
            j = bisect_left(appeals, (m.start(),))
            appeal = appeals[j - 1][1] if j else None
            found = _subjects(before, request_sentence, receive_sentence, appeal)
            if not found:
                found = _subjects(before + after, request_sentence, receive_sentence, appeal)
            out.extend(Claim(sentence, number, s, c) for s, c in found)
    out.extend(_zero_claims(sentence))
    return out


def _appeal_mentions(sentence: str) -> list[tuple[int, Subject]]:
    mentions = [(m.start(), Subject.REVIEW) for m in _REVIEW.finditer(sentence)]
    mentions += [(m.start(), Subject.SUIT) for m in _SUIT.finditer(sentence)]
    return sorted(mentions)


def _subjects(
    segment: str, request_sentence: bool, receive_sentence: bool, appeal: Subject | None
) -> list[tuple[Subject, Table4Column | None]]:
    """What the words next to a figure say it counts (empty when they name nothing we can compare)."""
    # 表四 first: "办理因政府信息公开引起的行政复议1件" is a review, not a request
    if _SUIT_AFTER.search(segment):
        return [(Subject.SUIT_AFTER_REVIEW, _t4_column(segment))]
    if _SUIT_DIRECT.search(segment):
        return [(Subject.SUIT_DIRECT, _t4_column(segment))]
    if _UNMAPPED_OUTCOME.search(segment):
        return []
    review, suit = _REVIEW.search(segment), _SUIT.search(segment)
    if review and suit:
        return []  # "行政复议和行政诉讼共 3 件": no single cell
    if review:
        return [(Subject.REVIEW, _t4_column(segment))]
    if suit:
        return [(Subject.SUIT, _t4_column(segment))]
    column = _t4_column(segment)
    if column is not None and appeal is not None and not _REQUEST.search(segment):
        return [(appeal, column)]
    if not request_sentence:
        return []
    if CARRIED_OUT_WORDS.search(segment):
        return [(Subject.CARRIED_OUT, None)]
    if CARRIED_IN_WORDS.search(segment):
        return [(Subject.CARRIED_IN, None)]
    if receive_sentence and "申请" in segment:
        if _NATURAL.search(segment):
            return [(Subject.RECEIVED_NATURAL, None)]
        if _ORGANISATION.search(segment) and "公民" not in segment:
            return [(Subject.RECEIVED_ORGANISATIONS, None)]
    found: list[tuple[Subject, Table4Column | None]] = []
    if _RECEIVE.search(segment) and _REQUEST.search(segment):
        found.append((Subject.RECEIVED, None))
    if _ANSWER.search(segment) and (found or _REQUEST.search(segment) or _bare_answer(segment)):
        found.append((Subject.ANSWERED, None))
    return found


#: what else is handled or answered in these reports ("办理行政许可事项 2000 件", "答复人大代表建议 5 件")
_OTHER_OBJECTS = re.compile(
    r"事项|许可|审批|业务|案件|信件|来信|来电|咨询|投诉|举报|建议|提案|留言|诉求|工单|热线"
)


def _bare_answer(segment: str) -> bool:
    """An answer verb with nothing else named ("及时规范答复 7 件" after a sentence about requests)."""
    return len(segment) <= 10 and not _RECEIVE.search(segment) and not _OTHER_OBJECTS.search(segment)


def _t4_column(segment: str) -> Table4Column | None:
    for column, pattern in _T4_COLUMN.items():
        if pattern.search(segment):
            return column
    return None


_NEGATIONS = ("未", "无", "没有", "为零", "为0")


def _zero_claims(sentence: str) -> list[Claim]:
    out: list[Claim] = []
    if not any(word in sentence for word in _NEGATIONS):
        return out
    for clause in re.split(r"[，,；;。]", sentence):
        if _FIGURE.search(clause):
            continue
        if (
            _NO_REQUEST.search(clause)
            and not _REVIEW.search(clause)
            and not _SUIT.search(clause)
            and not _PARTIAL_NONE.search(sentence)
        ):
            out.append(Claim(sentence, 0, Subject.RECEIVED, zero_statement=True))
        m = _NO_APPEAL.search(clause)
        if m and not _NOT_A_COUNT.search(clause):
            named = m.group(0)
            if _REVIEW.search(named):
                out.append(Claim(sentence, 0, Subject.REVIEW, zero_statement=True))
            if _SUIT.search(named):
                out.append(Claim(sentence, 0, Subject.SUIT, zero_statement=True))
    return out


#: the 表四 group(s) whose 总计 (or result column) a claim about an appeal subject is compared with
APPEAL_GROUPS: dict[Subject, tuple[Table4Group, ...]] = {
    Subject.REVIEW: (Table4Group.REVIEW,),
    Subject.SUIT: (Table4Group.SUIT_DIRECT, Table4Group.SUIT_AFTER_REVIEW),
    Subject.SUIT_DIRECT: (Table4Group.SUIT_DIRECT,),
    Subject.SUIT_AFTER_REVIEW: (Table4Group.SUIT_AFTER_REVIEW,),
}


# ---------------------------------------------------------------------------------------------- 表二


class DocumentCount(Enum):
    """What a prose figure about 表二 counts."""

    ISSUED = "本年制发"
    REPEALED = "本年废止"
    IN_FORCE = "现行有效"
    DECISIONS = "处理决定"


@dataclass(frozen=True)
class Table2Claim:
    quote: str
    figure: int
    row: Table2Row
    count: DocumentCount


_T2_FIGURE = re.compile(rf"(?<![第\d{_CN_DIGITS}])(\d[\d,，]*|[{_CN_DIGITS}]+)(件|条|项)")
#: each 表二 row and the words that name it in prose (规范性文件 also as 政策性文件: the gold compares them)
_T2_ROWS: tuple[tuple[Table2Row, re.Pattern[str]], ...] = (
    (Table2Row.NORMATIVE_DOCUMENTS, re.compile(r"规范性文件|政策性文件")),
    (Table2Row.REGULATIONS, re.compile(r"规章")),
    (Table2Row.LICENSING, re.compile(r"行政许可")),
    (Table2Row.PENALTIES, re.compile(r"行政处罚")),
    (Table2Row.COERCION, re.compile(r"行政强制")),
)
_DOCUMENT_ROWS = (Table2Row.NORMATIVE_DOCUMENTS, Table2Row.REGULATIONS)
_NOT_TABLE2 = ("类", "事项", "清理", "解读")
_T2_HINTS = ("规章", "规范性文件", "政策性文件", "许可", "处罚", "强制")


def table2_claims(text: str) -> list[Table2Claim]:
    """Figures the prose states about 表二 rows: documents issued / repealed / in force, decisions.
    A figure is bound only when the words before it name exactly one row."""
    out: list[Table2Claim] = []
    for raw in _SENTENCE.findall(text):
        if not any(h in raw for h in _T2_HINTS):
            continue
        sentence = fold(raw)
        figures = list(_T2_FIGURE.finditer(sentence))
        bounds = [m.start() for m in _CLAUSE_END.finditer(sentence)]
        for i, m in enumerate(figures):
            number = _number(m.group(1))
            if number is None:
                continue
            k = bisect_left(bounds, m.start())
            start = max(bounds[k - 1] + 1 if k else 0, figures[i - 1].end() if i else 0)
            segment = sentence[start : m.start()]
            rows = [row for row, pattern in _T2_ROWS if pattern.search(segment)]
            # "规范性文件类 7 条", "行政许可类 12 条" count published items by topic, and "审批事项 148 项"
            # counts matters, not 表二's documents or decisions; a 清理 count is neither
            if len(rows) != 1 or any(word in segment for word in _NOT_TABLE2):
                continue
            row = rows[0]
            if row in _DOCUMENT_ROWS:
                if "现行有效" in segment:
                    count = DocumentCount.IN_FORCE
                elif "废止" in segment:
                    count = DocumentCount.REPEALED
                else:
                    count = DocumentCount.ISSUED
            else:
                count = DocumentCount.DECISIONS
            out.append(Table2Claim(_part_around(sentence, m.start()), number, row, count))
    return out


def _part_around(sentence: str, pos: int) -> str:
    """The part of a long sentence between the semicolons around ``pos`` (for a short quote)."""
    start = max(sentence.rfind("；", 0, pos), sentence.rfind(";", 0, pos)) + 1
    ends = [e for e in (sentence.find("；", pos), sentence.find(";", pos)) if e >= 0]
    return sentence[start : min(ends) + 1] if ends else sentence[start:]
