"""Label-anchored rows: find each row by its label and give it the values that follow it.

Structure is never inferred from a count of numbers. A row's values are the value cells after its label:
in the same grid row or separated text line when the layout positions cells, or on the following one-cell
lines when it does not. Assigning them to columns happens only when the count is right; otherwise the
cells are uncertain and say why. A squashed digit string ("4920" for three cells) is split only when one
split alone is possible.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import combinations, pairwise
from typing import Generic, TypeVar

from gongkai.model.labels import normalize
from gongkai.model.report import Cell
from gongkai.model.values import NO_FIGURE_WORDS, UNREADABLE, CellKind, CellValue, read_value
from gongkai.parse.tokens import Token

K = TypeVar("K")


@dataclass(slots=True)
class RowRead(Generic[K]):
    key: K
    label: Token
    printed_label: str
    values: list[Token] = field(default_factory=list)
    closed: bool = False
    #: the label is a line of its own and its values on the lines after it
    across_lines: bool = False
    #: why the values cannot be tied to this row after all (then its cells are uncertain)
    doubt: str | None = None


#: figures printed before a label, and a label with no figures after it: a PDF copy may put a row's
#: figures above its label (the label sits lower than the figures' baseline) as well as below it
_WHICH_LINE = "数值与行标签分行印出，且表中有数值行位于标签之前：无法确定数值属于上方还是下方的标签"


def collect_rows(
    tokens: Sequence[Token],
    match: Callable[[str], K | None],
    continues: Callable[[str, K], bool],
    skip: Callable[[str], bool] = lambda norm: False,
    orphans: list[tuple[int, list[Token]]] | None = None,
) -> list[RowRead[K]]:
    """Walk the tokens of one table region and group values under the row labels they follow.

    Values that follow no open row are collected in ``orphans`` as runs, each with the number of rows
    read before it, so that a caller that knows the layout (a block whose row label is missing) can place
    them; they are never given to a row here. A text cell that is no label, header or continuation starts a
    run of its own (it may be a row label nobody has seen, and then the values after it are that row's)."""
    tokens = _explode(tokens, match)
    # in a positioned row, cells before the row's label are group labels or merged placeholders
    label_at: dict[tuple[int, int], int] = {}
    for i, tok in enumerate(tokens):
        row = tok.row
        if row is not None and tok.value is None and row not in label_at and match(tok.norm) is not None:
            label_at[row] = i
    rows: list[RowRead[K]] = []
    current: RowRead[K] | None = None
    loose_figures = False  # the last cells were figures that no row took
    unknown_label = False  # ... because they follow a text cell that names no row (they are its figures)
    figures_before_label = False
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if label_at and tok.row is not None and i < label_at.get(tok.row, -1):
            i += 1
            continue
        if tok.value is None:
            key = match(tok.norm)
            used, printed = 1, tok.text
            if key is None and i + 1 < n and tokens[i + 1].value is None:
                key, used, printed = _match_joined(tokens, i, match)
            if key is not None:
                if current is not None and key == current.key and tok.row is not None and tok.row == current.label.row:
                    i += used  # the label again in the same printed row: a merged label cell filled in
                    continue
                current = RowRead(key, tok, printed)
                rows.append(current)
                if loose_figures and tok.row is None:
                    figures_before_label = True
                loose_figures = unknown_label = False
                i += used
                continue
            if current is not None and not current.values and not current.closed and continues(tok.norm, current.key):
                current.printed_label += tok.text
            elif not skip(tok.norm):
                unknown_label = True
                if current is not None:
                    current.closed = True
                if orphans is not None:
                    orphans.append((len(rows), [tok]))  # a label nobody knows: the values after it are its
            i += 1
            continue
        if current is not None and not current.closed:
            if current.label.row is None or tok.row == current.label.row or tok.row is None:
                current.values.append(tok)
                if current.label.row is None:
                    current.across_lines = True
                i += 1
                continue
            # a positioned row without a label of its own after a labelled one: not this row's values
            current.closed = True
        if tok.value.kind is not CellKind.BLANK and not unknown_label:
            loose_figures = True
        if orphans is not None and (tok.value.kind is not CellKind.BLANK or tok.positioned):
            if orphans and orphans[-1][0] == len(rows) and orphans[-1][1] and orphans[-1][1][-1] is tokens[i - 1]:
                orphans[-1][1].append(tok)
            else:
                orphans.append((len(rows), [tok]))
        i += 1
    # figures before a label, and a label left with none after it: the figures may sit above their labels
    # (figures before a label alone are a row whose label is blank, which the caller may place)
    if figures_before_label and any(not read.values for read in rows if read.label.row is None):
        for read in rows:
            if read.across_lines:
                read.doubt = _WHICH_LINE
    return rows


def _match_joined(tokens: Sequence[Token], i: int, match: Callable[[str], K | None]) -> tuple[K | None, int, str]:
    """A label broken over two or three consecutive text cells (the cell at ``i`` alone is no label, and
    the caller has seen that the cell after it is text too)."""
    joined = tokens[i].norm
    printed = tokens[i].text
    for extra in (1, 2):
        j = i + extra
        if j >= len(tokens) or tokens[j].value is not None:
            break
        joined += tokens[j].norm
        printed += tokens[j].text
        key = match(joined)
        if key is not None:
            return key, extra + 1, printed
    return None, 1, tokens[i].text


_SPLIT = re.compile(r"\s+")
_HAS_DIGIT = re.compile(r"\d")


def _explode(tokens: Sequence[Token], match: Callable[[str], object | None]) -> Sequence[Token]:
    """A label and its values printed in one cell separated by spaces ("规章 0 0 0") become separate tokens."""
    spaced = [t for t in tokens if t.value is None and (" " in t.text or "\u3000" in t.text)]
    if not spaced:
        return tokens  # the common case: no cell to look at twice
    out: list[Token] = []
    for tok in tokens:
        if tok.value is None and (" " in tok.text or "\u3000" in tok.text) and _HAS_DIGIT.search(tok.text):
            parts = _SPLIT.split(tok.text.strip())
            if len(parts) >= 2 and read_value(parts[-1]) is not None:
                exploded = _try_explode(tok, parts, match)
                if exploded:
                    out.extend(exploded)
                    continue
        out.append(tok)
    return out


def _try_explode(tok: Token, parts: list[str], match: Callable[[str], object | None]) -> list[Token] | None:
    for k in range(1, len(parts)):
        label = "".join(parts[:k])
        rest = parts[k:]
        values = [read_value(p) for p in rest]
        if match(normalize(label)) is not None and all(v is not None and v.kind is not CellKind.TEXT for v in values):
            row = tok.row if tok.row is not None else (tok.block, 0)
            first = Token(label, normalize(label), None, tok.source, row, tok.block, tok.ocr)
            pieces = [first]
            for p, v in zip(rest, values, strict=True):
                pieces.append(Token(p, normalize(p), v, tok.source, row, tok.block, tok.ocr))
            return pieces
    return None


# ---------------------------------------------------------------------------------------------- assignment


_new = tuple.__new__
_HOWS = {
    (positioned, n): [
        f"按行标签对齐（{'单元格位置确定' if positioned else '逐行单元格'}），第 {k + 1}/{n} 个值" for k in range(n)
    ]
    for positioned in (True, False)
    for n in range(1, 16)
}


def assign(
    values: list[Token],
    expected: int,
    positioned: bool,
    label_span: int = 1,
    *,
    glued: bool = False,
    doubt: str | None = None,
) -> list[Cell]:
    """Give ``expected`` columns their cells from the values printed after a label, or say why not.

    ``label_span`` is how many grid columns the label may cover on the form (表三's labels cover up to
    three): in a positioned row with too many cells, empty cells right after the label are the rest of
    the label's merged cell, as a table rebuilt from a PDF's ruling lines can show them.

    ``glued``: the text lost its separators (a crawler's copy), so one run of digits may stand for several
    cells and is split where only one split fits. Anywhere else a short row is a row whose blank cells left
    no trace ("1", "11" may be 1 | blank | 11): splitting "11" would be a guess, so its cells are uncertain."""
    if doubt is not None:
        return [Cell(None, values[0].source if values else None, "未读到", doubt) for _ in range(expected)]
    vals = list(values)
    if positioned:
        spare = label_span - 1
        while spare and len(vals) > expected and vals[0].value is not None and vals[0].value.is_blank:
            vals.pop(0)
            spare -= 1
    # padding cells after the last value (pipes and tabs of merged cells, empty Word cells)
    while len(vals) > expected and vals[-1].value is not None and vals[-1].value.kind is CellKind.BLANK:
        vals.pop()
    if len(vals) == expected:
        hows = _HOWS[positioned, expected]
        text = CellKind.TEXT
        # built as plain tuples: NamedTuple's keyword constructor is Python code and this runs per cell
        cells: list[Cell] = []
        for k, t in enumerate(vals):
            value = t.value
            if value is not None and value.kind is not text and not t.ocr:
                cells.append(_new(Cell, (value, t.source, hows[k], None)))
            else:
                cells.append(_cell(t, hows[k]))
        return cells
    if glued and 0 < len(vals) < expected:
        split = _split_squashed(vals, expected)
        if split is not None:
            return split
    where = vals[0].source if vals else None
    if len(vals) > expected:
        reason = f"该行印有 {len(vals)} 个值，多于 {expected} 列，无法确定各值所属的列"
    elif not vals:
        reason = "该行没有印出数值"
        return [Cell(None, where, "未读到", reason) for _ in range(expected)]
    elif positioned:
        reason = f"该行只有 {len(vals)} 个单元格（应为 {expected} 个），无法确定缺少的是哪一列"
    else:
        reason = f"该行只读到 {len(vals)} 个值（应为 {expected} 个）：此排版中空白单元格不留痕迹，无法确定各值所属的列"
    return [Cell(None, where, "未读到", reason) for _ in range(expected)]


def _cell(tok: Token, how: str) -> Cell:
    value = tok.value
    assert value is not None
    if tok.ocr:
        how += "；经 OCR 从扫描图像识别，请与原件核对"
    if UNREADABLE in value.raw:
        return Cell(None, tok.source, how, "扫描件中该格有字迹，但 OCR 无法识别")
    if value.kind is not CellKind.TEXT:
        return Cell(value, tok.source, how)
    if value.raw in NO_FIGURE_WORDS:
        return Cell(value, tok.source, how)  # "无" printed instead of a figure: known, kept as printed
    return Cell(value, tok.source, how, f"单元格内容“{value.raw}”不是一个数值（可能是多个数字挤在一格，或文字）")


_DIGITS = re.compile(r"^\d+$")


def _split_squashed(toks: list[Token], expected: int) -> list[Cell] | None:
    """Figures run together ("4920" for three cells, "10 0 0 0 01" for seven): split only if exactly one
    way gives the expected number of cells with no leading zeros."""
    digits = []
    for tok in toks:
        value = tok.value
        if value is None or value.kind is not CellKind.NUMBER or value.unit or not _DIGITS.match(value.raw):
            return None
        digits.append(value.raw)
    total = sum(len(d) for d in digits)
    if total < expected:
        return None
    if total > expected * _MAX_FIGURE_DIGITS:
        # more digits than the cells can hold as plausible figures: too many splits to list, none certain
        reason = f"连写数字“{' '.join(digits)}”过长，无法确定各格的值"
        return [Cell(None, toks[0].source, "连写数字", reason) for _ in range(expected)]
    ways = _joint_splits(digits, expected)
    shown = " ".join(digits)
    if len(ways) == 1:
        cells: list[Cell] = []
        for tok, parts in zip(toks, ways[0], strict=True):
            for part in parts:
                k = len(cells)
                how = f"连写数字“{shown}”唯一拆分，第 {k + 1}/{expected} 个值"
                cells.append(Cell(CellValue(CellKind.NUMBER, part, int(part)), tok.source, how))
        return cells
    many = f"{len(ways)} 种" if len(ways) <= _MAX_WAYS else "多种"
    reason = f"连写数字“{shown}”有{many}拆分为 {expected} 格的方式，无法确定各格的值"
    return [Cell(None, toks[0].source, "连写数字", reason) for _ in range(expected)]


_MAX_WAYS = 50
#: a table figure has at most this many digits (the largest corpus figure, 3985758, has 7)
_MAX_FIGURE_DIGITS = 9


def _joint_splits(digits: list[str], expected: int) -> list[list[tuple[str, ...]]]:
    """Every way to cut each digit string so that the pieces number ``expected`` (stops past _MAX_WAYS)."""
    out: list[list[tuple[str, ...]]] = []

    def walk(i: int, left: int, acc: list[tuple[str, ...]]) -> None:
        if len(out) > _MAX_WAYS:
            return
        if i == len(digits):
            if left == 0:
                out.append(list(acc))
            return
        remaining = len(digits) - i - 1  # each later string needs at least one cell
        for parts in range(1, min(len(digits[i]), left - remaining) + 1):
            for cut in _splits(digits[i], parts):
                walk(i + 1, left - parts, [*acc, cut])

    walk(0, expected, [])
    return out


def _splits(digits: str, parts: int) -> list[tuple[str, ...]]:
    out = []
    for cuts in combinations(range(1, len(digits)), parts - 1):
        bounds = (0, *cuts, len(digits))
        pieces = tuple(digits[a:b] for a, b in pairwise(bounds))
        if all(p == "0" or not p.startswith("0") for p in pieces):
            out.append(pieces)
            if len(out) > 50:
                break
    return out
