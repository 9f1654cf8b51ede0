"""Reports whose text lost every separator: a crawler's copy that runs the whole report into one line,
labels glued to their figures ("规章000行政规范性文件5416", "1.属于国家秘密00000002.其他法律…").

The printed labels are the only structure left, so the line is cut before and after every official label,
heading and header the model knows (longest first), and the pieces become one-cell lines with their
original column as provenance. The ordinary parser then reads them; a run of digits standing for several
cells is split only where a single split is possible, otherwise its cells are uncertain.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache
from itertools import compress, count, repeat
from operator import contains

from gongkai.model.form import (
    APPLICANT_HEADER,
    BALANCE_NOTE,
    FORMS,
    ORGANISATION_HEADER,
    RESULTS_LABEL,
    SECTION_NUMERALS,
    SUIT_HEADER,
    TABLE2_CONTENT_HEADER,
    Applicant,
    Section,
    Table2Column,
    Table2Row,
    Table3Group,
    Table3Row,
    Table4Column,
    Table4Group,
)
from gongkai.model.labels import (
    SECTION_ALIASES,
    normalize,
    table2_column_variants,
    table2_variants,
    table3_variants,
)
from gongkai.model.report import Source
from gongkai.read.document import Block, Document, Grid, Line, Piece

#: a line this long holding this many 表三 labels has lost its separators
_MIN_LENGTH = 300
_MIN_LABELS = 5
_HEADING = rf"[{SECTION_NUMERALS}][、.．][^,，。；;:：0-9]{{1,28}}?(?:情况|事项|计划|问题)"
#: figures separated by spaces, left between two labels ("8 0 0 0 0 0 8")
_FIGURES = re.compile(r"\d+")
_DROP = re.compile(r"[\s\u00a0\u3000\u200b\ufeff|\"'“”‘’「」『』]")


@lru_cache(maxsize=1)
def _anchor_pattern() -> re.Pattern[str]:
    anchors: set[str] = set()
    for row3 in Table3Row:
        anchors.update(normalize(v) for v in table3_variants(row3))
    for row2 in Table2Row:
        anchors.update(normalize(v) for v in table2_variants(row2))
    for col in Table2Column:
        anchors.update(normalize(v) for v in table2_column_variants(col))
    for form in FORMS.values():
        anchors.update(normalize(block.title) for block in form.table2)
    anchors.update(normalize(g.label) for g in Table3Group)
    anchors.update(normalize(a.label) for a in Applicant)
    anchors.update(normalize(g.label) for g in Table4Group)
    anchors.update(normalize(c.label) for c in Table4Column)
    anchors.update(
        normalize(x) for x in (APPLICANT_HEADER, ORGANISATION_HEADER, SUIT_HEADER, RESULTS_LABEL, BALANCE_NOTE, TABLE2_CONTENT_HEADER)
    )
    for section in Section:
        anchors.add(normalize(section.title))
        anchors.update(normalize(f"{section.numeral}、{alias}") for alias in SECTION_ALIASES.get(section, ()))
    # longest first: at any position the regex takes the first alternative that matches; last, a section
    # heading in other words ("五、存在的主要问题及明年工作计划"), up to the word that ends a heading
    ordered = sorted((a for a in anchors if len(a) >= 2), key=len, reverse=True)
    return re.compile("|".join([*(re.escape(a) for a in ordered), _HEADING]))


def _normalized_with_offsets(text: str) -> tuple[str, list[int]]:
    """The line folded as ``normalize`` folds labels, with the raw offset of every folded character."""
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if _DROP.match(ch):
            continue
        folded = unicodedata.normalize("NFKC", ch)
        if folded == "、" and out and out[-1].isdigit():
            folded = "."  # "1、属于国家秘密" is numbered like "1.属于国家秘密"
        for f in folded:
            out.append(f)
            offsets.append(i)
    return "".join(out).replace("：", ":").replace("（", "(").replace("）", ")"), offsets


def is_squashed(doc: Document) -> bool:
    """Text only (no grids), with a long line that holds several 表三 labels run together."""
    # "收" (of 本年新收) first: a cheap test that spares normalising every long paragraph of prose
    texts, blocks = doc.texts, doc.blocks
    if max(map(len, texts), default=0) < _MIN_LENGTH:
        return False  # the common case, decided in C
    # the scans over every line run in C (map, compress, set): a Python loop here cost more than the rest
    long = [b for b in compress(count(), map(contains, texts, repeat("收"))) if len(texts[b]) >= _MIN_LENGTH]
    if not long or Grid in set(map(type, blocks)):
        return False
    label = normalize(Table3Row.NEW_RECEIVED.label)
    for b in long:
        block = blocks[b]
        if not isinstance(block, Line) or block.separated:
            continue  # a table row with separators has kept them
        norm = normalize(block.text)
        if label in norm and sum(1 for _ in _anchor_pattern().finditer(norm)) >= _MIN_LABELS:
            return True
    return False


def unsquash(doc: Document) -> Document:
    """The same document with every separator-less long line cut at the form's labels."""
    blocks: list[Block] = []
    for block in doc.blocks:
        if not isinstance(block, Line) or len(block.text) < _MIN_LENGTH or block.separated:
            blocks.append(block)
            continue
        blocks.extend(_cut(block))
    return Document(
        name=doc.name,
        kind=doc.kind,
        blocks=blocks,
        encoding=doc.encoding,
        title=doc.title,
        meta=dict(doc.meta),
        notes=[*doc.notes, "原文的表格没有任何分隔符（标签与数字连写），已按表格标签切分；连写的数字只在唯一可拆分时读取"],
        ocr=doc.ocr,
        truncated=doc.truncated,
    )


def _cut(line: Line) -> list[Line]:
    text = line.text
    norm, offsets = _normalized_with_offsets(text)
    line_number = line.source.line
    base = line.source.column or 0
    cuts: list[int] = [0]
    for m in _anchor_pattern().finditer(norm):
        # the label ends where the next character that counts begins: a closing quote stays with it
        end = offsets[m.end()] if m.end() < len(offsets) else len(text)
        cuts.extend((offsets[m.start()], end))
    cuts.append(len(text))
    pieces: list[Line] = []
    for start, end in itertools.pairwise(cuts):
        if end <= start:
            continue
        piece = text[start:end].strip()
        if not piece:
            continue
        if " " in piece and piece.replace(" ", "").isdigit():
            for m in _FIGURES.finditer(text, start, end):
                src = Source(line=line_number, column=base + m.start())
                pieces.append(Line(m.group(), (Piece(m.group(), src),), src))
            continue
        src = Source(line=line_number, column=base + start)
        pieces.append(Line(piece, (Piece(piece, src),), src))
    return pieces
