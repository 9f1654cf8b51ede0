"""The request register over the store: record requests and steps (each one transaction), read a request's
时间轴 and state, and list what is due.

Every step is validated by folding the whole log plus the new event (``case.fold``) before anything is
written; the event and the request's projection columns are then written in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from gongkai.errors import InvalidStep, RegisterError
from gongkai.model import Applicant
from gongkai.register.calendar import Arrangement, WorkCalendar, build_calendar
from gongkai.register.case import CaseState, Event, check_void, fold
from gongkai.register.deadlines import Period, due_date
from gongkai.register.fees import FeeMethod, fee_by_items, fee_by_pages, parse_method
from gongkai.register.steps import Channel, EventKind
from gongkai.store import ApplicantRow, CalendarDayRow, EventRow, RequestRow, Store
from gongkai.store.store import now


class UnknownRequest(RegisterError):
    http_status = 404


def receipt_day(channel: Channel, submitted: date | None, confirmed: date | None) -> date:
    """收到申请之日 by 条例第三十一条: the day of submission in person, else the signature/confirmation day."""
    if not channel.needs_confirmation:
        day = submitted or confirmed
        if day is None:
            raise InvalidStep("请给出当面提交申请的日期")
        return day
    if confirmed is None:
        raise InvalidStep(
            f"通过“{channel.label}”提交的申请，{channel.basis}；请给出{channel.receipt_rule[:-2]}的日期"
        )
    if submitted is not None and confirmed < submitted:
        raise InvalidStep(f"{channel.receipt_rule[:-2]}的日期 {confirmed.isoformat()} 早于提交日期 {submitted.isoformat()}")
    return confirmed


@dataclass(frozen=True)
class TimelineEntry:
    event: Event
    recorded_at: datetime
    voided_by: int | None


@dataclass(frozen=True)
class DueItem:
    request_id: int
    number: str
    applicant_name: str
    what: str
    due: date
    working_days_left: int  # negative: overdue by that many working days
    basis: str
    #: the count runs into a year whose 放假安排 is not known yet (presumed Monday–Friday)
    presumed: bool = False

    @property
    def overdue(self) -> bool:
        return self.working_days_left < 0


@dataclass(frozen=True)
class NewRequest:
    """What a clerk enters to register a request."""

    applicant_name: str
    applicant: Applicant
    channel: Channel
    received_on: date
    submitted_on: date | None = None
    content: str = ""
    requested_form: str = ""
    number: str | None = None
    contact: str = ""
    count_start_day: bool = False


def _event(row: EventRow) -> Event:
    return Event(row.id, EventKind.from_code(row.kind), row.occurred_on, dict(row.payload or {}), row.recorded_by)


def projection(state: CaseState, cal: WorkCalendar) -> dict[str, Any]:
    """The request row's projection columns for a state (what the annual tables and ``due`` query)."""
    # for a closed request: the deadline it had when it was closed (for on-time statistics)
    answer = state.answer_deadline(cal)
    review, suit = state.review, state.suit
    return {
        "received_on": state.received_on,
        "channel": state.channel.name,
        "state": state.state.value,
        "outcome": state.outcome.name if state.outcome else None,
        "closed_on": state.closed_on,
        "content": state.content,
        "requested_form": state.requested_form,
        "answer_due": answer.due if answer is not None else None,
        "review_filed_on": review.filed_on if review else None,
        "review_decided_on": review.decided_on if review else None,
        "review_result": review.result.name if review and review.result else None,
        "suit_group": suit.group.name if suit else None,
        "suit_filed_on": suit.filed_on if suit else None,
        "suit_decided_on": suit.decided_on if suit else None,
        "suit_result": suit.result.name if suit and suit.result else None,
    }


def project(row: RequestRow, state: CaseState, cal: WorkCalendar) -> None:
    """Write the state's projection onto the request row (same transaction as the event)."""
    for name, value in projection(state, cal).items():
        setattr(row, name, value)


