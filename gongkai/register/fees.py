"""信息处理费 (条例第四十二条; 《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号).

Two methods, never both for one application (办法第三条), each 超额累进 (charged marginally by tier):

- 按件 (第四条): per applicant per natural month — the 1st–10th application free, the 11th–30th 100 元 each,
  then per band of ten the price rises by 100 元 (31st–40th 200 元, 41st–50th 300 元, …);
- 按量 (第五条): per application by pages — 1–30 free, 31–100 10 元/页, 101–200 20 元/页, 201+ 40 元/页.

Worked examples: ``../shared/spec/law.md`` §4.3 (35 applications = 3,000 元; 55 = 9,000 元; 250 pages = 4,700 元).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from gongkai.errors import RegisterError

BASIS = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"

#: 按量 tiers: (first page of the tier, last page or None, 元 per page)
PAGE_TIERS: tuple[tuple[int, int | None, int], ...] = ((1, 30, 0), (31, 100, 10), (101, 200, 20), (201, None, 40))
#: 按件: free up to this many applications per applicant per natural month
FREE_ITEMS = 10
FIRST_PAID_BAND_END = 30
FIRST_PAID_PRICE = 100
BAND = 10
BAND_STEP = 100


class FeeMethod(StrEnum):
    BY_ITEM = "按件"
    BY_VOLUME = "按量"


class BadFee(RegisterError):
    pass


def parse_method(text: object) -> FeeMethod:
    for method in FeeMethod:
        if str(text).strip() in (method.value, method.name, method.name.lower()):
            return method
    raise BadFee(f"“{text}”不是收费方式；可选：{'、'.join(m.value for m in FeeMethod)}")


def item_price(ordinal: int) -> int:
    """Price in 元 of an applicant's ``ordinal``-th application (1-based) in one natural month."""
    if ordinal < 1:
        raise BadFee(f"申请件次应从 1 开始，收到 {ordinal}")
    if ordinal <= FREE_ITEMS:
        return 0
    if ordinal <= FIRST_PAID_BAND_END:
        return FIRST_PAID_PRICE
    band = (ordinal - FIRST_PAID_BAND_END - 1) // BAND + 1
    return FIRST_PAID_PRICE + band * BAND_STEP


@dataclass(frozen=True)
class FeeLine:
    """One tier of a computed fee: how many units at which price."""

    first: int
    last: int
    units: int
    price: int

    @property
    def amount(self) -> int:
        return self.units * self.price

    def text(self, unit: str) -> str:
        span = f"第 {self.first} {unit}" if self.first == self.last else f"第 {self.first}–{self.last} {unit}"
        if self.price == 0:
            return f"{span}：{self.units} {unit}，不收费"
        return f"{span}：{self.units} {unit} × {self.price} 元 = {self.amount} 元"


@dataclass(frozen=True)
class Fee:
    method: FeeMethod
    lines: tuple[FeeLine, ...]

    @property
    def amount(self) -> int:
        return sum(line.amount for line in self.lines)

    def explanation(self) -> list[str]:
        unit = "件" if self.method is FeeMethod.BY_ITEM else "页"
        return [*(line.text(unit) for line in self.lines), f"合计：{self.amount} 元（{self.method}计收，{BASIS}）"]


def fee_by_items(already_this_month: int, items: int) -> Fee:
    """按件: the fee for ``items`` more applications by an applicant who already filed
    ``already_this_month`` in the same natural month (the fee of the added ones only)."""
    if already_this_month < 0 or items < 1:
        raise BadFee(f"件数有误：本月此前 {already_this_month} 件、本次 {items} 件")
    lines: list[FeeLine] = []
    for ordinal in range(already_this_month + 1, already_this_month + items + 1):
        price = item_price(ordinal)
        if lines and lines[-1].price == price:
            last = lines[-1]
            lines[-1] = FeeLine(last.first, ordinal, last.units + 1, price)
        else:
            lines.append(FeeLine(ordinal, ordinal, 1, price))
    return Fee(FeeMethod.BY_ITEM, tuple(lines))


def fee_by_pages(pages: int) -> Fee:
    """按量: the fee for one application producing ``pages`` pages."""
    if pages < 1:
        raise BadFee(f"页数应至少为 1，收到 {pages}")
    lines: list[FeeLine] = []
    for first, last, price in PAGE_TIERS:
        if pages < first:
            break
        top = pages if last is None else min(pages, last)
        lines.append(FeeLine(first, top, top - first + 1, price))
    return Fee(FeeMethod.BY_VOLUME, tuple(lines))
