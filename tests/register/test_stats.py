"""Processing-time statistics of a year, on a register written out by hand."""

from __future__ import annotations

from datetime import date

from gongkai.model import Applicant
from gongkai.register.ledger import NewRequest, Register
from gongkai.register.stats import processing_stats
from gongkai.register.steps import Channel, EventKind

D = date.fromisoformat


def test_stats_by_hand(register: Register) -> None:
    def add(day: str, who: str) -> int:
        return register.add(NewRequest(who, Applicant.NATURAL_PERSON, Channel.IN_PERSON, D(day)))

    a = add("2025-03-03", "甲")  # due 2025-03-31; answered 3/10 = 5 WD
    register.step(a, EventKind.ANSWER, D("2025-03-10"), {"outcome": "（一）"})
    b = add("2025-03-03", "乙")  # answered 2025-04-02 = 22 WD, late
    register.step(b, EventKind.ANSWER, D("2025-04-02"), {"outcome": "（一）"})
    c = add("2025-03-03", "丙")  # extended to 2025-04-29; answered 4/2 = on time
    register.step(c, EventKind.EXTENSION, D("2025-03-20"), {"days": 20, "approved_by": "李主任"})
    register.step(c, EventKind.ANSWER, D("2025-04-02"), {"outcome": "（二）"})
    d = add("2025-03-03", "丁")  # 补正 never came: closed without an answer clock
    register.step(d, EventKind.CORRECTION_NOTICE, D("2025-03-04"), {"deadline": "2025-03-14"})
    register.step(d, EventKind.CORRECTION_LAPSED, D("2025-03-17"))
    add("2025-11-03", "戊")  # open at year end, due 2025-12-01: overdue
    add("2025-12-29", "己")  # open at year end, not yet due
    s = processing_stats(register.store, 2025, register.calendar)
    assert (s.closed, s.timed, s.on_time, s.late) == (4, 3, 2, 1)
    assert s.on_time_rate == round(2 / 3, 4)
    # working days taken: 5, 22, 22, 10 (3/4–3/17)
    assert s.max_working_days == 22 and s.median_working_days == 16.0 and s.mean_working_days == 14.75
    assert (s.open_at_year_end, s.overdue_at_year_end) == (2, 1)
    assert s.lines()[0] == "2025年办结申请 4 件；其中有答复期限的 3 件，按期办结 2 件，逾期办结 1 件（按期率 66.7%）。"
