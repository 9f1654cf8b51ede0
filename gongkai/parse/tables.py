"""Find 表二, 表三 and 表四 in the token stream by their anchors and read each one, row by row, against the form.

The edition is decided per table: 表二 by its header words (format.md §2.5), 表三 by whether （六）其他处理 is one
row holding values (2019) or a group of three rows (2021). A hybrid report therefore comes out with a 2021
表二 and a 2019 表三, as printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from gongkai.model.form import (
    APPLICANT_HEADER,
    TABLE2_CONTENT_HEADER,
    TABLE2_ITEM_PREFIX,
    TABLE4_CELLS,
    TABLE4_PARTS,
    Applicant,
    Edition,
    Section,
    Table2Column,
    Table2Row,
    Table3Row,
    Table4Column,
    Table4Group,
    expected_edition,
    form_for,
)
from gongkai.model.labels import normalize
from gongkai.model.report import Cell, LabelVariant, Table2, Table3, Table4
from gongkai.model.values import CellKind
from gongkai.parse.labels import (
    is_applicant_header,
    is_balance_note,
    is_group_label,
    is_table3_prefix,
    is_table4_header,
    match_table2,
    match_table2_column,
    match_table3,
    match_table4_group,
    table2_markers,
    table4_header_start,
)
from gongkai.parse.rows import RowRead, assign, collect_rows
from gongkai.parse.tokens import Token

_APPLICANT_HEADER = normalize(APPLICANT_HEADER)
_CONTENT_HEADER = normalize(TABLE2_CONTENT_HEADER)


@dataclass
class Regions:
    table2: tuple[int, int] | None
    table3: tuple[int, int] | None
    table4: tuple[int, int] | None


def find_regions(tokens: Sequence[Token], stop: int | None = None) -> Regions:
    """Token index ranges of the three tables. ``stop`` is where section 五 begins, if known."""
    n = len(tokens) if stop is None else stop
    t3_start = None
    for i in range(n):
        norm = tokens[i].norm
        if tokens[i].value is None and (
            is_balance_note(norm) or norm == _APPLICANT_HEADER or match_table3(norm) is Table3Row.NEW_RECEIVED
        ):
            t3_start = i
            break
    t2_start = None
    for i in range(t3_start if t3_start is not None else n):
        tok = tokens[i]
        if tok.value is None and (TABLE2_ITEM_PREFIX in tok.norm or tok.norm == _CONTENT_HEADER or match_table2(tok.norm)):
            t2_start = i
            break
    t4_start = None
    search_from = t3_start if t3_start is not None else (t2_start or 0)
    last_t3 = None
    for i in range(n - 1, search_from - 1, -1):  # the last one: 表四 follows it
        if tokens[i].value is None and match_table3(tokens[i].norm) is Table3Row.CARRIED_OUT:
            last_t3 = i
            break
    for i in range(last_t3 if last_t3 is not None else search_from, n):
        tok = tokens[i]
        if tok.value is None and table4_header_start(tok.norm):
            t4_start = i
            break
    t2 = (t2_start, t3_start if t3_start is not None else (t4_start if t4_start is not None else n)) if t2_start is not None else None
    t3 = (t3_start, t4_start if t4_start is not None else n) if t3_start is not None else None
    t4 = (t4_start, n) if t4_start is not None else None
    return Regions(t2, t3, t4)


# ---------------------------------------------------------------------------------------------- 表二


def read_table2(
    tokens: Sequence[Token], year: int | None, variants: list[LabelVariant], *, glued: bool = False
) -> Table2 | None:
    """表二 row by row. ``glued``: the text lost its separators, so a run of digits may hold several cells."""
    markers: dict[Edition, int] = {Edition.F2021: 0, Edition.F2019: 0}
    for tok in tokens:
        if tok.value is None:
            for edition in table2_markers(tok.norm):
                markers[edition] += 1
    orphans: list[tuple[int, list[Token]]] = []
    rows = collect_rows(tokens, match_table2, lambda norm, key: False, skip=_table2_skip, orphans=orphans)
    if not rows:
        return None
    keys = {r.key for r in rows}
    if Table2Row.OTHER_SERVICES in keys or Table2Row.PROCUREMENT in keys:
        markers[Edition.F2019] += 2
    if markers[Edition.F2019] > markers[Edition.F2021]:
        edition = Edition.F2019
    elif markers[Edition.F2021] > markers[Edition.F2019]:
        edition = Edition.F2021
    else:
        edition = expected_edition(year) or Edition.F2021
    form = form_for(edition)
    table = Table2(edition)
    seen: set[Table2Row] = set()
    for read in rows:
        if read.key in seen or read.key not in form.table2_rows:
            continue
        seen.add(read.key)
        columns = form.table2_columns(read.key)
        values = read.values
        if len(values) > len(columns) and read.label.positioned:
            values = _unmerged(tokens, read, columns) or values
        cells = assign(values, len(columns), read.label.positioned, glued=glued, doubt=read.doubt)
        for column, cell in zip(columns, cells, strict=True):
            table.cells[(read.key, column)] = cell
        _note_variant(read, read.key.label_in(edition), variants)
    unplaced = _place_unlabelled(table, rows, orphans, seen, variants)
    table.missing_rows = [r for r in form.table2_rows if r not in seen]
    for row in table.missing_rows:
        if form.table2_block(row).item in unplaced:
            # figures printed in this row's block under a label nobody has seen: they may be this row's
            for column in form.table2_columns(row):
                table.cells[(row, column)] = Cell(None, None, "未找到", _UNKNOWN_LABEL)
        # otherwise the row is not printed at all: its cells stay empty (blank in the source, not guessed)
    return table


_UNKNOWN_LABEL = "表中未找到该行的标签，而该栏块中有标签无法识别的数值"


def _unmerged(tokens: Sequence[Token], read: RowRead[Table2Row], columns: tuple[Table2Column, ...]) -> list[Token] | None:
    """A row printed from a table whose merged cells were filled in (pandas' read_html, Excel's "unmerge and
    fill"): "行政许可 | 3 | 3 | 3" under "信息内容 | 本年处理决定数量 | 本年处理决定数量 | 本年处理决定数量". The
    header row above it says which positions one column covers; the row is read only if each column's
    positions hold the same printed text, and its header names the block's columns in the form's order."""
    at = next(k for k, tok in enumerate(tokens) if tok is read.label)
    header = _header_above(tokens, at)
    if header is None or len(header) != len(read.values) or None in header:
        return None
    if [column for column, _ in groupby(header)] != list(columns):
        return None
    values: list[Token] = []
    start = 0
    for _, span in groupby(header):
        covered = read.values[start : start + len(list(span))]
        start += len(covered)
        if len({tok.text for tok in covered}) != 1:
            return None  # different figures under one column: not a filled-in merged cell
        values.append(covered[0])
    return values


def _header_above(tokens: Sequence[Token], at: int) -> list[Table2Column | None] | None:
    """The columns named, position by position, by the nearest positioned "信息内容 | …" header row above
    token ``at`` (None at a position that names no column)."""
    for k in range(at - 1, -1, -1):
        tok = tokens[k]
        if tok.value is None and tok.row is not None and tok.norm == _CONTENT_HEADER:
            return [
                match_table2_column(t.norm) if t.value is None else None
                for t in tokens[k + 1 :]
                if t.row == tok.row
            ]
    return None


def _place_unlabelled(
    table: Table2,
    rows: list[RowRead[Table2Row]],
    orphans: list[tuple[int, list[Token]]],
    seen: set[Table2Row],
    variants: list[LabelVariant],
) -> set[str]:
    """Values printed in a row whose label is blank or lost (HTQ25 prints the 规章 row without its label).

    They are placed only when the layout leaves one possibility: the run sits before a labelled row of the
    same block, exactly one row of that block before it is unaccounted for, and the count fits its columns.
    Returns the blocks (by item) next to figures that could not be placed: a row missing from one of them
    may be the one they were printed in, under a label nobody has seen."""
    form = table.form
    unplaced: set[str] = set()
    for before, printed in orphans:
        if _place_run(table, rows, before, printed, seen, variants):
            continue
        if any(t.value is not None and not t.value.is_blank for t in printed):
            for k in (before - 1, before):
                if 0 <= k < len(rows) and rows[k].key in form.table2_rows:
                    unplaced.add(form.table2_block(rows[k].key).item)
    return unplaced


def _place_run(
    table: Table2,
    rows: list[RowRead[Table2Row]],
    before: int,
    printed: list[Token],
    seen: set[Table2Row],
    variants: list[LabelVariant],
) -> bool:
    form = table.form
    if before >= len(rows) or rows[before].key not in form.table2_rows:
        return False
    following = rows[before].key
    block = form.table2_block(following)
    candidates = [r for r in block.rows[: block.rows.index(following)] if r not in seen]
    if len(candidates) != 1:
        return False
    if any(t.value is None for t in printed):
        return False  # printed under a label of its own that matches no row of the form: not a blank label
    run = printed
    if run[-1].row is not None:
        run = [t for t in run if t.row == run[-1].row]  # one printed row, not the header's padding
    while len(run) > len(block.columns) and run[0].value is not None and run[0].value.is_blank:
        run = run[1:]  # the blank label cell itself
    while len(run) > len(block.columns) and run[-1].value is not None and run[-1].value.is_blank:
        run = run[:-1]  # padding cells after the last value
    if len(run) != len(block.columns):
        return False
    row = candidates[0]
    seen.add(row)
    for column, tok in zip(block.columns, run, strict=True):
        assert tok.value is not None
        table.cells[(row, column)] = Cell(tok.value, tok.source, "行标签空白，按所在栏块中唯一缺少的行对应")
    variants.append(LabelVariant(row.label_in(table.edition), "", run[0].source))
    return True


def _table2_skip(norm: str) -> bool:
    """Header and band cells inside 表二 that do not end a row."""
    return norm.startswith(TABLE2_ITEM_PREFIX) or norm == _CONTENT_HEADER or match_table2_column(norm) is not None


# ---------------------------------------------------------------------------------------------- 表三


def read_table3(
    tokens: Sequence[Token], year: int | None, variants: list[LabelVariant], *, glued: bool = False
) -> Table3 | None:
    rows = collect_rows(tokens, match_table3, lambda norm, key: is_table3_prefix(norm, key), skip=_table3_skip)
    if not rows:
        return None
    by_key: dict[Table3Row, RowRead[Table3Row]] = {}
    for read in rows:
        if read.key is Table3Row.OTHER_SINGLE and not read.values and Table3Row.OTHER_SINGLE in by_key:
            continue
        by_key.setdefault(read.key, read)
    sub_rows = {Table3Row.OTHER_NO_CORRECTION, Table3Row.OTHER_FEE_UNPAID, Table3Row.OTHER_OTHER}
    single = by_key.get(Table3Row.OTHER_SINGLE)
    if sub_rows & by_key.keys():
        edition = Edition.F2021
    elif single is not None:
        edition = Edition.F2019
    else:
        edition = expected_edition(year) or Edition.F2021
    table = Table3(edition)
    for row in table.rows:
        found = by_key.get(row)
        if found is None:
            continue
        cells = assign(
            found.values, len(_APPLICANTS), found.label.positioned, label_span=_T3_LABEL_COLUMNS, glued=glued, doubt=found.doubt
        )
        table.cells.update(zip(_T3_KEYS[row], cells, strict=True))
        _note_variant(found, row.label, variants)
    for row in table.rows:
        if row not in by_key:
            for key in _T3_KEYS[row]:
                table.cells[key] = Cell(None, None, "未找到", "表中未找到该行的标签")
    return table


#: iterating an Enum builds a generator each time; the parser walks these columns for every row
_APPLICANTS = tuple(Applicant)
#: the cell keys of each row, built once (a report has 175 表三 cells)
_T3_KEYS = {row: tuple((row, column) for column in _APPLICANTS) for row in Table3Row}
#: 表三 has three label columns (三、本年度办理结果 | group | sub-row); a row label may span all three
_T3_LABEL_COLUMNS = 3


def _table3_skip(norm: str) -> bool:
    return is_applicant_header(norm) or is_balance_note(norm) or is_group_label(norm) is not None


# ---------------------------------------------------------------------------------------------- 表四


def read_table4(tokens: Sequence[Token], *, glued: bool = False) -> Table4 | None:
    """The 15 values after the last header cell; a header with no data row gives an all-blank table."""
    last_header = None
    for i, tok in enumerate(tokens):
        if tok.value is None and _is_table4_header(tok.norm):
            last_header = i
        elif tok.value is None and last_header is not None and i - last_header > 3:
            break
    if last_header is None:
        return None
    values: list[Token] = []
    header_row = tokens[last_header].row
    for tok in tokens[last_header + 1 :]:
        if header_row is not None and tok.row == header_row:
            continue  # the header row's own empty cells after its last label
        if tok.value is None:
            if values:
                break
            continue
        values.append(tok)
    # blanks before the first value are the header rows' empty cells
    while values and values[0].value is not None and values[0].value.is_blank and (
        not values[0].positioned or len(values) > len(TABLE4_CELLS)
    ):
        values.pop(0)  # empty placeholders before the first value (an empty label column, header padding)
    if len(values) != len(TABLE4_CELLS):
        by_group = _table4_by_group(tokens, glued) or _table4_in_parts(tokens, glued)
        if by_group is not None:
            return by_group
    table = Table4()
    if not values or (all(v.value is not None and v.value.kind is CellKind.BLANK for v in values) and not values[0].positioned):
        for key in TABLE4_CELLS:
            table.cells[key] = Cell(None, None, "未印出数据行")
        return table
    positioned = all(v.positioned for v in values)
    cells = assign(values, len(TABLE4_CELLS), positioned, glued=glued)
    for key, cell in zip(TABLE4_CELLS, cells, strict=True):
        table.cells[key] = cell
    return table


def _table4_in_parts(tokens: Sequence[Token], glued: bool) -> Table4 | None:
    """表四 printed as two tables, 行政复议 (5 cells) then 行政诉讼 (10): each part's figures follow its own
    headers. Taken only when the parts' printed rows give exactly the 15 cells in the form's order."""
    headers = [i for i, t in enumerate(tokens) if t.value is None and _is_table4_header(t.norm)]
    if len(headers) < 2:
        return None
    header_rows = {tokens[i].row for i in headers if tokens[i].row is not None}
    by_row: dict[tuple[int, int] | None, list[Token]] = {}
    for tok in tokens[headers[0] + 1 :]:
        if tok.value is None:
            if _is_table4_header(tok.norm) or _is_table4_caption(tok):
                continue
            break  # words after the table
        if tok.row is not None and tok.row in header_rows:
            continue  # a header row's own empty cells
        by_row.setdefault(tok.row, []).append(tok)
    if None in by_row:
        return None  # figures on lines of their own: which part each belongs to is not printed
    values: list[Token] = []
    for row in by_row.values():
        while row and row[-1].value is not None and row[-1].value.kind is CellKind.BLANK:
            row.pop()  # padding after a printed row's last figure ("0 | 1 |")
        values += row
    if len(values) != len(TABLE4_CELLS):
        return None
    table = Table4()
    table.cells.update(zip(TABLE4_CELLS, assign(values, len(TABLE4_CELLS), True, glued=glued), strict=True))
    return table


def _is_table4_header(norm: str) -> bool:
    """A header cell of 表四: a group or column label, or the first header cell ("行政复议…")."""
    return is_table4_header(norm) or table4_header_start(norm)


def _is_table4_caption(tok: Token) -> bool:
    """A line of its own between the two parts that names the second: "（二）行政诉讼情况"."""
    return tok.row is None and len(tok.norm) <= _MAX_CAPTION and any(w in tok.norm for w in Section.APPEALS.keywords)


_MAX_CAPTION = 16


def _table4_by_group(tokens: Sequence[Token], glued: bool) -> Table4 | None:
    """表四 printed as one row per group ("行政复议 | 1 | 0 | 0 | 0 | 1", then the two 诉讼 groups)."""
    rows = collect_rows(tokens, match_table4_group, lambda norm, key: False, skip=is_table4_header)
    found = {r.key: r for r in rows if len(r.values) >= len(TABLE4_PARTS) + 1}
    if set(found) != set(Table4Group):
        return None
    table = Table4()
    for group, read in found.items():
        cells = assign(read.values, len(Table4Column), read.label.positioned, glued=glued, doubt=read.doubt)
        for column, cell in zip(Table4Column, cells, strict=True):
            table.cells[(group, column)] = cell
    return table


# ---------------------------------------------------------------------------------------------- variants


def _note_variant(read: RowRead[Table2Row] | RowRead[Table3Row], official: str, out: list[LabelVariant]) -> None:
    """A printed label that differs from the official one beyond punctuation and spacing (typos, aliases)."""
    printed = read.printed_label.strip()
    if normalize(printed) != normalize(official):
        out.append(LabelVariant(official, printed, read.label.source))


__all__ = ["Regions", "find_regions", "read_table2", "read_table3", "read_table4"]
