"""Realistic generated registers, for tests, the round trip of the written report and the benchmark.

``generate(store, n, years, seed)`` creates ``n`` requests received on working days spread over ``years``,
walks each through a plausible path (补正, consultations, extensions, fees, withdrawals, answers, and some
复议/诉讼), uses every 表三 outcome row at least once (when ``n`` allows), and bulk-inserts them in one
transaction. Every path is validated by the same fold as the clerk's steps, so a generated log is one the
law allows. Events after 31 December of the last year are left out, so requests received late stay open.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, insert, select, text

from gongkai.model import FORM_2021, Applicant, Table3Row, Table4Column, Table4Group
from gongkai.register.calendar import WorkCalendar
from gongkai.register.case import Event, fold
from gongkai.register.fees import FeeMethod, fee_by_pages
from gongkai.register.ledger import projection
from gongkai.register.steps import Channel, EventKind, outcome_code
from gongkai.store import ApplicantRow, EventRow, RequestRow, Store
from gongkai.store.store import now

APPLICANT_WEIGHTS: dict[Applicant, int] = {
    Applicant.NATURAL_PERSON: 70,
    Applicant.COMMERCIAL: 12,
    Applicant.RESEARCH: 2,
    Applicant.PUBLIC_INTEREST: 2,
    Applicant.LEGAL_SERVICE: 6,
    Applicant.OTHER: 8,
}
OUTCOME_WEIGHTS: dict[Table3Row, int] = {
    Table3Row.GRANTED: 40,
    Table3Row.PARTLY_GRANTED: 8,
    Table3Row.DENIED_STATE_SECRET: 1,
    Table3Row.DENIED_LAW_FORBIDS: 1,
    Table3Row.DENIED_THREE_SECURITIES: 1,
    Table3Row.DENIED_THIRD_PARTY: 2,
    Table3Row.DENIED_INTERNAL_AFFAIRS: 1,
    Table3Row.DENIED_PROCESS_INFO: 2,
    Table3Row.DENIED_ENFORCEMENT_FILE: 1,
    Table3Row.DENIED_QUERY_MATTER: 1,
    Table3Row.UNABLE_NOT_HELD: 15,
    Table3Row.UNABLE_NEEDS_CREATION: 3,
    Table3Row.UNABLE_STILL_UNCLEAR: 2,
    Table3Row.REFUSED_PETITION: 4,
    Table3Row.REFUSED_REPEATED: 3,
    Table3Row.REFUSED_PUBLICATION: 1,
    Table3Row.REFUSED_EXCESSIVE: 1,
    Table3Row.REFUSED_CONFIRMATION: 1,
    Table3Row.OTHER_NO_CORRECTION: 3,
    Table3Row.OTHER_FEE_UNPAID: 1,
    Table3Row.OTHER_OTHER: 3,
}
CHANNEL_WEIGHTS = {Channel.INTERNET: 55, Channel.MAIL_SIGNED: 20, Channel.IN_PERSON: 15, Channel.MAIL_PLAIN: 5, Channel.FAX: 5}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
ORG_SUFFIX = {
    Applicant.COMMERCIAL: "有限公司",
    Applicant.RESEARCH: "研究院",
    Applicant.PUBLIC_INTEREST: "公益基金会",
    Applicant.LEGAL_SERVICE: "律师事务所",
    Applicant.OTHER: "业主委员会",
}
TOPICS = ("征收补偿方案", "规划许可文件", "行政处罚决定书", "环评批复", "财政预算执行情况", "招标投标结果",
          "信访处理意见", "拆迁安置协议", "建设工程竣工验收资料", "食品抽检报告")


@dataclass
class _Path:
    """One generated request: its registration and its later events."""

    received: Event
    later: list[Event]


def _working_days_of(cal: WorkCalendar, years: Sequence[int]) -> list[date]:
    days: list[date] = []
    for y in years:
        d = date(y, 1, 1)
        while d.year == y:
            if cal.is_working(d):
                days.append(d)
            d += timedelta(days=1)
    return days


def _wd(cal: WorkCalendar, start: date, n: int) -> date:
    return start if n <= 0 else cal.nth_after(start, n)


def _plan(rng: random.Random, cal: WorkCalendar, received: date, outcome: Table3Row) -> list[tuple[EventKind, date, dict[str, Any]]]:
    """The later events of one request ending in ``outcome`` (dates before any cut-off)."""
    out: list[tuple[EventKind, date, dict[str, Any]]] = []
    clock = received
    correction = outcome in (Table3Row.OTHER_NO_CORRECTION, Table3Row.UNABLE_STILL_UNCLEAR) or rng.random() < 0.05
    if correction:
        notice = _wd(cal, received, rng.randint(1, 7))
        deadline = _wd(cal, notice, 15)
        out.append((EventKind.CORRECTION_NOTICE, notice, {"items": "请明确所需信息的名称、文号", "deadline": deadline.isoformat()}))
        if outcome is Table3Row.OTHER_NO_CORRECTION:
            out.append((EventKind.CORRECTION_LAPSED, _wd(cal, deadline, 1), {}))
            return out
        clock = _wd(cal, notice, rng.randint(1, 14))
        out.append((EventKind.CORRECTION_RECEIVED, clock, {}))
    last = clock
    budget = 20
    if outcome is Table3Row.DENIED_THIRD_PARTY or (outcome is Table3Row.GRANTED and rng.random() < 0.03):
        sent = _wd(cal, last, rng.randint(1, 5))
        out.append((EventKind.CONSULT_THIRD_PARTY, sent, {"to": "相关企业"}))
        last = _wd(cal, sent, rng.randint(3, 15))
        out.append((EventKind.CONSULT_REPLY, last, {"opinion": "不同意公开" if outcome is Table3Row.DENIED_THIRD_PARTY else "同意公开"}))
        budget -= 3
    if rng.random() < 0.01:
        sent = _wd(cal, last, 1)
        out.append((EventKind.CONSULT_AGENCY, sent, {"to": "共同制作机关"}))
        last = _wd(cal, sent, rng.randint(2, 15))
        out.append((EventKind.CONSULT_REPLY, last, {}))
        budget -= 2
    if outcome is Table3Row.OTHER_FEE_UNPAID or (outcome is Table3Row.GRANTED and rng.random() < 0.01):
        pages = rng.randint(40, 400)
        notice = _wd(cal, last, 1)
        out.append((EventKind.FEE_NOTICE, notice, {"method": FeeMethod.BY_VOLUME.value, "amount": fee_by_pages(pages).amount, "units": pages}))
        pay_by = _wd(cal, notice, 20)
        if outcome is Table3Row.OTHER_FEE_UNPAID:
            out.append((EventKind.FEE_LAPSED, _wd(cal, pay_by, 1), {}))
            return out
        last = _wd(cal, notice, rng.randint(1, 20))
        out.append((EventKind.FEE_PAID, last, {"amount": fee_by_pages(pages).amount}))
        budget = min(budget, 5)
    if outcome is Table3Row.OTHER_OTHER:
        out.append((EventKind.WITHDRAWN, _wd(cal, last, rng.randint(0, 5)), {"note": "申请人撤回申请"}))
        return out
    if rng.random() < 0.06 and budget >= 10:
        ext = _wd(cal, last, rng.randint(1, 5))
        out.append((EventKind.EXTENSION, ext, {"days": 20, "approved_by": "政府信息公开工作机构负责人"}))
        last, budget = ext, 15
    # most answers come in time; a few are late (recorded with a warning, as in real registers)
    delay = rng.randint(0, max(0, budget - 1)) if rng.random() > 0.03 else budget + rng.randint(1, 15)
    out.append((EventKind.ANSWER, _wd(cal, last, delay), {"outcome": outcome_code(outcome)}))
    return out


def _challenges(rng: random.Random, cal: WorkCalendar, answered: date) -> list[tuple[EventKind, date, dict[str, Any]]]:
    out: list[tuple[EventKind, date, dict[str, Any]]] = []
    results = (Table4Column.UPHELD.name, Table4Column.UPHELD.name, Table4Column.CORRECTED.name, Table4Column.OTHER.name)
    if rng.random() < 0.6:
        filed = answered + timedelta(days=rng.randint(5, 50))
        out.append((EventKind.REVIEW_FILED, filed, {"body": "本级人民政府"}))
        decided = filed + timedelta(days=rng.randint(30, 90))
        out.append((EventKind.REVIEW_DECIDED, decided, {"result": rng.choice(results)}))
        if rng.random() < 0.3:
            sued = decided + timedelta(days=rng.randint(5, 14))
            out.append((EventKind.SUIT_FILED, sued, {"group": Table4Group.SUIT_AFTER_REVIEW.name}))
            out.append((EventKind.SUIT_DECIDED, sued + timedelta(days=rng.randint(60, 180)), {"result": rng.choice(results)}))
    else:
        sued = answered + timedelta(days=rng.randint(10, 90))
        out.append((EventKind.SUIT_FILED, sued, {"group": Table4Group.SUIT_DIRECT.name}))
        out.append((EventKind.SUIT_DECIDED, sued + timedelta(days=rng.randint(60, 200)), {"result": rng.choice(results)}))
    return out


def generate(
    store: Store,
    n: int,
    years: Sequence[int],
    seed: int = 0,
    *,
    calendar: WorkCalendar | None = None,
    challenge_rate: float = 0.02,
    recorded_by: str = "合成数据",
) -> int:
    """Create ``n`` requests over ``years`` in one transaction; returns how many were created."""
    if n < 1 or not years:
        return 0
    rng = random.Random(seed)
    cal = calendar or WorkCalendar()
    years = sorted(years)
    cutoff = date(years[-1], 12, 31)
    days = _working_days_of(cal, years)
    outcomes = list(OUTCOME_WEIGHTS)
    weights = list(OUTCOME_WEIGHTS.values())
    kinds, kind_weights = list(APPLICANT_WEIGHTS), list(APPLICANT_WEIGHTS.values())
    channels, channel_weights = list(CHANNEL_WEIGHTS), list(CHANNEL_WEIGHTS.values())
    stamp = now()
    with store.session() as s:
        next_applicant = (s.scalar(select(func.max(ApplicantRow.id))) or 0) + 1
        next_request = (s.scalar(select(func.max(RequestRow.id))) or 0) + 1
        next_event = (s.scalar(select(func.max(EventRow.id))) or 0) + 1
    # applicants: a pool about a third the size of the register (repeat applicants are common)
    applicants: list[dict[str, Any]] = []
    for i in range(max(1, n // 3)):
        kind = rng.choices(kinds, kind_weights)[0]
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.5 else "")
        if kind in ORG_SUFFIX:
            name = f"{rng.choice(SURNAMES)}{rng.choice('华信达恒通泰丰')}{ORG_SUFFIX[kind]}"
        applicants.append({"id": next_applicant + i, "name": f"{name}{i}", "kind": kind.name, "contact": "",
                           "id_document": "", "recorded_at": stamp})
    requests: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    event_id = next_event
    for i in range(n):
        rid = next_request + i
        outcome = outcomes[i] if i < len(outcomes) and len(outcomes) <= n else rng.choices(outcomes, weights)[0]
        applicant = applicants[rng.randrange(len(applicants))]
        channel = rng.choices(channels, channel_weights)[0]
        received = days[min(len(days) - 1, int(i * len(days) / n))] if i >= len(outcomes) else days[rng.randrange(len(days) // 2)]
        submitted = received if not channel.needs_confirmation else received - timedelta(days=rng.randint(0, 3))
        number = f"T{rid:07d}"
        topic = rng.choice(TOPICS)
        payload = {
            "number": number, "applicant_name": applicant["name"], "applicant": applicant["kind"],
            "channel": channel.name, "submitted_on": submitted.isoformat(), "content": f"申请公开{topic}",
            "requested_form": "电子数据", "count_start_day": False,
        }
        log = [Event(event_id, EventKind.RECEIVED, received, payload, recorded_by)]
        plan = _plan(rng, cal, received, outcome)
        answer_day = plan[-1][1]
        if rng.random() < challenge_rate and outcome is not Table3Row.OTHER_OTHER:
            plan += _challenges(rng, cal, answer_day)
        for j, (step, on, data) in enumerate(plan, 1):
            if on > cutoff:
                break
            log.append(Event(event_id + j, step, on, data, recorded_by))
        state = fold(log, cal)  # validates the generated path like a clerk's steps
        requests.append({
            "id": rid, "number": number, "applicant_id": applicant["id"], "channel": channel.name,
            "submitted_on": submitted, "received_on": received, "recorded_at": stamp, "recorded_by": recorded_by,
            **projection(state, cal),
        })
        for ev in log:
            events.append({"id": ev.id, "request_id": rid, "kind": ev.kind.code, "occurred_on": ev.on,
                           "payload": ev.payload, "recorded_at": stamp, "recorded_by": recorded_by})
        event_id += len(plan) + 1
    with store.transaction() as s:
        s.execute(insert(ApplicantRow), applicants)
        s.execute(insert(RequestRow), requests)
        s.execute(insert(EventRow), events)
        if s.get_bind().dialect.name == "postgresql":
            # explicit ids do not advance PostgreSQL's sequences; later inserts would collide
            for table in ("applicants", "requests", "events"):
                s.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"))
    return n


def outcomes_used() -> tuple[Table3Row, ...]:
    """The outcome rows the generator draws from: every outcome row of the 2021 form."""
    return tuple(r for r in FORM_2021.outcome_rows if r in OUTCOME_WEIGHTS)

