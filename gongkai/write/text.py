"""What every writer shares about the report's words: the title, the six sections in order with their
paragraphs, which table goes under which section, and the 【待填写：…】 marks a person must complete."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.model import Report, Section
from gongkai.model.form import REPORT_NAME
from gongkai.model.labels import DRAFT_MARK, DRAFT_MARK_CLOSE, DRAFT_MARK_OPEN

#: A part of a drafted section that only a person can write: 【待填写：what to write】 (defined in the model).
TODO_OPEN = DRAFT_MARK_OPEN
TODO_CLOSE = DRAFT_MARK_CLOSE
TODO_PATTERN = DRAFT_MARK

#: Each official table is printed at the end of its section.
TABLE_OF_SECTION: dict[Section, str] = {
    Section.PROACTIVE: "表二",
    Section.REQUESTS: "表三",
    Section.APPEALS: "表四",
}


def todo(what: str) -> str:
    """A mark for what a person must write, e.g. todo("本年度主动公开工作的主要做法")."""
    return f"{TODO_OPEN}{what}{TODO_CLOSE}"


def todos(text: str) -> list[str]:
    """The marks still in a text (what is left to write)."""
    return TODO_PATTERN.findall(text)


def split_todos(paragraph: str) -> list[tuple[str, bool]]:
    """A paragraph as pieces (text, is_todo), so writers can highlight what a person must write."""
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for m in TODO_PATTERN.finditer(paragraph):
        if m.start() > pos:
            pieces.append((paragraph[pos : m.start()], False))
        pieces.append((m.group(0), True))
        pos = m.end()
    if pos < len(paragraph):
        pieces.append((paragraph[pos:], False))
    return pieces


def report_title(report: Report) -> str:
    """The report's own title, else one made from agency and year as real reports print it."""
    if report.title:
        return report.title
    agency = report.agency or ""
    year = f"{report.year}年" if report.year else ""
    return f"{agency}{year}{REPORT_NAME}"


@dataclass(frozen=True)
class SectionOut:
    section: Section
    heading: str
    paragraphs: tuple[str, ...]
    table: str | None  # "表二" … printed after the paragraphs


def sections_out(report: Report) -> list[SectionOut]:
    """The six sections in official order with their paragraphs (blank lines dropped). A section the
    report lacks is still headed, so the document keeps the official structure."""
    out: list[SectionOut] = []
    for section in Section:
        found = report.sections.get(section)
        text = found.text if found else ""
        paragraphs = tuple(p.strip() for p in text.splitlines() if p.strip())
        out.append(SectionOut(section, section.title, paragraphs, TABLE_OF_SECTION.get(section)))
    return out


def preamble_paragraphs(report: Report) -> list[str]:
    return [p.strip() for p in report.preamble.splitlines() if p.strip()]