class Register:
    """The 依申请公开 register of one agency, kept in ``store``."""

    def __init__(self, store: Store, calendar: WorkCalendar | None = None) -> None:
        self.store = store
        self.calendar = calendar or build_calendar()
        for arrangement in stored_arrangements(store):
            if arrangement.year not in self.calendar.arrangements:
                self.calendar.add(arrangement)

    # -- registering -----------------------------------------------------------------------------

    def add(self, new: NewRequest, *, recorded_by: str = "") -> int:
        """Register a request (one transaction); returns its id."""
        with self.store.transaction() as s:
            return self.add_in(s, new, recorded_by=recorded_by).id

    def add_in(self, s: Session, new: NewRequest, *, recorded_by: str = "") -> RequestRow:
        if not new.applicant_name.strip():
            raise InvalidStep("请填写申请人姓名或名称")
        if new.submitted_on is not None and new.received_on < new.submitted_on:
            raise InvalidStep(
                f"收到申请之日 {new.received_on.isoformat()} 早于提交日期 {new.submitted_on.isoformat()}"
            )
        applicant = s.scalars(
            select(ApplicantRow).where(ApplicantRow.name == new.applicant_name, ApplicantRow.kind == new.applicant.name)
        ).first()
        stamp = now()
        if applicant is None:
            applicant = ApplicantRow(name=new.applicant_name, kind=new.applicant.name, contact=new.contact,
                                     id_document="", recorded_at=stamp)
            s.add(applicant)
            s.flush()
        number = new.number or self._next_number(s, new.received_on.year)
        if s.scalars(select(RequestRow.id).where(RequestRow.number == number)).first() is not None:
            raise InvalidStep(f"登记编号“{number}”已被使用")
        payload: dict[str, Any] = {
            "number": number,
            "applicant_name": new.applicant_name,
            "applicant": new.applicant.name,
            "channel": new.channel.name,
            "submitted_on": new.submitted_on.isoformat() if new.submitted_on else None,
            "content": new.content,
            "requested_form": new.requested_form,
            "count_start_day": new.count_start_day,
        }
        row = RequestRow(
            number=number,
            applicant_id=applicant.id,
            channel=new.channel.name,
            submitted_on=new.submitted_on,
            received_on=new.received_on,
            content=new.content,
            requested_form=new.requested_form,
            recorded_at=stamp,
            recorded_by=recorded_by,
            state="",
        )
        s.add(row)
        s.flush()
        ev = EventRow(kind=EventKind.RECEIVED.code, occurred_on=new.received_on, payload=payload,
                      recorded_at=stamp, recorded_by=recorded_by)
        row.events.append(ev)  # through the relationship, so later steps in this session see it
        s.flush()
        project(row, fold([_event(ev)], self.calendar), self.calendar)
        return row

    def add_case_in(
        self, s: Session, new: NewRequest, steps: Sequence[tuple[EventKind, date, dict[str, Any]]], *,
        recorded_by: str = "",
    ) -> RequestRow:
        """Register a request together with its later steps (an imported row): the whole log is folded —
        validated exactly as step by step — and projected once."""
        row = self.add_in(s, new, recorded_by=recorded_by)
        log = [_event(row.events[0])]
        for i, (kind, on, given) in enumerate(steps, 1):
            payload = dict(given)
            if kind is EventKind.FEE_NOTICE and not payload.get("amount"):
                payload.update(self._fee(s, row, payload))
            if kind is EventKind.FEE_PAID and "amount" not in payload:
                fee = fold(log, self.calendar).open_fee()
                if fee is not None:
                    payload["amount"] = fee.amount
            log.append(Event(-i, kind, on, payload, recorded_by))
            row.events.append(EventRow(kind=kind.code, occurred_on=on, payload=_jsonable(payload),
                                       recorded_at=now(), recorded_by=recorded_by))
        project(row, fold(log, self.calendar), self.calendar)
        return row

    @staticmethod
    def _next_number(s: Session, year: int) -> str:
        prefix = f"{year}-"
        last = s.scalars(
            select(RequestRow.number).where(RequestRow.number.like(f"{prefix}%")).order_by(RequestRow.number.desc())
        ).first()
        seq = 1
        if last is not None and last[len(prefix):].isdigit():
            seq = int(last[len(prefix):]) + 1
        return f"{prefix}{seq:05d}"

    def step(
        self, request: int | str, kind: EventKind, on: date, payload: dict[str, Any] | None = None, *,
        recorded_by: str = "",
    ) -> CaseState:
        """Record one step (validated against the 条例 and the request's state); returns the new state."""
        with self.store.transaction() as s:
            return self.step_in(s, request, kind, on, payload or {}, recorded_by=recorded_by)

    def step_in(
        self, s: Session, request: int | str, kind: EventKind, on: date, payload: dict[str, Any], *,
        recorded_by: str = "",
    ) -> CaseState:
        if kind is EventKind.RECEIVED:
            raise InvalidStep("“收到申请”由登记申请（register add）产生，不能作为步骤登记")
        row = self._row(s, request, lock=True)
        events = [_event(e) for e in row.events]
        payload = dict(payload)
        if kind is EventKind.VOIDED:
            if not str(payload.get("target", "")).isdigit():
                raise InvalidStep("请用 --target 指明要作废的时间轴记录编号（show 中 # 后的数字）")
            payload["target"] = int(payload["target"])
            check_void(events, payload["target"])
        if kind is EventKind.AMENDED:
            _check_amendment(payload)
        if kind is EventKind.FEE_NOTICE and not payload.get("amount"):
            payload.update(self._fee(s, row, payload))
        if kind is EventKind.FEE_PAID and "amount" not in payload:
            fee = fold(events, self.calendar).open_fee()
            if fee is not None:
                payload["amount"] = fee.amount
        candidate = Event(-1, kind, on, payload, recorded_by)
        if kind is EventKind.VOIDED:
            try:
                state = fold([*events, candidate], self.calendar)
            except InvalidStep as exc:
                raise InvalidStep(f"作废第 {payload['target']} 条记录后，时间轴不再成立：{exc}") from None
        else:
            state = fold([*events, candidate], self.calendar)
        ev = EventRow(kind=kind.code, occurred_on=on, payload=_jsonable(payload), recorded_at=now(),
                      recorded_by=recorded_by)
        row.events.append(ev)
        if kind is EventKind.AMENDED and ("applicant" in payload or "applicant_name" in payload):
            self._relink_applicant(s, row, state)
        project(row, state, self.calendar)
        s.flush()
        return state

    def _relink_applicant(self, s: Session, row: RequestRow, state: CaseState) -> None:
        applicant = s.scalars(
            select(ApplicantRow).where(ApplicantRow.name == state.applicant_name, ApplicantRow.kind == state.applicant.name)
        ).first()
        if applicant is None:
            applicant = ApplicantRow(name=state.applicant_name, kind=state.applicant.name, contact="", id_document="",
                                     recorded_at=now())
            s.add(applicant)
            s.flush()
        row.applicant_id = applicant.id

    def _fee(self, s: Session, row: RequestRow, payload: dict[str, Any]) -> dict[str, Any]:
        """Amount of a 收费通知 from the calculator: 按量 from ``pages``, 按件 from the applicant's
        requests received earlier in the same natural month."""
        method = parse_method(payload.get("method", FeeMethod.BY_VOLUME.value))
        if method is FeeMethod.BY_VOLUME:
            pages = _payload_int(payload, "pages", _payload_int(payload, "units", 0))
            fee = fee_by_pages(pages)
            units = pages
        else:
            month_start = row.received_on.replace(day=1)
            earlier = s.scalar(
                select(func.count(RequestRow.id)).where(
                    RequestRow.applicant_id == row.applicant_id,
                    RequestRow.received_on >= month_start,
                    (RequestRow.received_on < row.received_on)
                    | ((RequestRow.received_on == row.received_on) & (RequestRow.id < row.id)),
                )
            ) or 0
            units = _payload_int(payload, "pieces", 1)
            fee = fee_by_items(int(earlier), units)
        return {"method": method.value, "amount": fee.amount, "units": units, "calculation": fee.explanation()}

    # -- reading ---------------------------------------------------------------------------------

    def _row(self, s: Session, request: int | str, *, lock: bool = False) -> RequestRow:
        """The request by id or 登记编号; ``lock`` takes a row lock (PostgreSQL) so that two clerks' steps
        on one request are validated one after the other."""
        row: RequestRow | None = None
        if isinstance(request, int) or str(request).isdigit():
            row = s.get(RequestRow, int(request), with_for_update=lock)
        if row is None:
            q = select(RequestRow).where(RequestRow.number == str(request))
            row = s.scalars(q.with_for_update() if lock else q).first()
        if row is None:
            raise UnknownRequest(f"登记簿《{self.store.name}》中没有申请“{request}”")
        return row

    def case(self, request: int | str) -> CaseState:
        with self.store.session() as s:
            return fold([_event(e) for e in self._row(s, request).events], self.calendar)

    def request_id(self, request: int | str) -> int:
        with self.store.session() as s:
            return self._row(s, request).id

    def timeline(self, request: int | str) -> list[TimelineEntry]:
        with self.store.session() as s:
            rows = self._row(s, request).events
            voids = {int(r.payload["target"]): r.id for r in rows if r.kind == EventKind.VOIDED.code}
            return [TimelineEntry(_event(r), r.recorded_at, voids.get(r.id)) for r in rows]

    def requests(self, *, year: int | None = None, state: str | None = None) -> list[RequestRow]:
        with self.store.session() as s:
            q = select(RequestRow).options(selectinload(RequestRow.applicant)).order_by(
                RequestRow.received_on, RequestRow.id
            )
            if year is not None:
                q = q.where(RequestRow.received_on >= date(year, 1, 1), RequestRow.received_on <= date(year, 12, 31))
            if state is not None:
                q = q.where(RequestRow.state == state)
            return list(s.scalars(q).all())

    def due(self, today: date, *, within: int = 5) -> list[DueItem]:
        """Open requests' next deadlines that fall within ``within`` working days of ``today`` or have passed."""
        cal = self.calendar
        items: list[DueItem] = []
        with self.store.session() as s:
            q = (
                select(RequestRow)
                .options(selectinload(RequestRow.events))
                .where(RequestRow.closed_on.is_(None))
                .order_by(RequestRow.id)
            )
            for row in s.scalars(q).all():
                state = fold([_event(e) for e in row.events], cal)
                for what, due, basis in _deadlines_of(state, cal, today):
                    left = _signed_working_days(cal, today, due)
                    if left <= within:
                        presumed = not all(cal.covers(y) for y in range(min(today, due).year, max(today, due).year + 1))
                        items.append(
                            DueItem(row.id, row.number, state.applicant_name, what, due, left, basis, presumed)
                        )
        return sorted(items, key=lambda i: (i.due, i.request_id))

    # -- calendar --------------------------------------------------------------------------------

    def add_arrangements(self, arrangements: Sequence[Arrangement], *, source: str = "") -> int:
        """Store added 放假安排 (one transaction) and use them from now on; returns the number of days."""
        stamp, count = now(), 0
        with self.store.transaction() as s:
            for arrangement in arrangements:
                for day, name in arrangement.holidays.items():
                    s.add(CalendarDayRow(year=arrangement.year, day=day, working=False, name=name,
                                         source=arrangement.source or source, recorded_at=stamp))
                    count += 1
                for day, name in arrangement.workdays.items():
                    s.add(CalendarDayRow(year=arrangement.year, day=day, working=True, name=name,
                                         source=arrangement.source or source, recorded_at=stamp))
                    count += 1
        for arrangement in arrangements:
            self.calendar.add(arrangement)
        self.refresh_open()
        return count

    def refresh_open(self) -> int:
        """Recompute the deadlines of every open request (after a new 放假安排); one transaction."""
        with self.store.transaction() as s:
            rows = s.scalars(select(RequestRow).where(RequestRow.closed_on.is_(None))).all()
            for row in rows:
                project(row, fold([_event(e) for e in row.events], self.calendar), self.calendar)
            return len(rows)


