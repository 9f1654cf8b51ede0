"""信息处理费 on the worked examples of law.md §4.3."""

from __future__ import annotations

import pytest

from gongkai.register.fees import BadFee, FeeMethod, fee_by_items, fee_by_pages, item_price


def test_35_applications_in_a_month() -> None:
    fee = fee_by_items(0, 35)
    assert fee.amount == 3000
    assert [(line.first, line.last, line.price) for line in fee.lines] == [(1, 10, 0), (11, 30, 100), (31, 35, 200)]


def test_55_applications_in_a_month() -> None:
    assert fee_by_items(0, 55).amount == 9000  # 2,000 + 10×200 + 10×300 + 5×400


def test_marginal_items_after_earlier_ones() -> None:
    # the 31st–35th application of the month, when 30 were already filed
    assert fee_by_items(30, 5).amount == 1000
    assert item_price(10) == 0 and item_price(11) == 100 and item_price(41) == 300 and item_price(51) == 400


def test_250_pages() -> None:
    fee = fee_by_pages(250)
    assert fee.method is FeeMethod.BY_VOLUME
    assert fee.amount == 4700  # 70×10 + 100×20 + 50×40
    assert fee.explanation()[-1].startswith("合计：4700 元（按量计收")
    assert fee.explanation()[1] == "第 31–100 页：70 页 × 10 元 = 700 元"


def test_free_below_thresholds() -> None:
    assert fee_by_pages(30).amount == 0
    assert fee_by_items(0, 10).amount == 0


@pytest.mark.parametrize("call", [lambda: fee_by_pages(0), lambda: fee_by_items(-1, 1), lambda: item_price(0)])
def test_bad_quantities(call: object) -> None:
    with pytest.raises(BadFee):
        call()
