"""Text against tables: a figure stated in the prose (see ``prose``) that differs from the cells it counts
is a 警告 quoting the sentence. A figure is compared only with printed numbers: a blank or uncertain cell
makes the comparison silent; where the prose may legitimately count more (一 + 二 for "共受理", （七） + 四
for "办理"), either reading is accepted."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from gongkai.check.arith import Term, plain
from gongkai.check.places import t2_term, t3_place, t3_row, t3_term, t4_place, t4_term
from gongkai.check.prose import (
    APPEAL_GROUPS,
    CARRIED_IN_WORDS,
    CARRIED_OUT_WORDS,
    Claim,
    DocumentCount,
    Subject,
    claims,
    table2_claims,
)
from gongkai.check.registry import Context, Hit, rule
from gongkai.model import (
    APPLICANT_PARTS,
    Applicant,
    Edition,
    Report,
    Section,
    Severity,
    Table2Column,
    Table2Row,
    Table3,
    Table3Role,
    Table4Column,
)
from gongkai.model.values import Number

TEXT_BASIS = (
    "条例第五十条；国办公开办函〔2021〕30号 三（四）：“发布内容不准确不全面”的，依条例第四十七条追究责任"
)


#: every part is read: the figures are in 一 in every gold file, but a heading missed or misplaced by the
#: reader (湘潭县 2024 has subheadings echoing 二 and 三 inside 一) moves prose into another part
PROSE_SECTIONS = tuple(Section)


@dataclass(frozen=True)
class Reading:
    """One way of reading a claim in the tables: the cells whose sum the figure should equal."""

    label: str
    terms: tuple[Term, ...]

    @property
    def value(self) -> Number | None:
        total: Number = 0
        for t in self.terms:
            if t.number is None:
                return None
            total += t.number
        return total


def _located_claims(report: Report, context: Context) -> list[tuple[str, Claim]]:
    return context.cached("claims", lambda: list(_find_claims(report)))


def _find_claims(report: Report) -> Iterator[tuple[str, Claim]]:
    """Claims with the name of the part of the report they were stated in; each sentence once."""
    seen: set[tuple[str, int, Subject, Table4Column | None]] = set()
    parts: list[tuple[str, str]] = [("前言", report.preamble)]
    parts += [(s.title, report.section_text(s)) for s in PROSE_SECTIONS if s in report.sections]
    for name, text in parts:
        for claim in claims(text):
            key = (claim.quote, claim.figure, claim.subject, claim.column)
            if key not in seen:
                seen.add(key)
                yield name, claim


def _t3_readings(t3: Table3, claim: Claim) -> list[Reading]:
    form = t3.form
    new, carried_in = t3_row(form, Table3Role.RECEIVED), t3_row(form, Table3Role.CARRIED_IN)
    total, carried_out = t3_row(form, Table3Role.OUTCOME_TOTAL), t3_row(form, Table3Role.CARRIED_OUT)
    col = Applicant.TOTAL
    # the prose may count the carried-in requests with the new ones ("共受理…（含上年结转…）") and the
    # carried-out ones with those answered; that reading is accepted only when the sentence says so
    with_carried_in = bool(CARRIED_IN_WORDS.search(claim.quote))
    with_carried_out = bool(CARRIED_OUT_WORDS.search(claim.quote))
    match claim.subject:
        case Subject.RECEIVED:
            readings = [Reading(t3_place(new, col), (t3_term(t3, new, col),))]
            if with_carried_in:
                readings.append(
                    Reading(
                        f"{t3_place(new, col)} + {t3_place(carried_in, col)}",
                        (t3_term(t3, new, col), t3_term(t3, carried_in, col)),
                    )
                )
            return readings
        case Subject.CARRIED_IN:
            return [Reading(t3_place(carried_in, col), (t3_term(t3, carried_in, col),))]
        case Subject.ANSWERED:
            readings = [Reading(t3_place(total, col), (t3_term(t3, total, col),))]
            if with_carried_out:
                readings.append(
                    Reading(
                        f"{t3_place(total, col)} + {t3_place(carried_out, col)}",
                        (t3_term(t3, total, col), t3_term(t3, carried_out, col)),
                    )
                )
            return readings
        case Subject.CARRIED_OUT:
            return [Reading(t3_place(carried_out, col), (t3_term(t3, carried_out, col),))]
        case Subject.RECEIVED_NATURAL:
            person = Applicant.NATURAL_PERSON
            return [Reading(t3_place(new, person), (t3_term(t3, new, person),))]
        case Subject.RECEIVED_ORGANISATIONS:
            orgs = tuple(t3_term(t3, new, a) for a in APPLICANT_PARTS if a.is_organisation)
            return [Reading(f"{t3_place(new)} · 法人或其他组织五列之和", orgs)]
    return []


def _claim_hit(
    report: Report, section: str, claim: Claim, readings: Sequence[Reading], table: str
) -> Hit | None:
    if not readings:
        return None
    values = [r.value for r in readings]
    main, main_value = readings[0], values[0]
    if main_value is None:
        return None  # the main cell is blank or unknown: nothing to compare
    if any(v == claim.figure for v in values if v is not None):
        return None
    difference = claim.figure - main_value
    stated = (
        f"没有{claim.subject.value}（0 件）"
        if claim.zero_statement
        else f"{claim.subject.value} {claim.figure} 件"
    )
    message = f"{section}称{stated}（“{claim.quote}”），而{main.label}为 {plain(main_value)}，相差 {plain(difference)}"
    others = [
        f"{r.label}为 {plain(v)}"
        for r, v in zip(readings[1:], values[1:], strict=True)
        if v is not None and v != main_value
    ]
    if others:
        message += f"（{'；'.join(others)}，亦不相符）"
    sums = _parts_note(report, main)
    if sums:
        message += sums
    terms = tuple(t for r in readings for t in r.terms)
    refs: list[tuple[str, str, str]] = []
    for t in terms:
        if t.ref not in refs:
            refs.append(t.ref)
    section_source = next(
        (s.source for s in report.sections.values() if s.section.title == section and s.source), None
    )
    sources = tuple(t.cell.source for t in terms if t.cell.source is not None)
    if section_source is not None:
        sources = (section_source, *sources)
    return Hit(
        message,
        f"{section} ↔ {main.label}",
        {
            "quote": claim.quote,
            "subject": claim.subject.value,
            "left_label": "正文",
            "left": claim.figure,
            "right_label": main.label,
            "right": plain(main_value),
            "difference": plain(difference),
            "table": table,
        },
        tuple(refs),
        sources,
    )


def _parts_note(report: Report, reading: Reading) -> str:
    """When the compared cell is a 表三 总计, say what its applicant columns add up to (a printed 总计
    can itself be the wrong number, as the prose then shows)."""
    t3 = report.table3
    if t3 is None or len(reading.terms) != 1 or reading.terms[0].ref[0] != "table3":
        return ""
    term = reading.terms[0]
    if term.ref[2] != Applicant.TOTAL.label:
        return ""
    row = next(r for r in t3.rows if r.key == term.ref[1])
    parts = [t3.get(row, a).number for a in APPLICANT_PARTS]
    if any(p is None for p in parts):
        return ""
    total: Number = sum((p for p in parts if p is not None), 0)
    if term.number is not None and total != term.number:
        return f"；该行六个申请人列之和为 {plain(total)}"
    return ""


@rule("TEXT.T3_MISMATCH", Severity.WARNING, basis=TEXT_BASIS, title="正文所述申请件数与表三不一致")
def text_t3_mismatch(report: Report, context: Context) -> Iterator[Hit]:
    t3 = report.table3
    if t3 is None:
        return
    for section, claim in _located_claims(report, context):
        if claim.subject in APPEAL_GROUPS:
            continue
        hit = _claim_hit(report, section, claim, _t3_readings(t3, claim), "表三")
        if hit:
            yield hit


@rule(
    "TEXT.T4_MISMATCH", Severity.WARNING, basis=TEXT_BASIS, title="正文所述行政复议、行政诉讼件数与表四不一致"
)
def text_t4_mismatch(report: Report, context: Context) -> Iterator[Hit]:
    t4 = report.table4
    if t4 is None:
        return
    for section, claim in _located_claims(report, context):
        groups = APPEAL_GROUPS.get(claim.subject)
        if not groups:
            continue
        column = claim.column or Table4Column.TOTAL
        terms = tuple(t4_term(t4, g, column) for g in groups)
        label = " + ".join(t4_place(g, column) for g in groups)
        hit = _claim_hit(report, section, claim, [Reading(label, terms)], "表四")
        if hit:
            yield hit


#: the 表二 column a prose count is compared with, by edition (2019 has no 现行有效 / 废止 columns)
_T2_COLUMNS: dict[Edition, dict[DocumentCount, Table2Column]] = {
    Edition.F2021: {
        DocumentCount.ISSUED: Table2Column.ISSUED,
        DocumentCount.REPEALED: Table2Column.REPEALED,
        DocumentCount.IN_FORCE: Table2Column.IN_FORCE,
        DocumentCount.DECISIONS: Table2Column.DECISIONS,
    },
    Edition.F2019: {
        DocumentCount.ISSUED: Table2Column.NEW_MADE,
        DocumentCount.DECISIONS: Table2Column.DECISIONS_2019,
    },
}


@rule(
    "TEXT.T2_MISMATCH",
    Severity.NOTICE,
    basis=TEXT_BASIS,
    title="正文所述文件数、处理决定数与表二不一致（口径可能不同）",
)
def text_t2_mismatch(report: Report, context: Context) -> Iterator[Hit]:
    t2 = report.table2
    if t2 is None:
        return
    columns = _T2_COLUMNS[t2.edition]
    seen: set[tuple[str, int, Table2Row]] = set()
    for section in (Section.OVERVIEW, Section.PROACTIVE):
        if section not in report.sections:
            continue
        for claim in table2_claims(report.section_text(section)):
            column = columns.get(claim.count)
            key = (claim.quote, claim.figure, claim.row)
            if column is None or key in seen or column not in t2.form.table2_columns(claim.row):
                continue
            seen.add(key)
            term = t2_term(t2, claim.row, column)
            if term.number is None or term.number == claim.figure:
                continue
            difference = claim.figure - term.number
            yield Hit(
                f"{section.title}称{claim.row.label_in(t2.edition)}{claim.count.value} {claim.figure}"
                f"（“{claim.quote}”），而{term.name}为 {plain(term.number)}，相差 {plain(difference)}；"
                "正文所计可能是公开的信息条数而非表二口径，请核对",
                f"{section.title} ↔ {term.name}",
                {
                    "quote": claim.quote,
                    "left_label": "正文",
                    "left": claim.figure,
                    "right_label": term.name,
                    "right": plain(term.number),
                    "difference": plain(difference),
                    "table": "表二",
                },
                (term.ref,),
                (term.cell.source,) if term.cell.source else (),
            )
