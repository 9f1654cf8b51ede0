"""Content rules: the 信息处理费 statement in 六, fee notices implied by 表三 （六）2, the items 条例第五十条
adds for 各级人民政府, the statistics period against the report year, and the 条例第四十九条 deadline."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from gongkai.check.arith import plain
from gongkai.check.places import t3_place, t3_term
from gongkai.check.prose import fold
from gongkai.check.registry import Context, Hit, rule
from gongkai.model import APPLICANT_PARTS, Applicant, Report, Section, Severity, Table3Row

#: the fee in question is the 信息处理费 of 国办函〔2020〕109号, not 表二's 行政事业性收费
_FEE = re.compile(r"处理费")
_FEE_NOTICE = re.compile(r"收费通知|缴费通知|缴纳通知")
_FEE_AMOUNT = re.compile(r"处理费[^。；;]{0,12}?(\d[\d,.]*)元|(\d[\d,.]*)元[^。；;]{0,6}处理费")
#: first report year under the 109号 fee measure (effective 2021-01-01) and the 2021 form's 六
FIRST_FEE_YEAR = 2021

_GOVERNMENT = re.compile(r"人民政府$")
#: a title naming a government's own report: "淮安市人民政府2024年政府信息公开工作年度报告"
_GOVERNMENT_TITLE = re.compile(r"人民政府\s*(\d{4}|[〇零一二三四五六七八九]{4})\s*年")
_DUTIES = {
    "工作考核": re.compile(r"考核"),
    "社会评议": re.compile(r"评议"),
    "责任追究": re.compile(r"追究|问责"),
}

_PERIOD = re.compile(
    r"(统计期限|统计时限|统计期间|统计时间|统计时段|统计区间|统计范围|数据统计|统计数据)[^。]{0,12}?"
    r"(?:自|从|为)?(\d{4})年1月1日(?:起)?(?:至|到|—|－|-)(\d{4})?年?12月31日"
)

_TOWNSHIP = re.compile(r"[镇乡]人民政府$|街道办事处$|街道$")
DEPARTMENT_DEADLINE = (1, 31)
GOVERNMENT_DEADLINE = (3, 31)


def folded_full_text(report: Report, context: Context) -> str:
    return context.cached("folded_full_text", lambda: fold(report.full_text))


def _find_all(text: str, word: str) -> list[int]:
    found: list[int] = []
    i = text.find(word)
    while i >= 0:
        found.append(i)
        i = text.find(word, i + 1)
    return found


def _is_government(report: Report) -> bool:
    """A 人民政府's own report (条例第五十条第（四）项, 第四十九条 3月31日), not one of its departments'."""
    if report.agency and _GOVERNMENT.search(report.agency):
        return True
    return bool(report.title and _GOVERNMENT_TITLE.search(report.title))


@rule(
    "CONTENT.FEE_STATEMENT",
    Severity.WARNING,
    basis="年度报告格式模板第六部分“收取信息处理费情况在此处报告”；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
    title="第六部分未说明信息处理费收取情况",
)
def content_fee_statement(report: Report, context: Context) -> Iterator[Hit]:
    if report.year is None or report.year < FIRST_FEE_YEAR or Section.OTHER not in report.sections:
        return
    text = fold(report.section_text(Section.OTHER))
    if _FEE.search(text):
        return
    section = report.sections[Section.OTHER]
    sources = (section.source,) if section.source else ()
    elsewhere = [s for s in Section if s is not Section.OTHER and _FEE.search(fold(report.section_text(s)))]
    if elsewhere:
        # stated, but not where the template asks for it: worth a look, not a warning
        yield Hit(
            f"信息处理费情况写在了{'、'.join(s.title for s in elsewhere)}，格式模板要求在第六部分报告",
            Section.OTHER.title,
            {"stated_in": [s.numeral for s in elsewhere]},
            (),
            sources,
            severity=Severity.NOTICE,
        )
        return
    shown = text[:60] + ("…" if len(text) > 60 else "")
    yield Hit(
        f"第六部分没有说明信息处理费的收取情况（收取或未收取都应写明）；该部分内容为“{shown}”。"
        "表二的行政事业性收费不是信息处理费",
        Section.OTHER.title,
        {"section_text": shown},
        (),
        sources,
    )


@rule(
    "CONTENT.FEE_NOTICE",
    Severity.WARNING,
    basis="表三（六）2“申请人逾期未按收费通知要求缴纳费用”；国办函〔2020〕109号",
    title="表三有逾期未缴费的申请，第六部分却未报告收费通知或收费",
)
def content_fee_notice(report: Report, context: Context) -> Iterator[Hit]:
    t3 = report.table3
    if t3 is None or Table3Row.OTHER_FEE_UNPAID not in t3.rows:
        return
    row = Table3Row.OTHER_FEE_UNPAID
    term = t3_term(t3, row, Applicant.TOTAL)
    count = term.number
    if count is None:
        parts = [t3.number(row, a) for a in APPLICANT_PARTS]
        count = sum((p for p in parts if p is not None), 0)
    if count <= 0:
        return
    text = fold(report.section_text(Section.OTHER))
    amounts = [m.group(1) or m.group(2) for m in _FEE_AMOUNT.finditer(text)]
    nonzero = [a for a in amounts if re.sub(r"[,.0]", "", a)]
    if _FEE_NOTICE.search(text) or nonzero:
        return
    said = "第六部分称未收取信息处理费" if _FEE.search(text) else "第六部分未提及信息处理费"
    yield Hit(
        f"{t3_place(row, Applicant.TOTAL)}为 {plain(count)}，即本年发出过收费通知；{said}，"
        "未报告收费通知件数和金额",
        t3_place(row, Applicant.TOTAL),
        {
            "left_label": t3_place(row, Applicant.TOTAL),
            "left": plain(count),
            "right_label": "第六部分报告的收费",
            "right": 0,
            "difference": plain(count),
        },
        (term.ref,),
        (term.cell.source,) if term.cell.source else (),
    )


@rule(
    "CONTENT.GOVERNMENT_DUTIES",
    Severity.WARNING,
    basis="条例第五十条第（四）项：各级人民政府的年度报告还应当包括工作考核、社会评议和责任追究结果情况",
    title="人民政府年度报告未报告工作考核、社会评议和责任追究结果",
)
def content_government_duties(report: Report, context: Context) -> Iterator[Hit]:
    if not _is_government(report):
        return
    text = folded_full_text(report, context)
    missing = [name for name, pattern in _DUTIES.items() if not pattern.search(text)]
    if missing:
        yield Hit(
            f"{report.agency or '本级人民政府'}的年度报告未提及{'、'.join(missing)}结果情况",
            "全文",
            {"missing": missing},
        )


@rule(
    "CONTENT.PERIOD",
    Severity.WARNING,
    basis="条例第四十九条“上一年度”；年度报告统计期限为报告年度1月1日至12月31日",
    title="统计期限与报告年度不符",
)
def content_period(report: Report, context: Context) -> Iterator[Hit]:
    if report.year is None:
        return
    # fold only a window after each "统计" (the period follows the word; folding all text is slow)
    full = report.full_text  # the preamble is part of it
    windows = [fold(full[i : i + 80]) for i in _find_all(full, "统计")]
    for m in (m for w in windows for m in _PERIOD.finditer(w)):
        start, end = int(m.group(2)), int(m.group(3) or m.group(2))
        if start != report.year or end != report.year:
            yield Hit(
                f"报告年度为 {report.year} 年，而统计期限写为“{m.group(0)}”",
                "统计期限",
                {
                    "left_label": "报告年度",
                    "left": report.year,
                    "right_label": "统计期限年份",
                    "right": start if start != report.year else end,
                    "difference": report.year - (start if start != report.year else end),
                    "quote": m.group(0),
                },
            )


@rule(
    "CONTENT.DEADLINE",
    Severity.WARNING,
    basis="条例第四十九条：部门于每年1月31日前、县级以上地方人民政府于每年3月31日前公布上一年度年度报告",
    title="发布日期晚于法定期限",
)
def content_deadline(report: Report, context: Context) -> Iterator[Hit]:
    if report.year is None or not report.publication_date:
        return
    try:
        published = date.fromisoformat(report.publication_date[:10])
    except ValueError:
        return
    if report.agency and _TOWNSHIP.search(report.agency):
        return  # 乡镇、街道 are not named by 第四十九条: their deadline is set locally
    month, day = GOVERNMENT_DEADLINE if _is_government(report) else DEPARTMENT_DEADLINE
    deadline = date(report.year + 1, month, day)
    if published > deadline:
        late = (published - deadline).days
        who = "本级人民政府" if _is_government(report) else "政府部门"
        yield Hit(
            f"{report.year} 年度报告发布于 {published.isoformat()}，{who}的法定期限为 {deadline.isoformat()}，"
            f"晚 {late} 天",
            "发布日期",
            {
                "left_label": "发布日期",
                "left": published.isoformat(),
                "right_label": "法定期限",
                "right": deadline.isoformat(),
                "difference": late,
            },
        )
