"""Checker accuracy and speed on the development corpus (../shared/corpus).

Parses every report (and the converted DOCX/PDF copies when they can be read), runs every rule, and
prints per rule: reports checked, findings, how many are real problems in the source (the list below,
taken from the corpus README "Cases worth knowing" / "Arithmetic identities" and the gold notes and
narrative_figures with matches = false), how many are "无法核对" notices caused by cells the reader
could not know, findings resting on a cell the reader got wrong (checked against the gold cells: a parser
error, not a checker one), and false alarms (everything else). Then the known problems that were missed, and the
speed of the checks alone (parse excluded), in reports per second on one core.

    .venv/bin/python bench/rules.py [--corpus ../shared/corpus] [--repeat 40] [--rounds 7] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from gongkai.check import RULES, check_reports
from gongkai.errors import GongkaiError
from gongkai.model import TABLE4_CELLS, Applicant, Finding, Report, Severity, iter_cells
from gongkai.parse import parse_file

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Known:
    rule: str
    where: str
    cite: str


OLD_T3 = "FORM.OLD_TABLES"
#: Real problems in the sources, keyed by file stem: (rule, where, citation).
EXPECTED: dict[str, list[Known]] = {
    "2023-互助县统计局": [
        Known(OLD_T3, "表二", "README 'Wrong format for the year'; gold format_detail"),
        Known(OLD_T3, "表三", "README 'Wrong format for the year' (表三 with one （六） row)"),
        Known("FORM.TABLE_EMPTY", "表三", "README 'Blank vs zero'; gold notes 'Tables published blank'"),
        Known("FORM.TABLE_EMPTY", "表四", "README 'Blank vs zero' (表四 without a data row)"),
    ],
    "2023-淮安市洪泽区人民政府": [
        Known(OLD_T3, "表三", "README 'Hybrid format'; gold table_formats table3 = 2019"),
        Known(
            "T4.GROUP_TOTAL", "表四 行政复议 · 总计", "README 'Source arithmetic error' (10, 1, 0, 0 vs 0)"
        ),
        Known(
            "T4.GROUP_TOTAL", "表四 行政诉讼 · 复议后起诉 · 总计", "README 'Source arithmetic error' (5 vs 0)"
        ),
        Known(
            "CONTENT.GOVERNMENT_DUTIES",
            "全文",
            "not in the gold: 条例第五十条第（四）项; the text never mentions 考核/评议/追究 (checked by hand)",
        ),
    ],
    "2024-淮安市洪泽区人民政府": [
        Known(OLD_T3, "表三", "README 'Hybrid format'"),
        Known(
            "TEXT.T3_MISMATCH",
            "一、总体情况 ↔ 表三 一、本年新收政府信息公开申请数量 · 总计",
            "gold narrative_figures: 17 vs 95, matches false",
        ),
        Known(
            "CONTENT.GOVERNMENT_DUTIES",
            "全文",
            "not in the gold: 条例第五十条第（四）项; only '考核' occurs (checked by hand)",
        ),
    ],
    "2024-淮安市人民政府": [
        Known(
            "TEXT.T2_MISMATCH",
            "一、总体情况 ↔ 表二 第二十条第（一）项 行政规范性文件 · 本年制发件数",
            "README 'Text/table mismatches' (weaker): 政策性文件 11 vs 8; gold narrative_figures",
        ),
        Known(
            "CONTENT.GOVERNMENT_DUTIES",
            "全文",
            "not in the gold: 条例第五十条第（四）项; the text never mentions 考核/评议/追究 (checked by hand)",
        ),
    ],
    "2023-平潭综合实验区自然资源与生态环境局": [
        Known("T3.BALANCE", "表三 · 商业企业列", "README 'Arithmetic identities' (P1 商业企业); gold notes"),
        Known("T3.ROW_TOTAL", "表三 （二）部分公开 · 总计", "gold notes (I1: 8 + 1 ≠ 8)"),
        Known("T3.ROW_TOTAL", "表三 （七）总计 · 总计", "gold notes (I1: 20 ≠ 19)"),
    ],
    "2024-平潭综合实验区海坛片区管理局": [
        *(
            Known("T3.ROW_TOTAL", f"表三 {row} · 总计", "gold notes (总计 column printed 0)")
            for row in (
                "一、本年新收政府信息公开申请数量",
                "（四）无法提供 1.本机关不掌握相关政府信息",
                "（四）无法提供 3.补正后申请内容仍不明确",
                "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "（六）其他处理 3.其他",
                "（七）总计",
            )
        ),
        Known("T3.OUTCOME_TOTAL", "表三 （七）总计 · 自然人", "gold notes (I2: 6 vs 5)"),
        Known(
            "TEXT.T3_MISMATCH",
            "一、总体情况 ↔ 表三 一、本年新收政府信息公开申请数量 · 总计",
            "gold narrative_figures: 6 vs 0, matches false",
        ),
        Known("FORM.ROW_MISSING", "表二 第二十条第（一）项 规章", "README 'Non-standard 表二' (no 规章 row)"),
    ],
    "2023-平潭综合实验区农业农村局": [
        Known("T3.ROW_TOTAL", "表三 一、本年新收政府信息公开申请数量 · 总计", "gold notes (总计 0 vs 7)"),
        Known("T3.ROW_TOTAL", "表三 二、上年结转政府信息公开申请数量 · 总计", "gold notes (总计 7 vs 0)"),
        Known(
            "TEXT.T3_MISMATCH",
            "一、总体情况 ↔ 表三 一、本年新收政府信息公开申请数量 · 总计",
            "gold narrative_figures: 7 vs 0, matches false",
        ),
    ],
    "2020-重庆市统计局": [
        Known(
            "TEXT.T2_MISMATCH",
            "一、总体情况 ↔ 表二 第二十条第（六）项 行政处罚 · 处理决定数量",
            "README 'Text/table mismatches' (weaker): 行政处罚信息56条 vs 7; gold narrative_figures",
        ),
    ],
    "2024-湘潭县统计局": [
        Known(
            "TEXT.T3_MISMATCH",
            "一、总体情况 ↔ 表三 一、本年新收政府信息公开申请数量 · 总计",
            "README 'Text/table mismatches' ('情况为零' vs 1); gold narrative_figures",
        ),
    ],
    "2023-平潭综合实验区社会事业局": [
        Known("FORM.ROW_MISSING", "表二 第二十条第（一）项 规章", "README 'Non-standard 表二' (no 规章 row)"),
    ],
    "2019-平潭综合实验区公安局": [
        Known("FORM.BLANK_CELLS", "表三", "gold cells_blank_in_source (一 商业企业 printed blank)"),
    ],
}

#: Known weaker mismatches (gold narrative_figures matches = false, same_scope "unclear") that no rule
#: targets on purpose: topic counts of published items ("…类 N 条") are not 表二's documents; binding them
#: would also compare "行政许可类 12 条" with 782 decisions (农业农村局 2023), a false alarm.
NOT_TARGETED: dict[str, list[str]] = {
    "2023-平潭综合实验区农业农村局": ["政策、规范性文件类7条 vs 行政规范性文件 本年制发件数 4"],
    "2023-平潭综合实验区社会事业局": ["规范性文件类信息5条 vs 本年制发件数 2"],
    "2023-平潭综合实验区自然资源与生态环境局": ["政策及规范性文件类3条 vs 本年制发件数 2"],
}

ARITHMETIC = {"T3.BALANCE", "T3.ROW_TOTAL", "T3.OUTCOME_TOTAL", "T4.GROUP_TOTAL"}


def key(rule: str, where: str) -> tuple[str, str]:
    """How a finding is matched with a known problem: text findings by the cell compared, not by the part
    of the report the sentence was found in (which depends on the reader finding every heading)."""
    return (rule, where.split(" ↔ ")[-1]) if rule.startswith("TEXT.") else (rule, where)


def is_uncheckable(f: Finding) -> bool:
    """A 提示 saying an identity could not be checked, or that cells could not be known."""
    return f.severity is Severity.NOTICE and (f.rule in ARITHMETIC or f.rule == "FORM.UNCERTAIN_CELLS")


def gold_values(corpus: Path, stem: str) -> dict[tuple[str, str, str], object]:
    """Every gold cell by reference (see the corpus README for the shape)."""
    path = corpus / "gold" / f"{stem}.json"
    if not path.is_file():
        return {}
    gold = json.loads(path.read_text(encoding="utf-8"))
    cells: dict[tuple[str, str, str], object] = {}
    for row, columns in (gold.get("table2") or {}).items():
        for column, value in columns.items():
            cells[("table2", row, column)] = value
    for row, values in (gold.get("table3") or {}).items():
        for a, value in zip(Applicant, values, strict=True):
            cells[("table3", row, a.label)] = value
    if gold.get("table4") is not None:
        for (g, c), value in zip(TABLE4_CELLS, gold["table4"], strict=True):
            cells[("table4", g.label, c.label)] = value
    return cells


def misread(report: Report, finding: Finding, gold: dict[tuple[str, str, str], object]) -> bool:
    """The finding rests on a cell the reader got wrong (its value differs from the gold)."""
    parsed = {(ref[0], ref[1], ref[2]): cell.json_value() for ref, cell in iter_cells(report)}
    return any(ref in gold and parsed.get(ref) != gold[ref] for ref in finding.cells)


def corpus_files(corpus: Path) -> list[Path]:
    files = sorted(p for p in (corpus / "reports").iterdir() if p.is_file())
    for sub in ("docx", "pdf"):
        folder = corpus / "converted" / sub
        if folder.is_dir():
            files += sorted(p for p in folder.iterdir() if p.is_file())
    return files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--repeat", type=int, default=40, help="checks of the corpus per timing round")
    ap.add_argument(
        "--rounds", type=int, default=7, help="timing rounds (the best and the median are printed)"
    )
    ap.add_argument("--verbose", action="store_true", help="print every finding")
    args = ap.parse_args()

    reports: list[tuple[Path, Report]] = []
    unreadable: list[str] = []
    for path in corpus_files(args.corpus):
        try:
            reports.append((path, parse_file(path)))
        except GongkaiError as exc:
            unreadable.append(f"{path.parent.name}/{path.name}: {exc}")
    # check the originals and each converted set apart, so that year pairs stay within one set
    results: list[list[Finding]] = []
    for folder in sorted({p.parent for p, _ in reports}):
        batch = [r for p, r in reports if p.parent == folder]
        results += check_reports(batch)
    by_folder = [
        (p, r) for folder in sorted({p.parent for p, _ in reports}) for p, r in reports if p.parent == folder
    ]

    rows: dict[str, Counter[str]] = {rule_id: Counter() for rule_id in RULES}
    missed: list[str] = []
    false_alarms: list[str] = []
    misreads: list[str] = []
    errors_on_correct: list[str] = []
    for (path, report), findings in zip(by_folder, results, strict=True):
        label = f"{path.parent.name}/{path.name}"
        gold = gold_values(args.corpus, path.stem)
        expected = {key(k.rule, k.where): k for k in EXPECTED.get(path.stem, [])}
        found: set[tuple[str, str]] = set()
        for rule_id in RULES:
            rows[rule_id]["checked"] += 1
        for f in findings:
            found_key = key(f.rule, f.where)
            rows[f.rule]["findings"] += 1
            if found_key in expected:
                rows[f.rule]["real"] += 1
                found.add(found_key)
            elif is_uncheckable(f):
                rows[f.rule]["uncheckable"] += 1
            elif misread(report, f, gold):
                rows[f.rule]["misread"] += 1
                misreads.append(f"{label}: {f.rule} {f.severity} {f.where}")
            else:
                rows[f.rule]["false"] += 1
                false_alarms.append(f"{label}: {f.rule} {f.severity} {f.where}: {f.message[:120]}")
                if f.severity is Severity.ERROR and not EXPECTED.get(path.stem):
                    errors_on_correct.append(f"{label}: {f.rule} {f.where}")
            if args.verbose:
                print(f"  {label}: {f.rule} {f.severity} {f.where}: {f.message[:160]}")
        for k, known in expected.items():
            if k not in found:
                missed.append(f"{label}: {k[0]} {k[1]} ({known.cite})")

    print(f"reports checked: {len(reports)} ({len(unreadable)} unreadable)")
    for line in unreadable:
        print(f"  unreadable: {line}")
    print()
    print(
        f"{'rule':28} {'severity':4} {'checked':>7} {'findings':>8} {'real':>5} {'无法核对':>4} {'misread':>7} "
        f"{'false':>5}"
    )
    total: Counter[str] = Counter()
    for rule_id, rule in RULES.items():
        c = rows[rule_id]
        total.update(c)
        print(
            f"{rule_id:28} {rule.severity!s:4} {c['checked']:7d} {c['findings']:8d} {c['real']:5d} "
            f"{c['uncheckable']:8d} {c['misread']:7d} {c['false']:5d}"
        )
    expected_total = sum(len(EXPECTED.get(p.stem, [])) for p, _ in reports)
    print(
        f"{'total':28} {'':4} {'':7} {total['findings']:8d} {total['real']:5d} {total['uncheckable']:8d} "
        f"{total['misread']:7d} {total['false']:5d}"
    )
    print()
    print(f"known problems found: {expected_total - len(missed)} / {expected_total}")
    for line in missed:
        print(f"  MISSED {line}")
    print(f"findings caused by a cell the reader got wrong (parser, not checker): {len(misreads)}")
    for line in misreads:
        print(f"  MISREAD {line}")
    print(f"false alarms: {len(false_alarms)}")
    for line in false_alarms:
        print(f"  FALSE {line}")
    print(f"错误 on a report with no known problem: {len(errors_on_correct)}")
    for line in errors_on_correct:
        print(f"  {line}")
    not_targeted = sum(len(v) for v in NOT_TARGETED.values())
    print(
        f"known weaker 表二 topic-count mismatches left alone on purpose (same_scope unclear): {not_targeted}"
    )

    parsed = [r for p, r in reports if p.parent.name == "reports"]
    check_reports(parsed)  # warm the caches (compiled patterns, cn2an) before timing
    # CPU time of this process (one core), best of several rounds as timeit does: the wall clock, and on a
    # shared machine the CPU time too, also count what other processes do to the caches
    rounds = []
    for _ in range(args.rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(args.repeat):
            check_reports(parsed)
        rounds.append((time.process_time() - cpu, time.perf_counter() - wall))
    n = args.repeat * len(parsed)
    best_cpu = min(c for c, _ in rounds)
    median_cpu = sorted(c for c, _ in rounds)[len(rounds) // 2]
    print()
    print(
        f"speed (checks only, parse excluded, {len(RULES)} rules incl. cross-year pairing): {args.rounds} rounds of "
        f"{n} report checks; best {n / best_cpu:,.0f} reports/s per core (CPU time), median {n / median_cpu:,.0f}, "
        f"wall clock of the best round {n / min(w for _, w in rounds):,.0f}"
    )


if __name__ == "__main__":
    main()
