"""Find the six section headings (一…六) and the text under each.

A heading is a text line (never a table cell) that starts with a section numeral and names the section by
one of its keywords; numbering styles and wording vary ("五、存在问题及改进情况", "六、需要说明的其他事项与附表",
typos such as "行政法复议"). Sub-headings "（一）主动公开政府信息情况" inside 一 echo the wording of 二 and 三 but
are parenthesised, so they are not taken. Headings are taken in form order: a candidate for a section that
comes before the last one found is prose, not a heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import itemgetter

from gongkai.model.form import SECTION_NUMERALS, Section
from gongkai.model.labels import SECTION_ALIASES, normalize
from gongkai.model.report import SectionText, Source
from gongkai.read.document import Document, Line

_NUMERAL = re.compile(rf"^\s*(?:第)?([{SECTION_NUMERALS}])\s*(?:[、.．,，:：]|部分|章|\s)\s*")
#: "（一）总体情况": the numbering of sub-headings, taken for the six parts only in a report that numbers
#: nothing else that way, and only where numeral and words name the same part
_PAREN_NUMERAL = re.compile(rf"^\s*[（(]([{SECTION_NUMERALS}])[)）]\s*")
_FIRST_PAREN = frozenset("（(")
_MAX_HEADING = 40
_FIRST = frozenset(f"{SECTION_NUMERALS}第123456")
_FIRST_CHARACTER = itemgetter(slice(0, 1))
_ARABIC = re.compile(r"^\s*([1-6])\s*[、.．]\s*(?=\D)")
_MAX_ARABIC_HEADING = 24
_SECTIONS = tuple(Section)
_BY_NUMERAL = {section.numeral: section for section in Section}


@dataclass(slots=True)
class Heading:
    section: Section
    block: int
    text: str
    source: Source


@lru_cache(maxsize=16384)
def heading_section(text: str) -> Section | None:
    """The section a line is the heading of, or None."""
    line = text.strip()
    if len(line) > _MAX_HEADING or len(line) < 3 or line[0] not in _FIRST:
        return None
    m = _NUMERAL.match(line)
    if m is None:
        # "1、总体情况": Arabic numbering, accepted only where number and words name the same section
        a = _ARABIC.match(line)
        if a is None or len(line) > _MAX_ARABIC_HEADING:
            return None
        section = _SECTIONS[int(a.group(1)) - 1]
        return section if _names(section, normalize(line[a.end() :])) else None
    rest = normalize(line[m.end() :])
    numbered = _BY_NUMERAL[m.group(1)]
    matches = [s for s in _SECTIONS if _names(s, rest)]
    if not matches:
        return None
    if numbered in matches:
        return numbered
    # a heading whose keywords name one section only, whatever its (mis)numbering
    return matches[0] if len(matches) == 1 else None


def _names(section: Section, rest: str) -> bool:
    if section is Section.REQUESTS:
        return "申请" in rest and "复议" not in rest and "结转" not in rest and "本年" not in rest
    if section is Section.OTHER:
        return any(k in rest for k in ("其他需要", "其他事项", "需要报告", "其他需报告"))
    if section is Section.PROACTIVE:
        # "二、主动公开政府信息情况", also "二、主动公开政府信息" (short, not a sentence about it)
        return "主动公开" in rest and ("情况" in rest or (rest.startswith("主动公开") and len(rest) <= 12))
    if any(k in rest for k in section.keywords):
        return True
    return any(normalize(alias) in rest for alias in SECTION_ALIASES.get(section, ()))


def find_headings(doc: Document) -> list[Heading]:
    headings = _find_headings(doc, _FIRST, heading_section)
    if len(headings) < _FEW_HEADINGS:
        # no "一、" numbering: perhaps the parts are numbered "（一）" (then numeral and words must agree),
        # or not numbered at all (a web page that sets the six titles in bold or as <h3>)
        for first, section_of in ((_FIRST_PAREN, parenthesized_heading), (_UNNUMBERED_FIRST, unnumbered_heading)):
            others = _find_headings(doc, first, section_of)
            if len(others) > len(headings):
                headings = others
    return headings


_FEW_HEADINGS = 3


@lru_cache(maxsize=4096)
def parenthesized_heading(text: str) -> Section | None:
    """The part a "（一）总体情况" line is the heading of, when its numeral and its words agree."""
    line = text.strip()
    m = _PAREN_NUMERAL.match(line)
    if m is None or len(line) > _MAX_HEADING:
        return None
    numbered = _BY_NUMERAL[m.group(1)]
    return numbered if _names(numbered, normalize(line[m.end() :])) else None


#: the titles a part may carry with no numbering at all: the official one or a documented variant, the
#: whole line (a sentence that mentions 主动公开政府信息情况 is prose, not a heading)
_UNNUMBERED = {
    normalize(title): section
    for section in _SECTIONS
    for title in (section.heading, *SECTION_ALIASES.get(section, ()), *(section.keywords if section is Section.OVERVIEW else ()))
}
_UNNUMBERED_FIRST = frozenset(title[0] for title in _UNNUMBERED)
_TRAILING = "：:。. \u3000"


def unnumbered_heading(text: str) -> Section | None:
    """The part a line without numbering is the title of: the whole line is that title."""
    return _UNNUMBERED.get(normalize(text.strip().rstrip(_TRAILING))) if len(text) <= _MAX_HEADING else None


def _find_headings(doc: Document, first: frozenset[str], section_of: Callable[[str], Section | None]) -> list[Heading]:
    candidates: list[Heading] = []
    blocks, texts = doc.blocks, doc.texts
    # the first character of every block, tested against the set, all in C
    for b in compress(range(len(texts)), map(first.__contains__, map(_FIRST_CHARACTER, texts))):
        text = texts[b]
        if len(text) < 3:
            continue  # a figure such as "12"
        section = section_of(text)
        if section is None:
            continue
        block = blocks[b]
        if not isinstance(block, Line) or block.separated:
            continue  # a table row, not a heading
        candidates.append(Heading(section, b, text.strip(), block.source))
    headings: list[Heading] = []
    last = -1
    for candidate in candidates:
        index = _SECTIONS.index(candidate.section)
        if index > last:
            headings.append(candidate)
            last = index
    if len(headings) < len(_SECTIONS):
        headings = _out_of_order(headings, candidates)
    return headings


def _out_of_order(headings: list[Heading], candidates: list[Heading]) -> list[Heading]:
    """Parts printed out of the form's order ("六、" before "五、"): a part not found in order is taken where
    its numeral names it too, after the heading of the part before it. Returned in printed order."""
    found = {h.section: h for h in headings}
    for candidate in candidates:
        section = candidate.section
        if section in found or not _numbered_as(candidate.text, section):
            continue
        index = _SECTIONS.index(section)
        before = [found[s].block for s in _SECTIONS[:index] if s in found]
        if before and candidate.block < max(before):
            continue  # inside an earlier part: prose that happens to read like a title
        found[section] = candidate
    return sorted(found.values(), key=lambda h: h.block)


def _numbered_as(text: str, section: Section) -> bool:
    """Whether the heading's own numeral is the part's (a title with no numeral names it by its words)."""
    m = _NUMERAL.match(text) or _PAREN_NUMERAL.match(text)
    if m is not None:
        return m.group(1) == section.numeral
    a = _ARABIC.match(text)
    return a is None or _SECTIONS[int(a.group(1)) - 1] is section


def section_texts(doc: Document, headings: list[Heading]) -> tuple[str, dict[Section, SectionText]]:
    """The preamble (before the first heading) and the text of each section, line by line."""
    starts = [h.block for h in headings]
    bounds = [*starts[1:], len(doc.blocks)] if headings else []
    preamble_end = starts[0] if starts else len(doc.blocks)
    preamble = "\n".join(_line_texts(doc, 0, preamble_end))
    sections: dict[Section, SectionText] = {}
    for h, end in zip(headings, bounds, strict=True):
        text = "\n".join(_line_texts(doc, h.block + 1, end))
        sections[h.section] = SectionText(h.section, h.text, text, h.source)
    return preamble, sections


def _line_texts(doc: Document, start: int, end: int) -> list[str]:
    return list(filter(None, doc.texts[start:end]))  # grids and empty cells hold no words
