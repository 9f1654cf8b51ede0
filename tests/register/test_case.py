"""The request state machine through the register: each step, the clock, and every refused step."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from gongkai.errors import InvalidStep
from gongkai.model import Applicant, Table3Row, Table4Column, Table4Group
from gongkai.register.case import State
from gongkai.register.ledger import NewRequest, Register, receipt_day
from gongkai.register.steps import Channel, EventKind, parse_outcome
from gongkai.store import EventRow

D = date.fromisoformat


def _add(register: Register, received: str = "2025-03-03", who: str = "张三",
         kind: Applicant = Applicant.NATURAL_PERSON) -> int:
    return register.add(NewRequest(who, kind, Channel.IN_PERSON, D(received), content="某项目环评批复"))


def _events(register: Register) -> int:
    with register.store.session() as s:
        return int(s.scalar(select(func.count()).select_from(EventRow)) or 0)


# -- receipt day (条例第三十一条) ------------------------------------------------------------------


def test_receipt_day_by_channel() -> None:
    assert receipt_day(Channel.IN_PERSON, D("2025-03-03"), None) == D("2025-03-03")
    assert receipt_day(Channel.MAIL_SIGNED, D("2025-03-01"), D("2025-03-04")) == D("2025-03-04")
    assert receipt_day(Channel.INTERNET, D("2025-03-01"), D("2025-03-05")) == D("2025-03-05")
    with pytest.raises(InvalidStep, match="以与申请人确认之日为收到申请之日"):
        receipt_day(Channel.MAIL_PLAIN, D("2025-03-01"), None)
    with pytest.raises(InvalidStep, match="早于提交日期"):
        receipt_day(Channel.FAX, D("2025-03-05"), D("2025-03-04"))


# -- the clock --------------------------------------------------------------------------------------


def test_correction_restarts_the_clock(register: Register) -> None:
    rid = _add(register)
    state = register.step(rid, EventKind.CORRECTION_NOTICE, D("2025-03-05"), {"items": "请写明文号"})
    assert state.state is State.AWAITING_CORRECTION
    assert state.answer_deadline(register.calendar) is None  # no clock while waiting for the 补正
    state = register.step(rid, EventKind.CORRECTION_RECEIVED, D("2025-03-20"))
    d = state.answer_deadline(register.calendar, explain=True)
    # hand count from 3/20: 3/21 (1), 3/24–28 (6), 3/31 (7), 4/1–3 (10), 4/4 清明, 4/7–11 (15), 4/14–18 (20)
    assert d is not None and d.due == D("2025-04-18")
    assert d.explanation()[1] == "2025-03-20 周四 收到补正（第 0 日，不计入）"


def test_consultation_stops_and_extension_adds(register: Register) -> None:
    rid = _add(register, "2025-09-26")
    state = register.step(rid, EventKind.CONSULT_THIRD_PARTY, D("2025-10-09"), {"to": "某公司"})
    assert state.state is State.CONSULTING
    state = register.step(rid, EventKind.CONSULT_REPLY, D("2025-10-15"))
    # 10/10, 10/11 (调休上班), 10/13, 10/14, 10/15 stopped: 2025-10-30 + 5 WD
    d = state.answer_deadline(register.calendar, explain=True)
    assert d is not None and d.due == D("2025-11-06")
    assert "2025-10-11 周六 停止计算：征求第三方意见（2025-10-09 发出）" in d.explanation()
    state = register.step(rid, EventKind.EXTENSION, D("2025-10-20"), {"days": 20, "approved_by": "李主任"})
    d = state.answer_deadline(register.calendar)
    assert d is not None and d.due == D("2025-12-04") and d.title == "延长后的答复期限"


def test_unanswered_consultation_stops_at_most_15_working_days(register: Register) -> None:
    rid = _add(register, "2025-03-03")
    state = register.step(rid, EventKind.CONSULT_AGENCY, D("2025-03-03"), {"to": "市自然资源局"})
    # nothing back: 15 WD stopped (3/4–3/24), then 20 WD from 3/25: 3/25–28 (4), 3/31–4/3 (8), 4/7–11 (13),
    # 4/14–18 (18), 4/21 (19), 4/22 (20)
    d = state.answer_deadline(register.calendar)
    assert d is not None and d.due == D("2025-04-22")


def test_fee_notice_computes_the_amount_and_stops_the_clock(register: Register) -> None:
    rid = _add(register)
    state = register.step(rid, EventKind.FEE_NOTICE, D("2025-03-05"), {"method": "按量", "pages": 250})
    assert state.fees[0].amount == 4700
    assert state.state is State.AWAITING_FEE
    d = state.answer_deadline(register.calendar)
    assert d is not None and d.due is None
    with pytest.raises(InvalidStep, match="收费通知尚未缴费"):
        register.step(rid, EventKind.ANSWER, D("2025-03-10"), {"outcome": "（一）"})
    state = register.step(rid, EventKind.FEE_PAID, D("2025-03-12"))
    assert state.fees[0].paid_amount == 4700
    # 3/6–3/12 = 5 WD stopped: 3/31 + 5 WD = 4/8 (4/4 清明)
    d = state.answer_deadline(register.calendar)
    assert d is not None and d.due == D("2025-04-08")


def test_fee_by_items_counts_the_applicants_month(register: Register) -> None:
    ids = [_add(register, f"2025-03-{day:02d}", who="王五") for day in (3, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 17)]
    _add(register, "2025-03-17", who="赵六")  # another applicant does not count
    state = register.step(ids[10], EventKind.FEE_NOTICE, D("2025-03-18"), {"method": "按件"})
    assert state.fees[0].amount == 100  # the 11th application this month
    with pytest.raises(InvalidStep, match="金额应大于 0 元"):
        register.step(ids[0], EventKind.FEE_NOTICE, D("2025-03-18"), {"method": "按件"})


def test_unpaid_fee_closes_as_six_two(register: Register) -> None:
    rid = _add(register)
    state = register.step(rid, EventKind.FEE_NOTICE, D("2025-03-05"), {"method": "按量", "pages": 100})
    pay_by = state.fees[0].pay_by
    with pytest.raises(InvalidStep, match=rf"缴费期限 {pay_by.isoformat()} 尚未届满"):
        register.step(rid, EventKind.FEE_LAPSED, pay_by)
    state = register.step(rid, EventKind.FEE_LAPSED, register.calendar.nth_after(pay_by, 1))
    assert state.outcome is Table3Row.OTHER_FEE_UNPAID


def test_no_correction_closes_as_six_one(register: Register) -> None:
    rid = _add(register)
    register.step(rid, EventKind.CORRECTION_NOTICE, D("2025-03-05"), {"deadline": "2025-03-20"})
    with pytest.raises(InvalidStep, match="补正期限 2025-03-20 尚未届满"):
        register.step(rid, EventKind.CORRECTION_LAPSED, D("2025-03-20"))
    with pytest.raises(InvalidStep, match="正在等待申请人补正"):
        register.step(rid, EventKind.ANSWER, D("2025-03-10"), {"outcome": "（一）予以公开"})
    state = register.step(rid, EventKind.CORRECTION_LAPSED, D("2025-03-21"))
    assert state.outcome is Table3Row.OTHER_NO_CORRECTION and state.closed_on == D("2025-03-21")


def test_late_correction_notice_is_recorded_with_a_warning(register: Register) -> None:
    rid = _add(register)  # +7 WD = 2025-03-12
    state = register.step(rid, EventKind.CORRECTION_NOTICE, D("2025-03-14"))
    assert state.warnings == ["补正告知于 2025-03-14 发出，晚于收到申请后 7 个工作日（2025-03-12，条例第三十条）"]


# -- refused steps --------------------------------------------------------------------------------


def test_answer_before_receipt_is_refused(register: Register) -> None:
    rid = _add(register, "2025-03-03")
    before = _events(register)
    with pytest.raises(InvalidStep) as err:
        register.step(rid, EventKind.ANSWER, D("2025-03-01"), {"outcome": "（一）"})
    assert str(err.value) == "答复的日期 2025-03-01 早于收到申请之日 2025-03-03"
    assert _events(register) == before  # nothing written


def test_second_extension_beyond_20_is_refused(register: Register) -> None:
    rid = _add(register)
    register.step(rid, EventKind.EXTENSION, D("2025-03-10"), {"days": 15, "approved_by": "李主任"})
    with pytest.raises(InvalidStep) as err:
        register.step(rid, EventKind.EXTENSION, D("2025-03-11"), {"days": 10, "approved_by": "李主任"})
    assert str(err.value) == (
        "延长答复期限合计不得超过 20 个工作日（条例第三十三条第二款）；已延长 15 个工作日，本次申请延长 10 个工作日"
    )
    state = register.step(rid, EventKind.EXTENSION, D("2025-03-11"), {"days": 5, "approved_by": "李主任"})
    assert state.extension_days == 20


def test_extension_needs_approval_and_must_come_in_time(register: Register) -> None:
    rid = _add(register)
    with pytest.raises(InvalidStep, match="须经政府信息公开工作机构负责人同意"):
        register.step(rid, EventKind.EXTENSION, D("2025-03-10"), {"days": 20})
    with pytest.raises(InvalidStep, match="答复期限已于 2025-03-31 届满"):
        register.step(rid, EventKind.EXTENSION, D("2025-04-01"), {"days": 20, "approved_by": "李主任"})


@pytest.mark.parametrize(
    ("outcome", "message"),
    [
        ("（七）总计", "是表三的“（七）总计”行，不是办理结果"),
        ("一、本年新收政府信息公开申请数量", "不是办理结果"),
        ("四、结转下年度继续办理", "不是办理结果"),
        ("（六）其他处理", "是 2019 年版表格的合并行"),
        ("不予公开", "是表三的一组，请选其中具体的一行：（三）1属于国家秘密"),
        ("待定", "不是表三的办理结果行；可选：（一）予以公开"),
    ],
)
def test_outcome_must_be_a_table3_outcome_row(register: Register, outcome: str, message: str) -> None:
    rid = _add(register)
    with pytest.raises(InvalidStep, match=message):
        register.step(rid, EventKind.ANSWER, D("2025-03-10"), {"outcome": outcome})


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("（三）1", Table3Row.DENIED_STATE_SECRET),
        ("(三)4", Table3Row.DENIED_THIRD_PARTY),
        ("（一）予以公开", Table3Row.GRANTED),
        ("三、(四)1.本机关不掌握相关政府信息", Table3Row.UNABLE_NOT_HELD),
        ("（五）不予处理 2.重复申请", Table3Row.REFUSED_REPEATED),
        ("OTHER_OTHER", Table3Row.OTHER_OTHER),
        ("予以公开", Table3Row.GRANTED),
        ("属于行政执法案卷", Table3Row.DENIED_ENFORCEMENT_FILE),
        ("信息不存在", Table3Row.UNABLE_NOT_HELD),
        ("申请人撤回", Table3Row.OTHER_OTHER),
    ],
)
def test_outcome_spellings(text: str, row: Table3Row) -> None:
    assert parse_outcome(text) is row


def test_still_unclear_needs_a_received_correction(register: Register) -> None:
    rid = _add(register)
    with pytest.raises(InvalidStep, match="须先有告知补正和收到补正的记录"):
        register.step(rid, EventKind.ANSWER, D("2025-03-10"), {"outcome": "（四）3"})


def test_steps_on_a_closed_request_are_refused(register: Register) -> None:
    rid = _add(register)
    register.step(rid, EventKind.ANSWER, D("2025-03-10"), {"outcome": "（一）"})
    with pytest.raises(InvalidStep) as err:
        register.step(rid, EventKind.EXTENSION, D("2025-03-11"), {"days": 5, "approved_by": "李主任"})
    assert str(err.value) == "申请已于 2025-03-10 办结（（一）），不能再登记“延长答复期限”"


def test_dates_going_backwards_are_refused(register: Register) -> None:
    rid = _add(register)
    register.step(rid, EventKind.CONSULT_THIRD_PARTY, D("2025-03-10"))
    with pytest.raises(InvalidStep, match="早于上一步的日期 2025-03-10"):
        register.step(rid, EventKind.CONSULT_REPLY, D("2025-03-07"))


def test_second_correction_notice_is_refused(register: Register) -> None:
    rid = _add(register)
    register.step(rid, EventKind.CORRECTION_NOTICE, D("2025-03-05"))
    register.step(rid, EventKind.CORRECTION_RECEIVED, D("2025-03-07"))
    with pytest.raises(InvalidStep, match="补正应一次性告知"):
        register.step(rid, EventKind.CORRECTION_NOTICE, D("2025-03-10"))


# -- 复议 and 诉讼 ------------------------------------------------------------------------------------


def test_suit_after_review_needs_a_review(register: Register) -> None:
    rid = _add(register)
    register.step(rid, EventKind.ANSWER, D("2025-03-10"), {"outcome": "（四）1"})
    with pytest.raises(InvalidStep) as err:
        register.step(rid, EventKind.SUIT_FILED, D("2025-04-01"), {"group": Table4Group.SUIT_AFTER_REVIEW.name})
    assert str(err.value) == "没有行政复议的记录，不能登记“复议后起诉”"
    register.step(rid, EventKind.REVIEW_FILED, D("2025-04-01"), {"body": "区人民政府"})
    with pytest.raises(InvalidStep, match="应登记为“复议后起诉”"):
        register.step(rid, EventKind.SUIT_FILED, D("2025-04-02"), {"group": Table4Group.SUIT_DIRECT.name})
    with pytest.raises(InvalidStep, match="不是行政复议、行政诉讼的结果"):
        register.step(rid, EventKind.REVIEW_DECIDED, D("2025-05-20"), {"result": Table4Column.PENDING.label})
    register.step(rid, EventKind.REVIEW_DECIDED, D("2025-05-20"), {"result": "结果维持"})
    state = register.step(rid, EventKind.SUIT_FILED, D("2025-06-01"), {"group": Table4Group.SUIT_AFTER_REVIEW.name})
    assert state.suit is not None and state.suit.group is Table4Group.SUIT_AFTER_REVIEW


def test_review_of_an_open_request_only_after_the_deadline(register: Register) -> None:
    rid = _add(register)  # answer due 2025-03-31
    with pytest.raises(InvalidStep, match="尚未答复且答复期限未届满"):
        register.step(rid, EventKind.REVIEW_FILED, D("2025-03-20"))
    state = register.step(rid, EventKind.REVIEW_FILED, D("2025-04-02"))  # challenging the failure to answer
    assert state.review is not None and not state.closed


# -- corrections of the record -------------------------------------------------------------------


def test_void_reopens_and_keeps_the_timeline(register: Register) -> None:
    rid = _add(register)
    register.step(rid, EventKind.ANSWER, D("2025-03-10"), {"outcome": "（一）"})
    answer_id = register.timeline(rid)[-1].event.id
    state = register.step(rid, EventKind.VOIDED, D("2025-03-11"), {"target": answer_id, "reason": "误登记"})
    assert not state.closed and state.state is State.OPEN
    timeline = register.timeline(rid)
    assert [t.event.kind for t in timeline] == [EventKind.RECEIVED, EventKind.ANSWER, EventKind.VOIDED]
    assert timeline[1].voided_by == timeline[2].event.id
    with pytest.raises(InvalidStep, match="已经作废"):
        register.step(rid, EventKind.VOIDED, D("2025-03-11"), {"target": answer_id})
    with pytest.raises(InvalidStep, match="“收到申请”这条记录不能作废"):
        register.step(rid, EventKind.VOIDED, D("2025-03-11"), {"target": timeline[0].event.id})
    state = register.step(rid, EventKind.ANSWER, D("2025-03-12"), {"outcome": "（二）"})
    assert state.outcome is Table3Row.PARTLY_GRANTED


def test_amend_moves_the_request_to_another_column(register: Register) -> None:
    rid = _add(register)
    register.step(rid, EventKind.AMENDED, D("2025-03-04"), {"applicant": Applicant.LEGAL_SERVICE.name,
                                                             "applicant_name": "某律师事务所"})
    assert register.case(rid).applicant is Applicant.LEGAL_SERVICE
    [row] = register.requests()
    assert row.applicant.kind == Applicant.LEGAL_SERVICE.name


def test_unknown_request(register: Register) -> None:
    from gongkai.register.ledger import UnknownRequest

    with pytest.raises(UnknownRequest, match="没有申请“2025-99999”"):
        register.case("2025-99999")


# -- due -------------------------------------------------------------------------------------------


def test_due_lists_soon_and_overdue(register: Register) -> None:
    a = _add(register, "2025-03-03", who="甲")  # answer due 2025-03-31
    b = _add(register, "2025-03-24", who="乙")  # answer due 2025-04-22
    register.step(b, EventKind.ANSWER, D("2025-03-25"), {"outcome": "（一）"})
    c = _add(register, "2025-03-25", who="丙")  # answer due 2025-04-23 (far), correction notice due 4/3
    items = register.due(D("2025-04-02"), within=3)
    answer = [i for i in items if i.request_id == a]
    assert len(answer) == 1 and answer[0].due == D("2025-03-31") and answer[0].overdue
    assert answer[0].working_days_left == -2
    assert not [i for i in items if i.request_id == b]
    assert [(i.what, i.due) for i in items if i.request_id == c] == [("补正告知最后一日（如需补正）", D("2025-04-03"))]


def test_new_arrangement_moves_open_deadlines(register: Register) -> None:
    from gongkai.register.calendar import Arrangement

    rid = _add(register, "2026-12-20")
    [row] = register.requests()
    assert row.answer_due == D("2027-01-15")  # 2027 presumed Monday–Friday
    register.add_arrangements([Arrangement(2027, {D("2027-01-01"): "元旦"}, {})], source="测试")
    [row] = register.requests()
    assert row.answer_due == D("2027-01-18")
    # and a register opened later reads the stored arrangement back
    again = Register(register.store)
    assert again.case(rid).answer_deadline(again.calendar).due == D("2027-01-18")


def test_amend_the_receipt_date_moves_every_deadline_and_the_year(register: Register) -> None:
    from gongkai.register.annual import tables_for_year

    rid = _add(register, "2025-01-02")  # typed wrongly: it arrived on 2024-12-30
    state = register.step(rid, EventKind.AMENDED, D("2025-01-03"), {"received_on": "2024-12-30", "note": "录入错误"})
    assert state.received_on == D("2024-12-30")
    d = state.answer_deadline(register.calendar)
    assert d is not None and d.start == D("2024-12-30")
    [row] = register.requests()
    assert row.received_on == D("2024-12-30") and row.answer_due == d.due
    t3, _ = tables_for_year(register.store, 2024)
    assert t3.number(Table3Row.NEW_RECEIVED, Applicant.NATURAL_PERSON) == 1
    with pytest.raises(InvalidStep, match="更正登记信息只能更正"):
        register.step(rid, EventKind.AMENDED, D("2025-01-03"), {"outcome": "（一）"})


def test_void_that_breaks_the_timeline_is_refused(register: Register) -> None:
    rid = _add(register)
    register.step(rid, EventKind.ANSWER, D("2025-03-10"), {"outcome": "（一）"})
    register.step(rid, EventKind.REVIEW_FILED, D("2025-03-20"))  # before the deadline of 2025-03-31
    answer_id = register.timeline(rid)[1].event.id
    with pytest.raises(InvalidStep, match=f"作废第 {answer_id} 条记录后，时间轴不再成立：申请尚未答复且答复期限未届满"):
        register.step(rid, EventKind.VOIDED, D("2025-03-20"), {"target": answer_id})


def test_working_days_used_so_far(register: Register) -> None:
    rid = _add(register, "2025-03-03")
    register.step(rid, EventKind.CONSULT_THIRD_PARTY, D("2025-03-05"))
    state = register.step(rid, EventKind.CONSULT_REPLY, D("2025-03-10"))
    # counted: 3/4, 3/5 (sent), then 3/11–3/14 after the reply; 3/6, 3/7, 3/10 stopped
    assert state.elapsed(register.calendar, D("2025-03-14")) == 6
    assert state.elapsed(register.calendar, D("2025-03-07")) == 2


def test_amend_the_receipt_date_to_a_later_day(register: Register) -> None:
    rid = _add(register, "2025-01-02")  # the letter was signed for on 2025-01-06, recorded early by mistake
    state = register.step(rid, EventKind.AMENDED, D("2025-01-03"), {"received_on": "2025-01-06"})
    assert state.received_on == D("2025-01-06")
    with pytest.raises(InvalidStep, match="早于收到申请之日 2025-01-06"):
        register.step(rid, EventKind.ANSWER, D("2025-01-05"), {"outcome": "（一）"})
