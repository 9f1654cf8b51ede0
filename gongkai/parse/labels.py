"""Match printed labels to the form's rows, columns and headings (exact, documented variant, annotation
stripped, then fuzzy with guards). Indexes are built once from gongkai.model; nothing here spells a label."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from gongkai.model.form import (
    APPLICANT_HEADER,
    BALANCE_NOTE,
    ORGANISATION_HEADER,
    RESULTS_LABEL,
    SUIT_HEADER,
    TABLE2_EDITION_MARKERS,
    Applicant,
    Edition,
    Table2Column,
    Table2Row,
    Table3Group,
    Table3Row,
    Table4Column,
    Table4Group,
)
from gongkai.model.labels import (
    BALANCE_NOTE_MARKERS,
    normalize,
    table2_column_variants,
    table2_variants,
    table3_variants,
)

#: a numbering prefix: "1.", "(三)", "三、"
_PREFIX = re.compile(r"^(\d{1,2}\.|\([一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十]{1,2}、)")
#: a trailing provincial annotation in parentheses: "规章(设区的市、自治州人民政府应提供相关数据)"
_ANNOTATION = re.compile(r"\([^()]*\)$")

_T3_INDEX: dict[str, Table3Row] = {}
for _row in Table3Row:
    for _variant in table3_variants(_row):
        _T3_INDEX.setdefault(normalize(_variant), _row)
# sub-row labels printed without their numbering ("本机关不掌握相关政府信息"), where that stays unambiguous
_unnumbered: dict[str, list[Table3Row]] = {}
for _key, _row in list(_T3_INDEX.items()):
    _bare = re.sub(r"^\d{1,2}\.", "", _key)
    if _bare != _key and len(_bare) >= 4:
        _unnumbered.setdefault(_bare, []).append(_row)
for _bare, _rows in _unnumbered.items():
    if len(set(_rows)) == 1:
        _T3_INDEX.setdefault(_bare, _rows[0])
_T3_CHOICES = list(_T3_INDEX)
#: labels printed with the group or block label in the same cell: "(三)不予公开1.属于国家秘密"
_T3_PREFIXES = tuple(
    sorted({normalize(g.label) for g in Table3Group} | {normalize(RESULTS_LABEL)}, key=len, reverse=True)
)

_T2_INDEX: dict[str, Table2Row] = {}
for _row2 in Table2Row:
    for _variant in table2_variants(_row2):
        _T2_INDEX[normalize(_variant)] = _row2

_T2_COLUMNS: dict[str, Table2Column] = {}
for _col in Table2Column:
    for _variant in table2_column_variants(_col):
        _T2_COLUMNS[normalize(_variant)] = _col

_GROUPS = {normalize(g.label): g for g in Table3Group}
_APPLICANT_HEADERS = {normalize(a.label) for a in Applicant} | {
    normalize(APPLICANT_HEADER),
    normalize(ORGANISATION_HEADER),
}
_T4_HEADERS = (
    {normalize(g.label) for g in Table4Group}
    | {normalize(c.label) for c in Table4Column}
    | {normalize(SUIT_HEADER)}
)
_BALANCE_NOTE = normalize(BALANCE_NOTE)
_EDITION_MARKERS = {e: tuple(normalize(m) for m in marks) for e, marks in TABLE2_EDITION_MARKERS.items()}


def _prefix(norm: str) -> str:
    m = _PREFIX.match(norm)
    return m.group(1) if m else ""


@lru_cache(maxsize=16384)
def match_table3(norm: str) -> Table3Row | None:
    """The 表三 row a printed label names, or None."""
    if len(norm) < 3 or (norm[0].isdigit() and len(norm) < 4):
        return None
    row = _T3_INDEX.get(norm)
    if row is not None:
        return row
    if norm[-1] == ":":
        return match_table3(norm.rstrip(":"))  # "规章：", a label followed by a colon in a text copy
    # the instruction of （二） cut off or spread over lines
    if norm.startswith(normalize(Table3Row.PARTLY_GRANTED.short_label)):
        return Table3Row.PARTLY_GRANTED
    stripped = _ANNOTATION.sub("", norm)
    if stripped != norm and stripped in _T3_INDEX:
        return _T3_INDEX[stripped]
    for prefix in _T3_PREFIXES:
        if norm.startswith(prefix) and len(norm) > len(prefix) + 2:
            return match_table3(norm[len(prefix) :].lstrip("-—:"))
    if len(norm) < 5 or not _prefix(norm) or norm[-1].isdigit():
        return None  # no official label ends in a digit: "…申请25" is a label glued to its values
    best = process.extractOne(norm, _T3_CHOICES, scorer=fuzz.ratio, score_cutoff=84)
    if best is None:
        return None
    choice = str(best[0])
    # the numbering must agree: "2.其他法律行政止公开" is （三）2, never （三）3 or （五）2's neighbour
    if _prefix(choice) != _prefix(norm):
        return None
    return _T3_INDEX[choice]


@lru_cache(maxsize=4096)
def is_table3_prefix(norm: str, row: Table3Row) -> bool:
    """Whether ``norm`` continues a label broken over several cells ("不计其他情形)")."""
    return any(norm and norm in normalize(v) for v in table3_variants(row))


@lru_cache(maxsize=4096)
def match_table2(norm: str) -> Table2Row | None:
    if not norm or len(norm) > 40:
        return None
    row = _T2_INDEX.get(norm)
    if row is None:
        row = _T2_INDEX.get(_ANNOTATION.sub("", norm.rstrip(":")))  # "规章：" in a text copy
    return row


@lru_cache(maxsize=4096)
def match_table2_column(norm: str) -> Table2Column | None:
    if not norm:
        return None
    col = _T2_COLUMNS.get(norm) or _T2_COLUMNS.get(_ANNOTATION.sub("", norm))
    if col is not None:
        return col
    for key, column in _T2_COLUMNS.items():
        if len(key) >= 4 and norm.startswith(key):
            return column
    return None


@lru_cache(maxsize=4096)
def table2_markers(norm: str) -> frozenset[Edition]:
    return frozenset(e for e, marks in _EDITION_MARKERS.items() if any(m in norm for m in marks))


def is_group_label(norm: str) -> Table3Group | None:
    return _GROUPS.get(norm)


def is_applicant_header(norm: str) -> bool:
    return norm in _APPLICANT_HEADERS


@lru_cache(maxsize=16384)
def is_balance_note(norm: str) -> bool:
    return norm == _BALANCE_NOTE or any(m in norm for m in BALANCE_NOTE_MARKERS)


def is_table4_header(norm: str) -> bool:
    return norm in _T4_HEADERS


_T4_GROUPS = {normalize(g.label): g for g in Table4Group}
_SUIT = normalize(SUIT_HEADER)


def match_table4_group(norm: str) -> Table4Group | None:
    """The 表四 group a row label names: "行政复议", "未经复议直接起诉", also "行政诉讼（复议后起诉）"."""
    group = _T4_GROUPS.get(norm)
    if group is None and norm.startswith(_SUIT):
        group = _T4_GROUPS.get(norm[len(_SUIT) :].strip("()-—:"))
    return group


def table4_header_start(norm: str) -> bool:
    """The first header cell of 表四 ("行政复议", possibly with "行政诉讼" in the same cell)."""
    return norm.startswith(Table4Group.REVIEW.label) and len(norm) <= 12 and "情况" not in norm
