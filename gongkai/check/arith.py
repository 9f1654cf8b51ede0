"""Sums over printed cells that keep a blank apart from 0 and an unknown cell apart from both.

An identity ``left = right`` over cells is decided like this:

* every cell a printed number → the sums are compared exactly;
* a cell that cannot be known (``Cell.uncertain``) → the identity is "not checkable" (a 提示 at most),
  never an 错误, whatever the other cells say;
* a blank, a mark ("/", "-") or words in a value position stand for an unknown non-negative count: the
  identity is an error only when it fails whatever that count is (the known side already exceeds the
  other); when it holds with the blanks read as 0 nothing is said here (the blank has its own finding),
  otherwise it is "not checkable".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from gongkai.model import Cell, CellKind, Source
from gongkai.model.values import Number


@dataclass(frozen=True)
class Term:
    """One cell in a sum, with its gold-style reference and its name for messages."""

    cell: Cell
    ref: tuple[str, str, str]
    name: str

    @property
    def number(self) -> Number | None:
        return self.cell.number

    @property
    def uncertain(self) -> bool:
        return self.cell.value is None and self.cell.uncertain is not None

    @property
    def unknown(self) -> bool:
        """Not a printed number (blank, mark, words, not printed, or uncertain)."""
        return self.cell.number is None


@dataclass(frozen=True)
class Side:
    terms: tuple[Term, ...]
    label: str

    @property
    def known(self) -> Number:
        total: Number = 0
        for t in self.terms:
            if t.number is not None:
                total += t.number
        return total

    @property
    def unknown(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.unknown)

    @property
    def uncertain(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.uncertain)

    @property
    def all_unknown(self) -> bool:
        return all(t.unknown for t in self.terms)


class Verdict(Enum):
    HOLDS = "holds"
    FAILS = "fails"  # fails whatever the blank cells hold
    UNCHECKABLE = "uncheckable"  # an uncertain cell, or blanks that could explain the difference
    EMPTY = "empty"  # nothing printed on either side: the empty-table rule speaks


@dataclass(frozen=True)
class Outcome:
    verdict: Verdict
    left: Side
    right: Side

    @property
    def difference(self) -> Number:
        return self.left.known - self.right.known

    @property
    def terms(self) -> tuple[Term, ...]:
        return self.left.terms + self.right.terms

    @property
    def refs(self) -> tuple[tuple[str, str, str], ...]:
        return tuple(t.ref for t in self.terms)

    @property
    def sources(self) -> tuple[Source, ...]:
        return tuple(t.cell.source for t in self.terms if t.cell.source is not None)

    def values(self) -> dict[str, object]:
        out: dict[str, object] = {
            "left_label": self.left.label,
            "left": plain(self.left.known),
            "right_label": self.right.label,
            "right": plain(self.right.known),
            "difference": plain(self.difference),
        }
        blank = [t.name for t in self.terms if t.unknown and not t.uncertain]
        uncertain = [t.name for t in self.terms if t.uncertain]
        if blank:
            out["unfilled"] = blank
        if uncertain:
            out["uncertain"] = uncertain
        return out


def plain(n: Number) -> int | float:
    return float(n) if isinstance(n, Decimal) else n


def compare(left: Side, right: Side) -> Outcome:
    if left.all_unknown and right.all_unknown and not (left.uncertain or right.uncertain):
        return Outcome(Verdict.EMPTY, left, right)
    if left.uncertain or right.uncertain:
        return Outcome(Verdict.UNCHECKABLE, left, right)
    lk, rk = left.known, right.known
    l_open, r_open = bool(left.unknown), bool(right.unknown)
    if not l_open and not r_open:
        return Outcome(Verdict.HOLDS if lk == rk else Verdict.FAILS, left, right)
    if lk == rk:
        return Outcome(Verdict.HOLDS, left, right)
    # unknown counts are non-negative: an open side can only grow
    if (l_open and not r_open and lk > rk) or (r_open and not l_open and rk > lk):
        return Outcome(Verdict.FAILS, left, right)
    return Outcome(Verdict.UNCHECKABLE, left, right)


def side(terms: Sequence[Term], label: str) -> Side:
    return Side(tuple(terms), label)


def is_mark(cell: Cell) -> bool:
    """A value position holding "/", a dash or words instead of a number."""
    return cell.value is not None and cell.value.kind in (CellKind.SLASH, CellKind.DASH, CellKind.TEXT)


def is_blank(cell: Cell) -> bool:
    """Printed blank (or not printed), and not merely unknown to the reader."""
    return cell.uncertain is None and (cell.value is None or cell.value.kind is CellKind.BLANK)


def sums_equal(left: Sequence[Cell], right: Sequence[Cell]) -> bool:
    """Fast path: every cell a printed number and the sums equal (most identities in most reports)."""
    total: Number = 0
    for cell in left:
        value = cell.value
        if value is None or value.number is None or value.kind is not CellKind.NUMBER:
            return False
        total += value.number
    for cell in right:
        value = cell.value
        if value is None or value.number is None or value.kind is not CellKind.NUMBER:
            return False
        total -= value.number
    return total == 0
