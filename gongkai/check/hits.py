"""Hits shared by the table rules: a failed or uncheckable identity, a blank total, a bad count."""

from __future__ import annotations

from gongkai.check.arith import Outcome, Term, Verdict, is_blank, plain
from gongkai.check.registry import Hit
from gongkai.model import Severity
from gongkai.model.values import Number

NOT_CHECKABLE = "无法核对"


def arithmetic_hit(outcome: Outcome, where: str, statement: str) -> Hit | None:
    """The hit for a failed or uncheckable identity; None when it holds or nothing is printed."""
    if outcome.verdict in (Verdict.HOLDS, Verdict.EMPTY):
        return None
    values = outcome.values()
    left, right = values["left"], values["right"]
    if outcome.verdict is Verdict.FAILS:
        message = (
            f"{statement}不成立：{outcome.left.label} = {left}，{outcome.right.label} = {right}，"
            f"相差 {values['difference']}"
        )
        if outcome.left.unknown or outcome.right.unknown:
            message += "（未填写的单元格按非负数计，仍不可能相等）"
        return Hit(message, where, values, outcome.refs, outcome.sources)
    names = "、".join(t.name for t in outcome.terms if t.unknown)
    reason = "无法确定的单元格" if outcome.left.uncertain or outcome.right.uncertain else "未填写的单元格"
    message = (
        f"{statement}{NOT_CHECKABLE}：{reason}（{names}）；已知部分 {outcome.left.label} = {left}，"
        f"{outcome.right.label} = {right}"
    )
    return Hit(message, where, values, outcome.refs, outcome.sources, severity=Severity.NOTICE)


def blank_total(total: Term, parts: list[Term], parts_label: str) -> Hit | None:
    filled = [p for p in parts if p.number is not None]
    if not is_blank(total.cell) or not filled:
        return None
    known: Number = sum((p.number for p in filled if p.number is not None), 0)
    return Hit(
        f"{total.name}未填写，而{parts_label}已填写（已填写部分合计 {plain(known)}）；空白不按 0 计，"
        "不作加总核对",
        total.name,
        {"total": None, "parts_sum": plain(known), "parts_filled": len(filled), "parts": len(parts)},
        (total.ref, *(p.ref for p in filled)),
        tuple(t.cell.source for t in (total, *filled) if t.cell.source is not None),
    )


def count_problem(number: Number, signed_allowed: bool = False) -> str | None:
    """Why a printed number is not a valid count, or None."""
    if number != int(number):
        return "不是整数"
    if number < 0 and not signed_allowed:
        return "是负数"
    return None
