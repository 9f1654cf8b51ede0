"""A request's state, derived by folding its event log; every step is checked against the 条例 first.

The state machine (``../shared/spec/law.md`` §2)::

    收到申请 ─┬─ 告知补正 (≤ 7 WD, once) ─┬─ 收到补正 ─▶ the answer clock restarts from that day
             │                           └─ 期满未补正 ─▶ closed 表三 （六）1 (2019: （六）)
             ├─ 征求第三方意见 / 征求其他机关意见 (15 WD each; the answer clock stops meanwhile)
             ├─ 延长答复期限 (approved by the 负责人, notified; at most 20 WD in all, before the deadline)
             ├─ 收费通知 ─┬─ 缴费 ─▶ the clock runs again
             │           └─ 期满未缴费 ─▶ closed 表三 （六）2
             ├─ 撤回 ─▶ closed 表三 （六）3
             └─ 答复 (exactly one 表三 outcome row) ─▶ closed
    closed ─▶ 行政复议 ─▶ 复议决定;  行政诉讼 (未经复议直接起诉 | 复议后起诉) ─▶ 裁判   (表四)

``CaseState.apply`` raises :class:`gongkai.errors.InvalidStep` with the reason in Chinese; nothing else
changes the state, so a log that folds is a log the law allows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from gongkai.errors import InvalidStep
from gongkai.model import Applicant, Table3Row, Table4Column, Table4Group
from gongkai.register.calendar import WorkCalendar
from gongkai.register.deadlines import Deadline, Period, Stop, deadline, due_date, merged_spans
from gongkai.register.fees import FeeMethod, parse_method
from gongkai.register.steps import AFTER_CLOSE, Channel, EventKind, outcome_code, parse_outcome, parse_result

#: 补正期限 given to the applicant when the clerk names none (the 条例 says only "合理的补正期限").
DEFAULT_CORRECTION_WORKING_DAYS = 15


class State(StrEnum):
    OPEN = "办理中"
    AWAITING_CORRECTION = "等待补正"
    CONSULTING = "征求意见中"
    AWAITING_FEE = "等待缴费"
    CLOSED = "已办结"


@dataclass(frozen=True)
class Event:
    """One entry of the 时间轴 as the fold sees it."""

    id: int
    kind: EventKind
    on: date
    payload: dict[str, Any] = field(default_factory=dict)
    recorded_by: str = ""


@dataclass
class Consultation:
    party: EventKind  # CONSULT_THIRD_PARTY or CONSULT_AGENCY
    sent_on: date
    expires_on: date  # 15 WD after sending
    reply_on: date | None = None
    addressee: str = ""

    def stop(self) -> Stop:
        until = self.expires_on if self.reply_on is None else min(self.reply_on, self.expires_on)
        return Stop(self.sent_on, until, f"{self.party.title}（{self.sent_on.isoformat()} 发出）")


@dataclass
class FeeNotice:
    on: date
    method: FeeMethod
    amount: int
    pay_by: date
    units: int
    paid_on: date | None = None
    paid_amount: int = 0

    def stop(self) -> Stop:
        return Stop(self.on, self.paid_on, f"等待缴纳信息处理费（{self.on.isoformat()} 发出收费通知）")


@dataclass
class Challenge:
    """A 行政复议 or 行政诉讼 against the answer (or the failure to answer)."""

    group: Table4Group
    filed_on: date
    body: str = ""
    decided_on: date | None = None
    result: Table4Column | None = None


@dataclass
class CaseState:
    """Everything the event log says about one request."""

    number: str
    applicant_name: str
    applicant: Applicant
    channel: Channel
    received_on: date
    submitted_on: date | None
    content: str
    requested_form: str
    count_start_day: bool = False
    clock_start: date = date.min
    clock_event: str = "收到申请"
    correction_notice_on: date | None = None
    correction_deadline: date | None = None
    correction_items: str = ""
    correction_received_on: date | None = None
    consultations: list[Consultation] = field(default_factory=list)
    extensions: list[tuple[date, int, str]] = field(default_factory=list)
    fees: list[FeeNotice] = field(default_factory=list)
    outcome: Table3Row | None = None
    closed_on: date | None = None
    answer_note: str = ""
    review: Challenge | None = None
    suit: Challenge | None = None
    last_on: date = date.min
    warnings: list[str] = field(default_factory=list)

    # -- derived ---------------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        return self.outcome is not None

    @property
    def extension_days(self) -> int:
        return sum(days for _, days, _ in self.extensions)

    @property
    def state(self) -> State:
        if self.closed:
            return State.CLOSED
        if self.correction_notice_on and not self.correction_received_on:
            return State.AWAITING_CORRECTION
        if any(f.paid_on is None for f in self.fees):
            return State.AWAITING_FEE
        if any(c.reply_on is None and c.expires_on >= self.last_on for c in self.consultations):
            return State.CONSULTING
        return State.OPEN

    def stops(self) -> list[Stop]:
        return [*(c.stop() for c in self.consultations), *(f.stop() for f in self.fees)]

    def elapsed(self, cal: WorkCalendar, today: date) -> int | None:
        """Working days of the answer clock used up by ``today`` (stopped days left out); None while no
        clock runs (waiting for a 补正) or after closing."""
        if self.closed or (self.correction_notice_on and not self.correction_received_on):
            return None
        used = cal.count(self.clock_start, today)
        for after, until in merged_spans(self.stops()):
            used -= cal.count(max(after, self.clock_start), min(until or today, today))
        return max(0, used)

    def answer_deadline(self, cal: WorkCalendar, *, explain: bool = False) -> Deadline | None:
        """The answer deadline now (None while waiting for a 补正: the clock has not restarted)."""
        if self.correction_notice_on and not self.correction_received_on:
            return None
        title = "延长后的答复期限" if self.extensions else Period.ANSWER.title
        return deadline(
            cal,
            Period.ANSWER,
            self.clock_start,
            self.clock_event,
            working_days=Period.ANSWER.working_days + self.extension_days,
            stops=self.stops(),
            count_start_day=self.count_start_day,
            explain=explain,
            title=title,
        )

    def correction_notice_deadline(self, cal: WorkCalendar, *, explain: bool = False) -> Deadline:
        return deadline(
            cal, Period.CORRECTION_NOTICE, self.received_on, "收到申请", count_start_day=self.count_start_day,
            explain=explain,
        )

    def open_fee(self) -> FeeNotice | None:
        return next((f for f in self.fees if f.paid_on is None), None)

    # -- the fold --------------------------------------------------------------------------------

    def apply(self, ev: Event, cal: WorkCalendar) -> None:
        """Apply one event, or raise InvalidStep saying why the 条例 or the state does not allow it."""
        kind = ev.kind
        if kind in (EventKind.VOIDED, EventKind.RECEIVED):
            return  # handled by fold(): a void removes its target before folding; receipt starts the fold
        if kind is EventKind.AMENDED:
            self._amend(ev)  # dated when the record is corrected, which may precede a corrected receipt
            return
        if ev.on < self.received_on:
            raise InvalidStep(
                f"{kind.title}的日期 {ev.on.isoformat()} 早于收到申请之日 {self.received_on.isoformat()}"
            )
        if ev.on < self.last_on:
            raise InvalidStep(f"{kind.title}的日期 {ev.on.isoformat()} 早于上一步的日期 {self.last_on.isoformat()}")
        if self.closed and kind not in AFTER_CLOSE:
            assert self.outcome is not None and self.closed_on is not None
            raise InvalidStep(
                f"申请已于 {self.closed_on.isoformat()} 办结（{outcome_code(self.outcome)}），不能再登记“{kind.title}”"
            )
        handler = _HANDLERS[kind]
        handler(self, ev, cal)
        self.last_on = max(self.last_on, ev.on)

    def _amend(self, ev: Event) -> None:
        p = ev.payload
        if "content" in p:
            self.content = str(p["content"])
        if "requested_form" in p:
            self.requested_form = str(p["requested_form"])
        if "applicant_name" in p:
            self.applicant_name = str(p["applicant_name"])
        if "applicant" in p:
            self.applicant = Applicant[str(p["applicant"])]

    def _close(self, ev: Event, outcome: Table3Row, note: str = "") -> None:
        self.outcome, self.closed_on, self.answer_note = outcome, ev.on, note

    # handlers ------------------------------------------------------------------------------------

    def _correction_notice(self, ev: Event, cal: WorkCalendar) -> None:
        if self.correction_notice_on is not None:
            raise InvalidStep(
                f"已于 {self.correction_notice_on.isoformat()} 告知补正；补正应一次性告知（条例第三十条），不能再次告知"
            )
        limit = self.correction_notice_deadline(cal).due
        if limit is not None and ev.on > limit:
            self.warnings.append(
                f"补正告知于 {ev.on.isoformat()} 发出，晚于收到申请后 7 个工作日（{limit.isoformat()}，条例第三十条）"
            )
        self.correction_notice_on = ev.on
        self.correction_items = str(ev.payload.get("items", ""))
        raw = ev.payload.get("deadline")
        if raw:
            try:
                self.correction_deadline = date.fromisoformat(str(raw))
            except ValueError:
                raise InvalidStep(f"补正期限“{raw}”不是 YYYY-MM-DD 格式的日期") from None
            if self.correction_deadline <= ev.on:
                raise InvalidStep(f"补正期限 {self.correction_deadline.isoformat()} 应晚于告知补正之日 {ev.on.isoformat()}")
        else:
            self.correction_deadline = due_date(cal, ev.on, DEFAULT_CORRECTION_WORKING_DAYS)

    def _correction_received(self, ev: Event, cal: WorkCalendar) -> None:
        if self.correction_notice_on is None:
            raise InvalidStep("没有告知补正的记录，不能登记收到补正")
        if self.correction_received_on is not None:
            raise InvalidStep(f"已于 {self.correction_received_on.isoformat()} 收到补正")
        if self.correction_deadline and ev.on > self.correction_deadline:
            self.warnings.append(
                f"补正于 {ev.on.isoformat()} 收到，已过补正期限 {self.correction_deadline.isoformat()}（申请人须有正当理由）"
            )
        self.correction_received_on = ev.on
        # 条例第三十条: 答复期限自行政机关收到补正的申请之日起计算
        self.clock_start, self.clock_event = ev.on, "收到补正"

    def _correction_lapsed(self, ev: Event, cal: WorkCalendar) -> None:
        self._check_lapse(ev)
        self._close(ev, Table3Row.OTHER_NO_CORRECTION, str(ev.payload.get("note", "")))

    def _check_lapse(self, ev: Event) -> None:
        if self.correction_notice_on is None or self.correction_received_on is not None:
            raise InvalidStep("只有告知补正后未收到补正的申请，才能按逾期未补正处理（表三（六）1）")
        assert self.correction_deadline is not None
        if ev.on <= self.correction_deadline:
            raise InvalidStep(
                f"补正期限 {self.correction_deadline.isoformat()} 尚未届满，不能按逾期未补正处理"
            )

    def _consult(self, ev: Event, cal: WorkCalendar) -> None:
        self._require_running(ev)
        expires = due_date(cal, ev.on, Period.CONSULTATION.working_days)
        assert expires is not None
        self.consultations.append(Consultation(ev.kind, ev.on, expires, None, str(ev.payload.get("to", ""))))

    def _consult_reply(self, ev: Event, cal: WorkCalendar) -> None:
        wanted = ev.payload.get("party")
        pending = [
            c for c in self.consultations
            if c.reply_on is None and (wanted is None or c.party.code == wanted or c.party.title == wanted)
        ]
        if not pending:
            raise InvalidStep("没有等待答复的征求意见，不能登记收到意见")
        consultation = pending[0]
        consultation.reply_on = ev.on
        if ev.on > consultation.expires_on:
            self.warnings.append(
                f"{consultation.party.title}的意见于 {ev.on.isoformat()} 收到，已过 15 个工作日期限 "
                f"{consultation.expires_on.isoformat()}；计时自期限届满次日恢复"
            )

    def _extension(self, ev: Event, cal: WorkCalendar) -> None:
        self._require_running(ev)
        days = _int(ev, "days", Period.EXTENSION.working_days)
        approved_by = str(ev.payload.get("approved_by", "")).strip()
        if days < 1:
            raise InvalidStep(f"延长的工作日数应至少为 1，收到 {days}")
        if self.extension_days + days > Period.EXTENSION.working_days:
            already = f"已延长 {self.extension_days} 个工作日，" if self.extensions else ""
            raise InvalidStep(
                f"延长答复期限合计不得超过 {Period.EXTENSION.working_days} 个工作日（条例第三十三条第二款）；"
                f"{already}本次申请延长 {days} 个工作日"
            )
        if not approved_by:
            raise InvalidStep("延长答复期限须经政府信息公开工作机构负责人同意（条例第三十三条第二款）：请填写批准人")
        current = self.answer_deadline(cal)
        if current is not None and current.due is not None and ev.on > current.due:
            raise InvalidStep(
                f"答复期限已于 {current.due.isoformat()} 届满，{ev.on.isoformat()} 不能再延长；延长须在期限内告知申请人"
            )
        self.extensions.append((ev.on, days, approved_by))

    def _fee_notice(self, ev: Event, cal: WorkCalendar) -> None:
        self._require_running(ev)
        if self.open_fee() is not None:
            raise InvalidStep("已有未缴费的收费通知，不能再发收费通知")
        method = parse_method(ev.payload.get("method", FeeMethod.BY_VOLUME.value))
        amount = _int(ev, "amount", 0)
        if amount <= 0:
            raise InvalidStep("收费通知的金额应大于 0 元（按量 30 页以下、按件每月 10 件以下不收费）")
        pay_by = due_date(cal, ev.on, Period.FEE_PAYMENT.working_days)
        assert pay_by is not None
        self.fees.append(FeeNotice(ev.on, method, amount, pay_by, _int(ev, "units", 0)))

    def _fee_paid(self, ev: Event, cal: WorkCalendar) -> None:
        fee = self.open_fee()
        if fee is None:
            raise InvalidStep("没有未缴费的收费通知，不能登记缴费")
        fee.paid_on = ev.on
        fee.paid_amount = _int(ev, "amount", fee.amount)

    def _fee_lapsed(self, ev: Event, cal: WorkCalendar) -> None:
        self._check_fee_lapse(ev)
        self._close(ev, Table3Row.OTHER_FEE_UNPAID, str(ev.payload.get("note", "")))

    def _check_fee_lapse(self, ev: Event) -> None:
        fee = self.open_fee()
        if fee is None:
            raise InvalidStep("没有未缴费的收费通知，不能按逾期未缴费处理（表三（六）2）")
        if ev.on <= fee.pay_by:
            raise InvalidStep(f"缴费期限 {fee.pay_by.isoformat()} 尚未届满，不能按逾期未缴费处理")

    def _answer(self, ev: Event, cal: WorkCalendar) -> None:
        outcome = parse_outcome(str(ev.payload.get("outcome", "")))
        if outcome is Table3Row.OTHER_NO_CORRECTION:
            self._check_lapse(ev)
        elif outcome is Table3Row.OTHER_FEE_UNPAID:
            self._check_fee_lapse(ev)
        elif outcome is Table3Row.UNABLE_STILL_UNCLEAR and self.correction_received_on is None:
            raise InvalidStep("“补正后申请内容仍不明确”须先有告知补正和收到补正的记录（条例第三十条）")
        elif outcome is not Table3Row.OTHER_OTHER:
            if self.correction_notice_on and not self.correction_received_on:
                raise InvalidStep(
                    f"正在等待申请人补正（补正期限 {self.correction_deadline}）：收到补正后才能答复，期满未补正请登记“逾期未补正”"
                )
            if self.open_fee() is not None:
                raise InvalidStep("收费通知尚未缴费：缴费后才能答复，逾期未缴费请登记“逾期未缴费”")
        current = self.answer_deadline(cal)
        if current is not None and current.due is not None and ev.on > current.due:
            self.warnings.append(f"答复于 {ev.on.isoformat()} 作出，晚于答复期限 {current.due.isoformat()}")
        self._close(ev, outcome, str(ev.payload.get("note", "")))

    def _withdrawn(self, ev: Event, cal: WorkCalendar) -> None:
        self._close(ev, Table3Row.OTHER_OTHER, str(ev.payload.get("note", "申请人撤回申请")))

    def _require_running(self, ev: Event) -> None:
        if self.correction_notice_on and not self.correction_received_on:
            raise InvalidStep(f"正在等待申请人补正，不能登记“{ev.kind.title}”")

    def _review_filed(self, ev: Event, cal: WorkCalendar) -> None:
        if self.review is not None:
            raise InvalidStep(f"已于 {self.review.filed_on.isoformat()} 登记行政复议")
        if self.suit is not None:
            raise InvalidStep("已登记行政诉讼，不能再登记行政复议")
        self._require_challengeable(ev, cal, "行政复议")
        self.review = Challenge(Table4Group.REVIEW, ev.on, str(ev.payload.get("body", "")))

    def _require_challengeable(self, ev: Event, cal: WorkCalendar, what: str) -> None:
        if self.closed:
            return
        current = self.answer_deadline(cal)
        if current is None or current.due is None or ev.on <= current.due:
            raise InvalidStep(f"申请尚未答复且答复期限未届满，不能登记{what}")
        # an applicant may challenge the failure to answer once the deadline has passed

    def _review_decided(self, ev: Event, cal: WorkCalendar) -> None:
        if self.review is None:
            raise InvalidStep("没有行政复议的记录，不能登记复议决定")
        if self.review.result is not None:
            raise InvalidStep("该行政复议已登记结果")
        self.review.result = parse_result(str(ev.payload.get("result", "")))
        self.review.decided_on = ev.on

    def _suit_filed(self, ev: Event, cal: WorkCalendar) -> None:
        if self.suit is not None:
            raise InvalidStep(f"已于 {self.suit.filed_on.isoformat()} 登记行政诉讼")
        group = Table4Group.SUIT_AFTER_REVIEW if self.review is not None else Table4Group.SUIT_DIRECT
        wanted = ev.payload.get("group")
        if wanted == Table4Group.SUIT_AFTER_REVIEW.name and self.review is None:
            raise InvalidStep(f"没有行政复议的记录，不能登记“{Table4Group.SUIT_AFTER_REVIEW.label}”")
        if wanted == Table4Group.SUIT_DIRECT.name and self.review is not None:
            raise InvalidStep(
                f"已于 {self.review.filed_on.isoformat()} 申请行政复议，应登记为“{Table4Group.SUIT_AFTER_REVIEW.label}”"
            )
        self._require_challengeable(ev, cal, "行政诉讼")
        self.suit = Challenge(group, ev.on, str(ev.payload.get("body", "")))

    def _suit_decided(self, ev: Event, cal: WorkCalendar) -> None:
        if self.suit is None:
            raise InvalidStep("没有行政诉讼的记录，不能登记裁判结果")
        if self.suit.result is not None:
            raise InvalidStep("该行政诉讼已登记结果")
        self.suit.result = parse_result(str(ev.payload.get("result", "")))
        self.suit.decided_on = ev.on


def _int(ev: Event, key: str, default: int) -> int:
    value = ev.payload.get(key, default)
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InvalidStep(f"{ev.kind.title}的“{key}”应为整数，收到“{value}”") from None


_HANDLERS = {
    EventKind.CORRECTION_NOTICE: CaseState._correction_notice,
    EventKind.CORRECTION_RECEIVED: CaseState._correction_received,
    EventKind.CORRECTION_LAPSED: CaseState._correction_lapsed,
    EventKind.CONSULT_THIRD_PARTY: CaseState._consult,
    EventKind.CONSULT_AGENCY: CaseState._consult,
    EventKind.CONSULT_REPLY: CaseState._consult_reply,
    EventKind.EXTENSION: CaseState._extension,
    EventKind.FEE_NOTICE: CaseState._fee_notice,
    EventKind.FEE_PAID: CaseState._fee_paid,
    EventKind.FEE_LAPSED: CaseState._fee_lapsed,
    EventKind.ANSWER: CaseState._answer,
    EventKind.WITHDRAWN: CaseState._withdrawn,
    EventKind.REVIEW_FILED: CaseState._review_filed,
    EventKind.REVIEW_DECIDED: CaseState._review_decided,
    EventKind.SUIT_FILED: CaseState._suit_filed,
    EventKind.SUIT_DECIDED: CaseState._suit_decided,
}


def start_state(received: Event) -> CaseState:
    """The state right after registration, from the RECEIVED event's payload."""
    p = received.payload
    submitted = p.get("submitted_on")
    return CaseState(
        number=str(p.get("number", "")),
        applicant_name=str(p.get("applicant_name", "")),
        applicant=Applicant[str(p["applicant"])],
        channel=Channel[str(p["channel"])],
        received_on=received.on,
        submitted_on=date.fromisoformat(submitted) if submitted else None,
        content=str(p.get("content", "")),
        requested_form=str(p.get("requested_form", "")),
        count_start_day=bool(p.get("count_start_day", False)),
        clock_start=received.on,
    )


