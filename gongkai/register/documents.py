"""Letters generated from a request's case data: 受理回执, 补正告知书, 延期答复告知书, 征求意见书 (第三方 and
其他机关), 收费通知书 and the 答复书 of each outcome with its legal basis (basis.py).

A letter is first built as data (:class:`Letter`: title, number, addressee, paragraphs, signature), then
rendered as DOCX (python-docx) or as HTML and PDF (WeasyPrint, Noto CJK fonts). Dates in the text are
the case's own; nothing is invented except the parts marked 〔请填写…〕 for the clerk.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path

from gongkai.errors import InvalidStep, RegisterError
from gongkai.register.basis import OUTCOME_BASIS, REGULATION
from gongkai.register.calendar import WorkCalendar
from gongkai.register.case import CaseState, Consultation
from gongkai.register.deadlines import Period, deadline
from gongkai.register.fees import BASIS as FEE_BASIS
from gongkai.register.fees import FeeMethod
from gongkai.register.steps import EventKind

REMEDY = (
    "如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，或者自知道或应当知道本答复之日起六个月内"
    "依法向人民法院提起行政诉讼。"
)
FILL = "〔请填写{}〕"
#: a figure the system computed on a rule not yet confirmed in a retrieved text (law.md §4.2 [R])
CHECK = "〔请核对{}〕"


class DocumentKind(Enum):
    RECEIPT = ("receipt", "政府信息公开申请受理回执")
    CORRECTION = ("correction", "政府信息公开申请补正告知书")
    EXTENSION = ("extension", "政府信息公开延期答复告知书")
    CONSULT_THIRD_PARTY = ("consult-third-party", "政府信息公开征求第三方意见书")
    CONSULT_AGENCY = ("consult-agency", "政府信息公开征求意见书")
    FEE = ("fee", "政府信息公开信息处理费收费通知书")
    ANSWER = ("answer", "政府信息公开申请答复书")

    def __init__(self, code: str, title: str) -> None:
        self.code = code
        self.title = title

    @classmethod
    def from_code(cls, text: str) -> DocumentKind:
        for kind in cls:
            if text in (kind.code, kind.title, kind.name.lower()):
                return kind
        names = {
            "受理回执": cls.RECEIPT, "补正告知书": cls.CORRECTION, "延期答复告知书": cls.EXTENSION,
            "征求第三方意见书": cls.CONSULT_THIRD_PARTY, "征求意见书": cls.CONSULT_AGENCY,
            "收费通知书": cls.FEE, "答复书": cls.ANSWER,
        }
        if text in names:
            return names[text]
        choices = "、".join(f"{k.code}（{k.title}）" for k in cls)
        raise InvalidStep(f"“{text}”不是可生成的文书；可选：{choices}")


class DocumentNotReady(RegisterError):
    """The case has no data yet for this letter (e.g. an 答复书 before the answer)."""


@dataclass(frozen=True)
class Letter:
    title: str
    number: str
    addressee: str
    paragraphs: tuple[str, ...]
    agency: str
    on: date

    @property
    def date_text(self) -> str:
        return f"{self.on.year}年{self.on.month}月{self.on.day}日"


def _d(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else FILL.format("日期")


def _request_line(state: CaseState) -> str:
    content = state.content or FILL.format("申请内容")
    submitted = state.submitted_on or state.received_on
    return f"您于{_d(submitted)}通过{state.channel.label}方式提出的政府信息公开申请（申请内容：{content}）"


def build_letter(state: CaseState, kind: DocumentKind, cal: WorkCalendar, *, agency: str = "", on: date | None = None) -> Letter:
    agency = agency or FILL.format("行政机关名称")
    paragraphs: list[str]
    if kind is DocumentKind.RECEIPT:
        # the deadline as it stood on receipt: no 补正, stop or extension yet
        due = deadline(cal, Period.ANSWER, state.received_on, "收到申请", count_start_day=state.count_start_day)
        paragraphs = [
            f"{_request_line(state)}，本机关已于{_d(state.received_on)}收到（{state.channel.basis}）。",
            f"本机关将依照{REGULATION}第三十三条的规定，自收到申请之日起20个工作日内（即{_d(due.due)}前）"
            "予以答复；需要延长答复期限的，将经政府信息公开工作机构负责人同意并告知您，延长的期限最长不超过20个工作日。"
            "征求第三方和其他机关意见所需时间不计算在上述期限内。",
        ]
        day = on or state.received_on
    elif kind is DocumentKind.CORRECTION:
        if state.correction_notice_on is None:
            raise DocumentNotReady("该申请没有“告知补正”的记录，请先登记告知补正步骤")
        paragraphs = [
            f"{_request_line(state)}，本机关已于{_d(state.received_on)}收到。经审查，您的申请内容不明确，"
            f"根据{REGULATION}第三十条的规定，请您对以下事项作出补正：",
            state.correction_items or FILL.format("需要补正的事项"),
            f"请于{_d(state.correction_deadline)}前将补正后的申请提交本机关。答复期限自本机关收到补正的申请之日起计算。"
            "您无正当理由逾期不补正的，视为放弃申请，本机关将不再处理该政府信息公开申请。",
        ]
        day = on or state.correction_notice_on
    elif kind is DocumentKind.EXTENSION:
        if not state.extensions:
            raise DocumentNotReady("该申请没有“延长答复期限”的记录，请先登记延长步骤")
        notice_on, days, approved_by = state.extensions[-1]
        extended = state.answer_deadline(cal)
        paragraphs = [
            f"{_request_line(state)}，本机关已于{_d(state.received_on)}收到。",
            f"因{FILL.format('延期理由')}，本机关不能在规定期限内作出答复。根据{REGULATION}第三十三条第二款的规定，"
            f"经政府信息公开工作机构负责人（{approved_by}）同意，答复期限延长{days}个工作日，"
            f"本机关将于{_d(extended.due if extended else None)}前作出答复。",
        ]
        day = on or notice_on
    elif kind in (DocumentKind.CONSULT_THIRD_PARTY, DocumentKind.CONSULT_AGENCY):
        party = EventKind.CONSULT_THIRD_PARTY if kind is DocumentKind.CONSULT_THIRD_PARTY else EventKind.CONSULT_AGENCY
        consultation = next((c for c in reversed(state.consultations) if c.party is party), None)
        if consultation is None:
            raise DocumentNotReady(f"该申请没有“{party.title}”的记录，请先登记该步骤")
        paragraphs = _consultation_text(state, consultation, party)
        day = on or consultation.sent_on
        return Letter(kind.title, state.number, consultation.addressee or FILL.format("被征求意见方"),
                      tuple(paragraphs), agency, day)
    elif kind is DocumentKind.FEE:
        fee = state.fees[-1] if state.fees else None
        if fee is None:
            raise DocumentNotReady("该申请没有“发出收费通知”的记录，请先登记收费通知步骤")
        paragraphs = [
            f"{_request_line(state)}，本机关已于{_d(state.received_on)}收到。",
            f"根据{REGULATION}第四十二条和{FEE_BASIS}的规定，您的申请需缴纳信息处理费，"
            f"按{fee.method.value}计收，计 {fee.units or FILL.format('件数或页数')} {'件' if fee.method is FeeMethod.BY_ITEM else '页'}，"
            f"金额为人民币 {fee.amount} 元。",
            f"请于{_d(fee.pay_by)}前缴纳{CHECK.format('缴费期限：系统按发出通知后20个工作日计算')}，"
            f"缴费方式：{FILL.format('缴费方式和账户')}。收费通知发出至缴费之间的时间不计算在答复期限内。"
            "您逾期未缴纳的，视为放弃申请，本机关将不再处理该政府信息公开申请。",
        ]
        day = on or fee.on
    else:
        if state.outcome is None or state.closed_on is None:
            raise DocumentNotReady("该申请尚未答复（没有“答复”的记录），不能生成答复书")
        basis = OUTCOME_BASIS[state.outcome]
        citation = f"根据{basis.citation}的规定，" if basis.citation else ""
        paragraphs = [
            f"{_request_line(state)}，本机关已于{_d(state.received_on)}收到。现答复如下：",
            f"{citation}{basis.decision}",
        ]
        if state.answer_note:
            paragraphs.append(state.answer_note)
        elif basis.decision.endswith("："):
            paragraphs.append(FILL.format("具体理由或获取途径"))
        paragraphs.append(REMEDY)
        day = on or state.closed_on
    return Letter(kind.title, state.number, state.applicant_name, tuple(paragraphs), agency, day)


def _consultation_text(state: CaseState, c: Consultation, party: EventKind) -> list[str]:
    content = state.content or FILL.format("申请内容")
    head = f"本机关于{_d(state.received_on)}收到政府信息公开申请，申请公开：{content}。"
    if party is EventKind.CONSULT_THIRD_PARTY:
        return [
            head + f"经审查，该信息的公开可能损害您的合法权益。根据{REGULATION}第三十二条的规定，现书面征求您的意见。",
            f"请于收到本意见书之日起{Period.CONSULTATION.working_days}个工作日内（即{_d(c.expires_on)}前）书面提出意见，"
            "并说明同意或者不同意公开的理由。逾期未提出意见的，由本机关依照条例的规定决定是否公开。"
            "不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，"
            "并将决定公开的政府信息内容和理由书面告知您。",
        ]
    return [
        head + f"该信息由贵机关与本机关共同制作。根据{REGULATION}第三十四条的规定，现征求贵机关的意见。",
        f"请于收到本意见书之日起{Period.CONSULTATION.working_days}个工作日内（即{_d(c.expires_on)}前）提出意见；"
        "逾期未提出意见的，视为同意公开。",
    ]


# ---------------------------------------------------------------------------------------------- rendering


def letter_to_docx(letter: Letter) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "宋体"
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    agency = doc.add_paragraph()
    agency.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = agency.add_run(letter.agency)
    run.font.size = Pt(18)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(letter.title)
    run.bold = True
    run.font.size = Pt(20)
    number = doc.add_paragraph()
    number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    number.add_run(f"编号：{letter.number}")
    doc.add_paragraph(f"{letter.addressee}：")
    for text in letter.paragraphs:
        p = doc.add_paragraph(text)
        p.paragraph_format.first_line_indent = Pt(28)
        p.paragraph_format.line_spacing = 1.5
    for text in (letter.agency, letter.date_text):
        p = doc.add_paragraph(text)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


CSS = """
@page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 15pt; line-height: 1.8; }
.agency { text-align: center; font-size: 20pt; margin: 0; }
h1 { text-align: center; font-size: 22pt; margin: 0.2em 0 0.6em; }
.number { text-align: right; }
p.body { text-indent: 2em; margin: 0.3em 0; text-align: justify; }
.sign { text-align: right; margin: 0.2em 0; }
.sign.first { margin-top: 2.5em; }
"""


def letter_to_html(letter: Letter) -> str:
    e = html.escape
    body = "\n".join(f'<p class="body">{e(t)}</p>' for t in letter.paragraphs)
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(letter.title)}</title>'
        f"<style>{CSS}</style></head><body>\n"
        f'<p class="agency">{e(letter.agency)}</p>\n<h1>{e(letter.title)}</h1>\n'
        f'<p class="number">编号：{e(letter.number)}</p>\n<p>{e(letter.addressee)}：</p>\n{body}\n'
        f'<p class="sign first">{e(letter.agency)}</p>\n<p class="sign">{e(letter.date_text)}</p>\n'
        "</body></html>\n"
    )


def letter_to_pdf(letter: Letter) -> bytes:
    try:
        from weasyprint import HTML
    except ImportError:
        raise RegisterError("生成 PDF 需要可选依赖：pip install 'gongkai[pdf]'") from None
    pdf: bytes = HTML(string=letter_to_html(letter)).write_pdf()
    return pdf


def write_letter(letter: Letter, path: Path, fmt: str | None = None) -> None:
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt == "docx":
        data = letter_to_docx(letter)
    elif fmt == "pdf":
        data = letter_to_pdf(letter)
    elif fmt in ("html", "htm"):
        data = letter_to_html(letter).encode("utf-8")
    else:
        raise RegisterError(f"文书格式“{fmt}”不支持：可选 docx、pdf、html")
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise RegisterError(f"无法写入《{path}》：{exc.strerror}") from None
