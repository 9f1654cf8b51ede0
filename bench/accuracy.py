"""Parser accuracy on the development corpus (../shared/corpus): every report and converted file against its
hand-checked gold JSON. Prints, per file and in total: cells right / cells in gold, sections right, form
right, uncertain cells, and cells wrong and NOT flagged as uncertain (the worst error).

    .venv/bin/python bench/accuracy.py [--corpus ../shared/corpus] [--verbose]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from gongkai.errors import GongkaiError
from gongkai.parse import parse_file

ROOT = Path(__file__).resolve().parents[1]


def gold_cells(gold: dict[str, Any]) -> dict[tuple[str, str, str], Any]:
    cells: dict[tuple[str, str, str], Any] = {}
    for row, cols in (gold.get("table2") or {}).items():
        for col, value in cols.items():
            cells[("table2", row, col)] = value
    columns = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    for row, values in (gold.get("table3") or {}).items():
        for col, value in zip(columns, values, strict=True):
            cells[("table3", row, col)] = value
    groups = ["行政复议", "未经复议直接起诉", "复议后起诉"]
    results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    for k, value in enumerate(gold.get("table4") or []):
        cells[("table4", groups[k // 5], results[k % 5])] = value
    return cells


def parsed_cells(data: dict[str, Any]) -> dict[tuple[str, str, str], Any]:
    return gold_cells(data)


def files(corpus: Path) -> list[tuple[Path, Path]]:
    pairs = []
    for path in sorted((corpus / "reports").iterdir()):
        pairs.append((path, corpus / "gold" / f"{path.stem}.json"))
    for sub in ("docx", "pdf"):
        folder = corpus / "converted" / sub
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                pairs.append((path, corpus / "gold" / f"{path.stem}.json"))
    return pairs


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    totals = {"right": 0, "cells": 0, "sections": 0, "forms": 0, "uncertain": 0, "wrong": 0, "files": 0, "failed": 0}
    print(f"{'file':58} {'cells':>11} {'sect':>4} {'form':>4} {'unc':>4} {'WRONG':>5}")
    for path, gold_path in files(args.corpus):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        label = f"{path.parent.name}/{path.name}"
        totals["files"] += 1
        expected = gold_cells(gold)
        try:
            report = parse_file(path)
        except GongkaiError as exc:
            totals["failed"] += 1
            totals["cells"] += len(expected)
            totals["wrong"] += 0
            print(f"{label:58} {'0/' + str(len(expected)):>11}  读取失败：{exc}")
            continue
        data = report.to_json(provenance=False)
        got = parsed_cells(data)
        uncertain = {tuple(u["cell"]) for u in data["uncertain_cells"]}
        right = wrong = 0
        wrong_cells = []
        for ref, value in expected.items():
            mine = got.get(ref, "<missing>")
            if mine == value and ref not in uncertain:
                right += 1
            elif ref not in uncertain:
                wrong += 1
                wrong_cells.append((ref, value, mine))
        sections_ok = data["sections_present"] == gold["sections_present"]
        form_ok = data["format"] == gold["format"] and data["table_formats"] == gold["table_formats"]
        totals["right"] += right
        totals["cells"] += len(expected)
        totals["sections"] += sections_ok
        totals["forms"] += form_ok
        totals["uncertain"] += len(uncertain)
        totals["wrong"] += wrong
        print(
            f"{label:58} {f'{right}/{len(expected)}':>11} {'✓' if sections_ok else '✗':>4} "
            f"{'✓' if form_ok else '✗':>4} {len(uncertain):>4} {wrong:>5}"
        )
        if args.verbose:
            for ref, value, mine in wrong_cells[:10]:
                print(f"      {ref}: gold {value!r}, parsed {mine!r}")
            if not sections_ok:
                print(f"      sections {data['sections_present']} vs gold {gold['sections_present']}")
            if not form_ok:
                print(f"      format {data['format']} {data['table_formats']} vs gold {gold['format']} {gold['table_formats']}")
    print()
    print(
        f"TOTAL {totals['files']} files: cells right {totals['right']}/{totals['cells']} "
        f"({100 * totals['right'] / max(1, totals['cells']):.2f}%), sections right {totals['sections']}/{totals['files']}, "
        f"form right {totals['forms']}/{totals['files']}, uncertain cells {totals['uncertain']}, "
        f"cells wrong and not flagged {totals['wrong']}, files not read {totals['failed']}"
    )
    return 0 if totals["wrong"] == 0 and totals["failed"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
