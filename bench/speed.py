"""Parsing speed for text reports (CPU time of this process, so other load on the machine does not count),
beside the cost of merely reading the same files and running one
regular expression over them. One core, in-process; the corpus text files repeated for a stable figure.

    .venv/bin/python bench/speed.py [--rounds 200] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import time
from pathlib import Path

from gongkai.parse import parse_document
from gongkai.read import read_bytes

ROOT = Path(__file__).resolve().parents[1]

CORPUS = ROOT.parent / "shared" / "corpus" / "reports"
BASELINE = re.compile(r"(\d+)\s*件")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=200)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    paths = sorted(CORPUS.glob("*.txt"))
    blobs = [(p.name, p.read_bytes()) for p in paths]
    # warm caches the way a long batch run does (label and value caches fill on the first reports)
    for name, data in blobs:
        parse_document(read_bytes(data, name))

    start = time.process_time()
    hits = 0
    for _ in range(args.rounds):
        for p in paths:
            hits += len(BASELINE.findall(p.read_bytes().decode("utf-8")))
    baseline = time.process_time() - start

    def run() -> float:
        t = time.process_time()
        for _ in range(args.rounds):
            for p in paths:
                parse_document(read_bytes(p.read_bytes(), p.name))
        return time.process_time() - t

    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        elapsed = run()
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
    else:
        elapsed = run()
    n = args.rounds * len(paths)
    print(f"text reports parsed: {n} ({len(paths)} corpus files × {args.rounds} rounds), one core")
    print(f"  full parse (read + decode + parse): {n / elapsed:,.0f} reports/s, {1000 * elapsed / n:.3f} ms/report")
    print(f"  baseline (read file + decode + one regex): {n / baseline:,.0f} files/s, {1000 * baseline / n:.3f} ms/file")
    print(f"  ratio parse / baseline: {elapsed / baseline:.1f}×")


if __name__ == "__main__":
    main()
