"""表三/表四 and fee figures computed from the register: a hand-built register with known answers, and
the arithmetic of the form on generated registers."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.model import (
    APPLICANT_PARTS,
    FORM_2019,
    FORM_2021,
    Applicant,
    Edition,
    Table3Row,
    Table4Column,
    Table4Group,
)
from gongkai.register.annual import fees_for_year, tables_for_year
from gongkai.register.ledger import NewRequest, Register
from gongkai.register.steps import Channel, EventKind
from gongkai.register.synthetic import generate
from gongkai.store import Store, open_store

D = date.fromisoformat
P, C, L = Applicant.NATURAL_PERSON, Applicant.COMMERCIAL, Applicant.LEGAL_SERVICE


def _add(reg: Register, received: str, kind: Applicant, who: str) -> int:
    return reg.add(NewRequest(who, kind, Channel.IN_PERSON, D(received)))


@pytest.fixture
def small(register: Register) -> Register:
    """2024–2025, written out by hand:
    a 自然人 2024-12-20 → （一） 2025-01-10 (carried in to 2025); then 复议 2025, 结果维持 2025
    b 商业企业 2025-03-03 → （四）1 2025-03-20; then 未经复议直接起诉 2025-06-01, undecided
    c 法律服务机构 2025-12-25, still open (carried out)
    d 自然人 2025-05-06 → 补正 not returned → （六）1 (2019 form: （六）)
    e 自然人 2024-03-04 → （一） 2024-03-08 (not in 2025 at all)
    f 商业企业 2025-07-01 → fee notice 250 pages (4,700 元), paid, → （二）
    """
    a = _add(register, "2024-12-20", P, "甲")
    register.step(a, EventKind.ANSWER, D("2025-01-10"), {"outcome": "（一）"})
    register.step(a, EventKind.REVIEW_FILED, D("2025-02-01"))
    register.step(a, EventKind.REVIEW_DECIDED, D("2025-04-01"), {"result": "结果维持"})
    b = _add(register, "2025-03-03", C, "乙公司")
    register.step(b, EventKind.ANSWER, D("2025-03-20"), {"outcome": "（四）1"})
    register.step(b, EventKind.SUIT_FILED, D("2025-06-01"), {"group": Table4Group.SUIT_DIRECT.name})
    _add(register, "2025-12-25", L, "丙律师事务所")
    d = _add(register, "2025-05-06", P, "丁")
    register.step(d, EventKind.CORRECTION_NOTICE, D("2025-05-08"), {"deadline": "2025-05-20"})
    register.step(d, EventKind.CORRECTION_LAPSED, D("2025-05-21"))
    e = _add(register, "2024-03-04", P, "戊")
    register.step(e, EventKind.ANSWER, D("2024-03-08"), {"outcome": "（一）"})
    f = _add(register, "2025-07-01", C, "己公司")
    register.step(f, EventKind.FEE_NOTICE, D("2025-07-02"), {"method": "按量", "pages": 250})
    register.step(f, EventKind.FEE_PAID, D("2025-07-04"))
    register.step(f, EventKind.ANSWER, D("2025-07-10"), {"outcome": "（二）"})
    return register


def test_table3_2025_by_hand(small: Register) -> None:
    t3, _ = tables_for_year(small.store, 2025)
    n = t3.number
    assert [n(Table3Row.NEW_RECEIVED, a) for a in Applicant] == [1, 2, 0, 0, 1, 0, 4]
    assert [n(Table3Row.CARRIED_IN, a) for a in Applicant] == [1, 0, 0, 0, 0, 0, 1]
    assert n(Table3Row.GRANTED, P) == 1
    assert n(Table3Row.PARTLY_GRANTED, C) == 1
    assert n(Table3Row.UNABLE_NOT_HELD, C) == 1
    assert n(Table3Row.OTHER_NO_CORRECTION, P) == 1
    assert [n(Table3Row.OUTCOME_TOTAL, a) for a in Applicant] == [2, 2, 0, 0, 0, 0, 4]
    assert [n(Table3Row.CARRIED_OUT, a) for a in Applicant] == [0, 0, 0, 0, 1, 0, 1]
    assert n(Table3Row.DENIED_STATE_SECRET, P) == 0  # a registered zero is printed as 0
    assert t3.get(Table3Row.GRANTED, P).how == "由登记簿计算"
    assert set(t3.to_json()) == {r.key for r in FORM_2021.table3}


def test_table3_2024_carries_out_what_2025_carries_in(small: Register) -> None:
    t3, _ = tables_for_year(small.store, 2024)
    assert t3.number(Table3Row.NEW_RECEIVED, Applicant.TOTAL) == 2
    assert t3.number(Table3Row.CARRIED_OUT, P) == 1
    assert t3.number(Table3Row.GRANTED, P) == 1


def test_table3_in_the_2019_form(small: Register) -> None:
    t3, _ = tables_for_year(small.store, 2025, Edition.F2019)
    assert t3.number(Table3Row.OTHER_SINGLE, P) == 1
    assert set(t3.to_json()) == {r.key for r in FORM_2019.table3}


def test_table4_2025_by_hand(small: Register) -> None:
    _, t4 = tables_for_year(small.store, 2025)
    assert t4.number(Table4Group.REVIEW, Table4Column.UPHELD) == 1
    assert t4.number(Table4Group.REVIEW, Table4Column.TOTAL) == 1
    assert t4.number(Table4Group.SUIT_DIRECT, Table4Column.PENDING) == 1
    assert t4.number(Table4Group.SUIT_AFTER_REVIEW, Table4Column.TOTAL) == 0
    assert t4.to_json() == [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]


def test_fees_2025(small: Register) -> None:
    fees = fees_for_year(small.store, 2025)
    assert (fees.notices, fees.amount_notified, fees.payments, fees.amount_collected) == (1, 4700, 1, 4700)
    assert "发出信息处理费收费通知 1 件" in fees.text()
    assert fees_for_year(small.store, 2024).text() == "2024年未发出信息处理费收费通知，未收取信息处理费。"


@pytest.fixture(scope="module")
def generated() -> Store:
    store = open_store("sqlite://")
    generate(store, 1200, [2024, 2025], seed=7, challenge_rate=0.05)
    return store


@pytest.mark.parametrize("year", [2024, 2025])
def test_generated_register_balances(generated: Store, year: int) -> None:
    t3, t4 = tables_for_year(generated, year)
    for a in Applicant:
        left = t3.number(Table3Row.NEW_RECEIVED, a) + t3.number(Table3Row.CARRIED_IN, a)
        right = t3.number(Table3Row.OUTCOME_TOTAL, a) + t3.number(Table3Row.CARRIED_OUT, a)
        assert left == right, a
    for row in FORM_2021.table3:
        assert t3.number(row, Applicant.TOTAL) == sum(t3.number(row, a) for a in APPLICANT_PARTS)
    for g in Table4Group:
        assert t4.number(g, Table4Column.TOTAL) == sum(
            t4.number(g, c) for c in Table4Column if c is not Table4Column.TOTAL
        )


def test_generated_register_uses_every_outcome(generated: Store) -> None:
    t3_2024, t4_2024 = tables_for_year(generated, 2024)
    t3_2025, t4_2025 = tables_for_year(generated, 2025)
    for row in FORM_2021.outcome_rows:
        used = (t3_2024.number(row, Applicant.TOTAL) or 0) + (t3_2025.number(row, Applicant.TOTAL) or 0)
        assert used > 0, row
    assert (t3_2025.number(Table3Row.CARRIED_OUT, Applicant.TOTAL) or 0) > 0  # late requests stay open
    assert t3_2025.number(Table3Row.CARRIED_IN, Applicant.TOTAL) == t3_2024.number(Table3Row.CARRIED_OUT, Applicant.TOTAL)
    assert (t4_2024.number(Table4Group.REVIEW, Table4Column.TOTAL) or 0) + (
        t4_2025.number(Table4Group.REVIEW, Table4Column.TOTAL) or 0
    ) > 0
    assert (t4_2025.number(Table4Group.SUIT_DIRECT, Table4Column.TOTAL) or 0) > 0


def test_generate_is_deterministic() -> None:
    a, b = open_store("sqlite://"), open_store("sqlite://")
    generate(a, 200, [2025], seed=3)
    generate(b, 200, [2025], seed=3)
    assert tables_for_year(a, 2025)[0].to_json() == tables_for_year(b, 2025)[0].to_json()
