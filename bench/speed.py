"""Parsing speed for text reports (CPU time of this process, so other load on the machine does not count),
beside the cost of merely reading the same files and running one regular expression over them. One core,
in-process; the corpus text files repeated for a stable figure.

    .venv/bin/python bench/speed.py [--rounds 200] [--profile] [--peer PATH]

``--peer PATH`` times the fastest competitor parser (govnianbao, a Python library: PATH is the ``src``
folder of a checkout, which is not part of this repository) on the same files in the same process,
rounds interleaved with gongkai's, so that both figures come from one machine at one moment. The issue's
target (1,000 reports/s) was set beside that parser's 0.9 ms per report on another machine; on a slower
machine the ratio is the figure that carries over.

Each figure is quoted from the median round, with the mean and the range beside it: a shared machine's
speed drifts by ±20 % from minute to minute, and a few rounds that another tenant slows move the mean.
For a figure that does not drift, count instructions instead (valgrind is on every machine here):

    valgrind --tool=callgrind --callgrind-out-file=/dev/null .venv/bin/python bench/speed.py --rounds 20
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import importlib
import io
import pstats
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from gongkai.parse import parse_document
from gongkai.read import read_bytes

ROOT = Path(__file__).resolve().parents[1]

CORPUS = ROOT.parent / "shared" / "corpus" / "reports"
BASELINE = re.compile(r"(\d+)\s*件")


def _peer(path: str) -> Callable[[bytes], object]:
    """govnianbao's whole-report entry point (it takes decoded text; its own messages are silenced)."""
    sys.path.insert(0, path)
    module = importlib.import_module("govnianbao.annual_report_parser")
    parse = module.parse_annual_report_text_to_dict
    sink = io.StringIO()

    def run(data: bytes) -> object:
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            result = parse(data.decode("utf-8"))
        sink.seek(0)
        sink.truncate()
        return result

    return run


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=200)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--peer", help="the src folder of a govnianbao checkout, to time it beside gongkai")
    args = ap.parse_args()
    paths = sorted(CORPUS.glob("*.txt"))
    peer = _peer(args.peer) if args.peer else None
    # warm caches the way a long batch run does (label and value caches fill on the first reports)
    for p in paths:
        parse_document(read_bytes(p.read_bytes(), p.name))
        if peer is not None:
            peer(p.read_bytes())

    def baseline_round() -> float:
        t = time.process_time()
        for p in paths:
            BASELINE.findall(p.read_bytes().decode("utf-8"))
        return time.process_time() - t

    def one_round() -> tuple[float, float, float]:
        t = time.process_time()
        for p in paths:
            parse_document(read_bytes(p.read_bytes(), p.name))
        ours = time.process_time() - t
        theirs = 0.0
        if peer is not None:
            t = time.process_time()
            for p in paths:
                peer(p.read_bytes())
            theirs = time.process_time() - t
        return ours, theirs, baseline_round()

    def run() -> list[tuple[float, float, float]]:
        # rounds interleaved: a drift of the machine's speed hits both parsers and the baseline alike
        return [one_round() for _ in range(args.rounds)]

    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        rounds = run()
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
    else:
        rounds = run()
    n = args.rounds * len(paths)
    ours = [r[0] for r in rounds]
    theirs = [r[1] for r in rounds]
    baseline = [r[2] for r in rounds]
    per_round = len(paths)

    def rate(times: list[float], unit: str = "reports") -> str:
        """Reports per second from the median round (the figure quoted), and from the mean round and the
        fastest and slowest rounds: on a shared machine a few rounds are slowed by other tenants, which
        moves the mean but not the median (timeit's advice: the spread is interference, not the code)."""
        med, mean = statistics.median(times), statistics.fmean(times)
        return (
            f"{per_round / med:,.0f} {unit}/s ({1000 * med / per_round:.3f} ms each; mean round "
            f"{per_round / mean:,.0f}/s, rounds {per_round / max(times):,.0f}–{per_round / min(times):,.0f}/s)"
        )

    print(f"text reports parsed: {n} ({len(paths)} corpus files × {args.rounds} rounds), one core")
    print(f"  full parse (read + decode + parse): {rate(ours)}")
    print(f"  baseline (read file + decode + one regex): {rate(baseline, 'files')}")
    print(f"  ratio parse / baseline (medians): {statistics.median(ours) / statistics.median(baseline):.1f}×")
    if peer is not None:
        print(f"  govnianbao (decode + parse, same files, same rounds): {rate(theirs)}")
        print(
            f"  gongkai is {statistics.median(theirs) / statistics.median(ours):.2f}× as fast as govnianbao "
            "on this machine (medians)"
        )


if __name__ == "__main__":
    main()
