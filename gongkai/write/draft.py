"""The six sections of an annual report drafted in Chinese from its tables, and a ``Report`` assembled
from the tables (表三/表四 computed from the register, 表二 entered by the clerk).

Every figure in the prose is read from a table cell of the same report (or from the fee figures, which
have no table), so text and tables cannot disagree (format.md §3.2 I11, the checker's text-vs-table
rule). What only a person can say (what was done, what went wrong, what will change) is left as a
``【待填写：…】`` mark (``gongkai.write.text.todo``) that the writers highlight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from gongkai.model import (
    Applicant,
    Edition,
    Report,
    Section,
    SectionText,
    Table2,
    Table3,
    Table3Group,
    Table3Row,
    Table4,
    Table4Column,
    Table4Group,
)
from gongkai.model.values import Number
from gongkai.write.text import report_title, todo

_ITEM = re.compile(r"^（[一二三四五六七八九十]+）")


@dataclass(frozen=True)
class FeeFigures:
    """What 六 must report about the 信息处理费 (国办函〔2020〕109号): notices sent and money collected,
    in 元."""

    notices: int  # requests for which a 收费通知 was sent in the year
    amount_noticed: Decimal  # total of those notices
    collected: int  # requests whose fee was paid
    amount_collected: Decimal  # total actually collected


def yuan(amount: Decimal) -> str:
    """An amount of 元 as a report prints it: 380, 1380.5 → "1380.50"."""
    if amount == amount.to_integral_value():
        return str(int(amount))
    return f"{amount:.2f}"


def _n(value: Number | None) -> str:
    """A count for the prose; a blank or unknown cell is never written as 0."""
    return todo("数字") if value is None else str(value)


def _sum(values: list[Number | None]) -> Number | None:
    """The sum of printed numbers, or None if any of them is not a number (nothing is assumed)."""
    total: Number = 0
    for v in values:
        if v is None:
            return None
        total += v
    return total


def _total(t3: Table3, row: Table3Row) -> Number | None:
    return t3.number(row, Applicant.TOTAL)


def _group_total(t3: Table3, group: Table3Group) -> Number | None:
    return _sum([_total(t3, r) for r in t3.rows if r.group is group])


# ---------------------------------------------------------------------------------------------- sections


def _who(report: Report) -> str:
    return report.agency or "本机关"


def _bare(label: str) -> str:
    """An outcome label without its item number: "（一）予以公开" → "予以公开"."""
    return _ITEM.sub("", label, count=1)


def _requests_paragraph(report: Report, t3: Table3) -> str:
    # the outcomes in the form's order: single rows as they are, each group （三）…（六） as its sum
    listing: list[str] = []
    for row in t3.form.outcome_rows:
        if row.group is None:
            listing.append(f"{_bare(row.short_label)}{_n(_total(t3, row))}件")
        elif row is next(r for r in t3.rows if r.group is row.group):
            listing.append(f"{_bare(row.group.label)}{_n(_group_total(t3, row.group))}件")
    return (
        f"{report.year}年，{_who(report)}共新收政府信息公开申请{_n(_total(t3, Table3Row.NEW_RECEIVED))}件，"
        f"上年结转政府信息公开申请{_n(_total(t3, Table3Row.CARRIED_IN))}件；"
        f"本年度办理答复{_n(_total(t3, Table3Row.OUTCOME_TOTAL))}件，其中{'、'.join(listing)}；"
        f"结转下年度继续办理{_n(_total(t3, Table3Row.CARRIED_OUT))}件。"
    )


def _appeals_paragraph(report: Report, t4: Table4) -> str:
    review = Table4Group.REVIEW
    suits = [g for g in Table4Group if g is not review]
    parts = "、".join(
        f"{c.label}{_n(t4.number(review, c))}件" for c in Table4Column if c is not Table4Column.TOTAL
    )
    suit_total = _sum([t4.number(g, Table4Column.TOTAL) for g in suits])
    suit_parts = "、".join(f"{g.label}{_n(t4.number(g, Table4Column.TOTAL))}件" for g in suits)
    return (
        f"{report.year}年，{_who(report)}因政府信息公开工作被申请行政复议"
        f"{_n(t4.number(review, Table4Column.TOTAL))}件，其中{parts}；"
        f"被提起行政诉讼{_n(suit_total)}件，其中{suit_parts}。"
    )


def _fees_paragraph(report: Report, fees: FeeFigures | None) -> str:
    year, who = report.year, _who(report)
    if fees is None:
        # likewise: no fee words in the mark, or it would pass for the fee statement (CONTENT.FEE_STATEMENT)
        return todo("依申请收费情况：发出收费通知的件数和总金额，以及实际收取的总金额")
    if fees.notices == 0 and fees.amount_collected == 0:
        return f"{year}年，{who}未发出政府信息公开信息处理费收费通知，未收取信息处理费。"
    return (
        f"依据《政府信息公开信息处理费管理办法》，{year}年{who}共对{fees.notices}件政府信息公开申请"
        f"发出收费通知，金额共计{yuan(fees.amount_noticed)}元；实际收取信息处理费{fees.collected}件，"
        f"共计{yuan(fees.amount_collected)}元。"
    )


def draft_sections(report: Report, fees: FeeFigures | None = None) -> dict[Section, SectionText]:
    """The six sections for ``report`` (whose tables are filled), with the figures filled in."""
    year, who = report.year, _who(report)
    texts: dict[Section, list[str]] = {s: [] for s in Section}
    texts[Section.OVERVIEW].append(
        todo(
            f"{year}年{who}贯彻落实《中华人民共和国政府信息公开条例》的总体情况：主动公开、依申请公开、"
            "政府信息管理、政府信息公开平台建设、监督保障等方面的主要做法和成效"
        )
    )
    if report.table3 is not None:
        texts[Section.OVERVIEW].append(_requests_paragraph(report, report.table3))
    if report.table4 is not None:
        texts[Section.OVERVIEW].append(_appeals_paragraph(report, report.table4))
    texts[Section.OVERVIEW].append(
        # the hint names the article, not the words the checker looks for, so that an unwritten mark does
        # not pass for the statement itself (CONTENT.GOVERNMENT_DUTIES)
        todo("监督保障情况；各级人民政府的报告还须写明条例第五十条第（四）项规定的三项结果情况")
    )
    texts[Section.PROACTIVE] += [
        todo("本年度主动公开工作的主要做法，如重点领域信息公开、政策解读、公开平台建设等"),
        f"{year}年{who}主动公开政府信息情况见下表。",
    ]
    texts[Section.REQUESTS].append(f"{year}年{who}收到和处理政府信息公开申请情况见下表。")
    texts[Section.APPEALS].append(f"{year}年{who}政府信息公开行政复议、行政诉讼情况见下表。")
    texts[Section.PROBLEMS] += [
        todo("本年度政府信息公开工作存在的主要问题"),
        todo("针对上述问题的改进措施，以及上一年度所报问题的整改落实情况"),
    ]
    texts[Section.OTHER] += [
        _fees_paragraph(report, fees),
        todo("其他需要报告的事项，如年度政务公开工作要点落实情况、人大代表建议和政协提案办理结果公开情况；没有的写“无”"),
    ]
    return {s: SectionText(s, s.title, "\n".join(lines)) for s, lines in texts.items()}


def draft_preamble(report: Report, edition: Edition) -> str:
    year = report.year
    return "\n".join(
        [
            f"本报告根据《中华人民共和国政府信息公开条例》第五十条规定和政府信息公开工作年度报告格式要求"
            f"（{edition.notice}）编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
            "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。"
            f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
            f"本报告电子版可在{todo('本机关门户网站名称及网址')}查阅或下载。"
            f"如对本报告有疑问，请与{todo('联系部门、地址、邮编、电话')}联系。",
        ]
    )


def draft_report(
    *,
    year: int,
    agency: str | None,
    table2: Table2 | None,
    table3: Table3,
    table4: Table4,
    fees: FeeFigures | None = None,
) -> Report:
    """A complete report for ``year``: the tables as given (nothing computed here), a title, a preamble
    and the six drafted sections."""
    edition = table3.edition
    report = Report(
        name=f"{year}-{agency or '本机关'}",
        agency=agency,
        agency_source="登记簿" if agency else "",
        year=year,
        year_source="登记簿",
        format=str(edition),
        table2=table2 if table2 is not None else Table2(edition),
        table3=table3,
        table4=table4,
    )
    report.title = report_title(report)
    report.preamble = draft_preamble(report, edition)
    report.sections = draft_sections(report, fees)
    report.section_order = list(Section)
    return report
