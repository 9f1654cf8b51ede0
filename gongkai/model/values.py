"""What a printed table cell holds, kept apart: a printed 0, a blank, "/", a dash, a signed number, a
decimal amount, a number with its unit, or text. Nothing here repairs a value: ``raw`` is what was printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache


class CellKind(StrEnum):
    NUMBER = "number"
    BLANK = "blank"
    SLASH = "slash"  # "/": printed to say "not applicable"
    DASH = "dash"  # "-", "—": likewise, but a different mark
    TEXT = "text"  # anything else in a value position ("无", "不适用", …)


Number = int | Decimal


@dataclass(frozen=True, slots=True)
class CellValue:
    kind: CellKind
    raw: str
    number: Number | None = None
    unit: str | None = None  # printed unit ("万元", "元", "件", "笔"), None when the cell has none
    signed: bool = False  # printed with an explicit "+" or "-"

    @property
    def is_number(self) -> bool:
        return self.kind is CellKind.NUMBER

    @property
    def is_blank(self) -> bool:
        return self.kind is CellKind.BLANK

    def json_value(self) -> int | float | str | None:
        """The value as the corpus gold files store it: number, null for blank, the printed mark otherwise."""
        if self.kind is CellKind.NUMBER:
            assert self.number is not None
            return self.number if isinstance(self.number, int) else float(self.number)
        if self.kind is CellKind.BLANK:
            return None
        if self.kind is CellKind.SLASH:
            return "/"
        return self.raw


BLANK = CellValue(CellKind.BLANK, "")

#: what a reader puts in a cell that has ink it could not read (OCR): a value of unknown content, not a blank
UNREADABLE = "\ufffd"

#: Units printed after numbers in table cells.
UNITS = ("万元", "元", "件", "笔", "条", "个", "项", "次", "宗")
_SPACE = re.compile(r"[\s\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]+")
_NUMBER = re.compile(
    r"^(?P<sign>[+\-＋－])?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?(?P<unit>万元|元|件|笔|条|个|项|次|宗)?$"
)
_UNIT_GAP = re.compile(r"^[+\-＋－]?[\d,.]+ (万元|元|件|笔|条|个|项|次|宗)$")
_SLASHES = frozenset({"/", "／"})
_DASHES = frozenset({"-", "—", "–", "－", "--", "——", "―"})
#: words printed in a value cell instead of a figure: never a row label, so they are values (text, kept as
#: printed; the checker says they are not figures)
NO_FIGURE_WORDS = frozenset({"无", "暂无", "不适用"})
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


def strip_cell(text: str) -> str:
    """Remove every kind of white space and the trailing pipes of pipe-terminated text layouts."""
    return _SPACE.sub("", text).strip("|")


@lru_cache(maxsize=65536)
def read_value(text: str) -> CellValue | None:
    """Read a printed cell. Returns None when the text is not a value at all (a label, a header)."""
    raw = text.strip()
    compact = strip_cell(raw)
    if not compact:
        return CellValue(CellKind.BLANK, raw)
    if UNREADABLE in compact:
        return CellValue(CellKind.TEXT, compact)
    # White space inside a figure ("1 0", "1\n0") may join two cells or split one: never read it as one
    # number. Only the space before a unit ("40.1396 万元") and thousands spacing of the unit are harmless.
    inner = _SPACE.sub(" ", raw.strip(" \t\r\n\u00a0\u3000|")).strip()
    if " " in inner and not _UNIT_GAP.match(inner):
        parts = inner.split(" ")
        return text_value(raw) if all(_NUMBER.match(p.translate(_FULLWIDTH_DIGITS)) for p in parts) else None
    if compact in _SLASHES:
        return CellValue(CellKind.SLASH, compact)
    if compact in _DASHES:
        return CellValue(CellKind.DASH, compact)
    if compact in NO_FIGURE_WORDS:
        return CellValue(CellKind.TEXT, compact)
    m = _NUMBER.match(compact.translate(_FULLWIDTH_DIGITS))
    if not m:
        return None
    digits = m["int"].replace(",", "")
    sign = m["sign"]
    negative = sign in ("-", "－")
    number: Number
    if m["frac"] is not None:
        number = Decimal(f"{digits}.{m['frac']}")
        if negative:
            number = -number
    else:
        number = -int(digits) if negative else int(digits)
    return CellValue(CellKind.NUMBER, compact, number, m["unit"], signed=sign is not None)


def text_value(text: str) -> CellValue:
    """A value position that holds words: kept as text, never read as a number."""
    return CellValue(CellKind.TEXT, _SPACE.sub(" ", text).strip(" |"))