def fold(events: list[Event], cal: WorkCalendar) -> CaseState:
    """The state a log describes (voided events left out); raises InvalidStep if the log is not allowed."""
    if not events or events[0].kind is not EventKind.RECEIVED:
        raise InvalidStep("时间轴的第一条记录应为“收到申请”")
    voided = {int(e.payload["target"]) for e in events if e.kind is EventKind.VOIDED}
    state = start_state(events[0])
    # a corrected receipt date or channel applies from the start: every deadline runs from the true receipt
    for ev in events[1:]:
        if ev.kind is EventKind.AMENDED and ev.id not in voided:
            if "received_on" in ev.payload:
                state.received_on = state.clock_start = date.fromisoformat(str(ev.payload["received_on"]))
            if "channel" in ev.payload:
                state.channel = Channel[str(ev.payload["channel"])]
    for ev in events[1:]:
        if ev.id in voided:
            continue
        state.apply(ev, cal)
    return state


def check_void(events: list[Event], target: int) -> Event:
    """The event a void would remove, or InvalidStep."""
    by_id = {e.id: e for e in events}
    victim = by_id.get(target)
    if victim is None:
        raise InvalidStep(f"本申请的时间轴上没有编号为 {target} 的记录")
    if victim.kind is EventKind.RECEIVED:
        raise InvalidStep("“收到申请”这条记录不能作废；登记信息有误请用“更正登记信息”")
    if victim.kind is EventKind.VOIDED:
        raise InvalidStep("作废记录本身不能再作废")
    if any(e.kind is EventKind.VOIDED and int(e.payload["target"]) == target for e in events):
        raise InvalidStep(f"编号为 {target} 的记录已经作废")
    return victim