def _deadlines_of(state: CaseState, cal: WorkCalendar, today: date) -> Iterable[tuple[str, date, str]]:
    if state.correction_notice_on is None and state.correction_received_on is None:
        notice = due_date(cal, state.received_on, Period.CORRECTION_NOTICE.working_days)
        # only a reminder while it can still be done: a 补正 is needed only when the content is unclear
        if notice is not None and notice >= today:
            yield "补正告知最后一日（如需补正）", notice, Period.CORRECTION_NOTICE.basis
    if state.correction_notice_on and not state.correction_received_on and state.correction_deadline:
        yield "补正期限（期满未补正可按视为放弃办结）", state.correction_deadline, "《政府信息公开条例》第三十条"
    for c in state.consultations:
        if c.reply_on is None:
            yield f"{c.party.title}的答复期限", c.expires_on, Period.CONSULTATION.basis
    fee = state.open_fee()
    if fee is not None:
        yield "缴费期限（期满未缴费可不再处理）", fee.pay_by, Period.FEE_PAYMENT.basis
    answer = state.answer_deadline(cal)
    if answer is not None and answer.due is not None:
        yield answer.title, answer.due, answer.basis


def _signed_working_days(cal: WorkCalendar, today: date, due: date) -> int:
    """Working days from today to due (0 = due today), negative when overdue."""
    if due >= today:
        return cal.count(today, due)
    return -cal.count(due, today)


