"""Letters from case data: content with dates and legal basis, DOCX and PDF that read back."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
import pytest
from docx import Document

from gongkai.model import FORM_2021, Applicant, Table3Row
from gongkai.register.basis import OUTCOME_BASIS
from gongkai.register.documents import (
    DocumentKind,
    DocumentNotReady,
    build_letter,
    letter_to_docx,
    letter_to_pdf,
)
from gongkai.register.ledger import NewRequest, Register
from gongkai.register.steps import Channel, EventKind

D = date.fromisoformat
AGENCY = "某某区人民政府办公室"


def test_every_outcome_has_a_legal_basis() -> None:
    assert set(OUTCOME_BASIS) == set(FORM_2021.outcome_rows)
    assert OUTCOME_BASIS[Table3Row.UNABLE_NEEDS_CREATION].citation == "《中华人民共和国政府信息公开条例》第三十八条"
    assert OUTCOME_BASIS[Table3Row.DENIED_THIRD_PARTY].citation == (
        "《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项"
    )
    assert "国办函〔2020〕109号" in OUTCOME_BASIS[Table3Row.OTHER_FEE_UNPAID].citation


@pytest.fixture
def case(register: Register) -> Register:
    rid = register.add(NewRequest("张三", Applicant.NATURAL_PERSON, Channel.INTERNET, D("2025-09-26"), D("2025-09-25"),
                                  content="某路段征收补偿方案"))
    register.step(rid, EventKind.CORRECTION_NOTICE, D("2025-09-29"), {"items": "请写明文件的文号", "deadline": "2025-10-20"})
    register.step(rid, EventKind.CORRECTION_RECEIVED, D("2025-10-09"))
    register.step(rid, EventKind.CONSULT_THIRD_PARTY, D("2025-10-10"), {"to": "某建设公司"})
    register.step(rid, EventKind.CONSULT_REPLY, D("2025-10-20"))
    register.step(rid, EventKind.EXTENSION, D("2025-10-27"), {"days": 20, "approved_by": "王主任"})
    register.step(rid, EventKind.FEE_NOTICE, D("2025-10-28"), {"method": "按量", "pages": 250})
    register.step(rid, EventKind.FEE_PAID, D("2025-10-30"))
    register.step(rid, EventKind.ANSWER, D("2025-11-10"), {"outcome": "（三）4"})
    return register


def test_letters_carry_the_case_data(case: Register) -> None:
    state = case.case(1)
    cal = case.calendar
    text = {k: "\n".join(build_letter(state, k, cal, agency=AGENCY).paragraphs) for k in DocumentKind
            if k is not DocumentKind.CONSULT_AGENCY}
    assert "2025年9月26日收到" in text[DocumentKind.RECEIPT]
    assert "即2025年10月30日前" in text[DocumentKind.RECEIPT]  # 20 WD from receipt (law.md §3.3)
    assert "请写明文件的文号" in text[DocumentKind.CORRECTION] and "2025年10月20日前" in text[DocumentKind.CORRECTION]
    assert "第三十条" in text[DocumentKind.CORRECTION]
    assert "王主任" in text[DocumentKind.EXTENSION] and "延长20个工作日" in text[DocumentKind.EXTENSION]
    assert "第三十二条" in text[DocumentKind.CONSULT_THIRD_PARTY] and "15个工作日" in text[DocumentKind.CONSULT_THIRD_PARTY]
    assert "4700 元" in text[DocumentKind.FEE] and "按量计收" in text[DocumentKind.FEE]
    answer = text[DocumentKind.ANSWER]
    assert "第十五条、第三十二条、第三十六条第（三）项" in answer and "行政复议" in answer
    letter = build_letter(state, DocumentKind.ANSWER, cal, agency=AGENCY)
    assert letter.on == D("2025-11-10") and letter.addressee == "张三" and letter.date_text == "2025年11月10日"
    with pytest.raises(DocumentNotReady, match="征求其他机关意见"):
        build_letter(state, DocumentKind.CONSULT_AGENCY, cal)


def test_answer_letter_needs_an_answer(register: Register) -> None:
    rid = register.add(NewRequest("李四", Applicant.NATURAL_PERSON, Channel.IN_PERSON, D("2025-03-03")))
    with pytest.raises(DocumentNotReady, match="尚未答复"):
        build_letter(register.case(rid), DocumentKind.ANSWER, register.calendar)


def test_docx_reads_back(case: Register) -> None:
    letter = build_letter(case.case(1), DocumentKind.ANSWER, case.calendar, agency=AGENCY)
    doc = Document(io.BytesIO(letter_to_docx(letter)))
    paragraphs = [p.text for p in doc.paragraphs]
    assert paragraphs[:3] == [AGENCY, "政府信息公开申请答复书", "编号：2025-00001"]
    assert "张三：" in paragraphs
    assert paragraphs[-1] == "2025年11月10日"


def test_pdf_has_the_text_in_cjk_fonts(case: Register) -> None:
    letter = build_letter(case.case(1), DocumentKind.FEE, case.calendar, agency=AGENCY)
    with pdfplumber.open(io.BytesIO(letter_to_pdf(letter))) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages).replace("\n", "")
        fonts = {c["fontname"] for c in pdf.pages[0].chars}
    assert "政府信息公开信息处理费收费通知书" in text and "4700" in text
    assert any("CJK" in f for f in fonts)


def test_unknown_document_kind() -> None:
    from gongkai.errors import InvalidStep

    with pytest.raises(InvalidStep, match="不是可生成的文书"):
        DocumentKind.from_code("判决书")
    assert DocumentKind.from_code("答复书") is DocumentKind.ANSWER


@pytest.mark.parametrize("outcome", FORM_2021.outcome_rows, ids=lambda r: r.key)
def test_answer_letter_for_every_outcome(register: Register, outcome: Table3Row) -> None:
    from gongkai.register.steps import outcome_code

    rid = register.add(NewRequest("王五", Applicant.NATURAL_PERSON, Channel.IN_PERSON, D("2025-03-03"), content="某信息"))
    if outcome in (Table3Row.OTHER_NO_CORRECTION, Table3Row.UNABLE_STILL_UNCLEAR):
        register.step(rid, EventKind.CORRECTION_NOTICE, D("2025-03-04"), {"deadline": "2025-03-14"})
        if outcome is Table3Row.UNABLE_STILL_UNCLEAR:
            register.step(rid, EventKind.CORRECTION_RECEIVED, D("2025-03-10"))
    if outcome is Table3Row.OTHER_FEE_UNPAID:
        register.step(rid, EventKind.FEE_NOTICE, D("2025-03-04"), {"method": "按量", "pages": 60})
    register.step(rid, EventKind.ANSWER, D("2025-04-15"), {"outcome": outcome_code(outcome)})
    letter = build_letter(register.case(rid), DocumentKind.ANSWER, register.calendar, agency=AGENCY)
    text = "\n".join(letter.paragraphs)
    basis = OUTCOME_BASIS[outcome]
    assert basis.decision in text
    assert (basis.citation in text) if basis.articles else ("根据" not in text.split("\n")[1])
    assert letter.on == D("2025-04-15")
