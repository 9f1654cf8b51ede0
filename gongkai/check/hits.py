"""Hits shared by the table rules: a failed or uncheckable identity, a blank total, a bad count."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from gongkai.check.arith import Outcome, Term, Verdict, is_blank, plain
from gongkai.check.registry import Hit
from gongkai.model import Severity, Source
from gongkai.model.values import Number

NOT_CHECKABLE = "无法核对"


def identity_hits(checks: Iterable[tuple[Outcome, str]], statement: str) -> Iterator[Hit]:
    """One hit per identity that fails, then at most one 提示 listing the identities that cannot be
    checked (an uncertain cell, or blanks that could explain the difference) — never an 错误 for those."""
    uncheckable: list[tuple[Outcome, str]] = []
    for outcome, where in checks:
        if outcome.verdict is Verdict.FAILS:
            yield _failed(outcome, where, statement)
        elif outcome.verdict is Verdict.UNCHECKABLE:
            uncheckable.append((outcome, where))
    if uncheckable:
        yield _uncheckable(uncheckable, statement)


def _failed(outcome: Outcome, where: str, statement: str) -> Hit:
    values = outcome.values()
    message = (
        f"{statement}不成立：{outcome.left.label} = {values['left']}，{outcome.right.label} = {values['right']}，"
        f"相差 {values['difference']}"
    )
    if outcome.left.unknown or outcome.right.unknown:
        message += "（未填写的单元格按非负数计，仍不可能相等）"
    return Hit(message, where, values, outcome.refs, outcome.sources)


def _uncheckable(items: list[tuple[Outcome, str]], statement: str) -> Hit:
    uncertain = any(o.left.uncertain or o.right.uncertain for o, _ in items)
    reason = "含无法从文件确定的单元格" if uncertain else "含未填写的单元格"
    places = [where for _, where in items]
    shown = "、".join(places[:6]) + (f" 等 {len(places)} 处" if len(places) > 6 else "")
    refs: list[tuple[str, str, str]] = []
    sources: list[Source] = []
    for outcome, _ in items:
        for t in outcome.terms:
            if t.unknown and t.ref not in refs:
                refs.append(t.ref)
                if t.cell.source is not None:
                    sources.append(t.cell.source)
    return Hit(
        f"{statement}{NOT_CHECKABLE}（{reason}）：{shown}",
        places[0] if len(places) == 1 else places[0].split(" ")[0],  # the table's name
        {"places": places, "unknown_cells": len(refs)},
        tuple(refs),
        tuple(sources),
        severity=Severity.NOTICE,
    )


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