def stored_arrangements(store: Store) -> list[Arrangement]:
    """Added arrangements from the store, one per year; for the same day the latest row wins."""
    holidays: dict[int, dict[date, str]] = {}
    workdays: dict[int, dict[date, str]] = {}
    sources: dict[int, str] = {}
    for row in store.calendar_days():
        target, other = (workdays, holidays) if row.working else (holidays, workdays)
        target.setdefault(row.year, {})[row.day] = row.name
        other.get(row.year, {}).pop(row.day, None)
        sources[row.year] = row.source
    years = sorted(set(holidays) | set(workdays))
    return [Arrangement(y, holidays.get(y, {}), workdays.get(y, {}), sources.get(y, "")) for y in years]


AMENDABLE = ("applicant_name", "applicant", "content", "requested_form", "received_on", "channel")


def _check_amendment(payload: dict[str, Any]) -> None:
    unknown = [k for k in payload if k not in (*AMENDABLE, "note", "reason")]
    if unknown or not any(k in payload for k in AMENDABLE):
        raise InvalidStep(f"更正登记信息只能更正：{'、'.join(AMENDABLE)}；收到 {'、'.join(payload) or '（空）'}")
    if "applicant" in payload and str(payload["applicant"]) not in Applicant.__members__:
        raise InvalidStep(f"“{payload['applicant']}”不是申请人类型")
    if "channel" in payload and str(payload["channel"]) not in Channel.__members__:
        raise InvalidStep(f"“{payload['channel']}”不是提交方式")
    if "received_on" in payload:
        try:
            date.fromisoformat(str(payload["received_on"]))
        except ValueError:
            raise InvalidStep(f"更正的收到申请日期“{payload['received_on']}”不是 YYYY-MM-DD") from None


def _payload_int(payload: dict[str, Any], key: str, default: int) -> int:
    try:
        return int(payload.get(key, default))
    except (TypeError, ValueError):
        raise InvalidStep(f"“{key}”应为整数，收到“{payload.get(key)}”") from None


def _jsonable(payload: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in payload.items():
        out[k] = v.isoformat() if isinstance(v, date) else v
    return out
